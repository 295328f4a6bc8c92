package app.soapstone.storage;

import app.soapstone.validation.UnavailableException;
import app.soapstone.validation.VerificationFailedException;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's own client tools, {@code pg_dump} and {@code pg_restore}, found on the PATH and run
 * with the connection settings Soapstone uses: the same server, database, user and TLS settings,
 * and the same password and service files, passed through the environment (a password is never
 * on a command line, where other users of the machine could see it). A tool older than the server
 * cannot read its catalogue, so it is refused before it runs, with what to install.
 */
public final class PostgresTools {

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");
    /** libpq's names of the parameters the JDBC URL carries under the driver's names. */
    private static final Map<String, String> LIBPQ_NAMES = Map.of("ApplicationName", "application_name",
            "connectTimeout", "connect_timeout");

    private final PostgresAddress server;
    private final Path dump;
    private final Path restore;

    private PostgresTools(PostgresAddress server, Path dump, Path restore) {
        this.server = server;
        this.dump = dump;
        this.restore = restore;
    }

    /**
     * The tools for {@code server}, whose major version is {@code serverMajor}; refused when either
     * is missing from {@code path} (the PATH) or older than the server.
     */
    public static PostgresTools find(PostgresAddress server, int serverMajor, String path) {
        Path dump = onPath("pg_dump", path);
        Path restore = onPath("pg_restore", path);
        String install = "install PostgreSQL " + serverMajor + "'s client tools (Debian: apt-get install postgresql-client-"
                + serverMajor + "; elsewhere, the PostgreSQL " + serverMajor + " client package) and put them on the PATH";
        if (dump == null || restore == null) {
            throw new UnavailableException((dump == null ? "pg_dump" : "pg_restore") + " is not on the PATH: " + install
                    + ". Nothing was written.");
        }
        for (Path tool : List.of(dump, restore)) {
            int major = major(tool);
            if (major < serverMajor) {
                throw new UnavailableException(tool + " is PostgreSQL " + major + "'s, older than the server ("
                        + serverMajor + "), and cannot read its database: " + install + ". Nothing was written.");
            }
        }
        return new PostgresTools(server, dump, restore);
    }

    /** The major version of a PostgreSQL tool, from its {@code --version}; 0 when it does not say. */
    static int major(Path tool) {
        Run run = run(List.of(tool.toString(), "--version"), Map.of());
        Matcher version = VERSION.matcher(run.output());
        return run.status() == 0 && version.find() ? Integer.parseInt(version.group(1)) : 0;
    }

    /** Writes the whole database to {@code file} in pg_dump's custom format (-Fc), one consistent snapshot. */
    public void dump(Path file) {
        check("pg_dump", run(List.of(dump.toString(), "--format=custom", "--no-owner", "--no-privileges",
                "--file=" + file, "--dbname=" + libpqAddress()), environment()));
    }

    /**
     * The rows {@code table} holds in the archive {@code file}, as pg_restore writes them for COPY:
     * one line per row, columns separated by tabs. Reads the archive without touching the database.
     */
    public List<String> rows(Path file, String table) {
        Run run = run(List.of(restore.toString(), "--data-only", "--table=" + table, "--file=-", file.toString()), Map.of());
        check("pg_restore", run);
        List<String> rows = new ArrayList<>();
        boolean inCopy = false;
        for (String line : run.output().split("\n", -1)) {
            if (line.startsWith("COPY ")) {
                inCopy = true;
            } else if (line.equals("\\.")) {
                inCopy = false;
            } else if (inCopy) {
                rows.add(line);
            }
        }
        return rows;
    }

    /**
     * Restores the archive {@code file} into the database, in one transaction, replacing Soapstone's
     * (empty) tables with the archive's: their rows go in before their triggers are made, as pg_dump
     * orders an archive, so the guards are made over the records rather than refusing them.
     */
    public void restore(Path file) {
        check("pg_restore", run(List.of(restore.toString(), "--clean", "--if-exists", "--single-transaction",
                "--no-owner", "--no-privileges", "--exit-on-error", "--dbname=" + libpqAddress(), file.toString()),
                environment()));
    }

    /** Whether {@code file} starts as a pg_dump archive in the custom format does. */
    public static boolean isArchive(Path file) throws IOException {
        byte[] head = new byte[5];
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes(head, 0, 5) == 5 && new String(head, StandardCharsets.US_ASCII).equals("PGDMP");
        }
    }

    /**
     * The database as libpq takes it: the JDBC URL Soapstone connects with, in libpq's words. It
     * holds no password (PostgresAddress refuses one), so it may be on a command line.
     */
    String libpqAddress() {
        String url = server.url().substring("jdbc:".length());
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        List<String> parameters = new ArrayList<>();
        for (String pair : url.substring(query + 1).split("&")) {
            int equals = pair.indexOf('=');
            String name = pair.substring(0, equals);
            if (name.equals("targetServerType")) {
                // No libpq word for every driver value; the primary is where backups are read anyway.
                continue;
            }
            parameters.add(LIBPQ_NAMES.getOrDefault(name, name) + pair.substring(equals));
        }
        return url.substring(0, query) + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters));
    }

    /** The password and service files Soapstone's connection reads, for the tool to read too. */
    private Map<String, String> environment() {
        Map<String, String> variables = new java.util.HashMap<>();
        variables.put("PGPASSFILE", server.passwordFile().toString());
        if (server.serviceFile() != null) {
            variables.put("PGSERVICEFILE", server.serviceFile().toString());
        }
        return variables;
    }

    private static void check(String tool, Run run) {
        if (run.status() != 0) {
            String message = run.output().strip().lines().filter(line -> !line.isBlank())
                    .reduce((first, second) -> second).orElse("exit status " + run.status());
            throw new VerificationFailedException(tool + " failed (" + message.replaceFirst("^" + tool + ": ", "") + ")");
        }
    }

    private static Path onPath(String tool, String path) {
        if (path == null) {
            return null;
        }
        for (String folder : path.split(File.pathSeparator)) {
            if (folder.isBlank()) {
                continue;
            }
            Path candidate = Path.of(folder, tool + (System.getProperty("os.name", "").toLowerCase(Locale.ROOT)
                    .startsWith("windows") ? ".exe" : ""));
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** What a tool printed (standard output and error together) and its exit status. */
    private record Run(int status, String output) {
    }

    private static Run run(List<String> command, Map<String, String> variables) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("PGPASSWORD");
        builder.environment().putAll(variables);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(1, TimeUnit.HOURS)) {
                process.destroyForcibly();
                return new Run(-1, "did not finish within an hour");
            }
            return new Run(process.exitValue(), output);
        } catch (IOException e) {
            return new Run(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Run(-1, "interrupted");
        }
    }
}
