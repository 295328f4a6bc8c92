package app.soapstone.storage;

import app.soapstone.validation.UnavailableException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Failures of the disk rather than of the records - a database file that may not be written, a
 * full disk - in words a user can act on. They arrive as whatever error they caused on the way:
 * SQLITE_READONLY, SQLITE_FULL, "No space left on device", or a bare I/O error from SQLite's
 * shared-memory file on a disk with no room left for it.
 */
public final class DiskFailures {

    /** With less free space than this, a write that failed for an unnamed reason failed for lack of space. */
    static final long NEARLY_FULL_BYTES = 1024 * 1024;

    private DiskFailures() {
    }

    /**
     * {@code thrown} as the refusal of a read-only database file or as a full disk under
     * {@code database}; null if it is neither.
     */
    public static RuntimeException ofDatabase(Throwable thrown, Path database) {
        if (sqliteError(thrown, SQLiteErrorCode.SQLITE_READONLY)) {
            return readOnly(database, thrown);
        }
        UnavailableException full = diskFull(thrown, database);
        if (full != null) {
            return full;
        }
        if (sqliteError(thrown, SQLiteErrorCode.SQLITE_CANTOPEN, SQLiteErrorCode.SQLITE_IOERR) && !writable(database)) {
            // A database in a folder that may not be written cannot make its journal: read-only too.
            return readOnly(database, thrown);
        }
        return null;
    }

    /** {@code thrown} as "the disk holding {@code file} is full" if that is what it was; otherwise null. */
    public static UnavailableException diskFull(Throwable thrown, Path file) {
        boolean full = sqliteError(thrown, SQLiteErrorCode.SQLITE_FULL) || saysNoSpace(thrown)
                || (sqliteError(thrown, SQLiteErrorCode.SQLITE_IOERR, SQLiteErrorCode.SQLITE_CANTOPEN)
                        || causedBy(thrown, IOException.class)) && nearlyFull(file);
        if (!full) {
            return null;
        }
        UnavailableException failure = new UnavailableException("The disk holding " + file
                + " is full: free space and try again; nothing was changed.");
        failure.initCause(thrown);
        return failure;
    }

    private static DatabaseRefusedException readOnly(Path database, Throwable cause) {
        Path folder = database.toAbsolutePath().getParent();
        return new DatabaseRefusedException("The database file " + database + " is read-only: check its permissions (ls -l "
                + database + ") and its folder's (ls -ld " + folder + "), which you must both be able to write, or"
                + " point " + DataLocation.DATABASE_VARIABLE + " at a copy you can write. Nothing was changed.", cause);
    }

    /** Whether SQLite failed with one of {@code codes} (or an extended code of one) on the way to {@code thrown}. */
    private static boolean sqliteError(Throwable thrown, SQLiteErrorCode... codes) {
        for (Throwable t = thrown; t != null; t = next(t)) {
            if (t instanceof SQLiteException sqlite) {
                int primary = sqlite.getResultCode().code & 0xff;
                for (SQLiteErrorCode code : codes) {
                    if (primary == code.code) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The operating system's words for ENOSPC, as the JDK passes them on (Linux and macOS; Windows). */
    private static boolean saysNoSpace(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = next(t)) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("no space left on device") || message.contains("not enough space on the disk")) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedBy(Throwable thrown, Class<? extends Throwable> type) {
        for (Throwable t = thrown; t != null; t = next(t)) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean nearlyFull(Path file) {
        Path existing = file.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing != null && Files.getFileStore(existing).getUsableSpace() < NEARLY_FULL_BYTES;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean writable(Path database) {
        Path folder = database.toAbsolutePath().getParent();
        return Files.isWritable(database) && (folder == null || Files.isWritable(folder));
    }

    private static Throwable next(Throwable t) {
        return t.getCause() == t ? null : t.getCause();
    }
}
