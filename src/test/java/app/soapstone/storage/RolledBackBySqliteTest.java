package app.soapstone.storage;

import app.soapstone.support.SoapstoneTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * SQLite rolls a transaction back by itself on some errors - a full disk (SQLITE_FULL), an I/O
 * error, RAISE(ROLLBACK) in a trigger. The error that caused it is what a user must be told: it
 * used to be replaced by Spring's own rollback failing with "cannot rollback - no transaction is
 * active", which is how a large import on a full disk said nothing about the disk.
 */
class RolledBackBySqliteTest extends SoapstoneTest {

    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void theErrorThatMadeSqliteRollBackIsTheOneReported() {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        long before = clients();

        // The same end as a write that meets a full disk: the statement fails and SQLite has
        // already rolled the whole transaction back when Spring tries to. (Temporary table and
        // trigger: they belong to this connection and vanish with the rollback.)
        Throwable thrown = catchThrowable(() -> transaction.executeWithoutResult(status -> {
            jdbc.sql("CREATE TEMP TABLE disk (page INTEGER)").update();
            jdbc.sql("CREATE TEMP TRIGGER disk_full BEFORE INSERT ON disk"
                    + " BEGIN SELECT RAISE(ROLLBACK, 'database or disk is full (simulated)'); END").update();
            jdbc.sql("INSERT INTO client (first_name, last_name, search_text, created_at, updated_at)"
                    + " VALUES ('Half', 'Way', 'half way', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')")
                    .update();
            jdbc.sql("INSERT INTO disk (page) VALUES (1)").update();
        }));

        assertThat(thrown).isInstanceOf(DataAccessException.class);
        assertThat(messages(thrown)).contains("database or disk is full (simulated)")
                .doesNotContain("cannot rollback");
        assertThat(clients()).as("nothing of the transaction was kept").isEqualTo(before);

        // Every connection of the pool still runs whole transactions afterwards.
        for (int i = 0; i < 6; i++) {
            Result added = run("client add --first-name Ann --last-name Lee" + i);
            assertThat(added.status()).as(added.error()).isZero();
        }
        assertThat(clients()).isEqualTo(before + 6);
        for (int i = 0; i < 6; i++) {
            assertThat(catchThrowable(() -> transaction.executeWithoutResult(status -> {
                jdbc.sql("INSERT INTO client (first_name, last_name, search_text, created_at, updated_at)"
                        + " VALUES ('Half', 'Way', 'half way', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')")
                        .update();
                throw new IllegalStateException("failed half-way");
            }))).hasMessage("failed half-way");
        }
        assertThat(clients()).as("a transaction that fails half-way is still undone as a whole").isEqualTo(before + 6);
    }

    private long clients() {
        return jdbc.sql("SELECT count(*) FROM client").query(Long.class).single();
    }

    private static String messages(Throwable thrown) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
