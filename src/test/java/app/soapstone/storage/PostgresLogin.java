package app.soapstone.storage;

import app.soapstone.support.TestPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A login role with a password on the test server, owning a test database. Close it before the
 * database (try-with-resources does, declared after it): it drops the database, then the role.
 */
final class PostgresLogin implements AutoCloseable {

    private final String role = "soapstone_login_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final String adminUrl;
    private final String database;

    PostgresLogin(TestPostgres.Database database, String password) throws SQLException {
        adminUrl = database.adminUrl();
        this.database = database.name();
        try (Connection connection = DriverManager.getConnection(adminUrl);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
            statement.execute("ALTER DATABASE " + database.name() + " OWNER TO " + role);
        }
    }

    String role() {
        return role;
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = DriverManager.getConnection(adminUrl);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("DROP ROLE IF EXISTS " + role);
        }
    }
}
