package app.soapstone.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The part files that backups, exports and printouts grow in: {@code .soapstone-PID-N.part} beside
 * the file they become, owner-only, moved into place only once complete, so that nobody ever sees
 * half a file. A Soapstone that is killed midway cannot delete its part file, which holds health
 * records, in a folder the therapist chose. So each part file is noted, while it is written, in
 * the {@code writing} folder beside the database; the next start deletes the part files of the
 * processes that are gone (or whose number a later process has taken). That costs a start one
 * look at a folder that is almost always empty.
 *
 * <p>A part file Soapstone could not note (the data folder was not writable) or that an older
 * version left is deleted when Soapstone next writes to its folder, once it has not changed for an
 * hour: the process in its name may be running on another computer that shares the folder.
 */
final class PartFiles {

    /** Part files and folders, and SQLite's journal beside one (a backup is written by SQLite). */
    private static final Pattern NAME = Pattern.compile(
            "\\.soapstone-(?:(\\d+)-[0-9a-z]+|\\d+)\\.part(?:-journal|-wal|-shm)?");
    /** Notes in the writing folder: the process that writes, and a number. */
    private static final Pattern NOTE = Pattern.compile("(\\d+)-[0-9a-z]+");
    private static final Duration UNTOUCHED = Duration.ofHours(1);
    private static final Duration START_TIME_SLACK = Duration.ofSeconds(2);
    private static final long PID = ProcessHandle.current().pid();

    /** Where part files are noted: the writing folder beside the database in use. */
    private static volatile Path notes;

    private PartFiles() {
    }

    /**
     * From now on part files are noted beside the database at {@code location}; those that
     * Soapstone processes noted there and did not live to finish are deleted.
     */
    static void noteIn(DataLocation location) {
        notes = location.writingFolder();
        if (!Files.isDirectory(notes)) {
            return;
        }
        try (DirectoryStream<Path> noted = Files.newDirectoryStream(notes)) {
            for (Path note : noted) {
                deleteIfAbandoned(note);
            }
        } catch (IOException | RuntimeException e) {
            // Leftovers stay until the next start, or the next write to their folder.
        }
    }

    /** Deletes the part file {@code note} names, and the note, if the process that wrote it is gone. */
    private static void deleteIfAbandoned(Path note) {
        Matcher name = NOTE.matcher(note.getFileName().toString());
        try {
            if (name.matches() && !writing(Long.parseLong(name.group(1)), Files.getLastModifiedTime(note))) {
                String part = Files.readString(note, StandardCharsets.UTF_8).strip();
                if (!part.isEmpty()) {
                    delete(Path.of(part));
                }
                Files.deleteIfExists(note);
            }
        } catch (IOException | RuntimeException e) {
            // This one stays until the next start, or the next write to its folder.
        }
    }

    /** A new empty part file for {@code target}, in its folder. */
    static Path createFile(Path target) throws IOException {
        return create(target, false);
    }

    /** A new empty part folder for {@code target}, in its parent folder. */
    static Path createFolder(Path target) throws IOException {
        return create(target, true);
    }

    /**
     * Moves a complete part file or folder into place as {@code target}, and forgets it; unless
     * {@code replace}, a {@code target} that exists is left alone (FileAlreadyExistsException).
     */
    static void finish(Path part, Path target, boolean replace) throws IOException {
        if (replace) {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.move(part, target);
        }
        forget(part);
    }

    /** Deletes a part file or folder that will not be finished, with anything SQLite left beside it. */
    static void discard(Path part) {
        if (part != null) {
            delete(part);
            forget(part);
        }
    }

    private static Path create(Path target, boolean folder) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        removeStale(parent);
        while (true) {
            String id = PID + "-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
            Path part = parent.resolve(".soapstone-" + id + ".part");
            Path note = note(id, part);
            try {
                if (folder) {
                    PrivateFiles.createNewFolder(part);
                } else {
                    PrivateFiles.createNew(part);
                }
                return part;
            } catch (FileAlreadyExistsException e) {
                deleteQuietly(note);
            } catch (IOException | RuntimeException e) {
                deleteQuietly(note);
                throw e;
            }
        }
    }

    /** Notes {@code part} as being written; without a writable data folder it goes un-noted. */
    private static Path note(String id, Path part) {
        Path folder = notes;
        if (folder == null) {
            return null;
        }
        Path note = folder.resolve(id);
        try {
            if (!Files.isDirectory(folder)) {
                // Not createFolder: a data folder that is gone (a test's) is not made again for a note.
                try {
                    PrivateFiles.createNewFolder(folder);
                } catch (FileAlreadyExistsException e) {
                    // Made by another Soapstone meanwhile.
                }
            }
            PrivateFiles.createNew(note);
            Files.writeString(note, part.toString(), StandardCharsets.UTF_8);
            return note;
        } catch (IOException e) {
            deleteQuietly(note);
            return null;
        }
    }

    private static void forget(Path part) {
        Path folder = notes;
        Matcher name = NAME.matcher(part.getFileName().toString());
        if (folder != null && name.matches()) {
            String file = part.getFileName().toString();
            deleteQuietly(folder.resolve(file.substring(".soapstone-".length(), file.length() - ".part".length())));
        }
    }

    /**
     * Deletes the part files in {@code folder} nobody is writing: untouched for an hour, and made
     * by a process that is gone (or by an older Soapstone, which put no process in the name).
     */
    private static void removeStale(Path folder) {
        Instant hourAgo = Instant.now().minus(UNTOUCHED);
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder, ".soapstone-*")) {
            for (Path part : parts) {
                Matcher name = NAME.matcher(part.getFileName().toString());
                try {
                    FileTime touched = Files.getLastModifiedTime(part, LinkOption.NOFOLLOW_LINKS);
                    if (name.matches() && touched.toInstant().isBefore(hourAgo)
                            && (name.group(1) == null || !writing(Long.parseLong(name.group(1)), touched))) {
                        delete(part);
                    }
                } catch (IOException | RuntimeException e) {
                    // Gone meanwhile, or not ours to fail a write over.
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not ours to fail a write over.
        }
    }

    /**
     * Whether process {@code pid} may still be writing a part file it last touched at {@code touched}:
     * it is alive, and did not start after that (a process started later only reuses the number).
     * Start times are known to about a second, hence the slack.
     */
    private static boolean writing(long pid, FileTime touched) {
        if (pid == PID) {
            return true;
        }
        Instant latestStart = touched.toInstant().plus(START_TIME_SLACK);
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(process -> process.info().startInstant().map(start -> !start.isAfter(latestStart)).orElse(true))
                .orElse(false);
    }

    /** Deletes a part file or folder and SQLite's files beside it; only ever a path named like a part file. */
    private static void delete(Path part) {
        if (part.getFileName() == null || !NAME.matcher(part.getFileName().toString()).matches()) {
            return;
        }
        if (Files.isDirectory(part, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> files = Files.walk(part)) {
                files.sorted(Comparator.reverseOrder()).forEach(PartFiles::deleteQuietly);
            } catch (IOException | RuntimeException e) {
                // Left for the next attempt.
            }
        }
        deleteQuietly(part);
        for (String sqlite : new String[] {"-journal", "-wal", "-shm"}) {
            deleteQuietly(part.resolveSibling(part.getFileName() + sqlite));
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException | RuntimeException e) {
            // Left for the next attempt.
        }
    }
}
