package app.soapstone.validation;

/**
 * Which characters stored text may hold, and how the others are shown: the one rule that input
 * checks ({@link Fields}) and every output (terminal, tables, printouts) go by.
 *
 * <p>Never stored: the C0 and C1 control characters and DEL, which move a terminal's cursor,
 * ring its bell or switch its modes; the twelve bidirectional controls (U+061C, U+200E, U+200F,
 * U+202A-U+202E, U+2066-U+2069), which are invisible and make text show in another order than it
 * is stored and read; and the line and paragraph separators U+2028 and U+2029. A field of several
 * lines (notes, SOAP sections, addenda) may hold line feeds and tabs. Everything else is kept:
 * letters of every script, combining marks, and the zero-width joiner and non-joiner that Persian
 * and Indic names need (they only join or part the letters beside them; they move nothing).
 *
 * <p>What was stored anyway - by an older version, a restored backup or another tool - is shown
 * visibly: {@code \r}, {@code \x1b}, {@code <U+202E>}.
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

    /**
     * {@code text} as one line that shows every character that may not be stored: a line break
     * as {@code \n}, a tab as {@code \t}. For values of one line: names, phone numbers, titles.
     */
    public static String visible(String text) {
        return visible(text, false);
    }

    /**
     * {@code text} showing every character that may not be stored, keeping its line breaks and
     * tabs; a Windows line end (CR LF) is a line break too, and becomes a line feed. For notes,
     * addresses and messages of several lines.
     */
    public static String visibleLines(String text) {
        return visible(text, true);
    }

    private static String visible(String text, boolean lines) {
        if (text == null || kept(text, lines)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineEnd = lines && c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
            if (keeps(c, lines)) {
                out.append(c);
            } else if (!lineEnd) {
                appendEscaped(out, c);
            }
        }
        return out.toString();
    }

    /** Whether the whole of {@code text} is shown as it is: true for almost every text, found without copying it. */
    private static boolean kept(String text, boolean lines) {
        for (int i = 0; i < text.length(); i++) {
            if (!keeps(text.charAt(i), lines)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code c} is shown as it is. Every character that may not be stored is a single
     * UTF-16 unit, so the halves of a surrogate pair (letters beyond the first 65,536) pass.
     */
    private static boolean keeps(char c, boolean lines) {
        return lines ? allowedInLines(c) : allowedInLine(c);
    }

    /** How a character that may not be stored is shown: {@code \r}, {@code \x1b}, {@code <U+202E>}. */
    public static void appendEscaped(StringBuilder out, char c) {
        switch (c) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> {
                if (c < 0x20 || c == 0x7F) {
                    out.append(String.format("\\x%02x", (int) c));
                } else {
                    out.append(String.format("<U+%04X>", (int) c));
                }
            }
        }
    }
}
