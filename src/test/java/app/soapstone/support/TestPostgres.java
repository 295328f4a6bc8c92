package app.soapstone.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
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
    public static String withDatabase(String url, String name) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String parameters = query < 0 ? "" : url.substring(query);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        String server = slash < 0 ? base : base.substring(0, slash);
        return server + "/" + name + parameters;
    }

    /**
     * How the application is given a test database: the address without the password (Soapstone
     * refuses one there), and the password file that holds it instead, as a therapist's
     * {@code ~/.pgpass} does (null when the administrator URL has no password).
     */
    public record ApplicationAddress(String url, Path passwordFile) {
    }

    /** A test database: its name and JDBC URL (with the administrator's credentials). */
    public record Database(String adminUrl, String name, String url) implements AutoCloseable {

        /** This database's address for the application, its password written to {@code passwordFile}. */
        public ApplicationAddress forApplication(Path passwordFile) {
            Map<String, String> parameters = new LinkedHashMap<>();
            int query = url.indexOf('?');
            String base = query < 0 ? url : url.substring(0, query);
            if (query >= 0) {
                for (String pair : url.substring(query + 1).split("&")) {
                    int equals = pair.indexOf('=');
                    parameters.put(equals < 0 ? pair : pair.substring(0, equals),
                            equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
            String password = parameters.remove("password");
            StringJoiner address = new StringJoiner("&", base + (parameters.isEmpty() ? "" : "?"), "");
            parameters.forEach((key, value) -> address.add(key + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
            if (password == null) {
                return new ApplicationAddress(address.toString(), null);
            }
            try {
                Files.writeString(passwordFile, "*:*:" + name + ":" + pgpassField(parameters.getOrDefault("user", "*"))
                        + ":" + pgpassField(password) + "\n");
                Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new ApplicationAddress(address.toString(), passwordFile);
        }

        /** A field of a password file, where ':' and '\' are escaped with '\'. */
        private static String pgpassField(String value) {
            return value.replace("\\", "\\\\").replace(":", "\\:");
        }

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
