package app.soapstone.storage;

import app.soapstone.client.Client;
import app.soapstone.client.ClientDetails;
import app.soapstone.client.ClientService;
import app.soapstone.support.SoapstoneTest;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The application's own SQLite connections and what it writes to the file. */
class DatabaseTest extends SoapstoneTest {

    private static final String UTC_MILLIS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

    @Autowired
    DataSource dataSource;

    @Autowired
    ClientService clients;

    @Autowired
    Flyway flyway;

    @Autowired
    DataLocation location;

    @Autowired
    org.springframework.core.env.Environment environment;

    @Test
    void testDatabaseLogAndHistoryAreAllInTheTempFolder() {
        // The log and history location is decided before the context starts; it must not fall back
        // to the user's real data folder.
        assertThat(location.database()).isEqualTo(DATA_DIR.resolve("soapstone.db"));
        assertThat(environment.getProperty("soapstone.db")).isEqualTo(DATA_DIR.resolve("soapstone.db").toString());
        assertThat(environment.getProperty("logging.file.name")).as("LogFile, not Spring Boot, opens the log").isNull();
        assertThat(DATA_DIR.resolve("soapstone.log")).isRegularFile();
        assertThat(environment.getProperty("spring.shell.history.name")).isEqualTo(DATA_DIR.resolve("history").toString());
    }

    @Test
    void everyPooledConnectionHasTheSafetySettings() throws SQLException {
        // Hold several connections at once so that more than one physical connection is checked.
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                held.add(dataSource.getConnection());
            }
            for (Connection connection : held) {
                assertThat(pragma(connection, "foreign_keys")).isEqualTo("1");
                assertThat(pragma(connection, "journal_mode")).isEqualToIgnoringCase("wal");
                assertThat(pragma(connection, "busy_timeout")).isEqualTo("10000");
                assertThat(pragma(connection, "synchronous")).as("synchronous=FULL").isEqualTo("2");
            }
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }

    @Test
    void foreignKeysAreEnforced() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE parent_probe (id INTEGER PRIMARY KEY)");
            statement.execute("CREATE TEMP TABLE child_probe (parent INTEGER REFERENCES parent_probe (id))");
            try {
                statement.execute("INSERT INTO child_probe VALUES (42)");
                throw new AssertionError("a row pointing at a missing parent was accepted");
            } catch (SQLException expected) {
                assertThat(expected.getMessage()).contains("FOREIGN KEY");
            } finally {
                statement.execute("DROP TABLE child_probe");
                statement.execute("DROP TABLE parent_probe");
            }
        }
    }

    @Test
    void flywayHistoryShowsTheFirstMigrationApplied() {
        List<Map<String, Object>> history = jdbc.sql(
                "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")
                .query().listOfRows();
        assertThat(history).isNotEmpty();
        assertThat(MigrationVersion.fromVersion(String.valueOf(history.get(0).get("version"))))
                .isEqualTo(MigrationVersion.fromVersion("1"));
        assertThat(history).allSatisfy(row -> assertThat(((Number) row.get("success")).intValue()).isEqualTo(1));
        assertThat(flyway.info().current().getVersion()).isGreaterThanOrEqualTo(MigrationVersion.fromVersion("1"));
        assertThat(flyway.info().pending()).isEmpty();
    }

    @Test
    void datesAndInstantsAreStoredAsIsoText() {
        Instant before = Instant.now().minusSeconds(1);
        Client client = clients.add(new ClientDetails("Zoë", "Łukasiewicz", null, "1958-03-14", null, null, null, null,
                null, null));
        Instant after = Instant.now().plusSeconds(1);

        Map<String, Object> row = jdbc.sql("""
                SELECT date_of_birth, typeof(date_of_birth) AS dob_type, created_at, typeof(created_at) AS created_type,
                       updated_at, typeof(updated_at) AS updated_type, archived_at
                FROM client WHERE id = ?""").param(client.id()).query().singleRow();
        assertThat(row.get("dob_type")).isEqualTo("text");
        assertThat(row.get("date_of_birth")).isEqualTo("1958-03-14");
        assertThat(row.get("created_type")).isEqualTo("text");
        assertThat(row.get("updated_type")).isEqualTo("text");
        assertThat((String) row.get("created_at")).matches(UTC_MILLIS);
        assertThat((String) row.get("updated_at")).matches(UTC_MILLIS);
        assertThat(Instant.parse((String) row.get("created_at"))).isBetween(before, after);
        assertThat(row.get("archived_at")).isNull();

        clients.archive(client.id());
        Map<String, Object> archived = jdbc.sql(
                "SELECT archived_at, typeof(archived_at) AS type FROM client WHERE id = ?")
                .param(client.id()).query().singleRow();
        assertThat(archived.get("type")).isEqualTo("text");
        assertThat((String) archived.get("archived_at")).matches(UTC_MILLIS);
    }

    @Test
    void storedDatesReadBackAsTheSameValues() {
        Client saved = clients.add(new ClientDetails("Anna", "Иванова", null, "2000-02-29", null, null, null, null, null, null));
        Client loaded = clients.get(saved.id());
        assertThat(loaded.dateOfBirth()).isEqualTo(LocalDate.of(2000, 2, 29));
        // Stored with millisecond precision, so what comes back is the saved instant cut to millis.
        assertThat(loaded.createdAt()).isEqualTo(saved.createdAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    @Test
    void nameWithQuotesAndSqlRoundTripsByteForByte() {
        String first = "Robert'); DROP TABLE client;--";
        String last = "O'Brien \"Bobby\" Tables; DELETE FROM client WHERE '1'='1";
        String preferred = "Zoë 王 \\ % _";
        Client saved = clients.add(new ClientDetails(first, last, preferred, null, null, null, null, null,
                "notes with ' and \" and ;--", null));

        Client loaded = clients.get(saved.id());
        assertThat(loaded.firstName()).isEqualTo(first);
        assertThat(loaded.lastName()).isEqualTo(last);
        assertThat(loaded.preferredName()).isEqualTo(preferred);
        assertThat(loaded.notes()).isEqualTo("notes with ' and \" and ;--");

        Map<String, Object> bytes = jdbc.sql(
                "SELECT hex(CAST(first_name AS BLOB)) AS first, hex(CAST(last_name AS BLOB)) AS last,"
                        + " hex(CAST(preferred_name AS BLOB)) AS preferred FROM client WHERE id = ?")
                .param(saved.id()).query().singleRow();
        assertThat(bytes.get("first")).isEqualTo(utf8Hex(first));
        assertThat(bytes.get("last")).isEqualTo(utf8Hex(last));
        assertThat(bytes.get("preferred")).isEqualTo(utf8Hex(preferred));

        assertThat(jdbc.sql("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'client'")
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM client").query(Integer.class).single()).isEqualTo(1);
    }

    private static String utf8Hex(String text) {
        return HexFormat.of().withUpperCase().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA " + name)) {
            assertThat(result.next()).as("PRAGMA %s returned a row", name).isTrue();
            return result.getString(1);
        }
    }
}
