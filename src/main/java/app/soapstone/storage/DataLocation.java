package app.soapstone.storage;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Soapstone keeps its database: {@code SOAPSTONE_DB} if set, otherwise the platform's
 * application-data folder ({@code $XDG_DATA_HOME/soapstone} or {@code ~/.local/share/soapstone}
 * on Linux, {@code ~/Library/Application Support/Soapstone} on macOS, {@code %APPDATA%\Soapstone}
 * on Windows).
 */
public record DataLocation(Path database) {

    public static final String DATABASE_VARIABLE = "SOAPSTONE_DB";
    static final String FILE_NAME = "soapstone.db";

    /** The folder that holds the database, its log and history. */
    public Path directory() {
        return database.toAbsolutePath().getParent();
    }

    public Path logFile() {
        return directory().resolve("soapstone.log");
    }

    public Path historyFile() {
        return directory().resolve("history");
    }

    public static DataLocation resolve(Map<String, String> env, String osName, String userHome) {
        String override = env.get(DATABASE_VARIABLE);
        if (override != null && !override.isBlank()) {
            return new DataLocation(Path.of(expandHome(override.strip(), userHome)).toAbsolutePath().normalize());
        }
        return new DataLocation(defaultDirectory(env, osName, userHome).resolve(FILE_NAME));
    }

    private static Path defaultDirectory(Map<String, String> env, String osName, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData)
                    : Path.of(userHome, "AppData", "Roaming");
            return base.resolve("Soapstone");
        }
        if (os.startsWith("mac")) {
            return Path.of(userHome, "Library", "Application Support", "Soapstone");
        }
        String xdg = env.get("XDG_DATA_HOME");
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "soapstone");
        }
        return Path.of(userHome, ".local", "share", "soapstone");
    }

    private static String expandHome(String path, String userHome) {
        return path.equals("~") || path.startsWith("~/") ? userHome + path.substring(1) : path;
    }
}
