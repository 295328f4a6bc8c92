package app.soapstone.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the audit trail. */
@Repository
public class AuditLog {

    /**
     * One audit row, with the practitioner's name when known and, on PostgreSQL, the database
     * login that wrote it (set by the database, not by Soapstone).
     */
    public record Event(long id, Instant at, String practitioner, String login, String action, String recordType,
            Long recordId, Long clientId, String summary) {

        /** "Alex Chen (alex)", "Alex Chen" on SQLite, "jo" for a login that is no practitioner; empty if neither. */
        public String who() {
            if (practitioner == null) {
                return login == null ? "" : login;
            }
            return login == null ? practitioner : practitioner + " (" + login + ")";
        }
    }

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest {@code limit} events, oldest first, optionally for one client and from one instant on. */
    @Transactional(readOnly = true)
    public List<Event> events(Long clientId, Instant since, int limit) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (clientId != null) {
            conditions.add("a.client_id = ?");
            params.add(clientId);
        }
        if (since != null) {
            conditions.add("a.at >= ?");
            params.add(app.soapstone.storage.SqliteDialect.INSTANT_TEXT.format(since));
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        String newest = "SELECT a.id, a.at, p.name AS practitioner, a.login, a.action, a.record_type, a.record_id, a.client_id,"
                + " a.summary FROM audit_event a LEFT JOIN practitioner p ON p.id = a.practitioner_id" + where
                + " ORDER BY a.id DESC LIMIT ?";
        // The subquery named: PostgreSQL requires it, SQLite accepts it.
        var statement = jdbc.sql("SELECT * FROM (" + newest + ") AS newest ORDER BY id");
        for (Object param : params) {
            statement = statement.param(param);
        }
        return statement.param(limit).query((row, n) -> new Event(row.getLong("id"), Instant.parse(row.getString("at")),
                row.getString("practitioner"), row.getString("login"), row.getString("action"), row.getString("record_type"),
                (Long) nullable(row.getObject("record_id")), (Long) nullable(row.getObject("client_id")),
                row.getString("summary"))).list();
    }

    private static Object nullable(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
