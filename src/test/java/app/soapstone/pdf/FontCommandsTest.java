package app.soapstone.pdf;

import app.soapstone.shell.Failure;
import app.soapstone.support.SoapstoneTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code fonts}: each script with the font it prints in, and what to install for the rest. */
@Tag(SoapstoneTest.POSTGRESQL)
class FontCommandsTest extends SoapstoneTest {

    @Test
    void listsEveryScriptWithItsFontAndFile() {
        TestFonts.noto();

        Result result = run("fonts");

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        List<String> lines = result.output().lines().toList();
        assertThat(lines.getFirst()).contains("Script").contains("Font").contains("Bold").contains("File");
        assertThat(line(lines, "Latin ")).contains("Liberation Sans").contains("bundled");
        assertThat(line(lines, "Cyrillic")).contains("Liberation Sans").contains("bundled");
        assertThat(line(lines, "Chinese (simplified)")).contains("Noto Sans CJK SC")
                .contains(TestFonts.NOTO_CJK.resolve("NotoSansCJK-Regular.ttc").toString());
        assertThat(line(lines, "Japanese")).contains("Noto Sans CJK");
        assertThat(line(lines, "Korean")).contains("Noto Sans CJK");
        assertThat(line(lines, "Arabic")).contains("Noto Sans Arabic")
                .contains(TestFonts.NOTO.resolve("NotoSansArabic-Regular.ttf").toString());
        assertThat(line(lines, "Persian")).contains("Noto Sans Arabic");
        assertThat(line(lines, "Hebrew")).as("Liberation Sans has Hebrew").contains("Liberation Sans").contains("bundled");
        assertThat(line(lines, "Devanagari")).contains("Noto Sans Devanagari");
        assertThat(line(lines, "Thai")).contains("Noto Sans Thai");
        assertThat(result.output()).contains("Fonts looked for in: " + TestFonts.NOTO + ", " + TestFonts.NOTO_CJK);
    }

    @Test
    void withTheBundledFontsOnlyTheOtherScriptsSayWhatToInstall() {
        List<PrintableScripts.Row> rows = new PrintableScripts(new PdfFonts()).list();

        assertThat(rows).filteredOn(PrintableScripts.Row::printable).extracting(PrintableScripts.Row::script)
                .containsExactly("Latin", "Latin (Vietnamese)", "Latin (Central European)", "Greek", "Cyrillic", "Hebrew");
        assertThat(rows).filteredOn(row -> row.script().equals("Chinese (simplified)")).singleElement()
                .satisfies(row -> assertThat(row.install()).contains("fonts-noto-cjk"));
        assertThat(rows).filteredOn(row -> row.script().equals("Arabic")).singleElement()
                .satisfies(row -> assertThat(row.install()).contains("fonts-noto-core"));
    }

    private static String line(List<String> lines, String script) {
        return lines.stream().filter(line -> line.startsWith(script)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + script + " in " + lines));
    }
}
