package app.soapstone.integrity;

import app.soapstone.shell.Failure;
import app.soapstone.storage.DataLocation;
import app.soapstone.storage.OtherDatabase;
import app.soapstone.support.RecordsTest;
import app.soapstone.support.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@code db copy} from the SQLite database the tests run on to a PostgreSQL database of the test
 * server and back to a new SQLite file: every row of every table the same on each, ids and
 * identities, signatures, chain and audit trail, and {@code records verify} passing on each with
 * the key and anchors the copy put where it looks. Runs on the SQLite execution; it needs the test
 * PostgreSQL server (failed in CI without it, as every PostgreSQL test).
 */
@TestPropertySource(properties = {
        // The folder of the PostgreSQL end's anchors and key, and the password file for it: the tests' own.
        "soapstone.copy.folder=${soapstone.test.data-dir}/copy-folder",
        "soapstone.copy.pgpassfile=${soapstone.test.data-dir}/copy-pgpass"})
class DatabaseCopyTest extends RecordsTest {

    /** Each table and the columns its rows are ordered by. */
    private static final Map<String, String> TABLES = orderedTables();

    @TempDir
    Path temp;

    private TestPostgres.Database postgres;
    /** The PostgreSQL database as a libpq address, without its password. */
    private String address;

    @BeforeEach
    void newPostgresDatabase() throws IOException {
        postgres = TestPostgres.newDatabase();
        String url = postgres.url();
        int query = url.indexOf('?');
        List<String> kept = new ArrayList<>();
        String user = "*";
        String password = "";
        for (String pair : url.substring(query + 1).split("&")) {
            String value = URLDecoder.decode(pair.substring(pair.indexOf('=') + 1), StandardCharsets.UTF_8);
            if (pair.startsWith("password=")) {
                password = value;
            } else {
                kept.add(pair);
                if (pair.startsWith("user=")) {
                    user = value;
                }
            }
        }
        address = url.substring("jdbc:".length(), query) + "?" + String.join("&", kept);
        Path passwordFile = Path.of(System.getProperty("soapstone.test.data-dir")).resolve("copy-pgpass");
        Files.writeString(passwordFile, "*:*:" + postgres.name() + ":" + user + ":" + password + "\n");
        Files.setPosixFilePermissions(passwordFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        deleteFolder(copyFolder());
    }

    @AfterEach
    void dropPostgresDatabase() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aPracticeGoesToPostgresqlAndBackWithEveryRecordAsItWas() throws Exception {
        fillPractice();
        // A practice that was on PostgreSQL with logins once: the copy signs every note as the
        // owner, where the database lets each practitioner sign only as their own login.
        jdbc.sql("UPDATE practitioner SET db_role = 'copy_alex' WHERE name = 'Alex Doe'").update();
        Path original = database();
        Map<String, List<List<String>>> before = rows(sqlite(original));
        assertThat(before.get("appointment")).hasSize(2);
        assertThat(before.get("service")).hasSize(2);
        assertThat(before.get("service").getFirst()).as("fees are copied exactly").contains("12050", "AUD", "8.875", "GST");
        assertThat(before.get("practitioner_hours")).hasSize(6);
        assertThat(before.get("receipt")).hasSize(3);
        assertThat(before.get("receipt_void")).hasSize(1);
        assertThat(before.get("receipt_payment")).as("moved out of the voided receipt and into its replacement")
                .anySatisfy(row -> assertThat(row).contains("moved-out"))
                .anySatisfy(row -> assertThat(row).contains("moved-in")).hasSize(8);

        String there = run("db copy --from " + original + " --to " + address).expectOk();
        assertThat(there).contains("Copied " + original + " to postgresql://", "Verified the record chain on",
                "client 3", "record_chain " + before.get("record_chain").size(), "1 anchor, since the copy of",
                "Key: " + run("records key").expectOk().replaceAll("(?s).*?([0-9a-f]{16}).*", "$1"));
        assertThat(rows(DriverManager.getConnection(postgres.url()))).isEqualTo(before);
        Path folder = copyFolder();
        assertThat(folder.resolve("soapstone.key")).hasSameBinaryContentAs(original.resolveSibling("soapstone.key"));
        DataLocation onPostgres = OtherDatabase.locate("to", address, Map.of(), folder.toString());
        assertThat(verify(onPostgres, new DriverManagerDataSource(postgres.url())).problems()).isEmpty();

        // Back to a new file, named by the JDBC form of the address.
        Path back = temp.resolve("back").resolve("soapstone.db");
        String home = run("db copy --from jdbc:" + address + " --to " + back).expectOk();
        assertThat(home).contains("Copied postgresql://", "Verified the record chain on " + back);
        assertThat(rows(sqlite(back))).isEqualTo(before);
        assertThat(back.resolveSibling("soapstone.key")).hasSameBinaryContentAs(original.resolveSibling("soapstone.key"));
        assertThat(verify(new DataLocation(back), new DriverManagerDataSource("jdbc:sqlite:" + back)).problems()).isEmpty();
        assertThat(run("records verify").expectOk()).startsWith("Verified the record chain");

        // New records on PostgreSQL take the ids after the copied ones, and the guards hold as before.
        try (Connection connection = DriverManager.getConnection(postgres.url());
             Statement statement = connection.createStatement()) {
            try (ResultSet id = statement.executeQuery("INSERT INTO client (first_name, last_name, search_text,"
                    + " created_at, updated_at) VALUES ('New', 'Person', 'new person', 'x', 'x') RETURNING id")) {
                id.next();
                assertThat(id.getLong(1)).isEqualTo(Long.parseLong(before.get("client").getLast().getFirst()) + 1);
            }
            try (ResultSet id = statement.executeQuery("INSERT INTO audit_event (at, action, record_type, summary)"
                    + " VALUES ('x', 'add', 'client', 'x') RETURNING id")) {
                id.next();
                assertThat(id.getLong(1)).isEqualTo(Long.parseLong(before.get("audit_event").getLast().getFirst()) + 1);
            }
            assertThat(catchThrowable(() -> statement.executeUpdate(
                    "UPDATE session SET plan = 'changed' WHERE signed_at IS NOT NULL")))
                    .hasMessageContaining("signed notes are final");
            assertThat(catchThrowable(() -> statement.executeUpdate("INSERT INTO audit_event (id, at, action,"
                    + " record_type, summary) VALUES (1, 'x', 'add', 'client', 'slipped in')")))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void aDatabaseWithRecordsIsNotCopiedInto() throws Exception {
        fillPractice();
        run("db copy --from " + database() + " --to " + address).expectOk();
        Map<String, List<List<String>>> copied = rows(DriverManager.getConnection(postgres.url()));

        var refused = run("db copy --from " + database() + " --to " + address);
        assertThat(refused.status()).isEqualTo(Failure.CONFLICT);
        assertThat(refused.error()).contains("--to:", "already holds records", "Nothing was written").doesNotContain("\n");
        assertThat(rows(DriverManager.getConnection(postgres.url()))).isEqualTo(copied);

        // And back into a file that holds records: the database the tests run on.
        Path file = temp.resolve("other.db");
        run("db copy --from " + address + " --to " + file).expectOk();
        assertThat(run("db copy --from " + address + " --to " + file).error()).contains("already holds records");
    }

    @Test
    void aCopyThatFailsHalfWayLeavesTheTargetEmpty() throws Exception {
        fillPractice();
        // A source whose chain is broken in the middle: the target's guard refuses the link that does not follow.
        Path broken = temp.resolve("broken.db");
        snapshot(broken);
        try (Connection connection = sqlite(broken); Statement statement = connection.createStatement()) {
            dropTriggers(statement, "record_chain");
            statement.executeUpdate("UPDATE record_chain SET previous_hash = '" + "1".repeat(64) + "' WHERE seq = 10");
        }
        var failed = run("db copy --from " + broken + " --to " + address);
        assertThat(failed.status()).isNotZero();
        assertThat(failed.error()).contains("nothing was written to postgresql://");
        assertEmpty();

        // A source whose signed note was changed: every row goes in, and the check before the commit refuses it.
        Path changed = temp.resolve("changed.db");
        snapshot(changed);
        try (Connection connection = sqlite(changed); Statement statement = connection.createStatement()) {
            dropTriggers(statement, "session");
            statement.executeUpdate("UPDATE session SET plan = 'rewritten' WHERE signed_at IS NOT NULL");
        }
        failed = run("db copy --from " + changed + " --to " + address);
        assertThat(failed.status()).isEqualTo(Failure.VERIFICATION);
        assertThat(failed.error()).contains("failed verification", "nothing was written");
        assertEmpty();
        assertThat(copyFolder().resolve("soapstone.anchors")).doesNotExist();
    }

    @Test
    void aSourceAtAnotherSchemaVersionIsRefused() {
        Path old = temp.resolve("old.db");
        app.soapstone.support.OldDatabases.migratedTo(old, "12");
        String current = jdbc.sql("SELECT max(version) FROM flyway_schema_history").query(String.class).single();
        var refused = run("db copy --from " + old + " --to " + address);
        assertThat(refused.status()).isEqualTo(Failure.USAGE);
        assertThat(refused.error()).contains("--from:", "schema version 012", "not this Soapstone's " + current);
    }

    // ---------------------------------------------------------------- helpers

    /** A practice with every kind of record: intakes and a clearance, signed notes and a draft, an addendum, a care plan given, a key from half-way. */
    private void fillPractice() {
        clinic();
        long alex = practitioner("Alex Doe");
        long zoe = client("Zoë", "Brontë");
        long sam = client("Sam", "Lee");
        client("Ann", "Archived");
        intake(zoe, "");
        intake(zoe, "--red-flags one-sided-calf-swelling");
        run("intake clear --client " + zoe + " --note \"GP: DVT excluded by ultrasound\"").expectOk();
        intake(sam, "");
        long first = session(zoe, "--subjective", "Calf tight after shifts", "--plan", "Stretch nightly",
                "--modalities", "swedish,myofascial-release", "--areas", "calf-left,calf-right");
        sign(first);
        amend(first, "Client called: much better");
        run("records key --create").expectOk();
        signedSession(sam, "Sore after running", "Walk daily");
        session(sam, "--subjective", "A draft");
        run("plan export --client " + zoe + " --out " + temp.resolve("plan.pdf")).expectOk();
        run("clinic set --currency AUD --tax-number \"ABN 51 824 753 556\"").expectOk();
        run("practitioner edit " + alex + " --tax-number 123-456").expectOk();
        run("service add --name \"Hot stone\" --minutes 60 --price 120.50 --tax-rate 8.875 --tax-name GST").expectOk();
        run("service add --name Cupping --minutes 30").expectOk();
        run("service retire 2").expectOk();
        run("appointment book --client " + zoe + " --at \"2026-12-05 10:00\" --service 1 --note \"Back door\"").expectOk();
        run("appointment book --client " + sam + " --at \"2026-12-05 11:00\" --minutes 30").expectOk();
        run("appointment cancel 1 --reason \"Client unwell\"").expectOk();
        run("practitioner hours " + alex + " --set \"mon-thu 09:00-17:00, fri 09:00-12:00 13:00-17:00\"").expectOk();
        // Receipts: one voided, one in its place that took its payments over, and one for another visit.
        voidedAndReplacedReceipt(first, 1);
        run("receipt issue --session " + signedSession(zoe, "Cramps eased", "Keep stretching") + " --service 1"
                + " --paid 0").expectOk();
        assertThat(alex).isPositive();
    }

    private void assertEmpty() throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.url())) {
            for (Map.Entry<String, List<List<String>>> table : rows(connection).entrySet()) {
                assertThat(table.getValue()).as(table.getKey()).isEmpty();
            }
        }
    }

