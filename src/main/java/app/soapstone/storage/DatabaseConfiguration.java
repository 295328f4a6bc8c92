package app.soapstone.storage;

import app.soapstone.validation.InvalidInputException;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.relational.RelationalManagedTypes;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The database - a SQLite file, or a PostgreSQL database ({@link PostgresConnection}) - with its
 * connection settings, handed out only once it has this version's schema.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /** Long enough that a second shell waits for a first one's write instead of failing. */
    static final int BUSY_TIMEOUT_MILLIS = 10_000;

    @Bean
    DataLocation dataLocation(@Value("${" + StorageEnvironment.INVALID_PROPERTY + ":}") String invalid,
                              @Value("${" + StorageEnvironment.DB_PROPERTY + ":}") String database,
                              @Value("${" + StorageEnvironment.FOLDER_PROPERTY + ":}") String folder,
                              @Value("${" + StorageEnvironment.PASSWORD_FILE_PROPERTY + ":}") String passwordFile,
                              @Value("${" + StorageEnvironment.SERVICE_FILE_PROPERTY + ":}") String serviceFile,
                              @Value("${" + StorageEnvironment.HOME_PROPERTY + ":}") String home) {
        if (!invalid.isEmpty()) {
            throw new InvalidInputException(invalid);
        }
        if (!PostgresAddress.isPostgres(database)) {
            return new DataLocation(Path.of(database));
        }
        // The URL StorageEnvironment completed from the environment: only the files are passed on.
        Map<String, String> files = new HashMap<>();
        files.put("PGPASSFILE", passwordFile);
        files.put("PGSERVICEFILE", serviceFile);
        return new DataLocation(Path.of(folder), null, PostgresAddress.parse(database, files, home));
    }

    /**
     * Made at start-up although other beans are made on first use: a database that must be
     * refused is refused before anything runs, in the shell and in one-shot mode alike.
     */
    @Bean(destroyMethod = "close")
    @Lazy(false)
    DataSource dataSource(DataLocation location) {
        if (location.onPostgres()) {
            HikariDataSource pool = PostgresConnection.open(location);
            LogFile.open(location.logFile());
            PartFiles.noteIn(location);
            return pool;
        }
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
        try {
            SchemaMigration.bringUpToDate(location.database(), pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        // Accepted: only now does anything appear beside the database.
        LogFile.open(location.logFile());
        PartFiles.noteIn(location);
        return pool;
    }

    /** SQLITE_BUSY or SQLITE_LOCKED, with or without an extended result code. */
    static boolean isBusy(SQLException e) {
        int primary = e.getErrorCode() & 0xff;
        return e instanceof SQLiteException && (primary == SQLiteErrorCode.SQLITE_BUSY.code
                || primary == SQLiteErrorCode.SQLITE_LOCKED.code);
    }

    /**
     * Spring Data marks its repositories "not lazy", so the line in application.properties that
     * makes beans lazy passes them over, and every start would set up the mapping of every entity.
     */
    @Bean
    static BeanFactoryPostProcessor lazyRepositories() {
        return beans -> {
            for (String name : beans.getBeanNamesForType(RepositoryFactoryBeanSupport.class, true, false)) {
                beans.getBeanDefinition(name.startsWith("&") ? name.substring(1) : name).setLazyInit(true);
            }
            // Likewise, Spring Data works out the mapping of every entity when it starts; left
            // empty, it maps each the first time it is used (a list of clients maps only clients).
            // (Not while the build prepares the bean definitions: it cannot write this down.)
            if (!Boolean.getBoolean("spring.aot.processing") && beans.containsBeanDefinition(MANAGED_TYPES)
                    && beans.getBeanDefinition(MANAGED_TYPES) instanceof RootBeanDefinition managedTypes) {
                managedTypes.setInstanceSupplier(RelationalManagedTypes::empty);
            }
        };
    }

    /** Spring Boot's bean with the entity classes for Spring Data JDBC. */
    static final String MANAGED_TYPES = "jdbcManagedTypes";

    /**
     * Replaces the one Spring Boot would make: on SQLite see {@link SqliteTransactionManager}, on
     * PostgreSQL {@link PostgresTransactionManager}.
     */
    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource, DataLocation location) {
        return location.onPostgres() ? new PostgresTransactionManager(dataSource) : new SqliteTransactionManager(dataSource);
    }

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    /** For the commands that read the migration history ({@code db check}, {@code restore}). */
    @Bean
    Flyway flyway(DataSource dataSource, DataLocation location) {
        return SchemaMigration.flyway(dataSource, location.vendor());
    }
}
