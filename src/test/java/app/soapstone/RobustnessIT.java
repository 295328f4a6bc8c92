package app.soapstone;

import app.soapstone.support.SoapstoneProcesses;
import app.soapstone.support.SoapstoneProcesses.Run;
import app.soapstone.support.SoapstoneProcesses.Started;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static app.soapstone.support.FilledDatabases.fill;
import static app.soapstone.support.FilledDatabases.query;
import static app.soapstone.support.SoapstoneProcesses.LOG_LINE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Robustness of the packaged application run as separate processes, the way it really fails:
 * killed outright (SIGKILL) in the middle of a large import or a backup, run twice at once
 * against one database, or pointed at a file that is not a usable database. Nothing committed is
 * ever lost, nothing half-done is ever kept, and every refusal is one clear line.
 */
class RobustnessIT {

    private static final long TIMEOUT_SECONDS = 90;
    private static final Pattern ID_LINE = Pattern.compile("\\d+");

    private static Path jar;

    @TempDir
    Path temp;

    private SoapstoneProcesses processes;

    @BeforeAll
    static void locateJarAndJava() {
        jar = SoapstoneProcesses.packagedJar();
    }

    @BeforeEach
    void processesInTheTempFolder() {
        processes = new SoapstoneProcesses(temp, TIMEOUT_SECONDS);
    }

    // ---------------------------------------------------------------- (a) killed during a large import

    @Test
    void killingALargeImportKeepsAllOrNoneOfItAndEverythingBefore() throws Exception {
        Path db = temp.resolve("import").resolve("soapstone.db");
        Path small = temp.resolve("small.csv");
        Files.writeString(small, "first_name,last_name\nZoë,Łukasiewicz\nАнна,Иванова\nMary Ann,O'Brien\n",
                StandardCharsets.UTF_8);
        assertOk(soapstone(db, "client", "import", "--csv", small.toString()));
        assertOk(soapstone(db, "client", "add", "--first-name", "Ben", "--last-name", "Ng"));
        List<List<String>> committed = query(db, "SELECT * FROM client ORDER BY id");
        assertThat(committed).hasSize(4);

        int rows = 30_000;
        Path big = temp.resolve("big.csv");
        try (Writer out = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            out.write("last_name,first_name,dob,phone,email\n");
            for (int i = 0; i < rows; i++) {
                // Every client its own phone: a repeated one would be refused as a likely duplicate.
                out.write("Bulk" + i + ",Client " + i + ",1980-01-01," + String.format("04%08d", i)
                        + ",client" + i + "@example.com\n");
            }
        }

        Started importing = start(db, "client", "import", "--csv", big.toString());
        // The import is one transaction; once its pages start spilling into the WAL it is well under way.
        Path wal = db.resolveSibling("soapstone.db-wal");
        importing.waitUntil(() -> Files.exists(wal) && Files.size(wal) > 512 * 1024, "the import to start writing");
        assertThat(importing.process().isAlive()).as("still importing when killed").isTrue();
        importing.kill();

        Run check = soapstone(db, "db", "check");
        assertOk(check);
        assertThat(check.out()).contains("Integrity:     ok").contains("Foreign keys:  ok");
        List<List<String>> after = query(db, "SELECT * FROM client ORDER BY id");
        long imported = after.stream().filter(row -> row.get(2).startsWith("Bulk")).count();
        assertThat(imported).as("all or none of the import").isIn(0L, (long) rows);
        assertThat(after.subList(0, committed.size())).as("everything committed before").isEqualTo(committed);
        assertThat(after).hasSize(committed.size() + (int) imported);
        assertThat(query(db, "SELECT count(*) FROM audit_event WHERE action = 'import' AND summary LIKE '%big.csv%'"))
                .containsExactly(List.of(imported == 0 ? "0" : "1"));

        // And the database is fully usable afterwards.
        assertOk(soapstone(db, "client", "add", "--first-name", "After", "--last-name", "Kill"));
        assertThat(query(db, "SELECT count(*) FROM client")).containsExactly(List.of(String.valueOf(after.size() + 1)));
    }

    // ---------------------------------------------------------------- (b) killed during a backup

