package app.soapstone.validation;

/** Input that Soapstone cannot accept; the message names the field and says what is allowed. */
public class InvalidInputException extends ExitException {

    public InvalidInputException(String message) {
        super(USAGE, message);
    }

    /** A failure of one option, shown as {@code --option: problem}; {@code option} is its long name. */
    public static InvalidInputException forField(String option, String problem) {
        return new InvalidInputException("--" + option + ": " + problem);
    }
}
