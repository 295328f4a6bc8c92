package app.soapstone.report;

import app.soapstone.validation.Money;

import java.time.ZoneId;
import java.util.List;

/**
 * What a period brought in, two ways: what was charged for its visits (the receipts in force for
 * visits on its days) and what was received on its days (payments less refunds, when they were
 * made). Each list has a line per currency the receipts were in; a clinic has one unless it changed
 * its currency.
 *
 * @param zone the clinic's time zone, in which the period's days begin and end
 */
record IncomeReport(ReportPeriod period, ZoneId zone, Charged charged, Received received) {

    /**
     * Receipts in force for visits in the period, totalled: all of them ({@code totals}, one line a
     * currency), by practitioner, by service and by tax. {@code voided} receipts for those visits
     * are left out, and only counted.
     */
    record Charged(List<ChargedLine> totals, List<ChargedLine> byPractitioner, List<ChargedLine> byService,
            List<ChargedLine> byTax, long voided) {

        boolean isEmpty() {
            return totals.isEmpty();
        }
    }

    /**
     * A line of what was charged: {@code name} ("Alex Chen", "Massage 60", "HST 13%"), with the
     * practitioner's or service's {@code id} (null for a tax or a total), and the number of receipts,
     * their fees, tax and totals. A tax line's fees are the fees the tax was charged on.
     */
    record ChargedLine(Long id, String name, long receipts, Money fees, Money tax, Money total) {
    }

    /**
     * Money received in the period: all of it ({@code totals}, a line a currency), by method and
     * by the practitioner of the receipt it was paid on.
     */
    record Received(List<ReceivedLine> totals, List<ReceivedLine> byMethod, List<ReceivedLine> byPractitioner) {

        boolean isEmpty() {
            return totals.isEmpty();
        }
    }

    /** A line of what was received: payments, refunds, and the two netted ({@link #net}). */
    record ReceivedLine(Long id, String name, Money payments, Money refunds) {

        /** Payments less refunds: what was received. */
        Money net() {
            return payments.minus(refunds);
        }
    }
}
