package app.soapstone.integrity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SHA-256 of a final record's content, read straight from the database: every column of a
 * signed note with its modalities and areas, or every column of an addendum, written out in a
 * fixed order and form so that the same content always gives the same hash.
 *
 * <p>Columns added to {@code session} after the chain began ({@link #LATER_SESSION_COLUMNS}) are
 * hashed only when set: a line {@code name=value} after the original columns, none for NULL. A
 * note linked before such a column existed has it NULL, so its link still verifies, while a value
 * set on a signed note later - or removed from one signed with it - changes the hash. Rows are
 * read with {@code SELECT *}, so a database or backup from before a column was added (the chain's
 * own start-up migration, version 6, runs on one) hashes the same way, the column simply absent.
 */
@Component
public class RecordDigests {

    static final List<String> SESSION_COLUMNS = List.of("id", "client_id", "practitioner_id", "intake_id", "started_at",
            "duration_minutes", "pressure", "products", "pain_before", "pain_after", "cramps_per_week", "cramp_severity",
            "sleep_disturbance", "subjective", "objective", "assessment", "plan", "template", "screening_shown",
            "warnings_shown", "override_reason", "created_at", "signed_at", "signed_by");
    /** Added after the chain began; hashed only when not NULL, so older links stay valid. Append only. */
    static final List<String> LATER_SESSION_COLUMNS = List.of("home_massage_minutes");
    static final List<String> ADDENDUM_COLUMNS = List.of("id", "session_id", "practitioner_id", "written_at", "text");

    private final JdbcClient jdbc;

    public RecordDigests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The content hash of a record, or empty if the record does not exist. */
    public Optional<String> digest(String type, long id) {
        return switch (type) {
            case "session" -> row("session", id).map(row -> sessionHash(row,
                    children("SELECT modality FROM session_modality WHERE session_id = ? ORDER BY position", id),
                    children("SELECT site FROM session_area WHERE session_id = ? ORDER BY position", id)));
            case "addendum" -> row("addendum", id).map(RecordDigests::addendumHash);
            default -> throw new IllegalArgumentException("not a chained record type: " + type);
        };
    }

    /**
     * The content hash of a signed note from its columns, as the database returns them (text,
     * Integer, Long or Double; absent or null for NULL), and its modalities and areas in order.
     */
    public static String sessionHash(Map<String, ?> row, List<String> modalities, List<String> areas) {
        return sha256(canonical(row, SESSION_COLUMNS) + setOnly(row, LATER_SESSION_COLUMNS)
                + "modalities=" + escape(String.join(",", modalities))
                + "\nareas=" + escape(String.join(",", areas)) + "\n");
    }

    /** The content hash of an addendum from its columns, as the database returns them. */
    public static String addendumHash(Map<String, ?> row) {
        return sha256(canonical(row, ADDENDUM_COLUMNS));
    }

    /**
     * The content hashes of the records of one type with ids from {@code first} to {@code last},
     * by id: the same hashes as {@link #digest}, read with three queries for the whole range
     * rather than three for each record. Records that do not exist are absent.
     */
    public Map<Long, String> digests(String type, long first, long last) {
        Map<Long, String> hashes = new HashMap<>();
        switch (type) {
            case "session" -> {
                Map<Long, List<String>> modalities = children("""
                        SELECT session_id, modality FROM session_modality WHERE session_id BETWEEN ? AND ?
                        ORDER BY session_id, position""", first, last);
                Map<Long, List<String>> areas = children("""
                        SELECT session_id, site FROM session_area WHERE session_id BETWEEN ? AND ?
                        ORDER BY session_id, position""", first, last);
                for (Map<String, Object> row : rows("session", first, last)) {
                    long id = ((Number) row.get("id")).longValue();
                    hashes.put(id, sessionHash(row, modalities.getOrDefault(id, List.of()), areas.getOrDefault(id, List.of())));
                }
            }
            case "addendum" -> {
                for (Map<String, Object> row : rows("addendum", first, last)) {
                    hashes.put(((Number) row.get("id")).longValue(), addendumHash(row));
                }
            }
            default -> throw new IllegalArgumentException("not a chained record type: " + type);
        }
        return hashes;
    }

    /** The hash of a chain link: the previous link's hash, what the record is, and its content. */
    public static String linkHash(String previousHash, String type, long id, String contentHash) {
        return sha256(previousHash + "\n" + type + "\n" + id + "\n" + contentHash);
    }

    // Every column, whatever the schema version: see the class comment.
    private Optional<Map<String, Object>> row(String table, long id) {
        return jdbc.sql("SELECT * FROM " + table + " WHERE id = ?").param(id).query().listOfRows().stream().findFirst();
    }

    private List<String> children(String sql, long id) {
        return jdbc.sql(sql).param(id).query(String.class).list();
    }

    private List<Map<String, Object>> rows(String table, long first, long last) {
        return jdbc.sql("SELECT * FROM " + table + " WHERE id BETWEEN ? AND ?").param(first).param(last).query()
                .listOfRows();
    }

    /** Each parent's values in order, from rows of (parent id, value) sorted by parent and position. */
    private Map<Long, List<String>> children(String sql, long first, long last) {
        Map<Long, List<String>> children = new HashMap<>();
        jdbc.sql(sql).param(first).param(last).query(row -> {
            children.computeIfAbsent(row.getLong(1), id -> new ArrayList<>()).add(row.getString(2));
        });
        return children;
    }

    private static String canonical(Map<String, ?> row, List<String> columns) {
        StringBuilder text = new StringBuilder();
        for (String column : columns) {
            Object value = row.get(column);
            text.append(column).append('=').append(value == null ? "\\0" : escape(value.toString())).append('\n');
        }
        return text.toString();
    }

    /** The lines of the columns that are set; nothing for a NULL or absent column. */
    private static String setOnly(Map<String, ?> row, List<String> columns) {
        StringBuilder text = new StringBuilder();
        for (String column : columns) {
            Object value = row.get(column);
            if (value != null) {
                text.append(column).append('=').append(escape(value.toString())).append('\n');
            }
        }
        return text.toString();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
