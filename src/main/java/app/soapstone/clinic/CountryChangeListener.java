package app.soapstone.clinic;

/**
 * Told when the clinic's country changes, inside the transaction that changes it: for what reads
 * phone numbers in that country (client search), so that nothing is left read in the old one.
 */
public interface CountryChangeListener {

    /** The clinic's new country (ISO 3166 two letters), or {@code null} when it was cleared. */
    void countryChanged(String country);
}
