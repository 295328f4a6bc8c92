package app.soapstone.storage;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.HashMap;
import java.util.Map;

/**
 * Resolves the database location before anything else starts, so that the log file and the
 * shell history can live beside the database. The properties {@code soapstone.db} and
 * {@code soapstone.home} (used by tests) win over the environment.
 */
public class StorageEnvironment implements EnvironmentPostProcessor {

    static final String DB_PROPERTY = "soapstone.db";
    /** The user's home folder ({@code $HOME} when set); tests set it to a folder of their own. */
    public static final String HOME_PROPERTY = "soapstone.home";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, String> variables = new HashMap<>(System.getenv());
        String configured = environment.getProperty(DB_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            variables.put(DataLocation.DATABASE_VARIABLE, configured);
        }
        String os = System.getProperty("os.name", "");
        String userHome = System.getProperty("user.home", "");
        DataLocation location = DataLocation.resolve(variables, os, userHome);
        Map<String, Object> properties = new HashMap<>();
        properties.put(DB_PROPERTY, location.database().toString());
        // The home that ~ in a path option means: the one the data folder is found under.
        if (!environment.containsProperty(HOME_PROPERTY)) {
            properties.put(HOME_PROPERTY, DataLocation.home(System.getenv(), os, userHome));
        }
        // No log file here (LogFile opens it once the database is accepted) and nothing created:
        // a database that is refused must find nothing new beside it.
        properties.put("spring.shell.history.name", location.historyFile().toString());
        environment.getPropertySources().addFirst(new MapPropertySource("soapstoneStorage", properties));
    }
}
