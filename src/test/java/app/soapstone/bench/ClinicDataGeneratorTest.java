package app.soapstone.bench;

import app.soapstone.SoapstoneApplication;
import app.soapstone.shell.CommandRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.shell.core.InputReader;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The generated database is one Soapstone accepts as its own: the record chain verifies, the
 * database check passes (foreign keys included), and search finds clients and notes.
 */
class ClinicDataGeneratorTest {

    @TempDir
    Path dir;

    @Test
    void aSmallGeneratedClinicPassesRecordsVerifyAndDbCheck() throws Exception {
        Path file = dir.resolve("clinic.db");
        var options = new ClinicDataGenerator.Options(60, 1_200, 7L, LocalDate.of(2026, 10, 31), 3, 0.2, true, false);

        ClinicDataGenerator.Summary summary = ClinicDataGenerator.generate(file, options);

        assertThat(summary.clients()).isEqualTo(60);
        assertThat(summary.sessions()).isEqualTo(1_200);
        assertThat(summary.addenda()).isPositive();
        // A link for every intake version, signed note, addendum and audit event.
        assertThat(summary.chainLinks()).isEqualTo(summary.intakes() + 1_200 + summary.addenda() + summary.auditEvents());
        try (ConfigurableApplicationContext app = start(file)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT count(*) FROM session WHERE signed_at IS NOT NULL").query(Long.class).single())
                    .isEqualTo(1_200);
            assertThat(jdbc.sql("SELECT count(*) FROM note_search").query(Long.class).single())
                    .isEqualTo(1_200L + summary.addenda());
            // Chain order follows time: an addendum can come before a later note's signature.
            assertThat(jdbc.sql("""
                    SELECT (SELECT max(seq) FROM record_chain WHERE record_type = 'session')
                         > (SELECT min(seq) FROM record_chain WHERE record_type = 'addendum')""").query(Boolean.class).single())
                    .isTrue();

            // The anchor file beside it, an anchor for every change: the chain matches all of them.
            assertThat(run(app, "records verify")).startsWith(String.format(java.util.Locale.ROOT,
                            "Verified the record chain, %,d entries: 1,200 signed notes, %,d addenda, %,d intake versions,"
                                    + " %,d audit events.\nNo final record has changed", summary.chainLinks(),
                            summary.addenda(), summary.intakes(), summary.auditEvents()))
                    .contains(String.format(java.util.Locale.ROOT, "%,d anchors; all match", summary.auditEvents()));
            assertThat(run(app, "db check")).contains("1200");

            var client = jdbc.sql("SELECT id, last_name FROM client WHERE archived_at IS NULL ORDER BY id LIMIT 1")
                    .query().singleRow();
            assertThat(run(app, "client search " + client.get("last_name").toString().replace("'", "").split(" ")[0]))
                    .contains(client.get("last_name").toString());
            assertThat(run(app, "session search calf")).contains("[calf]");
            assertThat(run(app, "session list --client " + client.get("id"))).isNotBlank();
        }
    }

    @Test
    void aChangedSignedNoteIsCaughtOnTheGeneratedDatabase() throws Exception {
        Path file = dir.resolve("tampered.db");
        ClinicDataGenerator.generate(file, new ClinicDataGenerator.Options(5, 40, 3L, LocalDate.of(2026, 10, 31), 1,
                0.1, false, true));
        try (ConfigurableApplicationContext app = start(file)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            jdbc.sql("DROP TRIGGER session_signed_is_final_update").update();
            jdbc.sql("UPDATE session SET plan = 'changed' WHERE id = 7").update();

            assertThatThrownBy(() -> run(app, "records verify")).hasMessageContaining("session 7 has changed");
        }
    }

    @Test
    void indexingPerBatchGivesTheSameDatabaseAsTheTriggers() throws Exception {
        var options = new ClinicDataGenerator.Options(40, 700, 5L, LocalDate.of(2026, 10, 31), 2, 0.2, true, true);
        Path viaTriggers = dir.resolve("triggers.db");
        Path perBatch = dir.resolve("batch.db");
        ClinicDataGenerator.generate(viaTriggers, options);
        ClinicDataGenerator.generate(perBatch, options.withThroughTriggers(false));

        for (String query : List.of(
                "SELECT rowid, session_id, addendum_id, body FROM note_search ORDER BY rowid",
                "SELECT * FROM session ORDER BY id", "SELECT * FROM session_modality ORDER BY session_id, position",
                "SELECT * FROM session_area ORDER BY session_id, position", "SELECT * FROM addendum ORDER BY id",
                "SELECT * FROM record_chain ORDER BY seq", "SELECT * FROM client ORDER BY id",
                "SELECT * FROM intake ORDER BY id", "SELECT * FROM audit_event ORDER BY id",
                "SELECT k, v FROM note_search_config ORDER BY k",
                "SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'index') ORDER BY name")) {
            assertThat(rows(perBatch, query)).as(query).isEqualTo(rows(viaTriggers, query)).isNotEmpty();
        }
        // The index built beside and copied in is consistent with the notes.
        assertThat(rows(perBatch, "PRAGMA integrity_check")).isEqualTo(List.of(List.of("ok")));
        // The same notes are found, ranked the same.
        String search = "SELECT session_id, addendum_id, bm25(note_search) FROM note_search WHERE note_search MATCH"
                + " 'hamstring' ORDER BY 3, 1, 2";
        assertThat(rows(perBatch, search)).isEqualTo(rows(viaTriggers, search)).isNotEmpty();
    }

    private static List<List<Object>> rows(Path database, String query) throws Exception {
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + database);
             var statement = connection.createStatement();
             var result = statement.executeQuery(query)) {
            List<List<Object>> rows = new java.util.ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<Object> row = new java.util.ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(result.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    @Test
    void theGeneratorRefusesADatabaseThatHoldsData() throws Exception {
        Path file = dir.resolve("twice.db");
        var options = new ClinicDataGenerator.Options(3, 10, 1L, LocalDate.of(2026, 10, 31), 1, 0, false, false);
        ClinicDataGenerator.generate(file, options);

        assertThatThrownBy(() -> ClinicDataGenerator.generate(file, options)).hasMessageContaining("already holds data");
    }

    static ConfigurableApplicationContext start(Path database) {
        return new SpringApplicationBuilder(SoapstoneApplication.class)
                .properties("spring.shell.interactive.enabled=false", "soapstone.db=" + database)
                .run();
    }

    /** Runs a command line through the shell's runner; its output, or an AssertionError with its error. */
    static String run(ConfigurableApplicationContext app, String line) {
        StringWriter out = new StringWriter();
        CommandRunner.Outcome outcome = app.getBean(CommandRunner.class).run(line, new PrintWriter(out), new InputReader() {
        });
        if (!outcome.ok()) {
            throw new AssertionError("'" + line + "' failed with status " + outcome.status() + ": " + outcome.error());
        }
        return out.toString().strip();
    }

}
