package app.soapstone.careplan;

import app.soapstone.pdf.PdfFonts;
import app.soapstone.pdf.PdfPages;
import app.soapstone.pdf.Paper;
import app.soapstone.pdf.Print;
import app.soapstone.pdf.PdfPages.Line;
import app.soapstone.pdf.PdfPages.Page;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plans a clinic hands out, end to end: clients described as their intake records them,
 * screened by the real screening, composed with the bundled rules and printed, then read back from
 * the PDF with PDFBox - every text position - on A4 and Letter, in standard and large print. Each
 * profile says what must not be printed for that client (what the rules withhold), what must
 * (the replacement and the contacts), and how many pages the plan may take.
 */
class CarePlanProfilesTest {

    private static final CarePlanPdf PDF = new CarePlanPdf(new PdfFonts());

    /**
     * One client. {@code pages} is the most the plan may take in standard print; large print may
     * take one more. {@code absent} and {@code present} are compared case-insensitively with the
     * text's spacing squashed, so line breaks do not matter; an {@code absent} text starting with a
     * space (" bd") is a whole word.
     */
    record Case(String name, Profile client, int pages, List<String> absent, List<String> present) {

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case("suspected DVT, not cleared", Profile.client().age(68).regions("calf")
                        .redFlags("one-sided-calf-swelling").medications("Eliquis 5 mg bd", "Lipitor 20 mg nocte"), 1,
                        List.of("Your stretches", "Calf stretch against a wall", "Stroke and knead", "Ball on a tender spot",
                                "Self-massage", " bd", "nocte"),
                        List.of("Please see a doctor today", "Swelling of one calf", "Eliquis 5 mg twice a day",
                                "Lipitor 20 mg at night", "Call an ambulance if", "short of breath",
                                "Call Harbour Myotherapy on 02 9555 0100")),
                new Case("suspected DVT, cleared", Profile.client().age(68).regions("calf")
                        .redFlags("one-sided-calf-swelling").clearedOn(Profile.TODAY.minusDays(1)), 3,
                        List.of("Please see a doctor today"),
                        List.of("Your doctor checked this on 9 March 2026", "Swelling of one calf", "Your stretches")),
                new Case("warfarin and apixaban", Profile.client().age(70).regions("calf", "foot")
                        .medications("warfarin 3 mg mane", "Eliquis 5 mg bd"), 4,
                        List.of("ball", "knead", "roller", "Painkillers act too slowly"),
                        List.of("Stroke the calf gently", "Stroke the foot gently", "bruise", "anticoagulant clinic",
                                "coffee grounds", "which painkiller is safe")),
                new Case("neuropathy and warfarin", Profile.client().age(71).regions("calf", "foot")
                        .conditions("neuropathy").medications("warfarin 3 mg"), 4,
                        List.of("ball", "cold", "warm bath", "warm shower or bath", "knead"),
                        List.of("warm (not hot) shower", "elbow or a thermometer", "Check both feet every day",
                                "hot-water bottles", "anticoagulant clinic")),
                new Case("heart failure with a fluid restriction", Profile.client().age(74).regions("calf")
                        .conditions("heart-failure", "fluid-restriction").medications("Lasix 40 mg bd"), 3,
                        List.of("Drink enough", "glass with each meal", "urine", "Drink more", "Water target met",
                                "Daily target", "Bananas, oranges"),
                        List.of("Drink the amount of fluid your doctor, heart team or kidney team has advised",
                                "Fluids as your team advised?", "heart failure team", "2 kg",
                                "Lasix 40 mg twice a day", "salt substitute")),
                new Case("dialysis and spironolactone", Profile.client().age(66).regions("calf")
                        .conditions("kidney-disease", "dialysis").medications("spironolactone 25 mg", "ramipril 5 mg"), 3,
                        List.of("Bananas, oranges", "Drink more", "urine"),
                        List.of("ask your kidney team, dietitian, GP or pharmacist", "your kidney team or dietitian",
                                "Drink the amount of fluid")),
                new Case("pregnancy, third trimester", Profile.client().age(31).regions("calf").conditions("pregnancy"), 3,
                        List.of("ball", "knead", "over 55", "magnesium"),
                        List.of("common in pregnancy", "30 times", "your midwife or doctor",
                                "Ask your midwife or doctor before taking any supplement", "maternity unit",
                                "Stroke the calf gently")),
                new Case("25-year-old runner", Profile.client().age(25).regions("calf", "hamstring")
                        .timing(null).triggers("during long runs"), 4,
                        List.of("over 55", "night cramps", "Drink more when", "dehydrated"),
                        List.of("tired, overworked muscles", "Build up your training", "drink when you are thirsty",
                                "during or after exercise", "Exercised today?")),
                new Case("oldest client, most conditions", Profile.client().age(92).regions("calf", "foot", "thigh")
                        .conditions("diabetes", "osteoporosis", "balance-problems", "heart-failure",
                                "peripheral-artery-disease", "varicose-veins")
                        .medications("Lasix 40 mg mane", "Plavix 75 mg", "Lipitor 40 mg nocte")
                        .sleep(8, "session 14").progress(14, 12, 10, 9, 7)
                        .note("Keep the towel stretch going every evening; sit down to do it."), 5,
                        List.of("Calf stretch against a wall", "ball", "knead", "cold", "warm bath", "Drink more",
                                " mane", "nocte"),
                        List.of("Seated calf stretch with a towel", "Please see your GP about this",
                                "disturb your sleep", "Check both feet every day", "Lasix 40 mg in the morning",
                                "Lipitor 40 mg at night", "heart failure team")),
                new Case("stress: 12 medicines and 6 red flags", Profile.client().age(84)
                        .regions("calf", "foot", "thigh", "hamstring")
                        .redFlags("one-sided-calf-swelling", "numbness-tingling", "muscle-weakness", "cramps-when-walking",
                                "after-new-medicine", "after-fluid-loss")
                        .clearedOn(Profile.TODAY.minusDays(1))
                        .medications("Lipitor 20 mg nocte", "Lasix 40 mg bd", "Eliquis 5 mg bd", "Ventolin 2 puffs prn",
                                "Seretide 250 2 puffs bd", "spironolactone 25 mg mane", "ramipril 10 mg",
                                "Nurofen 400 mg tds prn", "Lanoxin 125 mcg", "Premarin 0.625 mg", "Aricept 10 mg nocte",
                                "Zocor 40 mg od")
                        .conditions("diabetes", "neuropathy", "heart-failure", "balance-problems").allergies("lanolin")
                        .surgery("left knee replacement", 5).sleep(9, "session 20")
                        .progress(20, 18, 14, 15, 12, 11, 9, 10, 8, 7, 7, 6, 5, 6, 5, 4, 4, 3, 3, 2)
                        .note("We will keep working on the calves gently. Please see your GP about the numbness"
                                + " before our next visit."), 5,
                        List.of("ball", "knead", "cold", "Bananas, oranges", "Drink more", "Calf stretch against a wall",
                                " bd", " tds", " prn", "nocte", " mane"),
                        List.of("Your doctor checked this on", "Please see your GP about this",
                                "Ventolin 2 puffs when needed", "Seretide 250 2 puffs twice a day", "Zocor 40 mg od",
                                "Check any oil or lotion against your allergies", "lanolin",
                                "risk of a blood clot in the legs stays higher", "coffee grounds",
                                "anticoagulant clinic", "heart failure team")));
    }

    static Stream<Arguments> renders() {
        return cases().stream().flatMap(c -> Stream.of(Print.values()).flatMap(print -> Stream.of(Paper.values())
                .map(paper -> Arguments.of(c, print, paper))));
    }

    @ParameterizedTest(name = "{0}, {1} print on {2}")
    @MethodSource("renders")
    void theProfilesPlanIsSafeForThemReadableAndWhole(Case c, Print print, Paper paper) {
        Handout handout = c.client().compose();
        PdfPages pages = PdfPages.read(PDF.render(handout, paper, print));
        String text = squash(pages.text());

        assertThat(pages.smallestSize()).as("smallest type").isGreaterThanOrEqualTo(print.minimum() - 0.01f);
        assertThat(pages.count()).as("pages").isBetween(1, print == Print.STANDARD ? c.pages() : c.pages() + 1);
        String words = pages.text().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        for (String withheld : c.absent()) {
            if (withheld.startsWith(" ")) {
                assertThat(words).as("withheld: " + withheld)
                        .doesNotContainPattern("\\b" + java.util.regex.Pattern.quote(withheld.strip().toLowerCase(Locale.ROOT)) + "\\b");
            } else {
                assertThat(text).as("withheld: " + withheld).doesNotContain(squash(withheld));
            }
        }
        for (String shown : c.present()) {
            assertThat(text).as("printed: " + shown).contains(squash(shown));
        }
        for (Page page : pages.pages()) {
            assertThat(squash(page.text())).as("footer of page " + page.number())
                    .contains(squash(CarePlanPdfTest.footerText(handout, page.number(), pages.count())));
            Line last = CarePlanPdfTest.lastAboveFooter(page, handout, pages.count());
            assertThat(last.bold() && last.maxSize() >= print.body() + 2.99f)
                    .as("page %d ends with the heading '%s'", page.number(), last.text()).isFalse();
        }
        if (handout instanceof CarePlan plan) {
            for (String whole : CarePlanPdfTest.wholeLines(plan)) {
                assertThat(pages.pages()).as("on one page: " + whole)
                        .anySatisfy(page -> assertThat(squash(page.text())).contains(squash(whole)));
            }
        }
    }

    /** Case and spacing left out: lines wrap at different places on A4, Letter and in large print. */
    private static String squash(String text) {
        return text.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}
