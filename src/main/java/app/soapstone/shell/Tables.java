package app.soapstone.shell;

import app.soapstone.validation.PlainText;
import org.jline.utils.WCWidth;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntUnaryOperator;

/**
 * Renders rows as an aligned table that fits the screen: columns two spaces apart, a rule under
 * the header, and long cells wrapped at spaces (and after commas in a list), never inside a word. Widths count what the
 * terminal shows, so Chinese or Japanese names line up too, and control characters stored in a
 * cell are laid out as they will be shown ({@code \x1b}, {@code <U+202E>}: see {@link PlainText}).
 */
public final class Tables {

    private static final String GAP = "  ";
    private static final int MIN_COLUMN = 4;

    private Tables() {
    }

    public static String render(List<String> headers, List<List<String>> shownRows, int width) {
        return render(headers, shownRows, width, Set.of());
    }

    /**
     * As {@link #render(List, List, int)}, with the columns at {@code whole} (amounts of money, say)
     * never narrowed below their longest word: other columns' words are shortened first.
     */
    public static String render(List<String> headers, List<List<String>> shownRows, int width, Set<Integer> whole) {
        List<List<String>> rows = shownRows.stream().map(row -> row.stream().map(Tables::cell).toList()).toList();
        int columns = headers.size();
        int[] widths = new int[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = longestLine(headers.get(c));
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], longestLine(row.get(c)));
            }
        }
        shrinkToFit(widths, headers, rows, width, whole);
        StringBuilder text = new StringBuilder();
        appendRow(text, headers, widths);
        List<String> rules = new ArrayList<>();
        for (int w : widths) {
            rules.add("─".repeat(w));
        }
        appendRow(text, rules, widths);
        for (List<String> row : rows) {
            appendRow(text, row, widths);
        }
        return text.toString().stripTrailing();
    }

    /** Label-value lines for one record, e.g. {@code client show}; empty values are left out. */
    public static String card(List<List<String>> fields) {
        int width = fields.stream().mapToInt(f -> f.get(0).length()).max().orElse(0) + 2;
        StringBuilder text = new StringBuilder();
        for (List<String> field : fields) {
            String value = field.get(1);
            if (value == null || value.isBlank()) {
                continue;
            }
            String label = field.get(0) + ":";
            String indent = " ".repeat(width + 1);
            text.append(label).append(" ".repeat(width + 1 - label.length()))
                    .append(PlainText.visibleLines(value.strip()).replace("\n", "\n" + indent)).append('\n');
        }
        return text.toString().stripTrailing();
    }

    /**
     * Narrows columns, one character at a time, until the table fits. First the widest, but no
     * column narrower than its longest word (a date, an id, "Practitioner"), so that cells wrap only
     * at spaces and after commas. Where that is still too wide, the column that cuts the fewest
     * words: a word wider than its column is shortened with "…", never broken in two - first down
     * to its header (up to 10), then, on a narrow terminal, to {@link #MIN_COLUMN}.
     */
    private static void shrinkToFit(int[] widths, List<String> headers, List<List<String>> rows, int available,
            Set<Integer> whole) {
        int[] words = new int[widths.length];
        int[] headerFloors = new int[widths.length];
        int[] least = new int[widths.length];
        for (int c = 0; c < widths.length; c++) {
            words[c] = Math.max(MIN_COLUMN, longestWord(headers.get(c)));
            for (List<String> row : rows) {
                words[c] = Math.max(words[c], longestWord(row.get(c)));
            }
            headerFloors[c] = whole.contains(c) ? words[c] : Math.max(MIN_COLUMN, Math.min(displayWidth(headers.get(c)), 10));
            least[c] = whole.contains(c) ? words[c] : MIN_COLUMN;
        }
        while (total(widths) > available && narrow(widths, words, c -> widths[c])) {
            // Widest first, keeping every word whole.
        }
        for (int[] floors : List.of(headerFloors, least)) {
            while (total(widths) > available && narrow(widths, floors, c -> -cut(headers, rows, c, widths[c] - 1))) {
                // The column that cuts the fewest words (a heading's words count most); the widest of those.
            }
        }
    }

    /** Narrows by one the column above its floor that {@code preference} ranks highest; false if none is left. */
    private static boolean narrow(int[] widths, int[] floors, IntUnaryOperator preference) {
        int chosen = -1;
        for (int c = 0; c < widths.length; c++) {
            if (widths[c] > floors[c] && (chosen < 0 || preference.applyAsInt(c) > preference.applyAsInt(chosen)
                    || preference.applyAsInt(c) == preference.applyAsInt(chosen) && widths[c] > widths[chosen])) {
                chosen = c;
            }
        }
        if (chosen < 0) {
            return false;
        }
        widths[chosen]--;
        return true;
    }

    /**
     * How many words of column {@code c} would be cut at {@code width}; a word of the header counts
     * as one more than all the rows, so a heading is cut only when nothing else would do.
     */
    private static int cut(List<String> headers, List<List<String>> rows, int c, int width) {
        int cut = (rows.size() + 1) * wordsWiderThan(headers.get(c), width);
        for (List<String> row : rows) {
            cut += wordsWiderThan(row.get(c), width);
        }
        return cut;
    }

    private static int wordsWiderThan(String text, int width) {
        int wider = 0;
        for (String word : words(text)) {
            wider += displayWidth(word) > width ? 1 : 0;
        }
        return wider;
    }

    /** The words of a cell: split at spaces and line breaks, and after each comma of a list. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text != null) {
            for (String word : text.split("[ \\n]+")) {
                words.addAll(List.of(word.split("(?<=,)")));
            }
        }
        return words;
    }

    /** The widest word of a cell: what stays whole when the cell wraps at spaces and after commas. */
    private static int longestWord(String text) {
        return words(text).stream().mapToInt(Tables::displayWidth).max().orElse(0);
    }

    /**
     * A cell as it is shown: what may not be stored made visible, and tabs as spaces, since a
     * terminal's tab stops would push the columns after it out of line.
     */
    private static String cell(String text) {
        return text == null ? null : PlainText.visibleLines(text).replace('\t', ' ');
    }

    private static int total(int[] widths) {
        int sum = GAP.length() * (widths.length - 1);
        for (int w : widths) {
            sum += w;
        }
        return sum;
    }

    private static void appendRow(StringBuilder text, List<String> cells, int[] widths) {
        List<List<String>> wrapped = new ArrayList<>();
        int height = 1;
        for (int c = 0; c < widths.length; c++) {
            List<String> lines = wrap(cells.get(c) == null ? "" : cells.get(c), widths[c]);
            wrapped.add(lines);
            height = Math.max(height, lines.size());
        }
        for (int line = 0; line < height; line++) {
            StringBuilder out = new StringBuilder();
            for (int c = 0; c < widths.length; c++) {
                String part = line < wrapped.get(c).size() ? wrapped.get(c).get(line) : "";
                out.append(part);
                if (c < widths.length - 1) {
                    out.append(" ".repeat(widths[c] - displayWidth(part))).append(GAP);
                }
            }
            text.append(out.toString().stripTrailing()).append('\n');
        }
    }

    /**
     * Word-wraps {@code text} to {@code width} columns, at spaces, and after a comma in a list
     * written without spaces ("trigger-point,effleurage"); a word wider than a line is shortened
     * with "…", never broken in two (a date or an id split over two lines reads as something else).
     */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String spaced : paragraph.strip().split(" +")) {
                String[] pieces = displayWidth(spaced) > width ? spaced.split("(?<=,)") : new String[] {spaced};
                for (int p = 0; p < pieces.length; p++) {
                    String word = pieces[p];
                    boolean glued = p > 0;
                    // Chinese, Japanese and Korean text breaks between any two characters; other words are shortened.
                    while (displayWidth(word) > width && wide(word)) {
                        if (!line.isEmpty()) {
                            lines.add(line.toString());
                            line.setLength(0);
                        }
                        int fits = fitting(word, width);
                        lines.add(word.substring(0, fits));
                        word = word.substring(fits);
                    }
                    if (displayWidth(word) > width) {
                        word = word.substring(0, fitting(word, width - 1)) + "…";
                    }
                    if (line.isEmpty()) {
                        line.append(word);
                    } else if (displayWidth(line) + (glued ? 0 : 1) + displayWidth(word) <= width) {
                        line.append(glued ? "" : " ").append(word);
                    } else {
                        lines.add(line.toString());
                        line.setLength(0);
                        line.append(word);
                    }
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** Whether {@code word} has characters two columns wide (Chinese, Japanese, Korean). */
    private static boolean wide(String word) {
        return word.codePoints().anyMatch(codePoint -> WCWidth.wcwidth(codePoint) == 2);
    }

    private static int fitting(String word, int width) {
        int used = 0;
        int index = 0;
        while (index < word.length()) {
            int codePoint = word.codePointAt(index);
            int w = Math.max(0, WCWidth.wcwidth(codePoint));
            if (used + w > width && index > 0) {
                break;
            }
            used += w;
            index += Character.charCount(codePoint);
        }
        return index;
    }

    private static int longestLine(String text) {
        if (text == null) {
            return 0;
        }
        int longest = 0;
        for (String line : text.split("\n", -1)) {
            longest = Math.max(longest, displayWidth(line));
        }
        return longest;
    }

    static int displayWidth(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return text.codePoints().map(codePoint -> Math.max(0, WCWidth.wcwidth(codePoint))).sum();
            }
        }
        return text.length(); // printable ASCII, one column each: most cells, worked out quickly
    }
}
