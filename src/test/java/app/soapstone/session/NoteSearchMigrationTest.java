package app.soapstone.session;

import app.soapstone.SoapstoneApplication;
import app.soapstone.shell.CommandRunner;
import app.soapstone.support.OldDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.shell.core.InputReader;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Version 7 keys the full-text index by record: a database written by version 5 is re-indexed
 * with the same notes, each found by its key, and editing a draft then replaces its one row.
 */
class NoteSearchMigrationTest {

    @TempDir
    Path dir;

    @Test
    void aVersion5DatabaseIsReindexedByRecord() throws Exception {
        Path file = dir.resolve("v5.db");
        OldDatabases.migratedTo(file, "5");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement sql = connection.createStatement()) {
            sql.executeUpdate("""
                    INSERT INTO practitioner (id, name, credentials, is_default, created_at)
                    VALUES (1, 'Sam Jones', 'RMT', 1, '2026-01-01T00:00:00.000Z')""");
            sql.executeUpdate("""
                    INSERT INTO client (id, first_name, last_name, search_text, created_at, updated_at)
                    VALUES (1, 'Ann', 'Lee', 'ann lee', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')""");
            // Rows in the old index in another order than their ids: a draft first, then two notes.
            for (int id : new int[] {3, 1, 2}) {
                sql.executeUpdate("INSERT INTO session (id, client_id, practitioner_id, started_at, subjective, plan,"
                        + " created_at, updated_at) VALUES (" + id + ", 1, 1, '2026-01-0" + id + "T10:00', 'Calf cramps "
                        + id + "', 'Stretch walrus', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')");
            }
            sql.executeUpdate("UPDATE session SET signed_at = '2026-01-02T00:00:00.000Z', signed_by = 1 WHERE id IN (1, 2)");
            sql.executeUpdate("""
                    INSERT INTO addendum (id, session_id, practitioner_id, written_at, text)
                    VALUES (1, 2, 1, '2026-01-03T00:00:00.000Z', 'Client phoned: walrus stretch helped')""");
        }
        List<Map<String, Object>> before = index(file);

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SoapstoneApplication.class)
                .properties("spring.shell.interactive.enabled=false", "soapstone.db=" + file).run()) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            List<Map<String, Object>> after = jdbc.sql("""
                    SELECT rowid, session_id, addendum_id, body FROM note_search ORDER BY session_id, addendum_id""")
                    .query().listOfRows();
            assertThat(after).extracting(row -> row.get("body")).isEqualTo(before.stream().map(row -> row.get("body")).toList());
            assertThat(after).extracting(row -> ((Number) row.get("rowid")).longValue())
                    .containsExactly(1L, 2L, -1L, 3L);
            assertThat(run(app, "session search walrus")).contains("[walrus]").contains("Client phoned");

            run(app, "session edit 3 --plan \"Heat pack nightly\"");

            assertThat(jdbc.sql("SELECT count(*) FROM note_search WHERE session_id = 3").query(Long.class).single())
                    .isEqualTo(1);
            assertThat(jdbc.sql("SELECT rowid FROM note_search WHERE note_search MATCH 'heat'").query(Long.class).list())
                    .containsExactly(3L);
            assertThat(jdbc.sql("SELECT session_id FROM note_search WHERE note_search MATCH 'walrus'")
                    .query(Long.class).list()).containsExactlyInAnyOrder(1L, 2L, 2L);
        }
    }

    @Test
    void notesWrittenBeforeVersion17AreFoundByTheirWordsOtherFormsAndBeginnings() throws Exception {
        Path file = dir.resolve("v4.db");
        OldDatabases.beforeTheChain(file);

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SoapstoneApplication.class)
                .properties("spring.shell.interactive.enabled=false", "soapstone.db=" + file).run()) {
            // The note says "Night cramps" and "Stretch nightly", its addendum "Client phoned: better."
            assertThat(run(app, "session search cramping")).contains("[cramps]");
            assertThat(run(app, "session search stretches")).contains("[Stretch]");
            assertThat(run(app, "session search phon")).contains("1 (addendum)").contains("[phoned]");
            assertThat(run(app, "session search night cramp")).contains("[Night] [cramps] Stretch [nightly]");

            run(app, "session edit 2 --subjective \"Hamstrings tightening\"");
            assertThat(run(app, "session search hamstring tight")).contains("[Hamstrings] [tightening]");

            assertThat(run(app, "db check")).contains("Integrity:     ok").contains("Guards:        ok").contains("Record chain:  intact");
            run(app, "records verify");
        }
    }

    private static List<Map<String, Object>> index(Path file) {
        var source = new org.sqlite.SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file);
        return JdbcClient.create(source).sql("""
                SELECT session_id, addendum_id, body FROM note_search ORDER BY session_id, addendum_id""")
                .query().listOfRows();
    }

    private static String run(ConfigurableApplicationContext app, String line) {
        StringWriter out = new StringWriter();
        CommandRunner.Outcome outcome = app.getBean(CommandRunner.class).run(line, new PrintWriter(out), new InputReader() {
        });
        assertThat(outcome.ok()).as(line + ": " + outcome.error()).isTrue();
        return out.toString();
    }
}
