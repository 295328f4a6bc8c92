package app.soapstone.integrity;

import app.soapstone.storage.DataLocation;
import app.soapstone.storage.FileErrors;
import app.soapstone.storage.OtherDatabase;
import app.soapstone.storage.PrivateFiles;
import app.soapstone.validation.ConflictException;
import app.soapstone.validation.InvalidInputException;
import app.soapstone.validation.UnavailableException;
import app.soapstone.validation.VerificationFailedException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code db copy}: moves a practice from one database to another - a SQLite file to PostgreSQL or
 * back - keeping every record as it is: ids, signatures, the record chain and the audit trail.
 *
 * <p>The target's guards stay on. They refuse a signed note inserted signed, a list added to an
 * intake or note that is final, a link that does not follow the chain's head, an audit event under
 * an id given before: so the rows go in in an order a practice could have written them (each
 * intake version with its clearances before the next, notes as drafts with their lists, then
 * signed, each addendum just before its link, the chain in order) with the original ids and
 * sequence numbers given, which the guards check rather than choose. Nothing is lifted for the
 * copy, so it opens no way around them. All of it is one transaction on the target, checked as
 * {@code records verify} checks before it commits; then the clinic's key and an anchor are put
 * where {@code records verify} against the target looks for them, and it is checked again so.
 */
@Service
public class DatabaseCopy {

    /** The tables copied, parents first. Any other table in the target stops the copy (see {@link #checkTables}). */
    private static final List<String> TABLES = List.of("clinic", "practitioner", "practitioner_hours", "client",
            "service", "appointment", "intake", "intake_site", "intake_condition", "intake_red_flag",
            "intake_consent_element", "intake_medication", "intake_surgery",
            "intake_clearance", "session", "session_modality", "session_area", "addendum", "care_plan_export",
            "receipt", "receipt_payment", "receipt_void", "audit_event", "record_chain");
    /** Tables of an intake's lists and of a note's lists, copied whole after their parents. */
    private static final List<String> INTAKE_LISTS = List.of("intake_site", "intake_condition", "intake_red_flag",
            "intake_consent_element", "intake_medication", "intake_surgery");
    /**
     * Kept by the databases' own triggers: the note search from the notes and addenda, and on
     * PostgreSQL the audit trail's count of its events (V019), as the copied events go in. Then
     * the migrations' history.
     */
    private static final Set<String> NOT_COPIED = Set.of("note_search", "audit_event_last_id", "flyway_schema_history");
    /** The anchor that starts the target's anchor file over (as a restore does): its action. */
    private static final String ANCHOR_ACTION = AnchorFile.RESTORE;
    /** How that anchor's summary starts, which tells it from a restore's. */
    static final String ANCHOR_SUMMARY = "db copy from ";
    private static final int BATCH = 1_000;

    private final Clock clock;
    private final Map<String, String> environment;
    private final String folder;

    /**
     * The other ends are found with the environment Soapstone runs in. {@code soapstone.copy.folder}
     * and {@code soapstone.copy.pgpassfile} (tests) stand instead for a PostgreSQL end's folder under
     * the data folder and for PGPASSFILE, as {@code soapstone.folder} and {@code soapstone.pgpassfile}
     * do for the database Soapstone runs on.
     */
    DatabaseCopy(Clock clock, @Value("${soapstone.copy.folder:}") String folder,
            @Value("${soapstone.copy.pgpassfile:}") String passwordFile) {
        this.clock = clock;
        this.folder = folder;
        Map<String, String> variables = new HashMap<>(System.getenv());
        if (!passwordFile.isBlank()) {
            variables.put("PGPASSFILE", passwordFile);
        }
        this.environment = Map.copyOf(variables);
    }

    /** What a copy did: where from and to, the rows of each table, and the check of the target afterwards. */
    public record Copied(String from, String to, Map<String, Long> rows, RecordChain.Verification verification,
            List<String> report) {
    }

