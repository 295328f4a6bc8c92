package app.soapstone.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * {@link Tamperer} on SQLite: someone with the sqlite3 tool and write access to the database file.
 * Drops every trigger, changes what they like, and makes the triggers again exactly as they were.
 */
public final class SqliteTamperer extends Tamperer {

    private final Path database;

    public SqliteTamperer(Path database, BiFunction<String, Long, String> contentHash) {
        super(contentHash);
        this.database = database;
    }

    /** Runs {@code work} with every trigger dropped, then puts them all back as they were. */
    @Override
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

    /** AUTOINCREMENT's counter: the next link Soapstone makes follows the last one, as in an untouched file. */
    @Override
    protected void renumbered(Connection connection, long last) throws SQLException {
        Tamperer.update(connection, "UPDATE sqlite_sequence SET seq = ? WHERE name = 'record_chain'", last);
    }
}
