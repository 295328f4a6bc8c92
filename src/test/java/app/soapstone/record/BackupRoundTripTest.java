package app.soapstone.record;

import app.soapstone.shell.Failure;
import app.soapstone.support.Prerequisites;
import app.soapstone.support.RecordsTest;
import app.soapstone.support.SoapstoneTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@code backup} and {@code restore} on either database, through the commands: on SQLite the
 * snapshot file, on PostgreSQL pg_dump's archive restored with pg_restore into an empty database.
 * Every record - receipts, voids and payments too - comes back as it was, the guards with them,
 * and a backup changed since it was written is refused (on PostgreSQL the database is left empty,
 * as it was).
 */
@Tag(SoapstoneTest.POSTGRESQL)
class BackupRoundTripTest extends RecordsTest {

    /** The tables of final records and what they hang from, each ordered by its key. */
    private static final Map<String, String> TABLES = tables();

    @TempDir
    Path temp;

    @BeforeEach
    void postgresToolsAreThere() {
        if (ON_POSTGRES) {
            Prerequisites.require(onPath("pg_dump") && onPath("pg_restore"), "pg_dump and pg_restore are not on the"
                    + " PATH: install PostgreSQL's client tools (Debian: apt-get install postgresql-client-15)");
        }
    }

    @Test
    void aBackupRestoredBringsBackEveryRecordAndItsGuards() throws Exception {
        fillPractice();
        Map<String, List<Map<String, Object>>> before = rows();
        Path backup = temp.resolve("clinic.backup");

        String written = run("backup --to " + backup).expectOk();
        assertThat(written).startsWith("Backed up to " + backup);
        assertThat(Files.readString(backup.resolveSibling("clinic.backup.manifest")))
                .contains("entries: " + before.get("record_chain").size());
        if (ON_POSTGRES) {
            assertThat(Files.readAllBytes(backup)).startsWith("PGDMP".getBytes());
            // Into a non-empty database: refused, nothing changed.
            var refused = run("restore --from " + backup);
            assertThat(refused.status()).isEqualTo(Failure.CONFLICT);
            assertThat(refused.error()).contains("restored into an empty database", "was not changed");
            emptyPostgresForRestore();
        } else {
            client("Added", "Later");
        }

        String restored = run("restore --from " + backup).expectOk();
        assertThat(restored).startsWith("Restored from " + backup + " (2 signed notes and 1 addenda verified)");
        Map<String, List<Map<String, Object>>> after = rows();
        for (String table : TABLES.keySet()) {
            List<Map<String, Object>> had = before.get(table);
            // The audit trail and the chain go on with the backup's and the restore's events.
            assertThat(table.equals("audit_event") || table.equals("record_chain")
                    ? after.get(table).subList(0, had.size()) : after.get(table)).as(table).isEqualTo(had);
        }
        assertThat(after.get("receipt")).hasSize(2);
        assertThat(after.get("receipt_payment")).hasSize(8);
        assertThat(run("records verify").expectOk()).startsWith("Verified the record chain")
                .contains("2 receipts, 1 void, 8 payments and refunds");
        assertThat(run("db check").expectOk()).contains("Guards:        ok");
        // The receipts are final again: the desk puts right with a void, never an edit.
        assertThat(run("receipt pay 1 --amount 1 --method cash").error()).contains("Receipt 1 is void");
        assertThat(catchThrowable(() -> jdbc.sql("UPDATE receipt SET total_minor = 0, fee_minor = 0, tax_minor = 0")
                .update())).hasMessageContaining("receipts are final");
        var changed = runWords("session", "edit", String.valueOf(signedSessionId()), "--plan", "rewritten");
        assertThat(changed.status()).isNotZero();
        // New records continue after the restored ids.
        assertThat(client("After", "Restore")).isEqualTo(maxClientBefore(before) + 1);
    }

    @Test
    void aBackupChangedSinceItWasWrittenIsRefused() throws Exception {
        fillPractice();
        Path backup = temp.resolve("clinic.backup");
        run("backup --to " + backup).expectOk();
        Files.write(backup, new byte[] {0}, StandardOpenOption.APPEND);
        if (ON_POSTGRES) {
            emptyPostgresForRestore();
        }
        Map<String, List<Map<String, Object>>> before = rows();

        var refused = run("restore --from " + backup);
        assertThat(refused.status()).isEqualTo(Failure.VERIFICATION);
        assertThat(refused.error()).contains("has changed since it was written");
        assertThat(rows()).isEqualTo(before);
    }

    // ---------------------------------------------------------------- helpers

    private void fillPractice() {
        clinic();
        practitioner("Alex Doe");
        long zoe = client("Zoë", "Brontë");
        intake(zoe, "");
        long first = session(zoe, "--subjective", "Calf tight", "--plan", "Stretch", "--modalities", "swedish",
                "--areas", "calf-left");
        sign(first);
        amend(first, "Better by phone");
        signedSession(zoe, "Second visit", "Walk");
        session(zoe, "--subjective", "A draft");
        run("clinic set --currency CAD").expectOk();
        run("service add --name \"Massage 60\" --minutes 60 --price 120.00 --tax-rate 13 --tax-name HST").expectOk();
        voidedAndReplacedReceipt(first, 1);
    }

    private long signedSessionId() {
        return jdbc.sql("SELECT min(id) FROM session WHERE signed_at IS NOT NULL").query(Long.class).single();
    }

    private static long maxClientBefore(Map<String, List<Map<String, Object>>> rows) {
        return rows.get("client").stream().mapToLong(row -> ((Number) row.get("id")).longValue()).max().orElse(0);
    }

    private Map<String, List<Map<String, Object>>> rows() {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        TABLES.forEach((table, order) -> rows.put(table, jdbc.sql("SELECT * FROM " + table + " ORDER BY " + order)
                .query().listOfRows()));
        return rows;
    }

    private static Map<String, String> tables() {
        Map<String, String> tables = new LinkedHashMap<>();
        for (String table : List.of("clinic", "practitioner", "client", "intake", "session", "addendum", "service",
                "receipt", "receipt_void", "receipt_payment", "audit_event")) {
            tables.put(table, "id");
        }
        tables.put("intake_site", "intake_id, position");
        tables.put("session_modality", "session_id, position");
        tables.put("session_area", "session_id, position");
        tables.put("record_chain", "seq");
        return tables;
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String folder : path.split(File.pathSeparator)) {
            if (!folder.isBlank() && Files.isExecutable(Path.of(folder, tool))) {
                return true;
            }
        }
        return false;
    }
}
