package app.soapstone.receipt;

import java.util.Locale;

/**
 * What a line of a receipt's ledger is: money received or given back, or money carried over from a
 * voided receipt to the one that replaces it (moved out of the one, into the other), which is never
 * income.
 */
public enum PaymentKind {
    PAYMENT, REFUND, MOVED_IN, MOVED_OUT;

    /** "moved-in", as stored. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether it adds to what was paid on the receipt (a payment, or money moved in). */
    public boolean adds() {
        return this == PAYMENT || this == MOVED_IN;
    }

    static PaymentKind of(String stored) {
        return valueOf(stored.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
