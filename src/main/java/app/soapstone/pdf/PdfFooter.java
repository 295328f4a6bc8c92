package app.soapstone.pdf;

import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPTable;

import java.util.List;

/**
 * The footer of every page of a printout, in the same place on each: a rule, then lines of parts
 * ("Zoë Łukasiewicz", "page 2 of 5") joined by a dot at the smallest size, each line wrapped between
 * whole parts if it must.
 */
public final class PdfFooter {

    private static final String SEPARATOR = "  \u00b7  ";

    /** The footer's lines of page {@code page} of {@code pages}, each a list of parts. */
    public interface Lines {
        List<List<String>> of(int page, int pages);
    }

    private final PdfType type;
    private final float width;
    private final Lines lines;

    public PdfFooter(PdfType type, float width, Lines lines) {
        this.type = type;
        this.width = width;
        this.lines = lines;
    }

    /** The height of the footer's text, measured with the widest page numbers. */
    public float height() {
        return table(999, 999).getTotalHeight();
    }

    /** Draws the footer of page {@code page} with the top of its text at {@code top}. */
    public void draw(PdfContentByte canvas, int page, int pages, float left, float top) {
        canvas.saveState();
        canvas.setLineWidth(0.5f);
        canvas.moveTo(left, top + type.size() * 0.4f);
        canvas.lineTo(left + width, top + type.size() * 0.4f);
        canvas.stroke();
        canvas.restoreState();
        table(page, pages).writeSelectedRows(0, -1, left, top, canvas);
    }

    private PdfPTable table(int page, int pages) {
        PdfRows rows = new PdfRows(type, width, 0);
        for (List<String> parts : lines.of(page, pages)) {
            for (String line : PdfColumn.lines(parts, SEPARATOR, type.small(), width)) {
                rows.leftToRightLine(line, type.small(), 0);
            }
        }
        PdfPTable table = rows.table();
        table.setTotalWidth(width);
        table.setLockedWidth(true);
        return table;
    }
}
