package app.soapstone.careplan;

import app.soapstone.screening.Level;
import app.soapstone.screening.ScreeningRules;
import app.soapstone.template.InvalidTemplateException;
import app.soapstone.template.TemplateFiles;
import app.soapstone.vocabulary.DoseWords;
import app.soapstone.vocabulary.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The care-plan rules file as data: every PRECAUTION or REFER finding the screening can raise has
 * a declared plan consequence, and a clinic's broken override is refused with the file and line
 * of the problem; a valid one changes the plan.
 */
class PlanRulesTest {

    private static final String RULES_FILE = "screening/care-plan-rules.yaml";
    private static final String PLAN_FILE = "careplan/plan.yaml";

    @TempDir
    Path overrides;

    // ---------------------------------------------------------------- the bundled rules

    /**
     * Read from the YAML itself, not through the loader, so this fails if a precaution or
     * referral gets no rule even if the loader's own check were broken.
     */
    @Test
    void everyPrecautionOrReferralTheScreeningCanRaiseHasAPlanConsequence() throws IOException {
        List<String> declared = new ArrayList<>();
        for (JsonNode rule : yaml(RULES_FILE).path("rules")) {
            rule.path("when").properties().forEach(e -> declared.add(e.getKey() + ": " + e.getValue().asString()));
            assertThat(rule.has("none") || rule.has("says")).as(rule.toString()).isTrue();
        }
        List<ScreeningRules.Possible> serious = Profile.RULES.possibleFindings().stream()
                .filter(p -> p.level() != Level.NOTE).toList();

        assertThat(serious).hasSizeGreaterThan(25);
        for (ScreeningRules.Possible finding : serious) {
            assertThat(declared).as("a plan rule for %s: %s (%s)", finding.kind(), finding.id(), finding.level())
                    .contains(finding.kind() + ": " + finding.id());
        }
    }

    @Test
    void everyUrgentRedFlagGivesTheSheetAndNoRoutineOneDoes() throws IOException {
        for (JsonNode rule : yaml(RULES_FILE).path("rules")) {
            String redFlag = rule.path("when").path("red-flag").asString(null);
            if (redFlag != null) {
                boolean urgent = Profile.RULES.redFlag(redFlag).orElseThrow().urgent();
                assertThat(rule.path("sheet").asString(null)).as(redFlag)
                        .isEqualTo(urgent ? PlanRules.SEE_A_DOCTOR_TODAY : null);
            }
        }
    }

    @Test
    void theBundledRulesLoad() {
        PlanRules rules = new PlanRules(Profile.FILES, Profile.RULES, Profile.TEMPLATES);
        rules.load();

        assertThat(rules.uses()).containsKeys("heat", "cold", "ball-or-roller", "deep-kneading", "standing",
                "potassium-foods", "generic-hydration");
    }