    /**
     * Copies every record of {@code from} into {@code to} (each a SQLite file or a PostgreSQL
     * address, as {@code SOAPSTONE_DB} names one): refused when {@code to} holds any record or
     * {@code from} is not at this version's schema; {@code to} is made and migrated if need be.
     */
    public Copied copy(String from, String to) {
        DataLocation source = OtherDatabase.locate("from", from, environment, folder);
        DataLocation target = OtherDatabase.locate("to", to, environment, folder);
        if (source.describe().equals(target.describe())) {
            throw InvalidInputException.forField("to", "that is the database copied from; name another");
        }
        try (OtherDatabase in = OtherDatabase.source("from", source)) {
            checkVersion(in);
            Optional<SealKey> key = sourceKey(in);
            refuseOtherKey(key, target);
            try (OtherDatabase out = OtherDatabase.target("to", target)) {
                Map<String, Long> rows = copyInOneTransaction(in, out, key.orElse(null));
                carryKey(key, source, target);
                Seal seal = seal(out.connection());
                if (seal.entries() > 0) {
                    new AnchorFile(target.anchorFile()).append(clock.instant(), seal, ANCHOR_ACTION,
                            ANCHOR_SUMMARY + source.describe());
                }
                return verified(source, target, out, rows);
            }
        } catch (SQLException e) {
            throw new VerificationFailedException("The copy failed (" + e.getMessage() + "); nothing was written to "
                    + target.describe());
        } catch (IOException e) {
            throw new UnavailableException("The records were copied to " + target.describe() + ", but its anchor could"
                    + " not be written to " + target.anchorFile() + " (" + FileErrors.describe(e) + ")");
        }
    }

    private static void checkVersion(OtherDatabase in) throws SQLException {
        if (!in.upToDate()) {
            String at = in.schemaVersion();
            throw InvalidInputException.forField("from", in.location().describe() + " is at schema version "
                    + (at == null ? "none (not a Soapstone database)" : at) + ", not this Soapstone's "
                    + in.expectedVersion() + ": open it once with this Soapstone (SOAPSTONE_DB=... soapstone db check),"
                    + " which brings it up to date, then copy it");
        }
    }

    /** The clinic's key of the source, beside it; refused when its chain is keyed and the key is not there. */
    private static Optional<SealKey> sourceKey(OtherDatabase in) throws SQLException {
        Path file = in.location().keyFile();
        Optional<SealKey> key;
        try {
            key = SealKey.read(file);
        } catch (IOException e) {
            throw InvalidInputException.forField("from", "cannot read its clinic's key " + file + " ("
                    + FileErrors.describe(e) + ")");
        }
        try (Statement statement = in.connection().createStatement();
             ResultSet keyed = statement.executeQuery("SELECT key_id FROM record_chain WHERE key_id IS NOT NULL"
                     + " ORDER BY seq DESC LIMIT 1")) {
            if (keyed.next() && !keyed.getString(1).equals(key.map(SealKey::id).orElse(""))) {
                throw InvalidInputException.forField("from", "its record chain is keyed with the clinic's key "
                        + keyed.getString(1) + ", which is not in " + file + ": put the key file there, then copy");
            }
        }
        return key;
    }

    /** A target with a key of its own that is not the source's would fail verification: refused before anything is written. */
    private static void refuseOtherKey(Optional<SealKey> key, DataLocation target) {
        try {
            Optional<SealKey> there = SealKey.read(target.keyFile());
            if (there.isPresent() && !there.get().id().equals(key.map(SealKey::id).orElse(""))) {
                throw new ConflictException("--to: there is another clinic's key in " + target.keyFile()
                        + " (" + there.get().id() + "); move it aside, then copy. Nothing was written.");
            }
        } catch (IOException e) {
            throw InvalidInputException.forField("to", "cannot read " + target.keyFile() + " (" + FileErrors.describe(e) + ")");
        }
    }

    private static void carryKey(Optional<SealKey> key, DataLocation source, DataLocation target) throws IOException {
        if (key.isEmpty() || Files.exists(target.keyFile())) {
            return;
        }
        PrivateFiles.createFolder(target.directory());
        PrivateFiles.writeNew(target.keyFile(), Files.readAllBytes(source.keyFile()));
    }

