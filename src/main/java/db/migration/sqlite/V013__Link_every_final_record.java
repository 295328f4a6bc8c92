package db.migration.sqlite;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Schema version 13: the intake versions, medical clearances, care plans given and audit events
 * recorded before the chain took them (version 12) are linked after the signed notes and addenda
 * already in it, whose links stay as they were, kind after kind in id order; an audit event says
 * how many, and is linked last. Without this, every one of them would be reported as "not in the
 * chain", and no backup of an upgraded database could be restored. Runs once, in the migration's
 * transaction.
 *
 * <p>Frozen: it hashes the records exactly as Soapstone did at version 13, with its own copy of
 * that digest and the columns the tables had then, and uses no application code (see V006).
 * Each table and each list is read once, in order, so a clinic's whole history links in seconds.
 */
public class V013__Link_every_final_record extends BaseJavaMigration {

    /** A kind of record as version 13 chained it: its name in the chain, its table, its columns and lists. */
    private record Kind(String type, String table, List<String> columns, List<String> real, List<Part> parts,
            String singular, String plural) {
    }

    /** A list of a record, a line per field of each row: {@code name[position].field=value}. */
    private record Part(String name, String table, List<String> fields) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("intake", "intake", List.of("id", "client_id", "version", "taken_on", "recorded_at",
                    "practitioner_id", "cramp_frequency_per_week", "cramp_frequency_given", "cramp_severity",
                    "cramp_duration_minutes", "cramp_timing", "cramp_sleep_disturbance", "cramp_triggers", "cramp_since",
                    "other_conditions", "water_glasses", "water_litres", "caffeine", "alcohol", "activity", "occupation",
                    "allergies", "consent_date", "consent_given_by"),
                    List.of("cramp_frequency_per_week", "cramp_duration_minutes", "water_glasses", "water_litres"),
                    List.of(new Part("site", "intake_site", List.of("site")),
                            new Part("condition", "intake_condition", List.of("condition")),
                            new Part("red_flag", "intake_red_flag", List.of("red_flag")),
                            new Part("consent_element", "intake_consent_element", List.of("element")),
                            new Part("medication", "intake_medication", List.of("description", "name", "dose", "frequency")),
                            new Part("surgery", "intake_surgery", List.of("description", "performed", "side"))),
                    "intake version", "intake versions"),
            new Kind("clearance", "intake_clearance", List.of("id", "intake_id", "cleared_on", "note", "practitioner_id",
                    "recorded_at"), List.of(), List.of(), "clearance", "clearances"),
            new Kind("care-plan", "care_plan_export", List.of("id", "client_id", "session_id", "exported_at", "file_name",
                    "sha256", "paper", "kind", "adaptations", "large_print", "printer"), List.of(), List.of(),
                    "care plan given", "care plans given"),
            new Kind("audit", "audit_event", List.of("id", "at", "practitioner_id", "action", "record_type", "record_id",
                    "client_id", "summary"), List.of(), List.of(), "audit event", "audit events"));

    private static final String GENESIS = "0".repeat(64);
    private static final DateTimeFormatter LINKED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    @Override
    public void migrate(Context context) throws Exception {
        link(context.getConnection(), Instant.now());
    }

    static void link(Connection connection, Instant now) throws SQLException {
        String at = LINKED_AT.format(now);
        String[] head = {head(connection)};
        Map<Kind, Long> linked = new LinkedHashMap<>();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO record_chain (record_type, record_id, content_hash, previous_hash, hash, linked_at)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            for (Kind kind : KINDS) {
                long count = 0;
                for (Map.Entry<Long, String> record : hashes(connection, kind).entrySet()) {
                    head[0] = insert(insert, kind.type(), record.getKey(), record.getValue(), head[0], at);
                    count++;
                }
                insert.executeBatch();
                linked.put(kind, count);
            }
        }
        if (linked.values().stream().mapToLong(Long::longValue).sum() == 0) {
            return;
        }
        List<String> counts = new ArrayList<>();
        linked.forEach((kind, n) -> counts.add(String.format(Locale.ROOT, "%,d %s", n, n == 1 ? kind.singular() : kind.plural())));
        String summary = "Schema version 13: linked the records made final before it into the record chain ("
                + String.join(", ", counts) + ")";
        try (PreparedStatement audit = connection.prepareStatement("""
                INSERT INTO audit_event (at, practitioner_id, action, record_type, record_id, client_id, summary)
                VALUES (?, (SELECT id FROM practitioner WHERE is_default = 1), 'upgrade', 'database', NULL, NULL, ?)""")) {
            audit.setString(1, at);
            audit.setString(2, summary);
            audit.executeUpdate();
        }
        long auditId;
        try (Statement statement = connection.createStatement();
             ResultSet id = statement.executeQuery("SELECT last_insert_rowid()")) {
            id.next();
            auditId = id.getLong(1);
        }
        Kind audit = KINDS.getLast();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO record_chain (record_type, record_id, content_hash, previous_hash, hash, linked_at)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            insert(insert, audit.type(), auditId, hashes(connection, audit, auditId).get(auditId), head[0], at);
            insert.executeBatch();
        }
    }

    private static String insert(PreparedStatement insert, String type, long id, String content, String previous,
            String at) throws SQLException {
        String hash = sha256((previous + "\n" + type + "\n" + id + "\n" + content).getBytes(StandardCharsets.UTF_8));
        insert.setString(1, type);
        insert.setLong(2, id);
        insert.setString(3, content);
        insert.setString(4, previous);
        insert.setString(5, hash);
        insert.setString(6, at);
        insert.addBatch();
        return hash;
    }

    private static Map<Long, String> hashes(Connection connection, Kind kind) throws SQLException {
        return hashes(connection, kind, -1);
    }

    /**
     * The content hash of every record of {@code kind} (or of record {@code only}), by id in id
     * order, as version 13 computed it: a line {@code column=value} for each column, then a line for
     * each field of each row of each list.
     */
    private static Map<Long, String> hashes(Connection connection, Kind kind, long only) throws SQLException {
        Map<Long, ByteArrayOutputStream> texts = new LinkedHashMap<>();
        String where = only < 0 ? "" : " WHERE id = " + only;
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT " + String.join(", ", kind.columns()) + " FROM " + kind.table() + where + " ORDER BY id")) {
            while (rows.next()) {
                ByteArrayOutputStream text = new ByteArrayOutputStream();
                for (int i = 0; i < kind.columns().size(); i++) {
                    String column = kind.columns().get(i);
                    text.writeBytes((column + "=").getBytes(StandardCharsets.UTF_8));
                    value(text, kind.real().contains(column) ? rows.getObject(i + 1) : rows.getBytes(i + 1));
                    text.write('\n');
                }
                texts.put(rows.getLong(1), text);
            }
        }
        for (Part part : kind.parts()) {
            String parent = kind.table() + "_id";
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                    "SELECT " + parent + ", position, " + String.join(", ", part.fields()) + " FROM " + part.table()
                            + (only < 0 ? "" : " WHERE " + parent + " = " + only) + " ORDER BY " + parent + ", position")) {
                while (rows.next()) {
                    ByteArrayOutputStream text = texts.get(rows.getLong(1));
                    if (text == null) {
                        continue;
                    }
                    for (int f = 0; f < part.fields().size(); f++) {
                        text.writeBytes((part.name() + "[" + rows.getLong(2) + "]"
                                + (part.fields().size() > 1 ? "." + part.fields().get(f) : "") + "=")
                                .getBytes(StandardCharsets.UTF_8));
                        value(text, rows.getBytes(3 + f));
                        text.write('\n');
                    }
                }
            }
        }
        Map<Long, String> hashes = new LinkedHashMap<>();
        texts.forEach((id, text) -> hashes.put(id, sha256(text.toByteArray())));
        return hashes;
    }

    private static String head(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet last = statement.executeQuery("SELECT hash FROM record_chain ORDER BY seq DESC LIMIT 1")) {
            return last.next() ? last.getString(1) : GENESIS;
        }
    }

    /** A value as version 13 wrote it: NULL as {@code \0}; a backslash, line feed or carriage return escaped. */
    private static void value(ByteArrayOutputStream text, Object value) {
        if (value == null) {
            text.writeBytes(new byte[] {'\\', '0'});
            return;
        }
        byte[] bytes = value instanceof byte[] raw ? raw : value.toString().getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            switch (b) {
                case '\\' -> text.writeBytes(new byte[] {'\\', '\\'});
                case '\n' -> text.writeBytes(new byte[] {'\\', 'n'});
                case '\r' -> text.writeBytes(new byte[] {'\\', 'r'});
                default -> text.write(b);
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
