package app.soapstone.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wraps lines of prose at the screen's width, at spaces only, so a date, an id or a word is
 * never split. A continuation line starts under the text of the line it continues: after the
 * indentation, after a list mark ("- ", "! "), after a short label ("Usage: ", "PRECAUTION: "),
 * or after the gap that separates a label or option from its text ("--client ID   Client id").
 * A word wider than the line gets a line of its own and is left whole.
 */
public final class Prose {

    private static final List<String> MARKS = List.of("!! ", "- ", "! ", "* ", "• ");
    /** "Usage: ", "WARNING: ", "REFER (urgent): " at the start of a line. */
    private static final Pattern LABEL = Pattern.compile("[A-Z][A-Za-z]{0,15}(?: \\([^)]{1,20}\\))?: (?=\\S)");
    /** Two or more spaces between words: a card's label and value, an option and its description. */
    private static final Pattern GAP = Pattern.compile("(?<=\\S) {2,}(?=\\S)");
    /** A hanging indent deeper than this, or than half the line, would leave too little room for the text. */
    private static final int DEEPEST_HANG = 40;

    private Prose() {
    }

    /** {@code text} with each line wider than {@code width} wrapped; {@code width} 0 or less leaves it as it is. */
    public static String wrap(String text, int width) {
        if (width <= 0) {
            return text;
        }
        StringBuilder wrapped = new StringBuilder(text.length() + 16);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                wrapped.append('\n');
            }
            wrapped.append(String.join("\n", wrapLine(lines[i], width)));
        }
        return wrapped.toString();
    }

    /**
     * Joins the lines of paragraphs wrapped by hand in the source (a command's help), so that they
     * can be wrapped at the screen's width instead. A blank line, a list mark or a label ("Lists: ")
     * starts a new line.
     */
    public static String unwrap(String text) {
        StringBuilder joined = new StringBuilder(text.length());
        boolean previousBlank = true;
        for (String line : text.strip().split("\n", -1)) {
            String stripped = line.strip();
            boolean blank = stripped.isEmpty();
            boolean starts = blank || previousBlank || MARKS.stream().anyMatch(stripped::startsWith)
                    || LABEL.matcher(stripped).lookingAt();
            if (!joined.isEmpty()) {
                joined.append(starts ? "\n" : " ");
            }
            joined.append(starts ? line.stripTrailing() : stripped);
            previousBlank = blank;
        }
        return joined.toString();
    }

    /** One line, wrapped to {@code width} columns with a hanging indent. */
    static List<String> wrapLine(String line, int width) {
        if (Tables.displayWidth(line) <= width) {
            return List.of(line);
        }
        int hang = hangingIndent(line, width);
        String prefix = line.substring(0, hang);
        String indent = " ".repeat(Tables.displayWidth(prefix));
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder(prefix);
        int used = Tables.displayWidth(prefix);
        boolean empty = true;
        for (String word : words(line.substring(hang))) {
            int w = Tables.displayWidth(word);
            if (!empty && used + 1 + w > width) {
                lines.add(current.toString());
                current.setLength(0);
                current.append(indent);
                used = indent.length();
                empty = true;
            }
            if (!empty) {
                current.append(' ');
                used++;
            }
            current.append(word);
            used += w;
            empty = false;
        }
        lines.add(current.toString());
        return lines;
    }

    /**
     * The words of {@code text}, split at spaces; an option in square brackets ("[--date
     * YYYY-MM-DD]") stays one word, since a usage line broken inside one misleads.
     */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder open = null;
        for (String word : text.strip().split(" +")) {
            if (open != null) {
                open.append(' ').append(word);
                if (word.endsWith("]")) {
                    words.add(open.toString());
                    open = null;
                }
            } else if (word.startsWith("[") && !word.endsWith("]")) {
                open = new StringBuilder(word);
            } else {
                words.add(word);
            }
        }
        if (open != null) {
            words.addAll(List.of(open.toString().split(" ")));
        }
        return words;
    }

    /** Where the text of {@code line} starts, as an index into it: continuation lines start under it. */
    static int hangingIndent(String line, int width) {
        int indent = 0;
        while (indent < line.length() && line.charAt(indent) == ' ') {
            indent++;
        }
        int deepest = Math.min(DEEPEST_HANG, width / 2);
        int hang = indent;
        String rest = line.substring(indent);
        Matcher label = LABEL.matcher(rest);
        Matcher gap = GAP.matcher(line);
        if (MARKS.stream().anyMatch(rest::startsWith)) {
            hang = indent + MARKS.stream().filter(rest::startsWith).findFirst().orElseThrow().length();
        } else if (label.lookingAt()) {
            hang = indent + label.end();
        } else if (gap.find(indent) && Tables.displayWidth(line.substring(0, gap.end())) <= deepest) {
            hang = gap.end();
        }
        return Tables.displayWidth(line.substring(0, hang)) <= deepest ? hang : Math.min(indent, deepest);
    }
}
