package app.soapstone.shell;

import app.soapstone.validation.InvalidInputException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Opens the user's editor ({@code $VISUAL}, else {@code $EDITOR}, else vi or Notepad) on a text,
 * the way {@code git commit} does, and returns what was saved. The file is readable by the owner
 * only and removed afterwards, since it holds health information.
 */
@Component
public class Editor {

    private final Map<String, String> environment;

    public Editor() {
        this(System.getenv());
    }

    Editor(Map<String, String> environment) {
        this.environment = environment;
    }

    public String edit(String text, String fileSuffix) {
        String command = command();
        Path file = null;
        try {
            file = createPrivateFile(fileSuffix);
            Files.writeString(file, text, StandardCharsets.UTF_8);
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

    String command() {
        for (String variable : List.of("VISUAL", "EDITOR")) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return windows() ? "notepad" : "vi";
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
