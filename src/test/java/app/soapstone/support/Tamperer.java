package app.soapstone.support;

import app.soapstone.integrity.RecordDigests;

import java.nio.file.Path;
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
 * Someone with the sqlite3 tool and write access to the database file, who knows how the record
 * chain is computed (the code is public) but not the clinic's key: drops every trigger, changes
 * what they like, recomputes the chain's hashes as Soapstone would (plain SHA-256), and puts the
 * triggers back exactly as they were, so that nothing looks touched.
 */
public final class Tamperer {

    private static final String GENESIS = "0".repeat(64);

    private final Path database;
    /** The content hash Soapstone would give a record (type, id), read from the database as it now is. */
    private final BiFunction<String, Long, String> contentHash;

    public Tamperer(Path database, BiFunction<String, Long, String> contentHash) {
        this.database = database;
        this.contentHash = contentHash;
    }

    /** Something done on the raw database file. */
    public interface Work {
        void run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} with every trigger dropped, then puts them all back as they were. */
    public void withoutTriggers(Work work) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 10000");
            List<String[]> triggers = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")) {
                while (rows.next()) {
                    triggers.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
            for (String[] trigger : triggers) {
                statement.execute("DROP TRIGGER \"" + trigger[0] + "\"");
            }
            try {
                work.run(connection);
            } finally {
                for (String[] trigger : triggers) {
                    statement.execute(trigger[1]);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one statement with the triggers dropped. */
    public void sql(String sql, Object... params) {
        withoutTriggers(connection -> update(connection, sql, params));
    }

    public static int update(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        }
    }

    /**
     * Recomputes every link from entry {@code fromSeq} on, as Soapstone computes an unkeyed link:
     * the content hash of the record as it now is, and the link hash over the one before. Links of
     * records that no longer exist are dropped first, and the entries numbered again without gaps.
     */
    public void recomputeChainFrom(long fromSeq) {
        withoutTriggers(connection -> {
            List<Object[]> links = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT seq, record_type, record_id FROM record_chain WHERE seq >= ? ORDER BY seq")) {
                select.setLong(1, fromSeq);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        links.add(new Object[] {rows.getLong(1), rows.getString(2), rows.getLong(3)});
                    }
                }
            }
            update(connection, "DELETE FROM record_chain WHERE seq >= ?", fromSeq);
            String previous = head(connection);
            long seq = fromSeq;
            for (Object[] link : links) {
                String type = (String) link[1];
                long id = (Long) link[2];
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
            update(connection, "UPDATE sqlite_sequence SET seq = ? WHERE name = 'record_chain'", seq - 1);
        });
    }

    /** Appends an unkeyed link for a record, after the last one, as Soapstone would. */
    public void link(String type, long id) {
        withoutTriggers(connection -> {
            String previous = head(connection);
            String content = contentHash.apply(type, id);
            update(connection, """
                    INSERT INTO record_chain (record_type, record_id, content_hash, previous_hash, hash, linked_at)
                    VALUES (?, ?, ?, ?, ?, '2026-01-01T00:00:00.000Z')""", type, id, content, previous,
                    RecordDigests.linkHash(previous, type, id, content));
        });
    }

    /** The entry of a record's link. */
    public long seqOf(String type, long id) {
        return single("SELECT seq FROM record_chain WHERE record_type = ? AND record_id = ?", type, id);
    }

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

    private static String head(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet last = statement.executeQuery("SELECT hash FROM record_chain ORDER BY seq DESC LIMIT 1")) {
            return last.next() ? last.getString(1) : GENESIS;
        }
    }
}
