package app.soapstone.shell;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class VisibleWriterTest {

    @Test
    void controlCharactersAndDirectionOverridesAreShownVisibly() throws IOException {
        StringWriter out = new StringWriter();
        try (VisibleWriter writer = new VisibleWriter(out)) {
            writer.write("Ann\u001B[2J\u0007 Lee\u202Ecba\u0085\n\tnext\n");
        }
        assertThat(out).hasToString("Ann\\x1b[2J\\x07 Lee<U+202E>cba<U+0085>\n\tnext\n");
    }

    @Test
    void aCarriageReturnEndsALineOnlyBeforeALineFeedEvenAcrossWrites() throws IOException {
        StringWriter out = new StringWriter();
        try (VisibleWriter writer = new VisibleWriter(out)) {
            writer.write("one\r");
            writer.write("\ntwo\r");
            writer.write('x');
            writer.write("three\r".toCharArray(), 0, 6);
        }
        assertThat(out).hasToString("one\r\ntwo\\rxthree\\r");
    }

    @Test
    void lettersOfEveryScriptPassUnchanged() throws IOException {
        StringWriter out = new StringWriter();
        String text = "Zoë Łukasiewicz 王小明 مهر\u200cانگیز 𠀀 ─ ▁▂▃";
        try (VisibleWriter writer = new VisibleWriter(out)) {
            writer.write(text);
        }
        assertThat(out).hasToString(text);
    }
}
