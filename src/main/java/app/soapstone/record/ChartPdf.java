package app.soapstone.record;

import app.soapstone.pdf.Paper;
import app.soapstone.pdf.PdfBlock;
import app.soapstone.pdf.PdfBlock.Unit;
import app.soapstone.pdf.PdfColumn;
import app.soapstone.pdf.PdfColumn.Run;
import app.soapstone.pdf.PdfFonts;
import app.soapstone.pdf.PdfFooter;
import app.soapstone.pdf.PdfGrid;
import app.soapstone.pdf.PdfInfo;
import app.soapstone.pdf.PdfLetterhead;
import app.soapstone.pdf.PdfPageFlow;
import app.soapstone.pdf.PdfRows;
import app.soapstone.pdf.PdfType;
import app.soapstone.record.Chart.Entry;
import app.soapstone.record.Chart.Kind;
import app.soapstone.record.Chart.Paragraph;
import app.soapstone.record.Chart.Row;
import app.soapstone.record.Chart.SessionLine;
import org.openpdf.text.Document;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lays a {@link Chart} out as the clinical record a clinic releases: 12 pt proportional type and
 * nothing smaller, the clinic's letterhead on the first page, and on every page a footer naming
 * the client, their date of birth and id, when it was printed, "page N of M" and the record seal.
 * Intake versions, session notes and care plans are entries under a shaded heading, kept whole on
 * a page where they fit; one that goes on over a page break is headed again "(continued)". No
 * heading is left at the foot of a page ({@link PdfPageFlow}).
 */
@Component
class ChartPdf {

    /** Clinicians read a record at length: 12 pt, the smallest size a legal record should use. */
    static final float BODY = 12;
    private static final float SIDE = 50;
    private static final float TOP = 40;
    private static final float BOTTOM = 30;
    /** A place an entry is never cut: right after a subheading, an addendum's header or a list's heading. */
    private static final int NEVER = -1;
    private static final Color SHADE = new Color(0xE6, 0xE6, 0xE6);
    private static final float RULE = 0.6f;

    private final PdfFonts fonts;

    ChartPdf(PdfFonts fonts) {
        this.fonts = fonts;
    }

    /** The PDF and its number of pages. */
    record Rendered(byte[] pdf, int pages) {
    }

    Rendered render(Chart chart, Paper paper) {
        PdfType type = PdfType.of(fonts, BODY, BODY);
        Rectangle size = paper.size();
        float width = size.getWidth() - 2 * SIDE;

        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        Document document = new Document(size, SIDE, SIDE, TOP, BOTTOM);
        PdfWriter writer = PdfWriter.getInstance(document, bytes);
        PdfInfo.describe(document, "Clinical record - " + chart.client().name(),
                chart.letterhead() == null ? "Soapstone" : chart.letterhead().name(),
                "Clinical record of client " + chart.client().id() + (chart.period() == null ? "" : ", " + chart.period()));
        document.open();

        Layout layout = new Layout(new PdfColumn(type, width), labelWidth(chart, type, width));
        layout.top(chart);
        layout.column.heading("Client details");
        layout.column.add(layout.entry(null, chart.details(), 0));
        layout.sessions(chart);
        layout.visits(chart);
        layout.billing(chart);
        layout.entries("Intake and screening", chart.intakes(), chart.period() == null ? "No intake recorded."
                : "No intake version in this period.");
        if (!chart.notes().isEmpty()) {
            layout.entries("Session notes", chart.notes(), null);
        }
        layout.entries("Care plans given", chart.carePlans(), "None.");
        layout.end(chart.end());

        Chart.Identity client = chart.client();
        PdfFooter footer = new PdfFooter(type, width, (page, pages) -> List.of(
                List.of(client.name(), client.born() == null ? "date of birth not recorded" : "born " + client.born(),
                        "client " + client.id()),
                List.of("Clinical record" + (chart.period() == null ? "" : ", " + chart.period()),
                        "printed " + chart.printedAt(), "page " + page + " of " + pages),
                List.of(chart.seal())));
        float footerTop = BOTTOM + footer.height();
        float textHeight = size.getHeight() - TOP - footerTop - type.size();
        List<List<PdfBlock>> pages = PdfPageFlow.paginate(layout.column.blocks(), textHeight);
        PdfPageFlow.draw(pages, document, writer, SIDE, size.getHeight() - TOP,
                (canvas, page) -> footer.draw(canvas, page, pages.size(), SIDE, footerTop));
        document.close();
        return new Rendered(bytes.toByteArray(), pages.size());
    }

