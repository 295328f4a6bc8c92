package app.soapstone.integrity;

import app.soapstone.pdf.PdfPages;
import app.soapstone.shell.Failure;
import app.soapstone.support.RecordsTest;
import app.soapstone.support.SoapstoneTest;
import app.soapstone.support.Tamperer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The record seal written outside the database: the anchor file beside it (a line per change,
 * owner-only), the seal at the foot of every printed chart and plan, and what {@code records
 * verify} says and finds with and without them.
 */
@Tag(SoapstoneTest.POSTGRESQL)
class AnchorsTest extends RecordsTest {

    @TempDir
    Path temp;

    @Autowired
    private RecordChain chain;

    @Test
    void everyChangeAppendsAnAnchorToAnOwnerOnlyFileBesideTheDatabase() throws Exception {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        long session = signedSession(client, "Night cramps", "Stretch nightly");

        Path file = DATA_DIR.resolve("soapstone.anchors");
        assertThat(file).isRegularFile();
        if (posix()) {
            assertThat(permissions(file)).isEqualTo("rw-------");
        }
        List<String> anchors = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.startsWith("#")).toList();
        // Practitioner, client, draft, signing: one anchor each, as committed.
        assertThat(anchors).hasSize(4);
        String[] last = anchors.getLast().split("\t");
        assertThat(last).hasSize(5);
        assertThat(java.time.Instant.parse(last[0])).isBeforeOrEqualTo(java.time.Instant.now());
        Seal now = chain.seal();
        assertThat(Long.parseLong(last[1])).isEqualTo(now.entries()).isEqualTo(count("record_chain"));
        assertThat(last[2]).isEqualTo(now.head());
        assertThat(last[3]).isEqualTo("sign session");
        assertThat(last[4]).isEqualTo("Signed session " + session + " by practitioner " + defaultPractitioner());
        assertThat(Files.readString(file)).as("it says what it is").startsWith("# Soapstone anchor file");

