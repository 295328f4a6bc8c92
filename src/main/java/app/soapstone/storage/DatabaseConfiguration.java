package app.soapstone.storage;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;

/** The SQLite database: connection settings and the guarded Flyway migration. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /** Long enough that a second shell waits for a first one's write instead of failing. */
    static final int BUSY_TIMEOUT_MILLIS = 10_000;

    @Bean
    DataLocation dataLocation(@Value("${soapstone.db}") Path database) {
        return new DataLocation(database);
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(DataLocation location) {
        DatabaseFile.prepare(location.database());
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        // No journal mode here: setting WAL rewrites the file header, and a database that is then
        // refused must be left untouched. WAL is switched on once, after the checks (it persists).
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        // FULL, not the NORMAL usually paired with WAL: these are legal health records, and NORMAL
        // can lose the last committed transactions on power loss. Writes are a few per minute, so
        // the extra fsync per commit costs nothing a therapist would notice.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        // Take the write lock when a transaction begins. A deferred transaction that reads and then
        // writes fails at once with SQLITE_BUSY when another shell wrote meanwhile, instead of waiting.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);

        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl("jdbc:sqlite:" + location.database());

        HikariDataSource pool = new HikariDataSource();
        pool.setDataSource(sqlite);
        pool.setPoolName("soapstone");
        pool.setMaximumPoolSize(4);
        pool.setMinimumIdle(1);
        // Fail at the first real use, where the error is reported clearly, not while the pool starts.
        pool.setInitializationFailTimeout(-1);
        // When BEGIN IMMEDIATE fails because another shell holds the write lock, sqlite-jdbc has
        // already switched the connection to manual commit although no transaction began. Back in
        // the pool, such a connection would run the next "transaction" statement by statement
        // (each committed on its own) and then fail to commit: so it is closed instead.
        pool.setExceptionOverride(new SQLExceptionOverride() {
            @java.lang.Override
            public SQLExceptionOverride.Override adjudicate(SQLException e) {
                return isBusy(e) ? SQLExceptionOverride.Override.MUST_EVICT : SQLExceptionOverride.Override.CONTINUE_EVICT;
            }
        });
        return pool;
    }

    /** SQLITE_BUSY or SQLITE_LOCKED, with or without an extended result code. */
    static boolean isBusy(SQLException e) {
        int primary = e.getErrorCode() & 0xff;
        return e instanceof SQLiteException && (primary == SQLiteErrorCode.SQLITE_BUSY.code
                || primary == SQLiteErrorCode.SQLITE_LOCKED.code);
    }

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    /** Refuses databases that are not Soapstone's or that a newer Soapstone wrote, before migrating. */
    @Bean
    FlywayMigrationStrategy guardedMigration(DataLocation location, DataSource dataSource) {
        return flyway -> {
            requireReadable(location);
            MigrationInfo[] applied = flyway.info().applied();
            for (MigrationInfo migration : applied) {
                if (isFuture(migration)) {
                    MigrationInfo newest = applied[applied.length - 1];
                    throw new DatabaseRefusedException("The database " + location.database()
                            + " was written by a newer version of Soapstone (schema version " + newest.getVersion()
                            + "; this version knows up to " + latestKnown(flyway) + ")."
                            + " It was left untouched. Update Soapstone to open it.");
                }
            }
            if (applied.length == 0 && hasTables(flyway.getConfiguration().getDataSource())) {
                throw new DatabaseRefusedException("The database " + location.database()
                        + " is a SQLite database from another program, not a Soapstone database. It was left untouched.");
            }
            useWriteAheadLog(dataSource);
            flyway.migrate();
        };
    }

    /**
     * A file that starts like a SQLite database but whose contents are garbage (a damaged disk, a
     * half-copied file) is refused with a clear message before Flyway reads it.
     */
    private static void requireReadable(DataLocation location) {
        // Not through the pool: it would retry a file SQLite cannot open until its timeout (30 s).
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + location.database(),
                config.toProperties());
             Statement statement = connection.createStatement();
             ResultSet tables = statement.executeQuery("SELECT count(*) FROM sqlite_master")) {
            tables.next();
        } catch (SQLException e) {
            int primary = e.getErrorCode() & 0xff;
            if (primary == SQLiteErrorCode.SQLITE_NOTADB.code || primary == SQLiteErrorCode.SQLITE_CORRUPT.code) {
                throw new DatabaseRefusedException("The database " + location.database() + " is damaged: it starts"
                        + " like a SQLite database, but SQLite cannot read it. It was left untouched; point "
                        + DataLocation.DATABASE_VARIABLE + " at another file (a copy of a backup, say).", e);
            }
            throw new DatabaseRefusedException("Cannot read the database: " + e.getMessage(), e);
        }
    }

    /** WAL lets a second shell read while the first writes; the mode is stored in the file, so once is enough. */
    private static void useWriteAheadLog(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode = WAL");
        } catch (SQLException e) {
            throw new DatabaseRefusedException("Cannot prepare the database: " + e.getMessage(), e);
        }
        // Connections opened before the switch still report the old mode: replace them.
        if (dataSource instanceof HikariDataSource pool && pool.getHikariPoolMXBean() != null) {
            pool.getHikariPoolMXBean().softEvictConnections();
        }
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

    private static boolean hasTables(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet tables = statement.executeQuery(
                     "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
            return tables.next() && tables.getInt(1) > 0;
        } catch (SQLException e) {
            throw new DatabaseRefusedException("Cannot read the database: " + e.getMessage(), e);
        }
    }
}
