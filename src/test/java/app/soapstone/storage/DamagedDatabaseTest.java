package app.soapstone.storage;

import app.soapstone.SoapstoneApplication;
import app.soapstone.shell.Failure;
import app.soapstone.shell.StartupFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A file with a valid SQLite header and garbage after it (a damaged disk, a half-copied file) is
 * refused at start with one clear line and a database exit status, and is not changed.
 */
class DamagedDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void aDamagedDatabaseIsRefusedWithOneClearLineAndLeftUnchanged() throws Exception {
        Path file = dir.resolve("soapstone.db");
        byte[] header = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
        byte[] content = new byte[8192];
        new Random(7).nextBytes(content);
        System.arraycopy(header, 0, content, 0, header.length);
        Files.write(file, content);

        RuntimeException refused = null;
        long start = System.nanoTime();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SoapstoneApplication.class)
                .properties("spring.shell.interactive.enabled=false", "soapstone.db=" + file).run()) {
            fail("started on a damaged file");
        } catch (RuntimeException e) {
            refused = e;
        }
        // Promptly: not after the connection pool has tried for its 30-second timeout.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = StartupFailure.report(refused, new PrintStream(err, true, StandardCharsets.UTF_8));

        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(status).isEqualTo(Failure.DATABASE);
        assertThat(message.lines().toList()).as(message).hasSize(1);
        assertThat(message).startsWith("Error: ").contains(file.toString()).contains("damaged")
                .contains("left untouched").doesNotContain("Unexpected");
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("soapstone.db-")).toList())
                    .as("no journal or WAL files").isEmpty();
        }
    }
}
