package app.soapstone.storage;

import app.soapstone.validation.ConflictException;
import app.soapstone.validation.InvalidInputException;
import app.soapstone.validation.UnavailableException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files that hold health records (PDFs, backups, exports): readable by the owner only (0600,
 * folders 0700 on POSIX systems), and written whole or not at all - to a hidden temp file in the
 * target folder, flushed to disk, then moved into place.
 */
public final class PrivateFiles {

    private PrivateFiles() {
    }

    /**
     * The file {@code out} names: a file, or an existing folder to put {@code defaultName} in; the
     * current folder when {@code out} is not given. A path ending in a separator names a folder, which
     * must exist (else "plans/" would become a file called "plans"). {@code option} names the option.
     */
    public static Path target(String option, String out, String defaultName) {
        if (out == null || out.isBlank()) {
            return Path.of(defaultName).toAbsolutePath();
        }
        String given = out.strip();
        Path path;
        try {
            path = Path.of(given).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw InvalidInputException.forField(option, given + " is not a path this system can use (" + e.getReason()
                    + ")");
        }
        if (Files.isDirectory(path)) {
            return path.resolve(defaultName);
        }
        if (given.endsWith("/") || given.endsWith(java.io.File.separator)) {
            throw InvalidInputException.forField(option, "the folder " + path + " does not exist");
        }
        return path;
    }

    /**
     * Checks that {@code target} can be written: its folder exists and is a folder, and it does not
     * exist yet unless {@code replace}. {@code option} names the option the path came from.
     */
    public static void checkTarget(String option, Path target, boolean replace) {
        Path folder = target.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw InvalidInputException.forField(option, "the folder " + folder + " does not exist");
        }
        if (Files.isDirectory(target)) {
            throw InvalidInputException.forField(option, target + " is a folder");
        }
        if (Files.exists(target) && !replace) {
            throw new ConflictException(target + " already exists; give --force to replace it, or choose another file");
        }
    }

    /** Writes {@code bytes} to {@code target} atomically and durably (flushed to disk); see {@link #checkTarget}. */
    public static void write(String option, Path target, byte[] bytes, boolean replace) {
        write(option, target, bytes, replace, true);
    }

    /**
     * Writes {@code bytes} to {@code target} atomically; {@code durable} also waits until they are on
     * disk, which a file that can simply be made again (a printout) may skip.
     */
    public static void write(String option, Path target, byte[] bytes, boolean replace, boolean durable) {
        checkTarget(option, target, replace);
        Path temp = createTemp(option, target);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(bytes));
                if (durable) {
                    channel.force(true);
                }
            }
            moveIntoPlace(temp, target);
        } catch (IOException e) {
            throw cannotWrite(option, target, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** An empty owner-only temp file beside {@code target}, for a writer that fills it itself. */
    public static Path createTemp(String option, Path target) {
        Path folder = target.toAbsolutePath().getParent();
        try {
            return posix()
                    ? Files.createTempFile(folder, ".soapstone-", ".part", ownerOnly("rw-------"))
                    : Files.createTempFile(folder, ".soapstone-", ".part");
        } catch (IOException e) {
            UnavailableException full = DiskFailures.diskFull(e, target);
            throw full != null ? full : InvalidInputException.forField(option, "cannot write to the folder " + folder
                    + " (" + FileErrors.describe(e) + ")");
        }
    }

    /**
     * Writing {@code target} failed: a full disk (exit status 5, "free space"), or else a problem
     * with the path given in {@code option}, such as a folder that may not be written.
     */
    public static RuntimeException cannotWrite(String option, Path target, IOException e) {
        UnavailableException full = DiskFailures.diskFull(e, target);
        return full != null ? full
                : InvalidInputException.forField(option, "cannot write " + target + " (" + FileErrors.describe(e) + ")");
    }

    public static void moveIntoPlace(Path temp, Path target) throws IOException {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Creates {@code folder} (and missing parents) readable by the owner only. */
    public static void createFolder(Path folder) throws IOException {
        if (posix()) {
            Files.createDirectories(folder, ownerOnly("rwx------"));
        } else {
            Files.createDirectories(folder);
        }
    }

    /** Creates a new empty file readable by the owner only; fails if {@code file} exists. */
    public static void createNew(Path file) throws IOException {
        if (posix()) {
            Files.createFile(file, ownerOnly("rw-------"));
        } else {
            Files.createFile(file);
        }
    }

    /** Makes an existing file readable by the owner only. */
    public static void restrict(Path file) throws IOException {
        if (posix()) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    public static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A hidden .part file is all that can be left.
        }
    }

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?> ownerOnly(String permissions) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
    }
}
