package app.soapstone.receipt;

import app.soapstone.validation.Money;

import java.time.Instant;

/**
 * A line of a receipt's ledger: a payment, a refund, or money moved from a voided receipt.
 *
 * @param payer who paid, when not the client (an insurer); null otherwise
 * @param note why a refund was given, or where money was moved from or to; null if none
 */
public record Payment(long id, PaymentKind kind, Money amount, PaymentMethod method, String payer, String note,
        Instant at) {

    /** The amount as it counts towards what was paid: less than zero for a refund or money moved out. */
    public Money signed() {
        return kind.adds() ? amount : Money.zero(amount.currency()).minus(amount);
    }
}
