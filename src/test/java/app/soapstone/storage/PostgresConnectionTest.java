package app.soapstone.storage;

import app.soapstone.support.TestPostgres;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Connecting to a real PostgreSQL server as libpq would: the password comes from the password
 * file and the connection settings from the service file that the environment names, never from
 * SOAPSTONE_DB; a server that is down or refuses the login is one line that names it.
 */
class PostgresConnectionTest {

    @TempDir
    Path dir;

    @AfterEach
    void forgetTheFiles() {
        System.clearProperty(PostgresConnection.PASSWORD_FILE_PROPERTY);
        System.clearProperty(PostgresConnection.SERVICE_FILE_PROPERTY);
    }

    @Test
    void thePasswordComesFromThePasswordFileThatPgpassfileNames() throws Exception {
        try (TestPostgres.Database database = TestPostgres.newDatabase(); PostgresLogin login = new PostgresLogin(database, "pa:ss\\word")) {
            Path pgpass = pgpass(dir, server() + ":" + database.name() + ":" + login.role() + ":pa\\:ss\\\\word");
            DataLocation location = location("postgresql://" + login.role() + "@" + server() + "/" + database.name(),
                    Map.of("PGPASSFILE", pgpass.toString()));

            try (HikariDataSource pool = PostgresConnection.open(location)) {
                assertThat(currentUser(pool)).isEqualTo(login.role());
            }
            assertThat(location.directory()).isDirectory();
        }
    }

    @Test
    void withoutAPasswordForTheLoginTheRefusalNamesTheFileToPutItIn() throws Exception {
        try (TestPostgres.Database database = TestPostgres.newDatabase(); PostgresLogin login = new PostgresLogin(database, "secret")) {
            Path pgpass = pgpass(dir, "otherhost:5432:*:*:secret");
            DataLocation location = location("postgresql://" + login.role() + "@" + server() + "/" + database.name(),
                    Map.of("PGPASSFILE", pgpass.toString()));

            assertThatThrownBy(() -> PostgresConnection.open(location)).isInstanceOf(DatabaseRefusedException.class)
                    .hasMessageContaining("postgresql://" + server() + "/" + database.name())
                    .hasMessageContaining("asks for a password as " + login.role())
                    .hasMessageContaining(pgpass.toString()).hasMessageNotContaining("\n");
            assertThat(location.directory()).doesNotExist();
        }
    }

    @Test
    void aWrongPasswordIsALoginTheServerRefused() throws Exception {
        try (TestPostgres.Database database = TestPostgres.newDatabase(); PostgresLogin login = new PostgresLogin(database, "secret")) {
            Path pgpass = pgpass(dir, "*:*:*:" + login.role() + ":not-the-password");
            DataLocation location = location("postgresql://" + login.role() + "@" + server() + "/" + database.name(),
                    Map.of("PGPASSFILE", pgpass.toString()));

            assertThatThrownBy(() -> PostgresConnection.open(location)).isInstanceOf(DatabaseRefusedException.class)
                    .hasMessageStartingWith("The PostgreSQL server at postgresql://" + server())
                    .hasMessageContaining("refused the login as " + login.role()).hasMessageContaining(pgpass.toString());
        }
    }

    @Test
    void aServiceInTheServiceFileGivesHostPortDatabaseAndUser() throws Exception {
        try (TestPostgres.Database database = TestPostgres.newDatabase(); PostgresLogin login = new PostgresLogin(database, "secret")) {
            String[] hostPort = server().split(":");
            Path pgpass = pgpass(dir, "*:*:" + database.name() + ":" + login.role() + ":secret");
            String service = "[clinic]\nhost=" + hostPort[0] + "\nport=" + hostPort[1] + "\ndbname=" + database.name()
                    + "\nuser=" + login.role() + "\n";
            Path serviceFile = Files.writeString(dir.resolve("services.conf"), "[other]\nhost=nowhere\n\n" + service);
            Path sysconf = Files.createDirectories(dir.resolve("etc"));
            Files.writeString(sysconf.resolve("pg_service.conf"), service);

            for (Map<String, String> env : List.of(
                    Map.of("PGSERVICEFILE", serviceFile.toString(), "PGPASSFILE", pgpass.toString()),
                    Map.of("PGSYSCONFDIR", sysconf.toString(), "PGPASSFILE", pgpass.toString(), "PGSERVICE", "clinic"))) {
                String value = env.containsKey("PGSERVICE") ? "postgresql://" : "postgresql://?service=clinic";
                DataLocation location = location(value, env);
                assertThat(location.server().url()).isEqualTo("jdbc:postgresql://?service=clinic");
                try (HikariDataSource pool = PostgresConnection.open(location)) {
                    assertThat(currentUser(pool)).as("through %s", env).isEqualTo(login.role());
                }
            }
        }
    }

