package app.soapstone.pdf;

import app.soapstone.pdf.PdfColumn.Run;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PdfColumnTest {

    @Test
    void aRunShowsWhatMayNotBeStoredAsTheTerminalDoes() {
        assertThat(new Run("Ann\u001B[2J Lee\u202Ecba\u0007", null).text()).isEqualTo("Ann\\x1b[2J Lee<U+202E>cba\\x07");
    }

    @Test
    void aRunKeepsLineBreaksAndJoinersAndMakesTabsSpaces() {
        assertThat(new Run("one\r\ntwo\n\tthree", null).text()).isEqualTo("one\ntwo\n three");
        assertThat(new Run("مهر\u200cانگیز", null).text()).isEqualTo("مهر\u200cانگیز");
    }

    @Test
    void partsOfARunKeepWhatWasMadeVisible() {
        assertThat(PdfColumn.words(java.util.List.of(new Run("Ann\u001B Lee", null))))
                .extracting(unit -> unit.value().text()).containsExactly("Ann\\x1b ", "Lee");
    }
}
