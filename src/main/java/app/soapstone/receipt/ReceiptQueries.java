package app.soapstone.receipt;

import app.soapstone.storage.SqliteDialect;
import app.soapstone.validation.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Receipts as stored, read back whole: the receipt, its void and its ledger. */
@Component
class ReceiptQueries {

    private static final String SELECT = """
            SELECT r.id, r.number, r.session_id, r.client_id, r.practitioner_id, r.service_id, r.visit_date,
                   r.client_name, r.practitioner_name, r.practitioner_credentials, r.registration_number,
                   r.tax_number, r.service_name, r.minutes, r.currency, r.fee_minor, r.tax_name, r.tax_rate,
                   r.tax_minor, r.total_minor, r.issued_at, v.voided_at, v.reason
            FROM receipt r LEFT JOIN receipt_void v ON v.receipt_id = r.id
            """;

    private final JdbcClient jdbc;

    ReceiptQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Receipt> receipt(long id) {
        return withPayments(jdbc.sql(SELECT + "WHERE r.id = ?").param(id).query(ReceiptQueries::receipt).list())
                .stream().findFirst();
    }

    /** The receipts of a session, voided ones too, by number. */
    List<Receipt> ofSession(long sessionId) {
        return withPayments(jdbc.sql(SELECT + "WHERE r.session_id = ? ORDER BY r.number").param(sessionId)
                .query(ReceiptQueries::receipt).list());
    }

    /**
     * Receipts by number: of one client if {@code clientId} is given, for visits from {@code from}
     * to {@code to} (each null for no bound).
     */
    List<Receipt> list(Long clientId, LocalDate from, LocalDate to) {
        return withPayments(jdbc.sql(SELECT + """
                        WHERE (CAST(? AS BIGINT) IS NULL OR r.client_id = ?)
                          AND (CAST(? AS TEXT) IS NULL OR r.visit_date >= ?)
                          AND (CAST(? AS TEXT) IS NULL OR r.visit_date <= ?)
                        ORDER BY r.number""")
                .param(clientId).param(clientId)
                .param(text(from)).param(text(from)).param(text(to)).param(text(to))
                .query(ReceiptQueries::receipt).list());
    }

    /**
     * What a receipt needs of a session, and no more: the front desk issues receipts and may read
     * only these columns of {@code session}, never the note (see {@code clinic.ClinicRoles}).
     *
     * @param minutes the session's length; null if not recorded
     */
    record Visit(long id, long clientId, long practitionerId, LocalDateTime startedAt, Integer minutes) {
    }

    /** The session {@code id} as a receipt needs it, or empty if there is none. */
    Optional<Visit> visit(long id) {
        return jdbc.sql("SELECT id, client_id, practitioner_id, started_at, duration_minutes FROM session WHERE id = ?")
                .param(id).query((row, n) -> {
                    int minutes = row.getInt(5);
                    Integer length = row.wasNull() ? null : minutes;
                    return new Visit(row.getLong(1), row.getLong(2), row.getLong(3), LocalDateTime.parse(row.getString(4)),
                            length);
                }).optional();
    }

    /** How many copies of receipt {@code id} were written or printed, as the audit trail has them. */
    long copiesGiven(long id) {
        return jdbc.sql("""
                        SELECT count(*) FROM audit_event
                        WHERE record_type = 'receipt' AND record_id = ? AND action IN ('export', 'print')""")
                .param(id).query(Long.class).single();
    }

    /** The number the next receipt takes. Read in the issuing transaction, which holds the write lock. */
    long nextNumber() {
        return jdbc.sql("SELECT coalesce(max(number), 0) + 1 FROM receipt").query(Long.class).single();
    }

