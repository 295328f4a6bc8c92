package app.soapstone.shell;

import org.jline.terminal.Terminal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.Console;

/** The terminal Soapstone writes to: how wide tables may be. */
@Component
public class Screen {

    /** Used when the output is not a terminal (a pipe or file), so that rows are never wrapped. */
    static final int UNBOUNDED_WIDTH = 200;

    private final ObjectProvider<Terminal> terminal;
    /** Asked once: where Soapstone reads and writes does not change while it runs. */
    private final boolean onTerminal;

    @Autowired
    public Screen(ObjectProvider<Terminal> terminal) {
        this(terminal, consoleIsTerminal());
    }

    Screen(ObjectProvider<Terminal> terminal, boolean onTerminal) {
        this.terminal = terminal;
        this.onTerminal = onTerminal;
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
