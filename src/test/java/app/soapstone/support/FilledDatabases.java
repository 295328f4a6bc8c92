package app.soapstone.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Database files seen from outside the application, for the end-to-end tests: filled large
 * enough that a backup or an export takes a while, and read back without changing them.
 */
public final class FilledDatabases {

    private FilledDatabases() {
    }

    /** Adds {@code count} clients with longish notes straight through JDBC, to make a database worth copying. */
    public static void fill(Path database, int count) throws SQLException {
        String notes = "Prefers firm pressure; left calf tight after long shifts. ".repeat(9);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database)) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO client (first_name, last_name, notes, search_text, created_at, updated_at)
                    VALUES (?, ?, ?, ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')""")) {
                for (int i = 0; i < count; i++) {
                    insert.setString(1, "Client" + i);
                    insert.setString(2, "Filler" + i);
                    insert.setString(3, notes + i);
                    insert.setString(4, "client" + i + " filler" + i);
                    insert.addBatch();
                    if (i % 5_000 == 4_999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
        }
    }

    /** Every row as text, SQL NULL as "null"; opened read-only, so looking changes nothing. */
    public static List<List<String>> query(Path database, String sql) throws SQLException {
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database, config.toProperties());
             Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    row.add(String.valueOf(result.getString(c)));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
