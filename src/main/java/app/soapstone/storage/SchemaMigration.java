package app.soapstone.storage;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings the database to this version's schema before anything else uses it, and refuses files
 * that are damaged, belong to another program or were written by a newer Soapstone - leaving them
 * untouched.
 *
 * <p>A database already at this version's schema is recognised from its migration history alone,
 * so most starts never build Flyway (which scans the classpath and reads every migration, a
 * large part of a one-shot command's start-up). Anything else - a new file, an older schema, a
 * failed or unknown migration - goes through Flyway, which validates and migrates as before.
 */
public final class SchemaMigration {

    /**
     * The versions of the migrations in {@code db/migration/sqlite}, oldest first. A test checks
     * this against the migrations Flyway finds, so a new migration cannot be forgotten here.
     */
    static final List<String> VERSIONS = List.of("001", "002", "003", "004", "005", "006", "007", "008", "009", "010",
            "011", "012", "013", "014", "015", "016", "017", "018", "019", "020", "021", "022", "023", "024", "025", "026",
            "027");

    /**
     * The versions of the migrations in {@code db/migration/postgresql}: PostgreSQL came at
     * version 18, so its history starts with one migration that makes the whole schema of that
     * version; each later version has a migration per database.
     */
    static final List<String> POSTGRESQL_VERSIONS = List.of("018", "019", "020", "021", "022", "023", "024", "025",
            "026", "027");

    private SchemaMigration() {
    }

    /** The versions a database of {@code vendor} holds in its history when it has this version's schema. */
    static List<String> versions(Vendor vendor) {
        return vendor == Vendor.SQLITE ? VERSIONS : POSTGRESQL_VERSIONS;
    }

    /** Flyway for the database behind {@code dataSource}, with the migrations written for its vendor. */
    public static Flyway flyway(DataSource dataSource, Vendor vendor) {
        return Flyway.configure().dataSource(dataSource).locations(vendor.migrations()).validateOnMigrate(true).load();
    }

    /** Migrates the SQLite database behind {@code dataSource}, or refuses it. */
    static void bringUpToDate(Path database, DataSource dataSource) {
        // Not through the pool: it would retry a file SQLite cannot open until its timeout (30 s).
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(DatabaseConfiguration.BUSY_TIMEOUT_MILLIS);
        SQLiteDataSource file = new SQLiteDataSource(config);
        file.setUrl("jdbc:sqlite:" + database);
        // Not DriverManager either: it loads every JDBC driver on the class path, PostgreSQL's too.
        try (Connection connection = file.getConnection()) {
            if (appliedVersions(connection, Vendor.SQLITE).equals(VERSIONS)) {
                useWriteAheadLog(connection);
                return;
            }
        } catch (SQLException e) {
            throw unreadable(database, e);
        }
        migrate(database, dataSource);
    }

    /**
     * The versions in the migration history, in the order applied, if every migration there
     * succeeded; otherwise (no history, a failed migration) an empty list.
     */
    static List<String> appliedVersions(Connection connection, Vendor vendor) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet history = statement.executeQuery(vendor == Vendor.SQLITE
                    ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'flyway_schema_history'"
                    // Where Flyway puts it: the first schema of the search path.
                    : "SELECT count(*) FROM information_schema.tables"
                            + " WHERE table_schema = current_schema() AND table_name = 'flyway_schema_history'")) {
                if (!history.next() || history.getInt(1) == 0) {
                    return versions;
                }
            }
            try (ResultSet rows = statement.executeQuery(
                    "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
                while (rows.next()) {
                    if (!rows.getBoolean(2)) {
                        return List.of();
                    }
                    versions.add(rows.getString(1));
                }
            }
        }
        return versions;
    }

    /**
     * Migrates the PostgreSQL database behind {@code dataSource}, or refuses it: as on SQLite, a
     * database at this version's schema is recognised from its history without building Flyway.
     */
    static void bringUpToDate(PostgresAddress server, DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (appliedVersions(connection, Vendor.POSTGRESQL).equals(POSTGRESQL_VERSIONS)) {
                return;
            }
        } catch (SQLException e) {
            throw PostgresFailures.refused(server, e);
        }
        Flyway flyway = flyway(dataSource, Vendor.POSTGRESQL);
        MigrationInfo[] applied = refuseNewer(flyway, server.toString());
        if (applied.length == 0 && hasPostgresTables(server, dataSource)) {
            throw new DatabaseRefusedException("The database " + server + " holds tables of another program, not"
                    + " Soapstone's. It was left untouched; point " + DataLocation.DATABASE_VARIABLE
                    + " at an empty database.");
        }
        flyway.migrate();
    }

    /** The migrations applied to the database, unless one of them is newer than this version knows. */
    private static MigrationInfo[] refuseNewer(Flyway flyway, String database) {
        MigrationInfo[] applied = flyway.info().applied();
        for (MigrationInfo migration : applied) {
            if (isFuture(migration)) {
                MigrationInfo newest = applied[applied.length - 1];
                throw new DatabaseRefusedException("The database " + database
                        + " was written by a newer version of Soapstone (schema version " + newest.getVersion()
                        + "; this version knows up to " + latestKnown(flyway) + ")."
                        + " It was left untouched. Update Soapstone to open it.");
            }
        }
        return applied;
    }

    private static void migrate(Path database, DataSource dataSource) {
        Flyway flyway = flyway(dataSource, Vendor.SQLITE);
        MigrationInfo[] applied = refuseNewer(flyway, database.toString());
        if (applied.length == 0 && hasTables(database, dataSource)) {
            throw new DatabaseRefusedException("The database " + database
                    + " is a SQLite database from another program, not a Soapstone database. It was left untouched.");
        }
        try (Connection connection = dataSource.getConnection()) {
            useWriteAheadLog(connection);
        } catch (SQLException e) {
            throw unusable(database, "Cannot prepare the database", e);
        }
        // Connections opened before the switch still report the old mode: replace them.
        if (dataSource instanceof HikariDataSource pool && pool.getHikariPoolMXBean() != null) {
            pool.getHikariPoolMXBean().softEvictConnections();
        }
        try {
            flyway.migrate();
        } catch (RuntimeException e) {
            RuntimeException disk = DiskFailures.ofDatabase(e, database);
            throw disk != null ? disk : e;
        }
    }

    /**
     * WAL lets a second shell read while the first writes. The mode is stored in the file: it is
     * set once, after the checks, because setting it rewrites the header of a file we might refuse.
     */
    private static void useWriteAheadLog(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
            if (mode.next() && "wal".equalsIgnoreCase(mode.getString(1))) {
                return;
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode = WAL");
        }
    }

    /**
     * A file that starts like a SQLite database but whose contents are garbage (a damaged disk, a
     * half-copied file) is refused with a clear message before Flyway reads it.
     */
    private static RuntimeException unreadable(Path database, SQLException e) {
        int primary = e.getErrorCode() & 0xff;
        if (primary == SQLiteErrorCode.SQLITE_NOTADB.code || primary == SQLiteErrorCode.SQLITE_CORRUPT.code) {
            return new DatabaseRefusedException("The database " + database + " is damaged: it starts"
                    + " like a SQLite database, but SQLite cannot read it. It was left untouched; point "
                    + DataLocation.DATABASE_VARIABLE + " at another file (a copy of a backup, say).", e);
        }
        return unusable(database, "Cannot read the database", e);
    }

    /** A read-only file or a full disk in words a user can act on; anything else as SQLite put it. */
    private static RuntimeException unusable(Path database, String what, SQLException e) {
        RuntimeException disk = DiskFailures.ofDatabase(e, database);
        return disk != null ? disk : new DatabaseRefusedException(what + ": " + e.getMessage(), e);
    }

    private static String latestKnown(Flyway flyway) {
        String latest = "none";
        for (MigrationInfo migration : flyway.info().all()) {
            if (!isFuture(migration) && migration.getVersion() != null) {
                latest = migration.getVersion().toString();
            }
        }
        return latest;
    }

    private static boolean isFuture(MigrationInfo migration) {
        return migration.getState() == MigrationState.FUTURE_SUCCESS || migration.getState() == MigrationState.FUTURE_FAILED;
    }

    private static boolean hasPostgresTables(PostgresAddress server, DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet tables = statement.executeQuery("SELECT count(*) FROM information_schema.tables"
                     + " WHERE table_schema = current_schema() AND table_name <> 'flyway_schema_history'")) {
            return tables.next() && tables.getInt(1) > 0;
        } catch (SQLException e) {
            throw PostgresFailures.refused(server, e);
        }
    }

    private static boolean hasTables(Path database, DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet tables = statement.executeQuery(
                     "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
            return tables.next() && tables.getInt(1) > 0;
        } catch (SQLException e) {
            throw unusable(database, "Cannot read the database", e);
        }
    }
}
