package app.soapstone.careplan;

import app.soapstone.careplan.CarePlan.Alert;
import app.soapstone.careplan.CarePlan.Doctor;
import app.soapstone.careplan.CarePlan.Food;
import app.soapstone.careplan.CarePlan.Group;
import app.soapstone.careplan.CarePlan.Log;
import app.soapstone.careplan.CarePlan.Massage;
import app.soapstone.careplan.CarePlan.Next;
import app.soapstone.careplan.CarePlan.Progress;
import app.soapstone.careplan.CarePlan.Section;
import app.soapstone.careplan.CarePlanTemplates.Stretch;
import app.soapstone.pdf.Paper;
import app.soapstone.pdf.PdfBlock;
import app.soapstone.pdf.Print;
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
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPCellEvent;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lays a {@link Handout} out as the PDF a clinic hands to a client who may be older or see less
 * well: one column of large, left-aligned type in black on white, nothing under the print's
 * minimum size and nothing shrunk to fit; a line drawing for each stretch, a framed box for when
 * to get medical help, a tick-box log and a progress chart. Pages are broken by
 * {@link PdfPageFlow} so that no item, sentence, row or stretch is split and no heading is left at
 * the foot of a page; every page has the same footer with the client's name and "page N of M".
 */
@Component
public class CarePlanPdf {

    /** Characters in a line of body text: 60 to 75 read best; the side margins follow from it. */
    private static final int LINE_LENGTH = 75;
    /** Home printers need about 6 mm; 14 mm leaves room for any of them and for a hole punch. */
    private static final float SMALLEST_MARGIN = 40;
    private static final float TOP = 32;
    private static final float BOTTOM = 30;
    /** Typical plan wording, to find how wide an average character is in the body type. */
    private static final String SAMPLE = "These steps may help to reduce cramps in your legs and feet at night."
            + " Stand facing a wall with both hands on it at shoulder height.";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE", Locale.ENGLISH);
    /** "Tue", cut to "Tu" where the days must be narrow. */
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE", Locale.ENGLISH);

    private final PdfFonts fonts;

    public CarePlanPdf(PdfFonts fonts) {
        this.fonts = fonts;
    }

    public byte[] render(Handout handout, Paper paper, Print print) {
        return render(handout, paper, print, null);
    }

    /**
     * The plan with {@code seal} - the record seal, "Record seal: 206,018 entries, 3f9a2c71d0e4b8a5" -
     * at the foot of every page, or none if null.
     */
    public byte[] render(Handout handout, Paper paper, Print print, String seal) {
        PdfType type = PdfType.of(fonts, print);
        float pageWidth = paper.size().getWidth();
        float width = Math.min(pageWidth - 2 * SMALLEST_MARGIN,
                LINE_LENGTH * type.width(SAMPLE, type.body()) / SAMPLE.length());
        float left = (pageWidth - width) / 2;

        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        Document document = new Document(paper.size(), left, left, TOP, BOTTOM);
        PdfWriter writer = PdfWriter.getInstance(document, bytes);
        PdfInfo.describe(document, handout.title() + " - " + handout.clientName(), handout.letterhead().practitioner(),
                switch (handout) {
                    case CarePlan plan -> "Home care for leg and foot cramps";
                    case DoctorSheet sheet -> "See a doctor today";
                });
        document.open();

        PdfColumn column = new PdfColumn(type, width);
        letterhead(column, handout);
        switch (handout) {
            case CarePlan plan -> plan(column, writer.getDirectContent(), plan);
            case DoctorSheet sheet -> sheet(column, sheet);
        }

        PdfFooter footer = new PdfFooter(type, width, (page, pages) -> seal == null
                ? List.of(List.of(handout.clientName(), handout.title(), "page " + page + " of " + pages))
                : List.of(List.of(handout.clientName(), handout.title(), "page " + page + " of " + pages), List.of(seal)));
        float footerTop = BOTTOM + footer.height();
        float textHeight = paper.size().getHeight() - TOP - footerTop - type.size();
        List<List<PdfBlock>> pages = PdfPageFlow.paginate(column.blocks(), textHeight);
        PdfPageFlow.draw(pages, document, writer, left, paper.size().getHeight() - TOP,
                (canvas, page) -> footer.draw(canvas, page, pages.size(), left, footerTop));
        document.close();
        return bytes.toByteArray();
    }

