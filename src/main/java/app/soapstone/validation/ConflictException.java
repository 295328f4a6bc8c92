package app.soapstone.validation;

/** A request that the current state of the records does not allow, e.g. editing a signed note. */
public class ConflictException extends ExitException {

    public ConflictException(String message) {
        super(CONFLICT, message);
    }
}