    /** As wide as the widest label of a field, up to three tenths of the width, and a gutter. */
    private static float labelWidth(Chart chart, PdfType type, float width) {
        float widest = 0;
        List<List<Row>> all = new ArrayList<>();
        all.add(chart.details());
        for (List<Entry> entries : List.of(chart.intakes(), chart.notes(), chart.carePlans())) {
            entries.forEach(entry -> all.add(entry.rows()));
        }
        for (List<Row> rows : all) {
            for (Row row : rows) {
                if (row.kind() == Kind.FIELD) {
                    widest = Math.max(widest, type.width(row.label(), type.bold()));
                }
            }
        }
        return Math.min(widest + 1, width * 0.3f) + gutter(type);
    }

    private static float gutter(PdfType type) {
        return type.size() * 0.8f;
    }

    /** A word of one paragraph of one row of an entry; {@code first}: the paragraph's first word. */
    private record Piece(int row, int paragraph, boolean first, Run word) {
    }

    /** The chart's one column and how its parts are set in it. */
    private static final class Layout {

        private final PdfColumn column;
        private final PdfType type;
        private final float width;
        private final float labelWidth;

        Layout(PdfColumn column, float labelWidth) {
            this.column = column;
            this.type = column.type();
            this.width = column.width();
            this.labelWidth = labelWidth;
        }

        /** The letterhead (once the clinic's details are set), the title and what the chart holds. */
        void top(Chart chart) {
            Chart.Letterhead head = chart.letterhead();
            if (head != null) {
                PdfLetterhead.add(column, head.name(), head.address(), head.contacts(), List.of("Clinical record",
                        "Printed " + chart.printedAt(), chart.period() == null ? "The whole record" : chart.period()));
            }
            PdfRows title = new PdfRows(type, width, 0);
            title.line("Clinical record: " + chart.client().name(), type.title(), 0);
            column.add(PdfBlock.of(title.table(), width, head == null ? 0 : type.size()));
            column.paragraph(chart.scope());
        }

        /** The table of sessions, a row each, the header repeated where it goes on over a page. */
        void sessions(Chart chart) {
            column.heading("Sessions");
            List<SessionLine> lines = chart.sessions();
            if (lines.isEmpty()) {
                column.paragraph(chart.period() == null ? "No sessions recorded." : "No sessions in this period.");
                return;
            }
            grid("Sessions", List.of("Session", "Date and time", "Practitioner", "Minutes", "Status", "Addenda"),
                    lines.stream().map(l -> List.of(String.valueOf(l.id()), l.date(), l.practitioner(), l.minutes(),
                            l.status(), l.addenda())).toList(), List.of(2));
        }

        /**
         * The visits in the appointment book: how many were attended, cancelled and missed, then a
         * row each, the practitioner, the service and the status (a cancellation's reason) sharing
         * what is left.
         */
        void visits(Chart chart) {
            column.heading("Visits");
            column.paragraph(chart.visitCounts());
            if (!chart.visits().isEmpty()) {
                grid("Visits", List.of("Appointment", "Date and time", "Practitioner", "Service", "Status"),
                        chart.visits().stream().map(v -> List.of(String.valueOf(v.id()), v.when(), v.practitioner(),
                                v.service(), v.status())).toList(), List.of(2, 3, 4));
            }
        }

        /**
         * The receipts for the client's visits summed up, then a row each (a void with its reason
         * where the balance would be), then every payment, refund and move recorded on them.
         */
        void billing(Chart chart) {
            column.heading("Billing");
            column.paragraph(chart.billing());
            if (chart.receipts().isEmpty()) {
                return;
            }
            // The sums head the table they sum: on the same page.
            column.keepWithNext();
            grid("Receipts", List.of("Receipt", "Visit", "Service", "Total", "Paid", "Owing"),
                    chart.receipts().stream().map(r -> List.of(String.valueOf(r.number()), r.visit(), r.service(),
                            r.total(), r.paid(), r.owing())).toList(), List.of(2, 5));
            if (!chart.payments().isEmpty()) {
                column.heading("Payments and refunds", type.bold());
                grid("Payments and refunds", List.of("Receipt", "Date and time", "What", "Method", "Amount",
                        "Payer or note"), chart.payments().stream().map(p -> List.of(String.valueOf(p.receipt()),
                        p.when(), p.what(), p.method(), p.amount(), p.payerOrNote())).toList(), List.of(5));
            }
        }

