package app.soapstone.integrity;

import app.soapstone.storage.SqliteDialect;
import app.soapstone.validation.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Writes the audit trail: one append-only row for every change to the records, in the same
 * transaction as the change, so one is never stored without the other. Summaries name what
 * changed (fields, ids), not health details. Each row is final: it is linked into the record
 * chain, and the change is anchored in the words of its first row when the transaction commits.
 */
@Component
public class AuditTrail {

    private final JdbcClient jdbc;
    private final RecordChain chain;
    private final Clock clock;

    public AuditTrail(JdbcClient jdbc, RecordChain chain, Clock clock) {
        this.jdbc = jdbc;
        this.chain = chain;
        this.clock = clock;
    }

    /**
     * Records {@code action} on a record, attributed to the default practitioner (the person at
     * the keyboard, as far as Soapstone knows).
     *
     * @param clientId the client the record belongs to, or null
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String recordType, Long recordId, Long clientId, String summary) {
        // RETURNING (SQLite 3.35+ and PostgreSQL): the id the database chose, on either.
        long id = jdbc.sql("""
                        INSERT INTO audit_event (at, practitioner_id, action, record_type, record_id, client_id, summary)
                        VALUES (?, (SELECT id FROM practitioner WHERE is_default), ?, ?, ?, ?, ?)
                        RETURNING id""")
                .param(SqliteDialect.INSTANT_TEXT.format(clock.instant())).param(action).param(recordType)
                .param(recordId).param(clientId).param(summary)
                .query(Long.class).single();
        chain.link("audit", id);
        chain.anchorAtCommit(action + " " + recordType, summary);
    }

    /** The last change recorded to a record: what was done ("change", "sign"), by whom (null if not known), when. */
    public record LastChange(String action, String practitioner, Instant at) {
    }

    /** The last change this trail holds for the record {@code recordType} {@code recordId}, if any. */
    public Optional<LastChange> lastChange(String recordType, long recordId) {
        return jdbc.sql("""
                        SELECT a.action, p.name, a.at FROM audit_event a LEFT JOIN practitioner p ON p.id = a.practitioner_id
                        WHERE a.record_type = ? AND a.record_id = ? ORDER BY a.id DESC LIMIT 1""")
                .param(recordType).param(recordId)
                .query((row, n) -> new LastChange(row.getString(1), row.getString(2), Instant.parse(row.getString(3))))
                .optional();
    }

    /**
     * The refusal of a change to {@code what} ("Session 12") that someone else changed after it was
     * read, saying who and when from this trail: "Session 12 was changed by Alex Chen at 14:32 since
     * you opened it; nothing was saved - open it again with 'session edit 12'", where {@code next}
     * is what to do next.
     */
    public ConflictException changedMeanwhile(String what, String recordType, long recordId, String next) {
        return changedMeanwhile(what, lastChange(recordType, recordId).orElse(null), next);
    }

    /** As {@link #changedMeanwhile(String, String, long, String)}, with the change known (null: not known). */
    public ConflictException changedMeanwhile(String what, LastChange last, String next) {
        String change = last == null ? "changed" : done(last.action())
                + (last.practitioner() == null ? "" : " by " + last.practitioner()) + " " + when(last.at());
        return new ConflictException(what + " was " + change + " since you opened it; nothing was saved - " + next);
    }

    private static String done(String action) {
        return switch (action) {
            case "sign" -> "signed";
            case "archive" -> "archived";
            case "restore" -> "restored";
            default -> "changed";
        };
    }

    /** "at 14:32" today, "on 2026-11-28 at 14:32" before. */
    private String when(Instant at) {
        ZonedDateTime local = at.atZone(clock.getZone());
        String time = DateTimeFormatter.ofPattern("HH:mm").format(local);
        return local.toLocalDate().equals(LocalDate.now(clock)) ? "at " + time
                : "on " + local.toLocalDate() + " at " + time;
    }
}
