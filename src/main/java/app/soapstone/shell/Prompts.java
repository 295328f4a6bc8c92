package app.soapstone.shell;

import app.soapstone.validation.InvalidInputException;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.ParsedInput;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Asks the user for a value the command needs but was not given. Only the interactive shell can
 * answer; in one-shot mode and scripts the missing option is an error, as it should be.
 */
public final class Prompts {

    private static final int ATTEMPTS = 3;

    private Prompts() {
    }

    /**
     * Asks for {@code option}, showing its {@code current} text (null: none), until {@code check}
     * accepts the answer, and gives the text to keep: the answer, or {@code current} when the
     * answer is empty, or null when it is "-" and the field is optional (emptied). An empty answer
     * to a required field with no current text asks again, so the answers before it are not
     * lost. Ctrl-C or the end of the input cancels the command, so nothing is stored. Where
     * nobody can answer (one-shot mode, scripts) a required field with no text is an error naming
     * the option; otherwise the current text stands.
     */
    public static String answer(CommandContext context, String option, String question, String current,
            boolean required, Consumer<String> check) {
        PrintWriter out = context.outputWriter();
        String hint = current != null ? " [" + current.replaceAll("\\s*\\n\\s*", " / ") + "]"
                + (required ? "" : " (Enter keeps, - empties)")
                : required ? "" : " (Enter skips)";
        String prompt = question.endsWith("\n") ? question + hint.strip() + (hint.isEmpty() ? "" : "\n") + "> "
                : question + hint + ": ";
        int refused = 0;
        while (refused < ATTEMPTS) {
            String answer;
            try {
                out.flush();
                answer = context.inputReader() instanceof InteractiveInput person
                        ? person.readAnswer(prompt, commandName(context), option)
                        : context.inputReader().readInput(prompt);
            } catch (UnsupportedOperationException e) {
                if (current != null || !required) {
                    return current;
                }
                throw InvalidInputException.forField(option, "is required (" + question.strip().replaceAll("\\s*\\n\\s*", "; ") + ")");
            } catch (Exception e) {
                throw new InvalidInputException("Cancelled at --" + option + "; nothing was stored");
            }
            String given = answer == null ? "" : answer.strip();
            if (given.isEmpty()) {
                if (current != null || !required) {
                    return current;
                }
                out.println("--" + option + " is required (Ctrl-C cancels the whole command)");
                continue;
            }
            if (given.equals("-") && !required) {
                return null;
            }
            try {
                check.accept(given);
                return given;
            } catch (InvalidInputException e) {
                out.println(e.getMessage());
                refused++;
            }
        }
        throw new InvalidInputException("Cancelled after " + ATTEMPTS + " tries at --" + option + "; nothing was stored");
    }

    private static String commandName(CommandContext context) {
        ParsedInput input = context.parsedInput();
        return input == null ? "" : String.join(" ", Stream.concat(Stream.of(input.commandName()),
                input.subCommands().stream()).toList());
    }

    /**
     * Offers {@code choices} the user may take or leave: "y" takes the only one, a number one of
     * several; Enter or "n" takes none. Empty too where nobody can answer (one-shot mode, scripts)
     * or the input ends: an offer is never taken without a yes.
     */
    public static Optional<Integer> offer(CommandContext context, String question, List<String> choices) {
        PrintWriter out = context.outputWriter();
        String prompt = choices.size() == 1
                ? question + " Did you mean " + choices.get(0) + "? [y/N]: "
                : question + " Did you mean\n" + numbered(choices) + "Number, or Enter for none> ";
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            String answer;
            try {
                out.flush();
                answer = context.inputReader().readInput(prompt);
            } catch (Exception e) {
                return Optional.empty();
            }
            String given = answer == null ? "" : answer.strip().toLowerCase(Locale.ROOT);
            if (given.isEmpty() || given.equals("n") || given.equals("no")) {
                return Optional.empty();
            }
            if (choices.size() == 1 && (given.equals("y") || given.equals("yes"))) {
                return Optional.of(0);
            }
            if (given.matches("[0-9]{1,2}") && Integer.parseInt(given) >= 1 && Integer.parseInt(given) <= choices.size()) {
                return Optional.of(Integer.parseInt(given) - 1);
            }
            out.println(choices.size() == 1 ? "Answer y or n." : "Answer a number from 1 to " + choices.size()
                    + ", or press Enter for none.");
        }
        return Optional.empty();
    }

    private static String numbered(List<String> choices) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < choices.size(); i++) {
            text.append("  ").append(i + 1).append("  ").append(choices.get(i)).append('\n');
        }
        return text.toString();
    }
}
