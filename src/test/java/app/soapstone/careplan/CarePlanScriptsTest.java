package app.soapstone.careplan;

import app.soapstone.careplan.CarePlan.Letterhead;
import app.soapstone.pdf.DrawnFonts;
import app.soapstone.pdf.Paper;
import app.soapstone.pdf.PdfFonts;
import app.soapstone.pdf.PdfPages;
import app.soapstone.pdf.PdfPages.Glyph;
import app.soapstone.pdf.PdfPages.Line;
import app.soapstone.pdf.PdfPages.Page;
import app.soapstone.pdf.Print;
import app.soapstone.pdf.TestFonts;
import app.soapstone.validation.InvalidInputException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.text.Normalizer;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Care plans and see-a-doctor sheets for clients whose names and notes are in Chinese, Arabic,
 * Hebrew, Devanagari and Vietnamese, printed with the bundled fonts and the Noto fonts, read back
 * with PDFBox: the text comes back in reading order, every glyph is in an embedded font and maps
 * to its characters, and right-to-left text runs and aligns as it should.
 */
class CarePlanScriptsTest {

    private static final Letterhead LETTERHEAD = CarePlanPdfTest.LETTERHEAD;
    private static CarePlanPdf pdf;

    @BeforeAll
    static void setUp() {
        pdf = new CarePlanPdf(TestFonts.withNoto());
    }

    @ParameterizedTest
    @ValueSource(strings = {"王秀英", "فاطمة الزهراء", "דוד כהן", "अनीता शर्मा", "Nguyễn Thị Ánh"})
    void aNameComesBackFromThePlanAndTheSheetInReadingOrder(String name) throws IOException {
        CarePlan plan = CarePlanPdfTest.full().name(name).note(name).build();
        Letterhead head = new Letterhead(name, LETTERHEAD.address(), LETTERHEAD.phone(), null, null, name);

        for (Handout handout : List.of(plan, CarePlanPdfTest.sheet(name, head))) {
            byte[] bytes = pdf.render(handout, Paper.A4, Print.STANDARD);
            String text = text(bytes);

            assertThat(text).as("the letterhead").contains("For " + name + "\n");
            assertThat(text.lines()).as("the clinic, the practitioner and the footer of each page")
                    .filteredOn(line -> line.strip().equals(name) || line.contains("·") && line.contains(name))
                    .hasSizeGreaterThanOrEqualTo(3);
            DrawnFonts.assertEveryGlyphIsEmbeddedAndMapped(bytes);
        }
    }

    @Test
    void aFooterStartingWithAnArabicNameRunsLeftToRightLikeThePage() throws IOException {
        String name = "فاطمة الزهراء";
        byte[] bytes = pdf.render(CarePlanPdfTest.full().name(name).build(), Paper.A4, Print.STANDARD);

        Page first = PdfPages.read(bytes).pages().getFirst();
        Line footer = first.lines().stream().filter(l -> l.text().contains("page 1 of")).findFirst().orElseThrow();
        float lastArabic = footer.glyphs().stream().filter(CarePlanScriptsTest::arabic).map(g -> g.x())
                .max(Float::compare).orElseThrow();
        float page = footer.glyphs().stream().filter(g -> g.text().equals("p")).map(g -> g.x())
                .max(Float::compare).orElseThrow();
        assertThat(lastArabic).as("the name first, on the left").isLessThan(page);
        assertThat(footer.x()).as("left-aligned").isLessThan(first.width() / 4);
    }

    @Test
    void aLineMixingLatinAndArabicReadsInOrderWithTheArabicRightToLeft() throws IOException {
        String mixed = "Plan: stretch 3 x 30 s, مرتين يوميا";
        byte[] bytes = pdf.render(CarePlanPdfTest.full().note(mixed).build(), Paper.A4, Print.STANDARD);

        assertThat(text(bytes)).contains(mixed + "\n");
        Line line = lineStarting(PdfPages.read(bytes), "Plan:");
        List<Glyph> glyphs = line.glyphs();
        float lastLatin = glyphs.stream().filter(g -> g.text().matches("[A-Za-z0-9,:]")).map(g -> g.x())
                .max(Float::compare).orElseThrow();
        float firstArabic = glyphs.stream().filter(CarePlanScriptsTest::arabic).map(g -> g.x())
                .min(Float::compare).orElseThrow();
        assertThat(firstArabic).as("the Arabic follows the Latin on the right").isGreaterThan(lastLatin);
        assertThat(visualArabic(glyphs)).as("left to right on the page, the Arabic is its reading order backwards")
                .isEqualTo(new StringBuilder("مرتينيوميا").reverse().toString());
    }

