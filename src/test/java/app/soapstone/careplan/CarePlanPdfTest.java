package app.soapstone.careplan;

import app.soapstone.pdf.PdfFonts;
import app.soapstone.pdf.PdfPages;
import app.soapstone.careplan.CarePlan.Alert;
import app.soapstone.careplan.CarePlan.Doctor;
import app.soapstone.careplan.CarePlan.Food;
import app.soapstone.careplan.CarePlan.Group;
import app.soapstone.careplan.CarePlan.Hydration;
import app.soapstone.careplan.CarePlan.KeepSafe;
import app.soapstone.careplan.CarePlan.Letterhead;
import app.soapstone.careplan.CarePlan.Log;
import app.soapstone.careplan.CarePlan.Massage;
import app.soapstone.careplan.CarePlan.Next;
import app.soapstone.careplan.CarePlan.Point;
import app.soapstone.careplan.CarePlan.Progress;
import app.soapstone.careplan.CarePlan.Section;
import app.soapstone.pdf.Paper;
import app.soapstone.pdf.Print;
import app.soapstone.careplan.CarePlanTemplates.CrampType;
import app.soapstone.careplan.CarePlanTemplates.DoctorLine;
import app.soapstone.careplan.CarePlanTemplates.Item;
import app.soapstone.careplan.CarePlanTemplates.PlanText;
import app.soapstone.careplan.CarePlanTemplates.Stretch;
import app.soapstone.pdf.PdfPages.Line;
import app.soapstone.pdf.PdfPages.Page;
import app.soapstone.pdf.PdfPages.Span;
import app.soapstone.screening.ScreeningRules;
import app.soapstone.template.TemplateFiles;
import app.soapstone.vocabulary.Vocabulary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The care plan and the see-a-doctor sheet as a client gets them, read back with PDFBox
 * ({@link PdfPages}): type sizes, page counts, page breaks, footers, names in any script, the
 * progress chart, long notes and doctor boxes, paper sizes and document properties. Plans are
 * built by hand from the bundled wording and stretches, so the page counts are those of the real
 * content at its longest.
 */
class CarePlanPdfTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final String NAME = "Zoë Łukasiewicz";
    static final Letterhead LETTERHEAD = new Letterhead("Bondi Body Works", "12 Beach Rd, Bondi NSW 2026",
            "02 9130 1234", "hello@bondi.example", "bondibodyworks.example", "Sam Jones, RMT, Dip. Remedial Massage");

    private static CarePlanTemplates templates;
    private static CarePlanPdf pdf;

    @BeforeAll
    static void setUp() {
        templates = templates();
        pdf = new CarePlanPdf(new PdfFonts());
    }

    static CarePlanTemplates templates() {
        TemplateFiles files = new TemplateFiles("");
        Vocabulary vocabulary = new Vocabulary(files);
        ScreeningRules rules = new ScreeningRules(files, vocabulary);
        return new CarePlanTemplates(files, vocabulary, rules);
    }

    // ---------------------------------------------------------------- type sizes

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("printsAndPapers")
    void noTextIsUnderTheMinimumAndTheBodyIsAtTheBodySize(Print print, Paper paper) {
        PdfPages pages = render(full().build(), paper, print);

        float minimum = print == Print.STANDARD ? 12 : 14;
        float body = print == Print.STANDARD ? 14 : 16;
        for (Page page : pages.pages()) {
            assertThat(page.smallestSize()).as("smallest text on page %d", page.number()).isGreaterThanOrEqualTo(minimum);
        }
        assertThat(mostUsedSize(pages)).as("body text").isCloseTo(body, within(0.01f));
        assertThat(largestSize(pages)).as("the title").isCloseTo(body + 8, within(0.01f));
    }

    @ParameterizedTest
    @EnumSource(Print.class)
    void theSheetHasNoTextUnderTheMinimum(Print print) {
        PdfPages pages = render(sheet(NAME), Paper.LETTER, print);

        for (Page page : pages.pages()) {
            assertThat(page.smallestSize()).isGreaterThanOrEqualTo(print == Print.STANDARD ? 12 : 14);
        }
        assertThat(mostUsedSize(pages)).isCloseTo(print == Print.STANDARD ? 14 : 16, within(0.01f));
    }

    // ---------------------------------------------------------------- pages

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("printsAndPapers")
    void aFullPlanFitsItsPages(Print print, Paper paper) {
        CarePlan plan = full().build();
        assertThat(plan.stretches().items()).hasSize(4);
        assertThat(plan.selfMassage().items()).hasSize(3);
        assertThat(plan.keepSafe().cautions()).hasSize(4);
        assertThat(plan.doctor().now()).isNotEmpty();
        assertThat(plan.doctor().groups()).hasSize(3);
        assertThat(plan.progress().points()).hasSize(20);
        assertThat(plan.next().note()).hasSizeGreaterThanOrEqualTo(600);

        PdfPages pages = render(plan, paper, print);

        // Not 3 and 4: at 14 pt with 1.3 line spacing this content measures about 4.4 A4 text areas
        // (4.8 Letter) before any page break, spacing included; 16 pt adds a page.
        assertThat(pages.count()).isLessThanOrEqualTo(print == Print.STANDARD ? 5 : 6);
    }

    @ParameterizedTest
    @EnumSource(Paper.class)
    void theSheetIsOnePage(Paper paper) {
        assertThat(render(sheet(NAME), paper, Print.STANDARD).count()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("printsAndPapers")
    void noPageEndsWithAHeading(Print print, Paper paper) {
        float heading = (print == Print.STANDARD ? 14 : 16) + 3;
        for (CarePlan plan : List.of(full().build(), full().note(longNote()).build(),
                full().doctor(tallDoctor()).build(), full().cleared(cleared()).points(2).build())) {
            PdfPages pages = render(plan, paper, print);
            for (Page page : pages.pages()) {
                Line last = lastAboveFooter(page, plan, pages.count());
                assertThat(last.bold() && last.maxSize() >= heading - 0.01f)
                        .as("page %d of %d ends with the heading '%s'", page.number(), pages.count(), last.text())
                        .isFalse();
            }
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("printsAndPapers")
    void noItemStretchOrDoctorLineIsSplitAcrossPages(Print print, Paper paper) {
        CarePlan plan = full().build();
        PdfPages pages = render(plan, paper, print);

        assertThat(pages.count()).isGreaterThan(1);
        for (String whole : wholeLines(plan)) {
            assertThat(pages.pages()).as(whole).anySatisfy(page -> assertThat(squash(page.text())).contains(squash(whole)));
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("printsAndPapers")
    void everyPageHasTheFooterInTheSamePlace(Print print, Paper paper) {
        for (String name : List.of(NAME, "Maximiliana Alexandrovna Konstantinopoulou-Wolfeschlegelsteinhausen")) {
            CarePlan plan = full().name(name).build();
            PdfPages pages = render(plan, paper, print);
            List<Float> places = new ArrayList<>();
            for (Page page : pages.pages()) {
                List<Line> footer = footer(page, plan, pages.count());
                assertThat(footer).as("footer of page %d: %s", page.number(), page.lines()).isNotEmpty();
                assertThat(footer).allSatisfy(line -> assertThat(line.maxSize()).isEqualTo(print == Print.STANDARD ? 12 : 14));
                places.add(footer.getFirst().y());
            }
            assertThat(places).as("the footer's first line on each page").allSatisfy(
                    y -> assertThat(y).isCloseTo(places.getFirst(), within(0.5f)));
        }
    }

    // ---------------------------------------------------------------- text

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void namesInAnyScriptComeBack(String name, String clinic, String practitioner) {
        Letterhead head = new Letterhead(clinic, "12 Beach Rd, Bondi NSW 2026", "02 9130 1234", null, null, practitioner);
        for (Handout handout : List.of(full().name(name).letterhead(head).build(), sheet(name, head))) {
            PdfPages pages = render(handout, Paper.A4, Print.STANDARD);

            assertThat(pages.page(1).text()).contains(name).contains(clinic).contains(practitioner);
            assertThat(pages.info().title()).isEqualTo(handout.title() + " - " + name);
            assertThat(pages.info().author()).isEqualTo(practitioner);
        }
    }

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("Zoë Łukasiewicz-Ødegård", "Bondi Body Works", "Sam Jones, RMT"),
                Arguments.of("Анна Петрова", "Массаж на Невском", "Ольга Смирнова, массажист"),
                Arguments.of("Ζωή Παπαδοπούλου", "Ηλιος Μασάζ", "Νίκος Γεωργίου, RMT"));
    }

    @Test
    void theSectionsComeInTheOrderOfThePreview() {
        CarePlan plan = full().build();
        String all = squash(render(plan, Paper.A4, Print.STANDARD).text());

        List<String> order = List.of(plan.title(), plan.doctor().heading(), plan.intro(), plan.keepSafe().heading(),
                plan.stretches().heading(), plan.selfMassage().heading(), plan.duringACramp().heading(),
                plan.advice().heading(), plan.hydration().heading(), plan.foods().heading(), plan.log().heading(),
                plan.progress().heading(), plan.next().heading(), plan.next().noteHeading());
        int at = -1;
        for (String text : order) {
            int next = all.indexOf(squash(text), at + 1);
            assertThat(next).as(text).isGreaterThan(at);
            at = next;
        }
    }

    @Test
    void aDoctorBoxThatDoesNotComeFirstComesAfterTheFoods() {
        CarePlan plan = full().doctor(doctor(false)).build();
        String all = squash(render(plan, Paper.A4, Print.STANDARD).text());

        assertThat(all.indexOf(squash(plan.doctor().heading()))).isGreaterThan(all.indexOf(squash(plan.foods().heading())))
                .isLessThan(all.indexOf(squash(plan.log().heading())));
    }

    @Test
    void theSheetHasNoStretchesOrSelfMassageAndEndsWithWhomToCall() {
        DoctorSheet sheet = sheet(NAME);
        PdfPages pages = render(sheet, Paper.A4, Print.STANDARD);
        String all = squash(pages.text());

        PlanText text = templates.plan();
        assertThat(all).doesNotContain(squash(text.stretches().heading())).doesNotContain(squash(text.selfMassage().heading()));
        for (Stretch stretch : templates.stretches().values()) {
            assertThat(all).doesNotContain(squash(stretch.title()));
        }
        for (var technique : templates.techniques().values()) {
            assertThat(all).doesNotContain(squash(technique.title()));
        }
        assertThat(all).contains(squash(sheet.emergency().heading()));
        sheet.emergency().lines().forEach(line -> assertThat(all).contains(squash(line)));
        sheet.symptoms().forEach(line -> assertThat(all).contains(squash(line)));
        sheet.tell().forEach(line -> assertThat(all).contains(squash(line)));
        assertThat(all).contains(squash(sheet.contact()));
        Line contact = pages.page(1).lines().stream().filter(line -> sheet.contact().startsWith(line.text()))
                .findFirst().orElseThrow();
        assertThat(contact.bold()).as("the clinic's phone line is bold").isTrue();
        assertThat(pages.page(1).lines()).as("the phone number on one line")
                .anySatisfy(line -> assertThat(line.text()).contains(sheet.letterhead().phone()));
        assertThat(pages.info().subject()).isEqualTo("See a doctor today");
    }

    // ---------------------------------------------------------------- the chart

    @ParameterizedTest(name = "{0} points, {1}")
    @MethodSource("charts")
    void theChartsLabelsDoNotOverlapAndAreLargeEnough(int points, Print print) {
        CarePlan plan = full().points(points).build();
        PdfPages pages = render(plan, Paper.A4, print);

        List<Span> labels = pages.pages().stream().flatMap(page -> page.spans().stream()).filter(Span::inForm)
                .filter(span -> !span.text().isBlank()).toList();
        assertThat(labels).as("value and date labels, 0 and the top of the scale").hasSizeGreaterThanOrEqualTo(6);
        for (Span label : labels) {
            assertThat(label.size()).as(label.text()).isGreaterThanOrEqualTo(print == Print.STANDARD ? 12 : 14);
        }
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                assertThat(labels.get(i).overlaps(labels.get(j))).as("'%s' and '%s'", labels.get(i).text(),
                        labels.get(j).text()).isFalse();
            }
        }
        List<String> texts = labels.stream().map(Span::text).toList();
        List<Point> all = plan.progress().points();
        assertThat(texts).as("first and last dates").contains(ProgressChart.DATE.format(all.getFirst().date()),
                ProgressChart.DATE.format(all.getLast().date()));
        assertThat(texts).contains("0");
        // The axis title is text of its own, outside the drawing.
        assertThat(pages.pages().stream().flatMap(page -> page.spans().stream()).filter(span -> !span.inForm()))
                .anySatisfy(span -> assertThat(span.text().strip()).isEqualTo(plan.progress().axis()));
    }

    static Stream<Arguments> charts() {
        return Stream.of(Print.values()).flatMap(print -> Stream.of(2, 20).map(n -> Arguments.of(n, print)));
    }

    // ---------------------------------------------------------------- long content

    @ParameterizedTest
    @EnumSource(Print.class)
    void aLongNoteIsSplitBetweenSentences(Print print) {
        String note = longNote();
        assertThat(note).hasSizeGreaterThanOrEqualTo(4000);
        CarePlan plan = full().note(note).build();
        PdfPages pages = render(plan, Paper.A4, print);

        List<String> sentences = List.of(note.split("(?<=\\.) "));
        List<Integer> onPages = new ArrayList<>();
        for (String sentence : sentences) {
            int page = pages.pages().stream().filter(p -> squash(p.text()).contains(squash(sentence)))
                    .mapToInt(Page::number).findFirst().orElse(-1);
            assertThat(page).as("'%s' whole on one page", sentence).isPositive();
            onPages.add(page);
        }
        assertThat(onPages.getLast()).as("the note runs over more than one page").isGreaterThan(onPages.getFirst());
    }

    @ParameterizedTest
    @EnumSource(Print.class)
    void aDoctorBoxTallerThanAPageIsSplitAndSaysContinued(Print print) {
        Doctor doctor = tallDoctor();
        CarePlan plan = full().doctor(doctor).build();
        PdfPages pages = render(plan, Paper.LETTER, print);

        String all = squash(pages.text());
        assertThat(all).contains(squash(doctor.heading() + " (continued)"));
        List<Integer> onPages = new ArrayList<>();
        for (Group group : doctor.groups()) {
            for (String line : group.lines()) {
                int page = pages.pages().stream().filter(p -> squash(p.text()).contains(squash(line)))
                        .mapToInt(Page::number).findFirst().orElse(-1);
                assertThat(page).as(line).isPositive();
                onPages.add(page);
            }
        }
        assertThat(onPages.getLast()).isGreaterThan(onPages.getFirst());
    }

    // ---------------------------------------------------------------- paper and properties

    @ParameterizedTest
    @EnumSource(Paper.class)
    void everyPageIsThePaperAsked(Paper paper) {
        float[] expected = paper == Paper.A4 ? new float[] {595.28f, 841.89f} : new float[] {612, 792};
        for (Handout handout : List.of(full().build(), sheet(NAME))) {
            for (Page page : render(handout, paper, Print.LARGE).pages()) {
                assertThat(page.width()).isCloseTo(expected[0], within(0.5f));
                assertThat(page.height()).isCloseTo(expected[1], within(0.5f));
            }
        }
    }

    @Test
    void theDocumentSaysWhatItIs() {
        CarePlan plan = full().build();
        PdfPages.Info info = render(plan, Paper.A4, Print.STANDARD).info();

        assertThat(info.title()).isEqualTo("Your home care plan - " + NAME);
        assertThat(info.author()).isEqualTo(LETTERHEAD.practitioner());
        assertThat(info.subject()).isEqualTo("Home care for leg and foot cramps");
        assertThat(info.creator()).isEqualTo("Soapstone");
    }

    // ---------------------------------------------------------------- helpers

    static Stream<Arguments> printsAndPapers() {
        return Stream.of(Print.values()).flatMap(print -> Stream.of(Paper.values()).map(paper -> Arguments.of(print, paper)));
    }

    private static PdfPages render(Handout handout, Paper paper, Print print) {
        return PdfPages.read(pdf.render(handout, paper, print));
    }

    /** Text to find whole on one page: stretch titles, list items, doctor-box lines. */
    static List<String> wholeLines(CarePlan plan) {
        List<String> lines = new ArrayList<>();
        int number = 1;
        for (Stretch stretch : plan.stretches().items()) {
            lines.add(number++ + ". " + stretch.title());
            lines.addAll(stretch.steps());
            lines.add(stretch.caution());
        }
        if (plan.keepSafe() != null) {
            plan.keepSafe().cautions().forEach(lines::add);
        }
        plan.selfMassage().items().forEach(massage -> lines.add(massage.how()));
        plan.duringACramp().items().forEach(lines::add);
        if (plan.advice() != null) {
            plan.advice().items().forEach(lines::add);
        }
        plan.hydration().tips().forEach(lines::add);
        plan.foods().items().forEach(food -> lines.add(food.text()));
        lines.addAll(plan.doctor().now());
        plan.doctor().groups().forEach(group -> {
            lines.add(group.heading());
            lines.addAll(group.lines());
        });
        plan.log().rows().forEach(lines::add);
        return lines;
    }

    /** "<client>  ·  <title>  ·  page N of M", whitespace and all. */
    static String footerText(Handout handout, int page, int pages) {
        return handout.clientName() + "  \u00b7  " + handout.title() + "  \u00b7  page " + page + " of " + pages;
    }

    /** The lines at the foot of {@code page} that make up its footer; empty if they do not. */
    static List<Line> footer(Page page, Handout handout, int pages) {
        // A footer too long for one line is wrapped between its parts, leaving out the separator there.
        String expected = squash(footerText(handout, page.number(), pages)).replace("\u00b7", "");
        StringBuilder text = new StringBuilder();
        List<Line> lines = page.lines();
        for (int i = lines.size() - 1; i >= 0; i--) {
            text.insert(0, squash(lines.get(i).text()).replace("\u00b7", ""));
            if (text.toString().equals(expected)) {
                return lines.subList(i, lines.size());
            }
            if (!expected.endsWith(text.toString())) {
                return List.of();
            }
        }
        return List.of();
    }

    static Line lastAboveFooter(Page page, Handout handout, int pages) {
        List<Line> footer = footer(page, handout, pages);
        assertThat(footer).as("footer of page %d", page.number()).isNotEmpty();
        List<Line> lines = page.lines();
        return lines.get(lines.size() - footer.size() - 1);
    }

    private static float mostUsedSize(PdfPages pages) {
        Map<Float, Long> sizes = pages.pages().stream().flatMap(page -> page.glyphs().stream())
                .filter(glyph -> !glyph.blank())
                .collect(Collectors.groupingBy(glyph -> Math.round(glyph.size() * 100) / 100f, Collectors.counting()));
        return sizes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static float largestSize(PdfPages pages) {
        return (float) pages.pages().stream().flatMap(page -> page.glyphs().stream())
                .mapToDouble(PdfPages.Glyph::size).max().orElseThrow();
    }

    /** Text compared without its spacing: lines wrap at different places in the PDF. */
    static String squash(String text) {
        return text.replaceAll("\\s+", "");
    }

    // ---------------------------------------------------------------- plans built by hand

    /** A plan with everything, at its longest, in the bundled wording. */
    static PlanBuilder full() {
        return new PlanBuilder(templates == null ? templates() : templates);
    }

    /** Builds a {@link CarePlan} from the bundled templates; each part can be replaced. */
    static final class PlanBuilder {

        private final PlanText text;
        private final Map<String, Stretch> library;
        private final CarePlanTemplates templates;
        private String name = NAME;
        private Letterhead letterhead = LETTERHEAD;
        private Alert cleared;
        private Doctor doctor;
        private int points = 20;
        private String note = sixHundredCharacters();

        PlanBuilder(CarePlanTemplates templates) {
            this.templates = templates;
            this.text = templates.plan();
            this.library = templates.stretches();
            this.doctor = CarePlanPdfTest.doctor(true);
        }

        PlanBuilder name(String name) {
            this.name = name;
            return this;
        }

        PlanBuilder letterhead(Letterhead letterhead) {
            this.letterhead = letterhead;
            return this;
        }

        PlanBuilder cleared(Alert cleared) {
            this.cleared = cleared;
            return this;
        }

        PlanBuilder doctor(Doctor doctor) {
            this.doctor = doctor;
            return this;
        }

        /** How many dates the chart has; fewer than 2 gives no chart. */
        PlanBuilder points(int points) {
            this.points = points;
            return this;
        }

        PlanBuilder note(String note) {
            this.note = note;
            return this;
        }

        CarePlan build() {
            CrampType night = type("night");
            CrampType exercise = type("exercise");
            // The four stretches with the most to read.
            List<Stretch> stretches = library.values().stream()
                    .sorted(Comparator.comparingInt((Stretch s) -> String.join(" ", s.steps()).length()
                            + s.caution().length() + s.when().length()).reversed())
                    .limit(4).map(s -> s.doneAt("In the evening, just before bed")).toList();
            var keepSafe = text.keepSafe().cautions();
            List<Massage> massage = Stream.of("calf-stroking", "ball-release", "thigh-kneading")
                    .map(id -> templates.techniques().get(id))
                    .map(t -> new Massage(t.title(), t.how(), t.howLong() != null ? t.howLong()
                            : text.selfMassage().therapistTime().replace("{minutes}", "5")))
                    .toList();
            Progress progress = points < 2 ? null : new Progress(text.progress().heading(), text.progress().axis(),
                    IntStream.range(0, points).mapToObj(i -> new Point(TODAY.minusWeeks(points - 1 - i),
                            Math.max(0, 9 - i * 8.0 / points + (i % 3 == 0 ? 1.5 : 0)))).toList());
            return new CarePlan(text.title(), TODAY, letterhead, name, cleared, night.intro(), night.evidence(), doctor,
                    new KeepSafe(text.keepSafe().heading(), List.of(keepSafe.get("foot-check"), keepSafe.get("test-water"),
                            keepSafe.get("no-direct-heat"), keepSafe.get("bruising")),
                            "Who to ask: your GP or anticoagulant clinic; your pharmacist."),
                    new Section<>(text.stretches().heading(), text.stretches().intro(), stretches),
                    new Section<>(text.selfMassage().heading(), text.selfMassage().intro(), massage),
                    new Section<>(text.duringACramp().heading(), null, texts(text.duringACramp().items())),
                    new Section<>(exercise.advice().heading(), null, texts(exercise.advice().items())),
                    new Hydration(text.hydration().heading(), "6-8 glasses (about 1.5-2 litres) of fluids a day",
                            "You told us you drink about 4 glasses a day.", texts(text.hydration().items()), false),
                    new Section<>(text.foods().heading(), null, text.foods().items().stream()
                            .filter(item -> !item.isExtra()).map(item -> new Food(item.label(), item.text())).toList()),
                    progress,
                    new Log(night.log().heading(), TODAY, text.logNights(), texts(night.log().rows())),
                    new Next(text.next().heading(), LocalDateTime.of(2026, 3, 24, 9, 30), null, text.next().none(),
                            text.next().noteHeading(), note),
                    List.of());
        }

        private CrampType type(String id) {
            return text.crampTypes().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
        }

        private static List<String> texts(List<Item> items) {
            return items.stream().filter(item -> !item.isExtra()).map(Item::text).toList();
        }
    }

    /**
     * The doctor box of a client on blood thinners with numb feet and sleep-disturbing cramps: three
     * lines that apply now, then the signs in three groups.
     */
    static Doctor doctor(boolean first) {
        var text = (templates == null ? templates() : templates).plan().doctor();
        Map<String, DoctorLine> lines = text.lines().stream().collect(Collectors.toMap(DoctorLine::id, l -> l));
        List<String> now = List.of(lines.get("sleep").now(), lines.get("numbness").now(),
                lines.get("ask-prescriber").now().replace("{medicines}", "Lipitor 20 mg daily and Lasix 40 mg in the morning"));
        List<Group> groups = List.of(
                new Group(text.groups().get("ambulance") + ":", List.of(lines.get("breathless").text(),
                        lines.get("bleeding-emergency").text())),
                new Group(text.groups().get("today") + ":", Stream.of("one-sided-leg", "long-cramp", "wound-or-poison",
                        "bleeding-signs").map(id -> lines.get(id).text()).toList()),
                new Group(text.groups().get("gp") + ":", Stream.of("weakness", "walking-pain", "new-medicine",
                        "fluid-loss", "swelling", "balance").map(id -> lines.get(id).text()).toList()));
        return first ? new Doctor(text.nowHeadings().get("gp"), now, groups, true)
                : new Doctor(text.heading(), List.of(), groups, false);
    }

    /** A doctor box far taller than a page: five groups of twelve numbered signs. */
    static Doctor tallDoctor() {
        List<Group> groups = IntStream.rangeClosed(1, 5).mapToObj(g -> new Group("Group " + g + " of signs:",
                IntStream.rangeClosed(1, 12).mapToObj(i -> "sign " + g + "." + i
                        + ": your legs or feet feel numb or tingle, or a cramp will not ease when you stretch").toList()))
                .toList();
        return new Doctor("When to get medical help", List.of("You told us your legs or feet feel numb or tingle."),
                groups, true);
    }

    static Alert cleared() {
        return new Alert("Your doctor checked this on 2 March 2026. If it comes back, get medical help the same day.",
                List.of("Swelling in one calf", "Numbness or tingling in the legs or feet"));
    }

    static DoctorSheet sheet(String name) {
        return sheet(name, LETTERHEAD);
    }

    /** The sheet at its longest: three symptoms, every kind of thing to tell, two emergency signs. */
    static DoctorSheet sheet(String name, Letterhead head) {
        PlanText text = (templates == null ? templates() : templates).plan();
        var sheet = text.seeADoctor();
        Map<String, DoctorLine> lines = text.doctor().lines().stream().collect(Collectors.toMap(DoctorLine::id, l -> l));
        return new DoctorSheet(sheet.title(), TODAY, head, name, sheet.intro().replace("{date}", "3 March 2026"),
                List.of("Swelling in one calf", "Warmth or redness in one calf", "Numbness or tingling in the legs or feet"),
                sheet.why(), sheet.noHomeCare(), sheet.tellHeading(),
                List.of(sheet.tell().symptoms().replace("{date}", "3 March 2026"),
                        sheet.tell().medicines().replace("{medicines}", "Eliquis 5 mg twice a day; Lipitor 20 mg daily"),
                        sheet.tell().conditions().replace("{conditions}", "Diabetes; High blood pressure"),
                        sheet.tell().surgeries().replace("{surgeries}", "Knee replacement, 2 February 2026"),
                        sheet.tell().bring()),
                new Group(sheet.emergencyHeading() + ":", List.of(lines.get("breathless").text(),
                        lines.get("bleeding-emergency").text())),
                sheet.clinic().replace("{clinic}", head.clinicName()).replace("{phone}", head.phone()), List.of());
    }

    static String sixHundredCharacters() {
        return "Keep up the calf stretches every night and bring your log next time. Try a warm shower before bed on"
                + " the nights after long shifts. We will review your progress in two weeks and adjust the stretches"
                + " if the cramps have not eased. If the ball on the calf feels too strong, use your hands instead."
                + " Walk a little every day, even on the days you feel tired, and try to keep your legs moving when"
                + " you sit for a long time. Write down anything that seems to bring the cramps on, such as a new"
                + " medicine, a long drive or a hot day, so that we can talk about it at your next visit. Please"
                + " bring the shoes you wear most, too.";
    }

    /** About 4,000 characters of short sentences, each one numbered so it can be found whole. */
    static String longNote() {
        return IntStream.rangeClosed(1, 40).mapToObj(i -> "Note " + i + ": keep up the stretches, walk a little each"
                + " day, and write down what seems to bring the cramps on before your next visit.")
                .collect(Collectors.joining(" "));
    }
}
