package app.soapstone.shell;

import app.soapstone.storage.DataLocation;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.Clear;
import org.springframework.shell.core.command.CommandRegistry;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interactive shell's {@code clear} still clears the screen, though everything else a command
 * prints goes through {@link VisibleWriter}, which would show its escape sequence as text.
 */
class ClearCommandTest {

    @Test
    void clearSendsTheSequenceThatClearsTheScreen() {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.refresh();
            CommandCatalog catalog = new CommandCatalog(new CommandRegistry(Set.of(new Clear())), context);
            CommandRunner runner = new CommandRunner(new CommandLineParser(catalog, new UserHome("/nonexistent")), catalog, new HelpText(catalog, context.getBeanProvider(CommandPermissions.class)),
                    new DataLocation(Path.of("/nonexistent/soapstone.db")), new Screen(null, false),
                    context.getBeanProvider(CommandPermissions.class));
            StringWriter terminal = new StringWriter();

            CommandRunner.Outcome outcome = runner.run("clear", new PrintWriter(terminal), new InputReader() {
            });

            assertThat(outcome.ok()).as(String.valueOf(outcome.error())).isTrue();
            assertThat(terminal.toString()).isEqualTo("\u001b[H\u001b[2J");
        }
    }
}
