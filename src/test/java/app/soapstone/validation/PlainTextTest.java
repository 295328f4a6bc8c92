package app.soapstone.validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextTest {

    @Test
    void aLineHoldsNoControlCharacterNoBidirectionalControlAndNoLineSeparator() {
        IntStream.rangeClosed(0, 0x1F).forEach(c -> assertThat(PlainText.allowedInLine(c)).as("%04X", c).isFalse());
        IntStream.rangeClosed(0x7F, 0x9F).forEach(c -> assertThat(PlainText.allowedInLine(c)).as("%04X", c).isFalse());
        IntStream.of(0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
                0x2028, 0x2029).forEach(c -> assertThat(PlainText.allowedInLine(c)).as("%04X", c).isFalse());
    }

    @ParameterizedTest
    @ValueSource(ints = {' ', 'a', 0xA0, 0xAD, 0x0308, 0x05D0, 0x0627, 0x0915, 0x200B, 0x200C, 0x200D, 0x2060, 0xFE0F,
            0xFEFF, 0x4E00, 0x20000, 0x1F469})
    void lettersMarksAndJoinersAreKept(int c) {
        assertThat(PlainText.allowedInLine(c)).isTrue();
        assertThat(PlainText.allowedInLines(c)).isTrue();
    }

    @Test
    void severalLinesHoldLineFeedsAndTabsOnly() {
        assertThat(PlainText.allowedInLines('\n')).isTrue();
        assertThat(PlainText.allowedInLines('\t')).isTrue();
        assertThat(PlainText.allowedInLines('\r')).isFalse();
        assertThat(PlainText.allowedInLines(0x2028)).isFalse();
        assertThat(PlainText.allowedInLine('\n')).isFalse();
        assertThat(PlainText.allowedInLine('\t')).isFalse();
    }

    @Test
    void describeNamesTheCodePointAndTheCharacter() {
        assertThat(PlainText.describe(0x1B)).isEqualTo("U+001B ESCAPE");
        assertThat(PlainText.describe(0x202E)).isEqualTo("U+202E RIGHT-TO-LEFT OVERRIDE");
        assertThat(PlainText.describe(0x0D)).isEqualTo("U+000D CARRIAGE RETURN (CR)");
    }

    @Test
    void visibleShowsEverythingThatMayNotBeStoredOnOneLine() {
        assertThat(PlainText.visible("Ann\u001B[2J\u0007 Lee\r\nX\tY\u202Ecba\u0085\u007F"))
                .isEqualTo("Ann\\x1b[2J\\x07 Lee\\r\\nX\\tY<U+202E>cba<U+0085>\\x7f");
    }

    @Test
    void visibleLinesKeepsLineBreaksAndTabsAndTakesWindowsLineEndsAsLineBreaks() {
        assertThat(PlainText.visibleLines("one\r\ntwo\n\tthree\rfour\u2028five\u001B"))
                .isEqualTo("one\ntwo\n\tthree\\rfour<U+2028>five\\x1b");
    }

    @Test
    void ordinaryTextIsReturnedAsItIs() {
        String text = "Zoë Łukasiewicz 王小明 مهر\u200cانگیز 𠀀";
        assertThat(PlainText.visible(text)).isSameAs(text);
        assertThat(PlainText.visibleLines("a\nb\tc")).isEqualTo("a\nb\tc");
        assertThat(PlainText.visible(null)).isNull();
    }
}
