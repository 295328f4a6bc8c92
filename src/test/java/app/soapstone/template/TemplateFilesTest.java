package app.soapstone.template;

import app.soapstone.careplan.CarePlanTemplates;
import app.soapstone.screening.Level;
import app.soapstone.screening.ScreeningRules;
import app.soapstone.vocabulary.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading templates: the bundled copies, a clinic's override folder ({@code SOAPSTONE_TEMPLATES})
 * file by file, and the errors for a broken override, which must name the file.
 */
class TemplateFilesTest {

    private static final String RED_FLAGS = "screening/red-flags.yaml";
    private static final String CONDITIONS = "screening/conditions.yaml";
    private static final String MEDICATIONS = "screening/medications.yaml";
    private static final String RULES = "screening/rules.yaml";
    private static final String SITES = "vocabulary/body-sites.yaml";
    private static final String CONSENT = "vocabulary/consent-elements.yaml";

    record SitesFile(List<Map<String, String>> sites) {
    }

    @TempDir
    Path overrides;

    // ---------------------------------------------------------------- bundled copies

    @Test
    void withoutAnOverrideFolderEveryTemplateIsTheBundledCopy() {
        for (TemplateFiles templates : List.of(new TemplateFiles(""), new TemplateFiles("  "), new TemplateFiles(null))) {
            assertThat(templates.origin(RED_FLAGS)).isEqualTo("bundled:templates/" + RED_FLAGS);
            assertThat(templates.origin(SITES)).isEqualTo("bundled:templates/" + SITES);
        }
    }

    @Test
    void readsABundledTemplateIntoTheGivenType() {
        SitesFile sites = new TemplateFiles("").read(SITES, SitesFile.class);

        assertThat(sites.sites()).isNotEmpty();
        assertThat(sites.sites()).extracting(s -> s.get("id")).contains("calf-left", "calf-right");
    }

    @Test
    void aTemplateMissingFromTheApplicationIsReportedByName() {
        assertThatThrownBy(() -> new TemplateFiles("").read("screening/nothing-here.yaml", SitesFile.class))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining("screening/nothing-here.yaml")
                .hasMessageContaining("missing");
    }

    // ---------------------------------------------------------------- overrides

    @Test
    void anOverridingFileWinsAndOriginNamesIt() throws IOException {
        Path file = write(RED_FLAGS, """
                red-flags:
                  - id: hot-swollen-knee
                    label: Hot swollen knee
                    urgent: true
                    title: Possible septic joint
                    reason: Same-day medical assessment.
                """);
        TemplateFiles templates = new TemplateFiles(overrides.toString());

        assertThat(templates.origin(RED_FLAGS)).isEqualTo(file.toString());
        ScreeningRules rules = new ScreeningRules(templates, new Vocabulary(templates));
        assertThat(rules.redFlagIds()).containsExactly("hot-swollen-knee");
        assertThat(rules.redFlag("hot-swollen-knee").orElseThrow().urgent()).isTrue();
    }

    @Test
    void filesTheOverrideFolderDoesNotHoldStayBundled() throws IOException {
        write(SITES, """
                sites:
                  - { id: knee-left,  label: Left knee,  region: knee }
                  - { id: knee-right, label: Right knee, region: knee }
                """);
        TemplateFiles templates = new TemplateFiles(overrides.toString());

        assertThat(templates.origin(SITES)).isEqualTo(overrides.resolve(SITES).toString());
        assertThat(templates.origin(CONSENT)).isEqualTo("bundled:templates/" + CONSENT);
        assertThat(templates.origin(CONDITIONS)).isEqualTo("bundled:templates/" + CONDITIONS);
        Vocabulary vocabulary = new Vocabulary(templates);
        assertThat(vocabulary.siteIds()).containsExactly("knee-left", "knee-right");
        assertThat(vocabulary.consentElementIds()).isEqualTo(new Vocabulary(new TemplateFiles("")).consentElementIds());
        // The bundled screening files load alongside the overridden vocabulary.
        assertThat(new ScreeningRules(templates, new Vocabulary(templates)).conditionIds()).contains("diabetes");
    }

