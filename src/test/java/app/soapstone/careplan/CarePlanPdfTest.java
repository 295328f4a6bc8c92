package app.soapstone.careplan;

import app.soapstone.careplan.CarePlan.Letterhead;
import app.soapstone.careplan.CarePlan.Point;
import app.soapstone.careplan.CarePlanPdf.Paper;
import app.soapstone.careplan.CarePlanTemplates.Stretch;
import app.soapstone.careplan.CarePlanTemplates.Technique;
import app.soapstone.screening.Screening;
import app.soapstone.screening.ScreeningRules;
import app.soapstone.template.TemplateFiles;
import app.soapstone.vocabulary.Vocabulary;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PDF as a client gets it, read back with an independent reader (PDFBox): the names in any
 * script, every section's key lines, referrals on page 1, the paper size, one or two pages,
 * document properties and embedded fonts. Also that {@code plan preview} says the same.
 */
class CarePlanPdfTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final LocalDateTime NEXT = LocalDateTime.of(2026, 3, 24, 9, 30);
    private static final String NOTE = "Keep up the calf stretches every night and bring your log next time."
            + " Try a warm shower before bed on the nights after long shifts; we will review your progress in two weeks.";

    private static ScreeningRules rules;
    private static CarePlanComposer composer;
    private static List<String> askPrescriber;
    private static CarePlanPdf pdf;

    @BeforeAll
    static void setUp() {
        TemplateFiles files = new TemplateFiles("");
        Vocabulary vocabulary = new Vocabulary(files);
        rules = new ScreeningRules(files, vocabulary);
        composer = new CarePlanComposer(new CarePlanTemplates(files, vocabulary, rules), rules);
        askPrescriber = new Screening(rules, vocabulary).askPrescriber(
                List.of("Lipitor 20 mg daily", "Eliquis 5mg bd", "Lasix 40 mg mane"));
        pdf = new CarePlanPdf(new PdfFonts());
    }

    // ---------------------------------------------------------------- names in any script

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void theClientsNameInAnyScriptIsInTheText(String name, String clinic, String practitioner) throws IOException {
        CarePlan plan = composer.compose(inputs(name, clinic, practitioner, List.of(), null), PlanOptions.none());

        try (PDDocument document = Loader.loadPDF(pdf.render(plan, Paper.A4))) {
            String firstPage = text(document, 1, 1);
            assertThat(firstPage).contains(name).contains(clinic).contains(practitioner);
            assertThat(document.getDocumentInformation().getTitle()).contains(name);
            assertThat(document.getDocumentInformation().getAuthor()).isEqualTo(practitioner);
        }
    }

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("Zoë Łukasiewicz", "Bondi Body Works", "Sam Jones, RMT"),
                Arguments.of("Анна Петрова", "Массаж на Невском", "Ольга Смирнова, массажист"),
                Arguments.of("Ζωή Παπαδοπούλου", "Ηλιος Μασάζ", "Νίκος Γεωργίου, RMT"));
    }

    // ---------------------------------------------------------------- what the text says

    @Test
    void everySectionsKeyLinesAreInTheText() throws IOException {
        CarePlan plan = fullPlan(List.of("one-sided-calf-swelling", "numbness-tingling"), PlanOptions.none());

        try (PDDocument document = Loader.loadPDF(pdf.render(plan, Paper.A4))) {
            String all = squash(text(document, 1, document.getNumberOfPages()));

            assertThat(plan.stretches().items()).hasSize(4);
            assertThat(plan.selfMassage().items()).hasSize(3);
            for (String line : keyLines(plan)) {
                assertThat(all).as(line).contains(squash(line));
            }
            assertThat(all).contains(squash(plan.hydration().target()))
                    .contains(squash("6-8 glasses (about 1.5-2 litres)"))
                    .contains(squash("You told us you drink about 4 glasses a day."));
            for (Stretch stretch : plan.stretches().items()) {
                assertThat(all).contains(squash(stretch.title()));
                for (String step : stretch.steps()) {
                    assertThat(all).as(stretch.id()).contains(squash(step));
                }
                assertThat(all).contains(squash(stretch.caution()));
            }
            for (Technique technique : plan.selfMassage().items()) {
                assertThat(all).contains(squash(technique.title())).contains(squash(technique.howLong()));
            }
            assertThat(all).contains(squash(plan.doctor().heading()))
                    .contains(squash(rules.redFlag("cramps-when-walking").orElseThrow().plain()));
            assertThat(all).contains(squash("Lipitor 20 mg daily, Lasix 40 mg mane"))
                    .contains(squash("whether your medicine could be linked to your cramps"));
            assertThat(all).contains(squash("Tuesday 24 March 2026 at 09:30")).contains(squash(NOTE));
            for (String column : plan.log().columns()) {
                assertThat(all).contains(squash(column));
            }
        }
    }

    @Test
    void aFluidRestrictionPrintsTheDoctorsAdviceInsteadOfTheTarget() throws IOException {
        PlanInputs in = inputs("Zoë Łukasiewicz", List.of("calf"), List.of("heart-failure"), List.of(), List.of(), null);
        CarePlan plan = composer.compose(in, new PlanOptions(null, 3.0, null));

        try (PDDocument document = Loader.loadPDF(pdf.render(plan, Paper.A4))) {
            String all = squash(text(document, 1, document.getNumberOfPages()));

            assertThat(all).contains(squash("Follow your doctor's advice on fluids"))
                    .doesNotContain(squash("glasses (about")).doesNotContain(squash("3 litres"))
                    .contains(squash(plan.log().columns().get(2)));
        }
    }

    @Test
    void theWaterOptionIsPrinted() throws IOException {
        CarePlan plan = composer.compose(inputs("Zoë Łukasiewicz", List.of("calf"), List.of(), List.of(), List.of(), null),
                new PlanOptions(null, 2.5, null));

        try (PDDocument document = Loader.loadPDF(pdf.render(plan, Paper.A4))) {
            assertThat(squash(text(document, 1, document.getNumberOfPages())))
                    .contains(squash(plan.hydration().target())).contains(squash("2.5 litres (about 10 glasses)"));
        }
    }

    @ParameterizedTest
    @EnumSource(Paper.class)
    void referralsAreAtTheTopOfTheFirstPage(Paper paper) throws IOException {
        CarePlan plan = fullPlan(List.of("calf-warmth-redness", "muscle-weakness"), PlanOptions.none());

        try (PDDocument document = Loader.loadPDF(pdf.render(plan, paper))) {
            // In reading order, top to bottom (the content stream holds the tables' text last).
            String firstPage = squash(sortedText(document, 1));

            assertThat(plan.alerts()).hasSize(2);
            int stretches = firstPage.indexOf(squash(plan.stretches().heading()));
            for (CarePlan.Alert alert : plan.alerts()) {
                int heading = firstPage.indexOf(squash(alert.heading()));
                assertThat(heading).as(alert.heading()).isNotNegative();
                assertThat(firstPage.indexOf(squash(alert.text()), heading)).as(alert.text()).isPositive();
                assertThat(heading).as("before the stretches").isLessThan(stretches);
            }
            assertThat(firstPage.indexOf(squash(plan.alerts().get(0).heading())))
                    .isLessThan(firstPage.indexOf(squash(plan.intro())));
        }
    }

    @Test
    void aClearedReferralSaysWhenItWasCleared() throws IOException {
        PlanInputs in = inputs("Zoë Łukasiewicz", List.of("calf"), List.of(), List.of("one-sided-calf-swelling"),
                List.of(), LocalDate.of(2026, 3, 2));
        CarePlan plan = composer.compose(in, PlanOptions.none());

        try (PDDocument document = Loader.loadPDF(pdf.render(plan, Paper.A4))) {
            assertThat(squash(text(document, 1, 1))).contains(squash("checked this on 2 March 2026"))
                    .contains(squash(plan.alerts().get(0).text()));
        }
    }

    // ---------------------------------------------------------------- paper, pages, properties, fonts

    @ParameterizedTest
    @EnumSource(Paper.class)
    void thePageSizeIsThePaperAsked(Paper paper) throws IOException {
        float[] expected = paper == Paper.A4 ? new float[] {595, 842} : new float[] {612, 792};

        try (PDDocument document = Loader.loadPDF(pdf.render(fullPlan(List.of(), PlanOptions.none()), paper))) {
            for (PDPage page : document.getPages()) {
                PDRectangle box = page.getMediaBox();
                assertThat(box.getWidth()).isCloseTo(expected[0], org.assertj.core.data.Offset.offset(0.5f));
                assertThat(box.getHeight()).isCloseTo(expected[1], org.assertj.core.data.Offset.offset(0.5f));
            }
        }
    }

    @ParameterizedTest(name = "{0}, referrals {1}")
    @MethodSource("fullPlans")
    void aFullPlanFitsOnOneOrTwoPages(Paper paper, List<String> redFlags) throws IOException {
        CarePlan plan = fullPlan(redFlags, PlanOptions.none());

        assertThat(plan.stretches().items()).hasSize(4);
        assertThat(plan.selfMassage().items()).hasSize(3);
        assertThat(plan.progress()).isNotNull();
        assertThat(plan.next().note()).isNotNull();
        try (PDDocument document = Loader.loadPDF(pdf.render(plan, paper))) {
            assertThat(document.getNumberOfPages()).isBetween(1, 2);
            // Whatever was done to fit, nothing was left out.
            String all = squash(text(document, 1, document.getNumberOfPages()));
            for (String line : keyLines(plan)) {
                assertThat(all).as(line).contains(squash(line));
            }
        }
    }

    static Stream<Arguments> fullPlans() {
        List<List<String>> referrals = List.of(List.of(), List.of("one-sided-calf-swelling", "numbness-tingling"),
                List.of("one-sided-calf-swelling", "cramp-over-10-minutes", "numbness-tingling", "cramps-when-walking"));
        return Stream.of(Paper.values()).flatMap(paper -> referrals.stream().map(r -> Arguments.of(paper, r)));
    }

    @Test
    void aPlanThatFitsIsInTheFullSizeType() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.render(fullPlan(List.of(), PlanOptions.none()), Paper.A4))) {
            Map<Float, Integer> sizes = fontSizes(document);

            assertThat(document.getNumberOfPages()).isBetween(1, 2);
            assertThat(mostUsed(sizes)).as("body text, of " + sizes).isEqualTo(11f);
            assertThat(sizes.keySet().stream().max(Float::compare).orElseThrow()).as("the title").isEqualTo(20f);
        }
    }

    @Test
    void aPlanMadeToFitStaysReadable() throws IOException {
        CarePlan plan = fullPlan(List.of("one-sided-calf-swelling", "cramp-over-10-minutes", "numbness-tingling",
                "cramps-when-walking"), PlanOptions.none());

        try (PDDocument document = Loader.loadPDF(pdf.render(plan, Paper.LETTER))) {
            Map<Float, Integer> sizes = fontSizes(document);

            assertThat(document.getNumberOfPages()).isBetween(1, 2);
            assertThat(mostUsed(sizes)).as("body text, of " + sizes).isBetween(8.8f, 11f);
        }
    }

    @ParameterizedTest
    @EnumSource(Paper.class)
    void theFourLongestStretchesFitOnTwoPagesToo(Paper paper) throws IOException {
        List<String> longest = new CarePlanTemplates(new TemplateFiles(""), new Vocabulary(new TemplateFiles("")), rules)
                .stretches().values().stream()
                .sorted(Comparator.comparingInt((Stretch s) -> String.join(" ", s.steps()).length() + s.caution().length()
                        + s.when().length()).reversed())
                .limit(4).map(Stretch::id).toList();
        CarePlan plan = fullPlan(List.of("one-sided-calf-swelling", "numbness-tingling"),
                new PlanOptions(longest, null, NEXT));

        try (PDDocument document = Loader.loadPDF(pdf.render(plan, paper))) {
            assertThat(document.getNumberOfPages()).isBetween(1, 2);
        }
    }

    @Test
    void titleAndAuthorAreSet() throws IOException {
        CarePlan plan = fullPlan(List.of(), PlanOptions.none());

        try (PDDocument document = Loader.loadPDF(pdf.render(plan, Paper.LETTER))) {
            PDDocumentInformation info = document.getDocumentInformation();
            assertThat(info.getTitle()).contains(plan.title()).contains("Zoë Łukasiewicz");
            assertThat(info.getAuthor()).isEqualTo("Sam Jones, RMT, Dip. Remedial Massage");
        }
    }

    @ParameterizedTest
    @EnumSource(Paper.class)
    void everyFontOnEveryPageIsEmbedded(Paper paper) throws IOException {
        CarePlan plan = fullPlan(List.of("one-sided-calf-swelling"), PlanOptions.none());

        try (PDDocument document = Loader.loadPDF(pdf.render(plan, paper))) {
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                collectFonts(page.getResources(), fonts, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
            }
            assertThat(fonts).isNotEmpty();
            assertThat(fonts).allSatisfy(font -> assertThat(font.isEmbedded()).as(font.getName()).isTrue());
            assertThat(fonts).extracting(PDFont::getName).allSatisfy(name -> assertThat(name).contains("Liberation"));
        }
    }

    @Test
    void theTextIsExtractableAndTheDocumentIsNotEncrypted() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.render(fullPlan(List.of(), PlanOptions.none()), Paper.A4))) {
            assertThat(document.isEncrypted()).isFalse();
            assertThat(document.getCurrentAccessPermission().canExtractContent()).isTrue();
            assertThat(text(document, 1, 1)).contains("Zoë Łukasiewicz");
        }
    }

    // ---------------------------------------------------------------- plan preview

    @Test
    void thePreviewSaysTheSameAsThePdf() throws IOException {
        CarePlan plan = fullPlan(List.of("one-sided-calf-swelling", "numbness-tingling"), PlanOptions.none());

        String preview = CarePlanText.render(plan);

        String lower = preview.toLowerCase(Locale.ROOT);
        for (String line : keyLines(plan)) {
            assertThat(lower).as(line).contains(line.toLowerCase(Locale.ROOT));
        }
        assertThat(preview).contains("Tuesday 24 March 2026 at 09:30").contains(NOTE);
        assertThat(preview.indexOf(plan.alerts().get(0).text())).isLessThan(preview.indexOf(plan.intro()));
        assertThat(preview.lines().filter(l -> l.contains("[ ]")).count()).isEqualTo(plan.log().nights());
        for (Point point : plan.progress().points()) {
            assertThat(preview).contains(point.date().toString());
        }
        try (PDDocument document = Loader.loadPDF(pdf.render(plan, Paper.A4))) {
            String all = squash(text(document, 1, document.getNumberOfPages())).toLowerCase(Locale.ROOT);
            for (String line : keyLines(plan)) {
                assertThat(all).as(line).contains(squash(line).toLowerCase(Locale.ROOT));
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Lines every rendering of {@code plan} must contain, section by section. */
    private static List<String> keyLines(CarePlan plan) {
        List<String> lines = new ArrayList<>();
        lines.add(plan.clientName());
        lines.add(plan.letterhead().clinicName());
        lines.add(plan.letterhead().phone());
        lines.add(plan.letterhead().practitioner());
        plan.alerts().forEach(a -> {
            lines.add(a.heading());
            lines.add(a.text());
        });
        lines.add(plan.hydration().heading());
        lines.add(plan.hydration().target());
        if (plan.hydration().current() != null) {
            lines.add(plan.hydration().current());
        }
        lines.add(plan.stretches().heading());
        plan.stretches().items().forEach(s -> lines.add(s.title()));
        lines.add(plan.selfMassage().heading());
        plan.selfMassage().items().forEach(t -> lines.add(t.title()));
        lines.add(plan.duringACramp().heading());
        lines.addAll(plan.duringACramp().items());
        lines.add(plan.foods().heading());
        lines.add(plan.foods().caution());
        lines.add(plan.doctor().heading());
        lines.addAll(plan.doctor().redFlags());
        lines.addAll(plan.doctor().personal());
        if (plan.progress() != null) {
            lines.add(plan.progress().heading());
        }
        lines.add(plan.log().heading());
        lines.add(plan.next().heading());
        if (plan.next().note() != null) {
            lines.add(plan.next().note());
        }
        return lines;
    }

    /** A plan with everything: four stretches, three techniques, a chart, the prescriber line, a note and a next visit. */
    private static CarePlan fullPlan(List<String> redFlags, PlanOptions options) {
        PlanInputs in = inputs("Zoë Łukasiewicz", List.of("calf", "foot", "hamstring"), List.of("diabetes"), redFlags,
                askPrescriber, null);
        PlanOptions withNext = new PlanOptions(options.stretches(), options.waterLitres(),
                options.next() == null ? NEXT : options.next());
        return composer.compose(in, withNext);
    }

    private static PlanInputs inputs(String name, String clinic, String practitioner, List<String> redFlags,
            LocalDate clearedOn) {
        return new PlanInputs(TODAY, name, 50, new Letterhead(clinic, "12 Beach Rd, Bondi NSW 2026", "02 9130 1234",
                null, null, practitioner), List.of("calf"), List.of(), redFlags, clearedOn, List.of(), 4.0, null,
                progress(), NOTE);
    }

    private static PlanInputs inputs(String name, List<String> regions, List<String> conditions, List<String> redFlags,
            List<String> ask, LocalDate clearedOn) {
        return new PlanInputs(TODAY, name, 50, new Letterhead("Bondi Body Works", "12 Beach Rd, Bondi NSW 2026",
                "02 9130 1234", "hello@bondi.example", "bondibodyworks.example", "Sam Jones, RMT, Dip. Remedial Massage"),
                regions, conditions, redFlags, clearedOn, ask, 4.0, null, progress(), NOTE);
    }

    private static List<Point> progress() {
        return List.of(new Point(TODAY.minusWeeks(10), 9), new Point(TODAY.minusWeeks(8), 7.5),
                new Point(TODAY.minusWeeks(5), 6), new Point(TODAY.minusWeeks(2), 3.5), new Point(TODAY, 2));
    }

    private static String text(PDDocument document, int from, int to) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(from);
        stripper.setEndPage(to);
        return stripper.getText(document);
    }

    /** One page's text by position on the page, top to bottom; columns side by side come out interleaved. */
    private static String sortedText(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }

    /**
     * The text without any whitespace: lines wrap at different places in the PDF (and at a
     * hyphen), so text is compared without its spacing.
     */
    private static String squash(String text) {
        return text.replaceAll("\\s+", "");
    }

    /** How many characters are set in each font size (in points, to a tenth). */
    private static Map<Float, Integer> fontSizes(PDDocument document) throws IOException {
        Map<Float, Integer> sizes = new HashMap<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) throws IOException {
                for (TextPosition position : positions) {
                    sizes.merge(Math.round(position.getFontSizeInPt() * 10) / 10f, 1, Integer::sum);
                }
                super.writeString(text, positions);
            }
        };
        stripper.getText(document);
        return sizes;
    }

    private static float mostUsed(Map<Float, Integer> sizes) {
        return sizes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /** The fonts of a page, including those of the drawings (form XObjects) on it. */
    private static void collectFonts(PDResources resources, List<PDFont> fonts, Set<Object> seen) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            fonts.add(resources.getFont(name));
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDFormXObject form && seen.add(form.getCOSObject())) {
                collectFonts(form.getResources(), fonts, seen);
            }
        }
    }
}
