package app.soapstone.storage;

import app.soapstone.validation.InvalidInputException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Resolves the database location before anything else starts, so that the log file and the
 * shell history can live beside the database. The properties {@code soapstone.db},
 * {@code soapstone.home}, {@code soapstone.pgpassfile} and {@code soapstone.pgservicefile} (used by
 * tests) win over the environment, and so does {@code soapstone.folder} for a PostgreSQL database
 * (a test's own folder for its log and anchors, instead of one under the user's data folder).
 */
public class StorageEnvironment implements EnvironmentPostProcessor {

    /** The SQLite file, or for PostgreSQL the driver's URL. */
    static final String DB_PROPERTY = "soapstone.db";
    /** The folder of the log, history and anchors: the SQLite file's, or a PostgreSQL database's own. */
    static final String FOLDER_PROPERTY = "soapstone.folder";
    /** For PostgreSQL: the password file and the service file the driver is to read (libpq's choice). */
    static final String PASSWORD_FILE_PROPERTY = "soapstone.pgpassfile";
    static final String SERVICE_FILE_PROPERTY = "soapstone.pgservicefile";
    /** Why SOAPSTONE_DB cannot be used (a password in it, say), when it cannot. */
    static final String INVALID_PROPERTY = "soapstone.db.invalid";
    /** The user's home folder ({@code $HOME} when set); tests set it to a folder of their own. */
    public static final String HOME_PROPERTY = "soapstone.home";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, String> variables = new HashMap<>(System.getenv());
        String configured = environment.getProperty(DB_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            variables.put(DataLocation.DATABASE_VARIABLE, configured);
        }
        // Likewise the password and service files, which the PostgreSQL driver would take from
        // PGPASSFILE and PGSERVICEFILE (tests cannot set variables of a running JVM).
        putConfigured(environment, PASSWORD_FILE_PROPERTY, "PGPASSFILE", variables);
        putConfigured(environment, SERVICE_FILE_PROPERTY, "PGSERVICEFILE", variables);
        String os = System.getProperty("os.name", "");
        String userHome = System.getProperty("user.home", "");
        Map<String, Object> properties = new HashMap<>();
        DataLocation location;
        try {
            location = DataLocation.resolve(variables, os, userHome);
        } catch (InvalidInputException e) {
            // Thrown from here it would reach the console with a stack trace, before LogFile holds
            // the log: the database bean reports it instead, as it reports a refused database.
            properties.put(INVALID_PROPERTY, e.getMessage());
            environment.getPropertySources().addFirst(new MapPropertySource("soapstoneStorage", properties));
            return;
        }
        String folder = environment.getProperty(FOLDER_PROPERTY);
        if (location.onPostgres() && folder != null && !folder.isBlank()) {
            location = new DataLocation(Path.of(folder), null, location.server());
        }
        properties.put(FOLDER_PROPERTY, location.directory().toString());
        if (location.onPostgres()) {
            PostgresAddress server = location.server();
            properties.put(DB_PROPERTY, server.url());
            properties.put(PASSWORD_FILE_PROPERTY, server.passwordFile().toString());
            properties.put(SERVICE_FILE_PROPERTY, server.serviceFile() == null ? "" : server.serviceFile().toString());
        } else {
            properties.put(DB_PROPERTY, location.database().toString());
        }
        // The home that ~ in a path option means: the one the data folder is found under.
        if (!environment.containsProperty(HOME_PROPERTY)) {
            properties.put(HOME_PROPERTY, DataLocation.home(System.getenv(), os, userHome));
        }
        // No log file here (LogFile opens it once the database is accepted) and nothing created:
        // a database that is refused must find nothing new beside it.
        properties.put("spring.shell.history.name", location.historyFile().toString());
        environment.getPropertySources().addFirst(new MapPropertySource("soapstoneStorage", properties));
    }

    private static void putConfigured(ConfigurableEnvironment environment, String property, String variable,
                                      Map<String, String> variables) {
        String configured = environment.getProperty(property);
        if (configured != null && !configured.isBlank()) {
            variables.put(variable, configured);
        }
    }
}
