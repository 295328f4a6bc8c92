package app.soapstone.record;

import app.soapstone.shell.Failure;
import app.soapstone.support.OldDatabases;
import app.soapstone.support.RecordsTest;
import app.soapstone.support.SoapstoneTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * {@code backup} and {@code restore}: a backup is a checked, owner-only SQLite copy; a restore
 * checks the file first (SQLite, intact, Soapstone's, not from a newer version, chain intact),
 * keeps the current database as a copy, and only then replaces it. A refused restore leaves the
 * live database exactly as it was.
 */
@Tag(SoapstoneTest.POSTGRESQL)
class BackupsTest extends RecordsTest {

    private static final Pattern KEPT_IN = Pattern.compile("kept in (\\S+soapstone-before-restore-[^\\s]+\\.db)");

    @TempDir
    Path temp;

    @Autowired
    private Flyway flyway;

    // ---------------------------------------------------------------- backup

    @Test
    void backupWritesAnOwnerOnlySqliteCopyWithTheSameRecords() throws Exception {
        assumeFalse(ON_POSTGRES, "a SQLite backup is a copy of the file, read here with the sqlite3 driver; a"
                + " pg_dump archive's records are compared in BackupRoundTripTest");
        practitioner("Sam Jones");
        long ann = client("Zoë", "Łukasiewicz");
        client("Анна", "Иванова");
        long session = signedSession(ann, "Night cramps", "Stretch nightly");
        amend(session, "Late entry.");
        session(ann, "--subjective", "A draft");
        Path backup = temp.resolve("soapstone-backup.db");

        Result result = run("backup --to " + backup);

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        assertThat(result.output()).contains("Backed up to " + backup).contains("integrity check ok");
        assertThat(backup).isRegularFile();
        if (posix()) {
            assertThat(permissions(backup)).isEqualTo("rw-------");
        }
        assertThat(Files.readAllBytes(backup)).startsWith("SQLite format 3\0".getBytes(StandardCharsets.US_ASCII));
        try (Connection copy = open(backup)) {
            assertThat(rows(copy, "PRAGMA integrity_check")).containsExactly(List.of("ok"));
            for (String table : List.of("client", "session", "addendum", "practitioner")) {
                assertThat(rows(copy, "SELECT * FROM " + table + " ORDER BY rowid")).as(table)
                        .isEqualTo(liveRows("SELECT * FROM " + table + " ORDER BY rowid"));
            }
            // The chain as it was; the backup's own audit event came after it, with its link.
            assertThat(rows(copy, "SELECT * FROM record_chain ORDER BY seq"))
                    .isEqualTo(liveRows("SELECT * FROM record_chain WHERE seq < (SELECT max(seq) FROM record_chain) ORDER BY seq"));
        }
        assertThat(leftovers(temp)).as("no temp files left beside the backup").isEmpty();
    }

    @Test
    void backupRefusesToReplaceAFileUnlessForced() throws Exception {
        practitioner("Sam Jones");
        client("Ann", "Lee");
        Path backup = Files.writeString(temp.resolve("backup.db"), "an older file");

        Result refused = run("backup --to " + backup);

        assertThat(refused.status()).isEqualTo(Failure.CONFLICT);
        assertThat(refused.error()).contains(backup.toString()).contains("--force");
        assertThat(Files.readString(backup)).isEqualTo("an older file");

        Result forced = run("backup --to " + backup + " --force");

        assertThat(forced.status()).as(forced.error()).isEqualTo(Failure.OK);
        if (ON_POSTGRES) {
            // pg_dump's archive, whose seal records verify reads out of it with pg_restore.
            assertThat(Files.readAllBytes(backup)).startsWith("PGDMP".getBytes(StandardCharsets.US_ASCII));
            assertThat(run("records verify --backup " + backup).status()).isEqualTo(Failure.OK);
        } else {
            try (Connection copy = open(backup)) {
                assertThat(rows(copy, "SELECT first_name, last_name FROM client")).containsExactly(List.of("Ann", "Lee"));
            }
        }
        if (posix()) {
            assertThat(permissions(backup)).isEqualTo("rw-------");
        }
    }

    @Test
    void backupIntoAMissingFolderIsAUsageError() {
        client("Ann", "Lee");
        Path backup = temp.resolve("no-such-folder").resolve("backup.db");

        Result result = run("backup --to " + backup);

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).contains("does not exist");
        assertThat(backup.getParent()).doesNotExist();
    }

    @Test
    void backupOntoTheDatabaseItselfIsRefused() throws Exception {
        assumeFalse(ON_POSTGRES, "there is no database file on PostgreSQL to write the backup over");
        client("Ann", "Lee");
        Path database = DATA_DIR.resolve("soapstone.db");
        String before = sha256(database);
        List<Map<String, Object>> clients = clientRows();

        for (String path : List.of(database.toString(), DATA_DIR.resolve("sub").resolve("..").resolve("soapstone.db")
                .toString())) {
            for (String force : List.of("", " --force")) {
                Result result = run("backup --to " + path + force);
                assertThat(result.status()).as(path + force).isEqualTo(Failure.USAGE);
                assertThat(result.error()).contains("the database itself");
            }
        }
        assertThat(clientRows()).isEqualTo(clients);
        assertThat(run("db check").status()).isEqualTo(Failure.OK);
        assertThat(sha256(database)).isEqualTo(before);
    }

    @Test
    void backupIsAConsistentSnapshotWhileAnotherShellIsWriting() throws Exception {
        assumeFalse(ON_POSTGRES, "holds SQLite's write lock and reads the copy as a SQLite file; pg_dump takes one"
                + " snapshot of PostgreSQL's own");
        client("Ann", "Lee");
        Path backup = temp.resolve("backup.db");
        CountDownLatch locked = new CountDownLatch(1);
        // Another shell is in the middle of a write: its row is not committed while the copy is taken.
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + DATA_DIR.resolve("soapstone.db"));
                 Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA busy_timeout = 5000");
                statement.execute("BEGIN IMMEDIATE");
                statement.executeUpdate("INSERT INTO client (first_name, last_name, search_text, created_at, updated_at)"
                        + " VALUES ('Ben', 'Ng', 'ben ng', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')");
                locked.countDown();
                Thread.sleep(3000);
                statement.execute("COMMIT");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

        Result result = run("backup --to " + backup);

        other.get(10, TimeUnit.SECONDS);
        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        try (Connection copy = open(backup)) {
            assertThat(rows(copy, "PRAGMA integrity_check")).containsExactly(List.of("ok"));
            assertThat(rows(copy, "SELECT last_name FROM client")).as("only what was committed when the copy began")
                    .containsExactly(List.of("Lee"));
        }
        assertThat(jdbc.sql("SELECT last_name FROM client ORDER BY id").query(String.class).list())
                .containsExactly("Lee", "Ng");
    }

    // ---------------------------------------------------------------- restore

    @Test
    void restoreBringsTheBackedUpStateBackAndKeepsTheNewerOne() throws Exception {
        assumeFalse(ON_POSTGRES, "on PostgreSQL a backup is restored into an empty database only, with no copy of"
                + " the one before kept (BackupRoundTripTest)");
        practitioner("Sam Jones");
        long ann = client("Ann", "Lee");
        long session = signedSession(ann, "Night cramps", "Stretch nightly");
        Path backup = temp.resolve("backup.db");
        run("backup --to " + backup).expectOk();
        List<Map<String, Object>> backedUpClients = clientRows();
        List<List<String>> backedUpSessions = liveRows("SELECT * FROM session ORDER BY id");

        // Changes after the backup.
        long ben = client("Ben", "Ng");
        runWords("client", "edit", String.valueOf(ann), "--phone", "0412 345 678").expectOk();
        amend(session, "Added after the backup.");
        signedSession(ben, "Later note", "Later plan");
        List<Map<String, Object>> newerClients = clientRows();
        List<List<String>> newerSessions = liveRows("SELECT * FROM session ORDER BY id");
        long newerAddenda = count("addendum");

        Result result = run("restore --from " + backup);

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        assertThat(clientRows()).isEqualTo(backedUpClients);
        assertThat(liveRows("SELECT * FROM session ORDER BY id")).isEqualTo(backedUpSessions);
        assertThat(count("addendum")).isZero();
        assertThat(run("records verify").status()).isEqualTo(Failure.OK);
        assertThat(run("db check").status()).isEqualTo(Failure.OK);

        Path kept = keptCopy(result.output());
        assertThat(kept.getParent()).isEqualTo(DATA_DIR);
        assertThat(kept.getFileName().toString()).startsWith("soapstone-before-restore-");
        if (posix()) {
            assertThat(permissions(kept)).isEqualTo("rw-------");
        }
        try (Connection previous = open(kept)) {
            assertThat(rows(previous, "PRAGMA integrity_check")).containsExactly(List.of("ok"));
            assertThat(rows(previous, "SELECT id, last_name, phone FROM client ORDER BY id")).isEqualTo(
                    newerClients.stream().map(c -> List.of(String.valueOf(c.get("id")), String.valueOf(c.get("last_name")),
                            String.valueOf(c.get("phone")))).toList());
            assertThat(rows(previous, "SELECT * FROM session ORDER BY id")).isEqualTo(newerSessions);
            assertThat(rows(previous, "SELECT count(*) FROM addendum")).containsExactly(List.of(String.valueOf(newerAddenda)));
        }

        // The restored database is fully usable.
        long cat = client("Cat", "Oh");
        assertThat(cat).isGreaterThan(0);
        amend(session, "After the restore.");
        assertThat(run("records verify").status()).isEqualTo(Failure.OK);
    }

    @Test
    void twoRestoresInARowKeepTwoCopies() throws Exception {
        assumeFalse(ON_POSTGRES, "on PostgreSQL a backup is restored into an empty database only, with no copy of"
                + " the one before kept (BackupRoundTripTest)");
        client("Ann", "Lee");
        Path backup = temp.resolve("backup.db");
        run("backup --to " + backup).expectOk();

        client("Ben", "Ng");
        Result first = run("restore --from " + backup);
        client("Cat", "Oh");
        Result second = run("restore --from " + backup);

        assertThat(first.status()).as(first.error()).isEqualTo(Failure.OK);
        assertThat(second.status()).as(second.error()).isEqualTo(Failure.OK);
        Path firstCopy = keptCopy(first.output());
        Path secondCopy = keptCopy(second.output());
        assertThat(secondCopy).isNotEqualTo(firstCopy);
        try (Connection one = open(firstCopy); Connection two = open(secondCopy)) {
            assertThat(rows(one, "SELECT last_name FROM client ORDER BY id")).containsExactly(List.of("Lee"), List.of("Ng"));
            assertThat(rows(two, "SELECT last_name FROM client ORDER BY id")).containsExactly(List.of("Lee"), List.of("Oh"));
        }
    }

    @Test
    void restoreAcceptsADatabaseFromAnOlderSoapstoneAndUpgradesIt() throws Exception {
        assumeFalse(ON_POSTGRES, "old Soapstone databases are SQLite files; PostgreSQL starts at version 18");
        client("Ann", "Lee");
        Path old = temp.resolve("from-version-4.db");
        OldDatabases.beforeTheChain(old);
        List<List<String>> oldClients;
        String oldColumns;
        try (Connection connection = open(old)) {
            oldClients = rows(connection, "SELECT * FROM client ORDER BY id");
            oldColumns = rows(connection, "SELECT name FROM pragma_table_info('client') ORDER BY cid").stream()
                    .map(List::getFirst).collect(java.util.stream.Collectors.joining(", "));
        }

        Result result = run("restore --from " + old);

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        // Every column the old client table had, unchanged; columns added since (print_name) are empty.
        assertThat(liveRows("SELECT " + oldColumns + " FROM client ORDER BY id")).isEqualTo(oldClients);
        assertThat(liveRows("SELECT count(*) FROM client WHERE print_name IS NOT NULL")).containsExactly(List.of("0"));
        assertThat(jdbc.sql("SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history").query(Integer.class).single())
                .as("upgraded to this version's schema")
                .isEqualTo(Integer.parseInt(flyway.info().current().getVersion().getVersion()));
        Result verify = run("records verify");
        assertThat(verify.status()).as(verify.error()).isEqualTo(Failure.OK);
        assertThat(verify.output()).contains("1 signed note, 1 addendum");
        assertThat(run("db check").status()).isEqualTo(Failure.OK);
        amend(1, "After the restore.");
        assertThat(run("records verify").status()).isEqualTo(Failure.OK);
    }

    @Test
    void restoreAcceptsAChainedBackupFromBeforeHomeMassageMinutes() throws Exception {
        assumeFalse(ON_POSTGRES, "old Soapstone databases are SQLite files; PostgreSQL starts at version 18");
        client("Ann", "Lee");
        // Its chain is verified before the restore, at its own schema, which has no such column yet.
        Path old = temp.resolve("from-version-7.db");
        OldDatabases.beforeHomeMassageMinutes(old);
        // Another database than this one, whose anchors it cannot match: they are put aside first, as
        // the refusal says (RecordSealTest checks the refusal).
        Files.move(DATA_DIR.resolve("soapstone.anchors"), temp.resolve("put-aside.anchors"));

        Result result = run("restore --from " + old);

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        Result verify = run("records verify");
        assertThat(verify.status()).as(verify.error()).isEqualTo(Failure.OK);
        assertThat(verify.output()).contains("1 signed note, 1 addendum");
        Map<String, Object> note = jdbc.sql("SELECT * FROM session WHERE id = 1").query().singleRow();
        assertThat(note).as("upgraded: the column is there, empty").containsEntry("home_massage_minutes", null)
                .containsEntry("plan", "Stretch nightly");
    }

    @Test
    void restoreFromAMissingFileIsAUsageError() {
        client("Ann", "Lee");
        List<Map<String, Object>> before = clientRows();

        Result result = run("restore --from " + temp.resolve("no-such-backup.db"));

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).contains("does not exist");
        assertThat(clientRows()).isEqualTo(before);
    }

    @Test
    void restoreRefusesATextFile() throws Exception {
        Path text = Files.writeString(temp.resolve("backup.db"), "Ann Lee, 0412 345 678\n");
        assertRefused(text, ON_POSTGRES ? "is not a PostgreSQL backup (pg_dump's custom format" : "is not a SQLite database");
    }

    @Test
    void restoreRefusesATruncatedBackup() throws Exception {
        assumeFalse(ON_POSTGRES, "SQLite's integrity check finds the damage; a changed pg_dump archive is refused"
                + " by its manifest in BackupRoundTripTest");
        Path backup = goodBackup();
        try (RandomAccessFile file = new RandomAccessFile(backup.toFile(), "rw")) {
            file.setLength(file.length() / 2);
        }
        assertRefused(backup, "damaged");
    }

    @Test
    void restoreRefusesABackupWithGarbageInTheMiddle() throws Exception {
        assumeFalse(ON_POSTGRES, "writes over SQLite pages; a changed pg_dump archive is refused by its manifest in"
                + " BackupRoundTripTest");
        Path backup = goodBackup();
        int pageSize;
        long pages;
        try (Connection copy = open(backup)) {
            pageSize = Integer.parseInt(rows(copy, "PRAGMA page_size").get(0).get(0));
            pages = Long.parseLong(rows(copy, "PRAGMA page_count").get(0).get(0));
        }
        assertThat(pages).as("a backup of several pages").isGreaterThan(4);
        byte[] garbage = new byte[pageSize];
        Arrays.fill(garbage, (byte) 0xA5);
        try (RandomAccessFile file = new RandomAccessFile(backup.toFile(), "rw")) {
            file.seek((pages / 2) * pageSize);
            file.write(garbage);
        }
        assertRefused(backup, "damaged");
    }

    @Test
    void restoreRefusesADatabaseOfAnotherProgram() throws Exception {
        assumeFalse(ON_POSTGRES, "the other program's database is a SQLite file");
        Path other = temp.resolve("recipes.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + other);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE client (id INTEGER PRIMARY KEY, name TEXT)");
            statement.execute("INSERT INTO client (name) VALUES ('Lemon tart')");
        }
        assertRefused(other, "is not a Soapstone database");
    }

    @Test
    void restoreRefusesABackupFromANewerSoapstone() throws Exception {
        assumeFalse(ON_POSTGRES, "changes a SQLite backup's schema history with the sqlite3 driver");
        Path backup = goodBackup();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + backup);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("""
                    INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,
                                                       installed_by, installed_on, execution_time, success)
                    SELECT max(installed_rank) + 1, '999', 'from the future', 'SQL', 'V999__from_the_future.sql', 1,
                           'soapstone', CURRENT_TIMESTAMP, 1, 1
                    FROM flyway_schema_history""");
        }
        assertRefused(backup, "newer version of Soapstone");
    }

    @Test
    void restoreRefusesABackupWhoseChainIsBroken() throws Exception {
        if (ON_POSTGRES) {
            restoredArchiveWhoseChainIsBrokenIsTakenOutAgain();
            return;
        }
        Path backup = goodBackup();
        long session;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + backup);
             Statement statement = connection.createStatement()) {
            session = Long.parseLong(rows(connection, "SELECT min(id) FROM session WHERE signed_at IS NOT NULL").get(0).get(0));
            statement.execute("DROP TRIGGER session_signed_is_final_update");
            statement.executeUpdate("UPDATE session SET plan = 'Rewritten later' WHERE id = " + session);
        }
        String error = assertRefused(backup, "failed verification");
        assertThat(error).contains("session " + session + " has changed");
    }

    /**
     * On PostgreSQL the archive is not changed in place: the note is changed underneath Soapstone
     * before the backup, and the restore (into an empty database) fails its check afterwards.
     */
    private void restoredArchiveWhoseChainIsBrokenIsTakenOutAgain() {
        practitioner("Sam Jones");
        long session = signedSession(client("Ann", "Lee"), "Night cramps", "Stretch nightly");
        tamperer().sql("UPDATE session SET plan = 'Rewritten later' WHERE id = ?", session);
        Path backup = temp.resolve("backup.db");
        run("backup --to " + backup).expectOk();
        emptyPostgresForRestore();

        Result result = run("restore --from " + backup);

        assertThat(result.status()).isEqualTo(Failure.VERIFICATION);
        assertThat(result.error()).contains("failed verification; the database is empty again")
                .contains("session " + session + " has changed");
        for (String table : List.of("client", "practitioner", "session", "audit_event", "record_chain")) {
            assertThat(count(table)).as(table).isZero();
        }
    }

    @Test
    void restoreRefusesABackupWithAnAddendumChanged() throws Exception {
        assumeFalse(ON_POSTGRES, "changes a SQLite backup's addendum with the sqlite3 driver");
        Path backup = goodBackup();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + backup);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER addendum_is_permanent_update");
            assertThat(statement.executeUpdate("UPDATE addendum SET text = 'Something else'")).isOne();
        }
        assertRefused(backup, "addendum");
    }

    @Test
    void restoreRefusesTheDatabaseItself() {
        assumeFalse(ON_POSTGRES, "there is no database file on PostgreSQL to restore from");
        client("Ann", "Lee");
        List<Map<String, Object>> before = clientRows();

        Result result = run("restore --from " + DATA_DIR.resolve("soapstone.db"));

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(clientRows()).isEqualTo(before);
    }

    // ---------------------------------------------------------------- helpers

    /**
     * A backup with a signed note and an addendum, taken now; then the live database is changed,
     * so that a refused restore can be told from a successful one.
     */
    private Path goodBackup() {
        practitioner("Sam Jones");
        long ann = client("Ann", "Lee");
        long session = signedSession(ann, "Night cramps", "Stretch nightly");
        amend(session, "Late entry.");
        Path backup = temp.resolve("backup-" + System.nanoTime() + ".db");
        run("backup --to " + backup).expectOk();
        client("Ben", "Ng");
        return backup;
    }

    /** Restoring {@code file} fails with status 6 and changes nothing; returns the error. */
    private String assertRefused(Path file, String message) throws IOException {
        client("Zoë", "Live");
        List<Map<String, Object>> before = clientRows();
        long events = count("audit_event");
        long copiesBefore = copiesKept();
        String fileBefore = sha256(file);

        Result result = run("restore --from " + file);

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.VERIFICATION);
        assertThat(result.error()).contains(message).contains("not changed");
        assertThat(clientRows()).as("the live database is unchanged").isEqualTo(before);
        assertThat(count("audit_event")).isEqualTo(events);
        assertThat(copiesKept()).as("nothing to keep a copy of").isEqualTo(copiesBefore);
        assertThat(sha256(file)).as("the refused file is not changed").isEqualTo(fileBefore);
        assertThat(run("db check").status()).isEqualTo(Failure.OK);
        return result.error();
    }

    private long copiesKept() throws IOException {
        try (var files = Files.list(DATA_DIR)) {
            return files.filter(f -> f.getFileName().toString().startsWith("soapstone-before-restore-")).count();
        }
    }

    private static Path keptCopy(String output) {
        Matcher kept = KEPT_IN.matcher(output);
        assertThat(kept.find()).as("the copy's path in: " + output).isTrue();
        Path path = Path.of(kept.group(1));
        assertThat(path).isRegularFile();
        return path;
    }

    private static List<Path> leftovers(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".")).toList();
        }
    }

    private List<List<String>> liveRows(String sql) throws SQLException {
        try (Connection live = open(DATA_DIR.resolve("soapstone.db"))) {
            return rows(live, sql);
        }
    }

    private static Connection open(Path database) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + database);
    }

    /** Every row as text, SQL NULL as "null". */
    private static List<List<String>> rows(Connection connection, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    row.add(String.valueOf(result.getString(c)));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
