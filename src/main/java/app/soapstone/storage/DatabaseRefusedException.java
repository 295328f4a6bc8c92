package app.soapstone.storage;

import app.soapstone.validation.ExitException;

/** The database file cannot be used, and was left exactly as it was. */
public class DatabaseRefusedException extends ExitException {

    public DatabaseRefusedException(String message) {
        super(ExitException.UNAVAILABLE, message);
    }

    public DatabaseRefusedException(String message, Throwable cause) {
        super(ExitException.UNAVAILABLE, message, cause);
    }
}
