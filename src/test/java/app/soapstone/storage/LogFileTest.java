package app.soapstone.storage;

import app.soapstone.SoapstoneApplication;
import app.soapstone.client.ClientDetails;
import app.soapstone.client.ClientService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Soapstone logs to soapstone.log and nowhere else, whatever happens to the log: on a full disk
 * every write to it fails, and logback's reports of those failures (with stack traces) must not
 * reach the terminal either. /dev/full is a file every write to fails with "No space left on
 * device", exactly as on a full disk.
 */
class LogFileTest {

    @TempDir
    Path dir;

    @Test
    @EnabledIf("devFull")
    void aLogOnAFullDiskPrintsNothingOnTheConsole() throws Exception {
        Path database = dir.resolve("soapstone.db");
        Files.createSymbolicLink(dir.resolve("soapstone.log"), Path.of("/dev/full"));

        String console = console(() -> {
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SoapstoneApplication.class)
                    .properties("spring.shell.interactive.enabled=false", "soapstone.db=" + database).run()) {
                app.getBean(ClientService.class).add(new ClientDetails("Zoë", "Ng", null, null, null, null, null, null,
                        null, null));
                LoggerFactory.getLogger(LogFileTest.class).error("a failure worth logging",
                        new IllegalStateException("with a stack trace"));
            }
        });

        assertThat(console).as("stdout and stderr").isEmpty();
    }

    static boolean devFull() {
        return Files.isWritable(Path.of("/dev/full"));
    }

    /** What {@code action} printed on System.out and System.err. */
    private static String console(Runnable action) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            action.run();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}
