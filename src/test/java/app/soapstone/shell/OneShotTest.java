package app.soapstone.shell;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OneShotTest {

    @Test
    void refusesWordsTheJvmCouldNotDecodeInsteadOfRunningTheCommand() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // No runner: the command must be refused before anything runs. "Zo\uFFFD\uFFFD" is "Zoë" read under LANG=C.
        OneShot oneShot = new OneShot(null, new PrintStream(out), new PrintStream(err));

        int status = oneShot.runCommand(List.of("client", "add", "--first-name", "Zo\uFFFD\uFFFD", "--last-name", "Lee"));

        assertThat(status).isEqualTo(Failure.USAGE);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Error: the command line holds characters that"
                + " could not be read").contains("LANG=C.UTF-8");
    }
}