    /** A copy of the database the tests run on (its write-ahead log too), with the clinic's key beside it. */
    private void snapshot(Path file) throws IOException {
        jdbc.sql("VACUUM INTO '" + file + "'").update();
        Files.copy(database().resolveSibling("soapstone.key"), file.resolveSibling("soapstone.key"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Drops the guards of {@code table} in a SQLite file, as someone with the sqlite3 tool could. */
    private static void dropTriggers(Statement statement, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet triggers = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger'"
                + " AND tbl_name = '" + table + "' AND name NOT LIKE '%search%'")) {
            while (triggers.next()) {
                names.add(triggers.getString(1));
            }
        }
        for (String name : names) {
            statement.execute("DROP TRIGGER " + name);
        }
    }

    private static Path copyFolder() {
        return Path.of(System.getProperty("soapstone.test.data-dir")).resolve("copy-folder");
    }

    private static Path database() {
        return Path.of(System.getProperty("soapstone.test.db"));
    }

    private static Connection sqlite(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    /** What {@code records verify} checks for a database at {@code location}, read through {@code dataSource}. */
    private static RecordChain.Verification verify(DataLocation location, javax.sql.DataSource dataSource) {
        RecordChain chain = new RecordChain(JdbcClient.create(dataSource), new JdbcTemplate(dataSource),
                new RecordDigests(dataSource), new ClinicKey(location), location, Clock.systemUTC());
        return chain.verify();
    }

    /** Every row of every table, as text: booleans as 1 and 0, as SQLite keeps them. */
    private static Map<String, List<List<String>>> rows(Connection connection) throws SQLException {
        Map<String, List<List<String>>> tables = new LinkedHashMap<>();
        try (connection; Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> table : TABLES.entrySet()) {
                List<List<String>> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery("SELECT * FROM " + table.getKey() + " ORDER BY "
                        + table.getValue())) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        List<String> row = new ArrayList<>();
                        for (int c = 1; c <= columns; c++) {
                            Object value = result.getObject(c);
                            row.add(value instanceof Boolean b ? (b ? "1" : "0") : String.valueOf(value));
                        }
                        rows.add(row);
                    }
                }
                tables.put(table.getKey(), rows);
            }
        }
        return tables;
    }

    private static Map<String, String> orderedTables() {
        Map<String, String> tables = new LinkedHashMap<>();
        for (String table : List.of("clinic", "practitioner", "client", "service", "appointment", "intake", "intake_clearance", "session",
                "addendum", "care_plan_export", "receipt", "receipt_void", "receipt_payment", "audit_event")) {
            tables.put(table, "id");
        }
        for (String list : List.of("intake_site", "intake_condition", "intake_red_flag", "intake_consent_element",
                "intake_medication", "intake_surgery")) {
            tables.put(list, "intake_id, position");
        }
        tables.put("practitioner_hours", "practitioner_id, day_of_week, starts");
        tables.put("session_modality", "session_id, position");
        tables.put("session_area", "session_id, position");
        tables.put("record_chain", "seq");
        return tables;
    }

    private static void deleteFolder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var files = Files.walk(folder)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
