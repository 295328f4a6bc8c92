package app.soapstone.support;

import app.soapstone.integrity.RecordDigests;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Someone with write access to the database underneath Soapstone (the sqlite3 tool on the file,
 * or psql as the tables' owner) who knows how the record chain is computed (the code is public) but
 * not the clinic's key: turns the guards off, changes what they like, recomputes the chain's hashes
 * as Soapstone would (plain SHA-256), and puts the guards back exactly as they were, so that nothing
 * looks touched. {@link SqliteTamperer} and {@link PostgresTamperer} turn the guards off on each database.
 */
public abstract class Tamperer {

    private static final String GENESIS = "0".repeat(64);

    /** The content hash Soapstone would give a record (type, id), read from the database as it now is. */
    private final BiFunction<String, Long, String> contentHash;

    protected Tamperer(BiFunction<String, Long, String> contentHash) {
        this.contentHash = contentHash;
    }

    /** Something done on the database, on a connection of the tamperer's own. */
    public interface Work {
        void run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} with every guard off, then puts them all back as they were. */
    public abstract void withoutTriggers(Work work);

    /** After the chain was renumbered up to {@code last}: what the database keeps of its numbering, set to match. */
    protected abstract void renumbered(Connection connection, long last) throws SQLException;

    /**
     * Recomputes every link from entry {@code fromSeq} on, as Soapstone computes an unkeyed link:
     * the content hash of the record as it now is, and the link hash over the one before. Links of
     * records that no longer exist are dropped first, and the entries numbered again without gaps.
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
            update(connection, "DELETE FROM record_chain WHERE seq >= ?", fromSeq);
            String previous = head(connection);
            long seq = fromSeq;
            for (Object[] link : links) {
                String type = (String) link[0];
                long id = (Long) link[1];
                String content;
                try {
                    content = contentHash.apply(type, id);
                } catch (RuntimeException gone) {
                    continue;
                }
                if (content == null) {
                    continue;
                }
                String hash = RecordDigests.linkHash(previous, type, id, content);
                update(connection, """
                        INSERT INTO record_chain (seq, record_type, record_id, content_hash, previous_hash, hash, linked_at)
                        VALUES (?, ?, ?, ?, ?, ?, '2026-01-01T00:00:00.000Z')""", seq++, type, id, content, previous, hash);
                previous = hash;
            }
            renumbered(connection, seq - 1);
        });
    }

    /**
     * Appends an unkeyed link for a record, after the last one, as Soapstone would. Its seq is given:
     * with the guards off nothing chooses one on PostgreSQL (its INSERT guard does, there is no default).
     */
    public void link(String type, long id) {
        withoutTriggers(connection -> {
            String previous = head(connection);
            String content = contentHash.apply(type, id);
            update(connection, """
                    INSERT INTO record_chain (seq, record_type, record_id, content_hash, previous_hash, hash, linked_at)
                    VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM record_chain), ?, ?, ?, ?, ?,
                            '2026-01-01T00:00:00.000Z')""", type, id, content, previous,
                    RecordDigests.linkHash(previous, type, id, content));
        });
    }

    /** Runs one statement with the guards off. */
    public void sql(String sql, Object... params) {
        withoutTriggers(connection -> update(connection, sql, params));
    }

    /** The entry of a record's link. */
    public long seqOf(String type, long id) {
        return single("SELECT seq FROM record_chain WHERE record_type = ? AND record_id = ?", type, id);
    }

    /** The one number {@code sql} selects. */
    public long single(String sql, Object... params) {
        long[] value = new long[1];
        withoutTriggers(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    statement.setObject(i + 1, params[i]);
                }
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    value[0] = row.getLong(1);
                }
            }
        });
        return value[0];
    }

    public static int update(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        }
    }

    private static String head(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet last = statement.executeQuery("SELECT hash FROM record_chain ORDER BY seq DESC LIMIT 1")) {
            return last.next() ? last.getString(1) : GENESIS;
        }
    }
}
