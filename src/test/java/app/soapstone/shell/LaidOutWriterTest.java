package app.soapstone.shell;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class LaidOutWriterTest {

    @Test
    void levelLabelsAreColouredOnlyWhereTheScreeningPutsThem() {
        assertThat(LaidOutWriter.coloured("REFER")).isEqualTo("\u001B[31mREFER\u001B[0m");
        assertThat(LaidOutWriter.coloured("PRECAUTION")).isEqualTo("\u001B[33mPRECAUTION\u001B[0m");
        assertThat(LaidOutWriter.coloured("  !! REFER (urgent): Possible DVT"))
                .isEqualTo("  !! \u001B[31mREFER (urgent)\u001B[0m: Possible DVT");
        assertThat(LaidOutWriter.coloured("  REFER (see GP): Numbness")).isEqualTo("  \u001B[31mREFER (see GP)\u001B[0m: Numbness");
        assertThat(LaidOutWriter.coloured("  PRECAUTION: Neuropathy")).isEqualTo("  \u001B[33mPRECAUTION\u001B[0m: Neuropathy");
        assertThat(LaidOutWriter.coloured("REFERRED to the GP")).isEqualTo("REFERRED to the GP");
        assertThat(LaidOutWriter.coloured("NOTE")).isEqualTo("NOTE");
    }

    @Test
    void storedEscapesStayVisibleAndOnlyTheColoursAreControlSequences() throws IOException {
        StringWriter terminal = new StringWriter();
        try (PrintWriter out = new PrintWriter(new VisibleWriter(new LaidOutWriter(terminal, () -> 80, true)))) {
            out.println("REFER");
            out.println("  - \u001B[2J cleared?");
        }

        assertThat(terminal.toString()).isEqualTo("\u001B[31mREFER\u001B[0m\n  - \\x1b[2J cleared?\n");
    }

    @Test
    void linesAreWrappedAndTheWidthIsAskedOnlyForALongLine() throws IOException {
        AtomicInteger asked = new AtomicInteger();
        StringWriter terminal = new StringWriter();
        try (PrintWriter out = new PrintWriter(new LaidOutWriter(terminal, () -> {
            asked.incrementAndGet();
            return 24;
        }, false))) {
            out.println("short");
            assertThat(asked).hasValue(0);
            out.println("  - a line long enough to be wrapped");
            out.println("  - and another one just as long");
        }

        assertThat(asked).hasValue(1);
        assertThat(terminal.toString()).isEqualTo("""
                short
                  - a line long enough
                    to be wrapped
                  - and another one just
                    as long
                """);
    }
}
