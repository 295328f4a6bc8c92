package app.soapstone.storage;

import app.soapstone.support.SoapstoneTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A second program (another Soapstone, say) writing at the same time: the app waits for it instead of failing. */
class BusyDatabaseTest extends SoapstoneTest {

    private static final Duration HOLD = Duration.ofMillis(1000);

    @Test
    void writeWaitsForAnotherConnectionsWriteTransaction() throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + DATA_DIR.resolve("soapstone.db"));
                 Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA busy_timeout = 5000");
                statement.execute("BEGIN IMMEDIATE");
                statement.executeUpdate("INSERT INTO practitioner (name, credentials, created_at)"
                        + " VALUES ('Other Shell', 'RMT', '2026-01-01T00:00:00.000Z')");
                locked.countDown();
                Thread.sleep(HOLD.toMillis());
                statement.execute("COMMIT");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(locked.await(10, TimeUnit.SECONDS)).as("the other connection took the write lock").isTrue();

        long start = System.nanoTime();
        Result result = run("client add --first-name Zoë --last-name Łukasiewicz");
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        other.get(10, TimeUnit.SECONDS);
        assertThat(result.error()).isNull();
        assertThat(result.status()).isZero();
        assertThat(waited).as("the write waited for the lock").isGreaterThanOrEqualTo(HOLD.dividedBy(2));
        assertThat(jdbc.sql("SELECT count(*) FROM client WHERE last_name = 'Łukasiewicz'").query(Integer.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM practitioner WHERE name = 'Other Shell'").query(Integer.class).single())
                .isEqualTo(1);
    }
}
