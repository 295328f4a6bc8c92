package app.soapstone.storage;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

/**
 * File-system failures in words a user understands: "permission denied", "no such file or
 * directory", "not UTF-8 text"; never a Java class name.
 */
public final class FileErrors {

    private FileErrors() {
    }

    public static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileAlreadyExistsException existing) {
            return "a file is in the way: " + existing.getFile();
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(Locale.ROOT);
        }
        // Never the class name: it means nothing to the user.
        return e.getMessage() == null || e.getMessage().isBlank() ? "an input/output error" : e.getMessage();
    }
}
