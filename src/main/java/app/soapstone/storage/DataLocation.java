package app.soapstone.storage;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Soapstone keeps its database: {@code SOAPSTONE_DB} if set, otherwise the platform's
 * application-data folder ({@code $XDG_DATA_HOME/soapstone} or {@code ~/.local/share/soapstone}
 * on Linux, {@code ~/Library/Application Support/Soapstone} on macOS, {@code %APPDATA%\Soapstone}
 * on Windows). On Linux and macOS {@code ~} is {@code $HOME} when it is set, as the shell means it.
 *
 * <p>{@code SOAPSTONE_DB} may instead name a PostgreSQL database ({@link PostgresAddress}); then
 * {@code database} is null, and what sits beside a SQLite file (the log, the history, the anchors,
 * the note of part files being written) lives in a folder of that database's own under the data
 * folder: {@code servers/<host>-<port>-<database>/}.
 */
public record DataLocation(Path directory, Path database, PostgresAddress server) {

    public static final String DATABASE_VARIABLE = "SOAPSTONE_DB";
    static final String FILE_NAME = "soapstone.db";
    /** The folder under the data folder that holds a folder per PostgreSQL database. */
    static final String SERVERS_FOLDER = "servers";

    /** A SQLite database file; its folder holds its log and history. */
    public DataLocation(Path database) {
        this(database.toAbsolutePath().getParent(), database, null);
    }

    /** Whether the records are in PostgreSQL rather than in a SQLite file. */
    public boolean onPostgres() {
        return server != null;
    }

    /** The database's vendor, which picks its migrations and its connection settings. */
    public Vendor vendor() {
        return onPostgres() ? Vendor.POSTGRESQL : Vendor.SQLITE;
    }

    /** Where the records are, for messages: the file, or the server and database. */
    public String describe() {
        return onPostgres() ? server.toString() : database.toString();
    }

    public Path logFile() {
        return directory().resolve("soapstone.log");
    }

    public Path historyFile() {
        return directory().resolve("history");
    }

    /** Where the part files being written are noted, so that a later start can delete a killed one's. */
    public Path writingFolder() {
        return directory().resolve("writing");
    }

    /** The append-only file of record seal anchors: named after the database, beside it. */
    public Path anchorFile() {
        String name = onPostgres() ? FILE_NAME : database.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return directory().resolve((dot > 0 ? name.substring(0, dot) : name) + ".anchors");
    }

    /** The clinic's key for the record seal, once made ({@code records key --create}). */
    public Path keyFile() {
        return directory().resolve("soapstone.key");
    }

    /**
     * Where the database is for this environment, OS and home; {@code userHome} is Java's
     * {@code user.home}, used when {@code HOME} is not set (see {@link #home}).
     */
    public static DataLocation resolve(Map<String, String> env, String osName, String userHome) {
        userHome = home(env, osName, userHome);
        String override = env.get(DATABASE_VARIABLE);
        if (override != null && PostgresAddress.isPostgres(override)) {
            PostgresAddress server = PostgresAddress.parse(override, env, userHome);
            return new DataLocation(defaultDirectory(env, osName, userHome).resolve(SERVERS_FOLDER)
                    .resolve(server.folderName()), null, server);
        }
        if (override != null && !override.isBlank()) {
            return new DataLocation(Path.of(expandHome(override.strip(), userHome)).toAbsolutePath().normalize());
        }
        return new DataLocation(defaultDirectory(env, osName, userHome).resolve(FILE_NAME));
    }

    /**
     * The user's home folder: {@code $HOME} when it is set to an absolute path, else
     * {@code userHome}. Java's {@code user.home} comes from the password file, so without this a
     * therapist who sets HOME (sudo -E, a second account, a test) would find their records elsewhere.
     * Windows programs use the profile folder Java reports, whatever Git Bash or Cygwin set HOME to.
     */
    public static String home(Map<String, String> env, String osName, String userHome) {
        String home = env.get("HOME");
        if (osName.toLowerCase(Locale.ROOT).startsWith("windows") || home == null || home.isBlank()
                || !Path.of(home).isAbsolute()) {
            return userHome;
        }
        return home;
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

    /** {@code path} with a leading {@code ~} or {@code ~/} read as {@code userHome}, as a POSIX shell reads it. */
    public static String expandHome(String path, String userHome) {
        return path.equals("~") || path.startsWith("~/") ? userHome + path.substring(1) : path;
    }
}