    /** Clinic, address and contacts on the left; who the plan is for, the date and the practitioner on the right. */
    private static void letterhead(PdfColumn column, Handout handout) {
        PdfType type = column.type();
        var head = handout.letterhead();
        List<String> contacts = new ArrayList<>();
        contacts.add(head.phone());
        if (head.email() != null) {
            contacts.add(head.email());
        }
        if (head.website() != null) {
            contacts.add(head.website());
        }
        PdfLetterhead.add(column, head.clinicName(), head.address(), contacts, List.of("For " + handout.clientName(),
                CarePlanComposer.LONG_DATE.format(handout.date()), head.practitioner()));

        PdfRows title = new PdfRows(type, column.width(), 0);
        title.line(handout.title(), type.title(), 0);
        column.add(PdfBlock.of(title.table(), column.width(), type.size()));
        column.keepWithNext();
        column.spaceAfter(type.paragraphGap(), true);
    }

    private static void plan(PdfColumn column, PdfContentByte canvas, CarePlan plan) {
        PdfType type = column.type();
        if (plan.cleared() != null) {
            alert(column, plan.cleared());
        }
        if (plan.doctor().first()) {
            doctor(column, plan.doctor());
        }
        column.paragraph(plan.intro());
        column.paragraph(plan.evidence());
        if (plan.keepSafe() != null) {
            column.heading(plan.keepSafe().heading());
            column.bullets(plan.keepSafe().cautions(), type.body());
            if (plan.keepSafe().contacts() != null) {
                column.paragraph(List.of(new Run(plan.keepSafe().contacts(), type.bold())));
            }
        }
        stretches(column, canvas, plan.stretches());
        if (!plan.selfMassage().items().isEmpty()) {
            selfMassage(column, plan.selfMassage());
        }
        column.heading(plan.duringACramp().heading());
        column.numbered(plan.duringACramp().items());
        if (plan.advice() != null && !plan.advice().items().isEmpty()) {
            column.heading(plan.advice().heading());
            column.bullets(plan.advice().items(), type.body());
        }
        hydration(column, plan.hydration());
        column.heading(plan.foods().heading());
        for (Food food : plan.foods().items()) {
            column.paragraph(food.label() == null ? List.of(new Run(food.text(), type.body()))
                    : List.of(new Run(food.label() + ": ", type.bold()), new Run(food.text(), type.body())));
        }
        if (!plan.doctor().first()) {
            doctor(column, plan.doctor());
        }
        log(column, plan.log());
        progressAndNext(column, canvas, plan.progress(), plan.next());
    }

    private static void sheet(PdfColumn column, DoctorSheet sheet) {
        PdfType type = column.type();
        column.paragraph(sheet.intro());
        column.keepWithNext();
        column.bullets(sheet.symptoms(), type.bold());
        column.paragraph(sheet.why());
        column.paragraph(List.of(new Run(sheet.noHomeCare(), type.bold())));
        column.heading(sheet.tellHeading());
        column.bullets(sheet.tell(), type.body());
        Group emergency = sheet.emergency();
        float border = 3;
        PdfRows rows = new PdfRows(type, inside(column, border), type.indent());
        rows.line(emergency.heading(), type.heading(), 0);
        for (String line : emergency.lines()) {
            rows.item(PdfRows.BULLET, List.of(new Run(line, type.body())), type.itemGap());
        }
        column.add(PdfColumn.frame(rows.table(), border, padding(type)), type.headingGap());
        // Whom to call goes with the emergency signs, should the sheet run over.
        column.keepWithNext();
        column.spaceAfter(type.headingGap(), false);
        column.paragraph(Run.keeping(sheet.contact(), type.bold(), sheet.letterhead().phone()));
    }

    /** A cleared referral: framed, at the top, so the client knows what to watch for. */
    private static void alert(PdfColumn column, Alert alert) {
        PdfType type = column.type();
        float border = 2;
        PdfRows rows = new PdfRows(type, inside(column, border), type.indent());
        rows.line(alert.heading(), type.bold(), 0);
        for (String line : alert.lines()) {
            rows.item(PdfRows.BULLET, List.of(new Run(line, type.body())), type.itemGap());
        }
        column.add(PdfColumn.frame(rows.table(), border, padding(type)), type.paragraphGap());
        column.spaceAfter(type.headingGap(), false);
    }

