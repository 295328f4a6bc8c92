package app.soapstone.storage;

/** The database file cannot be used, and was left exactly as it was. */
public class DatabaseRefusedException extends RuntimeException {

    public DatabaseRefusedException(String message) {
        super(message);
    }

    public DatabaseRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
