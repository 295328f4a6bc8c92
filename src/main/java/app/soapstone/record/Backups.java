package app.soapstone.record;

import app.soapstone.integrity.AuditTrail;
import app.soapstone.integrity.BackupManifest;
import app.soapstone.integrity.RecordChain;
import app.soapstone.integrity.Seal;
import app.soapstone.storage.DataLocation;
import app.soapstone.storage.DatabaseFile;
import app.soapstone.storage.DiskFailures;
import app.soapstone.storage.FileErrors;
import app.soapstone.storage.PrivateFiles;
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
 * shells may be writing (VACUUM INTO), checked before success is reported. A restore checks the
 * file first - integrity, schema version, record chain - and keeps a copy of the current
 * database before replacing it through SQLite's online backup API.
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
            Seal seal = chain.writeManifest(temp, target);
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
        } catch (IOException e) {
            throw PrivateFiles.cannotWrite("to", target, e);
        } finally {
            PrivateFiles.discardTemp(temp);
        }
    }

    /** Replaces the database with {@code from}, after checking it and keeping a copy of the current one. */
    public Restored restore(String from) {
        Path source = Path.of(from.strip()).toAbsolutePath().normalize();
        if (!Files.isRegularFile(source)) {
            throw InvalidInputException.forField("from", source + " does not exist");
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
            int known = Arrays.stream(flyway.info().all()).map(MigrationInfo::getVersion).filter(Objects::nonNull)
                    .mapToInt(v -> Integer.parseInt(v.getVersion())).max().orElse(0);
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
