package app.soapstone.screening;

import java.util.Locale;

/** How much a flag changes the treatment, most serious first. */
public enum Level {
    /** Needs a doctor: urgently (do not treat the area until cleared) or routinely (see a GP). */
    REFER,
    /** Changes what is safe: pressure, heat, positioning, areas to avoid. */
    PRECAUTION,
    /** Worth knowing; does not change the treatment by itself. */
    NOTE;

    static Level parse(String text, String file, String entry) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new app.soapstone.template.InvalidTemplateException("Template " + file + ": " + entry
                    + " has level '" + text + "'; use refer, precaution or note");
        }
    }
}
