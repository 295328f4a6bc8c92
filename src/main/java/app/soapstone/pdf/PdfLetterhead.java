package app.soapstone.pdf;

import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;

import java.util.List;

/**
 * The top of a printout's first page: the clinic's name, address and contacts on the left, and
 * what the printout is - for whom, when, by whom - on the right, ruled off below.
 */
public final class PdfLetterhead {

    private PdfLetterhead() {
    }

    /**
     * Adds the letterhead to {@code column}. {@code contacts} (phone, email, website) are wrapped
     * between whole items; the first of {@code about} is bold.
     */
    public static void add(PdfColumn column, String clinicName, String address, List<String> contacts,
            List<String> about) {
        PdfType type = column.type();
        float gutter = type.size();
        // The right-hand column as wide as its lines need, between a third and a half of the width.
        float natural = type.width(about.getFirst(), type.bold());
        for (String line : about.subList(1, about.size())) {
            natural = Math.max(natural, type.width(line, type.body()));
        }
        natural += 1;
        float aboutWidth = Math.max((column.width() - gutter) / 3, Math.min(natural, (column.width() - gutter) / 2));
        float clinicWidth = column.width() - gutter - aboutWidth;

        PdfRows clinic = new PdfRows(type, clinicWidth, 0);
        clinic.line(clinicName, type.heading(), 0);
        clinic.line(address, type.small(), type.itemGap());
        for (String line : PdfColumn.lines(contacts, "  |  ", type.small(), clinicWidth)) {
            clinic.line(line, type.small(), type.itemGap());
        }

        PdfRows right = new PdfRows(type, aboutWidth, 0);
        right.line(about.getFirst(), type.bold(), 0);
        for (String line : about.subList(1, about.size())) {
            right.line(line, type.body(), type.itemGap());
        }

        PdfPTable table = new PdfPTable(new float[] {clinicWidth, gutter, aboutWidth});
        table.setWidthPercentage(100);
        for (PdfPCell cell : List.of(PdfColumn.cell(clinic.table()), PdfColumn.cell(), PdfColumn.cell(right.table()))) {
            cell.setBorder(Rectangle.BOTTOM);
            cell.setBorderWidthBottom(1.2f);
            cell.setPaddingBottom(type.size() * 0.6f);
            table.addCell(cell);
        }
        column.add(table, 0);
    }
}
