package app.soapstone.validation;

/**
 * Something a command needs outside the records is missing or refused the work - no printer, a
 * printer that would not take the job - so nothing was recorded; the message says what to set up.
 */
public class UnavailableException extends ExitException {

    public UnavailableException(String message) {
        super(UNAVAILABLE, message);
    }
}
