package app.soapstone.superbill;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The read model of a superbill: a client's sessions in a period with their provider and the
 * receipt that is not voided (its total and what was paid on it), the services a visit was billed
 * under, and the procedure codes of a service. Plain SQL on the tables, for both databases.
 */
@Repository
class SuperbillQueries {

    private final JdbcClient jdbc;

    SuperbillQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A session of the period: who gave it, its codes, and its receipt that is not voided (null
     * fields when it has none). {@code paidMinor} is payments and money moved in, less refunds and
     * money moved out.
     */
    record VisitRow(long sessionId, LocalDateTime startedAt, Integer durationMinutes, boolean signed,
            String diagnosisCodes, String procedureMinutes, String practitioner, String credentials,
            String registrationNumber, Long receiptServiceId, String currency, Long totalMinor, Long paidMinor) {
    }

    /** The client's sessions that started from {@code from} to {@code to}, both days included, in time order. */
    List<VisitRow> visits(long clientId, LocalDate from, LocalDate to) {
        // Started_at is local time as text (2026-11-02T09:00), so a day's bounds compare as text.
        return jdbc.sql("""
                        SELECT s.id, s.started_at, s.duration_minutes, s.signed_at, s.diagnosis_codes,
                               s.procedure_minutes, p.name, p.credentials, p.registration_number,
                               r.service_id AS receipt_service, r.currency, r.total_minor,
                               (SELECT SUM(CASE WHEN y.kind IN ('payment', 'moved-in') THEN y.amount_minor
                                                ELSE -y.amount_minor END)
                                  FROM receipt_payment y WHERE y.receipt_id = r.id) AS paid_minor
                        FROM session s
                        JOIN practitioner p ON p.id = s.practitioner_id
                        LEFT JOIN receipt r ON r.id = (SELECT MAX(k.id) FROM receipt k WHERE k.session_id = s.id
                            AND NOT EXISTS (SELECT 1 FROM receipt_void v WHERE v.receipt_id = k.id))
                        WHERE s.client_id = ? AND s.started_at >= ? AND s.started_at < ?
                        ORDER BY s.started_at, s.id
                        """)
                .params(clientId, from.toString(), to.plusDays(1).toString())
                .query((row, number) -> new VisitRow(row.getLong("id"), LocalDateTime.parse(row.getString("started_at")),
                        whole(row, "duration_minutes") == null ? null
                                : whole(row, "duration_minutes").intValue(), row.getString("signed_at") != null,
                        row.getString("diagnosis_codes"), row.getString("procedure_minutes"), row.getString("name"),
                        row.getString("credentials"), row.getString("registration_number"),
                        whole(row, "receipt_service"), row.getString("currency"), whole(row, "total_minor"),
                        whole(row, "paid_minor")))
                .list();
    }

    /** A whole number, or null: PostgreSQL's SUM of bigints is a numeric, SQLite's an integer. */
    private static Long whole(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    /** A visit marked done in the appointment book, on its day in the zone it was booked in, with its service. */
    record DoneVisit(LocalDate day, long serviceId) {
    }

    /**
     * The client's appointments marked done, for a service, around the period (a day either side:
     * they are stored as UTC instants), each on its local day.
     */
    List<DoneVisit> doneVisits(long clientId, LocalDate from, LocalDate to) {
        List<DoneVisit> visits = new ArrayList<>();
        jdbc.sql("""
                        SELECT starts_at, time_zone, service_id FROM appointment
                        WHERE client_id = ? AND status = 'DONE' AND service_id IS NOT NULL
                          AND starts_at >= ? AND starts_at < ?
                        ORDER BY starts_at, id
                        """)
                .params(clientId, from.minusDays(1).toString(), to.plusDays(2).toString())
                .query((row, number) -> new DoneVisit(Instant.parse(row.getString("starts_at"))
                        .atZone(ZoneId.of(row.getString("time_zone"))).toLocalDate(), row.getLong("service_id")))
                .list().forEach(visits::add);
        return visits;
    }

    /** The procedure codes a service is billed under (its {@code --codes}), in order; empty when none. */
    List<String> serviceCodes(long serviceId) {
        Optional<String> codes = jdbc.sql("SELECT billing_codes FROM service WHERE id = ?").param(serviceId)
                .query((row, number) -> Optional.ofNullable(row.getString("billing_codes"))).optional()
                .flatMap(found -> found);
        return codes.map(text -> List.of(text.split(","))).orElse(List.of());
    }
}
