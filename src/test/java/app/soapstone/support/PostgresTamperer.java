package app.soapstone.support;

import app.soapstone.integrity.RecordDigests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * {@link Tamperer} on PostgreSQL: someone who owns the clinic's tables and knows how the chain is
 * computed, but not the clinic's key. Turns the guards off ({@code DISABLE TRIGGER USER} on every
 * table that has them), changes what they like, recomputes the chain as Soapstone would (plain
 * SHA-256), and turns the guards back on, so that the triggers are exactly as they were.
 */
public final class PostgresTamperer {

    private static final String GENESIS = "0".repeat(64);

    private final String url;
    /** The content hash Soapstone would give a record (type, id), read from the database as it now is. */
    private final BiFunction<String, Long, String> contentHash;

    public PostgresTamperer(String url, BiFunction<String, Long, String> contentHash) {
        this.url = url;
        this.contentHash = contentHash;
    }

    /** Runs {@code work} with every table's triggers disabled, then enables them again. */
    public void withoutTriggers(Tamperer.Work work) {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT DISTINCT c.relname FROM pg_trigger t"
                    + " JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                statement.execute("ALTER TABLE " + table + " DISABLE TRIGGER USER");
            }
            try {
                work.run(connection);
            } finally {
                for (String table : tables) {
                    statement.execute("ALTER TABLE " + table + " ENABLE TRIGGER USER");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one statement with the guards off. */
    public void sql(String sql, Object... params) {
        withoutTriggers(connection -> Tamperer.update(connection, sql, params));
    }

    /**
     * Recomputes every link from entry {@code fromSeq} on, as {@link Tamperer#recomputeChainFrom}
     * does: links of records that are gone dropped, the others numbered again without gaps.
     */
    public void recomputeChainFrom(long fromSeq) {
        withoutTriggers(connection -> {
            List<Object[]> links = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT record_type, record_id FROM record_chain WHERE seq >= ? ORDER BY seq")) {
                select.setLong(1, fromSeq);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        links.add(new Object[] {rows.getString(1), rows.getLong(2)});
                    }
                }
            }
            Tamperer.update(connection, "DELETE FROM record_chain WHERE seq >= ?", fromSeq);
            String previous = GENESIS;
            try (Statement statement = connection.createStatement();
                 ResultSet last = statement.executeQuery("SELECT hash FROM record_chain ORDER BY seq DESC LIMIT 1")) {
                previous = last.next() ? last.getString(1) : previous;
            }
            long seq = fromSeq;
            for (Object[] link : links) {
                String type = (String) link[0];
                long id = (Long) link[1];
                String content = contentHash.apply(type, id);
                if (content == null) {
                    continue;
                }
                String hash = RecordDigests.linkHash(previous, type, id, content);
                Tamperer.update(connection, """
                        INSERT INTO record_chain (seq, record_type, record_id, content_hash, previous_hash, hash, linked_at)
                        VALUES (?, ?, ?, ?, ?, ?, '2026-01-01T00:00:00.000Z')""", seq++, type, id, content, previous, hash);
                previous = hash;
            }
        });
    }
}
