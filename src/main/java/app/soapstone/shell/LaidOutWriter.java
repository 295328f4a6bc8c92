package app.soapstone.shell;

import java.io.IOException;
import java.io.Writer;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last step before the terminal: wraps each line of prose at the screen's width
 * ({@link Prose}) and colours the level labels, REFER red and PRECAUTION yellow. It comes after
 * {@link VisibleWriter}, so the only control sequences in what it writes are the colours it adds
 * itself: stored text can at most be coloured, never send a sequence of its own.
 */
final class LaidOutWriter extends Writer {

    private static final String RED = "\u001B[31m";
    private static final String YELLOW = "\u001B[33m";
    private static final String RESET = "\u001B[0m";
    /**
     * A level label where the screening puts one: alone on a line (the heading of a group), or at
     * the start of a line before a colon ("  !! REFER (urgent): DVT signs").
     */
    private static final Pattern LEVEL = Pattern.compile("^( *(?:!! )?)(REFER(?: \\([A-Za-z ,]{1,30}\\))?|PRECAUTION)(?=$|:)");

    private final Writer out;
    private final IntSupplier width;
    private final boolean colour;
    private final StringBuilder line = new StringBuilder();
    /** Part of the current line was written already (flushed before a question): the rest is not wrapped. */
    private boolean lineStarted;
    private int knownWidth = -1;

    /** {@code width} is asked once, and only for a line long enough to need it: making the terminal takes a while. */
    LaidOutWriter(Writer out, IntSupplier width, boolean colour) {
        this.out = out;
        this.width = width;
        this.colour = colour;
    }

    @Override
    public void write(char[] text, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            char c = text[i];
            if (c == '\n') {
                out.write(laidOut(line.toString()));
                out.write('\n');
                line.setLength(0);
                lineStarted = false;
            } else {
                line.append(c);
            }
        }
    }

    @Override
    public void flush() throws IOException {
        if (!line.isEmpty()) {
            out.write(laidOut(line.toString()));
            line.setLength(0);
            lineStarted = true;
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
        out.close();
    }

    private String laidOut(String text) {
        if (lineStarted) {
            return text;
        }
        // A line no wider than the narrowest screen that is wrapped needs no width (see Screen.width).
        String wrapped = text.length() <= 20 ? text : Prose.wrap(text, width());
        return colour ? coloured(wrapped) : wrapped;
    }

    private int width() {
        if (knownWidth < 0) {
            knownWidth = width.getAsInt();
        }
        return knownWidth;
    }

    /** {@code text} with its level label coloured, when it has one. */
    static String coloured(String text) {
        Matcher level = LEVEL.matcher(text);
        if (!level.find()) {
            return text;
        }
        String colour = level.group(2).startsWith("REFER") ? RED : YELLOW;
        return level.group(1) + colour + level.group(2) + RESET + text.substring(level.end());
    }
}