    private Map<String, Long> copyInOneTransaction(OtherDatabase in, OtherDatabase out, SealKey key) throws SQLException {
        Connection source = in.connection();
        Connection target = out.connection();
        // One snapshot of the source (another shell may be writing to it), one transaction on the target.
        source.setAutoCommit(false);
        target.setAutoCommit(false);
        try {
            checkTables(target);
            refuseNonEmpty(target, out.location());
            if (out.location().onPostgres()) {
                startIdentities(target);
            }
            Rows rows = new Rows(source, target, out.location().onPostgres());
            rows.copyAll();
            if (out.location().onPostgres()) {
                continueIdentities(target);
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : TABLES) {
                long copied = count(target, table);
                long there = count(source, table);
                if (copied != there) {
                    throw new VerificationFailedException("The copy of " + table + " has " + copied + " rows, the source "
                            + there + "; nothing was written to " + out.location().describe());
                }
                counts.put(table, copied);
            }
            Seal sourceSeal = seal(source);
            RecordChain.Verification check = new ChainCheck(target, key, out.location().keyFile(), null,
                    clock.instant(), List.of(new ChainCheck.External("the database copied from", sourceSeal))).run();
            if (!check.intact()) {
                throw new VerificationFailedException("The copy failed verification, so nothing was written to "
                        + out.location().describe() + ":\n  " + String.join("\n  ", check.problems()));
            }
            target.commit();
            return counts;
        } catch (SQLException | RuntimeException e) {
            target.rollback();
            throw e;
        } finally {
            source.rollback();
            target.setAutoCommit(true);
        }
    }

    /** The target's tables are the ones this copy knows: a table added by a later migration must be copied too. */
    private static void checkTables(Connection target) throws SQLException {
        Set<String> tables = new TreeSet<>();
        boolean postgres = Catalog.onPostgres(target);
        try (Statement statement = target.createStatement(); ResultSet names = statement.executeQuery(postgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                + " AND table_type = 'BASE TABLE'"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                + " AND name NOT LIKE 'note_search_%'")) {
            while (names.next()) {
                tables.add(names.getString(1));
            }
        }
        tables.removeAll(NOT_COPIED);
        TABLES.forEach(tables::remove);
        if (!tables.isEmpty()) {
            throw new IllegalStateException("db copy does not know the tables " + tables);
        }
    }

    private static void refuseNonEmpty(Connection target, DataLocation location) throws SQLException {
        List<String> held = new ArrayList<>();
        for (String table : TABLES) {
            long rows = count(target, table);
            if (rows > 0) {
                held.add(rows + " in " + table);
            }
        }
        if (!held.isEmpty()) {
            throw new ConflictException("--to: " + location.describe() + " already holds records (" + String.join(", ", held)
                    + "); a practice is copied into an empty database only. Nothing was written.");
        }
    }

