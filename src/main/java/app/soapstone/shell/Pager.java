package app.soapstone.shell;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Shows long output of the interactive shell through {@code $PAGER}, as git does: {@code less
 * -FRX} when PAGER is not set and less is installed (it quits at once when the text fits, keeps
 * the colours and leaves the text on the screen); nothing when PAGER is empty or {@code cat}.
 * It also knows the output of the command running now, so that the editor can show it before
 * taking the terminal.
 */
@Component
public class Pager {

    static final String DEFAULT = "less -FRX";

    private final Map<String, String> environment;
    private HeldOutput current;

    public Pager() {
        this(System.getenv());
    }

    Pager(Map<String, String> environment) {
        this.environment = environment;
    }

    /** The pager's command line, if output is to be paged at all. */
    Optional<String> command() {
        String chosen = environment.get("PAGER");
        if (chosen == null) {
            return Editor.installed("less", environment.getOrDefault("PATH", "")).map(less -> DEFAULT);
        }
        chosen = chosen.strip();
        return chosen.isEmpty() || chosen.equals("cat") ? Optional.empty() : Optional.of(chosen);
    }

    /**
     * Sends {@code text} through the pager and waits until the person leaves it; false when there
     * is no pager or it cannot be started, and the caller prints the text itself.
     */
    boolean page(String text) {
        Optional<String> command = command();
        if (command.isEmpty()) {
            return false;
        }
        ProcessBuilder builder = windows() ? new ProcessBuilder("cmd", "/c", command.get())
                // Through the shell, as git does, so PAGER may carry options ("less -S").
                : new ProcessBuilder("/bin/sh", "-c", command.get());
        builder.redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT);
        // What git sets for less when the person has not: quit if it fits, pass colours, keep the screen.
        builder.environment().putIfAbsent("LESS", "FRX");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return false;
        }
        try (OutputStream in = process.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The person left the pager before reading to the end: nothing more to show.
        }
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    /** The output of the command running now in the interactive shell; null between commands. */
    void hold(HeldOutput output) {
        current = output;
    }

    /** Shows what the running command printed so far, before another program (an editor) takes the terminal. */
    public void release() {
        if (current != null) {
            current.release();
        }
    }

    private static boolean windows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
