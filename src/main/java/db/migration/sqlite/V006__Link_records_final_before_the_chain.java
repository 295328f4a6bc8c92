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
import java.util.List;

/**
 * Schema version 6: the notes signed and the addenda written before the record chain existed
 * (version 5) become the start of the chain, in the order they became final. Without this, every
 * one of them would be reported as "not in the chain" by {@code records verify} and {@code db
 * check}, and no backup of an upgraded database could be restored. Runs once, in the migration's
 * transaction; a chain that already has links is left as it is.
 *
 * <p>Frozen: it hashes the records exactly as Soapstone did at version 6, with its own copy of
 * that digest and the columns the tables had then, and uses no application code. A later change
 * to how records are hashed (a column added, a list added) cannot change what this migration
 * reads or writes when it upgrades an old database; {@code RecordDigests} hashes these records
 * the same way, which {@code FrozenMigrationTest} checks.
 */
public class V006__Link_records_final_before_the_chain extends BaseJavaMigration {

    private static final String GENESIS = "0".repeat(64);
    private static final List<String> SESSION_COLUMNS = List.of("id", "client_id", "practitioner_id", "intake_id",
            "started_at", "duration_minutes", "pressure", "products", "pain_before", "pain_after", "cramps_per_week",
            "cramp_severity", "sleep_disturbance", "subjective", "objective", "assessment", "plan", "template",
            "screening_shown", "warnings_shown", "override_reason", "created_at", "signed_at", "signed_by");
    private static final List<String> ADDENDUM_COLUMNS = List.of("id", "session_id", "practitioner_id", "written_at",
            "text");
    /** REAL columns are hashed as Java writes a double; the others as the bytes SQLite holds. */
    private static final List<String> REAL_COLUMNS = List.of("cramps_per_week");
    private static final DateTimeFormatter LINKED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    @Override
    public void migrate(Context context) throws Exception {
        link(context.getConnection(), Instant.now());
    }

    /** Links the notes and addenda final at version 5, unless the chain has links already. */
    static void link(Connection connection, Instant now) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet links = statement.executeQuery("SELECT count(*) FROM record_chain")) {
            links.next();
            if (links.getLong(1) > 0) {
                return;
            }
        }
        List<Object[]> records = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("""
                SELECT 'session' AS type, id, signed_at AS final_at, 0 AS kind FROM session WHERE signed_at IS NOT NULL
                UNION ALL
                SELECT 'addendum', id, written_at, 1 FROM addendum
                ORDER BY final_at, kind, id""")) {
            while (rows.next()) {
                records.add(new Object[] {rows.getString(1), rows.getLong(2)});
            }
        }
        String previous = GENESIS;
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO record_chain (record_type, record_id, content_hash, previous_hash, hash, linked_at)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            for (Object[] record : records) {
                String type = (String) record[0];
                long id = (Long) record[1];
                String content = type.equals("session") ? sessionHash(connection, id) : addendumHash(connection, id);
                String hash = sha256((previous + "\n" + type + "\n" + id + "\n" + content).getBytes(StandardCharsets.UTF_8));
                insert.setString(1, type);
                insert.setLong(2, id);
                insert.setString(3, content);
                insert.setString(4, previous);
                insert.setString(5, hash);
                insert.setString(6, LINKED_AT.format(now));
                insert.executeUpdate();
                previous = hash;
            }
        }
    }

    /** A signed note as version 6 hashed it: its columns, then its modalities and areas, each joined by commas. */
    static String sessionHash(Connection connection, long id) throws SQLException {
        ByteArrayOutputStream text = columns(connection, "session", SESSION_COLUMNS, id);
        joined(connection, text, "modalities", "SELECT modality FROM session_modality WHERE session_id = ? ORDER BY position", id);
        joined(connection, text, "areas", "SELECT site FROM session_area WHERE session_id = ? ORDER BY position", id);
        return sha256(text.toByteArray());
    }

    /** An addendum as version 6 hashed it: its columns. */
    static String addendumHash(Connection connection, long id) throws SQLException {
        return sha256(columns(connection, "addendum", ADDENDUM_COLUMNS, id).toByteArray());
    }

    private static ByteArrayOutputStream columns(Connection connection, String table, List<String> columns, long id)
            throws SQLException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + String.join(", ", columns) + " FROM "
                + table + " WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException(table + " " + id + " not found");
                }
                for (int i = 0; i < columns.size(); i++) {
                    text.writeBytes((columns.get(i) + "=").getBytes(StandardCharsets.UTF_8));
                    Object value = REAL_COLUMNS.contains(columns.get(i)) ? row.getObject(i + 1) : row.getBytes(i + 1);
                    value(text, value);
                    text.write('\n');
                }
            }
        }
        return text;
    }

    private static void joined(Connection connection, ByteArrayOutputStream text, String name, String sql, long id)
            throws SQLException {
        text.writeBytes((name + "=").getBytes(StandardCharsets.UTF_8));
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                boolean first = true;
                while (rows.next()) {
                    if (!first) {
                        text.write(',');
                    }
                    value(text, rows.getBytes(1));
                    first = false;
                }
            }
        }
        text.write('\n');
    }

    /** A value as version 6 wrote it: NULL as {@code \0}; a backslash, line feed or carriage return escaped. */
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
