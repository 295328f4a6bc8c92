package app.soapstone.superbill;

import app.soapstone.pdf.Paper;
import app.soapstone.pdf.PdfBlock;
import app.soapstone.pdf.PdfColumn;
import app.soapstone.pdf.PdfFonts;
import app.soapstone.pdf.PdfFooter;
import app.soapstone.pdf.PdfGrid;
import app.soapstone.pdf.PdfInfo;
import app.soapstone.pdf.PdfLetterhead;
import app.soapstone.pdf.PdfPageFlow;
import app.soapstone.pdf.PdfRows;
import app.soapstone.pdf.PdfType;
import app.soapstone.superbill.Superbill.Procedure;
import app.soapstone.superbill.Superbill.Visit;
import app.soapstone.validation.Money;
import org.openpdf.text.Document;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lays a {@link Superbill} out for an insurer: the clinic's letterhead, the client and the period,
 * a ruled table of the visits (its header repeated over a page break), the totals, and a key to
 * the codes used; on every page a footer naming the client, the period and "page N of M". 10 pt:
 * a form read by a claims clerk, with seven columns to fit on A4 and Letter.
 */
@Component
class SuperbillPdf {

    private static final float BODY = 10;
    private static final float SIDE = 45;
    private static final float TOP = 40;
    private static final float BOTTOM = 30;
    /** What stands in the charge and paid columns of a visit without a receipt. */
    static final String NOT_RECEIPTED = "-";

    private final PdfFonts fonts;

    SuperbillPdf(PdfFonts fonts) {
        this.fonts = fonts;
    }

    byte[] render(Superbill bill, Paper paper) {
        PdfType type = PdfType.of(fonts, BODY, BODY - 1);
        Rectangle size = paper.size();
        float width = size.getWidth() - 2 * SIDE;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * 1024);
        Document document = new Document(size, SIDE, SIDE, TOP, BOTTOM);
        PdfWriter writer = PdfWriter.getInstance(document, bytes);
        String period = bill.from() + " to " + bill.to();
        PdfInfo.describe(document, "Superbill - " + bill.client().name(), bill.clinic().name(),
                "Superbill of client " + bill.client().id() + ", " + period);
        document.open();

        PdfColumn column = new PdfColumn(type, width);
        List<String> contacts = new ArrayList<>();
        if (bill.clinic().phone() != null) {
            contacts.add(bill.clinic().phone());
        }
        if (bill.clinic().taxNumber() != null) {
            contacts.add("Tax number " + bill.clinic().taxNumber());
        }
        PdfLetterhead.add(column, bill.clinic().name(), bill.clinic().address() == null ? "" : bill.clinic().address(),
                contacts, List.of("Superbill", "Dates of service " + period, "Printed " + bill.printedOn()));
        PdfRows title = new PdfRows(type, width, 0);
        title.line("Superbill: " + bill.client().name(), type.title(), 0);
        column.add(PdfBlock.of(title.table(), width, type.size()));
        column.add(fields(type, width, List.of(
                List.of("Client", bill.client().name() + " (client " + bill.client().id() + ")"),
                List.of("Date of birth", bill.client().born() == null ? "not recorded" : bill.client().born().toString()),
                List.of("Address", orNone(bill.client().address())),
                List.of("Phone", orNone(bill.client().phone())),
                List.of("Place of service", SuperbillService.PLACE_OF_SERVICE + " (" + SuperbillService.PLACE_NAME + "): "
                        + bill.clinic().name()
                        + (bill.clinic().address() == null ? "" : ", " + bill.clinic().address())))), type.paragraphGap());

        column.heading("Visits");
        String currency = bill.totals() == null ? "" : " (" + bill.totals().charges().currency().getCurrencyCode() + ")";
        List<List<String>> lines = bill.visits().stream().map(visit -> List.of(visit.date().toString(), visit.place(),
                visit.provider() + (visit.providerNumber() == null ? "" : "\nNo. " + visit.providerNumber()),
                visit.procedures().isEmpty() ? NO_UNITS
                        : String.join("\n", visit.procedures().stream().map(SuperbillPdf::procedure).toList()),
                String.join("\n", visit.diagnoses()), amount(visit.charge()), amount(visit.paid()))).toList();
        PdfGrid.add(column, "Visits", List.of("Date", "POS", "Provider", "CPT x units", "ICD-10", "Charge" + currency,
                "Paid" + currency), lines, List.of(2, 3), Set.of(5, 6), 0);