    @Test
    void killingABackupLeavesTheDatabaseIntactAndNoPartialBackup() throws Exception {
        Path db = temp.resolve("backup").resolve("soapstone.db");
        assertOk(soapstone(db, "client", "add", "--first-name", "Zoë", "--last-name", "Łukasiewicz"));
        fill(db, 80_000);
        List<List<String>> counts = query(db, "SELECT count(*), max(id) FROM client");
        Path folder = Files.createDirectories(temp.resolve("backups"));
        Path target = folder.resolve("soapstone-backup.db");

        Started backingUp = start(db, "backup", "--to", target.toString());
        backingUp.waitUntil(() -> anyNonEmptyFile(folder), "the backup to start writing");
        boolean aliveWhenKilled = backingUp.process().isAlive();
        backingUp.kill();
        assertThat(aliveWhenKilled).as("still backing up when killed").isTrue();

        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (!file.equals(target)) {
                    assertThat(name).as("only hidden temp files are left").startsWith(".soapstone-").contains(".part");
                }
            }
        }
        if (Files.exists(target)) {
            // Killed after the move into place: then the backup must be whole.
            assertThat(query(target, "PRAGMA integrity_check")).containsExactly(List.of("ok"));
            assertThat(query(target, "SELECT count(*), max(id) FROM client")).isEqualTo(counts);
        }
        Run check = soapstone(db, "db", "check");
        assertOk(check);
        assertThat(check.out()).contains("Integrity:     ok");
        assertThat(query(db, "SELECT count(*), max(id) FROM client")).isEqualTo(counts);

        // A backup run to the end afterwards works, whatever the killed one left behind.
        Run again = soapstone(db, "backup", "--to", target.toString(), "--force");
        assertOk(again);
        assertThat(query(target, "SELECT count(*), max(id) FROM client")).isEqualTo(counts);
    }

    // ---------------------------------------------------------------- (c) two writers at once

    @Test
    void twoProcessesWritingAtOnceBothSucceedOrOneIsToldTheDatabaseIsBusy() throws Exception {
        Path db = temp.resolve("writers").resolve("soapstone.db");
        assertOk(soapstone(db, "practitioner", "add", "--name", "Sam Jones", "--credentials", "RMT"));
        int adds = 200;
        List<Started> writers = new ArrayList<>();
        for (String writer : List.of("A", "B")) {
            Path script = temp.resolve("writer-" + writer + ".txt");
            StringBuilder lines = new StringBuilder("// writer " + writer + "\n");
            for (int i = 0; i < adds; i++) {
                lines.append("client add --first-name \"").append(writer).append(i).append("\" --last-name Writer")
                        .append(writer).append(" --phone \"0412 ").append(writer.equals("A") ? 1 : 2)
                        .append("00 ").append(String.format("%03d", i)).append("\"\n");
            }
            Files.writeString(script, lines, StandardCharsets.UTF_8);
            writers.add(start(db, "@" + script));
        }

        int added = 0;
        int succeeded = 0;
        for (Started writer : writers) {
            Run run = finish(writer);
            List<String> ids = run.out().lines().toList();
            assertThat(ids).as(run.describe()).allMatch(line -> ID_LINE.matcher(line).matches());
            if (run.status() == 0) {
                succeeded++;
                assertThat(ids).as(run.describe()).hasSize(adds);
                assertThat(run.err()).isEmpty();
            } else {
                assertThat(run.status()).as(run.describe()).isEqualTo(5);
                List<String> error = run.err().lines().toList();
                assertThat(error).as("one clear line, and where in the script it stopped").hasSize(2);
                assertThat(error.get(0)).startsWith("Error: The database is busy");
                assertThat(error.get(1)).contains("writer-").contains("stopped here");
            }
            added += ids.size();
        }
        assertThat(succeeded).as("at least one writer finished").isPositive();
        assertThat(query(db, "SELECT count(*) FROM client")).containsExactly(List.of(String.valueOf(added)));
        assertThat(query(db, "SELECT count(*) FROM audit_event WHERE action = 'add' AND record_type = 'client'"))
                .containsExactly(List.of(String.valueOf(added)));
        assertThat(query(db, "SELECT count(DISTINCT id) FROM client")).containsExactly(List.of(String.valueOf(added)));
        assertOk(soapstone(db, "db", "check"));
    }

    // ---------------------------------------------------------------- (d) not a usable database

    @Test
    void aDamagedSqliteFileIsRefusedWithOneLineAndLeftUnchanged() throws Exception {
        Path db = temp.resolve("damaged").resolve("soapstone.db");
        Files.createDirectories(db.getParent());
        byte[] content = new byte[16 * 1024];
        new Random(42).nextBytes(content);
        byte[] header = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, content, 0, header.length);
        Files.write(db, content);
        assertRefused(db, "damaged");
    }

    @Test
    void aTextFileIsRefusedWithOneLineAndLeftUnchanged() throws Exception {
        Path db = temp.resolve("text").resolve("soapstone.db");
        Files.createDirectories(db.getParent());
        Files.writeString(db, "Zoë Łukasiewicz: left calf tight, book again in two weeks.\n", StandardCharsets.UTF_8);
        assertRefused(db, "is not a SQLite database");
    }

    private void assertRefused(Path db, String reason) throws Exception {
        String before = sha256(db);
        for (String[] command : List.of(new String[] {"client", "list"}, new String[] {"db", "check"},
                new String[] {"client", "add", "--first-name", "Ann", "--last-name", "Lee"})) {
            Run run = soapstone(db, command);
            assertThat(run.status()).as(run.describe()).isEqualTo(5);
            assertThat(run.out()).as(run.describe()).isEmpty();
            assertThat(run.err().lines().toList()).as(run.describe()).hasSize(1);
            assertThat(run.err()).as(run.describe()).startsWith("Error: ").contains(db.toString()).contains(reason)
                    .contains("left untouched").doesNotContain("Unexpected");
            assertThat(sha256(db)).as("the file is not modified").isEqualTo(before);
        }
        try (Stream<Path> files = Files.list(db.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(db.getFileName() + "-")))
                    .as("no journal or WAL files").isEmpty();
        }
    }

    // ---------------------------------------------------------------- running the jar

    /** Waits for the end and checks that nothing on the console looks like a log line or a stack trace. */
    private static Run finish(Started started) throws IOException, InterruptedException {
        Run run = started.finish();
        for (String stream : List.of(run.out(), run.err())) {
            assertThat(stream).as(run.describe()).doesNotContain("Exception").doesNotContain("\tat ")
                    .doesNotContainPattern(LOG_LINE);
        }
        return run;
    }

    private static boolean anyNonEmptyFile(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(file -> {
                try {
                    return Files.size(file) > 0;
                } catch (IOException e) {
                    return false; // moved or deleted meanwhile
                }
            });
        }
    }

    private Run soapstone(Path database, String... args) throws IOException, InterruptedException {
        return finish(start(database, args));
    }

    private Started start(Path database, String... args) throws IOException {
        return processes.start(SoapstoneProcesses.jarCommand(jar, args), database, Map.of());
    }

    private static void assertOk(Run run) {
        assertThat(run.status()).as(run.describe()).isZero();
        assertThat(run.err()).as(run.describe()).isEmpty();
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
