package app.soapstone.pdf;

import app.soapstone.pdf.PdfColumn.Run;
import org.openpdf.text.Font;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;

import java.util.List;

/**
 * The rows of text inside one block: lines across the full width, and list items with their
 * marker (a bullet or a number) in a narrow first column, so that wrapped lines start under the
 * text and not under the marker. Each row is set with the first line's ascender at the top and the
 * last line's descender at the bottom, so the spacing between rows is exactly what is asked.
 */
public final class PdfRows {

    public static final String BULLET = "\u2022";

    private final PdfType type;
    private final PdfPTable table;
    private final float width;
    private final float indent;

    /** Rows {@code width} wide; list items' text starts {@code indent} from the left. */
    public PdfRows(PdfType type, float width, float indent) {
        this.type = type;
        this.width = width;
        this.indent = indent;
        this.table = new PdfPTable(indent > 0 ? new float[] {indent, width - indent} : new float[] {1});
        table.setWidthPercentage(100);
    }

    /**
     * A line (a paragraph, wrapped) across the full width. Text that runs right to left or must be
     * shaped is laid out by {@link ShapedText}, right-aligned when its first letter runs right to left.
     */
    public PdfRows line(List<Run> runs, float spaceBefore) {
        return line(runs, spaceBefore, false);
    }

    /** A line that runs left to right like the rest of the page, even when it starts with a name in Arabic or Hebrew. */
    public PdfRows leftToRightLine(String text, Font font, float spaceBefore) {
        return line(List.of(new Run(text, font)), spaceBefore, true);
    }

    private PdfRows line(List<Run> runs, float spaceBefore, boolean leftToRight) {
        PdfPCell cell = ShapedText.needed(runs) ? ShapedText.cell(runs, width, leading(runs), spaceBefore, leftToRight)
                : text(PdfColumn.phrase(runs), leading(runs), spaceBefore);
        cell.setColspan(table.getNumberOfColumns());
        table.addCell(cell);
        return this;
    }

    public PdfRows line(String text, Font font, float spaceBefore) {
        return line(List.of(new Run(text, font)), spaceBefore);
    }

    /** A list item: {@code marker} (may be empty, for a part continued from a page before) and the text. */
    public PdfRows item(String marker, List<Run> runs, float spaceBefore) {
        if (table.getNumberOfColumns() < 2) {
            throw new IllegalStateException("list items need rows made with an indent");
        }
        Font markerFont = runs.getFirst().font();
        if (!ShapedText.needed(runs)) {
            table.addCell(text(PdfColumn.phrase(List.of(new Run(marker, markerFont))), leading(runs), spaceBefore));
            table.addCell(text(PdfColumn.phrase(runs), leading(runs), spaceBefore));
            return this;
        }
        // The marker on the baseline of the text's first line, whose fonts may be taller than its own.
        ShapedText.Block text = ShapedText.layout(runs, width - indent);
        ShapedText.Block mark = ShapedText.layout(List.of(new Run(marker, markerFont)), indent);
        float ascent = Math.max(text.firstAscent(), mark.firstAscent());
        PdfPCell textCell = text.cell(leading(runs), spaceBefore, ascent, text.rightToLeft());
        PdfPCell markerCell = mark.cell(leading(runs), spaceBefore, ascent, text.rightToLeft());
        if (!text.rightToLeft()) {
            table.addCell(markerCell);
            table.addCell(textCell);
            return this;
        }
        // Right to left, the marker goes on the right, at the edge, as the text runs.
        PdfPTable mirrored = new PdfPTable(new float[] {width - indent, indent});
        mirrored.setWidthPercentage(100);
        mirrored.addCell(textCell);
        mirrored.addCell(markerCell);
        return cell(PdfColumn.cell(mirrored));
    }

    /** A row of any cell across the full width. */
    public PdfRows cell(PdfPCell cell) {
        cell.setColspan(table.getNumberOfColumns());
        table.addCell(cell);
        return this;
    }

    public PdfPTable table() {
        return table;
    }

    private float leading(List<Run> runs) {
        float leading = 0;
        for (Run run : runs) {
            leading = Math.max(leading, type.leading(run.font()));
        }
        return leading;
    }

    private static PdfPCell text(Phrase phrase, float leading, float spaceBefore) {
        PdfPCell cell = PdfColumn.cell();
        cell.setPhrase(phrase);
        cell.setLeading(leading, 0);
        cell.setUseAscender(true);
        cell.setUseDescender(true);
        cell.setPaddingTop(spaceBefore);
        return cell;
    }
}
