package db.migration.sqlite;

import app.soapstone.client.SearchText;
import app.soapstone.support.OldDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Version 16 makes the search text of clients stored before it again, names without punctuation. */
class SearchTextMigrationTest {

    @TempDir
    Path dir;

    @Test
    void version16RemakesTheSearchTextOfEveryClient() throws Exception {
        Path file = dir.resolve("soapstone.db");
        OldDatabases.migratedTo(file, "15");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("""
                    INSERT INTO client (id, first_name, last_name, preferred_name, print_name, phone, email, search_text,
                                        created_at, updated_at)
                    VALUES (1, 'Seán', 'O''Brien', NULL, NULL, '0412 345 678', 'Sean.OB@Example.ie',
                            'sean o''brien sean.ob@example.ie 0412345678', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'),
                           (2, 'Mary-Ann', 'Smith-Jones', 'Mia', 'Mary-Ann Smith‑Jones', NULL, NULL,
                            'mary-ann smith-jones mia', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')""");
        }

        OldDatabases.migratedTo(file, "16");

        List<String> texts = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT search_text FROM client ORDER BY id")) {
            while (row.next()) {
                texts.add(row.getString(1));
            }
        }
        assertThat(texts).containsExactly("sean obrien   sean.ob@example.ie 0412345678",
                "maryann smithjones mia maryann smithjones");
        // The frozen copy agrees with the application today, so old and new clients are found alike.
        assertThat(texts).containsExactly(
                SearchText.of("Seán", "O'Brien", null, null, "Sean.OB@Example.ie", "0412 345 678", null),
                SearchText.of("Mary-Ann", "Smith-Jones", "Mia", "Mary-Ann Smith‑Jones", null, null, null));
    }
}