        /** A ruled table ({@link PdfGrid}): the {@code flexible} columns share the width left. */
        private void grid(String caption, List<String> headers, List<List<String>> lines, List<Integer> flexible) {
            PdfGrid.add(column, caption, headers, lines, flexible, Set.of(), type.paragraphGap());
        }

        /** The last line, ruled off, so a reader knows nothing is missing at the end. */
        void end(String text) {
            PdfRows rows = new PdfRows(type, width, 0);
            rows.line(text, type.body(), 0);
            PdfPCell cell = PdfColumn.cell(rows.table());
            cell.setBorder(Rectangle.TOP);
            cell.setBorderWidthTop(RULE);
            cell.setPaddingTop(type.size() * 0.4f);
            PdfPTable table = new PdfPTable(1);
            table.setWidthPercentage(100);
            table.addCell(cell);
            column.add(table, type.headingGap() * 1.5f);
        }

        /** A section of entries under {@code heading}, or {@code none} when it has none. */
        void entries(String heading, List<Entry> entries, String none) {
            column.heading(heading);
            if (entries.isEmpty()) {
                column.paragraph(none);
                return;
            }
            for (Entry entry : entries) {
                column.add(entry(entry.heading(), entry.rows(), type.size() * 1.1f));
            }
        }

        /**
         * An entry as one block, cut only where a page break must fall inside it: preferably between
         * rows, else between paragraphs or sentences, never right after a subheading or an addendum's
         * header; each part after the first is headed "(continued)".
         */
        PdfBlock entry(String heading, List<Row> rows, float spaceBefore) {
            List<Unit<Piece>> units = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
                Row row = rows.get(r);
                for (int p = 0; p < row.paragraphs().size(); p++) {
                    List<Unit<Run>> words = PdfColumn.words(runs(row, row.paragraphs().get(p)));
                    for (int k = 0; k < words.size(); k++) {
                        int rank;
                        if (k > 0) {
                            rank = words.get(k).cutBefore();
                        } else if (p > 0) {
                            // An addendum's header or a list's heading stays with what it heads.
                            rank = row.kind() != Kind.FIELD && p == 1 ? NEVER : PdfBlock.ACCEPTABLE;
                        } else {
                            rank = r > 0 && rows.get(r - 1).kind() == Kind.SUBHEADING ? NEVER : PdfBlock.PREFERRED;
                        }
                        units.add(new Unit<>(new Piece(r, p, k == 0, words.get(k).value()), rank));
                    }
                }
            }
            PdfBlock.Layout<Piece> layout = (some, continued) -> table(heading, rows, some, continued);
            List<Piece> all = units.stream().map(Unit::value).toList();
            return PdfBlock.cuttable(layout.table(all, false), width, spaceBefore, () -> units, layout);
        }

        private List<Run> runs(Row row, Paragraph paragraph) {
            List<Run> runs = new ArrayList<>();
            if (!paragraph.bold().isEmpty()) {
                runs.add(new Run(paragraph.bold(), type.bold()));
            }
            if (!paragraph.plain().isEmpty()) {
                runs.add(new Run(paragraph.plain(), row.kind() == Kind.SUBHEADING ? type.bold() : type.body()));
            }
            return runs;
        }

        private PdfPTable table(String heading, List<Row> rows, List<Piece> pieces, boolean continued) {
            PdfRows out = new PdfRows(type, width, 0);
            if (heading != null) {
                out.cell(band(continued ? heading + " (continued)" : heading));
            }
            for (int i = 0; i < pieces.size(); ) {
                int r = pieces.get(i).row();
                int j = i;
                while (j < pieces.size() && pieces.get(j).row() == r) {
                    j++;
                }
                Row row = rows.get(r);
                PdfPCell cell = row(row, pieces.subList(i, j));
                cell.setPaddingTop(i == 0 ? (heading == null ? 0 : type.size() * 0.35f) : gapBefore(row));
                out.cell(cell);
                i = j;
            }
            return out.table();
        }

        private float gapBefore(Row row) {
            return switch (row.kind()) {
                case FIELD -> type.size() * 0.3f;
                case LINE, WARNING, NOTE -> type.size() * 0.6f;
                case SUBHEADING -> type.size() * 0.9f;
            };
        }

