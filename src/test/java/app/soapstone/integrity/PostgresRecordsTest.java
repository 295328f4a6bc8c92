package app.soapstone.integrity;

import app.soapstone.storage.DataLocation;
import app.soapstone.storage.PostgresAddress;
import app.soapstone.storage.SchemaMigration;
import app.soapstone.storage.Vendor;
import app.soapstone.support.PostgresTamperer;
import app.soapstone.support.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The record chain on PostgreSQL means what it means on SQLite: the same rows give the same
 * content hashes on both databases, and {@code records verify} passes on an intact chain and names
 * the record when one is rewritten (the chain recomputed) or an audit event deleted.
 */
class PostgresRecordsTest {

    /**
     * A final record of every kind, in SQL both databases run (text with a line break, an accent, a
     * quote), each linked as it becomes final ({@code LINK type}: its real content hash, after the head).
     */
    private static final List<String> ROWS = List.of(
            "INSERT INTO practitioner (name, credentials, is_default, created_at)"
                    + " VALUES ('Sam Jones', 'RMT', TRUE, '2026-01-02T03:04:05.678Z')",
            "INSERT INTO client (first_name, last_name, search_text, created_at, updated_at)"
                    + " VALUES ('Zoë', 'O''Neil', 'zoe o''neil', '2026-01-02T03:04:05.678Z', '2026-01-02T03:04:05.678Z')",
            """
                    INSERT INTO intake (client_id, version, taken_on, recorded_at, practitioner_id, cramp_frequency_per_week,
                        cramp_frequency_given, cramp_severity, cramp_duration_minutes, cramp_timing, cramp_sleep_disturbance,
                        other_conditions, water_glasses, water_litres, caffeine, consent_date, consent_given_by)
                    VALUES (1, 1, '2026-01-10', '2026-01-10T10:00:00.000Z', 1, 3, '3 a week', 5, 2.5, 'night', 4,
                        'Zoë''s first line
                    second line \\ backslash', 6, 1.5, 'two cups', '2026-01-10', 'Zoë O''Neil')""",
            "INSERT INTO intake_site (intake_id, position, site) VALUES (1, 0, 'calf')",
            "INSERT INTO intake_site (intake_id, position, site) VALUES (1, 1, 'foot')",
            "INSERT INTO intake_condition (intake_id, position, condition) VALUES (1, 0, 'diabetes')",
            "INSERT INTO intake_red_flag (intake_id, position, red_flag) VALUES (1, 0, 'dvt')",
            "INSERT INTO intake_consent_element (intake_id, position, element) VALUES (1, 0, 'draping')",
            "INSERT INTO intake_medication (intake_id, position, description, name, dose, frequency, confirmed_as)"
                    + " VALUES (1, 0, 'statin 20 mg', 'statin', '20 mg', 'daily', 'atorvastatin')",
            "INSERT INTO intake_surgery (intake_id, position, description, performed, side)"
                    + " VALUES (1, 0, 'knee', '2019', 'left')",
            "LINK intake",
            "INSERT INTO intake_clearance (intake_id, cleared_on, note, practitioner_id, recorded_at)"
                    + " VALUES (1, '2026-02-01', 'GP letter', 1, '2026-02-01T10:00:00.000Z')",
            "LINK clearance",
            """
                    INSERT INTO session (client_id, practitioner_id, intake_id, started_at, duration_minutes, pressure,
                        pain_before, pain_after, cramps_per_week, cramp_severity, sleep_disturbance, subjective,
                        created_at, updated_at, home_massage_minutes)
                    VALUES (1, 1, 1, '2026-01-20T10:00', 60, 'firm', 6, 3, 2.0, 4, 1, 'Tight calves',
                        '2026-01-20T11:00:00.000Z', '2026-01-20T11:00:00.000Z', 10)""",
            "INSERT INTO session_modality (session_id, position, modality) VALUES (1, 0, 'swedish')",
            "INSERT INTO session_modality (session_id, position, modality) VALUES (1, 1, 'stretching')",
            "INSERT INTO session_area (session_id, position, site) VALUES (1, 0, 'calf')",
            "UPDATE session SET signed_at = '2026-01-20T11:05:00.000Z', signed_by = 1 WHERE id = 1",
            "LINK session",
            "INSERT INTO addendum (session_id, practitioner_id, written_at, text)"
                    + " VALUES (1, 1, '2026-01-21T09:00:00.000Z', 'Later')",
            "LINK addendum",
            "INSERT INTO care_plan_export (id, client_id, session_id, exported_at, file_name, sha256, paper, kind,"
                    + " adaptations, large_print) VALUES (NULL, 1, 1, '2026-01-22T10:00:00.000Z', 'plan.pdf', '"
                    + "c".repeat(64) + "', 'a4', 'care-plan', 'large type', TRUE)",
            "LINK care-plan",
            """
                    INSERT INTO receipt (number, session_id, client_id, practitioner_id, visit_date, client_name,
                        practitioner_name, practitioner_credentials, registration_number, tax_number, service_name,
                        minutes, currency, fee_minor, tax_name, tax_rate, tax_minor, total_minor, issued_at)
                    VALUES (1, 1, 1, 1, '2026-01-20', 'Zoë O''Neil', 'Sam Jones', 'RMT', 'M1', NULL, 'Massage',
                        60, 'CAD', 12000, 'HST', '13', 1560, 13560, '2026-01-22T10:00:00.000Z')""",
            "LINK receipt",
            "INSERT INTO receipt_payment (receipt_id, kind, amount_minor, method, payer, note, paid_at)"
                    + " VALUES (1, 'payment', 13560, 'insurance', 'Sun Life', NULL, '2026-01-22T10:00:00.000Z')",
            "LINK payment",
            "INSERT INTO receipt_void (receipt_id, voided_at, reason) VALUES (1, '2026-01-23T10:00:00.000Z', 'Wrong fee')",
            "LINK receipt-void",
            // Its id given, as a copied practice's: an event numbered by PostgreSQL gets the login that
            // wrote it (V020), which a SQLite row has not, so it would hash differently by design.
            "INSERT INTO audit_event (id, at, practitioner_id, action, record_type, record_id, client_id, summary)"
                    + " VALUES (1, '2026-01-22T10:00:00.000Z', 1, 'sign', 'session', 1, 1, 'Signed note 1')",
            "LINK audit");

