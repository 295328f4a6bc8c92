package app.soapstone.validation;

/**
 * Which characters stored text may hold: the one rule that the input checks of {@link Fields} go by.
 *
 * <p>Never stored: the C0 and C1 control characters and DEL, which move a terminal's cursor,
 * ring its bell or switch its modes; the twelve bidirectional controls (U+061C, U+200E, U+200F,
 * U+202A-U+202E, U+2066-U+2069), which are invisible and make text show in another order than it
 * is stored and read; and the line and paragraph separators U+2028 and U+2029. A field of several
 * lines (notes, SOAP sections, addenda) may hold line feeds and tabs. Everything else is kept:
 * letters of every script, combining marks, and the zero-width joiner and non-joiner that Persian
 * and Indic names need (they only join or part the letters beside them; they move nothing).
 */
public final class PlainText {

    private PlainText() {
    }

    /** Whether {@code c} may be stored in a field of one line. */
    public static boolean allowedInLine(int c) {
        return !(c < 0x20 || c >= 0x7F && c <= 0x9F || bidiControl(c) || c == 0x2028 || c == 0x2029);
    }

    /** Whether {@code c} may be stored in a field of several lines: what a line may hold, line feeds and tabs. */
    public static boolean allowedInLines(int c) {
        return c == '\n' || c == '\t' || allowedInLine(c);
    }

    /** The invisible controls of the Unicode bidirectional algorithm (the property Bidi_Control). */
    public static boolean bidiControl(int c) {
        return c == 0x061C || c == 0x200E || c == 0x200F || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }

    /** "U+001B ESCAPE", "U+202E RIGHT-TO-LEFT OVERRIDE": how a message names a character. */
    public static String describe(int c) {
        String name = Character.getName(c);
        return String.format("U+%04X", c) + (name == null ? "" : " " + name);
    }
}
