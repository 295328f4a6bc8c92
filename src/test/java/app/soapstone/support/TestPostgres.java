package app.soapstone.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A real PostgreSQL server for the tests that need one, reached through the administrator URL in
 * {@code SOAPSTONE_TEST_POSTGRES} (a {@code jdbc:postgresql:} URL with a role that may create
 * databases and roles; {@code .ci/run} starts the server and sets it). Each caller gets a database
 * of its own, dropped by {@link Database#close()}. Where the variable is missing the test is
 * skipped, except in CI, where it fails (see {@link Prerequisites}).
 */
public final class TestPostgres {

    /** The environment variable holding the administrator URL. */
    public static final String VARIABLE = "SOAPSTONE_TEST_POSTGRES";

    private TestPostgres() {
    }

    /** The administrator URL, or the test is skipped (failed in CI) when there is no server. */
    public static String adminUrl() {
        String url = System.getenv(VARIABLE);
        Prerequisites.require(url != null && !url.isBlank(), VARIABLE + " is not set: start PostgreSQL and set it to"
                + " an administrator's jdbc:postgresql: URL, as .ci/run does");
        return url;
    }

    /** A new, empty database on the test server. */
    public static Database newDatabase() {
        String admin = adminUrl();
        String name = "soapstone_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection connection = DriverManager.getConnection(admin);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new AssertionError("cannot create a test database through " + VARIABLE + ": " + e.getMessage(), e);
        }
        return new Database(admin, name, withDatabase(admin, name));
    }

    /** {@code url} (an administrator's) pointed at database {@code name}. */
    static String withDatabase(String url, String name) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String parameters = query < 0 ? "" : url.substring(query);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        String server = slash < 0 ? base : base.substring(0, slash);
        return server + "/" + name + parameters;
    }

    /** A test database: its name and JDBC URL (with the administrator's credentials). */
    public record Database(String adminUrl, String name, String url) implements AutoCloseable {

        @Override
        public void close() {
            try (Connection connection = DriverManager.getConnection(adminUrl);
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException e) {
                throw new AssertionError("cannot drop test database " + name + ": " + e.getMessage(), e);
            }
        }
    }
}
