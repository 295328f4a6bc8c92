package app.soapstone.template;

import app.soapstone.validation.ExitException;

/** A template file that is missing, malformed or refers to something that does not exist. */
public class InvalidTemplateException extends ExitException {

    public InvalidTemplateException(String message) {
        super(ExitException.ERROR, message);
    }

    public InvalidTemplateException(String message, Throwable cause) {
        super(ExitException.ERROR, message, cause);
    }
}
