package app.soapstone.session;

import app.soapstone.support.SoapstoneTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataAccessException;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database itself keeps signed notes final, whatever program writes to the file: raw SQL
 * through the application's own connection pool is refused by the triggers, and nothing changes.
 */
@Tag(SoapstoneTest.POSTGRESQL)
class SessionIntegrityTest extends SoapstoneTest {

    private static final String FINAL_NOTE = "signed notes are final: add an addendum instead";
    private static final String FINAL = "signed notes are final";
    private static final String PERMANENT = "addenda are permanent";

    private long signed;
    private long draft;
    private long addendum;
    private long practitioner;

    @BeforeEach
    void signedNoteWithAnAddendumAndADraft() {
        practitioner = Long.parseLong(run("practitioner add --name \"Sam Jones\" --credentials RMT").expectOk());
        long client = Long.parseLong(run("client add --first-name Ann --last-name Lee").expectOk());
        signed = session(client, "--modalities effleurage,trigger-point --areas calf-left,calf-right"
                + " --pain-before 6 --pain-after 2 --subjective \"Cramps twice\" --plan \"Stretch nightly\"");
        draft = session(client, "--modalities effleurage --areas calf-left --subjective \"Draft S\" --plan \"Draft P\"");
        run("session sign " + signed).expectOk();
        run("session amend " + signed + " --text \"Client phoned: no bruising\"").expectOk();
        addendum = jdbc.sql("SELECT id FROM addendum").query(Long.class).single();
    }

    // ---------------------------------------------------------------- the signed note

    @Test
    void updatingASignedNoteFailsAndLeavesItUnchanged() {
        Map<String, Object> before = session(signed);

        assertRefused("UPDATE session SET plan = 'x' WHERE id = " + signed, FINAL_NOTE);

        assertThat(session(signed)).isEqualTo(before).containsEntry("plan", "Stretch nightly");
    }

    @ParameterizedTest
    @ValueSource(strings = {"signed_at = NULL, signed_by = NULL", "subjective = NULL", "pain_after = 0",
            "started_at = '2000-01-01T00:00'", "signed_at = '2000-01-01T00:00:00.000Z'", "override_reason = 'later'",
            "updated_at = updated_at", "home_massage_minutes = 15"})
    void noColumnOfASignedNoteCanChange(String assignment) {
        Map<String, Object> before = session(signed);

        assertRefused("UPDATE session SET " + assignment + " WHERE id = " + signed, FINAL_NOTE);

        assertThat(session(signed)).isEqualTo(before);
    }

    @Test
    void theHomeMassageMinutesOfASignedNoteCannotChange() {
        assertThat(jdbc.sql("UPDATE session SET home_massage_minutes = 10 WHERE id = ?").param(draft).update()).isOne();
        run("session sign " + draft).expectOk();
        Map<String, Object> before = session(draft);

        assertRefused("UPDATE session SET home_massage_minutes = 20 WHERE id = " + draft, FINAL_NOTE);
        assertRefused("UPDATE session SET home_massage_minutes = NULL WHERE id = " + draft, FINAL_NOTE);

        assertThat(session(draft)).isEqualTo(before).containsEntry("home_massage_minutes", 10);
    }

    @Test
    void deletingASignedNoteFails() {
        assertRefused("DELETE FROM session WHERE id = " + signed, FINAL_NOTE);

        assertThat(session(signed)).containsEntry("subjective", "Cramps twice");
    }

    @Test
    void aBulkUpdateOverSignedAndDraftNotesChangesNeither() {
        assertRefused("UPDATE session SET plan = 'x'", FINAL_NOTE);

        assertThat(session(signed)).containsEntry("plan", "Stretch nightly");
        assertThat(session(draft)).containsEntry("plan", "Draft P");
    }

