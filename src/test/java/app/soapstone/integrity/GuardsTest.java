package app.soapstone.integrity;

import app.soapstone.support.OldDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static app.soapstone.integrity.FinalRecordRows.audit;
import static app.soapstone.integrity.FinalRecordRows.carePlan;
import static app.soapstone.integrity.FinalRecordRows.headSql;
import static app.soapstone.integrity.FinalRecordRows.intake;
import static app.soapstone.integrity.FinalRecordRows.linkSql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The triggers that guard final records, on a database freshly migrated to the latest version:
 * those {@code db check} expects (made in memory) are exactly those in a migrated file; every
 * table of final records refuses INSERT, UPDATE and DELETE of what is final;
 * and each INSERT guard refuses what only someone going round Soapstone would write.
 */
class GuardsTest {

    /** The tables that hold final records, or parts of them. */
    private static final List<String> FINAL_TABLES = List.of("session", "session_modality", "session_area", "addendum",
            "intake", "intake_site", "intake_condition", "intake_red_flag", "intake_consent_element",
            "intake_medication", "intake_surgery", "intake_clearance", "care_plan_export", "audit_event", "record_chain");
    private static final Pattern ON = Pattern.compile("(?i)\\bBEFORE\\s+(INSERT|UPDATE|DELETE)\\s+ON\\s+(\\w+)");

    @TempDir
    Path dir;

    private Connection db;

    @org.junit.jupiter.api.AfterEach
    void close() throws SQLException {
        db.close();
    }

    @BeforeEach
    void aFreshDatabase() throws SQLException {
        Path file = dir.resolve("soapstone.db");
        OldDatabases.migratedTo(file, "latest");
        db = DriverManager.getConnection("jdbc:sqlite:" + file);
        sql("""
                INSERT INTO practitioner (name, credentials, is_default, created_at)
                VALUES ('Sam Jones', 'RMT', 1, '2026-01-02T03:04:05.678Z')""");
        sql("""
                INSERT INTO client (first_name, last_name, search_text, created_at, updated_at)
                VALUES ('Ann', 'Lee', 'ann lee', '2026-01-02T03:04:05.678Z', '2026-01-02T03:04:05.678Z')""");
    }

    @Test
    void theGuardsExpectedAreThoseAMigratedFileHas() throws SQLException {
        Map<String, String> made = new LinkedHashMap<>();
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")) {
            while (rows.next()) {
                made.put(rows.getString(1), Guards.normal(rows.getString(2)));
            }
        }
        Map<String, String> expected = new LinkedHashMap<>();
        Guards.expected().forEach((name, sql) -> expected.put(name, Guards.normal(sql)));

        assertThat(made).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void everyTableOfFinalRecordsIsGuardedAgainstInsertUpdateAndDelete() {
        Map<String, List<String>> guarded = new LinkedHashMap<>();
        for (String sql : Guards.expected().values()) {
            Matcher on = ON.matcher(sql);
            if (on.find() && sql.contains("RAISE(ABORT")) {
                guarded.computeIfAbsent(on.group(2), table -> new java.util.ArrayList<>()).add(on.group(1).toUpperCase());
            }
        }
        for (String table : FINAL_TABLES) {
            assertThat(guarded.get(table)).as(table).contains("INSERT", "UPDATE", "DELETE");
        }
    }

    @Test
    void aNoteIsNeverInsertedSigned() throws SQLException {
        assertRefused("""
                INSERT INTO session (client_id, practitioner_id, started_at, subjective, created_at, updated_at,
                                     signed_at, signed_by)
                VALUES (1, 1, '2026-01-20T10:00', 'Forged', '2026-01-20T11:00:00.000Z', '2026-01-20T11:00:00.000Z',
                        '2026-01-20T11:05:00.000Z', 1)""", "signed notes are final");
        // A draft is fine, and signing it is an UPDATE.
        sql("""
                INSERT INTO session (client_id, practitioner_id, started_at, subjective, created_at, updated_at)
                VALUES (1, 1, '2026-01-20T10:00', 'Draft', '2026-01-20T11:00:00.000Z', '2026-01-20T11:00:00.000Z')""");
        sql("UPDATE session SET signed_at = '2026-01-20T11:05:00.000Z', signed_by = 1 WHERE id = 1");
        assertRefused("INSERT INTO addendum (session_id, practitioner_id, written_at, text)"
                + " VALUES (1, 1, '2026-01-21T09:00:00.000Z', 'Slipped in')", "addenda are for signed notes in the record chain");
    }

