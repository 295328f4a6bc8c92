package app.soapstone.storage;

import app.soapstone.shell.Failure;
import app.soapstone.support.SoapstoneTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A command that gives up because another program holds the write lock for longer than the busy
 * timeout reports "busy", stores nothing, and leaves the shell fully working: the next commands
 * write whole transactions again, not statement by statement.
 */
class BusyFailureRecoveryTest extends SoapstoneTest {

    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void afterABusyFailureTheNextCommandsWorkAndStayAtomic() throws Exception {
        run("practitioner add --name \"Sam Jones\" --credentials RMT").expectOk();
        long events = count("audit_event");
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + DATA_DIR.resolve("soapstone.db"));
             Statement statement = other.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            try {
                Result busy = run("client add --first-name Ann --last-name Lee");

                assertThat(busy.status()).isEqualTo(Failure.DATABASE);
                assertThat(busy.error()).contains("The database is busy").contains("Nothing was changed");
            } finally {
                statement.execute("ROLLBACK");
            }
        }
        assertThat(count("client")).isZero();
        assertThat(count("audit_event")).isEqualTo(events);

        // More commands than the pool has connections, so a damaged connection would be met again.
        for (int i = 0; i < 6; i++) {
            Result added = run("client add --first-name Ann --last-name Lee" + i);
            assertThat(added.status()).as(added.error()).isEqualTo(Failure.OK);
        }
        assertThat(count("client")).isEqualTo(6);

        // A transaction that fails half-way is still rolled back as a whole, on every connection.
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                jdbc.sql("INSERT INTO client (first_name, last_name, search_text, created_at, updated_at)"
                        + " VALUES ('Half', 'Way', 'half way', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')")
                        .update();
                throw new IllegalStateException("failed half-way");
            })).hasMessage("failed half-way");
        }
        assertThat(count("client")).isEqualTo(6);
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
