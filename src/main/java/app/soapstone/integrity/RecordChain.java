package app.soapstone.integrity;

import app.soapstone.storage.DataLocation;
import app.soapstone.storage.DatabaseFile;
import app.soapstone.storage.PostgresTools;
import app.soapstone.storage.PrivateFiles;
import app.soapstone.storage.SqliteDialect;
import app.soapstone.validation.InvalidInputException;
import app.soapstone.validation.UnavailableException;
import app.soapstone.validation.VerificationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The tamper-evident chain of final records. Every record that becomes final - a signed note, an
 * addendum, an intake version, a clearance, a care plan given, an audit event - gets a link whose
 * hash covers the record's content and the link before it; with the clinic's key, an HMAC under
 * the key. After each transaction that adds links, the new head is appended to the anchor file
 * beside the database. {@link #verify} recomputes everything from what the database now holds and
 * checks it against the anchors and the key.
 */
@Component
public class RecordChain {

    private static final Logger LOG = LoggerFactory.getLogger(RecordChain.class);

    /** The "previous hash" of the first link. */
    static final String GENESIS = "0".repeat(64);
    /** The schema version from which every kind of final record is in the chain (before: notes and addenda). */
    static final int EVERY_KIND_SINCE = 13;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final RecordDigests digests;
    private final ClinicKey key;
    private final AnchorFile anchors;
    private final DataLocation location;
    private final Clock clock;

    RecordChain(JdbcClient jdbc, JdbcTemplate template, RecordDigests digests, ClinicKey key, DataLocation location,
            Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.digests = digests;
        this.key = key;
        this.anchors = new AnchorFile(location.anchorFile());
        this.location = location;
        this.clock = clock;
    }

    /**
     * What a check found: the chain's seal (entries and head), how many records of each kind it
     * links, the problems (none if all is well), a line for each anchor checked and one for the key.
     */
    public record Verification(Seal seal, Map<FinalRecord, Long> counts, List<String> problems, List<String> anchors,
            String key) {

        /** A database with no chain yet (before schema version 5): nothing to check. */
        public static final Verification NOTHING = new Verification(Seal.EMPTY, Map.of(), List.of(), List.of(), "");

        public boolean intact() {
            return problems.isEmpty();
        }

        public long entries() {
            return seal.entries();
        }

        public long sessions() {
            return counts.getOrDefault(FinalRecord.SESSION, 0L);
        }

        public long addenda() {
            return counts.getOrDefault(FinalRecord.ADDENDUM, 0L);
        }

        /** "12 entries: 3 signed notes, 1 addendum, 8 audit events" */
        public String summary() {
            String kinds = counts.entrySet().stream().filter(e -> e.getValue() > 0 || e.getKey() == FinalRecord.SESSION)
                    .map(e -> e.getKey().count(e.getValue())).collect(Collectors.joining(", "));
            return String.format(Locale.ROOT, "%,d %s: %s", seal.entries(),
                    seal.entries() == 1 ? "entry" : "entries", kinds);
        }
    }

    /**
     * Appends the link for a record that has just become final, in the same transaction as that
     * change. With the clinic's key the link is keyed; once the chain is keyed, no link is made
     * without the key.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void link(String type, long id) {
        FinalRecord.require(type);
        String content = digests.digest(type, id).orElseThrow(() -> new IllegalStateException(type + " " + id + " not found"));
        Map<String, Object> head = jdbc.sql("SELECT hash, key_id FROM record_chain ORDER BY seq DESC LIMIT 1").query()
                .listOfRows().stream().findFirst().orElse(null);
        String previous = head == null ? GENESIS : (String) head.get("hash");
        String keyedWith = head == null ? null : (String) head.get("key_id");
        Optional<SealKey> clinicKey = key.key();
        if (keyedWith != null && !clinicKey.map(SealKey::id).orElse("").equals(keyedWith)) {
            throw new UnavailableException("The record chain is keyed with the clinic's key " + keyedWith + ", which is"
                    + " not in " + key.file() + ". Nothing was changed. Put the key file back, then try again.");
        }
        String text = RecordDigests.linkText(previous, type, id, content);
        String hash = clinicKey.map(k -> k.hash(text)).orElseGet(() -> RecordDigests.sha256(text));
        // RETURNING (SQLite 3.35+ and PostgreSQL): the seq the database chose, on either.
        long seq = jdbc.sql("""
                        INSERT INTO record_chain (record_type, record_id, content_hash, previous_hash, hash, linked_at, key_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        RETURNING seq""")
                .param(type).param(id).param(content).param(previous).param(hash)
                .param(SqliteDialect.INSTANT_TEXT.format(clock.instant()))
                .param(clinicKey.map(SealKey::id).orElse(null))
                .query(Long.class).single();
        pending().ifPresent(anchor -> anchor.seal = new Seal(seq, hash));
    }

    /**
     * Says what the links of this transaction are for, in the audit trail's words; when it commits,
     * the chain's new head is anchored with them. The first reason given in a transaction is kept.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void anchorAtCommit(String action, String summary) {
        pending().ifPresent(anchor -> {
            if (anchor.action == null) {
                anchor.action = action;
                anchor.summary = summary;
            }
        });
    }

    /** The chain as it is now: its seal, as printed on charts and plans. */
    @Transactional(readOnly = true)
    public Seal seal() {
        return jdbc.sql("SELECT seq, hash FROM record_chain ORDER BY seq DESC LIMIT 1")
                .query((row, n) -> new Seal(row.getLong(1), row.getString(2))).optional().orElse(Seal.EMPTY);
    }

    /** The clinic's key, if the clinic has one: its id, to name it. */
    public Optional<String> keyId() {
        return key.key().map(SealKey::id);
    }

    /**
     * Recomputes every link and every final record's content hash from what the database holds,
     * and checks the chain against the anchor file, the key and the {@code external} anchors. In one
     * snapshot (REPEATABLE READ: on PostgreSQL one snapshot for the whole transaction, where READ
     * COMMITTED would take one per query), so a check while others write sees one chain, each
     * record as that chain's link hashed it; on SQLite a read transaction sees one snapshot anyway.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Verification verify(List<ChainCheck.External> external) {
        Optional<SealKey> clinicKey;
        List<String> keyProblems = new ArrayList<>();
        try {
            clinicKey = key.key();
        } catch (UnavailableException e) {
            clinicKey = Optional.empty();
            keyProblems.add(e.getMessage().replace(" Nothing was changed.", ""));
        }
        SealKey found = clinicKey.orElse(null);
        Verification result = template.execute((ConnectionCallback<Verification>) connection ->
                new ChainCheck(connection, found, key.file(), anchors, clock.instant(), external).run());
        if (keyProblems.isEmpty()) {
            return result;
        }
        List<String> problems = new ArrayList<>(keyProblems);
        problems.addAll(result.problems());
        return new Verification(result.seal(), result.counts(), problems, result.anchors(), result.key());
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Verification verify() {
        return verify(List.of());
    }

    /**
     * Checks a backup before it is restored, opened read-only on {@code connection}: its chain
     * against itself and the clinic's key, the file against its manifest if it has one beside it,
     * and its chain against the anchors of the database it would replace - a backup of this database
     * has every entry they recorded, up to its own length. A backup from before the chain has
     * nothing to check.
     */
    public Verification verifyBackup(Path file, Connection connection) throws SQLException {
        if (!ChainCheck.hasTable(connection, "record_chain")) {
            return Verification.NOTHING;
        }
        List<String> problems = new ArrayList<>();
        List<ChainCheck.External> external = new ArrayList<>();
        manifestOf(file, problems, external);
        ChainCheck check = new ChainCheck(connection, key.key().orElse(null), key.file(), null, clock.instant(), external);
        Verification backup = check.run();
        problems.addAll(backup.problems());
        try {
            AnchorFile.Contents contents = anchors.read();
            for (int i = contents.currentFrom(); i < contents.size(); i++) {
                if (contents.entries(i) <= backup.entries() && !check.matches(contents, i)) {
                    AnchorFile.Anchor anchor = contents.anchor(i);
                    problems.add("It does not match " + anchor.describe() + " at entry " + anchor.seal().entries()
                            + " in " + anchors.path() + ": it is not an earlier copy of this database, or it has been"
                            + " changed. If it is the database of another installation, move that anchor file aside"
                            + " first.");
                    break;
                }
            }
        } catch (IOException e) {
            problems.add("Cannot read the anchor file " + anchors.path() + " (" + e.getMessage() + ")");
        }
        return new Verification(backup.seal(), backup.counts(), problems, backup.anchors(), backup.key());
    }

    /** The manifest beside {@code backup}, if any, as an anchor, and whether the backup still has its SHA-256. */
    private static void manifestOf(Path backup, List<String> problems, List<ChainCheck.External> external) {
        Path manifestFile = BackupManifest.besides(backup);
        if (!Files.exists(manifestFile)) {
            return;
        }
        try {
            Optional<BackupManifest> manifest = BackupManifest.read(manifestFile);
            if (manifest.isEmpty()) {
                problems.add(manifestFile + " is not a backup manifest Soapstone can read");
                return;
            }
            String sha256 = BackupManifest.sha256(backup);
            if (!sha256.equals(manifest.get().sha256())) {
                problems.add("The backup " + backup + " has changed since it was written: its SHA-256 is now "
                        + sha256.substring(0, 16) + "..., its manifest says " + manifest.get().sha256());
            }
            external.add(new ChainCheck.External("the backup's manifest " + manifestFile, manifest.get().seal()));
        } catch (IOException e) {
            problems.add("Cannot read " + manifestFile + " (" + e.getMessage() + ")");
        }
    }

    /**
     * Writes the manifest of a backup: its SHA-256 and the seal of the database in it, read from
     * {@code snapshot} (the backup before it is moved into place), into {@code <backup>.manifest},
     * owner-only, replacing one left there by an earlier backup. Returns the seal it holds.
     */
    public Seal writeManifest(Path snapshot, Path backup) {
        Seal backupSeal;
        try (Connection connection = readOnly(snapshot);
             Statement statement = connection.createStatement();
             ResultSet head = statement.executeQuery(
                     "SELECT seq, hash FROM record_chain ORDER BY seq DESC LIMIT 1")) {
            backupSeal = head.next() ? new Seal(head.getLong(1), head.getString(2)) : Seal.EMPTY;
        } catch (SQLException e) {
            throw new VerificationFailedException("Could not read the backup to write its manifest (" + e.getMessage()
                    + "); nothing was written to " + backup);
        }
        return writeManifest(snapshot, backup, backupSeal);
    }

    /**
     * Writes the manifest of a backup whose seal the caller read ({@code pg_dump}'s archive, read
     * through {@code pg_restore}): the SHA-256 of {@code snapshot} and {@code backupSeal}.
     */
    public Seal writeManifest(Path snapshot, Path backup, Seal backupSeal) {
        Path manifestFile = BackupManifest.besides(backup);
        String sha256;
        try {
            sha256 = BackupManifest.sha256(snapshot);
        } catch (IOException e) {
            throw new VerificationFailedException("Could not read the backup to write its manifest (" + e.getMessage()
                    + "); nothing was written to " + backup);
        }
        BackupManifest manifest = BackupManifest.of(backup, clock.instant(), sha256, backupSeal, keyId().orElse(null));
        PrivateFiles.write("to", manifestFile, manifest.text().getBytes(StandardCharsets.UTF_8), true);
        return backupSeal;
    }

    /**
     * The anchors {@code file} holds for {@code records verify --backup}: a backup manifest's seal,
     * or a backup's own (and its manifest's, if one is beside it).
     */
    List<ChainCheck.External> anchorsIn(Path file, List<String> problems) {
        List<ChainCheck.External> external = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            throw InvalidInputException.forField("backup", file + " does not exist");
        }
        try {
            if (PostgresTools.isArchive(file)) {
                // pg_dump's archive: its chain is read out of it with pg_restore, as backup checks it.
                if (!location.onPostgres()) {
                    throw InvalidInputException.forField("backup", file + " is a backup of a PostgreSQL database"
                            + " (pg_dump's archive): check it against that database");
                }
                external.add(new ChainCheck.External("backup " + file, Seal.inArchive(postgresTools(), file)));
                manifestOf(file, problems, external);
                return external;
            }
            if (!DatabaseFile.isSqlite(file)) {
                BackupManifest manifest = BackupManifest.read(file).orElseThrow(() -> InvalidInputException.forField(
                        "backup", file + " is neither a backup nor a backup's manifest"));
                external.add(new ChainCheck.External("backup manifest " + file + " (written " + manifest.written() + ")",
                        manifest.seal()));
                return external;
            }
            try (Connection connection = readOnly(file)) {
                if (!ChainCheck.hasTable(connection, "record_chain")) {
                    throw InvalidInputException.forField("backup", file + " is from before the record chain: it has no"
                            + " seal to check against");
                }
                try (Statement statement = connection.createStatement();
                     ResultSet head = statement.executeQuery(
                             "SELECT seq, hash FROM record_chain ORDER BY seq DESC LIMIT 1")) {
                    Seal backupSeal = head.next() ? new Seal(head.getLong(1), head.getString(2)) : Seal.EMPTY;
                    external.add(new ChainCheck.External("backup " + file, backupSeal));
                }
            }
            manifestOf(file, problems, external);
        } catch (IOException | SQLException e) {
            throw InvalidInputException.forField("backup", "cannot read " + file + " (" + e.getMessage() + ")");
        }
        return external;
    }

    /** pg_dump and pg_restore from the PATH, no older than this PostgreSQL database's server. */
    public PostgresTools postgresTools() {
        int serverVersion = jdbc.sql("SHOW server_version_num").query(Integer.class).single();
        return PostgresTools.find(location.server(), serverVersion / 10_000, System.getenv("PATH"));
    }

    private static Connection readOnly(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        return DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
    }

    /** The anchor file beside the database. */
    public AnchorFile anchorFile() {
        return anchors;
    }

    // ---------------------------------------------------------------- anchoring at commit

    /** The anchor a transaction will write when it commits. */
    private final class PendingAnchor implements TransactionSynchronization {
        Seal seal;
        String action;
        String summary;

        @Override
        public void afterCommit() {
            if (seal == null) {
                return;
            }
            try {
                anchors.append(clock.instant(), seal, action == null ? "link" : action,
                        summary == null ? "Linked records" : summary);
            } catch (IOException | RuntimeException e) {
                // The change itself is committed; 'records verify' will report the entries no anchor covers.
                LOG.warn("Could not append to the anchor file {}: {}", anchors.path(), e.toString());
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(RecordChain.this);
        }
    }

    private Optional<PendingAnchor> pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Optional.empty();
        }
        PendingAnchor pending = (PendingAnchor) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new PendingAnchor();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        return Optional.of(pending);
    }
}