    @TempDir
    Path dir;
    private TestPostgres.Database database;
    private Connection postgres;

    @BeforeEach
    void aMigratedPostgresDatabaseWithARecordOfEveryKind() throws SQLException {
        database = TestPostgres.newDatabase();
        SchemaMigration.flyway(new DriverManagerDataSource(database.url()), Vendor.POSTGRESQL).migrate();
        postgres = DriverManager.getConnection(database.url());
        run(postgres, ROWS);
    }

    @AfterEach
    void dropIt() throws SQLException {
        if (postgres != null) {
            postgres.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void theSameRowsHashTheSameOnSQLiteAndPostgres() throws SQLException {
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("soapstone.db"))) {
            SchemaMigration.flyway(new SingleConnectionDataSource(sqlite, true), Vendor.SQLITE).migrate();
            run(sqlite, ROWS);
            for (FinalRecord kind : FinalRecord.values()) {
                String onSqlite = RecordDigests.digest(sqlite, kind, 1).orElseThrow();
                // pgjdbc prepares a statement on the server from its fifth use and then sends numbers in binary.
                for (int time = 1; time <= 7; time++) {
                    assertThat(RecordDigests.digest(postgres, kind, 1)).as(kind + ", time " + time).contains(onSqlite);
                }
            }
        }
    }

    @Test
    void recordsVerifyPassesOnAnIntactChain() throws SQLException {

        RecordChain.Verification verification = chain().verify();

        assertThat(verification.problems()).isEmpty();
        assertThat(verification.entries()).isEqualTo(FinalRecord.values().length);
    }

    @Test
    void aRewrittenNoteIsNamedAndRecomputingTheChainIsCaughtByTheAnchor() throws Exception {
        RecordChain chain = chain();
        chain.anchorFile().append(Instant.now(), chain.verify().seal(), "sign", "Signed note 1");
        PostgresTamperer tamperer = tamperer();

        tamperer.sql("UPDATE session SET subjective = 'Nothing of note' WHERE id = 1");
        assertThat(chain.verify().problems()).anyMatch(p -> p.startsWith("session 1 has changed since it became final"));
        tamperer.recomputeChainFrom(1);

        assertThat(chain.verify().problems()).singleElement().asString()
                .startsWith("The chain does not match the anchor").contains("session 1");
    }

    @Test
    void aDeletedAuditEventIsNamed() throws SQLException {

        tamperer().sql("DELETE FROM audit_event WHERE id = 1");

        assertThat(chain().verify().problems()).anyMatch(p -> p.contains("audit event 1 is missing"));
    }

