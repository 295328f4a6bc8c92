package app.soapstone.storage;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;

/**
 * The connection pool for a PostgreSQL database, brought to this version's schema before it is
 * handed out. Only a PostgreSQL start loads this class, so a SQLite start never loads the driver.
 */
final class PostgresConnection {

    /** The driver's system properties for the files libpq would read (PGPASSFILE, PGSERVICEFILE). */
    static final String PASSWORD_FILE_PROPERTY = "org.postgresql.pgpassfile";
    static final String SERVICE_FILE_PROPERTY = "org.postgresql.pgservicefile";

    private PostgresConnection() {
    }

    /**
     * A small pool on {@code location}'s server; a server that is down or refuses the login is
     * reported in one line before anything runs.
     */
    static HikariDataSource open(DataLocation location) {
        PostgresAddress server = location.server();
        useFilesOf(server);
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(server.url());
        SchemaMigration.bringUpToDate(server, postgres);

        HikariDataSource pool = new HikariDataSource();
        pool.setDataSource(postgres);
        pool.setPoolName("soapstone");
        // One shell runs one command at a time; a few connections cover Flyway and a command's own.
        pool.setMaximumPoolSize(4);
        pool.setMinimumIdle(1);
        try {
            PrivateFiles.createFolder(location.directory());
        } catch (IOException e) {
            pool.close();
            throw new DatabaseRefusedException("Cannot create the folder " + location.directory() + " for the log and"
                    + " history of " + server + " (" + FileErrors.describe(e) + ").", e);
        }
        return pool;
    }

    /**
     * The driver reads the password and service files named by these system properties before it
     * looks at PGPASSFILE, PGSERVICEFILE and the home folder itself. Setting them from the
     * environment Soapstone was given (the process's own, or a test's) makes both follow the
     * same environment - and the same home as the rest of Soapstone, which the driver would take
     * from Java's {@code user.home} instead of {@code $HOME}. They are read at every connection,
     * so they stay set while the pool lives.
     */
    static void useFilesOf(PostgresAddress server) {
        System.setProperty(PASSWORD_FILE_PROPERTY, server.passwordFile().toString());
        if (server.serviceFile() != null) {
            System.setProperty(SERVICE_FILE_PROPERTY, server.serviceFile().toString());
        } else {
            System.clearProperty(SERVICE_FILE_PROPERTY);
        }
    }
}
