package app.soapstone.storage;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/**
 * Resolves the database location before anything else starts, so that the log file can live
 * beside the database. The property {@code soapstone.db} (used by tests) wins over the
 * environment.
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
        // The folder is made here, before logging starts, so it is created owner-only. If it cannot
        // be made, there is no log file, and opening the database reports the problem clearly.
        if (canUse(location)) {
            properties.put("logging.file.name", location.logFile().toString());
            properties.put("spring.shell.history.name", location.historyFile().toString());
        } else {
            properties.put("spring.shell.history.enabled", "false");
        }
        environment.getPropertySources().addFirst(new MapPropertySource("soapstoneStorage", properties));
    }

    private static boolean canUse(DataLocation location) {
        try {
            if (Files.isDirectory(location.database())) {
                return false;
            }
            DatabaseFile.createDirectory(location.directory());
            if (!Files.isWritable(location.directory())) {
                return false;
            }
            // The log and the shell history can hold what was typed, so they are owner-only too,
            // even when the database lives in a shared folder.
            createOwnerOnly(location.logFile());
            createOwnerOnly(location.historyFile());
            return true;
        } catch (DatabaseRefusedException e) {
            return false;
        }
    }

    private static void createOwnerOnly(java.nio.file.Path file) {
        try {
            if (!Files.exists(file)) {
                PrivateFiles.createNew(file);
            }
        } catch (java.io.IOException e) {
            // Logging or history will create it with default permissions; nothing else depends on it.
        }
    }
}
