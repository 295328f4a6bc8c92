package app.soapstone.integrity;

import app.soapstone.shell.Failure;
import app.soapstone.support.RecordsTest;
import app.soapstone.support.SoapstoneTest;
import app.soapstone.support.Tamperer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attacks of issue 13, made as someone with the sqlite3 tool would: every trigger dropped, the
 * records changed, the record chain recomputed with the published algorithm, the triggers put back.
 * Each of these passed {@code records verify} and {@code db check} before the chain covered every
 * final record and was anchored outside the database; each is now caught (exit status 6) and the
 * record named, against the anchor file Soapstone keeps beside the database.
 */
@Tag(SoapstoneTest.POSTGRESQL)
class TamperEvidenceTest extends RecordsTest {

    @Autowired
    private RecordDigests digests;

    private Tamperer tamperer;
    private long client;
    private long first;
    private long latest;

    @BeforeEach
    void aPracticeWithSignedNotes() {
        tamperer = tamperer();
        practitioner("Sam Jones");
        client = client("Ann", "Lee");
        intake(client, "--medications \"atorvastatin 20 mg daily\"");
        first = signedSession(client, "Night cramps, both calves", "Stretch nightly");
        amend(first, "Client phoned: no bruising.");
        client("Ben", "Ng");
        latest = signedSession(client, "Better this week", "Keep stretching");
        assertThat(run("records verify").status()).as("untouched").isEqualTo(Failure.OK);
    }

    @Test
    void aForgedSignedNoteWithARecomputedLinkAndAuditRowIsCaught() {
        tamperer.withoutTriggers(connection -> {
            Tamperer.update(connection, """
                    INSERT INTO session (client_id, practitioner_id, started_at, subjective, plan, created_at,
                                         updated_at, signed_at, signed_by)
                    VALUES (?, 1, '2026-01-20T10:00', 'Forged note', 'Forged plan', '2026-01-20T11:00:00.000Z',
                            '2026-01-20T11:00:00.000Z', '2026-01-20T11:05:00.000Z', 1)""", client);
        });
        long forged = tamperer.single("SELECT max(id) FROM session");
        tamperer.sql("UPDATE session SET practitioner_id = (SELECT min(id) FROM practitioner),"
                + " signed_by = (SELECT min(id) FROM practitioner) WHERE id = ?", forged);
        tamperer.link("session", forged);
        tamperer.sql("""
                INSERT INTO audit_event (id, at, practitioner_id, action, record_type, record_id, client_id, summary)
                VALUES ((SELECT coalesce(max(id), 0) + 1 FROM audit_event), '2026-01-20T11:05:00.000Z', NULL, 'sign',
                        'session', ?, ?, 'Signed session ' || ?)""",
                forged, client, forged);
        long auditRow = tamperer.single("SELECT max(id) FROM audit_event");
        linkIfChained("audit", auditRow);

        assertCaught("session " + forged);
    }

    @Test
    void signedNote1RewrittenWithTheChainRecomputedIsCaught() {
        long from = tamperer.seqOf("session", first);
        tamperer.sql("UPDATE session SET plan = 'No stretching needed' WHERE id = ?", first);
        tamperer.recomputeChainFrom(from);

        assertCaught("session " + first);
    }

    @Test
    void unsigningTheLatestNoteIsCaught() {
        // Its link and everything after it (the audit event of the signing) go, as if it was never signed.
        long from = tamperer.seqOf("session", latest);
        tamperer.withoutTriggers(connection -> {
            Tamperer.update(connection, "DELETE FROM audit_event WHERE id IN (SELECT record_id FROM record_chain"
                    + " WHERE record_type = 'audit' AND seq > ?)", from);
            Tamperer.update(connection, "DELETE FROM record_chain WHERE seq >= ?", from);
            Tamperer.update(connection, "UPDATE session SET signed_at = NULL, signed_by = NULL WHERE id = ?", latest);
        });
        assertThat(tamperer.single("SELECT count(*) FROM session WHERE id = ? AND signed_at IS NULL", latest)).isOne();

        assertCaught("session " + latest);
    }

    @Test
    void deletingTheLatestSignedNoteIsCaught() {
        long from = tamperer.seqOf("session", latest);
        tamperer.withoutTriggers(connection -> {
            Tamperer.update(connection, "DELETE FROM audit_event WHERE record_type = 'session' AND record_id = ?", latest);
            Tamperer.update(connection, "DELETE FROM record_chain WHERE seq >= ?", from);
            Tamperer.update(connection, "DELETE FROM session_modality WHERE session_id = ?", latest);
            Tamperer.update(connection, "DELETE FROM session_area WHERE session_id = ?", latest);
            Tamperer.update(connection, "DELETE FROM session WHERE id = ?", latest);
        });
        tamperer.recomputeChainFrom(1);

        assertCaught("session " + latest);
    }

