package app.soapstone.validation;

/**
 * A failure the user can act on: its message is the one line they see, and it carries the exit
 * status a script sees. Each kind of failure says its own status, so the shell that reports it
 * needs to know no feature.
 */
public abstract class ExitException extends RuntimeException {

    /** Something went wrong that is not the user's input or the records' state (a broken template). */
    public static final int ERROR = 1;
    /** Bad input: unknown command or option, a value that is not allowed. */
    public static final int USAGE = 2;
    /** No record with the given id. */
    public static final int NOT_FOUND = 3;
    /** The request conflicts with the records, e.g. editing a signed note. */
    public static final int CONFLICT = 4;
    /** The database, a file or a printer cannot be used: set something up, then try again. */
    public static final int UNAVAILABLE = 5;
    /** A check of the records found a problem (records verify, db check, a damaged backup). */
    public static final int VERIFICATION = 6;

    private final int status;

    protected ExitException(int status, String message) {
        super(message);
        this.status = status;
    }

    protected ExitException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The exit status of a one-shot command that ends with this failure. */
    public int status() {
        return status;
    }
}
