package app.soapstone.pdf;

import app.soapstone.pdf.PdfPages.Line;
import app.soapstone.pdf.PdfPages.Span;
import org.junit.jupiter.api.Test;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.PageSize;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

import java.io.ByteArrayOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The reader the PDF tests rely on: sizes as printed (PDFBox's {@code getFontSizeInPt()} reports
 * 11.5 pt as 11, and text in a form XObject drawn at half size as its nominal 12 pt), lines top to
 * bottom, and text drawn in forms kept apart as spans.
 */
class PdfPagesTest {

    @Test
    void sizesAreAsPrintedWithFractionsAndTheScalingOfForms() {
        PdfPages pages = PdfPages.read(sample());
        var page = pages.page(1);

        Line body = page.lines().stream().filter(line -> line.text().equals("Body text")).findFirst().orElseThrow();
        assertThat(body.minSize()).isCloseTo(11.5f, within(0.01f));
        assertThat(body.bold()).isFalse();
        Line heading = page.lines().getFirst();
        assertThat(heading.text()).isEqualTo("A heading");
        assertThat(heading.bold()).isTrue();
        assertThat(heading.maxSize()).isCloseTo(17, within(0.01f));

        assertThat(page.spans()).filteredOn(Span::inForm).extracting(Span::text, Span::size)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Label", 12f), org.assertj.core.groups.Tuple.tuple("Label", 6f));
        assertThat(page.smallestSize()).isCloseTo(6, within(0.01f));
        assertThat(pages.count()).isEqualTo(1);
        assertThat(page.text()).contains("A heading").contains("Body text").contains("Label");
    }

    /** A heading at 17 pt bold, body text at 11.5 pt, and one form with a 12 pt label drawn at full and half size. */
    private static byte[] sample() {
        PdfFonts fonts = new PdfFonts();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.open();
        PdfContentByte canvas = writer.getDirectContent();
        text(canvas, fonts.bold(), 17, "A heading", 750);
        text(canvas, fonts.regular(), 11.5f, "Body text", 720);
        PdfTemplate form = canvas.createTemplate(200, 40);
        form.beginText();
        form.setFontAndSize(fonts.regular(), 12);
        form.showTextAligned(Element.ALIGN_LEFT, "Label", 5, 10, 0);
        form.endText();
        canvas.addTemplate(form, 50, 600);
        canvas.addTemplate(form, 0.5f, 0, 0, 0.5f, 50, 500);
        document.close();
        return out.toByteArray();
    }

    private static void text(PdfContentByte canvas, BaseFont font, float size, String text, float y) {
        canvas.beginText();
        canvas.setFontAndSize(font, size);
        canvas.showTextAligned(Element.ALIGN_LEFT, text, 50, y, 0);
        canvas.endText();
    }
}
