package app.soapstone.pdf;

import org.openpdf.text.Font;
import org.openpdf.text.pdf.BaseFont;

/**
 * The type of one printout: Liberation Sans at the sizes a {@link Print} asks for, and the spacing
 * that goes with them. Body text is {@code print.body()}, headings 3 pt and the title 8 pt larger, and
 * nothing is set under {@code print.minimum()}.
 */
public record PdfType(BaseFont regularFace, BaseFont boldFace, float size, float minimum, Font body, Font bold,
        Font heading, Font title, Font small, Font smallBold) {

    /** Line spacing as a multiple of the type size: 1.25 to 1.4 reads well for older readers. */
    public static final float LINE_SPACING = 1.25f;

    public static PdfType of(PdfFonts fonts, Print print) {
        return of(fonts, print.body(), print.minimum());
    }

    /** Type for a printout that is not a handout: a clinical record read by clinicians, at {@code body} points. */
    public static PdfType of(PdfFonts fonts, float body, float minimum) {
        BaseFont regular = fonts.regular();
        BaseFont bold = fonts.bold();
        return new PdfType(regular, bold, body, minimum, new Font(regular, body), new Font(bold, body),
                new Font(bold, body + 3), new Font(bold, body + 8), new Font(regular, minimum), new Font(bold, minimum));
    }

    /** Baseline to baseline for {@code font}; the title, being large, needs a little less. */
    public float leading(Font font) {
        return font.getSize() * (font.getSize() >= size + 8 ? 1.2f : LINE_SPACING);
    }

    /** Space between paragraphs. */
    public float paragraphGap() {
        return size * 0.45f;
    }

    /** Space between the items of a list. */
    public float itemGap() {
        return size * 0.25f;
    }

    /** Space above a heading, which sets a section off from the one before. */
    public float headingGap() {
        return size * 0.85f;
    }

    /** Space between a heading and what it heads. */
    public float afterHeading() {
        return size * 0.2f;
    }

    /** Where the text of a list item starts, right of its bullet or number. */
    public float indent() {
        return size * 1.6f;
    }

    /** The width of {@code text} as printed in {@code font}, in whatever fonts have its characters, shaped. */
    public float width(String text, Font font) {
        return ShapedText.width(text, font);
    }
}
