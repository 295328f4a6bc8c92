package app.soapstone.validation;

/**
 * A command the database login's role may not run (reception reading a SOAP note, a therapist
 * starting a backup). Exit status 4, as for what the records do not allow: for a script both mean
 * "not this way; ask someone or do something else first", and neither is bad input.
 */
public class NotPermittedException extends ExitException {

    public NotPermittedException(String message) {
        super(CONFLICT, message);
    }
}
