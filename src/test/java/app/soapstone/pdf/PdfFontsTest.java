package app.soapstone.pdf;

import app.soapstone.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the fonts can print, and the refusal of what they cannot. */
class PdfFontsTest {

    private final PdfFonts fonts = new PdfFonts();

    @Test
    void latinCyrillicAndGreekWithTheirAccentsArePrintable() {
        assertThatCode(() -> fonts.requirePrintable("the client's name", "Zoë Łukasiewicz, Анна Петрова, Ζωή\nNguyễn"))
                .doesNotThrowAnyException();
    }

    @Test
    void aCharacterNoFontHasIsRefusedNamingTheFieldTheCharacterAndWhatToInstall() {
        assertThatThrownBy(() -> fonts.requirePrintable("the client's name", "Ming \uD83D\uDE00"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Cannot print the client's name: \uD83D\uDE00 (U+1F600 GRINNING FACE)")
                .hasMessageContaining("SOAPSTONE_FONTS").hasMessageContaining("nothing was written");
    }
}