    @Test
    void dbCheckFindsEveryGuardAsMadeAndNamesOneDroppedDisabledOrRewritten() throws Exception {
        String migration = new String(getClass().getResourceAsStream(
                "/db/migration/postgresql/V018__Soapstone_schema_as_of_version_18.sql").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8) + new String(getClass().getResourceAsStream(
                "/db/migration/postgresql/V020__practitioner_logins.sql").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8) + new String(getClass().getResourceAsStream(
                "/db/migration/postgresql/V026__receipts.sql").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        long madeByTheMigration = java.util.regex.Pattern.compile("(?m)^CREATE TRIGGER ").matcher(migration).results().count();

        DatabaseCheck.Report fresh = dbCheck();
        assertThat(fresh.healthy()).as(String.join("\n", fresh.lines())).isTrue();
        assertThat(fresh.lines()).contains("Guards:        ok (" + madeByTheMigration + " triggers, as made)",
                "Foreign keys:  enforced by the PostgreSQL server");
        assertThat(fresh.lines()).anyMatch(line -> line.startsWith("Record chain:  intact (9 entries"));
        assertThat(single("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'soapstone_check_%'"))
                .as("the schema migrated to compare with is dropped").isEqualTo("0");

        run(postgres, List.of("DROP TRIGGER intake_site_is_permanent_delete ON intake_site",
                "ALTER TABLE addendum DISABLE TRIGGER addendum_is_permanent_update",
                "CREATE OR REPLACE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$"));
        DatabaseCheck.Report tampered = dbCheck();

        assertThat(tampered.healthy()).isFalse();
        String report = String.join("\n", tampered.lines());
        assertThat(report).contains("the trigger intake_site_is_permanent_delete is missing; it refused with"
                        + " \"intakes are permanent\"")
                .contains("the trigger addendum_is_permanent_update is disabled")
                .contains("the trigger intake_is_permanent_update has been changed");
    }

    @Test
    void aLoginThatMayNotCreateASchemaIsToldTheGuardsCouldNotBeCompared() throws SQLException {
        String role = "soapstone_reader_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        run(postgres, List.of("CREATE ROLE " + role + " LOGIN PASSWORD 'reader'",
                "GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role));
        try {
            DriverManagerDataSource reader = new DriverManagerDataSource(database.url().replaceFirst("\\?.*$", "")
                    + "?user=" + role + "&password=reader");

            Guards.OnPostgres checked = Guards.problemsOnPostgres(reader);

            assertThat(checked.problems()).singleElement().asString()
                    .startsWith("the triggers could not be compared with a freshly migrated copy")
                    .contains("permission denied").endsWith("run 'db check' as the database's owner");
        } finally {
            run(postgres, List.of("DROP OWNED BY " + role, "DROP ROLE " + role));
        }
    }

    private DatabaseCheck.Report dbCheck() {
        DriverManagerDataSource source = new DriverManagerDataSource(database.url());
        DataLocation location = new DataLocation(dir, null, PostgresAddress.parse("postgresql://127.0.0.1:5432/"
                + database.name(), java.util.Map.of(), dir.toString()));
        return new DatabaseCheck(JdbcClient.create(source), SchemaMigration.flyway(source, Vendor.POSTGRESQL), chain(),
                location, source).run();
    }

    private String single(String sql) throws SQLException {
        try (Statement statement = postgres.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private RecordChain chain() {
        DriverManagerDataSource source = new DriverManagerDataSource(database.url());
        DataLocation location = new DataLocation(dir.resolve("clinic.db"));
        return new RecordChain(JdbcClient.create(source), new JdbcTemplate(source), new RecordDigests(source),
                new ClinicKey(location), location, Clock.systemUTC());
    }

    private PostgresTamperer tamperer() {
        return new PostgresTamperer(database.url(), (type, id) -> {
            try (Connection connection = DriverManager.getConnection(database.url())) {
                return RecordDigests.digest(connection, FinalRecord.require(type), id).orElse(null);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void run(Connection connection, List<String> statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.executeUpdate(sql.startsWith("LINK ") ? link(connection, sql.substring(5)) : sql);
            }
        }
    }

    /** The link Soapstone makes for record {@code type} 1 as it becomes final. */
    private static String link(Connection connection, String type) throws SQLException {
        String content = RecordDigests.digest(connection, FinalRecord.require(type), 1).orElseThrow();
        String previous;
        try (Statement statement = connection.createStatement();
             ResultSet head = statement.executeQuery(FinalRecordRows.headSql())) {
            head.next();
            previous = head.getString(1);
        }
        return "INSERT INTO record_chain (record_type, record_id, content_hash, previous_hash, hash, linked_at)"
                + " VALUES ('" + type + "', 1, '" + content + "', '" + previous + "', '"
                + RecordDigests.linkHash(previous, type, 1, content) + "', '2026-01-23T00:00:00.000Z')";
    }
}