    /**
     * The service of the client's appointment that a session attended: done, that day (from
     * {@code from} to {@code until}), with a service; of several, those with the session's
     * practitioner. Empty when there is none or it is not one service.
     */
    Optional<Long> serviceOfVisit(long clientId, long practitionerId, Instant from, Instant until) {
        List<long[]> visits = jdbc.sql("""
                        SELECT service_id, practitioner_id FROM appointment
                        WHERE client_id = ? AND status = 'DONE' AND service_id IS NOT NULL
                          AND starts_at >= ? AND starts_at < ?""")
                .param(clientId).param(instant(from)).param(instant(until))
                .query((row, n) -> new long[] {row.getLong(1), row.getLong(2)}).list();
        List<Long> theirs = visits.stream().filter(v -> v[1] == practitionerId).map(v -> v[0]).distinct().toList();
        List<Long> all = visits.stream().map(v -> v[0]).distinct().toList();
        List<Long> candidates = theirs.isEmpty() ? all : theirs;
        return candidates.size() == 1 ? Optional.of(candidates.getFirst()) : Optional.empty();
    }

    private List<Receipt> withPayments(List<Receipt> receipts) {
        if (receipts.isEmpty()) {
            return receipts;
        }
        Map<Long, List<Payment>> ledgers = new LinkedHashMap<>();
        Map<Long, Currency> currencies = new LinkedHashMap<>();
        receipts.forEach(r -> {
            ledgers.put(r.id(), new ArrayList<>());
            currencies.put(r.id(), r.total().currency());
        });
        long first = receipts.stream().mapToLong(Receipt::id).min().orElseThrow();
        long last = receipts.stream().mapToLong(Receipt::id).max().orElseThrow();
        jdbc.sql("""
                        SELECT id, receipt_id, kind, amount_minor, method, payer, note, paid_at FROM receipt_payment
                        WHERE receipt_id BETWEEN ? AND ? ORDER BY id""")
                .param(first).param(last)
                .query((ResultSet row) -> {
                    List<Payment> ledger = ledgers.get(row.getLong(2));
                    if (ledger != null) {
                        ledger.add(new Payment(row.getLong(1), PaymentKind.of(row.getString(3)),
                                Money.ofMinor(row.getLong(4), currencies.get(row.getLong(2))),
                                PaymentMethod.of(row.getString(5)), row.getString(6), row.getString(7),
                                Instant.parse(row.getString(8))));
                    }
                });
        return receipts.stream().map(r -> new Receipt(r.id(), r.number(), r.sessionId(), r.clientId(),
                r.practitionerId(), r.serviceId(), r.visitDate(), r.clientName(), r.practitionerName(),
                r.practitionerCredentials(), r.registrationNumber(), r.taxNumber(), r.serviceName(), r.minutes(),
                r.fee(), r.taxName(), r.taxRate(), r.tax(), r.total(), r.issuedAt(), r.voided(),
                List.copyOf(ledgers.get(r.id())))).toList();
    }

    private static Receipt receipt(ResultSet row, int n) throws SQLException {
        Currency currency = Currency.getInstance(row.getString("currency"));
        long serviceId = row.getLong("service_id");
        Long service = row.wasNull() ? null : serviceId;
        int minutes = row.getInt("minutes");
        Integer length = row.wasNull() ? null : minutes;
        String rate = row.getString("tax_rate");
        String voidedAt = row.getString("voided_at");
        return new Receipt(row.getLong("id"), row.getLong("number"), row.getLong("session_id"),
                row.getLong("client_id"), row.getLong("practitioner_id"), service,
                LocalDate.parse(row.getString("visit_date")), row.getString("client_name"),
                row.getString("practitioner_name"), row.getString("practitioner_credentials"),
                row.getString("registration_number"), row.getString("tax_number"), row.getString("service_name"),
                length, Money.ofMinor(row.getLong("fee_minor"), currency), row.getString("tax_name"),
                rate == null ? null : new BigDecimal(rate), Money.ofMinor(row.getLong("tax_minor"), currency),
                Money.ofMinor(row.getLong("total_minor"), currency), Instant.parse(row.getString("issued_at")),
                voidedAt == null ? null : new Receipt.Voided(Instant.parse(voidedAt), row.getString("reason")),
                List.of());
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String instant(Instant at) {
        return SqliteDialect.INSTANT_TEXT.format(at);
    }
}
