package app.soapstone.pdf;

import app.soapstone.pdf.PdfBlock.Unit;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;

import java.awt.Color;
import java.util.List;
import java.util.Set;

/**
 * A ruled table of text with a shaded header row, cut between rows where it goes on over a page,
 * the part after a break headed "{@code caption} (continued)" and the header again. Each column is
 * as wide as its widest line, but the flexible ones, which share the width left. A cell's text may
 * hold line breaks ({@code \n}); the lines of a right-aligned column (amounts) are set on the same
 * baseline as the rest of the row.
 */
public final class PdfGrid {

    public static final Color SHADE = new Color(0xE6, 0xE6, 0xE6);
    public static final float RULE = 0.6f;

    private PdfGrid() {
    }

    /**
     * Adds the table to {@code column}, {@code spaceBefore} above it. {@code lines} are the rows,
     * each a cell per header; the columns in {@code flexible} share the width the others leave,
     * those in {@code right} are aligned right.
     */
    public static void add(PdfColumn column, String caption, List<String> headers, List<List<String>> lines,
            List<Integer> flexible, Set<Integer> right, float spaceBefore) {
        PdfType type = column.type();
        float width = column.width();
        float pad = type.size() * 0.3f;
        float[] widths = new float[headers.size()];
        float fixed = 0;
        for (int c = 0; c < widths.length; c++) {
            if (flexible.contains(c)) {
                continue;
            }
            float widest = type.width(headers.get(c), type.bold());
            for (List<String> line : lines) {
                for (String part : line.get(c).split("\n")) {
                    widest = Math.max(widest, type.width(part, type.body()));
                }
            }
            widths[c] = widest + 2 * pad + 1;
            fixed += widths[c];
        }
        for (int c : flexible) {
            widths[c] = (width - fixed) / flexible.size();
        }
        PdfBlock.Layout<List<String>> grid = (some, continued) -> {
            PdfPTable table = new PdfPTable(widths);
            table.setWidthPercentage(100);
            if (continued) {
                PdfRows title = new PdfRows(type, width, 0);
                title.line(caption + " (continued)", type.bold(), 0);
                PdfPCell cell = PdfColumn.cell(title.table());
                cell.setColspan(widths.length);
                cell.setPaddingBottom(type.itemGap());
                table.addCell(cell);
            }
            for (int c = 0; c < widths.length; c++) {
                table.addCell(cell(type, headers.get(c), type.bold(), widths[c], pad, true, right.contains(c)));
            }
            for (List<String> line : some) {
                for (int c = 0; c < widths.length; c++) {
                    table.addCell(cell(type, line.get(c), type.body(), widths[c], pad, false, right.contains(c)));
                }
            }
            return table;
        };
        List<Unit<List<String>>> units = lines.stream().map(l -> new Unit<>(l, PdfBlock.PREFERRED)).toList();
        column.add(PdfBlock.cuttable(grid.table(lines, false), width, spaceBefore, () -> units, grid));
    }

    /** One line of text aligned right, set as {@link PdfRows} sets a line, so its baseline matches theirs. */
    public static PdfPCell rightAligned(PdfType type, String text, Font font) {
        PdfPCell cell = PdfColumn.cell();
        cell.setPhrase(new Phrase(text, font));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        cell.setLeading(type.leading(font), 0);
        cell.setUseAscender(true);
        cell.setUseDescender(true);
        return cell;
    }

    private static PdfPCell cell(PdfType type, String text, Font font, float cellWidth, float pad, boolean header,
            boolean right) {
        PdfPCell cell;
        if (right && !header) {
            cell = rightAligned(type, text, font);
        } else {
            PdfRows rows = new PdfRows(type, cellWidth - 2 * pad, 0);
            // The lines of a cell as far apart as those of a wrapped line: PdfRows sets each from its
            // ascender to its descender, so the gap between them is what the leading leaves of that.
            BaseFont face = font.getBaseFont();
            float gap = Math.max(0, type.leading(font) - face.getFontDescriptor(BaseFont.ASCENT, font.getSize())
                    + face.getFontDescriptor(BaseFont.DESCENT, font.getSize()));
            String[] lines = text.split("\n");
            for (int i = 0; i < lines.length; i++) {
                rows.line(lines[i], font, i == 0 ? 0 : gap);
            }
            cell = PdfColumn.cell(rows.table());
        }
        cell.setBorder(Rectangle.BOX);
        cell.setBorderWidth(RULE);
        cell.setPadding(pad);
        cell.setPaddingBottom(pad * 1.4f);
        if (header) {
            cell.setBackgroundColor(SHADE);
        }
        return cell;
    }
}
