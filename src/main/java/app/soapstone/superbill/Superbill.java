package app.soapstone.superbill;

import app.soapstone.validation.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * What a superbill prints: the clinic, the client, the period, one line per signed visit with its
 * codes, charge and payments, and the totals. Amounts are exact ({@link Money}); a visit without a
 * receipt has no charge and no payment ({@code null}) and counts in neither total.
 *
 * @param totals the charges, paid and balance of the receipted visits, or null when none is receipted
 */
record Superbill(Clinic clinic, Client client, LocalDate from, LocalDate to, LocalDate printedOn, List<Visit> visits,
        Totals totals, List<Code> codes, String seal) {

    /** The clinic as it heads the superbill. */
    record Clinic(String name, String address, String phone, String taxNumber) {
    }

    /** The client as an insurer identifies them; {@code born}, {@code address} and {@code phone} may be null. */
    record Client(long id, String name, LocalDate born, String address, String phone) {
    }

    /**
     * One visit: the date of service, the place (its POS code and name), the provider, the
     * procedures with their units, the diagnoses, and the charge and net paid from its receipt (null
     * when it has none).
     */
    record Visit(long sessionId, LocalDate date, String place, String provider, String providerNumber,
            List<Procedure> procedures, List<String> diagnoses, Money charge, Money paid) {
    }

    /** A procedure code billed for a visit, with the units and the minutes they came from (null: untimed). */
    record Procedure(String code, int units, Integer minutes) {

        /** "97124 x 3". */
        String billed() {
            return code + " x " + units;
        }
    }

    record Totals(Money charges, Money paid, Money balance) {
    }

    /** A code used on the superbill and what it means, for the key at its foot. */
    record Code(String code, String description) {
    }
}
