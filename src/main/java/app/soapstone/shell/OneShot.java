package app.soapstone.shell;

import app.soapstone.storage.FileErrors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.core.InputReader;
import org.springframework.stereotype.Component;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs one command, or a script of commands, without the interactive shell: results on stdout,
 * errors on stderr, and an exit status that says whether it worked.
 */
@Component
public class OneShot {

    private final CommandRunner runner;
    private final UserHome home;
    private final PrintWriter out;
    private final PrintWriter err;

    @Autowired
    public OneShot(CommandRunner runner, UserHome home) {
        this(runner, home, System.out, System.err);
    }

    OneShot(CommandRunner runner, UserHome home, PrintStream out, PrintStream err) {
        this.runner = runner;
        this.home = home;
        // Always UTF-8, whatever the locale says, so that names like Zoë or Анна survive a pipe.
        this.out = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        this.err = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    }

    /** Nothing can be asked in one-shot mode; commands that would ask report the missing value instead. */
    static final InputReader NO_INPUT = new InputReader() {
    };

    /**
     * What the JVM puts in place of command-line bytes it cannot decode, e.g. the UTF-8 of "Zoë"
     * under LANG=C. Such a word would be stored mangled, so the command is refused instead.
     */
    static final char UNREADABLE = '\uFFFD';

    public int runCommand(List<String> words) {
        if (words.stream().anyMatch(word -> word.indexOf(UNREADABLE) >= 0)) {
            err.println("Error: the command line holds characters that could not be read (the locale, LANG or LC_ALL,"
                    + " is probably not UTF-8). Nothing was changed. Set LANG=C.UTF-8, or put the command in a"
                    + " script file and run it with @file.");
            return Failure.USAGE;
        }
        CommandRunner.Outcome outcome = runner.run(asCommand(words), out, NO_INPUT);
        if (!outcome.ok()) {
            err.println("Error: " + outcome.error());
        }
        return outcome.status();
    }

    /**
     * {@code soapstone -h}, {@code --help} and {@code --version} as most command-line programs take
     * them: the same as the commands {@code help} and {@code version}.
     */
    static List<String> asCommand(List<String> words) {
        String first = words.isEmpty() ? "" : words.get(0);
        if (first.equals("-h") || first.equals("--help")) {
            return Stream.concat(Stream.of("help"), words.stream().skip(1)).toList();
        }
        if (first.equals("--version") && words.size() == 1) {
            return List.of("version");
        }
        return words;
    }

    /**
     * Runs each line of the script in turn (blank lines and {@code #} or {@code //} comments are
     * skipped) and stops at the first failure.
     */
    public int runScript(String file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(home.expand(file)), StandardCharsets.UTF_8);
        } catch (NoSuchFileException | FileNotFoundException e) {
            err.println("Error: script " + file + " does not exist");
            return Failure.USAGE;
        } catch (MalformedInputException e) {
            err.println("Error: script " + file + " is not UTF-8 text");
            return Failure.USAGE;
        } catch (IOException e) {
            err.println("Error: cannot read script " + file + " (" + FileErrors.describe(e) + ")");
            return Failure.USAGE;
        }
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).replace("\uFEFF", "").strip();
            if (CommandLine.isBlankOrComment(line)) {
                continue;
            }
            CommandRunner.Outcome outcome = runner.run(line, out, NO_INPUT);
            if (!outcome.ok()) {
                err.println("Error: " + outcome.error());
                err.println(file + ":" + number + ": stopped here; later lines were not run");
                return outcome.status();
            }
        }
        return Failure.OK;
    }
}