    @Test
    void anOverrideFolderThatDoesNotExistFallsBackToTheBundledCopies() {
        TemplateFiles templates = new TemplateFiles(overrides.resolve("not-there").toString());

        assertThat(templates.origin(RULES)).isEqualTo("bundled:templates/" + RULES);
        assertThat(new ScreeningRules(templates, new Vocabulary(templates)).redFlagIds()).contains("one-sided-calf-swelling");
    }

    @Test
    void anOverrideCanChangeAMedicationClass() throws IOException {
        write(MEDICATIONS, """
                classes:
                  - id: statin
                    label: Statin
                    level: precaution
                    reason: Clinic policy.
                ingredients:
                  - { name: atorvastatin, classes: [statin] }
                products:
                  - { name: Lipitor, contains: [atorvastatin], markets: [AU] }
                """);
        // The bundled conflicts refer to classes this override drops, so the clinic overrides them too.
        write("screening/modality-conflicts.yaml", """
                conflicts:
                  - when: { medication-class: statin }
                    modalities: [deep-tissue]
                    warning: Clinic policy.
                """);

        ScreeningRules rules = new ScreeningRules(new TemplateFiles(overrides.toString()), new Vocabulary(new TemplateFiles(overrides.toString())));

        assertThat(rules.medications().matches("Lipitor 20 mg")).singleElement()
                .satisfies(m -> assertThat(m.medicationClass().level()).isEqualTo(Level.PRECAUTION));
        assertThat(rules.medications().matches("warfarin")).isEmpty();
    }

    @Test
    void anOverrideThatDropsSomethingAnotherFileRefersToIsRefusedNamingThatFile() throws IOException {
        write(MEDICATIONS, """
                classes:
                  - id: statin
                    label: Statin
                    level: note
                    reason: Clinic policy.
                ingredients:
                  - { name: atorvastatin, classes: [statin] }
                products:
                  - { name: Lipitor, contains: [atorvastatin] }
                """);

        assertThatThrownBy(() -> new ScreeningRules(new TemplateFiles(overrides.toString()),
                new Vocabulary(new TemplateFiles(overrides.toString()))).load())
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining("modality-conflicts.yaml")
                .hasMessageContaining("'anticoagulant'");
    }

    // ---------------------------------------------------------------- broken overrides

    @Test
    void anUnknownKeyIsAnErrorNamingTheFileAndTheKey() throws IOException {
        Path file = write(CONDITIONS, """
                conditions:
                  - id: diabetes
                    label: Diabetes
                    colour: red
                """);

        assertThatThrownBy(() -> new ScreeningRules(new TemplateFiles(overrides.toString()), new Vocabulary(new TemplateFiles(overrides.toString()))).load())
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("colour");
    }

