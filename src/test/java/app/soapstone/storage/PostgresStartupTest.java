package app.soapstone.storage;

import app.soapstone.SoapstoneApplication;
import app.soapstone.shell.Failure;
import app.soapstone.shell.StartupFailure;
import app.soapstone.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.jdbc.core.dialect.JdbcDialect;
import org.springframework.data.jdbc.core.dialect.JdbcPostgresDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.FileSystemUtils;

import javax.sql.DataSource;
import java.nio.file.Path;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Starting Soapstone on a PostgreSQL address: with the password from the password file it runs
 * with PostgreSQL's settings; one it cannot use is one line on stderr with the right exit status.
 */
class PostgresStartupTest {

    @Test
    void aServerThatIsDownStopsTheStartWithOneLineNamingIt() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String address = "postgresql://alex@127.0.0.1:" + port + "/clinic";

        String message = startFailure(address, Failure.DATABASE);

        assertThat(message).startsWith("Error: Cannot reach the PostgreSQL server at postgresql://127.0.0.1:" + port
                + "/clinic: is it running").contains("SOAPSTONE_DB");
    }

    @Test
    void aPasswordInTheAddressStopsTheStartAndIsNotRepeated() {
        String message = startFailure("postgresql://alex:hunter2@db.example.org/clinic", Failure.USAGE);

        assertThat(message).startsWith("Error: SOAPSTONE_DB holds a password").contains("~/.pgpass")
                .doesNotContain("hunter2");
    }

    @Test
    void onAServerItRunsWithThePasswordFileAndPostgresSettings(@TempDir Path dir) throws Exception {
        try (TestPostgres.Database database = TestPostgres.newDatabase();
             PostgresLogin login = new PostgresLogin(database, "secret")) {
            Path pgpass = PostgresConnectionTest.pgpass(dir, "*:*:" + database.name() + ":" + login.role() + ":secret");
            String address = "postgresql://" + login.role() + "@" + PostgresConnectionTest.server() + "/" + database.name();
            Path folder = null;
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SoapstoneApplication.class)
                    .properties("spring.shell.interactive.enabled=false", "soapstone.db=" + address,
                            "soapstone.pgpassfile=" + pgpass).run()) {
                DataLocation location = app.getBean(DataLocation.class);
                folder = location.directory();
                assertThat(location.describe()).isEqualTo("postgresql://" + PostgresConnectionTest.server() + "/"
                        + database.name());
                assertThat(folder.getFileName().toString()).endsWith("-" + database.name());
                assertThat(location.logFile()).exists();
                assertThat(app.getBean(JdbcDialect.class)).isInstanceOf(JdbcPostgresDialect.class);
                // Spring's, taking the write lock first in each writing transaction.
                assertThat(app.getBean(PlatformTransactionManager.class).getClass()).isEqualTo(PostgresTransactionManager.class);
                assertThat(JdbcClient.create(app.getBean(DataSource.class)).sql("SELECT current_user")
                        .query(String.class).single()).isEqualTo(login.role());
            } finally {
                System.clearProperty(PostgresConnection.PASSWORD_FILE_PROPERTY);
                System.clearProperty(PostgresConnection.SERVICE_FILE_PROPERTY);
                if (folder != null) {
                    FileSystemUtils.deleteRecursively(folder);
                }
            }
        }
    }

    /** The one line that Soapstone prints when it cannot start on {@code address}. */
    private static String startFailure(String address, int status) {
        RuntimeException failure = null;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SoapstoneApplication.class)
                .properties("spring.shell.interactive.enabled=false", "soapstone.db=" + address).run()) {
            fail("started on " + address);
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            System.clearProperty(PostgresConnection.PASSWORD_FILE_PROPERTY);
            System.clearProperty(PostgresConnection.SERVICE_FILE_PROPERTY);
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(StartupFailure.report(failure, new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(status);
        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(message.lines().toList()).as(message).hasSize(1);
        return message;
    }
}
