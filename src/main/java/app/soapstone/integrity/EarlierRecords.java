package app.soapstone.integrity;

import app.soapstone.storage.SqliteDialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Brings records that became final before the chain took them into the chain, for the migrations
 * that widen it: version 6 (signed notes and addenda) and version 13 (intake versions, clearances,
 * care plans given and audit events). Plain SHA-256 links, as no key can exist yet at either.
 */
public final class EarlierRecords {

    private static final int BATCH = 1_000;

    private EarlierRecords() {
    }

    /**
     * Version 6: the notes signed and the addenda written before version 5, in the order they
     * became final, with the columns record_chain had then. Nothing if the chain has links already.
     */
    public static void linkNotesAndAddenda(Connection connection) throws SQLException {
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
        String previous = RecordChain.GENESIS;
        String now = SqliteDialect.INSTANT_TEXT.format(Instant.now());
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO record_chain (record_type, record_id, content_hash, previous_hash, hash, linked_at)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            for (Object[] record : records) {
                String type = (String) record[0];
                long id = (Long) record[1];
                String content = RecordDigests.digest(connection, FinalRecord.require(type), id).orElseThrow();
                String hash = RecordDigests.linkHash(previous, type, id, content);
                insert.setString(1, type);
                insert.setLong(2, id);
                insert.setString(3, content);
                insert.setString(4, previous);
                insert.setString(5, hash);
                insert.setString(6, now);
                insert.executeUpdate();
                previous = hash;
            }
        }
    }

    /**
     * Version 13: every intake version, clearance, care plan given and audit event not in the chain
     * yet, kind after kind in id order (the order each kind was written), after the links there
     * are; then an audit event saying so, linked last. Returns how many of each kind were linked.
     */
    public static Map<FinalRecord, Long> linkEveryOtherKind(Connection connection, Instant now) throws SQLException {
        String at = SqliteDialect.INSTANT_TEXT.format(now);
        Head head = head(connection);
        Map<FinalRecord, Long> linked = new EnumMap<>(FinalRecord.class);
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO record_chain (record_type, record_id, content_hash, previous_hash, hash, linked_at)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            for (FinalRecord kind : List.of(FinalRecord.INTAKE, FinalRecord.CLEARANCE, FinalRecord.CARE_PLAN,
                    FinalRecord.AUDIT)) {
                long[] count = {0};
                int[] pending = {0};
                RecordDigests.scan(connection, kind, Long.MIN_VALUE, Long.MAX_VALUE, (id, isFinal, digest) -> {
                    String content = HexFormat.of().formatHex(digest);
                    String hash = RecordDigests.linkHash(head.hash, kind.type(), id, content);
                    insert.setString(1, kind.type());
                    insert.setLong(2, id);
                    insert.setString(3, content);
                    insert.setString(4, head.hash);
                    insert.setString(5, hash);
                    insert.setString(6, at);
                    insert.addBatch();
                    head.hash = hash;
                    count[0]++;
                    if (++pending[0] == BATCH) {
                        insert.executeBatch();
                        pending[0] = 0;
                    }
                });
                insert.executeBatch();
                linked.put(kind, count[0]);
            }
        }
        long total = linked.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return linked;
        }
        String summary = "Schema version 13: linked the records made final before it into the record chain ("
                + String.join(", ", linked.entrySet().stream().map(e -> e.getKey().count(e.getValue())).toList()) + ")";
        long auditId;
        try (PreparedStatement audit = connection.prepareStatement("""
                INSERT INTO audit_event (at, practitioner_id, action, record_type, record_id, client_id, summary)
                VALUES (?, (SELECT id FROM practitioner WHERE is_default = 1), 'upgrade', 'database', NULL, NULL, ?)""")) {
            audit.setString(1, at);
            audit.setString(2, summary);
            audit.executeUpdate();
        }
        try (Statement statement = connection.createStatement(); ResultSet id = statement.executeQuery(
                "SELECT last_insert_rowid()")) {
            id.next();
            auditId = id.getLong(1);
        }
        String content = RecordDigests.digest(connection, FinalRecord.AUDIT, auditId).orElseThrow();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO record_chain (record_type, record_id, content_hash, previous_hash, hash, linked_at)
                VALUES ('audit', ?, ?, ?, ?, ?)""")) {
            insert.setLong(1, auditId);
            insert.setString(2, content);
            insert.setString(3, head.hash);
            insert.setString(4, RecordDigests.linkHash(head.hash, FinalRecord.AUDIT.type(), auditId, content));
            insert.setString(5, at);
            insert.executeUpdate();
        }
        linked.merge(FinalRecord.AUDIT, 1L, Long::sum);
        return linked;
    }

    private static final class Head {
        String hash;
    }

    private static Head head(Connection connection) throws SQLException {
        Head head = new Head();
        head.hash = RecordChain.GENESIS;
        try (Statement statement = connection.createStatement();
             ResultSet last = statement.executeQuery("SELECT hash FROM record_chain ORDER BY seq DESC LIMIT 1")) {
            if (last.next()) {
                head.hash = last.getString(1);
            }
        }
        return head;
    }
}
