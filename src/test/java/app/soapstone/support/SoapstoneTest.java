package app.soapstone.support;

import app.soapstone.shell.CommandRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.shell.core.InputReader;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Base for tests that need the application: one Spring context for all of them, on a SQLite file
 * in a fresh temp folder (never the user's database) - or, with the system property
 * {@code soapstone.test.vendor=postgresql} (the build's {@code postgresql} run), on a database of
 * this JVM's own on the test PostgreSQL server ({@link TestPostgres}) - emptied before each test, with a home
 * folder for {@code ~} in that temp folder (never the user's), with the bundled
 * templates (never the user's SOAPSTONE_TEMPLATES), printing with the Noto fonts of
 * {@code app.soapstone.pdf.TestFonts} (never the user's fonts). Each is set here, above anything
 * the environment says. {@link #run} sends a command line through the same runner the
 * interactive shell and one-shot mode use.
 */
@SpringBootTest(properties = {"spring.shell.interactive.enabled=false",
        "soapstone.db=${" + SoapstoneTest.DB_PROPERTY + "}",
        // On PostgreSQL: the password of the test server's role, and a folder for the log and anchors.
        "soapstone.pgpassfile=${" + SoapstoneTest.PASSWORD_FILE_PROPERTY + ":}",
        "soapstone.folder=${" + SoapstoneTest.DATA_DIR_PROPERTY + "}",
        // What ~ in a path option means: a folder of the tests' own, never the user's home.
        "soapstone.home=${" + SoapstoneTest.DATA_DIR_PROPERTY + "}/home",
        // Blank: the bundled templates only. Tests of overrides make their own TemplateFiles.
        "soapstone.templates=",
        // Fallback fonts from Debian's Noto folders only: never the user's font folders or SOAPSTONE_FONTS.
        "soapstone.fonts=/usr/share/fonts/truetype/noto:/usr/share/fonts/opentype/noto", "soapstone.system-fonts=false"})
@Import(TestDay.class)
public abstract class SoapstoneTest {

    /** The day the application's clock is on in these tests ({@link TestDay}). */
    protected static final LocalDate TODAY = TestDay.TODAY;

    /**
     * The database path must be known before the context starts, when the log and history
     * locations are chosen; a {@code @DynamicPropertySource} comes too late for that, and they
     * would go to the user's real data folder. So the temp folder is passed as a system property
     * (its own name, so applications started by other tests are not affected).
     */
    static final String DATA_DIR_PROPERTY = "soapstone.test.data-dir";
    /** The database the context opens: the SQLite file, or the test PostgreSQL database's address. */
    static final String DB_PROPERTY = "soapstone.test.db";
    /** On PostgreSQL, the password file holding the test role's password (never in the address). */
    static final String PASSWORD_FILE_PROPERTY = "soapstone.test.pgpassfile";
    /** Which database the tests run on: {@code sqlite} (the default) or {@code postgresql}. */
    public static final String VENDOR_PROPERTY = "soapstone.test.vendor";
    /**
     * The tag of the test classes that also run on PostgreSQL (the build's {@code postgresql}
     * execution runs the tagged ones): those whose commands work on both databases.
     */
    public static final String POSTGRESQL = "postgresql";

    protected static final Path DATA_DIR = createDataDir();

    /** Whether this JVM's tests run on PostgreSQL. */
    protected static final boolean ON_POSTGRES = POSTGRESQL.equals(System.getProperty(VENDOR_PROPERTY, "sqlite"));

    /** On PostgreSQL, the test database's address with the test role's password, for connections of a test's own. */
    private static String postgresUrl;

    /** Why the test PostgreSQL server cannot be used, when it cannot (reported by {@link #serverIsThere}). */
    private static Throwable postgresMissing;

    static {
        System.setProperty(DATA_DIR_PROPERTY, DATA_DIR.toString());
        if (ON_POSTGRES) {
            usePostgres();
        } else {
            System.setProperty(DB_PROPERTY, DATA_DIR.resolve("soapstone.db").toString());
        }
    }

    /** The triggers of the freshly migrated database, as SQLite keeps them. */
    private static List<String> migratedTriggers;

    /** On PostgreSQL, the tables to empty, children before parents (the schema does not change). */
    private static List<String> postgresTables;

    @Autowired
    protected CommandRunner runner;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    private PlatformTransactionManager transactions;

    /**
     * Empties every table. Clinical records are protected by triggers against deletion, so the
     * triggers are dropped around the clean-up and made again as the migrations made them, in one
     * transaction: a test that drops or changes one, as a tamperer would, leaves the next test the
     * guards of a fresh database. The anchor file and the clinic's key beside the database go too.
     */
    @BeforeEach
    void emptyDatabase() {
        if (ON_POSTGRES) {
            emptyPostgres();
        } else {
            emptySqlite();
        }
        // The record seal's anchors and key belong to the database just emptied.
        for (String file : List.of("soapstone.anchors", "soapstone.key")) {
            try {
                Files.deleteIfExists(DATA_DIR.resolve(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Before the context starts: without a test server the tests are skipped, or in CI failed
     * ({@link Prerequisites}), with the reason, rather than failing on a database nobody made.
     */
    @BeforeAll
    static void serverIsThere() throws Throwable {
        if (postgresMissing != null) {
            throw postgresMissing;
        }
    }

    private void emptySqlite() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.sql("PRAGMA defer_foreign_keys = ON").update();
            if (migratedTriggers == null) {
                // The first test sees the database as the migrations left it.
                migratedTriggers = jdbc.sql("SELECT sql FROM sqlite_master WHERE type = 'trigger'")
                        .query(String.class).list();
            }
            for (String name : jdbc.sql("SELECT name FROM sqlite_master WHERE type = 'trigger'").query(String.class).list()) {
                jdbc.sql("DROP TRIGGER \"" + name + "\"").update();
            }
            // Full-text tables are emptied through themselves; their shadow tables must not be touched.
            List<String> virtualTables = jdbc.sql("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")
                    .query(String.class).list();
            for (String table : jdbc.sql("""
                    SELECT name FROM sqlite_master
                    WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'flyway_%'
                    """).query(String.class).list()) {
                if (virtualTables.stream().noneMatch(v -> table.startsWith(v + "_"))) {
                    jdbc.sql("DELETE FROM \"" + table + "\"").update();
                }
            }
            // The record chain numbers its entries from 1, as in a new database.
            jdbc.sql("DELETE FROM sqlite_sequence WHERE name = 'record_chain'").update();
            migratedTriggers.forEach(sql -> jdbc.sql(sql).update());
        });
    }

    /**
     * Only the tables a test wrote to are emptied: TRUNCATE of every table (it makes new files for
     * each table and index) took a third of a second a test, several times what most tests take.
     * A table that has rows is emptied with DELETE, children before the tables they point at so
     * that no foreign key stands in the way, with its own triggers (the guards against deleting
     * final records) turned off for the moment, which the tables' owner may do (session_replication_role
     * would need a superuser). Every sequence then starts again at 1, as in a new database: the
     * identities, and the sequences the INSERT guards of audit events and care plans draw from.
     */
    private void emptyPostgres() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            if (postgresTables == null) {
                postgresTables = childrenFirst();
            }
            StringJoiner written = new StringJoiner(" UNION ALL ");
            postgresTables.forEach(table -> written.add("SELECT '" + table.replace("'", "''")
                    + "' WHERE EXISTS (SELECT 1 FROM " + table + ")"));
            List<String> withRows = jdbc.sql(written.toString()).query(String.class).list();
            for (String table : postgresTables) {
                if (withRows.contains(table)) {
                    jdbc.sql("ALTER TABLE " + table + " DISABLE TRIGGER USER").update();
                    jdbc.sql("DELETE FROM " + table).update();
                    jdbc.sql("ALTER TABLE " + table + " ENABLE TRIGGER USER").update();
                }
            }
            jdbc.sql("SELECT count(setval(c.oid, 1, false)) FROM pg_class c"
                    + " WHERE c.relkind = 'S' AND c.relnamespace = current_schema()::regnamespace").query(Long.class).single();
        });
    }

    /** The schema's tables (but Flyway's), each before every table it points at with a foreign key. */
    private List<String> childrenFirst() {
        List<String> tables = jdbc.sql("""
                SELECT quote_ident(tablename) FROM pg_tables
                WHERE schemaname = current_schema() AND tablename NOT LIKE 'flyway_%' ORDER BY tablename
                """).query(String.class).list();
        Map<String, List<String>> pointedAt = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT quote_ident(child.relname) AS child, quote_ident(parent.relname) AS parent FROM pg_constraint f
                JOIN pg_class child ON child.oid = f.conrelid JOIN pg_class parent ON parent.oid = f.confrelid
                WHERE f.contype = 'f' AND f.connamespace = current_schema()::regnamespace AND f.conrelid <> f.confrelid
                """).query((row, n) -> pointedAt.computeIfAbsent(row.getString("parent"), k -> new ArrayList<>())
                .add(row.getString("child"))).list();
        // A table goes after every table that points at it.
        List<String> order = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (String table : tables) {
            place(table, pointedAt, order, placed);
        }
        return order;
    }

    private static void place(String table, Map<String, List<String>> pointedAt, List<String> order, Set<String> placed) {
        if (placed.add(table)) {
            for (String child : pointedAt.getOrDefault(table, List.of())) {
                place(child, pointedAt, order, placed);
            }
            order.add(table);
        }
    }

    /**
     * Makes this JVM's database on the test server and points the context at it. The address holds
     * no password (Soapstone refuses one there): the role's password goes into a password file of
     * the tests' own, as a therapist's goes into ~/.pgpass. The database is dropped when the JVM ends.
     */
    private static void usePostgres() {
        TestPostgres.Database database;
        try {
            database = TestPostgres.newDatabase();
        } catch (AssertionError | RuntimeException e) {
            // No server: skipped, or in CI failed, by serverIsThere.
            postgresMissing = e;
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(database::close));
        postgresUrl = database.url();
        TestPostgres.ApplicationAddress address = database.forApplication(DATA_DIR.resolve("pgpass"));
        System.setProperty(DB_PROPERTY, address.url());
        if (address.passwordFile() != null) {
            System.setProperty(PASSWORD_FILE_PROPERTY, address.passwordFile().toString());
        }
    }

    /**
     * A connection of its own to the database the application uses, as another program would open
     * one: the SQLite file, or the PostgreSQL database as the test role. The caller closes it.
     */
    protected static Connection otherConnection() throws SQLException {
        return DriverManager.getConnection(databaseUrl());
    }

    /** The JDBC address of the database the application uses, with the test role's password on PostgreSQL. */
    protected static String databaseUrl() {
        return ON_POSTGRES ? postgresUrl : "jdbc:sqlite:" + DATA_DIR.resolve("soapstone.db");
    }

    /**
     * What to order a table's rows by to see them in the order they were added: SQLite's rowid;
     * PostgreSQL has none, so the table's primary key (the id, or the parent's id and the position).
     */
    protected String rowOrder(String table) {
        if (!ON_POSTGRES) {
            return "rowid";
        }
        List<String> key = jdbc.sql("""
                SELECT k.column_name FROM information_schema.table_constraints c
                JOIN information_schema.key_column_usage k
                  ON k.constraint_name = c.constraint_name AND k.table_schema = c.table_schema
                WHERE c.table_schema = current_schema() AND c.table_name = ? AND c.constraint_type = 'PRIMARY KEY'
                ORDER BY k.ordinal_position""").param(table).query(String.class).list();
        if (key.isEmpty()) {
            throw new IllegalStateException(table + " has no primary key");
        }
        return String.join(", ", key);
    }

    /** Runs one command line as typed in the shell. */
    protected Result run(String line) {
        return run(line, new InputReader() {
        });
    }

    protected Result run(String line, InputReader input) {
        StringWriter out = new StringWriter();
        CommandRunner.Outcome outcome = runner.run(line, new PrintWriter(out), input);
        return new Result(outcome.status(), out.toString(), outcome.error());
    }

    /** Runs one command given as separate words, the way one-shot mode receives them from the OS shell. */
    protected Result runWords(String... words) {
        StringWriter out = new StringWriter();
        CommandRunner.Outcome outcome = runner.run(List.of(words), new PrintWriter(out), new InputReader() {
        });
        return new Result(outcome.status(), out.toString(), outcome.error());
    }

    /** What a command printed, its exit status and, on failure, its error line. */
    public record Result(int status, String output, String error) {

        public boolean ok() {
            return status == 0;
        }

        /** The output, trimmed; fails the test with the error if the command failed. */
        public String expectOk() {
            if (status != 0) {
                throw new AssertionError("command failed with status " + status + ": " + error);
            }
            return output.strip();
        }
    }

    private static Path createDataDir() {
        try {
            Path dir = Files.createTempDirectory("soapstone-test-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // Only a leftover temp folder.
        }
    }
}
