package app.soapstone.shell;

import org.jline.terminal.Terminal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The terminal Soapstone writes to: how wide tables may be. */
@Component
public class Screen {

    /** Used when the output is not a terminal (a pipe or file), so that rows are never wrapped. */
    static final int UNBOUNDED_WIDTH = 200;

    private final ObjectProvider<Terminal> terminal;

    public Screen(ObjectProvider<Terminal> terminal) {
        this.terminal = terminal;
    }

    public int width() {
        Terminal current = terminal.getIfAvailable();
        int width = current == null || Terminal.TYPE_DUMB.equals(current.getType()) ? 0 : current.getWidth();
        return width > 20 ? width : UNBOUNDED_WIDTH;
    }
}