        /** A shaded band across the width: the heading of an entry. */
        private PdfPCell band(String text) {
            float pad = type.size() * 0.3f;
            PdfRows rows = new PdfRows(type, width - 2 * pad, 0);
            rows.line(text, type.bold(), 0);
            PdfPCell cell = PdfColumn.cell(rows.table());
            cell.setBackgroundColor(SHADE);
            cell.setPadding(pad);
            cell.setPaddingBottom(pad * 1.4f);
            return cell;
        }

        /** One row, or the part of it in {@code pieces}. */
        private PdfPCell row(Row row, List<Piece> pieces) {
            boolean whole = pieces.getFirst().paragraph() == 0 && pieces.getFirst().first();
            return switch (row.kind()) {
                case FIELD -> {
                    PdfPTable table = new PdfPTable(new float[] {labelWidth, width - labelWidth});
                    table.setWidthPercentage(100);
                    PdfRows label = new PdfRows(type, labelWidth - gutter(type), 0);
                    label.line(whole ? row.label() : row.label() + " (continued)", type.bold(), 0);
                    PdfPCell labelCell = PdfColumn.cell(label.table());
                    labelCell.setPaddingRight(gutter(type));
                    table.addCell(labelCell);
                    table.addCell(PdfColumn.cell(paragraphs(row, pieces, width - labelWidth).table()));
                    yield PdfColumn.cell(table);
                }
                case LINE -> PdfColumn.cell(paragraphs(row, pieces, width).table());
                case WARNING -> {
                    float border = 1.5f;
                    float pad = type.size() * 0.4f;
                    yield PdfColumn.cell(PdfColumn.frame(paragraphs(row, pieces, width - 2 * (border + pad)).table(),
                            border, pad));
                }
                case SUBHEADING -> {
                    PdfPCell cell = PdfColumn.cell(paragraphs(row, pieces, width).table());
                    cell.setBorder(Rectangle.BOTTOM);
                    cell.setBorderWidthBottom(RULE);
                    cell.setPaddingBottom(type.size() * 0.2f);
                    yield cell;
                }
                case NOTE -> {
                    // Set off under the note it is added to: indented, with a rule down its left side.
                    float indent = type.indent();
                    float bar = 2;
                    float pad = type.size() * 0.6f;
                    PdfPCell text = PdfColumn.cell(paragraphs(row, pieces, width - indent - bar - pad).table());
                    text.setBorder(Rectangle.LEFT);
                    text.setBorderWidthLeft(bar);
                    text.setPaddingLeft(pad);
                    text.setUseBorderPadding(true);
                    PdfPTable table = new PdfPTable(new float[] {indent, width - indent});
                    table.setWidthPercentage(100);
                    table.addCell(PdfColumn.cell());
                    table.addCell(text);
                    yield PdfColumn.cell(table);
                }
            };
        }

        /** The paragraphs in {@code pieces}, as lines and list items (a bullet only where an item starts). */
        private PdfRows paragraphs(Row row, List<Piece> pieces, float rowsWidth) {
            boolean items = row.paragraphs().stream().anyMatch(Paragraph::item);
            PdfRows rows = new PdfRows(type, rowsWidth, items ? type.indent() : 0);
            for (int i = 0; i < pieces.size(); ) {
                int p = pieces.get(i).paragraph();
                int j = i;
                List<Run> words = new ArrayList<>();
                while (j < pieces.size() && pieces.get(j).paragraph() == p) {
                    words.add(pieces.get(j).word());
                    j++;
                }
                Paragraph paragraph = row.paragraphs().get(p);
                float gap = i == 0 ? 0 : paragraph.item() ? type.itemGap() : type.size() * 0.3f;
                if (paragraph.item()) {
                    rows.item(pieces.get(i).first() ? PdfRows.BULLET : "", trimmed(words), gap);
                } else {
                    rows.line(trimmed(words), gap);
                }
                i = j;
            }
            return rows;
        }

        /** The words without the space at either end of the run of them. */
        private static List<Run> trimmed(List<Run> words) {
            List<Run> out = new ArrayList<>(words);
            Run first = out.getFirst();
            out.set(0, new Run(first.text().stripLeading(), first.font(), first.whole()));
            Run last = out.getLast();
            out.set(out.size() - 1, new Run(last.text().stripTrailing(), last.font(), last.whole()));
            return out;
        }
    }
}
