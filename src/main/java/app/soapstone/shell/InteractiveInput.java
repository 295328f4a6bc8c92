package app.soapstone.shell;

import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.CommandContext;

/**
 * Input from a person at the interactive shell. Commands use it to decide whether they may open
 * an editor or ask questions; one-shot mode and scripts never provide it.
 */
public interface InteractiveInput extends InputReader {

    static boolean isInteractive(CommandContext context) {
        return context.inputReader() instanceof InteractiveInput;
    }

    /** Reads the answer to {@code command}'s question about {@code option}; TAB offers that option's values. */
    default String readAnswer(String prompt, String command, String option) throws Exception {
        return readInput(prompt);
    }
}
