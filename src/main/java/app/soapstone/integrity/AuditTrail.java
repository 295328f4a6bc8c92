package app.soapstone.integrity;

import app.soapstone.storage.SqliteDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

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
}
