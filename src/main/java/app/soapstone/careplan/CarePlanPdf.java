package app.soapstone.careplan;

import app.soapstone.careplan.CarePlan.Alert;
import app.soapstone.careplan.CarePlan.Point;
import app.soapstone.careplan.CarePlanTemplates.Figure;
import app.soapstone.careplan.CarePlanTemplates.Prop;
import app.soapstone.careplan.CarePlanTemplates.Stretch;
import app.soapstone.careplan.CarePlanTemplates.Technique;
import app.soapstone.validation.Fields;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPCellEvent;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Lays a {@link CarePlan} out as a PDF a clinic would hand out: large type, black and white,
 * home-printer margins, a line drawing for each stretch, a boxed "when to see a doctor", a
 * progress chart and a two-week tick-box log.
 */
@Component
public class CarePlanPdf {

    /** The paper sizes offered. */
    public enum Paper {
        A4(PageSize.A4), LETTER(PageSize.LETTER);

        final Rectangle size;

        Paper(Rectangle size) {
            this.size = size;
        }
    }

    // 13 mm all round: inside what home printers can print (they need about 6 mm).
    private static final float MARGIN = 36;
    private static final float BODY = 11f;
    /** A plan is one or two pages: if it runs over, it is laid out again in smaller type, these sizes in turn. */
    private static final float[] SCALES = {1f, 0.93f, 0.86f, 0.8f};
    static final int MAX_PAGES = 2;

    private final PdfFonts fonts;

    public CarePlanPdf(PdfFonts fonts) {
        this.fonts = fonts;
    }

    public byte[] render(CarePlan plan, Paper paper) {
        Rendered rendered = null;
        for (float scale : SCALES) {
            rendered = render(plan, paper, scale);
            if (rendered.pages() <= MAX_PAGES) {
                break;
            }
        }
        return rendered.bytes();
    }

    private record Rendered(byte[] bytes, int pages) {
    }

    private Rendered render(CarePlan plan, Paper paper, float scale) {
        Fonts f = new Fonts(fonts.regular(), fonts.bold(), scale);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        Document document = new Document(paper.size, MARGIN, MARGIN, MARGIN, MARGIN);
        PdfWriter writer = PdfWriter.getInstance(document, bytes);
        int[] pages = {0};
        writer.setPageEvent(new PdfPageEventHelper() {
            @Override
            public void onEndPage(PdfWriter pageWriter, Document pageDocument) {
                pages[0]++;
            }
        });
        document.addTitle(plan.title() + " - " + plan.clientName());
        document.addAuthor(plan.letterhead().practitioner());
        document.addSubject("Home care for leg and foot cramps");
        document.addCreator("Soapstone");
        document.open();
        PdfContentByte canvas = writer.getDirectContent();

        letterhead(document, plan, f);
        for (Alert alert : plan.alerts()) {
            document.add(box(alert.heading(), List.of(alert.text()), alert.urgent() ? 2.5f : 1f, f));
        }
        document.add(paragraph(plan.intro(), f.body, 0));
        stretches(document, canvas, plan, f);
        twoColumns(document, plan, f);
        log(document, plan, f);
        progressAndNext(document, canvas, plan, f);
        document.close();
        return new Rendered(bytes.toByteArray(), pages[0]);
    }

    /** The fonts for one document, at {@code scale} times the normal sizes. */
    private record Fonts(BaseFont regular, BaseFont boldFace, float scale, Font body, Font bold, Font small, Font heading,
            Font title) {
        Fonts(BaseFont regular, BaseFont boldFace, float scale) {
            this(regular, boldFace, scale, new Font(regular, BODY * scale), new Font(boldFace, BODY * scale),
                    new Font(regular, 9.5f * scale), new Font(boldFace, 14 * scale), new Font(boldFace, 20 * scale));
        }
    }