    @Test
    void intakesAreNumberedVersionsWhoseListsAreClosedOnceLinked() throws SQLException {
        assertRefused(intake(2), "record a new intake instead");
        sql(intake(1));
        sql("INSERT INTO intake_medication (intake_id, position, description, name) VALUES (1, 0, 'statin', 'statin')");
        link("intake", 1);

        assertRefused("INSERT INTO intake_medication (intake_id, position, description, name)"
                + " VALUES (1, 1, 'warfarin', 'warfarin')", "intakes are permanent");
        assertRefused("INSERT INTO intake_condition (intake_id, position, condition) VALUES (1, 0, 'diabetes')",
                "intakes are permanent");
        assertRefused(intake(1), "record a new intake instead");

        sql(intake(2));
        assertRefused("INSERT INTO intake_clearance (intake_id, cleared_on, note, recorded_at)"
                + " VALUES (1, '2026-02-01', 'GP letter', '2026-02-01T10:00:00.000Z')", "the current intake");
        sql("INSERT INTO intake_clearance (intake_id, cleared_on, note, recorded_at)"
                + " VALUES (2, '2026-02-01', 'GP letter', '2026-02-01T10:00:00.000Z')");
    }

    @Test
    void auditEventsAndCarePlansAreAppendedNeverSlippedInUnderAnOldId() throws SQLException {
        sql(audit(null));
        sql(audit(null));
        sql(audit(null));
        sql(carePlan(null));
        sql(carePlan(null));
        withoutGuards("DELETE FROM audit_event WHERE id = 2");
        withoutGuards("DELETE FROM care_plan_export WHERE id = 1");

        assertRefused(audit(2L), "the audit trail is append-only");
        assertRefused(carePlan(1L), "the export record is permanent");
        sql(audit(4L));
    }

    @Test
    void aLinkFollowsTheHeadIsForARecordThatExistsAndStaysKeyed() throws SQLException {
        sql(audit(null));
        sql(audit(null));
        link("audit", 1);
        String head = single("SELECT hash FROM record_chain");

        assertRefused(linkSql("audit", 2, RecordChain.GENESIS, null), "a link follows the last one");
        assertRefused(linkSql("audit", 99, head, null), "a final record that exists");
        assertRefused("INSERT INTO record_chain (seq, record_type, record_id, content_hash, previous_hash, hash, linked_at)"
                + " VALUES (7, 'audit', 2, '" + "a".repeat(64) + "', '" + head + "', '" + "b".repeat(64)
                + "', '2026-01-01T00:00:00.000Z')", "a link follows the last one");

        sql(linkSql("audit", 2, head, "0123456789abcdef"));
        sql(audit(null));
        String keyedHead = single("SELECT hash FROM record_chain WHERE seq = 2");
        assertRefused(linkSql("audit", 3, keyedHead, null), "links are made with the clinic's key");
    }

    // ---------------------------------------------------------------- helpers

    private void link(String type, long id) throws SQLException {
        sql(linkSql(type, id, single(headSql()), null));
    }

    /** Runs {@code change} with every trigger dropped, then puts them back. */
    private void withoutGuards(String change) throws SQLException {
        Map<String, String> triggers = new LinkedHashMap<>();
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")) {
            while (rows.next()) {
                triggers.put(rows.getString(1), rows.getString(2));
            }
        }
        for (String name : triggers.keySet()) {
            sql("DROP TRIGGER " + name);
        }
        sql(change);
        for (String trigger : triggers.values()) {
            sql(trigger);
        }
    }

    private void sql(String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private String single(String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private void assertRefused(String sql, String message) {
        assertThatThrownBy(() -> sql(sql)).isInstanceOf(SQLException.class).hasMessageContaining(message);
    }
}
