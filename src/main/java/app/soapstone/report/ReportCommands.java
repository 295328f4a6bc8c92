package app.soapstone.report;

import app.soapstone.report.IncomeReport.Charged;
import app.soapstone.report.IncomeReport.ChargedLine;
import app.soapstone.report.IncomeReport.Received;
import app.soapstone.report.IncomeReport.ReceivedLine;
import app.soapstone.report.Outstanding.Owed;
import app.soapstone.shell.Screen;
import app.soapstone.shell.Tables;
import app.soapstone.validation.Money;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** {@code report income|outstanding}: what the clinic charged and received, and what is still owed. */
@Component
class ReportCommands {

    private static final String GROUP = "Reports";
    /** Keeps an amount ("CAD 120.00") on one line and pads it to the right; a plain space again in the output. */
    private static final char NO_BREAK_SPACE = '\u00A0';

    private final ReportService reports;
    private final Screen screen;

    ReportCommands(ReportService reports, Screen screen) {
        this.reports = reports;
        this.screen = screen;
    }

    @Command(name = "report income", group = GROUP,
            description = "Income for a month or dates: charged for its visits, received on its days",
            help = """
                    Charged: the receipts in force for visits in the period (voided ones left out and counted),
                    their fees, tax and totals by practitioner, by service and by tax. Received: payments less
                    refunds made in the period, by method and by practitioner; money moved from a voided receipt
                    to the one issued in its place is not income. Days are the clinic's, in its time zone.
                    Without --month or --from, this month. --csv writes it as one CSV file instead (a folder
                    gets income-<month>.csv or income-<from>-to-<to>.csv), readable by you only; an existing file
                    is replaced only with --force.""")
    String income(@Option(longName = "month", description = "The month, YYYY-MM (default: this month)") String month,
            @Option(longName = "from", description = "First day, YYYY-MM-DD, today or yesterday") String from,
            @Option(longName = "to", description = "Last day, YYYY-MM-DD, today or yesterday (default: today)")
            String to,
            @Option(longName = "csv", description = "CSV file (or folder, for income-<period>.csv) to write")
            String csv,
            @Option(longName = "force", description = "Replace the CSV file if it exists") boolean force) {
        ReportPeriod period = reports.period(month, from, to);
        if (csv != null) {
            ReportService.Written written = reports.writeIncomeCsv(period, csv, force);
            return "Wrote " + written.rows() + (written.rows() == 1 ? " row" : " rows") + " to " + written.file()
                    + ": income for " + period.said() + ", days in " + written.report().zone().getId() + ".";
        }
        return income(reports.income(period), screen.width());
    }

    @Command(name = "report outstanding", group = GROUP,
            description = "Receipts with a balance still owing, oldest visit first, and the total owing")
    String outstanding(@Option(longName = "client", description = "Client id (default: all clients)") Long client) {
        Outstanding outstanding = reports.outstanding(client);
        if (outstanding.receipts().isEmpty()) {
            return client == null ? "Nothing is owing." : "Nothing is owing on client " + client + "'s receipts.";
        }
        return outstanding(outstanding, screen.width());
    }

    /** The receipts owing as text {@code width} wide: a table, then the total owing. */
    static String outstanding(Outstanding outstanding, int width) {
        int count = outstanding.receipts().size();
        String heading = "Owing on " + count + (count == 1 ? " receipt" : " receipts") + " in force, as of "
                + outstanding.today();
        String total = "\nTotal owing: " + outstanding.totals().stream().map(Money::toString)
                .collect(Collectors.joining(", ")) + ".";
        String wide = owed(outstanding, false, false, Integer.MAX_VALUE);
        if (wide.lines().mapToInt(String::length).max().orElse(0) <= width) {
            return heading + ":\n" + wide + total;
        }
        // Too narrow for a currency code in every amount and a column each for client and therapist:
        // the code is said once (when there is one) and the therapist goes under the client.
        boolean oneCurrency = outstanding.totals().size() == 1;
        return heading + (oneCurrency ? ", amounts in " + outstanding.totals().getFirst().currency().getCurrencyCode()
                : "") + ":\n" + owed(outstanding, true, oneCurrency, width) + total;
    }

    /**
     * The receipts owing as a table {@code width} wide: a column each for client and therapist, or
     * when {@code narrow} one for both; amounts without their currency code when {@code plain}.
     */
    private static String owed(Outstanding outstanding, boolean narrow, boolean plain, int width) {
        List<List<String>> rows = new ArrayList<>();
        for (Owed o : outstanding.receipts()) {
            List<String> row = new ArrayList<>(List.of(String.valueOf(o.number()), o.visitDate().toString(),
                    o.client() + " (" + o.clientId() + ")"));
            if (narrow) {
                row.set(2, row.get(2) + "\n" + o.practitioner());
            } else {
                row.add(o.practitioner());
            }
            for (Money money : List.of(o.total(), o.paid(), o.owing())) {
                row.add(plain ? money.amount().toPlainString() : amount(money));
            }
            row.add(String.valueOf(ChronoUnit.DAYS.between(o.visitDate(), outstanding.today())));
            rows.add(row);
        }
        if (narrow) {
            return table(List.of("No.", "Visit", "Client, therapist", "Total", "Paid", "Owing", "Days"), rows,
                    List.of(0, 3, 4, 5, 6), width);
        }
        return table(List.of("No.", "Visit", "Client", "Therapist", "Total", "Paid", "Owing", "Days"), rows,
                List.of(0, 4, 5, 6, 7), width);
    }

