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
        assertThat(new Screen(terminalOf(64, 24), true).width()).isEqualTo(64);
    }

    @Test
    void colourOnlyOnATerminalAndNeverWithNoColourOrADumbTerminal() {
        assertThat(Screen.colour(java.util.Map.of(), true)).isTrue();
        assertThat(Screen.colour(java.util.Map.of("NO_COLOR", ""), true)).isTrue();
        assertThat(Screen.colour(java.util.Map.of("NO_COLOR", "1"), true)).isFalse();
        assertThat(Screen.colour(java.util.Map.of("NO_COLOR", "false"), true)).isFalse();
        assertThat(Screen.colour(java.util.Map.of("TERM", "dumb"), true)).isFalse();
        assertThat(Screen.colour(java.util.Map.of(), false)).isFalse();
    }

    @Test
    void proseIsWrappedOnlyOnATerminal() {
        ObjectProvider<Terminal> provider = terminalOf(60, 30);

        assertThat(new Screen(provider, true).proseWidth()).isEqualTo(60);
        assertThat(new Screen(provider, true).height()).isEqualTo(30);
        assertThat(new Screen(provider, false).proseWidth()).isZero();
        assertThat(new Screen(provider, false).height()).isZero();
    }

    private static ObjectProvider<Terminal> terminalOf(int width, int height) {
        Terminal terminal = org.mockito.Mockito.mock(Terminal.class);
        org.mockito.Mockito.when(terminal.getType()).thenReturn("xterm-256color");
        org.mockito.Mockito.when(terminal.getWidth()).thenReturn(width);
        org.mockito.Mockito.when(terminal.getHeight()).thenReturn(height);
        return new ObjectProvider<>() {
            @Override
            public Terminal getObject() {
                return terminal;
            }
        };
    }
}
