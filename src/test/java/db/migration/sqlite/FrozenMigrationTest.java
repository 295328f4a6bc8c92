package db.migration.sqlite;

import app.soapstone.SoapstoneApplication;
import app.soapstone.integrity.RecordChain;
import app.soapstone.integrity.RecordDigests;
import app.soapstone.support.OldDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Version 6 links the notes and addenda of a version-5 database with its own frozen copy of the
 * digest, so that what it writes cannot move when the application's digest changes (it has: notes
 * gained home massage minutes at version 8, intake medicines a confirmed name at version 15). Its
 * hashes are pinned, agree with today's digest for these records, and a version-5 database
 * upgraded to today's schema verifies.
 */
class FrozenMigrationTest {

    /** Session 1 and addendum 1 of {@link OldDatabases#beforeTheChain}, as version 6 hashes them. */
    private static final String NOTE_AT_VERSION_6 = "464fb44765ca126cde61be34c072e5873186a9f8d8941b00d61610ce1bf9dd55";

    @TempDir
    Path dir;

    @Test
    void version6HashesNotesAndAddendaAsTheApplicationDoesAndAsItAlwaysHas() throws Exception {
        Path file = dir.resolve("soapstone.db");
        OldDatabases.beforeTheChain(file);
        OldDatabases.migratedTo(file, "5");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            // A note with a REAL measure, several lines, a backslash and another script.
            statement.executeUpdate("""
                    INSERT INTO session (id, client_id, practitioner_id, started_at, cramps_per_week, subjective, plan,
                                         created_at, updated_at, signed_at, signed_by)
                    VALUES (3, 1, 1, '2025-02-01T10:00', 4.5, 'Crampes la nuit' || char(10) || 'C:\\temp', 'Étirer',
                            '2025-02-01T10:05:00.000Z', '2025-02-01T10:05:00.000Z', '2025-02-01T11:00:00.000Z', 1)""");
        }
        OldDatabases.migratedTo(file, "6");

        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            RecordDigests today = new RecordDigests(new SingleConnectionDataSource(connection, true));
            List<String[]> links = links(connection);
            assertThat(links).extracting(link -> link[0] + " " + link[1])
                    .containsExactly("session 1", "addendum 1", "session 3");
            for (String[] link : links) {
                assertThat(today.digest(link[0], Long.parseLong(link[1]))).as(link[0] + " " + link[1]).hasValue(link[2]);
            }
            assertThat(V006__Link_records_final_before_the_chain.sessionHash(connection, 1)).isEqualTo(NOTE_AT_VERSION_6);
        }

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SoapstoneApplication.class)
                .properties("spring.shell.interactive.enabled=false", "soapstone.db=" + file).run()) {
            assertThat(app.getBean(RecordChain.class).verify().problems()).as("upgraded to today's schema").isEmpty();
        }
    }

    /** Type, id and content hash of every link, in order. */
    private static List<String[]> links(Connection connection) throws Exception {
        List<String[]> links = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT record_type, record_id, content_hash FROM record_chain ORDER BY seq")) {
            while (rows.next()) {
                links.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
            }
        }
        return links;
    }
}
