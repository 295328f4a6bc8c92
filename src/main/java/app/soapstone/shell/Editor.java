package app.soapstone.shell;

import app.soapstone.validation.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Opens the user's editor ({@code $VISUAL}, else {@code $EDITOR}, else nano where it is installed,
 * else vi or Notepad) on a text, the way {@code git commit} does, and returns what was saved. With
 * no editor chosen, it first says which one opens and how to save and quit it. The file is
 * readable by the owner only and removed afterwards, since it holds health information.
 */
@Component
public class Editor {

    private final Map<String, String> environment;
    private final PrintStream terminal;
    /** Shows what the command printed so far (held for the pager) before the editor takes the terminal. */
    private final Runnable handOver;

    @Autowired
    public Editor(Pager pager) {
        this(System.getenv(), System.out, pager::release);
    }

    Editor(Map<String, String> environment, PrintStream terminal) {
        this(environment, terminal, () -> { });
    }

    Editor(Map<String, String> environment, PrintStream terminal, Runnable handOver) {
        this.environment = environment;
        this.terminal = terminal;
        this.handOver = handOver;
    }

    public String edit(String text, String fileSuffix) {
        String command = command();
        Path file = null;
        try {
            file = createPrivateFile(fileSuffix);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            handOver.run();
            howTo(command).ifPresent(line -> {
                terminal.println(line);
                terminal.flush();
            });
            Process process = start(command, file);
            int status = process.waitFor();
            if (status != 0) {
                throw new InvalidInputException("The editor (" + command + ") exited with status " + status
                        + "; nothing was stored");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("Cannot run the editor '" + command + "' (" + e.getMessage()
                    + "). Set VISUAL or EDITOR to your editor, e.g. export EDITOR=nano");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidInputException("Editing was interrupted; nothing was stored");
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // A temp file the system will clear.
                }
            }
        }
    }

    /**
     * Keeps {@code text} - what the user wrote in the editor, which could not be saved - in a file
     * of their own (readable by them only, as it holds health information) that is not removed,
     * and returns where, for the message that tells them.
     */
    public Path keep(String text, String fileSuffix) {
        try {
            Path file = createPrivateFile(fileSuffix);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new InvalidInputException("Could not keep what you wrote in a file (" + e.getMessage() + ")");
        }
    }

    String command() {
        return chosen().orElseGet(() -> windows() ? "notepad" : installed("nano", environment.getOrDefault("PATH", "")).map(Path::toString).orElse("vi"));
    }

    /** The editor the user chose with VISUAL or EDITOR, if they did. */
    private Optional<String> chosen() {
        for (String variable : List.of("VISUAL", "EDITOR")) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.strip());
            }
        }
        return Optional.empty();
    }

    /**
     * What to say before opening an editor the user did not choose: which one, and how to save and
     * quit it (vi in particular is hard to leave for someone who has never used it).
     */
    Optional<String> howTo(String command) {
        if (chosen().isPresent()) {
            return Optional.empty();
        }
        String name = Path.of(command).getFileName().toString();
        String keys = switch (name) {
            case "nano" -> "save with Ctrl-O then Enter, and quit with Ctrl-X";
            case "vi" -> "press i to type; to save and quit press Esc, then type :wq and Enter";
            default -> "save the file and close the editor when you are done";
        };
        return Optional.of("No EDITOR or VISUAL is set, so the note opens in " + name + ": " + keys
                + ". (Set EDITOR to choose another, e.g. export EDITOR=nano.)");
    }

    /** Where {@code program} is on the PATH, if it is. */
    static Optional<Path> installed(String program, String path) {
        for (String folder : path.split(File.pathSeparator)) {
            if (!folder.isBlank() && Files.isExecutable(Path.of(folder, program))) {
                return Optional.of(Path.of(folder, program));
            }
        }
        return Optional.empty();
    }

    private Process start(String command, Path file) throws IOException {
        ProcessBuilder builder = windows()
                ? new ProcessBuilder("cmd", "/c", command + " \"" + file + "\"")
                // Through the shell, so EDITOR may carry arguments ("code --wait"); the file is passed as $1.
                : new ProcessBuilder("/bin/sh", "-c", command + " \"$1\"", "soapstone-editor", file.toString());
        return builder.inheritIO().start();
    }

    private static Path createPrivateFile(String suffix) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile("soapstone-", suffix,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createTempFile("soapstone-", suffix);
    }

    private static boolean windows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
