package app.soapstone.shell;

import app.soapstone.validation.InvalidInputException;
import org.springframework.shell.core.command.CommandContext;

import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * Asks the user for a value the command needs but was not given. Only the interactive shell can
 * answer; in one-shot mode and scripts the missing option is an error, as it should be.
 */
public final class Prompts {

    private static final int ATTEMPTS = 3;

    private Prompts() {
    }

    /**
     * Asks for {@code option} until {@code check} accepts the answer. An empty answer cancels the
     * command, so nothing is stored.
     */
    public static String ask(CommandContext context, String option, String question, Consumer<String> check) {
        PrintWriter out = context.outputWriter();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            String answer;
            try {
                out.flush();
                answer = context.inputReader().readInput(question + (question.endsWith("\n") ? "> " : ": "));
            } catch (UnsupportedOperationException e) {
                throw InvalidInputException.forField(option, "is required (" + question.strip().replaceAll("\\s*\\n\\s*", "; ") + ")");
            } catch (Exception e) {
                throw new InvalidInputException("Cancelled: --" + option + " was not given; nothing was stored");
            }
            if (answer == null || answer.isBlank()) {
                throw new InvalidInputException("Cancelled: --" + option + " was not given; nothing was stored");
            }
            try {
                check.accept(answer.strip());
                return answer.strip();
            } catch (InvalidInputException e) {
                out.println(e.getMessage());
            }
        }
        throw new InvalidInputException("Cancelled after " + ATTEMPTS + " tries at --" + option + "; nothing was stored");
    }
}
