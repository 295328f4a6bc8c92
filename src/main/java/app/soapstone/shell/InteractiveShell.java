package app.soapstone.shell;

import app.soapstone.storage.DataLocation;
import app.soapstone.storage.PrivateFiles;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Lazy;
import org.springframework.shell.jline.JLineInputReader;
import org.springframework.shell.jline.PromptProvider;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/** The interactive shell: prompt, completion and history from JLine, commands through {@link CommandRunner}. */
@Component
@Lazy
public class InteractiveShell {

    private final LineReader reader;
    private final PromptProvider prompt;
    private final CommandRunner runner;
    private final DataLocation location;
    private final ObjectProvider<StartupNotice> notices;
    private final Screen screen;
    private final Pager pager;
    private final ObjectProvider<ShellCompleter> completer;

    public InteractiveShell(LineReader reader, PromptProvider prompt, CommandRunner runner, DataLocation location,
            ObjectProvider<StartupNotice> notices, Screen screen, Pager pager, ObjectProvider<ShellCompleter> completer) {
        this.reader = reader;
        this.prompt = prompt;
        this.runner = runner;
        this.location = location;
        this.notices = notices;
        this.screen = screen;
        this.pager = pager;
        this.completer = completer;
    }

    /** Reads and runs commands until {@code quit}, {@code exit} or end of input; returns the exit status. */
    public int run() {
        createHistoryFile();
        if (!screen.colour()) {
            // JLine shows the typed command in bold; NO_COLOR asks for no styling at all.
            reader.option(LineReader.Option.DISABLE_HIGHLIGHTER, true);
        }
        PrintWriter out = reader.getTerminal().writer();
        out.println(Prose.wrap("Soapstone - records in " + location.describe() + ". Type 'help' for commands, 'quit' to leave.",
                screen.proseWidth()));
        notices.orderedStream().map(StartupNotice::message).filter(m -> m != null && !m.isBlank())
                .forEach(message -> out.println(styled(Prose.wrap(message, screen.proseWidth()), AttributedStyle.YELLOW)));
        out.flush();
        JLineInputReader jline = new JLineInputReader(reader);
        while (true) {
            String line;
            try {
                line = reader.readLine(screen.colour() ? prompt.getPrompt().toAnsi(reader.getTerminal())
                        : prompt.getPrompt().toString());
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                return Failure.OK;
            }
            String command = line.strip();
            if (CommandLine.isBlankOrComment(command)) {
                continue;
            }
            if (List.of("quit", "exit").contains(command)) {
                return Failure.OK;
            }
            CommandRunner.Outcome outcome = run(command, out, jline);
            if (!outcome.ok()) {
                out.println(styled(Prose.wrap("Error: " + outcome.error(), screen.proseWidth()), AttributedStyle.RED));
                out.flush();
            }
        }
    }

    /**
     * Runs one command with its output held, then shown through the pager when it is longer than
     * the screen. A command that asks a question has what it printed shown before the question,
     * and is not paged.
     */
    private CommandRunner.Outcome run(String command, PrintWriter out, JLineInputReader jline) {
        HeldOutput held = new HeldOutput(out);
        InteractiveInput input = new InteractiveInput() {
            @Override
            public String readInput(String prompt) {
                held.release();
                return jline.readInput(Prose.wrap(prompt, screen.proseWidth()));
            }

            @Override
            public String readAnswer(String prompt, String command, String option) {
                try (ShellCompleter.Asking asking = completer.getObject().asking(command, option)) {
                    return readInput(prompt);
                }
            }
        };
        pager.hold(held);
        try {
            return runner.run(command, new PrintWriter(held), input);
        } finally {
            pager.hold(null);
            held.finish(screen.height(), pager);
        }
    }

    /**
     * The history holds what was typed, names and notes among it, so it is created readable by the
     * owner only before JLine first writes to it (JLine would create it readable by all). Created
     * here, not at start-up: one-shot commands need none, and a refused database gets none.
     */
    private void createHistoryFile() {
        try {
            PrivateFiles.createNew(location.historyFile());
        } catch (IOException e) {
            // It exists already, or it cannot be made: JLine then keeps the history in memory.
        }
    }

    /** {@code text} in {@code colour}, unless NO_COLOR is set (or the terminal cannot show colour). */
    private String styled(String text, int colour) {
        if (!screen.colour()) {
            return text;
        }
        return new AttributedString(text, AttributedStyle.DEFAULT.foreground(colour)).toAnsi(reader.getTerminal());
    }
}
