package app.soapstone.shell;

import app.soapstone.validation.PlainText;
import org.jline.utils.WCWidth;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders rows as an aligned table that fits the screen: columns two spaces apart, a rule under
 * the header, and long cells wrapped at word boundaries rather than cut. Widths count what the
 * terminal shows, so Chinese or Japanese names line up too, and control characters stored in a
 * cell are laid out as they will be shown ({@code \x1b}, {@code <U+202E>}: see {@link PlainText}).
 */
public final class Tables {

    private static final String GAP = "  ";
    private static final int MIN_COLUMN = 4;

    private Tables() {
    }

    public static String render(List<String> headers, List<List<String>> shownRows, int width) {
        List<List<String>> rows = shownRows.stream().map(row -> row.stream().map(Tables::cell).toList()).toList();
        int columns = headers.size();
        int[] widths = new int[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = longestLine(headers.get(c));
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], longestLine(row.get(c)));
            }
        }
        shrinkToFit(widths, headers, width);
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
     * Narrows the widest columns, one character at a time, until the table fits: first no column
     * narrower than its header (up to 10), then, on a narrow terminal, down to {@link #MIN_COLUMN}.
     */
    private static void shrinkToFit(int[] widths, List<String> headers, int available) {
        shrinkToFit(widths, headers, available, true);
        shrinkToFit(widths, headers, available, false);
    }

    private static void shrinkToFit(int[] widths, List<String> headers, int available, boolean keepHeaders) {
        while (total(widths) > available) {
            int widest = -1;
            for (int c = 0; c < widths.length; c++) {
                int floor = keepHeaders ? Math.max(MIN_COLUMN, Math.min(displayWidth(headers.get(c)), 10)) : MIN_COLUMN;
                if (widths[c] > floor && (widest < 0 || widths[c] > widths[widest])) {
                    widest = c;
                }
            }
            if (widest < 0) {
                return;
            }
            widths[widest]--;
        }
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

    /** Word-wraps {@code text} to {@code width} columns, breaking words only when one is longer than a line. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.strip().split(" +")) {
                while (displayWidth(word) > width) {
                    if (!line.isEmpty()) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    int cut = fitting(word, width);
                    lines.add(word.substring(0, cut));
                    word = word.substring(cut);
                }
                if (line.isEmpty()) {
                    line.append(word);
                } else if (displayWidth(line) + 1 + displayWidth(word) <= width) {
                    line.append(' ').append(word);
                } else {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                }
            }
            lines.add(line.toString());
        }
        return lines;
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
