package app.soapstone.receipt;

import java.util.Locale;

/** How a client (or their insurer) paid: as typed, and as stored, in lower case. */
public enum PaymentMethod {
    CARD, CASH, TRANSFER, INSURANCE;

    /** "card", as typed and stored. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    static PaymentMethod of(String stored) {
        return valueOf(stored.toUpperCase(Locale.ROOT));
    }
}