    // ---------------------------------------------------------------- broken overrides name the file and line

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown use           | withhold: [heat, cold, ball-or-roller]\\n    cautions: [foot-check, test-water, no-direct-heat] | withhold: [heat, hot-tub]\\n    cautions: [foot-check, test-water, no-direct-heat] | use 'hot-tub'
            unknown caution       | cautions: [bruising]                                    | cautions: [bruises]                                  | caution 'bruises'
            unknown contact       | contacts: [midwife]                                     | contacts: [doula]                                    | contact 'doula'
            unknown doctor line   | doctor: [heart-weight-gain]                             | doctor: [heart-attack]                               | doctor line 'heart-attack'
            unknown condition     | when: { condition: osteoporosis }                       | when: { condition: brittle-bones }                   | condition 'brittle-bones'
            unknown class         | when: { medication-class: digoxin }                     | when: { medication-class: cardiac-glycoside }        | medication class 'cardiac-glycoside'
            unknown extra item    | add: [drink-to-thirst]                                  | add: [sports-drink]                                  | extra item 'sports-drink'
            now without wording   | now: [fluid-loss]                                       | now: [swelling]                                      | has no now wording
            sheet on routine flag | now: [new-medicine]                                     | sheet: see-a-doctor-today                            | urgent red flags only
            none with more        | none: a note for tracking cramps; it changes no home care | none: see above\\n    cautions: [bruising]    | changes nothing else
            """)
    void aBrokenRuleIsAnErrorNamingTheFileAndLine(String name, String bundled, String broken, String message)
            throws IOException {
        assertRefusedAtItsLine(RULES_FILE, bundled, broken, message);
    }

    @Test
    void aPrecautionWithoutARuleIsRefusedNamingItsFile() throws IOException {
        String text = bundledText(RULES_FILE);
        Path file = write(RULES_FILE, text.replace("""
                  - when: { condition: osteoporosis }
                    says: Fragile bones - no ball or roller, gentle pressure only
                    withhold: [ball-or-roller, deep-kneading]
                    cautions: [gentle-pressure]
                """, ""));

        assertThatThrownBy(this::load).isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("no rule for condition: osteoporosis, a PRECAUTION in bundled:templates/screening/conditions.yaml");
    }

    @Test
    void aClinicsNewPrecautionNeedsARuleToo() throws IOException {
        write("screening/conditions.yaml", bundledText("screening/conditions.yaml") + """
                  - id: lymphoedema
                    label: Lymphoedema
                    flag:
                      level: precaution
                      title: Lymphoedema
                      reason: Light strokes only, towards the working lymph nodes.
                """);

        assertThatThrownBy(this::load).isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining("no rule for condition: lymphoedema")
                .hasMessageContaining(overrides.resolve("screening/conditions.yaml").toString());
    }

    @Test
    void anUrgentRedFlagWithoutTheSheetIsRefused() throws IOException {
        String text = bundledText(RULES_FILE);
        write(RULES_FILE, text.replace("""
                  - when: { red-flag: cramp-over-10-minutes }
                    sheet: see-a-doctor-today
                """, """
                  - when: { red-flag: cramp-over-10-minutes }
                    doctor: [long-cramp]
                """));

        assertThatThrownBy(this::load).isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining("the urgent red flag 'cramp-over-10-minutes' needs a rule with sheet: see-a-doctor-today");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown use     | uses: [heat, cold]\\n      instead: warm-shower-tested | uses: [heat, sauna]\\n      instead: warm-shower-tested | use 'sauna'
            unknown instead | instead: ask-pharmacist                                  | instead: ask-the-chemist                                | item 'ask-the-chemist'
            not extra       | instead: stand-holding-on                                | instead: rub-gently                                     | needs extra: true
            """)
    void aBrokenPlanItemIsAnErrorNamingThePlanFileAndLine(String name, String bundled, String broken, String message)
            throws IOException {
        assertRefusedAtItsLine(PLAN_FILE, bundled, broken, message);
    }

    // ---------------------------------------------------------------- a clinic's own rule

    @Test
    void aClinicCanAddARuleAndThePlanFollowsIt() throws IOException {
        write(RULES_FILE, bundledText(RULES_FILE).replace("""
                  - when: { condition: osteoarthritis }
                    none: positioning in the clinic; home stretches stay within comfortable range
                """, """
                  - when: { condition: osteoarthritis }
                    says: Clinic policy - seated stretches for osteoarthritis
                    withhold: [standing]
                """));
        TemplateFiles files = new TemplateFiles(overrides.toString());
        Vocabulary vocabulary = new Vocabulary(files);
        ScreeningRules rules = new ScreeningRules(files, vocabulary);
        CarePlanTemplates templates = new CarePlanTemplates(files, vocabulary, rules);
        CarePlanComposer composer = new CarePlanComposer(templates, new PlanRules(files, rules, templates), rules,
                new DoseWords(files));

        CarePlan plan = (CarePlan) composer.compose(Profile.client().age(50).conditions("osteoarthritis").inputs(),
                PlanOptions.none());

        assertThat(plan.stretches().items()).extracting(CarePlanTemplates.Stretch::position).doesNotContain("standing");
        assertThat(plan.adaptations()).containsExactly("Clinic policy - seated stretches for osteoarthritis:"
                + " Osteoarthritis (intake v2)");
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Overrides {@code path} with the bundled copy where {@code bundled} is replaced by {@code broken}
     * ("\\n" for a new line), and checks the error names the file and the line of the change.
     */
    private void assertRefusedAtItsLine(String path, String bundled, String broken, String message) throws IOException {
        String text = bundledText(path);
        String from = bundled.strip().replace("\\n", "\n");
        String to = broken.strip().replace("\\n", "\n");
        assertThat(text).as("the bundled file holds the text this test changes").contains(from);
        String changed = text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        Path file = write(path, changed);
        int line = lineAt(changed, text.indexOf(from));

        assertThatThrownBy(this::load).isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining(file + " line ")
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(lineIn(e.getMessage())).as(e.getMessage()).isBetween(line - 3, line + 1));
    }

    private void load() {
        TemplateFiles files = new TemplateFiles(overrides.toString());
        Vocabulary vocabulary = new Vocabulary(files);
        ScreeningRules rules = new ScreeningRules(files, vocabulary);
        new PlanRules(files, rules, new CarePlanTemplates(files, vocabulary, rules)).load();
    }

    private Path write(String path, String text) throws IOException {
        Path file = overrides.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** The line number (from 1) of the character at {@code index}. */
    private static int lineAt(String text, int index) {
        return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }

    private static int lineIn(String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(" line (\\d+)").matcher(message);
        if (!m.find()) {
            throw new AssertionError("no line number in: " + message);
        }
        return Integer.parseInt(m.group(1));
    }

    private static String bundledText(String path) throws IOException {
        try (InputStream in = PlanRulesTest.class.getClassLoader().getResourceAsStream("templates/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode yaml(String path) throws IOException {
        try (InputStream in = PlanRulesTest.class.getClassLoader().getResourceAsStream("templates/" + path)) {
            return YAMLMapper.builder().build().readTree(in);
        }
    }
}
