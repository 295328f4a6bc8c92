package app.soapstone.storage;

import app.soapstone.shell.Failure;
import app.soapstone.support.SoapstoneTest;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database file that cannot be written, or a disk that is full, through the real command layer:
 * exit status 5 and a message that says what is wrong and what to do. SQLite
 * gives the same errors for a connection that may not write ({@code PRAGMA query_only}) as for a
 * read-only file (SQLITE_READONLY), and for a database that may not grow ({@code PRAGMA
 * max_page_count}) as for a full disk (SQLITE_FULL). The real read-only file (which can still
 * be read) and the real full disk are in {@code app.soapstone.DiskProblemsIT}.
 */
class DiskFailureTest extends SoapstoneTest {

    /** The pool's size: holding this many connections at once reaches every one of them. */
    private static final int CONNECTIONS = 4;

    @Autowired
    private DataSource dataSource;

    @TempDir
    Path temp;

    /** Fresh connections for the next test: the settings above belong to the connections. */
    @AfterEach
    void writableAgain() {
        ((HikariDataSource) dataSource).getHikariPoolMXBean().softEvictConnections();
    }

    @Test
    void aReadOnlyDatabaseSaysSoAndWhatToDo() throws Exception {
        run("client add --first-name Zoë --last-name Ng").expectOk();
        onEveryConnection("PRAGMA query_only = 1");

        for (String command : List.of("client add --first-name Ann --last-name Lee",
                "practitioner add --name \"Sam Jones\" --credentials RMT", "clinic set --name \"Calf Clinic\" --address \"1 Main St\" --phone \"03 9000 0000\"")) {
            Result refused = run(command);

            Path database = DATA_DIR.resolve("soapstone.db");
            assertThat(refused.status()).as(command + ": " + refused.error()).isEqualTo(Failure.DATABASE);
            assertThat(refused.error()).as(command).startsWith("The database file " + database + " is read-only")
                    .contains("ls -l " + database).contains("Nothing was changed")
                    .doesNotContain("SQLITE").doesNotContain("Unexpected");
        }
    }

    @Test
    void aFullDiskSaysSoAndAnImportKeepsNothing() throws Exception {
        run("client add --first-name Zoë --last-name Ng").expectOk();
        Path csv = temp.resolve("clients.csv");
        StringBuilder rows = new StringBuilder("first_name,last_name,phone,email\n");
        for (int i = 0; i < 5_000; i++) {
            // Every phone differs, or the rows would be refused as duplicates before the disk fills.
            rows.append("Client ").append(i).append(",Bulk").append(i).append(",0412 ")
                    .append(String.format("%06d", i)).append(",client").append(i).append("@example.com\n");
        }
        Files.writeString(csv, rows, StandardCharsets.UTF_8);
        onEveryConnection("PRAGMA max_page_count = " + jdbc.sql("PRAGMA page_count").query(Long.class).single());

        Result full = run("client import --csv " + csv);

        assertThat(full.status()).as(full.error()).isEqualTo(Failure.DATABASE);
        assertThat(full.error()).isEqualTo("The disk holding " + DATA_DIR.resolve("soapstone.db")
                + " is full: free space and try again; nothing was changed.");
        assertThat(jdbc.sql("SELECT count(*) FROM client").query(Long.class).single()).isOne();
    }

    private void onEveryConnection(String... pragmas) throws SQLException {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                held.add(dataSource.getConnection());
            }
            for (Connection connection : held) {
                try (Statement statement = connection.createStatement()) {
                    for (String pragma : pragmas) {
                        statement.execute(pragma);
                    }
                }
            }
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }
}
