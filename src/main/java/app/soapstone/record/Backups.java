package app.soapstone.record;

import app.soapstone.integrity.AuditTrail;
import app.soapstone.integrity.BackupManifest;
import app.soapstone.integrity.RecordChain;
import app.soapstone.integrity.Seal;
import app.soapstone.storage.DataLocation;
import app.soapstone.storage.DatabaseFile;
import app.soapstone.storage.DiskFailures;
import app.soapstone.storage.FileErrors;
import app.soapstone.storage.PostgresTools;
import app.soapstone.storage.PrivateFiles;
import app.soapstone.validation.ConflictException;
import app.soapstone.validation.InvalidInputException;
import app.soapstone.validation.UnavailableException;
import app.soapstone.validation.VerificationFailedException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Backing up and restoring the database. A backup is a consistent snapshot taken while other
 * shells may be writing (VACUUM INTO; on PostgreSQL pg_dump), checked before success is reported. A
 * restore checks the file first - integrity, schema version, record chain - and keeps a copy of
 * the current database before replacing it through SQLite's online backup API; on PostgreSQL it
 * goes into an empty database through pg_restore and is checked once there.
 */
@Service
public class Backups {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final DataSource dataSource;
    private final DataLocation location;
    private final Flyway flyway;
    private final AuditTrail audit;
    private final RecordChain chain;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Backups(DataSource dataSource, DataLocation location, Flyway flyway, AuditTrail audit, RecordChain chain,
            PlatformTransactionManager transactions, Clock clock) {
        this.dataSource = dataSource;
        this.chain = chain;
        this.location = location;
        this.flyway = flyway;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** A file that was written and checked, with its size. */
    /** A backup written: its file and size, and the manifest beside it with the record seal it holds. */
    public record Written(Path file, long bytes, Path manifest, Seal seal) {
    }

    /** What a restore did: the copy kept of the database it replaced, and what it checked. */
    public record Restored(Path previousCopy, long signedNotes, long addenda) {
    }

    /** Writes a checked snapshot of the database to {@code to}. */
    public Written backup(String to, boolean force) {
        Path target = Path.of(to.strip()).toAbsolutePath().normalize();
        if (location.onPostgres()) {
            return dumpPostgres(target, force);
        }
        if (target.equals(location.database().toAbsolutePath().normalize())) {
            throw InvalidInputException.forField("to", "that is the database itself; choose another file");
        }
        PrivateFiles.checkTarget("to", target, force);
        Path temp = PrivateFiles.createTemp("to", target);
        try {
            snapshot(temp, target);
            List<String> problems = integrity(temp);
            if (!problems.isEmpty()) {
                throw new VerificationFailedException("The backup failed its integrity check ("
                        + String.join("; ", problems) + "); nothing was written to " + target);
            }
            // The seal of the backup beside it, so that it anchors the records wherever it is kept.
            return placeBackup(temp, target, chain.writeManifest(temp, target));
        } catch (IOException e) {
            throw PrivateFiles.cannotWrite("to", target, e);
        } finally {
            PrivateFiles.discardTemp(temp);
        }
    }

    /** Moves a checked backup, whose manifest is written, into place, and records it in the audit trail. */
    private Written placeBackup(Path temp, Path target, Seal seal) throws IOException {
        Path manifest = BackupManifest.besides(target);
        try {
            PrivateFiles.moveIntoPlace(temp, target);
        } catch (IOException e) {
            PrivateFiles.deleteQuietly(manifest);
            throw e;
        }
        transaction.executeWithoutResult(status -> audit.record("backup", "database", null, null,
                "Backed up to " + target));
        return new Written(target, Files.size(target), manifest, seal);
    }

    /** Replaces the database with {@code from}, after checking it and keeping a copy of the current one. */
    public Restored restore(String from) {
        Path source = Path.of(from.strip()).toAbsolutePath().normalize();
        if (!Files.isRegularFile(source)) {
            throw InvalidInputException.forField("from", source + " does not exist");
        }
        if (location.onPostgres()) {
            return restorePostgres(source);
        }
        if (source.equals(location.database().toAbsolutePath().normalize())) {
            throw InvalidInputException.forField("from", "that is the database itself");
        }
        requireSqlite(source);
        List<String> problems = integrity(source);
        if (!problems.isEmpty()) {
            throw new VerificationFailedException(source + " is damaged (" + String.join("; ", problems)
                    + "); the database was not changed");
        }
        RecordChain.Verification chain = checkBackup(source);
        Path previous = keepPreviousCopy();
        try (Connection connection = dataSource.getConnection()) {
            connection.unwrap(SQLiteConnection.class).getDatabase().restore("main", source.toString(), null);
        } catch (SQLException e) {
            throw new VerificationFailedException("The restore failed (" + e.getMessage()
                    + "); the database from before it is kept in " + previous);
        }
        flyway.migrate();
        transaction.executeWithoutResult(status -> audit.record("restore", "database", null, null,
                "Restored from " + source + "; previous database kept in " + previous));
        return new Restored(previous, chain.sessions(), chain.addenda());
    }

    // ---------------------------------------------------------------- PostgreSQL: pg_dump and pg_restore

    /**
     * A backup of a PostgreSQL database: pg_dump's archive (-Fc), one consistent snapshot, checked
     * by reading its record chain back through pg_restore - its seal must be an entry of this
     * database's chain - before success is reported, with the manifest beside it as on SQLite.
     */
    private Written dumpPostgres(Path target, boolean force) {
        PrivateFiles.checkTarget("to", target, force);
        PostgresTools tools = chain.postgresTools();
        Path temp = PrivateFiles.createTemp("to", target);
        try {
            tools.dump(temp);
            PrivateFiles.restrict(temp);
            Seal seal = Seal.inArchive(tools, temp);
            boolean ours = seal.entries() == 0 || JdbcClient.create(dataSource)
                    .sql("SELECT hash FROM record_chain WHERE seq = ?").param(seal.entries()).query(String.class)
                    .optional().filter(seal.head()::equals).isPresent();
            if (!ours) {
                throw new VerificationFailedException("The backup's record chain does not match the database's at entry "
                        + seal.entries() + "; nothing was written to " + target);
            }
            return placeBackup(temp, target, chain.writeManifest(temp, target, seal));
        } catch (IOException e) {
            throw PrivateFiles.cannotWrite("to", target, e);
        } finally {
            PrivateFiles.discardTemp(temp);
        }
    }

    /**
     * Restores a pg_dump archive into this PostgreSQL database, which must hold no record: the
     * archive must be a Soapstone database no newer than this version; once restored, its chain is
     * checked against its manifest, the clinic's key and this database's anchors as on SQLite, and a
     * restore that fails the check is taken out again, leaving the database empty as it was.
     */
    private Restored restorePostgres(Path source) {
        try {
            if (!PostgresTools.isArchive(source)) {
                throw new VerificationFailedException(source + " is not a PostgreSQL backup (pg_dump's custom format,"
                        + " as 'backup' writes on PostgreSQL); the database was not changed");
            }
        } catch (IOException e) {
            throw InvalidInputException.forField("from", "cannot read " + source + " (" + FileErrors.describe(e) + ")");
        }
        JdbcClient jdbc = JdbcClient.create(dataSource);
        List<String> held = new ArrayList<>();
        for (String table : List.of("client", "practitioner", "session", "intake", "audit_event", "record_chain")) {
            long rows = jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
            if (rows > 0) {
                held.add(rows + " in " + table);
            }
        }
        if (!held.isEmpty()) {
            throw new ConflictException("This database holds records (" + String.join(", ", held) + "): on PostgreSQL a"
                    + " backup is restored into an empty database. Create one (createdb), point "
                    + DataLocation.DATABASE_VARIABLE + " at it and restore there. The database was not changed.");
        }
        PostgresTools tools = chain.postgresTools();
        int newest = 0;
        for (String row : tools.rows(source, "flyway_schema_history")) {
            String[] columns = row.split("\t", -1);
            if (columns.length > 9 && columns[9].equals("t") && columns[1].matches("\\d+")) {
                newest = Math.max(newest, Integer.parseInt(columns[1]));
            }
        }
        if (newest == 0) {
            throw new VerificationFailedException(source + " is not a Soapstone database; the database was not changed");
        }
        int known = knownVersion();
        if (newest > known) {
            throw new VerificationFailedException(source + " was written by a newer version of Soapstone (schema "
                    + newest + "; this version knows up to " + known + "); the database was not changed");
        }
        tools.restore(source);
        flyway.migrate();
        RecordChain.Verification verified;
        try (Connection connection = dataSource.getConnection()) {
            verified = chain.verifyBackup(source, connection);
        } catch (SQLException e) {
            verified = null;
        }
        if (verified == null || !verified.intact()) {
            emptyAgain();
            throw new VerificationFailedException(source + " failed verification; the database is empty again, as"
                    + " before the restore:\n  " + (verified == null ? "it could not be read"
                    : String.join("\n  ", verified.problems())));
        }
        transaction.executeWithoutResult(status -> audit.record("restore", "database", null, null,
                "Restored from " + source));
        return new Restored(null, verified.sessions(), verified.addenda());
    }

    private int knownVersion() {
        return Arrays.stream(flyway.info().all()).map(MigrationInfo::getVersion).filter(Objects::nonNull)
                .mapToInt(v -> Integer.parseInt(v.getVersion())).max().orElse(0);
    }

    /**
     * Takes a restore that failed its check out again: the tables and functions it made are
     * dropped (dropping fires no row guard) and the schema made afresh, empty, as before it.
     */
    private void emptyAgain() {
        transaction.executeWithoutResult(status -> {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            for (String table : jdbc.sql("SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = current_schema()")
                    .query(String.class).list()) {
                jdbc.sql("DROP TABLE IF EXISTS " + table + " CASCADE").update();
            }
            for (String function : jdbc.sql("""
                    SELECT p.oid::regprocedure::text FROM pg_proc p
                    WHERE p.pronamespace = current_schema()::regnamespace
                      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')""")
                    .query(String.class).list()) {
                jdbc.sql("DROP FUNCTION IF EXISTS " + function + " CASCADE").update();
            }
        });
        flyway.migrate();
    }

    /**
     * A copy of the database a restore replaces, owner-only, named after the time (a second
     * restore within the same second gets its own file). It is written under a part file's name,
     * so that a restore killed meanwhile leaves no half copy that looks whole.
     */
    private Path keepPreviousCopy() {
        String stamp = STAMP.format(clock.instant().atZone(clock.getZone()));
        Path first = location.directory().resolve("soapstone-before-restore-" + stamp + ".db");
        Path temp = null;
        try {
            temp = PrivateFiles.createTemp(first);
            snapshot(temp, first);
            for (int n = 1; ; n++) {
                Path candidate = n == 1 ? first
                        : location.directory().resolve("soapstone-before-restore-" + stamp + "-" + n + ".db");
                try {
                    PrivateFiles.moveIntoNewPlace(temp, candidate);
                    return candidate;
                } catch (FileAlreadyExistsException e) {
                    // Taken: try the next number.
                }
            }
        } catch (IOException e) {
            throw new VerificationFailedException("Could not keep a copy of the database in " + location.directory()
                    + " (" + FileErrors.describe(e) + "); the database was not changed");
        } finally {
            PrivateFiles.discardTemp(temp);
        }
    }

    /**
     * A consistent copy of the live database, owner-only, into an empty or missing file;
     * {@code named} is the file a user knows it as (the backup, not its temp file).
     */
    private void snapshot(Path target, Path named) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("VACUUM INTO '" + target.toString().replace("'", "''") + "'");
            PrivateFiles.restrict(target);
        } catch (SQLException | IOException e) {
            UnavailableException full = DiskFailures.diskFull(e, named);
            throw full != null ? full
                    : new VerificationFailedException("Could not copy the database to " + named + " (" + e.getMessage() + ")");
        }
    }

    /** The problems {@code PRAGMA integrity_check} finds in a file, opened read-only. */
    private static List<String> integrity(Path file) {
        try (Connection connection = readOnly(file); Statement statement = connection.createStatement();
             var rows = statement.executeQuery("PRAGMA integrity_check")) {
            List<String> problems = new ArrayList<>();
            while (rows.next()) {
                problems.add(rows.getString(1));
            }
            return problems.equals(List.of("ok")) ? List.of() : problems;
        } catch (SQLException e) {
            return List.of(e.getMessage());
        }
    }

    /**
     * A backup must be a Soapstone database no newer than this version, with an intact record chain
     * that agrees with its manifest and the anchors of this database.
     */
    private RecordChain.Verification checkBackup(Path file) {
        try (Connection connection = readOnly(file)) {
            JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            boolean soapstone = jdbc.sql("SELECT count(*) FROM sqlite_master WHERE name = 'flyway_schema_history'")
                    .query(Integer.class).single() == 1;
            if (!soapstone) {
                throw new VerificationFailedException(file + " is not a Soapstone database; the database was not changed");
            }
            Integer newest = jdbc.sql("SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success = 1")
                    .query(Integer.class).single();
            int known = knownVersion();
            if (newest != null && newest > known) {
                throw new VerificationFailedException(file + " was written by a newer version of Soapstone (schema "
                        + newest + "; this version knows up to " + known + "); the database was not changed");
            }
            // Before the record chain (schema 4 or older) there is nothing to verify yet: the migration
            // after the restore starts the chain with the records that are final.
            RecordChain.Verification chain = this.chain.verifyBackup(file, connection);
            if (!chain.intact()) {
                throw new VerificationFailedException(file + " failed verification; the database was not changed:\n  "
                        + String.join("\n  ", chain.problems()));
            }
            return chain;
        } catch (SQLException e) {
            throw new VerificationFailedException("Cannot read " + file + " (" + e.getMessage() + ")");
        }
    }

    private static void requireSqlite(Path file) {
        try {
            if (!DatabaseFile.isSqlite(file)) {
                throw new VerificationFailedException(file + " is not a SQLite database; the database was not changed");
            }
        } catch (IOException e) {
            throw InvalidInputException.forField("from", "cannot read " + file + " (" + FileErrors.describe(e) + ")");
        }
    }

    private static Connection readOnly(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        return DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
    }
}