    @ParameterizedTest
    @EnumSource(Paper.class)
    void aNoteInArabicIsRightAlignedAndALatinOneLeftAligned(Paper paper) throws IOException {
        String arabic = "مدد عضلة الساق مرتين يوميا لمدة ثلاثين ثانية.";
        byte[] bytes = pdf.render(CarePlanPdfTest.full().note(arabic + "\nStretch twice a day.").build(), paper,
                Print.STANDARD);
        Page last = PdfPages.read(bytes).pages().stream()
                .filter(p -> p.lines().stream().anyMatch(l -> l.text().startsWith("A note from your therapist")))
                .findFirst().orElseThrow();
        Line heading = lineStarting(last, "A note from your therapist");
        float left = heading.x();
        float right = last.width() - left;

        Line note = last.lines().get(last.lines().indexOf(heading) + 1);
        Glyph end = note.glyphs().getLast();
        assertThat(end.x() + end.width()).as(note.toString()).isCloseTo(right, within(1.5f));
        assertThat(note.x()).isGreaterThan(left + 20);
        Line latin = lineStarting(PdfPages.read(bytes), "Stretch twice a day.");
        assertThat(latin.x()).isCloseTo(left, within(0.5f));
    }

    @Test
    void anArabicListItemHasItsBulletOnTheRightOnTheBaselineOfItsText() throws IOException {
        String arabic = "تورم في ربلة الساق";
        DoctorSheet sheet = CarePlanPdfTest.sheet(CarePlanPdfTest.NAME);
        sheet = new DoctorSheet(sheet.title(), sheet.date(), sheet.letterhead(), sheet.clientName(), sheet.intro(),
                List.of("Swelling in one calf", arabic), sheet.why(), sheet.noHomeCare(), sheet.tellHeading(),
                sheet.tell(), sheet.emergency(), sheet.contact(), sheet.adaptations());
        Page page = PdfPages.read(pdf.render(sheet, Paper.A4, Print.STANDARD)).page(1);
        float left = lineStarting(page, sheet.title()).x();

        Line latin = lineStarting(page, "• Swelling in one calf");
        Line item = page.lines().get(page.lines().indexOf(latin) + 1);
        Glyph bullet = item.glyphs().getLast();
        float arabicEnd = (float) item.glyphs().stream().filter(CarePlanScriptsTest::arabic)
                .mapToDouble(g -> g.x() + g.width()).max().orElseThrow();
        assertThat(bullet.text()).as(item.toString()).isEqualTo("•");
        assertThat(bullet.x() + bullet.width()).isCloseTo(page.width() - left, within(1.5f));
        assertThat(bullet.x()).isGreaterThan(arabicEnd + 5);
        assertThat(item.glyphs()).allSatisfy(g -> assertThat(g.y()).isCloseTo(bullet.y(), within(0.1f)));
        assertThat(latin.glyphs().getFirst().x()).as("a left-to-right item keeps its bullet on the left")
                .isCloseTo(left, within(0.5f));
    }

    @Test
    void thaiIsBrokenBetweenWordsAndKeepsItsMarks() throws IOException {
        String thai = "ยืดกล้ามเนื้อน่องวันละสองครั้ง ครั้งละสามสิบวินาที ก่อนนอนดื่มน้ำหนึ่งแก้ว".repeat(3);
        byte[] bytes = pdf.render(CarePlanPdfTest.full().note(thai).build(), Paper.A4, Print.STANDARD);

        assertThat(squash(text(bytes))).contains(squash(thai));
        DrawnFonts.assertEveryGlyphIsEmbeddedAndMapped(bytes);
    }

    @Test
    void withoutFallbackFontsALatinPlanUsesOnlyTheBundledFonts() throws IOException {
        PdfFonts fonts = new PdfFonts();
        byte[] bytes = new CarePlanPdf(fonts).render(CarePlanPdfTest.full().build(), Paper.A4, Print.STANDARD);

        assertThat(DrawnFonts.of(bytes).fonts()).allMatch(name -> name.contains("Liberation"));
    }

    @Test
    void theRendererRefusesACharacterNoFontHasRatherThanDropIt() {
        CarePlanPdf bundledOnly = new CarePlanPdf(new PdfFonts());
        CarePlan plan = CarePlanPdfTest.full().name("王秀英").build();

        assertThatThrownBy(() -> bundledOnly.render(plan, Paper.A4, Print.STANDARD))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Cannot print the text \"王秀英\": 王 (U+738B ");
    }

    // ---------------------------------------------------------------- helpers

    private static String text(byte[] bytes) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String squash(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static Line lineStarting(PdfPages pages, String start) {
        return pages.pages().stream().flatMap(p -> p.lines().stream()).filter(l -> l.text().startsWith(start))
                .findFirst().orElseThrow(() -> new AssertionError("no line starts with " + start));
    }

    private static Line lineStarting(Page page, String start) {
        return page.lines().stream().filter(l -> l.text().startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starts with " + start + " on " + page.lines()));
    }

    private static boolean arabic(Glyph glyph) {
        return !glyph.text().isEmpty()
                && Character.UnicodeScript.of(glyph.text().codePointAt(0)) == Character.UnicodeScript.ARABIC;
    }

    /** The Arabic glyphs of a line left to right, as the letters they are (joined forms read as letters). */
    private static String visualArabic(List<Glyph> glyphs) {
        StringBuilder text = new StringBuilder();
        glyphs.stream().filter(CarePlanScriptsTest::arabic)
                .forEach(g -> text.append(Normalizer.normalize(g.text(), Normalizer.Form.NFKC)));
        return text.toString();
    }
}
