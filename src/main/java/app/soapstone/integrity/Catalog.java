package app.soapstone.integrity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What a database holds - its tables and their columns - asked as each database answers: SQLite
 * from {@code sqlite_master} and {@code pragma_table_info}, PostgreSQL from {@code information_schema}
 * in the schema the connection uses. The integrity checks read a database or a backup from before a
 * table or column was added, so they ask rather than assume.
 */
final class Catalog {

    private Catalog() {
    }

    /** Whether {@code connection} is to PostgreSQL (otherwise SQLite). */
    static boolean onPostgres(Connection connection) throws SQLException {
        return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    }

    static boolean hasTable(Connection connection, String table) throws SQLException {
        return count(connection, onPostgres(connection)
                ? "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?"
                : "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", table);
    }

    static boolean hasColumn(Connection connection, String table, String column) throws SQLException {
        return count(connection, onPostgres(connection)
                ? "SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema()"
                        + " AND table_name = ? AND column_name = ?"
                : "SELECT count(*) FROM pragma_table_info(?) WHERE name = ?", table, column);
    }

    private static boolean count(Connection connection, String sql, String... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getInt(1) > 0;
            }
        }
    }
}
