package app.soapstone.validation;

/** A record asked for by id that does not exist. */
public class NotFoundException extends ExitException {

    public NotFoundException(String message) {
        super(NOT_FOUND, message);
    }

    public static NotFoundException of(String kind, long id) {
        return new NotFoundException("No " + kind + " with id " + id);
    }
}
