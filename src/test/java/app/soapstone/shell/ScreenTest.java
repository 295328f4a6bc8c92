package app.soapstone.shell;

import org.jline.terminal.Terminal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ScreenTest {

    @Test
    void outputThatIsNotATerminalHasNoWidthAndMakesNoTerminal() {
        AtomicInteger asked = new AtomicInteger();
        ObjectProvider<Terminal> terminal = new ObjectProvider<>() {
            @Override
            public Terminal getObject() {
                asked.incrementAndGet();
                throw new AssertionError("no terminal should be made");
            }

            @Override
            public Terminal getIfAvailable() {
                return getObject();
            }
        };

        assertThat(new Screen(terminal, false).width()).isEqualTo(Screen.UNBOUNDED_WIDTH);
        assertThat(asked).hasValue(0);
    }

    @Test
    void aTerminalGivesItsWidth() {
        Terminal terminal = org.mockito.Mockito.mock(Terminal.class);
        org.mockito.Mockito.when(terminal.getType()).thenReturn("xterm-256color");
        org.mockito.Mockito.when(terminal.getWidth()).thenReturn(64);
        ObjectProvider<Terminal> provider = new ObjectProvider<>() {
            @Override
            public Terminal getObject() {
                return terminal;
            }
        };

        assertThat(new Screen(provider, true).width()).isEqualTo(64);
    }
}
