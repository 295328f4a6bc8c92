package app.soapstone.storage;

import app.soapstone.SoapstoneApplication;
import app.soapstone.client.Client;
import app.soapstone.client.ClientDetails;
import app.soapstone.client.ClientService;
import app.soapstone.support.OldDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Starting Soapstone on files that are not (or not yet) its database: each is refused with a clear
 * message and left byte-for-byte as it was. Every context started here is closed.
 */
class StorageRefusalTest {

    @TempDir
    Path dir;

    @Test
    void textFileIsRefusedAndLeftUnchanged() throws Exception {
        Path file = dir.resolve("notes.db");
        Files.writeString(file, "Zoë: left shoulder tight; book again in two weeks.\n", StandardCharsets.UTF_8);
        String before = sha256(file);

        DatabaseRefusedException refused = refusedAtStart(file);

        assertThat(refused.getMessage()).contains(file.toString()).contains("is not a SQLite database")
                .contains("left untouched").contains("SOAPSTONE_DB");
        assertThat(sha256(file)).isEqualTo(before);
        assertNoSidecarFiles(file);
        assertThat(namesIn(dir)).as("no log, no history: nothing is created beside a refused database")
                .containsExactly("notes.db");
    }

    @Test
    void fileShorterThanASqliteHeaderIsRefusedWithoutStartingTheApp() throws Exception {
        Path file = dir.resolve("short.db");
        Files.writeString(file, "hi");
        String before = sha256(file);

        assertThatThrownBy(() -> DatabaseFile.prepare(file))
                .isInstanceOf(DatabaseRefusedException.class)
                .hasMessageContaining("is not a SQLite database");
        assertThat(sha256(file)).isEqualTo(before);
    }

    @Test
    void databaseFromANewerSoapstoneIsRefusedAndLeftUnchanged() throws Exception {
        Path file = dir.resolve("soapstone.db");
        try (ConfigurableApplicationContext app = start(file)) {
            app.getBean(ClientService.class).add(new ClientDetails("Zoë", "Łukasiewicz", null, null, null, null, null,
                    null, null, null));
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("""
                    INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,
                                                       installed_by, installed_on, execution_time, success)
                    SELECT max(installed_rank) + 1, '999', 'from the future', 'SQL', 'V999__from_the_future.sql', 1,
                           'soapstone', CURRENT_TIMESTAMP, 1, 1
                    FROM flyway_schema_history""");
        }
        assertNoSidecarFiles(file);
        String before = sha256(file);
        // What the run that made it left beside it: its log, history and record seal anchors.
        Files.delete(file.resolveSibling("soapstone.log"));
        Files.deleteIfExists(file.resolveSibling("history"));
        Files.delete(file.resolveSibling("soapstone.anchors"));

        DatabaseRefusedException refused = refusedAtStart(file);

        assertThat(refused.getMessage()).contains(file.toString()).contains("newer version").contains("999")
                .contains("left untouched");
        assertThat(sha256(file)).isEqualTo(before);
        assertNoSidecarFiles(file);
        assertThat(namesIn(dir)).as("nothing is created beside a refused database").containsExactly("soapstone.db");
        // The newer version's history is still there for the newer Soapstone.
        assertThat(queryInt(file, "SELECT count(*) FROM flyway_schema_history WHERE version = '999'")).isEqualTo(1);
        assertThat(queryInt(file, "SELECT count(*) FROM client")).isEqualTo(1);
    }

    @Test
    void sqliteDatabaseOfAnotherProgramIsRefusedAndLeftUnchanged() throws Exception {
        Path file = dir.resolve("recipes.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE recipe (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
            statement.execute("INSERT INTO recipe (name) VALUES ('Lemon tart')");
        }
        String before = sha256(file);

        DatabaseRefusedException refused = refusedAtStart(file);

        assertThat(refused.getMessage()).contains(file.toString()).contains("another program")
                .contains("left untouched");
        assertThat(sha256(file)).as("the other program's file is unchanged").isEqualTo(before);
        assertNoSidecarFiles(file);
        assertThat(namesIn(dir)).as("nothing is created beside a refused database").containsExactly("recipes.db");
        assertThat(queryInt(file, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'flyway%'")).isZero();
    }

    @Test
    void folderIsRefused() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("data"));

        DatabaseRefusedException refused = refusedAtStart(folder);

        assertThat(refused.getMessage()).contains(folder.toString()).contains("is a folder")
                .contains(folder.resolve("soapstone.db").toString());
        try (var entries = Files.list(folder)) {
            assertThat(entries).as("nothing was created inside the folder").isEmpty();
        }
        assertThat(namesIn(dir)).as("nor beside it").containsExactly("data");
    }

