package app.soapstone.storage;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.HashMap;
import java.util.Map;

/**
 * Resolves the database location before anything else starts, so that the log file and the
 * shell history can live beside the database. The property {@code soapstone.db} (used by tests)
 * wins over the environment.
 */
public class StorageEnvironment implements EnvironmentPostProcessor {

    static final String DB_PROPERTY = "soapstone.db";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, String> variables = new HashMap<>(System.getenv());
        String configured = environment.getProperty(DB_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            variables.put(DataLocation.DATABASE_VARIABLE, configured);
        }
        DataLocation location = DataLocation.resolve(variables, System.getProperty("os.name", ""),
                System.getProperty("user.home", ""));
        Map<String, Object> properties = new HashMap<>();
        properties.put(DB_PROPERTY, location.database().toString());
        // No log file here (LogFile opens it once the database is accepted) and nothing created:
        // a database that is refused must find nothing new beside it.
        properties.put("spring.shell.history.name", location.historyFile().toString());
        environment.getPropertySources().addFirst(new MapPropertySource("soapstoneStorage", properties));
    }
}
