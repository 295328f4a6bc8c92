package app.soapstone.support;

import app.soapstone.integrity.RecordDigests;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base for tests of the clinical-record features (audit trail, chain, backups, exports): builds
 * records through the real commands, and reaches under the application the way someone with the
 * sqlite3 tool (or psql) would, dropping (disabling) a protective trigger for one change and putting
 * it back after.
 */
public abstract class RecordsTest extends SoapstoneTest {

    @Autowired
    private RecordDigests digests;


    // ---------------------------------------------------------------- building records through commands

    protected long practitioner(String name) {
        return Long.parseLong(run("practitioner add --name \"" + name + "\" --credentials RMT").expectOk());
    }

    protected void clinic() {
        run("clinic set --name \"Calm Waters Massage\" --address \"1 Main St, Springfield\" --phone \"03 9000 0000\"")
                .expectOk();
    }

    protected long client(String first, String last) {
        return Long.parseLong(runWords("client", "add", "--first-name", first, "--last-name", last).expectOk());
    }

    /** Records an intake and returns its id. */
    protected long intake(long client, String options) {
        run("intake new --client " + client + " --cramp-frequency 3 --cramp-sites calf-left --cramp-severity 6"
                + " --consent-date " + TODAY + " --consent-by client " + options).expectOk();
        return jdbc.sql("SELECT max(id) FROM intake WHERE client_id = ?").param(client).query(Long.class).single();
    }

    /** Records a draft session with the given words as extra options and returns its id. */
    protected long session(long client, String... options) {
        List<String> words = new java.util.ArrayList<>(List.of("session", "new", "--client", String.valueOf(client)));
        words.addAll(List.of(options));
        List<String> lines = runWords(words.toArray(String[]::new)).expectOk().lines().toList();
        return Long.parseLong(lines.get(lines.size() - 1));
    }

    protected void sign(long session) {
        assertThat(run("session sign " + session).expectOk()).startsWith("Signed session " + session);
    }

    /** Adds an addendum and returns its id. */
    protected long amend(long session, String text) {
        runWords("session", "amend", String.valueOf(session), "--text", text).expectOk();
        return jdbc.sql("SELECT max(id) FROM addendum WHERE session_id = ?").param(session).query(Long.class).single();
    }

    /** A signed session with a full SOAP note. */
    protected long signedSession(long client, String subjective, String plan) {
        long id = session(client, "--subjective", subjective, "--objective", "Calf tone raised.", "--assessment",
                "Responding well.", "--plan", plan);
        sign(id);
        return id;
    }

    /**
     * A visit's receipts, as a desk puts a mistake right: the first part paid by card and by an
     * insurer, then voided; a second issued in its place takes those payments over, and is part
     * paid in cash and part refunded. The clinic's currency and {@code service}'s price must be set.
     *
     * @return the numbers of the voided receipt and of the one in force
     */
    protected long[] voidedAndReplacedReceipt(long session, long service) {
        long voided = receiptNumber(run("receipt issue --session " + session + " --service " + service
                + " --paid 50 --method card").expectOk());
        run("receipt pay " + voided + " --amount 20 --method insurance --payer \"Sun Life\"").expectOk();
        run("receipt void " + voided + " --reason \"Wrong service\"").expectOk();
        long inForce = receiptNumber(run("receipt issue --session " + session + " --service " + service
                + " --paid 10 --method cash").expectOk());
        run("receipt refund " + inForce + " --amount 5 --method cash --reason \"Parking refunded\"").expectOk();
        return new long[] {voided, inForce};
    }

    private static long receiptNumber(String issued) {
        return Long.parseLong(issued.replaceAll("(?s)Issued receipt (\\d+) .*", "$1"));
    }

    // ---------------------------------------------------------------- looking underneath

    protected long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    /** Every client row, in id order, for comparing the live database before and after. */
    protected List<Map<String, Object>> clientRows() {
        return jdbc.sql("SELECT * FROM client ORDER BY id").query().listOfRows();
    }

    protected Long defaultPractitioner() {
        return jdbc.sql("SELECT id FROM practitioner WHERE is_default").query(Long.class).optional().orElse(null);
    }

    /**
     * Runs {@code change} (raw SQL) with the trigger {@code name} dropped, as a tamperer would, and
     * recreates the trigger afterwards whatever happens: the database is shared by all tests.
     */
    protected void withoutTrigger(String name, Runnable change) {
        if (ON_POSTGRES) {
            // Turned off and on again, as its owner can: the trigger stays exactly as the migration made it.
            String table = jdbc.sql("""
                    SELECT quote_ident(c.relname) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                    WHERE t.tgname = ? AND NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace
                    """).param(name).query(String.class).single();
            jdbc.sql("ALTER TABLE " + table + " DISABLE TRIGGER \"" + name + "\"").update();
            try {
                change.run();
            } finally {
                jdbc.sql("ALTER TABLE " + table + " ENABLE TRIGGER \"" + name + "\"").update();
            }
            return;
        }
        String sql = jdbc.sql("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").param(name)
                .query(String.class).single();
        jdbc.sql("DROP TRIGGER \"" + name + "\"").update();
        try {
            change.run();
        } finally {
            jdbc.sql(sql).update();
        }
    }

    /**
     * Empties the test's PostgreSQL database as a new one is, for a restore (on PostgreSQL only into
     * an empty database): TRUNCATE fires no row guard.
     */
    protected void emptyPostgresForRestore() {
        List<String> tables = jdbc.sql("SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = current_schema()"
                + " AND tablename NOT LIKE 'flyway_%'").query(String.class).list();
        jdbc.sql("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE").update();
    }

    /**
     * Someone changing the database underneath Soapstone, on a connection of their own, who knows
     * how the chain is computed but not the clinic's key: on the SQLite file, or on PostgreSQL.
     */
    protected Tamperer tamperer() {
        BiFunction<String, Long, String> contentHash = (type, id) -> digests.digest(type, id).orElse(null);
        return ON_POSTGRES ? new PostgresTamperer(databaseUrl(), contentHash)
                : new SqliteTamperer(DATA_DIR.resolve("soapstone.db"), contentHash);
    }

    /** {@code rw-------} and the like, or null where the file system has no POSIX permissions. */
    public static String permissions(Path path) {
        try {
            return posix() ? PosixFilePermissions.toString(Files.getPosixFilePermissions(path)) : null;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static boolean posix() {
        return java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    public static String sha256(Path file) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(file)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