    private void letterhead(Document document, CarePlan plan, Fonts f) {
        var head = plan.letterhead();
        PdfPTable table = new PdfPTable(new float[] {3, 2});
        table.setWidthPercentage(100);
        PdfPCell clinic = cell();
        clinic.addElement(paragraph(head.clinicName(), f.heading, 0));
        clinic.addElement(paragraph(head.address(), f.small, 0));
        String contact = head.phone() + (head.email() == null ? "" : "  |  " + head.email())
                + (head.website() == null ? "" : "  |  " + head.website());
        clinic.addElement(paragraph(contact, f.small, 0));
        PdfPCell client = cell();
        Paragraph forClient = paragraph("For " + plan.clientName(), f.bold, 0);
        forClient.setAlignment(Element.ALIGN_RIGHT);
        Paragraph date = paragraph(plan.date().format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
                java.util.Locale.ENGLISH)), f.body, 0);
        date.setAlignment(Element.ALIGN_RIGHT);
        Paragraph from = paragraph(head.practitioner(), f.small, 0);
        from.setAlignment(Element.ALIGN_RIGHT);
        client.addElement(forClient);
        client.addElement(date);
        client.addElement(from);
        table.addCell(clinic);
        table.addCell(client);
        PdfPCell rule = cell();
        rule.setColspan(2);
        rule.setBorder(Rectangle.BOTTOM);
        rule.setBorderWidthBottom(1.2f);
        rule.setFixedHeight(4);
        table.addCell(rule);
        document.add(table);
        Paragraph title = paragraph(plan.title(), f.title, 6);
        title.setSpacingBefore(6);
        document.add(title);
    }

    private void stretches(Document document, PdfContentByte canvas, CarePlan plan, Fonts f) {
        document.add(heading(plan.stretches().heading(), f));
        document.add(paragraph(plan.stretches().intro(), f.body, 4));
        PdfPTable table = new PdfPTable(new float[] {1.15f * f.scale, 5 - 1.15f * f.scale});
        table.setWidthPercentage(100);
        table.setSplitLate(false);
        int number = 1;
        for (Stretch stretch : plan.stretches().items()) {
            PdfPCell picture = new PdfPCell(figure(canvas, stretch.figure()), true);
            picture.setBorder(Rectangle.TOP);
            picture.setBorderColorTop(java.awt.Color.GRAY);
            picture.setPadding(5);
            table.addCell(picture);
            PdfPCell text = cell();
            text.setBorder(Rectangle.TOP);
            text.setBorderColorTop(java.awt.Color.GRAY);
            text.setPaddingBottom(6);
            text.addElement(paragraph(number++ + ". " + stretch.title(), f.bold, 1));
            int step = 1;
            for (String line : stretch.steps()) {
                Paragraph p = paragraph(step++ + ")  " + line, f.body, 0);
                p.setIndentationLeft(12);
                p.setFirstLineIndent(-12);
                text.addElement(p);
            }
            Paragraph dose = new Paragraph();
            dose.setLeading(f.body.getSize() * 1.2f);
            dose.setSpacingBefore(1);
            dose.add(new Chunk("Hold: ", f.bold));
            dose.add(new Chunk(stretch.hold() + ".  ", f.body));
            dose.add(new Chunk("Repeat: ", f.bold));
            dose.add(new Chunk(stretch.repetitions() + ".  ", f.body));
            dose.add(new Chunk("When: ", f.bold));
            dose.add(new Chunk(CarePlanText.lowerFirst(stretch.howOften()) + ", " + CarePlanText.lowerFirst(stretch.when())
                    + ".", f.body));
            text.addElement(dose);
            Paragraph caution = paragraph("Caution: " + stretch.caution(), f.small, 0);
            caution.setLeading(f.small.getSize() * 1.15f);
            text.addElement(caution);
            table.addCell(text);
        }
        document.add(table);
    }

    /** Self-massage, during a cramp, hydration and foods side by side with the doctor box. */
    private void twoColumns(Document document, CarePlan plan, Fonts f) {
        PdfPTable table = new PdfPTable(new float[] {1, 1});
        table.setWidthPercentage(100);
        table.setSpacingBefore(8);
        // Let the columns continue on the next page rather than leave most of this one empty.
        table.setSplitLate(false);
        PdfPCell left = cell();
        left.setPaddingRight(8);
        left.addElement(heading(plan.selfMassage().heading(), f));
        left.addElement(paragraph(plan.selfMassage().intro(), f.small, 2));
        for (Technique technique : plan.selfMassage().items()) {
            Paragraph p = new Paragraph();
            p.setLeading(f.body.getSize() * 1.25f);
            p.add(new Chunk(technique.title() + ". ", f.bold));
            p.add(new Chunk(technique.how() + " ", f.body));
            p.add(new Chunk(technique.howLong() + ".", f.bold));
            p.setSpacingAfter(3);
            left.addElement(p);
        }
        left.addElement(heading(plan.duringACramp().heading(), f));
        int number = 1;
        for (String step : plan.duringACramp().items()) {
            Paragraph p = paragraph(number++ + ".  " + step, f.body, 1);
            p.setIndentationLeft(14);
            p.setFirstLineIndent(-14);
            left.addElement(p);
        }
        PdfPCell right = cell();
        right.setPaddingLeft(8);
        right.addElement(heading(plan.hydration().heading(), f));
        right.addElement(paragraph(plan.hydration().target(), f.bold, 2));
        if (plan.hydration().current() != null) {
            right.addElement(paragraph(plan.hydration().current(), f.body, 2));
        }
        plan.hydration().tips().forEach(tip -> right.addElement(bullet(tip, f.body)));
        right.addElement(heading(plan.foods().heading(), f));
        Paragraph potassium = new Paragraph();
        potassium.setLeading(f.body.getSize() * 1.25f);
        potassium.add(new Chunk("Potassium: ", f.bold));
        potassium.add(new Chunk(plan.foods().potassium(), f.body));
        right.addElement(potassium);
        Paragraph calcium = new Paragraph();
        calcium.setLeading(f.body.getSize() * 1.25f);
        calcium.add(new Chunk("Calcium: ", f.bold));
        calcium.add(new Chunk(plan.foods().calcium(), f.body));
        right.addElement(calcium);
        right.addElement(paragraph(plan.foods().caution(), f.small, 2));
        table.addCell(left);
        table.addCell(right);
        document.add(table);

        document.add(doctor(plan, f));
    }

    /** The boxed "when to see a doctor": the red flags in two columns, then the client's own lines. */
    private PdfPTable doctor(CarePlan plan, Fonts f) {
        PdfPTable table = new PdfPTable(1);
        table.setWidthPercentage(100);
        table.setSpacingBefore(6);
        table.setKeepTogether(true);
        PdfPCell box = new PdfPCell();
        box.setBorderWidth(2f);
        box.setPadding(7);
        Paragraph heading = new Paragraph();
        heading.setLeading(f.heading.getSize() * 1.2f);
        heading.setSpacingAfter(3);
        heading.add(new Chunk(plan.doctor().heading(), f.heading));
        heading.add(new Chunk("   " + plan.doctor().intro(), f.body));
        box.addElement(heading);
        List<String> flags = plan.doctor().redFlags();
        PdfPTable columns = new PdfPTable(2);
        columns.setWidthPercentage(100);
        int half = (flags.size() + 1) / 2;
        for (List<String> part : List.of(flags.subList(0, half), flags.subList(half, flags.size()))) {
            PdfPCell column = cell();
            column.setPaddingRight(6);
            part.forEach(flag -> column.addElement(bullet(flag, f.body)));
            columns.addCell(column);
        }
        box.addElement(columns);
        for (String line : plan.doctor().personal()) {
            Paragraph p = paragraph(line, f.bold, 0);
            p.setSpacingBefore(4);
            box.addElement(p);
        }
        table.addCell(box);
        return table;
    }

    /** The log as a grid: one column per night, one row per question, a box to tick in each cell. */
    private void log(Document document, CarePlan plan, Fonts f) {
        var log = plan.log();
        float[] widths = new float[log.nights() + 1];
        java.util.Arrays.fill(widths, 1);
        widths[0] = Math.max(4.5f, log.nights() / 3f);
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.addCell(logCell("", f.small, false));
        Font day = new Font(f.regular, 8.5f);
        for (int night = 0; night < log.nights(); night++) {
            LocalDate date = log.firstNight().plusDays(night);
            PdfPCell cell = logCell(date.format(DAY) + "\n" + date.getDayOfMonth(), day, false);
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            table.addCell(cell);
        }
        for (String column : log.columns()) {
            table.addCell(logCell(column, f.body, false));
            for (int night = 0; night < log.nights(); night++) {
                table.addCell(logCell("", f.body, true));
            }
        }
        PdfPTable wrapper = new PdfPTable(1);
        wrapper.setWidthPercentage(100);
        wrapper.setKeepTogether(true);
        wrapper.setSpacingBefore(4);
        PdfPCell inner = cell();
        inner.addElement(heading(log.heading(), f));
        inner.addElement(table);
        wrapper.addCell(inner);
        document.add(wrapper);
    }

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("EEE",
            java.util.Locale.ENGLISH);

    /** The progress chart (when there is one) beside the next visit and the therapist's note. */
    private void progressAndNext(Document document, PdfContentByte canvas, CarePlan plan, Fonts f) {
        var next = plan.next();
        boolean chart = plan.progress() != null;
        float width = document.getPageSize().getWidth() - 2 * MARGIN;
        PdfPTable table = chart ? new PdfPTable(new float[] {3, 2}) : new PdfPTable(1);
        table.setWidthPercentage(100);
        table.setKeepTogether(true);
        if (chart) {
            PdfPCell left = cell();
            left.setPaddingRight(10);
            left.addElement(heading(plan.progress().heading(), f));
            left.addElement(chart(canvas, plan.progress().points(), plan.progress().axis(), width * 0.6f - 10, f));
            table.addCell(left);
        }
        PdfPCell right = cell();
        right.addElement(heading(next.heading(), f));
        right.addElement(paragraph(next.appointment() == null ? "Book your next visit with the clinic."
                : CarePlanText.APPOINTMENT.format(next.appointment()), f.bold, 4));
        if (next.note() != null) {
            right.addElement(paragraph(next.noteHeading(), f.bold, 1));
            right.addElement(paragraph(next.note(), f.body, 0));
        }
        table.addCell(right);
        document.add(table);
    }

    private PdfPCell logCell(String text, Font font, boolean tick) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setMinimumHeight(tick ? 19 : 15);
        cell.setPadding(3);
        cell.setBorderWidth(0.5f);
        cell.setBorderColor(java.awt.Color.GRAY);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        if (tick) {
            cell.setCellEvent(TICK_BOX);
        }
        return cell;
    }

    /** An empty square to tick, centred in its cell. */
    private static final PdfPCellEvent TICK_BOX = (cell, position, canvases) -> {
        PdfContentByte canvas = canvases[PdfPTable.LINECANVAS];
        float side = 9;
        float x = (position.getLeft() + position.getRight()) / 2 - side / 2;
        float y = (position.getTop() + position.getBottom()) / 2 - side / 2;
        canvas.saveState();
        canvas.setLineWidth(0.9f);
        canvas.rectangle(x, y, side, side);
        canvas.stroke();
        canvas.restoreState();
    };

    /** A boxed alert: a heavy border for what must not be missed. */
    private PdfPTable box(String heading, List<String> lines, float border, Fonts f) {
        PdfPTable table = new PdfPTable(1);
        table.setWidthPercentage(100);
        table.setSpacingBefore(6);
        table.setSpacingAfter(4);
        table.setKeepTogether(true);
        PdfPCell cell = new PdfPCell();
        cell.setBorderWidth(border);
        cell.setPadding(7);
        cell.addElement(paragraph(heading, f.heading, 2));
        for (String line : lines) {
            cell.addElement(paragraph(line, f.body, 1));
        }
        table.addCell(cell);
        return table;
    }

    /** The stick figure of a stretch, drawn from its template's joints. */
    private Image figure(PdfContentByte canvas, Figure figure) {
        float width = 104;
        float height = 84;
        float pad = 4;
        PdfTemplate template = canvas.createTemplate(width, height);
        Map<String, List<Double>> joints = figure.joints();
        template.setLineCap(PdfContentByte.LINE_CAP_ROUND);
        template.setLineJoin(PdfContentByte.LINE_JOIN_ROUND);
        if (figure.props() != null) {
            for (Prop prop : figure.props()) {
                template.saveState();
                template.setLineWidth(Boolean.TRUE.equals(prop.dashed()) ? 1.4f : 1.1f);
                template.setGrayStroke(Boolean.TRUE.equals(prop.dashed()) ? 0.2f : 0.5f);
                if (Boolean.TRUE.equals(prop.dashed())) {
                    template.setLineDash(3, 2, 0);
                }
                template.moveTo(x(prop.from(), width, pad), y(prop.from(), height, pad));
                template.lineTo(x(prop.to(), width, pad), y(prop.to(), height, pad));
                template.stroke();
                template.restoreState();
            }
        }
        template.setLineWidth(2.6f);
        template.setGrayStroke(0);
        for (List<String> line : figure.lines()) {
            List<Double> from = joints.get(line.get(0));
            List<Double> to = joints.get(line.get(1));
            template.moveTo(x(from, width, pad), y(from, height, pad));
            template.lineTo(x(to, width, pad), y(to, height, pad));
        }
        template.stroke();
        if (figure.head() != null) {
            List<Double> head = joints.get(figure.head());
            template.setGrayFill(0);
            template.circle(x(head, width, pad), y(head, height, pad), height * 0.065f);
            template.fill();
        }
        try {
            return Image.getInstance(template);
        } catch (org.openpdf.text.BadElementException e) {
            throw new IllegalStateException(e);
        }
    }

    private static float x(List<Double> point, float width, float pad) {
        return pad + point.get(0).floatValue() * (width - 2 * pad);
    }

    private static float y(List<Double> point, float height, float pad) {
        return pad + point.get(1).floatValue() * (height - 2 * pad);
    }

    /** Cramps per week over time: a line with a dot and a value at each measurement. */
    private Image chart(PdfContentByte canvas, List<Point> points, String axis, float width, Fonts f) {
        float height = 82;
        float left = 34;
        float bottom = 22;
        float top = 14;
        float right = 16;
        PdfTemplate t = canvas.createTemplate(width, height);
        double max = points.stream().mapToDouble(Point::value).max().orElse(1);
        max = max <= 0 ? 1 : max * 1.15;
        LocalDate first = points.get(0).date();
        long span = java.time.temporal.ChronoUnit.DAYS.between(first, points.get(points.size() - 1).date());
        float inset = 14;
        float plotWidth = width - left - right;
        float plotHeight = height - bottom - top;
        t.setLineWidth(0.8f);
        t.setGrayStroke(0.3f);
        t.moveTo(left, bottom + plotHeight);
        t.lineTo(left, bottom);
        t.lineTo(left + plotWidth, bottom);
        t.stroke();
        text(t, f.regular, 8, axis, left, height - 9, Element.ALIGN_LEFT);
        text(t, f.regular, 8, "0", left - 4, bottom - 3, Element.ALIGN_RIGHT);
        text(t, f.regular, 8, Fields.number(Math.round(max)), left - 4, bottom + plotHeight - 3, Element.ALIGN_RIGHT);
        t.setLineWidth(2);
        t.setGrayStroke(0);
        float[][] xy = new float[points.size()][2];
        for (int i = 0; i < points.size(); i++) {
            Point point = points.get(i);
            long days = java.time.temporal.ChronoUnit.DAYS.between(first, point.date());
            // Spaced by date; measurements all on one day are spaced evenly instead.
            float usable = plotWidth - 2 * inset;
            float x = left + inset + (span == 0 ? i * usable / (points.size() - 1) : usable * days / span);
            xy[i][0] = x;
            xy[i][1] = bottom + (float) (point.value() / max) * plotHeight;
        }
        for (int i = 0; i < xy.length; i++) {
            if (i == 0) {
                t.moveTo(xy[i][0], xy[i][1]);
            } else {
                t.lineTo(xy[i][0], xy[i][1]);
            }
        }
        t.stroke();
        for (int i = 0; i < xy.length; i++) {
            t.circle(xy[i][0], xy[i][1], 3);
            t.fill();
            text(t, f.boldFace, 9, Fields.number(Math.round(points.get(i).value() * 10) / 10.0), xy[i][0], xy[i][1] + 6,
                    Element.ALIGN_CENTER);
            text(t, f.regular, 8, points.get(i).date().format(java.time.format.DateTimeFormatter.ofPattern("d MMM",
                    java.util.Locale.ENGLISH)), xy[i][0], 8, Element.ALIGN_CENTER);
        }
        try {
            Image image = Image.getInstance(t);
            image.setSpacingAfter(4);
            return image;
        } catch (org.openpdf.text.BadElementException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void text(PdfTemplate t, BaseFont font, float size, String text, float x, float y, int align) {
        t.beginText();
        t.setFontAndSize(font, size);
        t.showTextAligned(align, text, x, y, 0);
        t.endText();
    }

    private static Paragraph heading(String text, Fonts f) {
        Paragraph p = new Paragraph(text, f.heading);
        p.setLeading(f.heading.getSize() * 1.2f);
        p.setSpacingBefore(6);
        p.setSpacingAfter(2);
        return p;
    }

    private static Paragraph paragraph(String text, Font font, float after) {
        Paragraph p = new Paragraph(text, font);
        p.setLeading(font.getSize() * 1.2f);
        p.setSpacingAfter(after);
        return p;
    }

    private static Paragraph bullet(String text, Font font) {
        Paragraph p = paragraph("\u2022  " + text, font, 1);
        p.setIndentationLeft(10);
        p.setFirstLineIndent(-10);
        return p;
    }

    private static PdfPCell cell() {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        return cell;
    }
}