    @Test
    void theModalitiesOfASignedNoteCannotChange() {
        assertRefused("UPDATE session_modality SET modality = 'cupping' WHERE session_id = " + signed, FINAL);
        assertRefused("INSERT INTO session_modality (session_id, position, modality) VALUES (" + signed + ", 5, 'cupping')",
                FINAL);
        assertRefused("DELETE FROM session_modality WHERE session_id = " + signed, FINAL);

        assertThat(list("SELECT modality FROM session_modality WHERE session_id = ? ORDER BY position", signed))
                .containsExactly("effleurage", "trigger-point");
    }

    @Test
    void theAreasOfASignedNoteCannotChange() {
        assertRefused("UPDATE session_area SET site = 'neck' WHERE session_id = " + signed, FINAL);
        assertRefused("INSERT INTO session_area (session_id, position, site) VALUES (" + signed + ", 5, 'neck')", FINAL);
        assertRefused("DELETE FROM session_area WHERE session_id = " + signed, FINAL);

        assertThat(list("SELECT site FROM session_area WHERE session_id = ? ORDER BY position", signed))
                .containsExactly("calf-left", "calf-right");
    }

    @Test
    void aDraftsModalitiesCannotBeCopiedOntoASignedNote() {
        assertRefused("INSERT INTO session_modality (session_id, position, modality)"
                + " SELECT " + signed + ", 9, modality FROM session_modality WHERE session_id = " + draft, FINAL);

        assertThat(list("SELECT modality FROM session_modality WHERE session_id = ? ORDER BY position", signed))
                .containsExactly("effleurage", "trigger-point");
    }

    // ---------------------------------------------------------------- addenda

    @Test
    void aDraftsModalityCannotBeMovedOntoASignedNote() {
        assertRefused("UPDATE session_modality SET session_id = " + signed + ", position = 9 WHERE session_id = " + draft,
                FINAL);

        assertThat(list("SELECT modality FROM session_modality WHERE session_id = ? ORDER BY position", signed))
                .containsExactly("effleurage", "trigger-point");
        assertThat(list("SELECT modality FROM session_modality WHERE session_id = ?", draft)).containsExactly("effleurage");
    }

    @Test
    void aDraftsAreaCannotBeMovedOntoASignedNote() {
        assertRefused("UPDATE session_area SET session_id = " + signed + ", position = 9 WHERE session_id = " + draft,
                FINAL);

        assertThat(list("SELECT site FROM session_area WHERE session_id = ? ORDER BY position", signed))
                .containsExactly("calf-left", "calf-right");
        assertThat(list("SELECT site FROM session_area WHERE session_id = ?", draft)).containsExactly("calf-left");
    }

    @Test
    void anAddendumCannotBeChangedOrDeleted() {
        assertRefused("UPDATE addendum SET text = 'Never mind' WHERE id = " + addendum, PERMANENT);
        assertRefused("UPDATE addendum SET session_id = " + draft + " WHERE id = " + addendum, PERMANENT);
        assertRefused("DELETE FROM addendum WHERE id = " + addendum, PERMANENT);

        assertThat(jdbc.sql("SELECT text, session_id FROM addendum").query().singleRow())
                .containsEntry("text", "Client phoned: no bruising");
        // An int on SQLite, a long (bigint) on PostgreSQL.
        assertThat(jdbc.sql("SELECT session_id FROM addendum").query(Long.class).single()).isEqualTo(signed);
    }

    @Test
    void aDraftCannotGetAnAddendum() {
        assertRefused("INSERT INTO addendum (session_id, practitioner_id, written_at, text) VALUES (" + draft + ", "
                + practitioner + ", '2026-01-01T00:00:00.000Z', 'Late entry')",
                "addenda are for signed notes; edit the draft instead");

        assertThat(jdbc.sql("SELECT count(*) FROM addendum WHERE session_id = ?").param(draft).query(Integer.class)
                .single()).isZero();
    }