    /** The income report as text {@code width} wide: a heading, then a table for each way of adding it up. */
    static String income(IncomeReport report, int width) {
        List<String> parts = new ArrayList<>();
        parts.add("Income for " + report.period().said() + ", days in " + report.zone().getId() + ".");
        Charged charged = report.charged();
        String voided = charged.voided() == 0 ? "" : " (" + receipts(charged.voided()) + " voided, left out)";
        if (charged.isEmpty()) {
            parts.add("Charged for visits in the period: no receipts" + voided + ".");
        } else {
            parts.add("Charged for visits in the period: " + receipts(charged.totals().stream()
                    .mapToLong(ChargedLine::receipts).sum()) + " in force" + voided + ".\n"
                    + charged("Practitioner", charged.byPractitioner(), charged.totals(), width) + "\n\n"
                    + charged("Service", charged.byService(), charged.totals(), width) + "\n\n"
                    + charged("Tax rate", charged.byTax(), charged.totals(), width));
        }
        Received received = report.received();
        String heading = "Received in the period: payments less refunds, on the days they were made (money moved"
                + " from a voided receipt to its replacement is not income)";
        if (received.isEmpty()) {
            parts.add(heading + ": nothing.");
        } else {
            parts.add(heading + ".\n" + received("Method", received.byMethod(), received.totals(), width) + "\n\n"
                    + received("Practitioner", received.byPractitioner(), received.totals(), width));
        }
        return String.join("\n\n", parts);
    }

    private static String charged(String what, List<ChargedLine> lines, List<ChargedLine> totals, int width) {
        List<List<String>> rows = new ArrayList<>();
        for (ChargedLine line : lines) {
            rows.add(List.of(name(line.id(), line.name(), "No tax"), String.valueOf(line.receipts()),
                    amount(line.fees()), amount(line.tax()), amount(line.total())));
        }
        for (ChargedLine total : totals) {
            rows.add(List.of("All", String.valueOf(total.receipts()), amount(total.fees()), amount(total.tax()),
                    amount(total.total())));
        }
        return table(List.of(what, "Receipts", "Fees", "Tax", "Total"), rows, List.of(1, 2, 3, 4), width);
    }

    private static String received(String what, List<ReceivedLine> lines, List<ReceivedLine> totals, int width) {
        List<List<String>> rows = new ArrayList<>();
        for (ReceivedLine line : lines) {
            rows.add(List.of(name(line.id(), line.name(), ""), amount(line.payments()), amount(line.refunds()),
                    amount(line.net())));
        }
        for (ReceivedLine total : totals) {
            rows.add(List.of("All", amount(total.payments()), amount(total.refunds()), amount(total.net())));
        }
        return table(List.of(what, "Payments", "Refunds", "Received"), rows, List.of(1, 2, 3), width);
    }

    /** "Alex Chen (1)": a practitioner or service with its id; a tax or method as it is. */
    private static String name(Long id, String name, String none) {
        return name == null ? none : id == null ? name : name + " (" + id + ")";
    }

    private static String receipts(long count) {
        return count + (count == 1 ? " receipt" : " receipts");
    }

    /** "CAD 120.00", as {@link Money} writes it, kept on one line. */
    private static String amount(Money money) {
        return money.toString().replace(' ', NO_BREAK_SPACE);
    }

    /**
     * A table {@code width} wide whose columns {@code right} (counts and amounts) are aligned to the
     * right, so that their digits line up; the other columns wrap at spaces as every table does.
     */
    private static String table(List<String> headers, List<List<String>> rows, List<Integer> right, int width) {
        int[] widths = new int[headers.size()];
        for (int column : right) {
            widths[column] = headers.get(column).length();
            for (List<String> row : rows) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        List<List<String>> aligned = rows.stream().map(row -> padded(row, right, widths)).toList();
        return Tables.render(padded(headers, right, widths), aligned, width).replace(NO_BREAK_SPACE, ' ');
    }

    private static List<String> padded(List<String> cells, List<Integer> right, int[] widths) {
        List<String> padded = new ArrayList<>(cells);
        for (int column : right) {
            String cell = cells.get(column);
            padded.set(column, String.valueOf(NO_BREAK_SPACE).repeat(widths[column] - cell.length()) + cell);
        }
        return padded;
    }
}
