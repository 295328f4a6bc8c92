package app.soapstone.report;

import app.soapstone.validation.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * Receipts in force with something still owing on them, oldest visit first, and what is owing in
 * all ({@code totals}, one amount a currency).
 */
record Outstanding(LocalDate today, List<Owed> receipts, List<Money> totals) {

    /** A receipt with a balance: its total, what was paid on it (net) and what is owing. */
    record Owed(long number, LocalDate visitDate, long clientId, String client, String practitioner, Money total,
            Money paid) {

        Money owing() {
            return total.minus(paid);
        }
    }
}