    /** A line of the doctor box: one that applies now ({@code group} -1) or a sign of a group. */
    private record DoctorLine(int group, String text) {
    }

    /**
     * The doctor box, framed. Kept on one page when it fits on one; taller than a page, it is cut
     * between groups (or between the lines of a long group), each part framed and the later ones
     * headed "(continued)".
     */
    private static void doctor(PdfColumn column, Doctor doctor) {
        PdfType type = column.type();
        float border = 2;
        List<Unit<DoctorLine>> units = new ArrayList<>();
        doctor.now().forEach(line -> units.add(new Unit<>(new DoctorLine(-1, line), PdfBlock.ACCEPTABLE)));
        for (int g = 0; g < doctor.groups().size(); g++) {
            List<String> lines = doctor.groups().get(g).lines();
            for (int i = 0; i < lines.size(); i++) {
                units.add(new Unit<>(new DoctorLine(g, lines.get(i)), i == 0 ? PdfBlock.PREFERRED : PdfBlock.ACCEPTABLE));
            }
        }
        PdfBlock.Layout<DoctorLine> layout = (some, continued) -> {
            PdfRows rows = new PdfRows(type, inside(column, border), type.indent());
            rows.line(continued ? doctor.heading() + " (continued)" : doctor.heading(), type.heading(), 0);
            int group = -2;
            for (DoctorLine line : some) {
                float gap = group == -2 ? type.afterHeading() + type.itemGap() : type.paragraphGap();
                if (line.group() < 0) {
                    rows.line(line.text(), type.bold(), gap);
                } else {
                    if (line.group() != group) {
                        rows.line(doctor.groups().get(line.group()).heading(), type.bold(), gap);
                    }
                    rows.item(PdfRows.BULLET, List.of(new Run(line.text(), type.body())), type.itemGap());
                }
                group = line.group();
            }
            return PdfColumn.frame(rows.table(), border, padding(type));
        };
        column.add(PdfBlock.cuttable(layout.table(units.stream().map(Unit::value).toList(), false), column.width(),
                type.headingGap(), () -> units, layout));
        column.spaceAfter(type.headingGap(), false);
    }

    private static void stretches(PdfColumn column, PdfContentByte canvas, Section<Stretch> section) {
        PdfType type = column.type();
        column.heading(section.heading());
        if (section.intro() != null) {
            column.paragraph(section.intro());
            column.keepWithNext();
        }
        float figure = StretchFigure.WIDTH + type.size() * 0.7f;
        float textWidth = column.width() - figure;
        int number = 1;
        for (Stretch stretch : section.items()) {
            // Title and steps beside the figure; the dose and the caution across the full width under it.
            PdfRows steps = new PdfRows(type, textWidth, type.indent());
            steps.line(number++ + ". " + stretch.title(), type.bold(), 0);
            int step = 1;
            for (String line : stretch.steps()) {
                steps.item(step++ + ")", List.of(new Run(line, type.body())), type.itemGap());
            }
            PdfPTable top = new PdfPTable(new float[] {figure, textWidth});
            top.setWidthPercentage(100);
            top.addCell(PdfColumn.drawing(StretchFigure.draw(canvas, stretch.figure())));
            top.addCell(PdfColumn.cell(steps.table()));
            PdfRows rows = new PdfRows(type, column.width(), 0);
            rows.cell(PdfColumn.cell(top));
            rows.line(List.of(new Run("Hold: ", type.bold()), new Run(stretch.hold() + ". ", type.body()),
                    new Run("Repeat: ", type.bold()), new Run(stretch.repetitions() + ". ", type.body()),
                    new Run("When: ", type.bold()), new Run(stretch.howOften() + ", "
                            + CarePlanText.lowerFirst(stretch.when()) + ".", type.body())), type.itemGap());
            rows.line(List.of(new Run("Caution: ", type.bold()), new Run(stretch.caution(), type.body())),
                    type.itemGap());
            column.add(rows.table(), type.paragraphGap() * 1.5f);
        }
    }

