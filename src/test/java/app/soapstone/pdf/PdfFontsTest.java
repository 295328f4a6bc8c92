package app.soapstone.pdf;

import app.soapstone.pdf.PdfFonts.Piece;
import app.soapstone.validation.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the fonts can print, which font each character is set in, and the refusal of what no font has. */
class PdfFontsTest {

    private final PdfFonts bundled = new PdfFonts();

    @Test
    void latinCyrillicAndGreekWithTheirAccentsArePrintable() {
        assertThatCode(() -> bundled.requirePrintable("the client's name", "Zoë Łukasiewicz, Анна Петрова, Ζωή\nNguyễn"))
                .doesNotThrowAnyException();
    }

    @Test
    void aCharacterNoFontHasIsRefusedNamingTheFieldTheCharacterAndWhatToInstall() {
        assertThatThrownBy(() -> bundled.requirePrintable("the client's name", "Ming \uD83D\uDE00"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Cannot print the client's name: \uD83D\uDE00 (U+1F600 GRINNING FACE)")
                .hasMessageContaining("SOAPSTONE_FONTS").hasMessageContaining("nothing was written");
    }

    @Test
    void withTheBundledFontsOnlyChineseIsRefusedSayingWhichPackageHasIt() {
        assertThatThrownBy(() -> bundled.requirePrintable("the client's name", "王秀英"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Cannot print the client's name: 王 (U+738B CJK UNIFIED IDEOGRAPHS 738B)")
                .hasMessageContaining("fonts-noto-cjk");
    }

    @Test
    void withTheNotoFontsEveryScriptOfTheIssueIsPrintable() {
        PdfFonts fonts = TestFonts.withNoto();
        for (String name : List.of("王秀英", "佐藤 花子", "김민준", "فاطمة الزهراء", "דוד כהן", "محمد رضایی", "अनीता शर्मा",
                "สมชาย ใจดี", "Nguyễn Thị Ánh")) {
            assertThatCode(() -> fonts.requirePrintable("the client's name", name)).as(name).doesNotThrowAnyException();
        }
    }

    @Test
    void aPrivateUseCharacterIsInNoFont() {
        PdfFonts fonts = TestFonts.withNoto();
        assertThatThrownBy(() -> fonts.requirePrintable("the therapist's note", "Stretch \uE000 daily"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Cannot print the therapist's note: \uE000 (U+E000 PRIVATE USE AREA E000)")
                .hasMessageContaining("private-use");
    }

    @Test
    void invisibleMarksNeedNoGlyph() {
        assertThatCode(() -> bundled.requirePrintable("the note", "\u200eleft\u200d to right\u200f\t"))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({"王, Noto Sans CJK SC", "あ, Noto Sans CJK SC", "김, Noto Sans CJK SC", "ف, Noto Sans Arabic",
            "پ, Noto Sans Arabic", "ש, Noto Sans Hebrew", "अ, Noto Sans Devanagari", "ก, Noto Sans Thai"})
    void eachScriptGetsTheSansFamilyMadeForIt(String character, String family) {
        assertThat(Locale.getDefault().getLanguage()).as("the CJK region follows the locale").isNotIn("ja", "ko", "zh");
        PdfFonts fonts = TestFonts.withNoto();
        Typeface regular = fonts.fallback(character.codePointAt(0), fonts.bundled(fonts.regular()));
        Typeface bold = fonts.fallback(character.codePointAt(0), fonts.bundled(fonts.bold()));

        assertThat(regular.name()).isEqualTo(family + " Regular");
        assertThat(bold.name()).isEqualTo(family + " Bold");
        assertThat(bold.isFauxBold()).isFalse();
    }

    @Test
    void textInLatinNeverLooksForFonts() {
        PdfFonts fonts = new PdfFonts(List.of(Path.of("/nonexistent-fonts")));
        assertThat(fonts.pieces("Zoë Łukasiewicz - Анна, Ζωή: 3 x 30 s.", fonts.regular())).hasSize(1);
        fonts.requirePrintable("the client's name", "Nguyễn Thị Ánh");

        assertThat(fonts.scanned()).isFalse();
    }

    @Test
    void aWordIsKeptInOneFontAndSpacesAndDigitsGoWithTheirNeighbours() {
        PdfFonts fonts = TestFonts.withNoto();

        assertThat(pieces(fonts, "For 王秀英")).containsExactly("For |Liberation", "王秀英|Noto Sans CJK SC");
        assertThat(pieces(fonts, "Plan: stretch 3 x 30 s, مرتين يوميا، 3x."))
                .containsExactly("Plan: stretch 3 x 30 s, |Liberation", "مرتين يوميا، |Noto Sans Arabic", "3x.|Liberation");
        assertThat(pieces(fonts, "30ث")).containsExactly("30ث|Noto Sans Arabic");
        // Noto Sans Arabic has no brackets: they come from the first font that has them.
        assertThat(pieces(fonts, "(فاطمة)"))
                .containsExactly("(|Liberation", "فاطمة|Noto Sans Arabic", ")|Liberation");
        assertThat(pieces(fonts, "Zoë王")).containsExactly("Zoë王|Noto Sans CJK SC");
    }

    @Test
    void fontsFromTheSoapstoneFontsFolderComeFirst(@TempDir Path folder) throws Exception {
        TestFonts.noto();
        Files.copy(TestFonts.NOTO.resolve("NotoSansThai-Regular.ttf"), folder.resolve("MyThai.ttf"));
        PdfFonts fonts = new PdfFonts(List.of(folder, TestFonts.NOTO));

        Typeface thai = fonts.fallback('ก', fonts.bundled(fonts.regular()));
        Typeface boldThai = fonts.fallback('ก', fonts.bundled(fonts.bold()));

        assertThat(thai.origin()).isEqualTo(folder.resolve("MyThai.ttf").toString());
        assertThat(boldThai.isFauxBold()).as("that folder has no bold Thai: the regular is drawn bold").isTrue();
    }

    private static List<String> pieces(PdfFonts fonts, String text) {
        return fonts.pieces(text, fonts.regular()).stream()
                .map(p -> text.substring(p.start(), p.end()) + "|" + family(p)).toList();
    }

    private static String family(Piece piece) {
        String name = piece.face().name();
        return name.startsWith("Liberation") ? "Liberation" : name.replaceAll(" (Regular|Bold)$", "");
    }
}
