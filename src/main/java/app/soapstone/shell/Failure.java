package app.soapstone.shell;

import app.soapstone.validation.ExitException;
import org.springframework.beans.BeansException;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;

import java.lang.reflect.InvocationTargetException;
import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * What went wrong, as the one line a user sees and the exit status a script sees. This is the
 * one place that maps failures to messages and statuses: an {@link ExitException} carries its own,
 * and what the libraries throw (a busy or unusable database, anything unexpected) is mapped here.
 */
public record Failure(int status, String message, boolean unexpected) {

    public static final int OK = 0;
    /** Something unexpected; details are in the log file. */
    public static final int ERROR = ExitException.ERROR;
    /** Bad input: unknown command or option, a value that is not allowed. */
    public static final int USAGE = ExitException.USAGE;
    /** No record with the given id. */
    public static final int NOT_FOUND = ExitException.NOT_FOUND;
    /** The request conflicts with the records, e.g. editing a signed note. */
    public static final int CONFLICT = ExitException.CONFLICT;
    /** The database cannot be used: refused, busy or unreadable. */
    public static final int DATABASE = ExitException.UNAVAILABLE;
    /**
     * Something else outside the records cannot be used: no printer, or it refused the job. The
     * database's status, since for a script it means the same: set something up, then try again.
     */
    public static final int UNAVAILABLE = ExitException.UNAVAILABLE;
    /** A check of the records found a problem (records verify, db check). */
    public static final int VERIFICATION = ExitException.VERIFICATION;

    public static Failure of(Throwable thrown) {
        Throwable cause = unwrap(thrown);
        if (cause instanceof ExitException failure) {
            // Each failure the user can act on says its own status (a broken template: 1, shown as it is).
            return new Failure(failure.status(), cause.getMessage(), false);
        }
        String refused = permissionDenied(cause);
        if (refused != null) {
            // The database's own refusal, where the up-front check of the login's role did not
            // foresee it (a command reading a table its role may not): the same status and a plain line.
            return new Failure(CONFLICT, "The database refused this login: " + refused + ". Nothing was changed.",
                    false);
        }
        if (cause instanceof OptimisticLockingFailureException) {
            // A service names the record and who changed it; this is for a save none of them expected to fail.
            return new Failure(CONFLICT, "Someone else changed this record since it was read; nothing was saved."
                    + " Show it again and make your change there.", false);
        }
        if (isBusy(cause)) {
            return new Failure(DATABASE, "The database is busy: another Soapstone is writing to it. Nothing was"
                    + " changed; try again in a moment.", false);
        }
        if (cause instanceof DataAccessResourceFailureException || cause instanceof SQLException) {
            String message = rootMessage(cause);
            return new Failure(DATABASE, "The database could not be used" + (message.isEmpty() ? "" : ": " + message)
                    + ". Nothing was changed.", true);
        }
        String message = rootMessage(cause);
        return new Failure(ERROR, message.isEmpty() ? "Unexpected error (details are in soapstone.log beside the database)"
                : "Unexpected error: " + message, true);
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable current = thrown;
        while (true) {
            // Spring Shell wraps what a command throws; Spring wraps what a bean throws while it is
            // made, which with lazy initialisation can happen during a command.
            Throwable next = current instanceof InvocationTargetException ite ? ite.getTargetException()
                    : current.getClass().getName().startsWith("org.springframework.shell")
                            || current instanceof BeansException ? current.getCause()
                    : null;
            if (next == null || next == current) {
                return current;
            }
            current = next;
        }
    }

    private static boolean isBusy(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            // Also under Spring's "could not open a transaction", when a PostgreSQL writer waited too long for its turn.
            if (t instanceof CannotAcquireLockException || t instanceof PessimisticLockingFailureException) {
                return true;
            }
            String message = t.getMessage();
            if (t instanceof SQLException && message != null
                    && (message.contains("SQLITE_BUSY") || message.contains("database is locked"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * PostgreSQL's message when it refused the login (SQLState 42501, insufficient privilege:
     * a GRANT or a check of who signs), else null. Read through {@link SQLException}, so the
     * PostgreSQL driver's classes are not needed here.
     */
    private static String permissionDenied(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && "42501".equals(sql.getSQLState())) {
                String message = sql.getMessage() == null ? "" : sql.getMessage().lines().findFirst().orElse("");
                return message.replaceFirst("^ERROR: ", "").strip();
            }
        }
        return null;
    }

    /** The first line of the deepest message, without Java class names; empty if there is none. */
    private static String rootMessage(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage();
        return CLASS_NAME.matcher(message.lines().findFirst().orElse("")).replaceAll("").strip();
    }

    /** A class name as Java prints an exception with its message: "java.io.IOException: ...". */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error):\\s*");
}
