package app.soapstone.receipt;

import app.soapstone.validation.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A receipt as issued - every field the regulator asks for, as it was when issued - with what has
 * been paid and refunded against it since, and its void if it was voided.
 *
 * @param number the clinic's receipt number: 1, 2, 3... with no gap
 * @param visitDate the date of the appointment (the session's date)
 * @param registrationNumber the therapist's registration number; null if they have none recorded
 * @param taxNumber the tax registration number (the therapist's own, else the clinic's); null if none
 * @param minutes the session's length; null if not recorded
 * @param taxName the tax's name ("HST") and {@code taxRate} its rate in percent; both null if no tax
 * @param voided the void, or null
 */
public record Receipt(long id, long number, long sessionId, long clientId, long practitionerId, Long serviceId,
        LocalDate visitDate, String clientName, String practitionerName, String practitionerCredentials,
        String registrationNumber, String taxNumber, String serviceName, Integer minutes, Money fee, String taxName,
        BigDecimal taxRate, Money tax, Money total, Instant issuedAt, Voided voided, List<Payment> payments) {

    /** When and why a receipt was voided. */
    public record Voided(Instant at, String reason) {
    }

    public boolean isVoid() {
        return voided != null;
    }

    /** What has been paid on it, net of refunds and of money moved to or from another receipt. */
    public Money paid() {
        return payments.stream().map(Payment::signed).reduce(Money.zero(total.currency()), Money::plus);
    }

    /** What is still owed: the total less what was paid. */
    public Money balance() {
        return total.minus(paid());
    }

    /** "Alex Chen, RMT". */
    public String practitionerSignature() {
        return practitionerName + (practitionerCredentials.isBlank() ? "" : ", " + practitionerCredentials);
    }

    /** "HST 13%", or "" when no tax is charged. */
    public String taxLabel() {
        return taxRate == null ? "" : taxName + " " + taxRate.stripTrailingZeros().toPlainString() + "%";
    }
}