        Result verify = run("records verify");
        assertThat(verify.status()).as(verify.error()).isEqualTo(Failure.OK);
        assertThat(verify.output()).contains("Anchor file " + file + ": 4 anchors; all match, and the latest")
                .contains("covers all " + now.entries() + " entries");
    }

    @Test
    void withoutAnAnchorVerifySaysPlainlyWhatItCouldNotCheck() throws Exception {
        practitioner("Sam Jones");
        signedSession(client("Ann", "Lee"), "Night cramps", "Stretch nightly");
        Files.delete(DATA_DIR.resolve("soapstone.anchors"));

        Result verify = run("records verify");

        assertThat(verify.status()).as(verify.error()).isEqualTo(Failure.OK);
        assertThat(verify.output()).contains("No anchor was checked. The chain was checked against itself only")
                .contains("someone able to write the database file could change records and recompute every hash")
                .contains("check against one with --backup or --seal");
    }

    @Test
    void entriesOfAChangeWhoseShellIsStillWritingItsAnchorAreLeftToTheNextCheck() throws Exception {
        practitioner("Sam Jones");
        signedSession(client("Ann", "Lee"), "Night cramps", "Stretch nightly");
        // Another shell's signing has committed, and its anchor is appended just after: not yet.
        long anchored = dropLastAnchor();

        Result verify = run("records verify");

        assertThat(verify.status()).as(verify.error()).isEqualTo(Failure.OK);
        assertThat(verify.output()).contains("covers " + anchored + " entries; the " + (count("record_chain") - anchored)
                + " after it were linked moments before this check began, and their anchor is left to the next check");
    }

    @Test
    void entriesLinkedLongBeforeTheCheckWithoutAnAnchorAreReported() throws Exception {
        entriesLinkedTwoMinutesAgoWithoutAnAnchorHere();

        Result verify = run("records verify");

        assertThat(verify.status()).isEqualTo(Failure.VERIFICATION);
        assertThat(verify.error()).contains("came after the last anchor")
                .contains("these were added by something else, or their anchor could not be written");
    }

    @Test
    void onASharedDatabaseTheChangesOfOtherLoginsAreAnchoredOnTheirComputers() throws Exception {
        assumeTrue(ON_POSTGRES, "a SQLite file is not shared by several computers' logins");
        long anchored = entriesLinkedTwoMinutesAgoWithoutAnAnchorHere();
        // Made from another computer, by another login (the database writes it from session_user,
        // and the chain hashes it).
        withoutTrigger("audit_event_is_append_only_update", () -> jdbc.sql("UPDATE audit_event SET login = 'sam'"
                + " WHERE id IN (SELECT record_id FROM record_chain WHERE record_type = 'audit' AND seq > ?)")
                .param(anchored).update());
        tamperer().recomputeChainFrom(anchored + 1);
        linkedTwoMinutesAgo(anchored);

        Result verify = run("records verify");

        assertThat(verify.status()).as(verify.error()).isZero();
        assertThat(verify.output()).contains("covers " + anchored + " entries; the " + (count("record_chain") - anchored)
                + " after it have no anchor here: on a shared database each computer anchors only the changes"
                + " made from it");

        // One of them not anchored by this login's own computer either: not vouched for.
        withoutTrigger("audit_event_is_append_only_update", () -> jdbc.sql("UPDATE audit_event SET login = NULL"
                + " WHERE id = (SELECT max(record_id) FROM record_chain WHERE record_type = 'audit' AND seq > ?)")
                .param(anchored).update());
        tamperer().recomputeChainFrom(anchored + 1);
        linkedTwoMinutesAgo(anchored);
        Result unvouched = run("records verify");
        assertThat(unvouched.status()).isEqualTo(Failure.VERIFICATION);
        assertThat(unvouched.error()).contains("came after the last anchor")
                .contains("these were made by this login, or by none");
    }

    /** The last change's entries, linked two minutes ago and with no anchor in this computer's file; the entries the last anchor covers. */
    private long entriesLinkedTwoMinutesAgoWithoutAnAnchorHere() throws IOException {
        practitioner("Sam Jones");
        signedSession(client("Ann", "Lee"), "Night cramps", "Stretch nightly");
        long anchored = dropLastAnchor();
        linkedTwoMinutesAgo(anchored);
        return anchored;
    }

    private void linkedTwoMinutesAgo(long anchored) {
        withoutTrigger("record_chain_is_append_only_update", () -> jdbc.sql(
                "UPDATE record_chain SET linked_at = ? WHERE seq > ?")
                .param(java.time.Instant.now().minusSeconds(120).toString()).param(anchored).update());
    }

    /** Removes the anchor file's last anchor; returns the entries the one before it covers. */
    private long dropLastAnchor() throws IOException {
        Path file = DATA_DIR.resolve("soapstone.anchors");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.removeLast();
        Files.write(file, lines, StandardCharsets.UTF_8);
        return Long.parseLong(lines.getLast().split("\t")[1]);
    }

    @Test
    void anEditedAnchorFileIsReported() throws Exception {
        practitioner("Sam Jones");
        client("Ann", "Lee");
        Path file = DATA_DIR.resolve("soapstone.anchors");
        Files.writeString(file, "2026-01-01T00:00:00Z\tmany\tnot a hash\tsign session\tSigned\n",
                java.nio.file.StandardOpenOption.APPEND);

        Result verify = run("records verify");

        assertThat(verify.status()).isEqualTo(Failure.VERIFICATION);
        assertThat(verify.error()).contains("has lines that are not anchors (line ").contains("it has been edited");
    }

    @Test
    void chartsAndPlansCarryTheRecordSealOnEveryPageAtTheSmallestSize() throws Exception {
        clinic();
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        intake(client, "");
        signedSession(client, "Night cramps", "Stretch nightly");

        Seal beforeChart = chain.seal();
        Path chart = temp.resolve("chart.pdf");
        run("chart export --client " + client + " --out " + chart).expectOk();
        assertSealOnEveryPage(PdfPages.read(Files.readAllBytes(chart)), beforeChart);

        Seal beforePlan = chain.seal();
        assertThat(beforePlan.entries()).as("giving the chart is recorded, and anchored").isGreaterThan(beforeChart.entries());
        Path plan = temp.resolve("plan.pdf");
        run("plan export --client " + client + " --out " + plan).expectOk();
        assertSealOnEveryPage(PdfPages.read(Files.readAllBytes(plan)), beforePlan);

        // The seal as printed can be typed back to check the records against it.
        String typed = beforeChart.entries() + " " + beforeChart.head().substring(0, 16);
        Result verify = run("records verify --seal \"" + typed + "\"");
        assertThat(verify.status()).as(verify.error()).isEqualTo(Failure.OK);
        assertThat(verify.output()).contains("The printed seal " + beforeChart.entries() + " entries, "
                + beforeChart.head().substring(0, 16) + ": " + beforeChart.entries() + " entries - matches");
    }

    @Test
    void aPrintedSealOrABackupCatchesARewriteEvenWhenTheAnchorFileWentToo() throws Exception {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        long first = signedSession(client, "Night cramps", "Stretch nightly");
        Seal printed = chain.seal();
        Path backup = temp.resolve("backup.db");
        run("backup --to " + backup).expectOk();
        signedSession(client, "Better", "Keep going");

        Tamperer tamperer = tamperer();
        long from = tamperer.seqOf("session", first);
        tamperer.sql("UPDATE session SET plan = 'No stretching' WHERE id = ?", first);
        tamperer.recomputeChainFrom(from);
        Files.delete(DATA_DIR.resolve("soapstone.anchors"));
        assertThat(run("records verify").status()).as("nothing outside the file to check against").isEqualTo(Failure.OK);

        Result seal = run("records verify --seal \"" + printed.printed() + "\"");
        assertThat(seal.status()).isEqualTo(Failure.VERIFICATION);
        assertThat(seal.error()).contains("does not match the printed seal " + String.format("%,d", printed.entries()));

        for (Path anchor : List.of(backup, BackupManifest.besides(backup))) {
            Result against = run("records verify --backup " + anchor);
            assertThat(against.status()).as(anchor.toString()).isEqualTo(Failure.VERIFICATION);
            assertThat(against.error()).contains("The chain does not match").contains(anchor.toString());
        }
    }

    @Test
    void eachBackupHasAnOwnerOnlyManifestWithItsSealAndSha256() throws Exception {
        practitioner("Sam Jones");
        signedSession(client("Ann", "Lee"), "Night cramps", "Stretch nightly");
        Seal sealed = chain.seal();
        Path backup = temp.resolve("backup.db");

        Result result = run("backup --to " + backup);

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        Path manifest = temp.resolve("backup.db.manifest");
        assertThat(result.output()).contains(sealed.printed() + ", kept beside it in backup.db.manifest");
        if (posix()) {
            assertThat(permissions(manifest)).isEqualTo("rw-------");
        }
        assertThat(Files.readAllLines(manifest, StandardCharsets.UTF_8)).contains("backup: backup.db",
                "sha256: " + sha256(backup), "entries: " + sealed.entries(), "head: " + sealed.head(), "key: none");
    }

    @Test
    void aBackupChangedAfterItWasWrittenIsNotRestored() throws Exception {
        assumeFalse(ON_POSTGRES, "changes a SQLite backup's rows, and restores over records; a changed pg_dump"
                + " archive is refused in BackupRoundTripTest");
        practitioner("Sam Jones");
        signedSession(client("Ann", "Lee"), "Night cramps", "Stretch nightly");
        Path backup = temp.resolve("backup.db");
        run("backup --to " + backup).expectOk();

        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + backup);
             var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE client SET phone = '0400 000 000'");
        }
        Result restore = run("restore --from " + backup);
        assertThat(restore.status()).isEqualTo(Failure.VERIFICATION);
        assertThat(restore.error()).contains("The backup " + backup + " has changed since it was written");
    }

    @Test
    void aPostgresBackupIsCheckedAgainstAPostgresDatabaseOnly() throws Exception {
        assumeFalse(ON_POSTGRES, "on PostgreSQL the archive is read and checked, as in"
                + " aPrintedSealOrABackupCatchesARewriteEvenWhenTheAnchorFileWentToo");
        // How pg_dump's custom format begins.
        Path archive = Files.write(temp.resolve("clinic.backup"),
                "PGDMP\u0001\u000e\u0000".getBytes(StandardCharsets.ISO_8859_1));

        Result result = run("records verify --backup " + archive);

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).startsWith("--backup: ").contains(archive + " is a backup of a PostgreSQL database");
    }

    @Test
    void aSealThatIsNotOneIsAUsageError() {
        Result result = run("records verify --seal \"yesterday\"");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).contains("--seal \"206,018 3f9a2c71d0e4b8a5\"");
    }

    /** Every page's footer ends with the seal line, in the page's smallest type. */
    private static void assertSealOnEveryPage(PdfPages pages, Seal seal) {
        String line = seal.printed();
        assertThat(line).matches("Record seal: [0-9,]+ entries, [0-9a-f]{16}");
        for (PdfPages.Page page : pages.pages()) {
            PdfPages.Line last = page.lines().getLast();
            assertThat(last.text().strip()).as("page %d", page.number()).isEqualTo(line);
            assertThat(last.minSize()).as("page %d", page.number()).isEqualTo(page.smallestSize());
        }
    }
}
