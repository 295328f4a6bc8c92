package app.soapstone.storage;

import app.soapstone.validation.InvalidInputException;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The other end of a {@code db copy}: a database named as {@code SOAPSTONE_DB} names one (a SQLite
 * file, or a PostgreSQL address in any of its forms), found as Soapstone would find it with that
 * setting - so its anchors and key are where {@code records verify} run against it will look -
 * and opened on one connection of its own, beside the database Soapstone runs on.
 */
public final class OtherDatabase implements AutoCloseable {

    private final DataLocation location;
    private final Connection connection;

    private OtherDatabase(DataLocation location, Connection connection) {
        this.location = location;
        this.connection = connection;
    }

    /**
     * Where {@code value} is, read with the {@code environment} Soapstone runs in (its libpq
     * variables, HOME, XDG_DATA_HOME); {@code folder}, when not blank, is the folder for the log,
     * anchors and key of a PostgreSQL database instead of its own under the data folder (as
     * {@code soapstone.folder} is for the database Soapstone runs on: tests).
     */
    public static DataLocation locate(String option, String value, Map<String, String> environment, String folder) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.forField(option, "give a SQLite file or a postgresql:// address");
        }
        Map<String, String> variables = new HashMap<>(environment);
        variables.put(DataLocation.DATABASE_VARIABLE, value.strip());
        DataLocation location;
        try {
            location = DataLocation.resolve(variables, System.getProperty("os.name", ""),
                    System.getProperty("user.home", ""));
        } catch (InvalidInputException e) {
            throw InvalidInputException.forField(option, e.getMessage().replace(DataLocation.DATABASE_VARIABLE,
                    "the address"));
        }
        if (location.onPostgres() && folder != null && !folder.isBlank()) {
            return new DataLocation(Path.of(folder), null, location.server());
        }
        return location;
    }

    /**
     * The database to copy from, as it is: a SQLite file is opened read-only, and neither is
     * migrated. The caller checks its schema version ({@link #upToDate}).
     */
    public static OtherDatabase source(String option, DataLocation location) {
        if (!location.onPostgres() && !Files.isRegularFile(location.database())) {
            throw InvalidInputException.forField(option, location.database() + " does not exist");
        }
        return new OtherDatabase(location, connect(option, location, true));
    }

    /**
     * The database to copy into, made (a new SQLite file) and brought to this version's schema as
     * Soapstone brings the database it runs on - refused if it belongs to another program or a
     * newer Soapstone.
     */
    public static OtherDatabase target(String option, DataLocation location) {
        try {
            migrate(location);
        } catch (DatabaseRefusedException e) {
            throw InvalidInputException.forField(option, e.getMessage().replace(DataLocation.DATABASE_VARIABLE,
                    "--" + option));
        }
        return new OtherDatabase(location, connect(option, location, false));
    }

    private static void migrate(DataLocation location) {
        if (location.onPostgres()) {
            PGSimpleDataSource postgres = postgres(location.server());
            withFilesOf(location.server(), () -> SchemaMigration.bringUpToDate(location.server(), postgres));
        } else {
            DatabaseFile.prepare(location.database());
            SQLiteDataSource file = sqlite(location.database(), false);
            SchemaMigration.bringUpToDate(location.database(), file);
        }
    }

    public DataLocation location() {
        return location;
    }

    /** The connection, in auto-commit mode; the caller runs its own transaction on it. */
    public Connection connection() {
        return connection;
    }

    /** Whether the database has exactly this version's schema (every migration this Soapstone has, no other). */
    public boolean upToDate() throws SQLException {
        return SchemaMigration.appliedVersions(connection, location.vendor())
                .equals(SchemaMigration.versions(location.vendor()));
    }

    /** The newest schema version in its migration history, or null when it has none (or a failed migration). */
    public String schemaVersion() throws SQLException {
        List<String> applied = SchemaMigration.appliedVersions(connection, location.vendor());
        return applied.isEmpty() ? null : applied.getLast();
    }

    /** The schema version this Soapstone brings its databases to. */
    public String expectedVersion() {
        return SchemaMigration.versions(location.vendor()).getLast();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing after the work is done or rolled back: nothing is lost.
        }
    }

    private static Connection connect(String option, DataLocation location, boolean readOnly) {
        try {
            if (location.onPostgres()) {
                PGSimpleDataSource postgres = postgres(location.server());
                Connection[] opened = new Connection[1];
                SQLException[] failed = new SQLException[1];
                withFilesOf(location.server(), () -> {
                    try {
                        opened[0] = postgres.getConnection();
                    } catch (SQLException e) {
                        failed[0] = e;
                    }
                });
                if (failed[0] != null) {
                    throw failed[0];
                }
                return opened[0];
            }
            return sqlite(location.database(), readOnly).getConnection();
        } catch (SQLException e) {
            if (location.onPostgres()) {
                throw InvalidInputException.forField(option, PostgresFailures.refused(location.server(), e).getMessage());
            }
            throw InvalidInputException.forField(option, "cannot open " + location.database() + " (" + e.getMessage() + ")");
        }
    }

    private static PGSimpleDataSource postgres(PostgresAddress server) {
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(server.url());
        return postgres;
    }

    private static SQLiteDataSource sqlite(Path database, boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(DatabaseConfiguration.BUSY_TIMEOUT_MILLIS);
        config.setReadOnly(readOnly);
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl("jdbc:sqlite:" + database);
        return sqlite;
    }

    /**
     * Runs {@code work} with the driver reading this server's password and service files, then puts
     * back the files of the database Soapstone runs on: the driver reads them from system
     * properties at every new connection, its pool's too.
     */
    private static void withFilesOf(PostgresAddress server, Runnable work) {
        String passwordFile = System.getProperty(PostgresConnection.PASSWORD_FILE_PROPERTY);
        String serviceFile = System.getProperty(PostgresConnection.SERVICE_FILE_PROPERTY);
        PostgresConnection.useFilesOf(server);
        try {
            work.run();
        } finally {
            restore(PostgresConnection.PASSWORD_FILE_PROPERTY, passwordFile);
            restore(PostgresConnection.SERVICE_FILE_PROPERTY, serviceFile);
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
