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
 * Brings records that became final before the chain took them into the chain, for the migration
 * that widened it to intake versions, clearances, care plans given and audit events (version 13),
 * after the links there are. Plain SHA-256 links, as no key can exist yet. (Version 6, which
 * started the chain with notes and addenda, carries its own frozen copy of the digest.)
 */
public final class EarlierRecords {

    private static final int BATCH = 1_000;

    private EarlierRecords() {
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
