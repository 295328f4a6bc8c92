package app.soapstone.shell;

import app.soapstone.validation.PlainText;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * What commands print, on its way to the terminal: every character that may not be stored
 * ({@link PlainText}) is shown visibly - {@code \x1b}, {@code \r}, {@code <U+202E>} - so that text
 * stored by an older version, a restored backup or another tool cannot clear the screen, retitle
 * the window or turn a line around. Line breaks (a Windows line end among them) and tabs pass.
 */
final class VisibleWriter extends FilterWriter {

    /** A carriage return not yet written: a line end if a line feed follows, else shown as {@code \r}. */
    private boolean pendingReturn;

    VisibleWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        StringBuilder shown = new StringBuilder(2);
        append(shown, (char) c);
        out.write(shown.toString());
    }

    @Override
    public void write(char[] text, int offset, int length) throws IOException {
        StringBuilder shown = new StringBuilder(length + 8);
        for (int i = offset; i < offset + length; i++) {
            append(shown, text[i]);
        }
        out.write(shown.toString());
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        StringBuilder shown = new StringBuilder(length + 8);
        for (int i = offset; i < offset + length; i++) {
            append(shown, text.charAt(i));
        }
        out.write(shown.toString());
    }

    @Override
    public void flush() throws IOException {
        settleReturn();
        super.flush();
    }

    @Override
    public void close() throws IOException {
        settleReturn();
        super.close();
    }

    private void append(StringBuilder shown, char c) {
        if (pendingReturn) {
            pendingReturn = false;
            if (c == '\n') {
                shown.append("\r\n");
                return;
            }
            PlainText.appendEscaped(shown, '\r');
        }
        if (c == '\r') {
            pendingReturn = true;
        } else if (PlainText.allowedInLines(c)) {
            shown.append(c);
        } else {
            PlainText.appendEscaped(shown, c);
        }
    }

    /** A carriage return at the very end of what was written is no line end. */
    private void settleReturn() throws IOException {
        if (pendingReturn) {
            pendingReturn = false;
            out.write("\\r");
        }
    }
}
