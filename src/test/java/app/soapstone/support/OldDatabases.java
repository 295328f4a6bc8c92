package app.soapstone.support;

import org.flywaydb.core.Flyway;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Databases as an earlier Soapstone left them: migrated only up to a given version, with records
 * written by that version's rules, straight through SQL.
 */
public final class OldDatabases {

    private OldDatabases() {
    }

    /** An empty database with the application's migrations applied up to {@code version}. */
    public static void migratedTo(Path file, String version) {
        Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null).locations("classpath:db/migration/sqlite")
                .target(version).load().migrate();
    }

    /**
     * A database at schema version 4, before the audit trail and the record chain: a practitioner,
     * a client, a signed note (with modalities and areas) that has an addendum, and a draft.
     */
    public static void beforeTheChain(Path file) throws SQLException {
        migratedTo(file, "4");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("""
                    INSERT INTO practitioner (id, name, credentials, is_default, created_at)
                    VALUES (1, 'Sam Jones', 'RMT', 1, '2025-01-02T03:04:05.678Z')""");
            statement.executeUpdate("""
                    INSERT INTO client (id, first_name, last_name, search_text, created_at, updated_at)
                    VALUES (1, 'Zoë', 'Łukasiewicz', 'zoe lukasiewicz', '2025-01-02T03:04:05.678Z',
                            '2025-01-02T03:04:05.678Z')""");
            statement.executeUpdate("""
                    INSERT INTO session (id, client_id, practitioner_id, started_at, subjective, plan, created_at,
                                         updated_at)
                    VALUES (1, 1, 1, '2025-01-03T10:00', 'Night cramps', 'Stretch nightly', '2025-01-03T10:05:00.000Z',
                            '2025-01-03T10:05:00.000Z'),
                           (2, 1, 1, '2025-01-10T10:00', 'A draft', NULL, '2025-01-10T10:05:00.000Z',
                            '2025-01-10T10:05:00.000Z')""");
            statement.executeUpdate("INSERT INTO session_modality (session_id, position, modality) VALUES (1, 0, 'effleurage')");
            statement.executeUpdate("INSERT INTO session_area (session_id, position, site) VALUES (1, 0, 'calf-left')");
            statement.executeUpdate("UPDATE session SET signed_at = '2025-01-03T11:00:00.000Z', signed_by = 1 WHERE id = 1");
            statement.executeUpdate("""
                    INSERT INTO addendum (id, session_id, practitioner_id, written_at, text)
                    VALUES (1, 1, 1, '2025-01-04T09:00:00.000Z', 'Client phoned: better.')""");
        }
    }

    /**
     * A database at schema version 7, before {@code session.home_massage_minutes}: the records of
     * {@link #beforeTheChain}, with the signed note and the addendum linked into the chain by
     * version 6, as that version computed their hashes.
     */
    public static void beforeHomeMassageMinutes(Path file) throws SQLException {
        beforeTheChain(file);
        migratedTo(file, "7");
    }
}
