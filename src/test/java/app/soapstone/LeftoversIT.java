package app.soapstone;

import app.soapstone.support.SoapstoneProcesses;
import app.soapstone.support.SoapstoneProcesses.Condition;
import app.soapstone.support.SoapstoneProcesses.Run;
import app.soapstone.support.SoapstoneProcesses.Started;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static app.soapstone.support.FilledDatabases.fill;
import static app.soapstone.support.FilledDatabases.query;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backup or an export killed outright (SIGKILL) while it is being written leaves a hidden part
 * file - health records - in the folder the therapist chose; the next Soapstone to start on the
 * same database deletes it, whatever command it runs. Run on the packaged jar as separate
 * processes; the cases the kill cannot reach (part files nobody noted, a process still writing)
 * are in {@code app.soapstone.storage.LeftoversTest}.
 */
class LeftoversIT {

    private static final long TIMEOUT_SECONDS = 90;
    private static final int ATTEMPTS = 5;

    private static Path jar;

    @TempDir
    Path temp;

    private SoapstoneProcesses processes;

    @BeforeAll
    static void locateJar() {
        jar = SoapstoneProcesses.packagedJar();
    }

    @BeforeEach
    void processesInTheTempFolder() {
        processes = new SoapstoneProcesses(temp, TIMEOUT_SECONDS);
    }

    @Test
    void aKilledBackupLeavesAPartFileThatTheNextStartDeletes() throws Exception {
        Path db = databaseWithClients(80_000);
        List<List<String>> counts = query(db, "SELECT count(*), max(id) FROM client");
        Path folder = Files.createDirectories(temp.resolve("backups"));
        Path target = folder.resolve("soapstone-backup.db");

        // VACUUM INTO has begun filling the part file; the rest of the copy and its check take longer.
        Path part = killOnceWriting(db, target, () -> partFile(folder).filter(file -> size(file) > 0).isPresent(),
                "backup", "--to", target.toString());
        assertThat(part).as("the part file the kill left, holding the records").isRegularFile();
        assertThat(size(part)).isPositive();
        assertThat(target).as("the backup was not finished").doesNotExist();

        assertTheNextStartDeletes(part, db, counts);
        assertThat(names(folder)).as("nothing left in the backup folder").isEmpty();
    }

    @Test
    void aKilledExportLeavesAPartFolderThatTheNextStartDeletes() throws Exception {
        Path db = databaseWithClients(20_000);
        List<List<String>> counts = query(db, "SELECT count(*), max(id) FROM client");
        Path folder = Files.createDirectories(temp.resolve("exports"));
        Path target = folder.resolve("export");

        // client.csv is written whole; a JSON file for each of the 20,000 clients follows it.
        Path part = killOnceWriting(db, target, () -> partFile(folder).map(file -> file.resolve("client.csv"))
                .filter(csv -> size(csv) > 0).isPresent(), "export", "--to", target.toString());
        assertThat(part).as("the part folder the kill left").isDirectory();
        assertThat(Files.readString(part.resolve("client.csv"), StandardCharsets.UTF_8))
                .as("it holds the records").contains("Łukasiewicz");
        assertThat(target).as("the export was not finished").doesNotExist();

        assertTheNextStartDeletes(part, db, counts);
        assertThat(names(folder)).as("nothing left in the export folder").isEmpty();
    }

    /**
     * Runs Soapstone with {@code args}, kills it (SIGKILL) as soon as {@code writing} holds, and
     * returns the part file left beside {@code target}. A run that finished before the kill (a busy
     * machine can pause this test that long) is done again, a few times at most.
     */
    private Path killOnceWriting(Path db, Path target, Condition writing, String... args) throws Exception {
        Path folder = target.getParent();
        for (int attempt = 1; ; attempt++) {
            Started started = start(db, args);
            started.waitUntil(() -> writing.holds() || Files.exists(target), "the part file to be written");
            started.kill();
            if (started.process().exitValue() != 0) {
                return leftIn(folder);
            }
            assertThat(attempt).as("a run killed before it finished, in %d attempts", ATTEMPTS).isLessThan(ATTEMPTS);
            deleteAll(target);
        }
    }

    /** Any command starts Soapstone; the start deletes {@code part}, and the database is as it was. */
    private void assertTheNextStartDeletes(Path part, Path db, List<List<String>> counts) throws Exception {
        Run check = soapstone(db, "db", "check");
        assertThat(check.status()).as(check.describe()).isZero();
        assertThat(check.out()).as(check.describe()).contains("Integrity:     ok");
        assertThat(part).as("deleted at the next start").doesNotExist();
        assertThat(names(part.getParent())).as("nor anything SQLite left beside it")
                .noneMatch(name -> name.startsWith(".soapstone-"));
        assertThat(query(db, "SELECT count(*), max(id) FROM client")).as("the database is intact").isEqualTo(counts);
        assertThat(names(db.resolveSibling("writing"))).as("no notes of part files left").isEmpty();
    }

    /** A database with Zoë added through Soapstone, then {@code filler} more clients, so writing it out takes a while. */
    private Path databaseWithClients(int filler) throws Exception {
        Path db = temp.resolve("data").resolve("soapstone.db");
        Run add = soapstone(db, "client", "add", "--first-name", "Zoë", "--last-name", "Łukasiewicz");
        assertThat(add.status()).as(add.describe()).isZero();
        fill(db, filler);
        return db;
    }

    /** The part file or folder in {@code folder}, if there is one yet (never SQLite's journal beside it). */
    private static Optional<Path> partFile(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().matches("\\.soapstone-.+\\.part")).findFirst();
        }
    }

    private static Path leftIn(Path folder) throws IOException {
        Optional<Path> part = partFile(folder);
        assertThat(part).as("a part file left in %s: %s", folder, names(folder)).isPresent();
        return part.get();
    }

    /** The size of a file that may not exist yet, or any more: 0 then. */
    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteAll(Path path) throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static List<String> names(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private Run soapstone(Path database, String... args) throws Exception {
        return start(database, args).finish();
    }

    private Started start(Path database, String... args) throws IOException {
        return processes.start(SoapstoneProcesses.jarCommand(jar, args), database, Map.of());
    }
}
