package app.soapstone.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fonts a PDF's glyphs are drawn in, read back with PDFBox: for tests that a printout in any
 * script loses nothing - every font embedded, no glyph drawn as the font's box (.notdef), none
 * without a character to map back to.
 */
public final class DrawnFonts extends PDFTextStripper {

    private final Set<String> fonts = new LinkedHashSet<>();
    private final Set<String> notEmbedded = new LinkedHashSet<>();
    private final List<String> notdef = new ArrayList<>();
    private final List<String> unmapped = new ArrayList<>();

    private DrawnFonts() {
    }

    public static DrawnFonts of(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            DrawnFonts drawn = new DrawnFonts();
            drawn.getText(document);
            return drawn;
        }
    }

    /** Every font embedded, no glyph the font's .notdef (a box) and none PDFBox cannot map back to a character. */
    public static void assertEveryGlyphIsEmbeddedAndMapped(byte[] pdf) throws IOException {
        DrawnFonts drawn = of(pdf);
        assertThat(drawn.notEmbedded).as("fonts not embedded").isEmpty();
        assertThat(drawn.notdef).as(".notdef glyphs").isEmpty();
        assertThat(drawn.unmapped).as("glyphs without a character").isEmpty();
    }

    /** The names of the fonts glyphs are drawn in, in the order first used. */
    public Set<String> fonts() {
        return fonts;
    }

    @Override
    protected void showGlyph(Matrix matrix, PDFont font, int code, Vector displacement) throws IOException {
        fonts.add(font.getName());
        if (!font.isEmbedded()) {
            notEmbedded.add(font.getName());
        }
        if (font instanceof PDType0Font type0 && type0.codeToGID(code) == 0) {
            notdef.add(font.getName() + " code " + code);
        }
        if (font.toUnicode(code) == null) {
            unmapped.add(font.getName() + " code " + code);
        }
        super.showGlyph(matrix, font, code, displacement);
    }
}
