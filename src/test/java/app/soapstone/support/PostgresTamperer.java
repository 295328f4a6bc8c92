package app.soapstone.support;

import java.sql.Connection;
import java.sql.DriverManager;
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
public final class PostgresTamperer extends Tamperer {

    private final String url;

    public PostgresTamperer(String url, BiFunction<String, Long, String> contentHash) {
        super(contentHash);
        this.url = url;
    }

    /** Runs {@code work} with every table's triggers disabled, then enables them again. */
    @Override
    public void withoutTriggers(Work work) {
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

    /** Nothing: the INSERT guard numbers each link after the last one there is. */
    @Override
    protected void renumbered(Connection connection, long last) {
    }
}
