package app.soapstone.report;

import app.soapstone.report.IncomeReport.ChargedLine;
import app.soapstone.report.IncomeReport.ReceivedLine;
import app.soapstone.report.Outstanding.Owed;
import app.soapstone.storage.SqliteDialect;
import app.soapstone.validation.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * The sums behind the reports, added up by the database over whole minor units (cents), so every
 * figure is exact. Dates and instants are ISO text on both databases: a period is a range of text.
 */
@Component
class ReportQueries {

    /**
     * Receipts in force for visits from the first date to the last, grouped as the caller says.
     * Unordered: {@link ReportService} puts the lines in order, the same on both databases.
     */
    private static final String CHARGED = """
            SELECT %s AS id, %s AS name, %s AS rate, r.currency, count(*) AS receipts,
                   sum(r.fee_minor) AS fees, sum(r.tax_minor) AS tax, sum(r.total_minor) AS total
            FROM receipt r %s
            WHERE r.visit_date >= ? AND r.visit_date <= ?
              AND NOT EXISTS (SELECT 1 FROM receipt_void v WHERE v.receipt_id = r.id)
            GROUP BY r.currency%s""";

    /**
     * Payments and refunds made from the first instant up to the second, grouped as the caller
     * says. Money moved between a voided receipt and its replacement is not income: left out.
     */
    private static final String RECEIVED = """
            SELECT %s AS id, %s AS name, r.currency,
                   sum(CASE WHEN p.kind = 'payment' THEN p.amount_minor ELSE 0 END) AS payments,
                   sum(CASE WHEN p.kind = 'refund' THEN p.amount_minor ELSE 0 END) AS refunds
            FROM receipt_payment p JOIN receipt r ON r.id = p.receipt_id %s
            WHERE p.kind IN ('payment', 'refund') AND p.paid_at >= ? AND p.paid_at < ?
            GROUP BY r.currency%s""";

    private static final String NONE = "CAST(NULL AS BIGINT)";
    private static final String NO_TEXT = "CAST(NULL AS TEXT)";
    private static final String PRACTITIONER = "JOIN practitioner pr ON pr.id = r.practitioner_id";
    /** A service by the name it has now (a receipt keeps the name it was issued with). */
    private static final String SERVICE_NAME = "CASE WHEN s.id IS NULL THEN r.service_name ELSE s.name END";

    private final JdbcClient jdbc;

    ReportQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ChargedLine> chargedTotals(LocalDate from, LocalDate to) {
        return charged(NONE, NO_TEXT, NO_TEXT, "", "", from, to);
    }

    List<ChargedLine> chargedByPractitioner(LocalDate from, LocalDate to) {
        return charged("r.practitioner_id", "pr.name", NO_TEXT, PRACTITIONER, ", r.practitioner_id, pr.name", from,
                to);
    }

    List<ChargedLine> chargedByService(LocalDate from, LocalDate to) {
        return charged("r.service_id", SERVICE_NAME, NO_TEXT, "LEFT JOIN service s ON s.id = r.service_id",
                ", r.service_id, " + SERVICE_NAME, from, to);
    }

    /** By tax: its name and rate as on the receipts ("HST", "13"); a line with no name for receipts with no tax. */
    List<ChargedLine> chargedByTax(LocalDate from, LocalDate to) {
        return charged(NONE, "r.tax_name", "r.tax_rate", "", ", r.tax_name, r.tax_rate", from, to);
    }

    /** How many receipts for visits in the period were voided. */
    long voided(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT count(*) FROM receipt r
                        WHERE r.visit_date >= ? AND r.visit_date <= ?
                          AND EXISTS (SELECT 1 FROM receipt_void v WHERE v.receipt_id = r.id)""")
                .param(from.toString()).param(to.toString()).query(Long.class).single();
    }

    List<ReceivedLine> receivedTotals(Instant from, Instant until) {
        return received(NONE, NO_TEXT, "", "", from, until);
    }

    List<ReceivedLine> receivedByMethod(Instant from, Instant until) {
        return received(NONE, "p.method", "", ", p.method", from, until);
    }

    List<ReceivedLine> receivedByPractitioner(Instant from, Instant until) {
        return received("r.practitioner_id", "pr.name", PRACTITIONER, ", r.practitioner_id, pr.name", from, until);
    }

    /**
     * Receipts in force whose total is more than what was paid on them (payments and money moved
     * in, less refunds and money moved out), of one client if given; oldest visit first.
     */
    List<Owed> owed(Long clientId) {
        return jdbc.sql("""
                        SELECT r.number, r.visit_date, r.client_id, r.client_name, r.practitioner_name, r.currency,
                               r.total_minor, coalesce(sum(CASE WHEN p.kind IN ('payment', 'moved-in')
                                   THEN p.amount_minor ELSE -p.amount_minor END), 0) AS paid
                        FROM receipt r LEFT JOIN receipt_payment p ON p.receipt_id = r.id
                        WHERE NOT EXISTS (SELECT 1 FROM receipt_void v WHERE v.receipt_id = r.id)
                          AND (CAST(? AS BIGINT) IS NULL OR r.client_id = ?)
                        GROUP BY r.id, r.number, r.visit_date, r.client_id, r.client_name, r.practitioner_name,
                                 r.currency, r.total_minor
                        HAVING r.total_minor > coalesce(sum(CASE WHEN p.kind IN ('payment', 'moved-in')
                                   THEN p.amount_minor ELSE -p.amount_minor END), 0)
                        ORDER BY r.visit_date, r.number""")
                .param(clientId).param(clientId)
                .query((row, n) -> {
                    Currency currency = Currency.getInstance(row.getString("currency"));
                    return new Owed(row.getLong("number"), LocalDate.parse(row.getString("visit_date")),
                            row.getLong("client_id"), row.getString("client_name"), row.getString("practitioner_name"),
                            Money.ofMinor(row.getLong("total_minor"), currency),
                            Money.ofMinor(row.getLong("paid"), currency));
                }).list();
    }

    private List<ChargedLine> charged(String id, String name, String rate, String join, String groupBy, LocalDate from,
            LocalDate to) {
        return jdbc.sql(CHARGED.formatted(id, name, rate, join, groupBy))
                .param(from.toString()).param(to.toString())
                .query((row, n) -> {
                    Currency currency = Currency.getInstance(row.getString("currency"));
                    String taxRate = row.getString("rate");
                    String taxName = row.getString("name");
                    String label = taxRate == null ? taxName : taxName + " " + taxRate + "%";
                    return new ChargedLine(id(row), label, row.getLong("receipts"),
                            Money.ofMinor(row.getLong("fees"), currency), Money.ofMinor(row.getLong("tax"), currency),
                            Money.ofMinor(row.getLong("total"), currency));
                }).list();
    }

    private List<ReceivedLine> received(String id, String name, String join, String groupBy, Instant from,
            Instant until) {
        return jdbc.sql(RECEIVED.formatted(id, name, join, groupBy))
                .param(instant(from)).param(instant(until))
                .query((row, n) -> {
                    Currency currency = Currency.getInstance(row.getString("currency"));
                    return new ReceivedLine(id(row), row.getString("name"),
                            Money.ofMinor(row.getLong("payments"), currency),
                            Money.ofMinor(row.getLong("refunds"), currency));
                }).list();
    }

    private static Long id(ResultSet row) throws SQLException {
        long id = row.getLong("id");
        return row.wasNull() ? null : id;
    }

    private static String instant(Instant at) {
        return SqliteDialect.INSTANT_TEXT.format(at);
    }
}
