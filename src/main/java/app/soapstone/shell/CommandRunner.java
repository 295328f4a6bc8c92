package app.soapstone.shell;

import app.soapstone.storage.DataLocation;
import app.soapstone.storage.DiskFailures;
import app.soapstone.validation.NotPermittedException;
import app.soapstone.validation.PlainText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.Clear;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.stereotype.Component;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * Runs one command line and turns any failure into a one-line message and an exit status. Used
 * by the interactive shell, one-shot mode and scripts alike, so all three behave the same. It is
 * the one way out to the terminal: what a command prints and every error pass through
 * {@link VisibleWriter}, so no stored text reaches the terminal as a control sequence, and then
 * {@link LaidOutWriter}, which wraps prose at the screen's width and colours the level labels.
 * Only the shell's own {@code clear} writes to the terminal as it is.
 */
@Component
public class CommandRunner {

    private static final Logger log = LoggerFactory.getLogger(CommandRunner.class);

    private final CommandLineParser parser;
    private final CommandCatalog catalog;
    private final HelpText helpText;
    private final DataLocation location;
    private final Screen screen;
    private final ObjectProvider<CommandPermissions> permissions;

    public CommandRunner(CommandLineParser parser, CommandCatalog catalog, HelpText helpText, DataLocation location,
            Screen screen, ObjectProvider<CommandPermissions> permissions) {
        this.parser = parser;
        this.catalog = catalog;
        this.helpText = helpText;
        this.location = location;
        this.screen = screen;
        this.permissions = permissions;
    }

    /** The outcome of one command: its exit status and, on failure, the message shown. */
    public record Outcome(int status, String error) {
        public boolean ok() {
            return status == Failure.OK;
        }
    }

    public Outcome run(String line, PrintWriter out, InputReader in) {
        return run(line, out, in, screen::proseWidth, screen.colour());
    }

    /**
     * Runs {@code line} with its prose wrapped at {@code width} (0 for none) and its level labels
     * coloured or not: what the screen says, or what a test chooses.
     */
    public Outcome run(String line, PrintWriter out, InputReader in, IntSupplier width, boolean colour) {
        try {
            return run(CommandLine.split(line), out, in, width, colour);
        } catch (RuntimeException e) {
            return failed(e, List.of());
        }
    }

    public Outcome run(List<String> words, PrintWriter terminal, InputReader in) {
        return run(words, terminal, in, screen::proseWidth, screen.colour());
    }

    private Outcome run(List<String> words, PrintWriter terminal, InputReader in, IntSupplier width, boolean colour) {
        PrintWriter out = new PrintWriter(new VisibleWriter(new LaidOutWriter(terminal, width, colour)));
        try {
            Invocation invocation = parser.parse(words);
            if (invocation.helpRequested()) {
                out.println(helpText.forCommand(invocation.spec()));
                return new Outcome(Failure.OK, null);
            }
            // Asked up front, so a login's role is refused in one plain line before anything is read.
            CommandPermissions allowed = permissions.getIfAvailable();
            Optional<String> refusal = allowed == null ? Optional.empty() : allowed.refusal(invocation.spec().name());
            if (refusal.isPresent()) {
                throw new NotPermittedException(refusal.get());
            }
            Command command = catalog.registry().getCommandByName(invocation.spec().name());
            // Spring Shell's clear writes the sequence that clears the screen: the one output that
            // is a control sequence by design, and holds nothing stored.
            CommandContext context = new CommandContext(invocation.input(), catalog.registry(),
                    command instanceof Clear ? terminal : out, in);
            ExitStatus status = command.execute(context);
            if (status.code() != ExitStatus.OK.code()) {
                return new Outcome(Failure.ERROR, PlainText.visibleLines(invocation.spec().name() + " failed: "
                        + status.description()));
            }
            return new Outcome(Failure.OK, null);
        } catch (Exception e) {
            return failed(e, words);
        } finally {
            out.flush();
        }
    }

    private Outcome failed(Exception e, List<String> words) {
        Failure failure = Failure.of(e);
        if (failure.unexpected()) {
            // A read-only database file or a full disk arrives as whatever SQL or I/O error it caused.
            RuntimeException disk = location.onPostgres() ? null : DiskFailures.ofDatabase(e, location.database());
            if (disk != null) {
                failure = Failure.of(disk);
            }
        }
        // Only the command's name is logged: its options may hold health information.
        String command = String.join(" ", words.subList(0, Math.min(2, words.size())));
        if (failure.unexpected()) {
            log.error("Command failed: {}", command, e);
        } else {
            log.debug("Command refused: {} (status {})", command, failure.status());
        }
        return new Outcome(failure.status(), PlainText.visibleLines(failure.message()));
    }
}