    @Test
    void deletingAnAuditRowIsCaught() {
        long row = tamperer.single("SELECT id FROM audit_event WHERE summary LIKE 'Added client%' ORDER BY id DESC LIMIT 1");
        String summary = jdbc.sql("SELECT summary FROM audit_event WHERE id = ?").param(row).query(String.class).single();
        tamperer.sql("DELETE FROM audit_event WHERE id = ?", row);
        tamperer.recomputeChainFrom(1);

        assertCaught(summary);
    }

    @Test
    void changingAnAuditRowIsCaught() {
        long row = tamperer.single("SELECT id FROM audit_event WHERE action = 'sign' ORDER BY id LIMIT 1");
        tamperer.sql("UPDATE audit_event SET summary = 'Signed session 1 by practitioner 2' WHERE id = ?", row);

        assertCaught("audit event " + row + " has changed");

        // With the chain recomputed after it as well, the anchors still show it.
        tamperer.recomputeChainFrom(1);
        assertCaught("audit event " + row);
    }

    @Test
    void aChangedIntakeVersionIsCaught() {
        long intake = tamperer.single("SELECT max(id) FROM intake");
        tamperer.sql("UPDATE intake_medication SET dose = '80 mg' WHERE intake_id = ?", intake);

        assertCaught("intake " + intake + " has changed");

        tamperer.recomputeChainFrom(1);
        assertCaught("intake " + intake);
    }

    @Test
    void dbCheckReportsGuardsThatAreMissingChangedOrNew() throws Exception {
        List<String> tamper = ON_POSTGRES ? List.of(
                "DROP TRIGGER session_signed_is_final_update ON session",
                "DROP TRIGGER audit_event_is_append_only_delete ON audit_event",
                "CREATE TRIGGER audit_event_is_append_only_delete BEFORE DELETE ON audit_event FOR EACH ROW"
                        + " WHEN (OLD.id < 0) EXECUTE FUNCTION refuse('the audit trail is append-only')",
                "CREATE FUNCTION quiet_rewrite() RETURNS trigger LANGUAGE plpgsql AS"
                        + " $$ BEGIN UPDATE client SET notes = NULL WHERE id = NEW.session_id; RETURN NULL; END $$",
                "CREATE TRIGGER quiet_rewrite AFTER INSERT ON addendum FOR EACH ROW EXECUTE FUNCTION quiet_rewrite()")
                : List.of(
                "DROP TRIGGER session_signed_is_final_update",
                "DROP TRIGGER audit_event_is_append_only_delete",
                "CREATE TRIGGER audit_event_is_append_only_delete BEFORE DELETE ON audit_event"
                        + " WHEN OLD.id < 0 BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END",
                "CREATE TRIGGER quiet_rewrite AFTER INSERT ON addendum"
                        + " BEGIN UPDATE client SET notes = NULL WHERE id = NEW.session_id; END");
        // On PostgreSQL the tests' clean-up only turns triggers off and on: the guards are made again here.
        List<String> putBack = ON_POSTGRES ? List.of(
                "DROP TRIGGER quiet_rewrite ON addendum", "DROP FUNCTION quiet_rewrite()",
                "DROP TRIGGER audit_event_is_append_only_delete ON audit_event",
                triggerDefinition("audit_event_is_append_only_delete"),
                triggerDefinition("session_signed_is_final_update")) : List.of();
        try (var connection = otherConnection(); var statement = connection.createStatement()) {
            for (String sql : tamper) {
                statement.execute(sql);
            }
        }
        try {
            Result result = run("db check");

            assertThat(result.status()).isEqualTo(Failure.VERIFICATION);
            assertThat(result.error()).contains("Guards:        3 problems")
                    .contains("the trigger session_signed_is_final_update is missing")
                    .contains("the trigger audit_event_is_append_only_delete has been changed")
                    .contains("the trigger quiet_rewrite was not made by Soapstone");
        } finally {
            try (var connection = otherConnection(); var statement = connection.createStatement()) {
                for (String sql : putBack) {
                    statement.execute(sql);
                }
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /** How PostgreSQL would make the trigger {@code name} again, as the migration made it. */
    private String triggerDefinition(String name) {
        return jdbc.sql("SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgname = ? AND NOT tgisinternal")
                .param(name).query(String.class).single();
    }

    /** Links a record the way Soapstone does, if this version chains its kind. */
    private void linkIfChained(String type, long id) {
        try {
            digests.digest(type, id);
        } catch (IllegalArgumentException notChained) {
            return;
        }
        tamperer.link(type, id);
    }

    /** {@code records verify} and {@code db check} both fail with status 6, naming {@code what}. */
    private void assertCaught(String what) {
        Result verify = run("records verify");
        assertThat(verify.status()).as(verify.output()).isEqualTo(Failure.VERIFICATION);
        assertThat(verify.error()).contains(what);
        Result check = run("db check");
        assertThat(check.status()).as(check.output()).isEqualTo(Failure.VERIFICATION);
        assertThat(check.error()).contains(what);
    }
}
