package app.soapstone.clinic;

/**
 * Asked before the clinic's currency changes, inside the transaction that changes it: for what holds
 * amounts in the old currency (service prices), which may refuse the change rather than have an
 * amount read in a currency it was not set in.
 */
public interface CurrencyChangeListener {

    /** The clinic's new currency (ISO 4217 code), or {@code null} when it is being cleared; throws to refuse. */
    void currencyChanging(String currency);
}