    @Test
    void emptyFileBecomesASoapstoneDatabase() throws Exception {
        Path file = Files.createFile(dir.resolve("empty.db"));
        try (ConfigurableApplicationContext app = start(file)) {
            Client client = app.getBean(ClientService.class).add(new ClientDetails("Анна", "Иванова", null, null, null,
                    null, null, null, null, null));
            assertThat(client.id()).isNotNull();
        }
        assertThat(Files.size(file)).isPositive();
        assertThat(queryInt(file, "SELECT count(*) FROM client")).isEqualTo(1);
        assertThat(queryString(file, "PRAGMA journal_mode")).as("WAL is kept in the file").isEqualTo("wal");
    }

    @Test
    void missingFoldersAreCreatedForTheOwnerOnly() throws Exception {
        Path file = dir.resolve("a").resolve("b").resolve("soapstone.db");
        try (ConfigurableApplicationContext app = start(file)) {
            app.getBean(ClientService.class).add(new ClientDetails("Zoë", "Ng", null, null, null, null, null, null, null, null));
        }
        assertThat(file).isRegularFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void existingDatabaseIsOpenedAgainWithItsData() throws Exception {
        Path file = dir.resolve("soapstone.db");
        // A database made by an earlier Soapstone: migrated to V001 only, with a client in it.
        OldDatabases.migratedTo(file, "1");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("""
                    INSERT INTO client (id, first_name, last_name, date_of_birth, phone, search_text, created_at, updated_at)
                    VALUES (7, 'Zoë', 'Łukasiewicz', '1958-03-14', '0412 345 678', 'zoe lukasiewicz 0412345678',
                            '2025-01-02T03:04:05.678Z', '2025-01-02T03:04:05.678Z')""");
        }
        int migrationsBefore = queryInt(file, "SELECT count(*) FROM flyway_schema_history");
        assertThat(queryString(file, "PRAGMA journal_mode")).isEqualTo("delete");

        long added;
        try (ConfigurableApplicationContext app = start(file)) {
            ClientService clients = app.getBean(ClientService.class);
            Client old = clients.get(7);
            assertThat(old.firstName()).isEqualTo("Zoë");
            assertThat(old.lastName()).isEqualTo("Łukasiewicz");
            assertThat(old.dateOfBirth()).hasToString("1958-03-14");
            assertThat(old.createdAt()).hasToString("2025-01-02T03:04:05.678Z");
            added = clients.add(new ClientDetails("Анна", "Иванова", null, null, null, null, null, null, null, null)).id();
        }
        try (ConfigurableApplicationContext app = start(file)) {
            ClientService clients = app.getBean(ClientService.class);
            assertThat(clients.get(7).lastName()).isEqualTo("Łukasiewicz");
            assertThat(clients.get(added).lastName()).isEqualTo("Иванова");
            assertThat(clients.list(true)).hasSize(2);
        }
        assertThat(added).isGreaterThan(7);
        assertThat(queryString(file, "PRAGMA journal_mode")).as("switched to WAL once accepted").isEqualTo("wal");
        // Nothing was migrated twice: at most the migrations newer than V001 were added.
        assertThat(queryInt(file, "SELECT count(*) FROM flyway_schema_history WHERE version = '001' OR version = '1'"))
                .isEqualTo(1);
        assertThat(queryInt(file, "SELECT count(*) FROM flyway_schema_history")).isGreaterThanOrEqualTo(migrationsBefore);
        assertThat(queryInt(file, "SELECT count(*) FROM flyway_schema_history WHERE success = 0")).isZero();
    }

    private static ConfigurableApplicationContext start(Path database) {
        return new SpringApplicationBuilder(SoapstoneApplication.class)
                .properties("spring.shell.interactive.enabled=false", "soapstone.db=" + database)
                .run();
    }

    /** Starts Soapstone on {@code database}, expecting the start to fail with a refusal. */
    private static DatabaseRefusedException refusedAtStart(Path database) {
        ConfigurableApplicationContext started;
        try {
            started = start(database);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof DatabaseRefusedException refused) {
                    return refused;
                }
            }
            throw new AssertionError("start failed, but not with a DatabaseRefusedException", e);
        }
        started.close();
        return fail("Soapstone started on " + database + " instead of refusing it");
    }

    private static void assertNoSidecarFiles(Path database) {
        assertThat(database.resolveSibling(database.getFileName() + "-wal")).doesNotExist();
        assertThat(database.resolveSibling(database.getFileName() + "-shm")).doesNotExist();
        assertThat(database.resolveSibling(database.getFileName() + "-journal")).doesNotExist();
    }

    private static List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private static int queryInt(Path database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).isTrue();
            return result.getInt(1);
        }
    }

    private static String queryString(Path database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