        if (bill.totals() != null) {
            column.add(totals(type, width, List.of(
                    List.of("Total charges" + currency, bill.totals().charges().amount().toPlainString()),
                    List.of("Total paid", bill.totals().paid().amount().toPlainString()),
                    List.of("Balance", bill.totals().balance().amount().toPlainString()))), type.paragraphGap());
        }
        if (bill.visits().stream().anyMatch(visit -> visit.charge() == null)) {
            column.paragraph("A visit with no receipt shows " + NOT_RECEIPTED + " for its charge and payment, and is not"
                    + " in the totals.");
        }
        column.paragraph("Units of timed codes are 15-minute units counted by the CMS 8-minute rule from the minutes"
                + " given under each code; untimed codes are one unit a visit.");
        column.heading("Codes");
        column.add(fields(type, width, bill.codes().stream().map(code -> List.of(code.code(), code.description()))
                .toList()), 0);

        PdfFooter footer = new PdfFooter(type, width, (page, pages) -> List.of(
                List.of(bill.client().name(), bill.client().born() == null ? "date of birth not recorded"
                        : "born " + bill.client().born(), "client " + bill.client().id()),
                List.of("Superbill, " + period, "printed " + bill.printedOn(), "page " + page + " of " + pages),
                List.of(bill.seal())));
        float footerTop = BOTTOM + footer.height();
        float textHeight = size.getHeight() - TOP - footerTop - type.size();
        List<List<PdfBlock>> pages = PdfPageFlow.paginate(column.blocks(), textHeight);
        PdfPageFlow.draw(pages, document, writer, SIDE, size.getHeight() - TOP,
                (canvas, page) -> footer.draw(canvas, page, pages.size(), SIDE, footerTop));
        document.close();
        return bytes.toByteArray();
    }

    /** What a visit whose timed minutes make no unit (under 8 in all) bills. */
    static final String NO_UNITS = "none (under 8 timed minutes)";

    /** "97124 x 2 (40 min)", or "97530 x 1" for an untimed code. */
    static String procedure(Procedure procedure) {
        return procedure.billed() + (procedure.minutes() == null ? "" : " (" + procedure.minutes() + " min)");
    }

    private static String amount(Money money) {
        return money == null ? NOT_RECEIPTED : money.amount().toPlainString();
    }

    private static String orNone(String text) {
        return text == null || text.isBlank() ? "not recorded" : text;
    }

    /** Labelled values, the labels in bold in a column as wide as the widest. */
    private static PdfPTable fields(PdfType type, float width, List<List<String>> rows) {
        float labels = 0;
        for (List<String> row : rows) {
            labels = Math.max(labels, type.width(row.getFirst(), type.bold()));
        }
        labels = Math.min(labels + type.size(), width * 0.3f);
        PdfPTable table = new PdfPTable(new float[] {labels, width - labels});
        table.setWidthPercentage(100);
        for (List<String> row : rows) {
            PdfRows label = new PdfRows(type, labels - type.size(), 0);
            label.line(row.getFirst(), type.bold(), type.itemGap());
            table.addCell(PdfColumn.cell(label.table()));
            PdfRows value = new PdfRows(type, width - labels, 0);
            value.line(row.get(1), type.body(), type.itemGap());
            table.addCell(PdfColumn.cell(value.table()));
        }
        return table;
    }

    /** The totals in the right half, labels and amounts aligned right, the balance ruled above and in bold. */
    private static PdfPTable totals(PdfType type, float width, List<List<String>> rows) {
        PdfPTable table = new PdfPTable(new float[] {width * 0.45f, width * 0.35f, width * 0.2f});
        table.setWidthPercentage(100);
        for (int i = 0; i < rows.size(); i++) {
            boolean last = i == rows.size() - 1;
            table.addCell(PdfColumn.cell());
            for (int c = 0; c < 2; c++) {
                PdfPCell cell = PdfGrid.rightAligned(type, rows.get(i).get(c), last ? type.bold() : type.body());
                cell.setPaddingTop(type.itemGap());
                if (last) {
                    cell.setBorder(Rectangle.TOP);
                    cell.setBorderWidthTop(PdfGrid.RULE);
                    cell.setPaddingTop(type.itemGap() * 2);
                }
                table.addCell(cell);
            }
        }
        return table;
    }
}
