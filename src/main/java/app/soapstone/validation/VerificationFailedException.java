package app.soapstone.validation;

/** A check of the records found a problem: changed signed notes, a broken chain, a damaged file. */
public class VerificationFailedException extends ExitException {

    public VerificationFailedException(String message) {
        super(VERIFICATION, message);
    }
}