    private static void selfMassage(PdfColumn column, Section<Massage> section) {
        PdfType type = column.type();
        column.heading(section.heading());
        if (section.intro() != null) {
            column.paragraph(section.intro());
            column.keepWithNext();
        }
        for (Massage massage : section.items()) {
            PdfRows rows = new PdfRows(type, column.width(), 0);
            rows.line(massage.title(), type.bold(), 0);
            rows.line(massage.how(), type.body(), type.itemGap());
            if (massage.howLong() != null) {
                rows.line(List.of(new Run("How long: ", type.bold()), new Run(massage.howLong() + ".", type.body())),
                        type.itemGap());
            }
            column.add(rows.table(), type.paragraphGap() * 1.5f);
        }
    }

    private static void hydration(PdfColumn column, CarePlan.Hydration hydration) {
        PdfType type = column.type();
        column.heading(hydration.heading());
        column.paragraph(List.of(new Run(hydration.restricted() ? hydration.target()
                : "Daily target: " + hydration.target(), type.bold())));
        if (hydration.current() != null) {
            column.paragraph(hydration.current());
        }
        column.bullets(hydration.tips(), type.body());
    }

    /**
     * The tick-box log: a label column with the questions and a column per day. All the days go in
     * one grid where they fit across the page with their names at the smallest size allowed: named
     * "Tue" with each question on one line, else "Tu" as calendars do, else "Tu" with questions on
     * two lines; otherwise they are printed as grids of a week each, one under the other.
     */
    private static void log(PdfColumn column, Log log) {
        PdfType type = column.type();
        column.heading(log.heading());
        float pad = type.minimum() * 0.2f;
        float oneLine = 0;
        float twoLines = 0;
        for (String row : log.rows()) {
            float longestWord = 0;
            for (String word : row.split("\\s+")) {
                longestWord = Math.max(longestWord, type.width(word, type.body()));
            }
            oneLine = Math.max(oneLine, type.width(row, type.body()) + 4 * pad);
            twoLines = Math.max(twoLines, Math.max(longestWord, type.width(row, type.body()) * 0.6f) + 4 * pad);
        }
        record Fit(DateTimeFormatter names, float label) {
        }
        for (Fit fit : List.of(new Fit(DAY, oneLine), new Fit(SHORT_DAY, oneLine), new Fit(SHORT_DAY, twoLines))) {
            if (fit.label() + log.days() * dayWidth(type, log, fit.names(), pad) <= column.width()) {
                column.add(grid(column, log, 0, log.days(), (column.width() - fit.label()) / log.days(), "", pad,
                        fit.names()), type.paragraphGap());
                return;
            }
        }
        float day = dayWidth(type, log, DAY, pad);
        for (int first = 0; first < log.days(); first += 7) {
            int days = Math.min(7, log.days() - first);
            // Day columns as wide as the questions leave, up to a comfortable width for a tick.
            float dayWidth = Math.max(day, Math.min(type.size() * 3, (column.width() - twoLines) / days));
            column.add(grid(column, log, first, days, dayWidth, "Week " + (first / 7 + 1), pad, DAY), type.paragraphGap());
        }
    }

    /** The widest day name or date of the log, with its padding. */
    private static float dayWidth(PdfType type, Log log, DateTimeFormatter names, float pad) {
        float day = 0;
        for (int i = 0; i < log.days(); i++) {
            LocalDate date = log.firstDay().plusDays(i);
            day = Math.max(day, Math.max(type.width(dayName(names, date), type.small()),
                    type.width(String.valueOf(date.getDayOfMonth()), type.smallBold())));
        }
        return day + 2 * pad;
    }

    private static String dayName(DateTimeFormatter names, LocalDate date) {
        String name = names.format(date);
        return names == SHORT_DAY ? name.substring(0, 2) : name;
    }

