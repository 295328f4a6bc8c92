package app.soapstone.storage;

import app.soapstone.validation.ConflictException;
import app.soapstone.validation.InvalidInputException;
import app.soapstone.validation.UnavailableException;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files that hold health records (PDFs, backups, exports): readable by the owner only (0600,
 * folders 0700 on POSIX systems), and written whole or not at all - to a hidden part file in the
 * target folder, flushed to disk, then moved into place. See {@link PartFiles} for what happens
 * to a part file when Soapstone is killed.
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
        if (given.endsWith("/") || given.endsWith(File.separator)) {
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
            fill(temp, bytes, durable);
            moveIntoPlace(temp, target);
        } catch (IOException e) {
            throw cannotWrite(option, target, e);
        } finally {
            discardTemp(temp);
        }
    }

    /**
     * Writes {@code bytes} to a new owner-only file and flushes them to disk; for files inside a
     * part folder, which is itself moved into place whole.
     */
    public static void writeNew(Path file, byte[] bytes) throws IOException {
        createNew(file);
        fill(file, bytes, true);
    }

    private static void fill(Path file, byte[] bytes, boolean durable) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (durable) {
                channel.force(true);
            }
        }
    }

    /** An empty owner-only part file beside {@code target}, for a writer that fills it itself. */
    public static Path createTemp(String option, Path target) {
        try {
            return createTemp(target);
        } catch (IOException e) {
            throw cannotWriteIn(option, target, e);
        }
    }

    /** {@link #createTemp(String, Path)} for a target the user did not choose: failures are the caller's to word. */
    public static Path createTemp(Path target) throws IOException {
        return PartFiles.createFile(target);
    }

    /** An empty owner-only part folder beside {@code target}, to fill and then move into place whole. */
    public static Path createTempFolder(String option, Path target) {
        try {
            return PartFiles.createFolder(target);
        } catch (IOException e) {
            throw cannotWriteIn(option, target, e);
        }
    }

    private static RuntimeException cannotWriteIn(String option, Path target, IOException e) {
        UnavailableException full = DiskFailures.diskFull(e, target);
        return full != null ? full : InvalidInputException.forField(option, "cannot write to the folder "
                + target.toAbsolutePath().getParent() + " (" + FileErrors.describe(e) + ")");
    }

    /** Deletes a file that is not wanted after all (a backup's manifest whose backup failed), if it can. */
    public static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Left as it is: nothing depends on its being gone.
        }
    }

    /** A part file or folder that will not be finished: deleted, with anything SQLite left beside it. */
    public static void discardTemp(Path temp) {
        PartFiles.discard(temp);
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

    /** Moves a complete part file (or part folder) into place as {@code target}, replacing it. */
    public static void moveIntoPlace(Path temp, Path target) throws IOException {
        PartFiles.finish(temp, target, true);
    }

    /** Moves a complete part file into place as {@code target}, which must not exist. */
    public static void moveIntoNewPlace(Path temp, Path target) throws IOException {
        PartFiles.finish(temp, target, false);
    }

    /** Creates {@code folder} (and missing parents) readable by the owner only. */
    public static void createFolder(Path folder) throws IOException {
        if (posix()) {
            Files.createDirectories(folder, ownerOnly("rwx------"));
        } else {
            Files.createDirectories(folder);
        }
    }

    /** Creates a new folder readable by the owner only; fails if {@code folder} exists. */
    static void createNewFolder(Path folder) throws IOException {
        if (posix()) {
            Files.createDirectory(folder, ownerOnly("rwx------"));
        } else {
            Files.createDirectory(folder);
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

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?> ownerOnly(String permissions) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
    }
}
