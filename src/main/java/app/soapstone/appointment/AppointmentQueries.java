package app.soapstone.appointment;

import app.soapstone.client.Client;
import app.soapstone.storage.SqliteDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The appointment book as read: entries with their client's and practitioner's names. */
@Component
class AppointmentQueries {

    private static final String SELECT = """
            SELECT a.id, a.client_id, c.first_name, c.last_name, c.preferred_name, a.practitioner_id,
                   p.name AS practitioner, a.starts_at, a.ends_at, a.status, a.note, a.cancel_reason, s.name AS service
            FROM appointment a JOIN client c ON c.id = a.client_id JOIN practitioner p ON p.id = a.practitioner_id
            LEFT JOIN service s ON s.id = a.service_id
            """;

    private final JdbcClient jdbc;

    AppointmentQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the book shows: those starting in [from, to) (either end open when null), of one practitioner or client if given. */
    List<BookEntry> list(Instant from, Instant to, Long practitionerId, Long clientId) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (from != null) {
            where.add("a.starts_at >= :from");
            params.put("from", SqliteDialect.INSTANT_TEXT.format(from));
        }
        if (to != null) {
            where.add("a.starts_at < :to");
            params.put("to", SqliteDialect.INSTANT_TEXT.format(to));
        }
        if (practitionerId != null) {
            where.add("a.practitioner_id = :practitioner");
            params.put("practitioner", practitionerId);
        }
        if (clientId != null) {
            where.add("a.client_id = :client");
            params.put("client", clientId);
        }
        String sql = SELECT + (where.isEmpty() ? "" : "WHERE " + String.join(" AND ", where) + "\n")
                + "ORDER BY a.starts_at, a.practitioner_id, a.id";
        return jdbc.sql(sql).params(params).query(AppointmentQueries::entry).list();
    }

    /**
     * The practitioner's appointments (not cancelled) overlapping [start, end), other than
     * {@code except}: a slot ends when the next may start, so back-to-back bookings do not clash.
     */
    List<BookEntry> clashes(long practitionerId, Instant start, Instant end, Long except) {
        return jdbc.sql(SELECT + """
                        WHERE a.practitioner_id = :practitioner AND a.status <> 'CANCELLED'
                          AND a.starts_at < :end AND a.ends_at > :start AND a.id <> :except
                        ORDER BY a.starts_at, a.id""")
                .param("practitioner", practitionerId)
                .param("start", SqliteDialect.INSTANT_TEXT.format(start))
                .param("end", SqliteDialect.INSTANT_TEXT.format(end))
                .param("except", except == null ? -1L : except)
                .query(AppointmentQueries::entry).list();
    }

    /**
     * The booked appointments starting in [from, to), of one practitioner if given, in time order,
     * with the client's phone as stored and in international form: the reminders' call list.
     */
    List<Reminders.Call> calls(Instant from, Instant to, Long practitionerId) {
        return jdbc.sql("""
                        SELECT a.id, a.client_id, c.first_name, c.last_name, c.preferred_name, c.phone, c.phone_e164,
                               p.name AS practitioner, a.starts_at
                        FROM appointment a JOIN client c ON c.id = a.client_id JOIN practitioner p ON p.id = a.practitioner_id
                        WHERE a.status = 'BOOKED' AND a.starts_at >= :from AND a.starts_at < :to
                          AND (:practitioner < 0 OR a.practitioner_id = :practitioner)
                        ORDER BY a.starts_at, p.name, a.id""")
                .param("from", SqliteDialect.INSTANT_TEXT.format(from))
                .param("to", SqliteDialect.INSTANT_TEXT.format(to))
                .param("practitioner", practitionerId == null ? -1L : practitionerId)
                .query((row, number) -> new Reminders.Call(row.getLong("id"), row.getLong("client_id"),
                        Client.displayName(row.getString("first_name"), row.getString("last_name"),
                                row.getString("preferred_name")),
                        blankToNull(row.getString("phone")), row.getString("phone_e164"), row.getString("practitioner"),
                        Instant.parse(row.getString("starts_at"))))
                .list();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /**
     * The first link of the record chain, which no later change alters and {@code db copy} and
     * restores keep: a mark of this clinic's records, or null before anything is recorded.
     */
    String firstLink() {
        return jdbc.sql("SELECT hash FROM record_chain ORDER BY seq LIMIT 1").query(String.class).optional()
                .orElse(null);
    }

    private static BookEntry entry(ResultSet row, int number) throws SQLException {
        return new BookEntry(row.getLong("id"), row.getLong("client_id"),
                Client.displayName(row.getString("first_name"), row.getString("last_name"),
                        row.getString("preferred_name")),
                row.getLong("practitioner_id"), row.getString("practitioner"), Instant.parse(row.getString("starts_at")),
                Instant.parse(row.getString("ends_at")), AppointmentStatus.valueOf(row.getString("status")),
                row.getString("note"), row.getString("cancel_reason"), row.getString("service"));
    }
}