    @Test
    void aServerThatIsNotListeningIsOneLineNamingHostPortAndDatabase() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        DataLocation location = location("postgresql://alex@127.0.0.1:" + port + "/clinic", Map.of());

        assertThatThrownBy(() -> PostgresConnection.open(location)).isInstanceOf(DatabaseRefusedException.class)
                .hasMessageStartingWith("Cannot reach the PostgreSQL server at postgresql://127.0.0.1:" + port + "/clinic")
                .hasMessageContaining("is it running").hasMessageNotContaining("\n")
                .satisfies(e -> assertThat(((DatabaseRefusedException) e).status()).isEqualTo(5));
    }

    @Test
    void aDatabaseAtThisVersionsSchemaIsRecognisedFromItsPostgresHistory() throws Exception {
        try (TestPostgres.Database database = TestPostgres.newDatabase()) {
            PostgresAddress server = address(database);
            history(database, SchemaMigration.POSTGRESQL_VERSIONS);
            // No Flyway: it would find the history does not match the migrations it has.
            SchemaMigration.bringUpToDate(server, dataSource(database));
        }
        try (TestPostgres.Database database = TestPostgres.newDatabase()) {
            PostgresAddress server = address(database);
            history(database, SchemaMigration.VERSIONS);
            assertThatThrownBy(() -> SchemaMigration.bringUpToDate(server, dataSource(database)))
                    .as("SQLite's history is not PostgreSQL's").isInstanceOf(RuntimeException.class);
        }
    }

    private static PGSimpleDataSource dataSource(TestPostgres.Database database) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(database.url());
        return source;
    }

    private static void history(TestPostgres.Database database, List<String> versions) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version varchar(50),"
                    + " description varchar(200), type varchar(20), script varchar(1000), checksum int,"
                    + " installed_by varchar(100), installed_on timestamp DEFAULT now(), execution_time int,"
                    + " success boolean)");
            for (int i = 0; i < versions.size(); i++) {
                statement.execute("INSERT INTO flyway_schema_history VALUES (" + (i + 1) + ", '" + versions.get(i)
                        + "', 'x', 'SQL', 'V" + versions.get(i) + "__x.sql', 1, 'test', now(), 1, true)");
            }
        }
    }

    private static PostgresAddress address(TestPostgres.Database database) {
        return new PostgresAddress(database.url(), List.of(server()), database.name(), "soapstone_test", null,
                Path.of("/nonexistent/.pgpass"), null);
    }

    /** {@code host:port} of the test server. */
    static String server() {
        return TestPostgres.adminUrl().replaceFirst("^jdbc:postgresql://([^/?]+).*$", "$1");
    }

    private DataLocation location(String value, Map<String, String> variables) {
        Map<String, String> env = new HashMap<>(variables);
        env.put("SOAPSTONE_DB", value);
        env.put("XDG_DATA_HOME", dir.resolve("data").toString());
        env.put("USER", "nobody");
        return DataLocation.resolve(env, "Linux", dir.resolve("home").toString());
    }

    static Path pgpass(Path dir, String line) throws Exception {
        Path file = Files.writeString(dir.resolve("pgpass-" + UUID.randomUUID()), line + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static String currentUser(HikariDataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_user")) {
            row.next();
            return row.getString(1);
        }
    }
}