    private static PdfPTable grid(PdfColumn column, Log log, int first, int days, float dayWidth, String caption,
            float pad, DateTimeFormatter names) {
        PdfType type = column.type();
        float[] widths = new float[days + 1];
        widths[0] = column.width() - days * dayWidth;
        for (int i = 1; i <= days; i++) {
            widths[i] = dayWidth;
        }
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.addCell(gridCell(PdfColumn.phrase(List.of(new Run(caption, type.smallBold()))), pad, type));
        for (int i = first; i < first + days; i++) {
            LocalDate date = log.firstDay().plusDays(i);
            Phrase head = PdfColumn.phrase(List.of(new Run(dayName(names, date) + "\n", type.small()),
                    new Run(String.valueOf(date.getDayOfMonth()), type.smallBold())));
            PdfPCell cell = gridCell(head, pad, type);
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            table.addCell(cell);
        }
        for (String row : log.rows()) {
            // In rows of its own, so that a question in any script is set like a paragraph.
            PdfRows question = new PdfRows(type, widths[0] - 3 * pad, 0);
            question.line(row, type.body(), 0);
            PdfPCell label = gridCell(new Phrase(""), pad, type);
            label.addElement(question.table());
            label.setPaddingLeft(2 * pad);
            table.addCell(label);
            for (int i = 0; i < days; i++) {
                PdfPCell tick = gridCell(new Phrase(""), pad, type);
                tick.setMinimumHeight(type.size() * 2);
                tick.setCellEvent(tickBox(type.size() * 0.9f));
                table.addCell(tick);
            }
        }
        return table;
    }

    private static PdfPCell gridCell(Phrase phrase, float pad, PdfType type) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setLeading(type.leading(type.small()), 0);
        cell.setPadding(pad);
        cell.setPaddingBottom(pad * 1.5f);
        cell.setUseAscender(true);
        cell.setUseDescender(true);
        cell.setBorderWidth(0.6f);
        cell.setBorderColor(Color.DARK_GRAY);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        return cell;
    }

    /** An empty square to tick, centred in its cell. */
    private static PdfPCellEvent tickBox(float side) {
        return (cell, position, canvases) -> {
            PdfContentByte canvas = canvases[PdfPTable.LINECANVAS];
            float x = (position.getLeft() + position.getRight()) / 2 - side / 2;
            float y = (position.getTop() + position.getBottom()) / 2 - side / 2;
            canvas.saveState();
            canvas.setLineWidth(1);
            canvas.rectangle(x, y, side, side);
            canvas.stroke();
            canvas.restoreState();
        };
    }

    /**
     * The chart (axis title above it, clear of the plot and its values) beside the next visit,
     * then the therapist's note across the full width; without a chart, the next visit alone.
     */
    private static void progressAndNext(PdfColumn column, PdfContentByte canvas, Progress progress, Next next) {
        PdfType type = column.type();
        if (progress == null) {
            column.heading(next.heading());
            column.paragraph(appointment(next, type));
        } else {
            float gutter = type.size() * 1.5f;
            float chartWidth = (column.width() - gutter) * 0.6f;
            float nextWidth = column.width() - gutter - chartWidth;
            PdfRows chart = new PdfRows(type, chartWidth, 0);
            chart.line(progress.heading(), type.heading(), 0);
            chart.line(progress.axis(), type.body(), type.afterHeading());
            PdfPCell drawing = PdfColumn.drawing(ProgressChart.draw(canvas, progress.points(), type, chartWidth));
            drawing.setPaddingTop(type.itemGap());
            chart.cell(drawing);
            PdfRows visit = new PdfRows(type, nextWidth, 0);
            visit.line(next.heading(), type.heading(), 0);
            visit.line(appointment(next, type), type.afterHeading());
            PdfPTable table = new PdfPTable(new float[] {chartWidth, gutter, nextWidth});
            table.setWidthPercentage(100);
            table.addCell(PdfColumn.cell(chart.table()));
            table.addCell(PdfColumn.cell());
            table.addCell(PdfColumn.cell(visit.table()));
            column.add(table, type.headingGap());
        }
        if (next.note() != null) {
            column.heading(next.noteHeading(), type.bold());
            for (String paragraph : next.note().split("\\R\\s*")) {
                if (!paragraph.isBlank()) {
                    column.paragraph(paragraph.strip());
                }
            }
        }
    }

    private static List<Run> appointment(Next next, PdfType type) {
        return next.appointment() == null ? List.of(new Run(next.none(), type.body()))
                : List.of(new Run(CarePlanText.appointment(next), type.bold()));
    }

    private static float padding(PdfType type) {
        return type.size() * 0.7f;
    }

    /** The width inside a frame of {@code border} points. */
    private static float inside(PdfColumn column, float border) {
        return column.width() - 2 * (padding(column.type()) + border);
    }
}
