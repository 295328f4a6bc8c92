package app.soapstone.shell;

import org.jline.terminal.Terminal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.Console;
import java.util.Map;

/**
 * The terminal Soapstone writes to: how wide tables and prose may be, how many lines fit before
 * the pager takes over, and whether the level labels may be coloured.
 */
@Component
public class Screen {

    /** Used when the output is not a terminal (a pipe or file), so that rows are never wrapped. */
    static final int UNBOUNDED_WIDTH = 200;

    private final ObjectProvider<Terminal> terminal;
    /** Asked once: where Soapstone reads and writes does not change while it runs. */
    private final boolean onTerminal;
    private final Map<String, String> environment;

    @Autowired
    public Screen(ObjectProvider<Terminal> terminal) {
        this(terminal, consoleIsTerminal(), System.getenv());
    }

    Screen(ObjectProvider<Terminal> terminal, boolean onTerminal) {
        this(terminal, onTerminal, Map.of());
    }

    Screen(ObjectProvider<Terminal> terminal, boolean onTerminal, Map<String, String> environment) {
        this.terminal = terminal;
        this.onTerminal = onTerminal;
        this.environment = environment;
    }

    public int width() {
        // Asked first because making the JLine terminal takes a while, and a script's output
        // (a pipe or a file) has no width anyway.
        if (!onTerminal) {
            return UNBOUNDED_WIDTH;
        }
        Terminal current = terminal.getIfAvailable();
        int width = current == null || Terminal.TYPE_DUMB.equals(current.getType()) ? 0 : current.getWidth();
        return width > 20 ? width : UNBOUNDED_WIDTH;
    }

    /**
     * The width prose is wrapped at, or 0 for none: output that goes to a pipe or a file is left
     * in long lines for grep and other programs to read. COLUMNS is not asked: shells rarely
     * export it, and a value inherited from another window would be wrong.
     */
    int proseWidth() {
        int width = width();
        return width == UNBOUNDED_WIDTH ? 0 : width;
    }

    /** Lines that fit on the screen; 0 when unknown (not a terminal, or a dumb one). */
    int height() {
        if (!onTerminal) {
            return 0;
        }
        Terminal current = terminal.getIfAvailable();
        return current == null || Terminal.TYPE_DUMB.equals(current.getType()) ? 0 : current.getHeight();
    }

    /** Whether REFER, PRECAUTION and the shell's errors may be coloured. */
    boolean colour() {
        return colour(environment, onTerminal);
    }

    /**
     * Colour only on a terminal, and never when {@code NO_COLOR} holds anything (no-color.org) or
     * the terminal says it cannot show it ({@code TERM=dumb}).
     */
    static boolean colour(Map<String, String> environment, boolean onTerminal) {
        String noColour = environment.get("NO_COLOR");
        return onTerminal && (noColour == null || noColour.isEmpty()) && !"dumb".equals(environment.get("TERM"));
    }

    /**
     * Whether Soapstone reads from and writes to a terminal. Java 21 has a console only then;
     * Java 22 and later always have one and say so with {@code Console.isTerminal()}.
     */
    static boolean consoleIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
