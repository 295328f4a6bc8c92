package app.soapstone.receipt;

import app.soapstone.pdf.Paper;
import app.soapstone.pdf.PdfBlock;
import app.soapstone.pdf.PdfBlock.Unit;
import app.soapstone.pdf.PdfColumn;
import app.soapstone.pdf.PdfColumn.Run;
import app.soapstone.pdf.PdfFonts;
import app.soapstone.pdf.PdfFooter;
import app.soapstone.pdf.PdfInfo;
import app.soapstone.pdf.PdfLetterhead;
import app.soapstone.pdf.PdfPageFlow;
import app.soapstone.pdf.PdfRows;
import app.soapstone.pdf.PdfType;
import app.soapstone.validation.Money;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfGState;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.openpdf.text.Document;
import org.springframework.stereotype.Component;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lays a {@link Receipt} out as the page a client hands to their insurer: the clinic's letterhead,
 * "Receipt 42", every field Ontario's regulator (CMTO) asks of a receipt - the date of the
 * appointment, the client, the therapist with their credentials and registration number, the
 * amount, the tax number where there is one, and a line for the therapist's signature - with the
 * service, fee, tax, total, each payment or refund and the balance. A reprint is marked DUPLICATE
 * with the day it was reprinted, under the title and in every page's footer; a void receipt says
 * VOID with when and why, in a box under the title, across every page and in the footer.
 */
@Component
public class ReceiptPdf {

    /** Receipts are records an insurer reads, like the chart: 12 pt and nothing smaller. */
    static final float BODY = 12;
    private static final float SIDE = 50;
    private static final float TOP = 40;
    private static final float BOTTOM = 30;
    private static final float RULE = 0.6f;
    private static final Color SHADE = new Color(0xE6, 0xE6, 0xE6);
    /** The word VOID across a void receipt's pages: light, so what is under it stays legible. */
    private static final Color STAMP = new Color(0xC8, 0xC8, 0xC8);
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final PdfFonts fonts;

    public ReceiptPdf(PdfFonts fonts) {
        this.fonts = fonts;
    }

    /** The clinic as its letterhead prints it: name, address, and phone, email and website where set. */
    public record Letterhead(String name, String address, List<String> contacts) {
    }

    /**
     * A receipt as printed: its {@code letterhead} (null before the clinic's details are set), the
     * time zone its instants are printed in (the clinic's), and {@code reprintedOn}, the day of a
     * reprint (a DUPLICATE), or null for the copy given when it was issued.
     */
    public record Printout(Receipt receipt, Letterhead letterhead, ZoneId zone, LocalDate reprintedOn) {

        public boolean duplicate() {
            return reprintedOn != null;
        }
    }

    public byte[] render(Printout printout, Paper paper) {
        Receipt receipt = printout.receipt();
        PdfType type = PdfType.of(fonts, BODY, BODY);
        Rectangle size = paper.size();
        float width = size.getWidth() - 2 * SIDE;

        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * 1024);
        Document document = new Document(size, SIDE, SIDE, TOP, BOTTOM);
        PdfWriter writer = PdfWriter.getInstance(document, bytes);
        Letterhead head = printout.letterhead();
        PdfInfo.describe(document, title(receipt) + " - " + receipt.clientName(),
                head == null ? receipt.practitionerSignature() : head.name(), "Receipt for the visit of "
                        + DATE.format(receipt.visitDate()) + (printout.duplicate() ? " (duplicate)" : "")
                        + (receipt.isVoid() ? " (void)" : ""));
        document.open();

        Layout layout = new Layout(new PdfColumn(type, width), printout);
        layout.top();
        layout.details();
        layout.charges();
        layout.payments();
        layout.signatureLine();