    @Test
    void aTypoInAKebabCaseKeyIsAnError() throws IOException {
        Path file = write(MEDICATIONS, """
                classes:
                  - id: statin
                    label: Statin
                    level: note
                    reason: Cramps.
                    prescriber_question: true
                ingredients:
                  - { name: atorvastatin, classes: [statin] }
                """);

        assertThatThrownBy(() -> new ScreeningRules(new TemplateFiles(overrides.toString()), new Vocabulary(new TemplateFiles(overrides.toString()))).load())
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("prescriber_question");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing id in conditions    | screening/conditions.yaml        | id
            missing id in red flags     | screening/red-flags.yaml         | id
            missing id in medications   | screening/medications.yaml       | id
            missing id in body sites    | vocabulary/body-sites.yaml       | id
            missing id in consent       | vocabulary/consent-elements.yaml | id
            """)
    void anEntryWithoutAnIdIsAnErrorNamingTheFile(String name, String path, String word) throws IOException {
        Path file = write(path, switch (path) {
            case CONDITIONS -> """
                    conditions:
                      - { id: diabetes, label: Diabetes }
                      - { label: Gout }
                    """;
            case RED_FLAGS -> """
                    red-flags:
                      - { label: Swollen calf, urgent: true, title: DVT, reason: Clot, plain: See a doctor }
                    """;
            case MEDICATIONS -> """
                    classes:
                      - { label: Statin, level: note, reason: Cramps }
                    ingredients:
                      - { name: atorvastatin, classes: [] }
                    """;
            case SITES -> """
                    sites:
                      - { label: Left calf, region: calf }
                    """;
            default -> """
                    consent-elements:
                      - { label: Nature of the treatment }
                    """;
        });

        assertThatThrownBy(() -> load())
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining(word);
    }

    @Test
    void aBadlyFormedIdIsAnError() throws IOException {
        Path file = write(SITES, """
                sites:
                  - { id: Calf Left, label: Left calf, region: calf }
                """);

        assertThatThrownBy(this::load)
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("Calf Left");
    }

    @Test
    void aDuplicateIdIsAnErrorNamingTheFileAndTheId() throws IOException {
        Path file = write(RED_FLAGS, """
                red-flags:
                  - { id: swollen-calf, label: A, urgent: true, title: A, reason: A }
                  - { id: swollen-calf, label: B, urgent: false, title: B, reason: B }
                """);

        assertThatThrownBy(this::load)
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("swollen-calf")
                .hasMessageContaining("twice");
    }

    @Test
    void aBadConditionLevelIsAnErrorNamingTheFileAndTheLevel() throws IOException {
        Path file = write(CONDITIONS, """
                conditions:
                  - id: diabetes
                    label: Diabetes
                    flag: { level: severe, title: Diabetes, reason: Reduced sensation }
                """);

        assertThatThrownBy(this::load)
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("severe")
                .hasMessageContaining("refer, precaution or note");
    }

    @Test
    void aBadMedicationLevelIsAnErrorNamingTheFile() throws IOException {
        Path file = write(MEDICATIONS, """
                classes:
                  - { id: statin, label: Statin, level: urgent, reason: Cramps }
                ingredients:
                  - { name: atorvastatin, classes: [statin] }
                """);

        assertThatThrownBy(this::load)
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("urgent");
    }

    @Test
    void aBadSurgeryRuleLevelIsAnErrorNamingTheFile() throws IOException {
        Path file = write(RULES, bundledText(RULES).replace("level: note", "level: maybe"));

        assertThatThrownBy(this::load)
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("maybe");
    }

    @Test
    void rulesWithAZeroPeriodAreAnErrorNamingTheFile() throws IOException {
        Path file = write(RULES, bundledText(RULES).replace("recent-surgery-weeks: 12", "recent-surgery-weeks: 0"));

        assertThatThrownBy(this::load)
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("positive");
    }

    @Test
    void anIncompleteEntryIsAnErrorNamingTheFileAndTheEntry() throws IOException {
        Path file = write(RED_FLAGS, """
                red-flags:
                  - { id: swollen-calf, label: Swollen calf, urgent: true, title: DVT }
                """);

        assertThatThrownBy(this::load)
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("swollen-calf");
    }

    @Test
    void anIngredientWithoutANameIsAnErrorNamingTheFile() throws IOException {
        Path file = write(MEDICATIONS, """
                classes:
                  - { id: statin, label: Statin, level: note, reason: Cramps }
                ingredients:
                  - { classes: [statin] }
                """);

        assertThatThrownBy(this::load)
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("a name needs 3 or more letters");
    }

    @Test
    void malformedYamlIsAnErrorNamingTheFileAndLine() throws IOException {
        Path file = write(CONSENT, """
                consent-elements:
                  - { id: nature, label: Nature
                  - { id: risks, label: Risks }
                """);

        assertThatThrownBy(this::load)
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line");
    }

    @Test
    void anEmptyFileIsAnErrorNamingTheFile() throws IOException {
        Path file = write(SITES, "# nothing yet\n");

        assertThatThrownBy(this::load)
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void aFileWithNoEntriesIsAnError() throws IOException {
        write(SITES, "sites: []\n");

        assertThatThrownBy(this::load)
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining("no entries");
    }

    // ---------------------------------------------------------------- broken care-plan overrides

    @Test
    void anUnknownStretchInThePlansByRegionIsAnErrorNamingTheOverrideFile() throws IOException {
        Path file = write(PLAN, bundledText(PLAN).replace("thigh: [hamstring-towel]", "thigh: [quad-stretch]"));

        assertThatThrownBy(this::loadCarePlan)
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("stretch 'quad-stretch'")
                .hasMessageContaining("hamstring-towel");
    }

    @Test
    void anUnknownRegionOrConditionInThePlanIsAnErrorNamingTheOverrideFile() throws IOException {
        Path region = write(PLAN, bundledText(PLAN).replace("shin: [gastrocnemius-wall]", "ankle: [gastrocnemius-wall]"));
        assertThatThrownBy(this::loadCarePlan)
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining(region.toString())
                .hasMessageContaining("region 'ankle'");

        write(PLAN, bundledText(PLAN).replace("chosen-when: { conditions: [pregnancy] }",
                "chosen-when: { conditions: [expecting] }"));
        assertThatThrownBy(this::loadCarePlan)
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining(region.toString())
                .hasMessageContaining("condition 'expecting'");
    }

    @Test
    void aSeatedAlternativeThatDoesNotExistIsAnErrorNamingTheOverrideFile() throws IOException {
        Path file = write(PLAN, bundledText(PLAN).replace("soleus-wall: seated-towel-calf", "soleus-wall: chair-calf"));

        assertThatThrownBy(this::loadCarePlan)
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("'chair-calf'");
    }

    @Test
    void aFigureLineNamingAMissingJointIsAnErrorNamingTheOverrideFile() throws IOException {
        String bundled = bundledText(TOE_STRETCH);
        Path file = write(TOE_STRETCH, bundled.replace("- [ankle, toe]", "- [ankle, big-toe]"));

        assertThatThrownBy(this::loadCarePlan)
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("joint 'big-toe'");
        assertThat(bundled).contains("- [ankle, toe]");
    }

    @Test
    void aNewStretchWithABrokenFigureIsAnErrorNamingItsFile() throws IOException {
        Path file = write("careplan/stretches/chair-calf-raise.yaml", bundledText(TOE_STRETCH)
                .replace("head: head", "head: skull"));

        assertThatThrownBy(this::loadCarePlan)
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("joint 'skull'");
    }

    @Test
    void aStretchWithoutTwoToFourStepsIsAnErrorNamingTheOverrideFile() throws IOException {
        Path file = write(TOE_STRETCH, bundledText(TOE_STRETCH).replace("steps:\n", "steps:\n  - One more step first.\n"
                + "  - And another.\n"));

        assertThatThrownBy(this::loadCarePlan)
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("2 to 4 steps");
    }

    @Test
    void aJointOutsideTheUnitBoxIsAnErrorNamingTheOverrideFile() throws IOException {
        Path file = write(TOE_STRETCH, bundledText(TOE_STRETCH).replace("head: [0.50, 0.80]", "head: [0.50, 1.80]"));

        assertThatThrownBy(this::loadCarePlan)
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("joint head");
    }

    @Test
    void aSelfMassageTechniqueForAnUnknownRegionIsAnErrorNamingTheOverrideFile() throws IOException {
        Path file = write(SELF_MASSAGE, bundledText(SELF_MASSAGE).replace("regions: [foot, toes]", "regions: [sole]"));

        assertThatThrownBy(this::loadCarePlan)
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("region 'sole'");
    }

    @Test
    void aValidCarePlanOverrideIsUsed() throws IOException {
        write(TOE_STRETCH, bundledText(TOE_STRETCH).replace("hold: 30 seconds", "hold: 45 seconds"));
        write(PLAN, bundledText(PLAN).replace("thigh: [hamstring-towel]", "thigh: [hamstring-towel, toe-stretch]"));

        CarePlanTemplates templates = loadCarePlan();

        assertThat(templates.stretches().get("toe-stretch").hold()).isEqualTo("45 seconds");
        assertThat(templates.stretches().get("gastrocnemius-wall").hold()).isEqualTo("20 to 30 seconds");
    }

    // ---------------------------------------------------------------- helpers

    private static final String PLAN = "careplan/plan.yaml";
    private static final String SELF_MASSAGE = "careplan/self-massage.yaml";
    private static final String TOE_STRETCH = "careplan/stretches/toe-stretch.yaml";

    /** Reads the care-plan templates, with the override folder, as their first use does. */
    private CarePlanTemplates loadCarePlan() {
        TemplateFiles templates = new TemplateFiles(overrides.toString());
        Vocabulary vocabulary = new Vocabulary(templates);
        CarePlanTemplates careplan = new CarePlanTemplates(templates, vocabulary, new ScreeningRules(templates, vocabulary));
        careplan.load();
        return careplan;
    }

    /** Reads the vocabulary and screening templates as their first use does. */
    @Test
    void theScreeningsOwnWordingAndNumbersComeFromTheRulesTemplate() throws IOException {
        write(RULES, bundledText(RULES).replace("recent-surgery-weeks: 12", "recent-surgery-weeks: 6")
                .replace("Check oils, lotions, gloves (latex) and fragrances before use.", "Ask about oils and latex first.")
                .replace("title: \"Medicine not recognised: {medicine}\"", "title: \"Unknown medicine: {medicine}\""));
        TemplateFiles templates = new TemplateFiles(overrides.toString());
        ScreeningRules rules = new ScreeningRules(templates, new Vocabulary(templates));
        app.soapstone.screening.Screening screening = new app.soapstone.screening.Screening(rules,
                new Vocabulary(templates), new app.soapstone.vocabulary.DoseWords(templates));
        java.time.LocalDate today = java.time.LocalDate.now();
        app.soapstone.screening.ScreeningInput input = new app.soapstone.screening.ScreeningInput(today, List.of(),
                List.of(), List.of(app.soapstone.screening.ScreeningInput.Medicine.written("Qwertyzol 5 mg")),
                List.of(new app.soapstone.screening.ScreeningInput.Surgery("appendectomy", today.minusWeeks(2))),
                "lanolin", today, List.of(), null);

        List<app.soapstone.screening.Flag> flags = screening.screen(input, today);

        assertThat(flags).extracting(app.soapstone.screening.Flag::reason).contains("Ask about oils and latex first.")
                .anyMatch(reason -> reason.startsWith("Surgery in the last 6 weeks"));
        assertThat(flags).extracting(app.soapstone.screening.Flag::title).contains("Unknown medicine: Qwertyzol 5 mg");
        assertThat(rules.pressures()).containsExactly("light", "moderate", "firm", "deep");
    }

    private void load() {
        TemplateFiles templates = new TemplateFiles(overrides.toString());
        new Vocabulary(templates).load();
        new ScreeningRules(templates, new Vocabulary(templates)).load();
    }

    @Test
    void aBrokenOverrideDoesNotStopWhatDoesNotUseItAndIsReportedAtFirstUse() throws IOException {
        write("screening/red-flags.yaml", "red-flags: [ { id: x } ]\n");
        TemplateFiles templates = new TemplateFiles(overrides.toString());
        Vocabulary vocabulary = new Vocabulary(templates);
        ScreeningRules rules = new ScreeningRules(templates, vocabulary);

        // Made without reading anything: a command that screens nothing still works.
        assertThat(templates.used()).isEmpty();
        assertThat(vocabulary.siteIds()).contains("calf-left");
        assertThatThrownBy(rules::redFlagIds).isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining(overrides.resolve("screening/red-flags.yaml").toString());
        // And again on the next use, not a half-read set.
        assertThatThrownBy(rules::conditionIds).isInstanceOf(InvalidTemplateException.class);
    }

    private Path write(String path, String text) throws IOException {
        Path file = overrides.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String bundledText(String path) throws IOException {
        try (var in = TemplateFilesTest.class.getClassLoader().getResourceAsStream("templates/" + path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
