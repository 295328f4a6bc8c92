package app.soapstone.shell;

import app.soapstone.storage.DataLocation;
import app.soapstone.support.SoapstoneTest;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interactive shell with a pager: what is longer than the screen goes through $PAGER, what
 * fits is printed. The pager is a script that keeps what it is given; the screen is 12 lines.
 */
class InteractiveShellPagerTest extends SoapstoneTest {

    @TempDir
    Path dir;

    @Autowired
    private DataLocation location;

    @Autowired
    private ObjectProvider<StartupNotice> notices;

    @Test
    void longOutputGoesThroughThePagerAndShortOutputDoesNot() throws IOException {
        Path script = dir.resolve("pager.sh");
        Files.writeString(script, "#!/bin/sh\ncat >> '" + dir.resolve("paged.txt") + "'\n");
        script.toFile().setExecutable(true);
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        // Typed, then left open as a person's keyboard is: at the end of its input JLine would stop reading at once.
        PipedOutputStream keyboard = new PipedOutputStream();
        PipedInputStream typed = new PipedInputStream(keyboard);
        keyboard.write("help\nversion\nquit\n".getBytes(StandardCharsets.UTF_8));
        keyboard.flush();

        try (Terminal terminal = TerminalBuilder.builder().system(false).type(Terminal.TYPE_DUMB)
                .streams(typed, shown).encoding(StandardCharsets.UTF_8).build()) {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
            Terminal screenSize = org.mockito.Mockito.mock(Terminal.class);
            org.mockito.Mockito.when(screenSize.getType()).thenReturn("xterm-256color");
            org.mockito.Mockito.when(screenSize.getWidth()).thenReturn(100);
            org.mockito.Mockito.when(screenSize.getHeight()).thenReturn(12);
            ObjectProvider<Terminal> provider = new ObjectProvider<>() {
                @Override
                public Terminal getObject() {
                    return screenSize;
                }
            };
            InteractiveShell shell = new InteractiveShell(reader, () -> new AttributedString("soapstone:>"), runner,
                    location, notices, new Screen(provider, true, Map.of()), new Pager(Map.of("PAGER", script.toString())));

            assertThat(shell.run()).isEqualTo(Failure.OK);
        }

        String printed = shown.toString(StandardCharsets.UTF_8);
        assertThat(dir.resolve("paged.txt")).as(printed).exists();
        String paged = Files.readString(dir.resolve("paged.txt"));
        assertThat(paged).contains("Soapstone - practice records for massage therapists").contains("client add")
                .doesNotContain("Soapstone " + HelpCommands.VERSION);
        assertThat(printed).contains("Soapstone " + HelpCommands.VERSION)
                .doesNotContain("practice records for massage therapists");
    }
}