        PdfFooter footer = new PdfFooter(type, width, (page, pages) -> footer(printout, page, pages));
        float footerTop = BOTTOM + footer.height();
        float textHeight = size.getHeight() - TOP - footerTop - type.size();
        List<List<PdfBlock>> pages = PdfPageFlow.paginate(layout.column.blocks(), textHeight);
        PdfPageFlow.draw(pages, document, writer, SIDE, size.getHeight() - TOP, (canvas, page) -> {
            footer.draw(canvas, page, pages.size(), SIDE, footerTop);
            if (receipt.isVoid()) {
                stamp(writer.getDirectContentUnder(), type.boldFace(), size);
            }
        });
        document.close();
        return bytes.toByteArray();
    }

    /** "Receipt 42". */
    static String title(Receipt receipt) {
        return "Receipt " + receipt.number();
    }

    /** "Receipt 42 · DUPLICATE, reprinted on 30 November 2026 · VOID · Mei-Ling Chen · page 1 of 1". */
    private static List<List<String>> footer(Printout printout, int page, int pages) {
        Receipt receipt = printout.receipt();
        List<String> parts = new ArrayList<>();
        parts.add(title(receipt));
        if (printout.duplicate()) {
            parts.add("DUPLICATE, reprinted on " + DATE.format(printout.reprintedOn()));
        }
        if (receipt.isVoid()) {
            parts.add("VOID");
        }
        parts.add(receipt.clientName());
        parts.add("page " + page + " of " + pages);
        return List.of(parts);
    }

    /** VOID across the page, under the text, so no one takes a page of a void receipt on its own for a valid one. */
    private static void stamp(PdfContentByte under, BaseFont font, Rectangle size) {
        float points = size.getWidth() / 3.2f;
        under.saveState();
        PdfGState state = new PdfGState();
        state.setFillOpacity(0.6f);
        under.setGState(state);
        under.beginText();
        under.setFontAndSize(font, points);
        under.setColorFill(STAMP);
        under.showTextAligned(Element.ALIGN_CENTER, "VOID", size.getWidth() / 2, size.getHeight() / 2 - points / 3, 35);
        under.endText();
        under.restoreState();
    }

    /** A payment's line in the ledger, worked out before it is laid out. */
    private record Line(String date, String entry, String method, String payer, String amount) {
    }

    /** The receipt's one column and how its parts are set in it. */
    private static final class Layout {

        private final PdfColumn column;
        private final PdfType type;
        private final float width;
        private final Printout printout;
        private final Receipt receipt;
        private final float pad;

        Layout(PdfColumn column, Printout printout) {
            this.column = column;
            this.type = column.type();
            this.width = column.width();
            this.printout = printout;
            this.receipt = printout.receipt();
            this.pad = type.size() * 0.3f;
        }

        /** The letterhead, "Receipt 42", then what makes this copy different: VOID, DUPLICATE. */
        void top() {
            Letterhead head = printout.letterhead();
            if (head != null) {
                PdfLetterhead.add(column, head.name(), head.address(), head.contacts(),
                        List.of("Issued " + date(receipt.issuedAt()), receipt.practitionerSignature()));
            }
            PdfRows title = new PdfRows(type, width, 0);
            title.line(title(receipt), type.title(), 0);
            column.add(PdfBlock.of(title.table(), width, head == null ? 0 : type.size()));
            column.keepWithNext();
            if (receipt.isVoid()) {
                Receipt.Voided voided = receipt.voided();
                banner("VOID", "This receipt was voided on " + date(voided.at()) + ": " + voided.reason().strip()
                        + ". It is not a receipt for payment.", 2.5f);
            }
            if (printout.duplicate()) {
                banner("DUPLICATE", "Reprinted on " + DATE.format(printout.reprintedOn()) + ". The original was issued on "
                        + date(receipt.issuedAt()) + ".", 1.5f);
            }
        }

        /** A framed word in the heading's type with a line saying what it means. */
        private void banner(String word, String line, float border) {
            float padding = type.size() * 0.6f;
            PdfRows rows = new PdfRows(type, width - 2 * (padding + border), 0);
            rows.line(word, type.heading(), 0);
            rows.line(line, type.body(), type.itemGap());
            column.add(PdfColumn.frame(rows.table(), border, padding), type.paragraphGap());
        }

        /** Who, when and by whom: the fields the regulator asks for, each with its label. */
        void details() {
            List<String[]> fields = new ArrayList<>();
            fields.add(new String[] {"Client", receipt.clientName()});
            fields.add(new String[] {"Date of appointment", DATE.format(receipt.visitDate())});
            fields.add(new String[] {"Therapist", receipt.practitionerSignature()});
            if (present(receipt.registrationNumber())) {
                fields.add(new String[] {"Registration number", receipt.registrationNumber()});
            }
            if (present(receipt.taxNumber())) {
                fields.add(new String[] {(receipt.taxName() == null ? "Tax" : receipt.taxName()) + " number",
                        receipt.taxNumber()});
            }
            fields.add(new String[] {"Date issued", date(receipt.issuedAt())});
            float labels = 0;
            for (String[] field : fields) {
                labels = Math.max(labels, type.width(field[0], type.bold()));
            }
            labels += type.size();
            PdfPTable table = new PdfPTable(new float[] {labels, width - labels});
            table.setWidthPercentage(100);
            boolean first = true;
            for (String[] field : fields) {
                float before = first ? 0 : type.itemGap();
                // Flush with the margin, as the title is: no rule or shading marks a column here.
                PdfPCell label = text(field[0], type.bold(), labels, before);
                label.setPaddingLeft(0);
                table.addCell(label);
                table.addCell(text(field[1], type.body(), width - labels, before));
                first = false;
            }
            column.add(table, type.headingGap());
        }

        /** The service, its fee, the tax by name and rate, and the total, amounts aligned on the right. */
        void charges() {
            column.heading("Charges");
            String minutes = receipt.minutes() == null ? "" : receipt.minutes() + " min";
            float amounts = widest(type.bold(), "Amount", List.of(receipt.fee().toString(),
                    receipt.tax().toString(), receipt.total().toString())) + 2 * pad;
            float length = widest(type.bold(), "Length", List.of(minutes)) + 2 * pad;
            float service = width - amounts - length;
            PdfPTable table = new PdfPTable(new float[] {service, length, amounts});
            table.setWidthPercentage(100);
            table.addCell(header(text("Service", type.bold(), service, 0)));
            table.addCell(header(text("Length", type.bold(), length, 0)));
            table.addCell(header(amount("Amount", type.bold())));
            table.addCell(ruled(text(receipt.serviceName(), type.body(), service, 0)));
            table.addCell(ruled(text(minutes, type.body(), length, 0)));
            table.addCell(ruled(amount(receipt.fee().toString(), type.body())));
            if (receipt.taxRate() != null) {
                PdfPCell label = ruled(text(receipt.taxLabel(), type.body(), service + length, 0));
                label.setColspan(2);
                table.addCell(label);
                table.addCell(ruled(amount(receipt.tax().toString(), type.body())));
            }
            PdfPCell total = ruled(text("Total", type.bold(), service + length, 0));
            total.setColspan(2);
            table.addCell(total);
            table.addCell(ruled(amount(receipt.total().toString(), type.bold())));
            column.add(table, type.afterHeading());
        }

        /**
         * Each payment, refund and amount moved with its date, method and payer, then what was
         * paid and the balance: "Paid in full" when nothing is owed. Cut between payments, the
         * header again, should a receipt ever have more than a page holds.
         */
        void payments() {
            column.heading("Payments");
            List<Line> lines = receipt.payments().stream().map(this::line).toList();
            if (lines.isEmpty()) {
                column.paragraph("No payment recorded.");
            } else {
                float date = widest(type.bold(), "Date", lines.stream().map(Line::date).toList()) + 2 * pad;
                float method = widest(type.bold(), "Method", lines.stream().map(Line::method).toList())
                        + 2 * pad;
                float amount = widest(type.bold(), "Amount", lines.stream().map(Line::amount).toList())
                        + 2 * pad;
                float rest = width - date - method - amount;
                float[] widths = {date, rest * 0.5f, method, rest * 0.5f, amount};
                PdfBlock.Layout<Line> layout = (some, continued) -> {
                    PdfPTable table = new PdfPTable(widths);
                    table.setWidthPercentage(100);
                    List<String> headers = List.of("Date", continued ? "Entry (continued)" : "Entry", "Method", "Payer");
                    for (int c = 0; c < headers.size(); c++) {
                        table.addCell(header(text(headers.get(c), type.bold(), widths[c], 0)));
                    }
                    table.addCell(header(amount("Amount", type.bold())));
                    for (Line line : some) {
                        table.addCell(ruled(text(line.date(), type.body(), widths[0], 0)));
                        table.addCell(ruled(text(line.entry(), type.body(), widths[1], 0)));
                        table.addCell(ruled(text(line.method(), type.body(), widths[2], 0)));
                        table.addCell(ruled(text(line.payer(), type.body(), widths[3], 0)));
                        table.addCell(ruled(amount(line.amount(), type.body())));
                    }
                    return table;
                };
                List<Unit<Line>> units = lines.stream().map(l -> new Unit<>(l, PdfBlock.PREFERRED)).toList();
                column.add(PdfBlock.cuttable(layout.table(lines, false), width, type.afterHeading(), () -> units, layout));
            }
            column.add(balance(), type.paragraphGap());
        }

        private Line line(Payment payment) {
            String note = present(payment.note()) ? payment.note().strip() : null;
            String entry = switch (payment.kind()) {
                case PAYMENT -> "Payment" + (note == null ? "" : " (" + note + ")");
                case REFUND -> "Refund" + (note == null ? "" : " (" + note + ")");
                // The note says which receipt ("moved from receipt 41"), which is all a reader needs.
                case MOVED_IN -> note == null ? "Moved from a void receipt" : upperFirst(note);
                case MOVED_OUT -> note == null ? "Moved to a new receipt" : upperFirst(note);
            };
            boolean out = !payment.kind().adds();
            return new Line(date(payment.at()), entry, upperFirst(payment.method().word()),
                    present(payment.payer()) ? payment.payer() : "", (out ? "-" : "") + payment.amount());
        }

        /**
         * "Paid CAD 90.00" and "Balance due CAD 45.60", or "Paid in full"; on a void receipt nothing
         * is owed, whatever was paid (what was paid is carried to the receipt issued in its place).
         */
        private PdfPTable balance() {
            Money balance = receipt.balance();
            String owed = receipt.isVoid() ? "Void: nothing is owed on this receipt"
                    : balance.isPositive() ? "Balance due" : "Paid in full";
            String owedAmount = receipt.isVoid() || !balance.isPositive() ? "" : balance.toString();
            float amounts = widest(type.bold(), receipt.paid().toString(), List.of(owedAmount)) + 2 * pad;
            PdfPTable table = new PdfPTable(new float[] {width - amounts, amounts});
            table.setWidthPercentage(100);
            table.addCell(text("Paid", type.body(), width - amounts, 0));
            table.addCell(amount(receipt.paid().toString(), type.body()));
            table.addCell(text(owed, type.bold(), width - amounts, type.itemGap()));
            PdfPCell cell = amount(owedAmount, type.bold());
            cell.setPaddingTop(cell.getPaddingTop() + type.itemGap());
            table.addCell(cell);
            return table;
        }

        /**
         * A line to sign on, with the therapist's name, credentials and registration number under
         * it: the regulator asks for a signature, which a printed name is not.
         */
        void signatureLine() {
            String name = receipt.practitionerSignature();
            float line = Math.min(width, Math.max(width * 0.5f, type.width(name, type.bold()) + 1));
            PdfRows rows = new PdfRows(type, line, 0);
            rows.line(name, type.bold(), 0);
            if (present(receipt.registrationNumber())) {
                rows.line("Registration number " + receipt.registrationNumber(), type.body(), type.itemGap());
            }
            PdfPCell signed = PdfColumn.cell(rows.table());
            signed.setBorder(Rectangle.TOP);
            signed.setBorderWidthTop(1);
            signed.setPaddingTop(type.size() * 0.4f);
            PdfPCell room = PdfColumn.cell();
            room.setMinimumHeight(type.size() * 3.5f);
            PdfRows label = new PdfRows(type, line, 0);
            label.line("Signature", type.body(), 0);
            PdfPTable table = new PdfPTable(new float[] {line, width - line});
            table.setWidthPercentage(100);
            PdfPCell caption = PdfColumn.cell(label.table());
            caption.setColspan(2);
            table.addCell(caption);
            room.setColspan(2);
            table.addCell(room);
            table.addCell(signed);
            table.addCell(PdfColumn.cell());
            column.add(table, type.headingGap() * 1.5f);
        }

        private String date(Instant instant) {
            return DATE.format(instant.atZone(printout.zone()).toLocalDate());
        }

        private float widest(Font font, String header, List<String> texts) {
            float widest = type.width(header, font);
            for (String text : texts) {
                widest = Math.max(widest, type.width(text, font));
            }
            return widest + 1;
        }

        /** Text from the records in a cell {@code cellWidth} wide: set as a paragraph, in any script. */
        private PdfPCell text(String text, Font font, float cellWidth, float spaceBefore) {
            PdfRows rows = new PdfRows(type, cellWidth - 2 * pad, 0);
            rows.line(text, font, 0);
            PdfPCell cell = PdfColumn.cell(rows.table());
            cell.setPaddingLeft(pad);
            cell.setPaddingRight(pad);
            cell.setPaddingTop(spaceBefore);
            return cell;
        }

        /** An amount ("CAD 120.00", digits and a code), aligned on the right of its cell. */
        private PdfPCell amount(String text, Font font) {
            PdfPCell cell = PdfColumn.cell();
            cell.setPhrase(PdfColumn.phrase(List.of(new Run(text, font))));
            cell.setLeading(type.leading(font), 0);
            cell.setUseAscender(true);
            cell.setUseDescender(true);
            cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
            cell.setPaddingLeft(pad);
            cell.setPaddingRight(pad);
            return cell;
        }

        /** A cell of the header row: shaded, ruled below. */
        private PdfPCell header(PdfPCell cell) {
            ruled(cell).setBackgroundColor(SHADE);
            return cell;
        }

        /** A cell of a row ruled below. */
        private PdfPCell ruled(PdfPCell cell) {
            cell.setBorder(Rectangle.BOTTOM);
            cell.setBorderWidthBottom(RULE);
            cell.setPaddingTop(pad);
            cell.setPaddingBottom(pad * 1.4f);
            return cell;
        }
    }

    private static String upperFirst(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