    /**
     * A sequence is not rolled back with the transaction that moved it: a copy that failed has left
     * the guards of the audit trail and the care plans believing ids were given that were not. The
     * tables are empty, so every id starts again at 1, as in a new database.
     */
    private static void startIdentities(Connection target) throws SQLException {
        for (String table : identityTables(target)) {
            try (Statement statement = target.createStatement()) {
                statement.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), 1, false)");
            }
        }
    }

    private static List<String> identityTables(Connection target) throws SQLException {
        List<String> tables = new ArrayList<>();
        for (String table : TABLES) {
            if (!table.equals("clinic") && !table.equals("record_chain") && Catalog.hasColumn(target, table, "id")) {
                tables.add(table);
            }
        }
        return tables;
    }

    /**
     * Ids given explicitly leave an identity where it was: set each to the largest id copied, so
     * the next record gets the next id. (The audit trail's and care plans' sequences follow the
     * ids given already, through their guards.)
     */
    private static void continueIdentities(Connection target) throws SQLException {
        for (String table : identityTables(target)) {
            try (Statement statement = target.createStatement()) {
                statement.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), max(id)) FROM " + table
                        + " HAVING max(id) IS NOT NULL");
            }
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Seal seal(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet head = statement.executeQuery("SELECT seq, hash FROM record_chain ORDER BY seq DESC LIMIT 1")) {
            return head.next() ? new Seal(head.getLong(1), head.getString(2)) : Seal.EMPTY;
        }
    }

    /** The check {@code records verify} makes, against the target's own anchor file and key. */
    private Copied verified(DataLocation source, DataLocation target, OtherDatabase out, Map<String, Long> rows)
            throws SQLException {
        ClinicKey key = new ClinicKey(target);
        SealKey found = key.key().orElse(null);
        RecordChain.Verification check = new ChainCheck(out.connection(), found, key.file(),
                new AnchorFile(target.anchorFile()), clock.instant(), List.of()).run();
        List<String> report = new ArrayList<>(check.anchors());
        report.add(check.key());
        if (!check.intact()) {
            throw new VerificationFailedException("The records were copied to " + target.describe() + ", but they fail"
                    + " verification there:\n  " + String.join("\n  ", check.problems()) + "\n" + String.join("\n", report));
        }
        return new Copied(source.describe(), target.describe(), rows, check, report);
    }

    /** The rows of one database written into another, table by table, in an order the guards accept. */
    private static final class Rows {

        private final Connection source;
        private final Connection target;
        private final boolean toPostgres;

        Rows(Connection source, Connection target, boolean toPostgres) {
            this.source = source;
            this.target = target;
            this.toPostgres = toPostgres;
        }

        void copyAll() throws SQLException {
            copyTable("clinic", "id");
            copyTable("practitioner", "id");
            Map<Long, String> logins = withholdLogins();
            copyTable("practitioner_hours", "practitioner_id, day_of_week, starts");
            copyTable("client", "id");
            copyTable("service", "id");
            copyTable("appointment", "id");
            copyIntakes();
            for (String list : INTAKE_LISTS) {
                copyTable(list, "intake_id, position");
            }
            Map<Long, Object[]> signatures = copySessionsAsDrafts();
            copyTable("session_modality", "session_id, position");
            copyTable("session_area", "session_id, position");
            sign(signatures);
            copyTable("care_plan_export", "id");
            // Numbered in order (the guard wants each next number); payments before voids, since a
            // voided receipt takes no new payment and every payment came before its receipt's void.
            copyTable("receipt", "id");
            copyTable("receipt_payment", "id");
            copyTable("receipt_void", "id");
            copyTable("audit_event", "id");
            copyChainWithAddenda();
            giveBack(logins);
        }

        /**
         * The practitioners' logins, taken off them until every note is signed and every addendum in:
         * on PostgreSQL a note is signed only by the signer's own login (V020), and the copy, made by
         * the owner, signs them all. The rows end as they were in the source.
         */
        private Map<Long, String> withholdLogins() throws SQLException {
            Map<Long, String> logins = new LinkedHashMap<>();
            if (!toPostgres) {
                return logins;
            }
            try (Statement statement = target.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT id, db_role FROM practitioner WHERE db_role IS NOT NULL")) {
                while (rows.next()) {
                    logins.put(rows.getLong(1), rows.getString(2));
                }
            }
            try (Statement statement = target.createStatement()) {
                statement.executeUpdate("UPDATE practitioner SET db_role = NULL WHERE db_role IS NOT NULL");
            }
            return logins;
        }

        private void giveBack(Map<Long, String> logins) throws SQLException {
            try (PreparedStatement update = target.prepareStatement("UPDATE practitioner SET db_role = ? WHERE id = ?")) {
                for (Map.Entry<Long, String> login : logins.entrySet()) {
                    update.setString(1, login.getValue());
                    update.setLong(2, login.getKey());
                    update.executeUpdate();
                }
            }
        }

        private void copyTable(String table, String order) throws SQLException {
            Columns columns = columns(table);
            try (PreparedStatement insert = target.prepareStatement(columns.insert());
                 Statement statement = source.createStatement();
                 ResultSet rows = statement.executeQuery(columns.select() + " ORDER BY " + order)) {
                Batch batch = new Batch(insert);
                while (rows.next()) {
                    columns.bind(insert, read(rows, columns));
                    batch.add();
                }
                batch.flush();
            }
        }

        /** Each client's intake versions in order, each with its clearances before the next version (a clearance is for the current one). */
        private void copyIntakes() throws SQLException {
            Columns clearance = columns("intake_clearance");
            Map<Long, List<Object[]>> clearances = new HashMap<>();
            int intakeId = clearance.names().indexOf("intake_id");
            try (Statement statement = source.createStatement();
                 ResultSet rows = statement.executeQuery(clearance.select() + " ORDER BY id")) {
                while (rows.next()) {
                    Object[] row = read(rows, clearance);
                    clearances.computeIfAbsent(((Number) row[intakeId]).longValue(), id -> new ArrayList<>()).add(row);
                }
            }
            Columns intake = columns("intake");
            int id = intake.names().indexOf("id");
            try (PreparedStatement insertIntake = target.prepareStatement(intake.insert());
                 PreparedStatement insertClearance = target.prepareStatement(clearance.insert());
                 Statement statement = source.createStatement();
                 ResultSet rows = statement.executeQuery(intake.select() + " ORDER BY client_id, version")) {
                while (rows.next()) {
                    Object[] row = read(rows, intake);
                    intake.bind(insertIntake, row);
                    insertIntake.executeUpdate();
                    for (Object[] cleared : clearances.getOrDefault(((Number) row[id]).longValue(), List.of())) {
                        clearance.bind(insertClearance, cleared);
                        insertClearance.executeUpdate();
                    }
                }
            }
        }

        /** Every note as a draft (a note is never written signed); returns the signatures, by note, to sign them after. */
        private Map<Long, Object[]> copySessionsAsDrafts() throws SQLException {
            Columns session = columns("session");
            int id = session.names().indexOf("id");
            int signedAt = session.names().indexOf("signed_at");
            int signedBy = session.names().indexOf("signed_by");
            Map<Long, Object[]> signatures = new LinkedHashMap<>();
            try (PreparedStatement insert = target.prepareStatement(session.insert());
                 Statement statement = source.createStatement();
                 ResultSet rows = statement.executeQuery(session.select() + " ORDER BY id")) {
                Batch batch = new Batch(insert);
                while (rows.next()) {
                    Object[] row = read(rows, session);
                    if (row[signedAt] != null) {
                        signatures.put(((Number) row[id]).longValue(), new Object[] {row[signedAt], row[signedBy]});
                        row[signedAt] = null;
                        row[signedBy] = null;
                    }
                    session.bind(insert, row);
                    batch.add();
                }
                batch.flush();
            }
            return signatures;
        }

        private void sign(Map<Long, Object[]> signatures) throws SQLException {
            try (PreparedStatement update = target.prepareStatement(
                    "UPDATE session SET signed_at = ?, signed_by = ? WHERE id = ?")) {
                Batch batch = new Batch(update);
                for (Map.Entry<Long, Object[]> signature : signatures.entrySet()) {
                    update.setString(1, String.valueOf(signature.getValue()[0]));
                    update.setLong(2, ((Number) signature.getValue()[1]).longValue());
                    update.setLong(3, signature.getKey());
                    batch.add();
                }
                batch.flush();
            }
        }

        /**
         * The chain in order, with its seq and hashes as they are (the guard checks each follows the
         * head), each addendum written just before its link: an addendum needs its note's link, which
         * came earlier. An addendum without a link of its own comes last.
         */
        private void copyChainWithAddenda() throws SQLException {
            Columns addendum = columns("addendum");
            Map<Long, Object[]> addenda = new LinkedHashMap<>();
            int addendumId = addendum.names().indexOf("id");
            try (Statement statement = source.createStatement();
                 ResultSet rows = statement.executeQuery(addendum.select() + " ORDER BY id")) {
                while (rows.next()) {
                    Object[] row = read(rows, addendum);
                    addenda.put(((Number) row[addendumId]).longValue(), row);
                }
            }
            Columns chain = columns("record_chain");
            int type = chain.names().indexOf("record_type");
            int recordId = chain.names().indexOf("record_id");
            try (PreparedStatement insertLink = target.prepareStatement(chain.insert());
                 PreparedStatement insertAddendum = target.prepareStatement(addendum.insert());
                 Statement statement = source.createStatement();
                 ResultSet rows = statement.executeQuery(chain.select() + " ORDER BY seq")) {
                Batch links = new Batch(insertLink);
                while (rows.next()) {
                    Object[] link = read(rows, chain);
                    Object[] written = FinalRecord.ADDENDUM.type().equals(link[type])
                            ? addenda.remove(((Number) link[recordId]).longValue()) : null;
                    if (written != null) {
                        // The links before it first: its note's is among them.
                        links.flush();
                        addendum.bind(insertAddendum, written);
                        insertAddendum.executeUpdate();
                    }
                    chain.bind(insertLink, link);
                    links.add();
                }
                links.flush();
                for (Object[] unlinked : addenda.values()) {
                    addendum.bind(insertAddendum, unlinked);
                    insertAddendum.executeUpdate();
                }
            }
        }

        /** The target's columns of {@code table} and their types there; the source has the same schema version. */
        private Columns columns(String table) throws SQLException {
            List<String> names = new ArrayList<>();
            List<Integer> types = new ArrayList<>();
            try (Statement statement = target.createStatement();
                 ResultSet none = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
                ResultSetMetaData meta = none.getMetaData();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    names.add(meta.getColumnName(c).toLowerCase(java.util.Locale.ROOT));
                    types.add(toPostgres ? meta.getColumnType(c) : Types.OTHER);
                }
            }
            return new Columns(table, names, types.stream().mapToInt(Integer::intValue).toArray());
        }

        private static Object[] read(ResultSet rows, Columns columns) throws SQLException {
            Object[] row = new Object[columns.names().size()];
            for (int c = 0; c < row.length; c++) {
                row[c] = rows.getObject(c + 1);
            }
            return row;
        }
    }

    /** Rows added to a statement and sent a thousand at a time, in the order added. */
    private static final class Batch {

        private final PreparedStatement statement;
        private int pending;

        Batch(PreparedStatement statement) {
            this.statement = statement;
        }

        void add() throws SQLException {
            statement.addBatch();
            if (++pending == BATCH) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (pending > 0) {
                statement.executeBatch();
                pending = 0;
            }
        }
    }

    /**
     * A table's columns as the target has them, with their JDBC types when the target is
     * PostgreSQL: SQLite keeps a boolean as 0 or 1 and a whole REAL as an integer, which
     * PostgreSQL's typed columns take only as their own type.
     */
    private record Columns(String table, List<String> names, int[] types) {

        String select() {
            return "SELECT " + String.join(", ", names) + " FROM " + table;
        }

        String insert() {
            return "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                    + names.stream().map(name -> "?").collect(Collectors.joining(", ")) + ")";
        }

        void bind(PreparedStatement statement, Object[] row) throws SQLException {
            for (int c = 0; c < row.length; c++) {
                Object value = row[c];
                if (value == null) {
                    statement.setNull(c + 1, types[c] == Types.OTHER ? Types.NULL : types[c]);
                    continue;
                }
                switch (types[c]) {
                    case Types.BOOLEAN, Types.BIT -> statement.setBoolean(c + 1, value instanceof Boolean b ? b
                            : value instanceof Number n ? n.longValue() != 0 : Boolean.parseBoolean(value.toString()));
                    case Types.BIGINT, Types.INTEGER, Types.SMALLINT -> statement.setLong(c + 1, ((Number) value).longValue());
                    case Types.DOUBLE, Types.REAL, Types.FLOAT, Types.NUMERIC ->
                            statement.setDouble(c + 1, ((Number) value).doubleValue());
                    case Types.VARCHAR, Types.LONGVARCHAR, Types.CHAR -> statement.setString(c + 1, value.toString());
                    default -> statement.setObject(c + 1, value);
                }
            }
        }
    }
}
