package app.soapstone.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * What one command prints in the interactive shell, held until the command ends so that output
 * longer than the screen can go through the {@link Pager}. A command that asks a question or
 * opens an editor has its output shown at once instead, and is never paged: the question must be
 * seen before the answer is read.
 */
final class HeldOutput extends Writer {

    private final Writer terminal;
    private final StringBuilder held = new StringBuilder();
    private boolean released;

    HeldOutput(Writer terminal) {
        this.terminal = terminal;
    }

    @Override
    public void write(char[] text, int offset, int length) throws IOException {
        if (released) {
            terminal.write(text, offset, length);
        } else {
            held.append(text, offset, length);
        }
    }

    @Override
    public void flush() throws IOException {
        if (released) {
            terminal.flush();
        }
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    /** Shows what was held, and everything after it as it comes. */
    void release() {
        try {
            if (!released) {
                released = true;
                terminal.write(held.toString());
                held.setLength(0);
            }
            terminal.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long lines() {
        long breaks = held.chars().filter(c -> c == '\n').count();
        return held.isEmpty() || held.charAt(held.length() - 1) == '\n' ? breaks : breaks + 1;
    }

    /**
     * At the end of the command: through {@code pager} when the output has more lines than fit
     * on a screen of {@code height} lines with the prompt (0: unknown, never paged), else as it is.
     */
    void finish(int height, Pager pager) {
        if (!released && height > 0 && lines() >= height && pager.page(held.toString())) {
            held.setLength(0);
            released = true;
            return;
        }
        release();
    }
}
