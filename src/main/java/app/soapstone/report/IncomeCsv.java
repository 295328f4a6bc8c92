package app.soapstone.report;

import app.soapstone.report.IncomeReport.ChargedLine;
import app.soapstone.report.IncomeReport.ReceivedLine;
import app.soapstone.validation.Money;
import app.soapstone.validation.SpreadsheetFormulas;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The income report as one CSV table that a spreadsheet can filter and pivot: a row a line of the
 * report, its {@code section} saying which list it is from ({@code charged-by-service},
 * {@code received-by-method}...), the same columns on every row and the period on each, so that
 * months written one by one can be pasted together. Amounts are plain decimals with a
 * {@code currency} column; a column that does not apply to a section is empty.
 *
 * @param rows how many rows of figures it holds, the header aside
 */
record IncomeCsv(String text, int rows) {

    /** The columns, in order. */
    static final List<String> COLUMNS = List.of("from", "to", "section", "id", "name", "currency", "receipts", "fees",
            "tax", "total", "payments", "refunds", "received");

    /**
     * RFC 4180 with every value quoted, as {@code export} writes: a name a spreadsheet would run as a
     * formula is written with a single quote before it. Amounts and counts are numbers Soapstone
     * made, so they are written as they are (a net refund is "-35.60", a number, not a formula).
     */
    static IncomeCsv of(IncomeReport report) {
        List<List<Object>> rows = new ArrayList<>();
        IncomeReport.Charged charged = report.charged();
        charged(rows, "charged", charged.totals(), "all");
        charged(rows, "charged-by-practitioner", charged.byPractitioner(), null);
        charged(rows, "charged-by-service", charged.byService(), null);
        charged(rows, "charged-by-tax", charged.byTax(), "no tax");
        rows.add(Arrays.asList("voided", null, null, null, charged.voided()));
        IncomeReport.Received received = report.received();
        received(rows, "received", received.totals(), "all");
        received(rows, "received-by-method", received.byMethod(), null);
        received(rows, "received-by-practitioner", received.byPractitioner(), null);
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new))
                .setQuoteMode(QuoteMode.ALL_NON_NULL).get().print(out)) {
            for (List<Object> row : rows) {
                printer.print(report.period().from().toString());
                printer.print(report.period().to().toString());
                for (int column = 0; column < COLUMNS.size() - 2; column++) {
                    Object value = column < row.size() ? row.get(column) : null;
                    printer.print(value instanceof String text ? SpreadsheetFormulas.neutralised(text) : value);
                }
                printer.println();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new IncomeCsv(out.toString(), rows.size());
    }

    /** section, id, name, currency, receipts, fees, tax, total. */
    private static void charged(List<List<Object>> rows, String section, List<ChargedLine> lines, String unnamed) {
        for (ChargedLine line : lines) {
            rows.add(Arrays.asList(section, line.id(), line.name() == null ? unnamed : line.name(), code(line.total()),
                    line.receipts(), amount(line.fees()), amount(line.tax()), amount(line.total())));
        }
    }

    /** section, id, name, currency, (four empty), payments, refunds, received. */
    private static void received(List<List<Object>> rows, String section, List<ReceivedLine> lines, String unnamed) {
        for (ReceivedLine line : lines) {
            rows.add(Arrays.asList(section, line.id(), line.name() == null ? unnamed : line.name(),
                    code(line.payments()), null, null, null, null, amount(line.payments()), amount(line.refunds()),
                    amount(line.net())));
        }
    }

    private static String code(Money money) {
        return money.currency().getCurrencyCode();
    }

    private static BigDecimal amount(Money money) {
        return money.amount();
    }
}
