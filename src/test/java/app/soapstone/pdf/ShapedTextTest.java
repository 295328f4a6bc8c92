package app.soapstone.pdf;

import app.soapstone.pdf.PdfColumn.Run;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfPTable;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The lines ShapedText sets sit exactly as OpenPDF's own would: same breaks, same height. */
class ShapedTextTest {

    private static final PdfFonts FONTS = new PdfFonts();
    private static final PdfType TYPE = PdfType.of(FONTS, Print.STANDARD);
    private static final String TEXT = "Stand facing a wall with both hands on it at shoulder height. Step one foot"
            + " back, keep the heel down and lean in until you feel the stretch in the calf; hold it for 30 seconds.";

    @Test
    void aParagraphIsAsTallAsOpenPdfMakesIt() {
        for (float width : new float[] {180, 300, 480, 2000}) {
            List<Run> runs = List.of(new Run("Hold: ", TYPE.bold()), new Run(TEXT, TYPE.body()));
            PdfRows rows = new PdfRows(TYPE, width, 0).line(runs, 5);
            PdfPTable shaped = new PdfPTable(1);
            shaped.addCell(ShapedText.cell(runs, width, TYPE.leading(TYPE.body()), 5));

            assertThat(height(shaped, width)).as("at %s pt", width).isCloseTo(height(rows.table(), width), within(0.01f));
        }
    }

    @Test
    void widthsAreThoseOfTheFontsThatPrintTheText() {
        PdfFonts fonts = TestFonts.withNoto();
        PdfType type = PdfType.of(fonts, Print.STANDARD);

        assertThat(type.width("王秀英", type.body())).as("three full-width characters").isCloseTo(42, within(0.5f));
        assertThat(type.width("Zoë", type.body())).isEqualTo(fonts.regular().getWidthPoint("Zoë", 14));
        assertThat(type.width("فاطمة", type.body())).as("joined letters are narrower than apart")
                .isLessThan(type.width("ف ا ط م ة", type.body()) - 4 * type.width(" ", type.body()));
    }

    private static float height(PdfPTable table, float width) {
        table.setTotalWidth(width);
        table.setLockedWidth(true);
        return table.getTotalHeight();
    }
}