    @Test
    void aSignedNoteCanStillGetAnAddendum() {
        int added = jdbc.sql("INSERT INTO addendum (session_id, practitioner_id, written_at, text) VALUES (?, ?,"
                + " '2026-01-01T00:00:00.000Z', 'Second thoughts')").param(signed).param(practitioner).update();

        assertThat(added).isOne();
        assertThat(jdbc.sql("SELECT count(*) FROM addendum WHERE session_id = ?").param(signed).query(Integer.class)
                .single()).isEqualTo(2);
    }

    @Test
    void anEmptyAddendumIsRefusedByTheDatabaseToo() {
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO addendum (session_id, practitioner_id, written_at, text)"
                + " VALUES (?, ?, '2026-01-01T00:00:00.000Z', '   ')").param(signed).param(practitioner).update())
                .isInstanceOf(DataAccessException.class);

        assertThat(jdbc.sql("SELECT count(*) FROM addendum").query(Integer.class).single()).isOne();
    }

    // ---------------------------------------------------------------- drafts stay editable

    @Test
    void aDraftCanStillBeUpdatedWithItsLists() {
        assertThat(jdbc.sql("UPDATE session SET plan = 'Changed P' WHERE id = ?").param(draft).update()).isOne();
        assertThat(jdbc.sql("UPDATE session_modality SET modality = 'petrissage' WHERE session_id = ?").param(draft)
                .update()).isOne();
        assertThat(jdbc.sql("INSERT INTO session_area (session_id, position, site) VALUES (?, 1, 'foot-left')")
                .param(draft).update()).isOne();
        assertThat(jdbc.sql("DELETE FROM session_area WHERE session_id = ? AND position = 0").param(draft).update()).isOne();

        assertThat(session(draft)).containsEntry("plan", "Changed P");
        assertThat(list("SELECT modality FROM session_modality WHERE session_id = ?", draft)).containsExactly("petrissage");
        assertThat(list("SELECT site FROM session_area WHERE session_id = ?", draft)).containsExactly("foot-left");
    }

    @Test
    void theDatabaseChecksTheRangesOfADraft() {
        for (String assignment : List.of("pain_before = 11", "pain_after = -1", "duration_minutes = 0",
                "duration_minutes = 601", "pressure = 'hard'", "cramp_severity = 11", "sleep_disturbance = 11",
                "cramps_per_week = -1", "started_at = '2026-13-01T10:00'", "started_at = '2026-01-01 10:00'",
                "signed_at = '2026-01-01T00:00:00.000Z'", "home_massage_minutes = 0", "home_massage_minutes = 61")) {
            assertThatThrownBy(() -> jdbc.sql("UPDATE session SET " + assignment + " WHERE id = ?").param(draft).update())
                    .as(assignment).isInstanceOf(DataAccessException.class);
        }
        assertThat(session(draft).get("signed_at")).isNull();
        assertThat(session(draft).get("home_massage_minutes")).isNull();
    }

    @Test
    void signingADraftBySqlMakesItFinalToo() {
        assertThat(jdbc.sql("UPDATE session SET signed_at = '2026-01-01T00:00:00.000Z', signed_by = ? WHERE id = ?")
                .param(practitioner).param(draft).update()).isOne();

        assertRefused("UPDATE session SET plan = 'x' WHERE id = " + draft, FINAL_NOTE);
        assertRefused("DELETE FROM session_modality WHERE session_id = " + draft, FINAL);
    }

    // ---------------------------------------------------------------- helpers

    private void assertRefused(String sql, String message) {
        assertThatThrownBy(() -> jdbc.sql(sql).update()).as(sql)
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining(message);
    }

    private long session(long client, String options) {
        List<String> lines = run("session new --client " + client + " " + options).expectOk().lines().toList();
        return Long.parseLong(lines.get(lines.size() - 1));
    }

    private Map<String, Object> session(long id) {
        return jdbc.sql("SELECT * FROM session WHERE id = ?").param(id).query().singleRow();
    }

    private List<String> list(String sql, long id) {
        return jdbc.sql(sql).param(id).query(String.class).list();
    }
}
