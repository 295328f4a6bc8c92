package app.soapstone.validation;

import java.util.regex.Pattern;

/**
 * CSV cells a spreadsheet would run as a formula ("CSV injection"): text starting with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return, such as
 * {@code =HYPERLINK("http://...")} or {@code +cmd|' /C calc'!A0}. The export writes such a cell
 * with a single quote before it, as OWASP recommends, which spreadsheets take as "this is text";
 * {@link #restored} takes that quote off again, so what Soapstone exported can come back exactly.
 */
public final class SpreadsheetFormulas {

    /** The characters a spreadsheet starts a formula with. */
    private static final String STARTS = "=+-@\t\r";

    /** Quotes, then a formula's first character: a cell the export quoted (a stored quote before it is kept). */
    private static final Pattern QUOTED = Pattern.compile("'+[=+\\-@\t\r].*", Pattern.DOTALL);

    private SpreadsheetFormulas() {
    }

    /** Whether a spreadsheet would take {@code cell} for a formula. */
    public static boolean startsLikeFormula(String cell) {
        return !cell.isEmpty() && STARTS.indexOf(cell.charAt(0)) >= 0;
    }

    /**
     * {@code cell} as the export writes it: with a single quote before it if it starts like a
     * formula, or if it already starts with quotes and then that (so that {@link #restored} gives
     * back exactly what was stored).
     */
    public static String neutralised(String cell) {
        return startsLikeFormula(cell) || QUOTED.matcher(cell).matches() ? "'" + cell : cell;
    }

    /** {@code cell} as it was before {@link #neutralised}: one quote fewer if the export added one. */
    public static String restored(String cell) {
        return QUOTED.matcher(cell).matches() ? cell.substring(1) : cell;
    }
}
