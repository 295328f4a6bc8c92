package app.soapstone.careplan;

import app.soapstone.careplan.CarePlan.Alert;
import app.soapstone.careplan.CarePlan.Letterhead;
import app.soapstone.careplan.CarePlan.Point;
import app.soapstone.careplan.CarePlanTemplates.Stretch;
import app.soapstone.careplan.CarePlanTemplates.Technique;
import app.soapstone.screening.Screening;
import app.soapstone.screening.ScreeningRules;
import app.soapstone.template.TemplateFiles;
import app.soapstone.validation.InvalidInputException;
import app.soapstone.vocabulary.Vocabulary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link CarePlanComposer#compose} on hand-built inputs, with the bundled templates loaded
 * without Spring. The expected wording is read from the template files as plain YAML, so the
 * tests check that the composer picks the right piece of the clinic's wording, whatever it says.
 */
class CarePlanComposerTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private static Vocabulary vocabulary;
    private static ScreeningRules rules;
    private static CarePlanTemplates templates;
    private static JsonNode plan;
    private static JsonNode techniquesYaml;

    private CarePlanComposer composer;

    @BeforeAll
    static void loadTemplates() throws IOException {
        TemplateFiles files = new TemplateFiles("");
        vocabulary = new Vocabulary(files);
        rules = new ScreeningRules(files, vocabulary);
        templates = new CarePlanTemplates(files, vocabulary, rules);
        plan = yaml("careplan/plan.yaml");
        techniquesYaml = yaml("careplan/self-massage.yaml");
    }

    @BeforeEach
    void newComposer() {
        composer = new CarePlanComposer(templates, rules);
    }

    // ---------------------------------------------------------------- stretches from cramp sites

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            calf      | gastrocnemius-wall, soleus-wall
            foot      | plantar-fascia, toe-stretch
            toes      | plantar-fascia, toe-stretch
            thigh     | hamstring-towel
            hamstring | hamstring-towel
            """)
    void eachCrampRegionGetsItsStretches(String region, String expected) {
        CarePlan result = compose(inputs().regions(region));

        List<String> ids = stretchIds(result);
        assertThat(ids).containsExactly(expected.split(",\\s*"));
        assertThat(ids).containsExactlyElementsOf(texts(plan.path("stretches").path("by-region").path(region)));
        assertThat(result.stretches().heading()).isEqualTo(text(plan, "stretches", "heading"));
        assertThat(result.stretches().intro()).isEqualTo(text(plan, "stretches", "intro"));
    }

    @Test
    void everyRegionOfTheTemplateGetsTheStretchesItLists() {
        for (String region : plan.path("stretches").path("by-region").propertyNames()) {
            assertThat(stretchIds(compose(inputs().regions(region)))).as(region)
                    .containsExactlyElementsOf(texts(plan.path("stretches").path("by-region").path(region)));
        }
    }

    @Test
    void severalRegionsGetTheirStretchesOnceEachInSiteOrderUpToTheMaximum() {
        int max = plan.path("stretches").path("max").asInt();
        Set<String> expected = new LinkedHashSet<>();
        for (String region : List.of("calf", "shin", "foot", "toes", "hamstring", "thigh")) {
            expected.addAll(texts(plan.path("stretches").path("by-region").path(region)));
        }

        List<String> ids = stretchIds(compose(inputs().regions("calf", "shin", "foot", "toes", "hamstring", "thigh")));

        assertThat(max).isEqualTo(4);
        assertThat(expected).hasSizeGreaterThan(max);
        assertThat(ids).doesNotHaveDuplicates().containsExactlyElementsOf(expected.stream().limit(max).toList());
    }

    @Test
    void calfFootAndHamstringGetFourStretchesCoveringAllThree() {
        List<String> ids = stretchIds(compose(inputs().regions("calf", "foot", "hamstring")));

        assertThat(ids).containsExactly("gastrocnemius-wall", "soleus-wall", "plantar-fascia", "toe-stretch");
    }

    @ParameterizedTest(name = "regions {0}")
    @ValueSource(strings = {"", "back", "neck,shoulder", "hip"})
    void withoutLegOrFootSitesTheDefaultStretchesAreGiven(String regions) {
        CarePlan result = compose(inputs().regions(regions.isEmpty() ? new String[0] : regions.split(",")));

        assertThat(stretchIds(result)).isNotEmpty().containsExactlyElementsOf(texts(plan.path("stretches").path("default")));
    }

    @Test
    void everyChosenStretchIsCompleteWithItsDrawing() {
        for (Stretch stretch : compose(inputs().regions("calf", "foot", "hamstring")).stretches().items()) {
            assertThat(stretch.title()).isNotBlank();
            assertThat(stretch.steps()).hasSizeBetween(2, 4);
            assertThat(List.of(stretch.hold(), stretch.repetitions(), stretch.howOften(), stretch.when(), stretch.caution()))
                    .allSatisfy(v -> assertThat(v).as(stretch.id()).isNotBlank());
            assertThat(stretch.figure().lines()).isNotEmpty()
                    .allSatisfy(line -> assertThat(stretch.figure().joints()).containsKeys(line.toArray(String[]::new)));
        }
    }

    // ---------------------------------------------------------------- seated alternatives

    @Test
    void aClientOver75GetsSeatedVersionsOfTheStandingStretches() {
        List<Stretch> standing = compose(inputs().age(75).regions("calf", "foot")).stretches().items();
        List<Stretch> seated = compose(inputs().age(76).regions("calf", "foot")).stretches().items();

        assertThat(standing).extracting(Stretch::position).contains("standing");
        assertThat(seated).extracting(Stretch::position).doesNotContain("standing");
        assertThat(seated).extracting(Stretch::id).containsExactlyElementsOf(seatedVersions(standing));
        assertThat(seated).extracting(Stretch::id).contains("seated-towel-calf", "plantar-fascia", "toe-stretch")
                .doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "age {0}")
    @ValueSource(ints = {40, 74, 75})
    void aClientOf75OrYoungerWithoutBalanceProblemsKeepsTheStandingStretches(int age) {
        List<Stretch> stretches = compose(inputs().age(age).regions("calf")).stretches().items();

        assertThat(stretches).extracting(Stretch::id).containsExactly("gastrocnemius-wall", "soleus-wall");
        assertThat(stretches).extracting(Stretch::position).containsOnly("standing");
    }

    @Test
    void anUnknownAgeKeepsTheStandingStretches() {
        assertThat(stretchIds(compose(inputs().age(null).regions("calf"))))
                .containsExactly("gastrocnemius-wall", "soleus-wall");
    }

    @Test
    void balanceProblemsGiveSeatedVersionsAtAnyAge() {
        assertThat(plan.path("stretches").path("seated-over-age").asInt()).isEqualTo(75);
        assertThat(texts(plan.path("stretches").path("seated-conditions"))).contains("balance-problems");

        List<Stretch> stretches = compose(inputs().age(40).conditions("balance-problems").regions("calf"))
                .stretches().items();

        assertThat(stretches).extracting(Stretch::id).containsExactly("seated-towel-calf");
        assertThat(stretches).extracting(Stretch::position).doesNotContain("standing");
    }

    @Test
    void anotherConditionDoesNotMakeTheStretchesSeated() {
        assertThat(stretchIds(compose(inputs().age(40).conditions("diabetes", "osteoarthritis").regions("calf"))))
                .containsExactly("gastrocnemius-wall", "soleus-wall");
    }

    @Test
    void theDefaultStretchesAreSeatedToo() {
        assertThat(compose(inputs().age(80).regions()).stretches().items()).isNotEmpty()
                .extracting(Stretch::position).doesNotContain("standing");
    }

    // ---------------------------------------------------------------- --stretches

    @Test
    void theTherapistsStretchesReplaceTheAutomaticChoiceInTheirOrder() {
        CarePlan result = composer.compose(inputs().age(80).regions("calf").build(),
                new PlanOptions(List.of("toe-stretch", "step-heel-drop", "toe-stretch", "hamstring-towel"), null, null));

        assertThat(stretchIds(result)).containsExactly("toe-stretch", "step-heel-drop", "hamstring-towel");
        assertThat(result.stretches().items()).extracting(Stretch::title).containsExactly(
                templates.stretches().get("toe-stretch").title(), templates.stretches().get("step-heel-drop").title(),
                templates.stretches().get("hamstring-towel").title());
    }

    @Test
    void moreStretchesThanThePlanHasRoomForAreRefused() {
        int max = plan.path("stretches").path("max").asInt();
        List<String> all = List.copyOf(templates.stretches().keySet());
        assertThat(all).hasSizeGreaterThan(max);

        assertThat(stretchIds(composer.compose(inputs().build(), new PlanOptions(all.subList(0, max), null, null))))
                .containsExactlyElementsOf(all.subList(0, max));
        assertThatThrownBy(() -> composer.compose(inputs().build(), new PlanOptions(all.subList(0, max + 1), null, null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("--stretches:")
                .hasMessageContaining("at most " + max);
    }

    @Test
    void anEmptyStretchListKeepsTheAutomaticChoice() {
        CarePlan result = composer.compose(inputs().regions("foot").build(), new PlanOptions(List.of(), null, null));

        assertThat(stretchIds(result)).containsExactly("plantar-fascia", "toe-stretch");
    }

    @Test
    void anUnknownStretchIsRefusedListingTheKnownOnes() throws IOException {
        List<String> known = stretchFiles();

        assertThatThrownBy(() -> composer.compose(inputs().build(),
                new PlanOptions(List.of("soleus-wall", "calf-raise"), null, null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("--stretches:")
                .hasMessageContaining("'calf-raise'")
                .satisfies(e -> assertThat(e.getMessage()).contains(known));
        assertThat(known).hasSize(7).contains("gastrocnemius-wall", "seated-towel-calf", "hamstring-towel");
    }

    // ---------------------------------------------------------------- hydration

    @Test
    void theDefaultTargetIsTheTemplatesGlassesAndLitres() {
        CarePlan.Hydration hydration = compose(inputs()).hydration();

        assertThat(hydration.restricted()).isFalse();
        assertThat(hydration.heading()).isEqualTo(text(plan, "hydration", "heading"));
        assertThat(hydration.target()).contains(text(plan, "hydration", "target-glasses") + " glasses")
                .contains(text(plan, "hydration", "target-litres") + " litres");
        assertThat(text(plan, "hydration", "target-glasses")).isEqualTo("6-8");
        assertThat(text(plan, "hydration", "target-litres")).isEqualTo("1.5-2");
        assertThat(hydration.tips()).containsExactlyElementsOf(texts(plan.path("hydration").path("tips")));
    }

    @ParameterizedTest(name = "{0} L")
    @CsvSource({"2.5, 2.5", "3, 3", "1.75, 1.75"})
    void theWaterOptionReplacesTheTargetWithLitresAndGlasses(double litres, String shown) {
        int glassMl = plan.path("hydration").path("glass-ml").asInt();
        CarePlan result = composer.compose(inputs().build(), new PlanOptions(null, litres, null));

        assertThat(result.hydration().restricted()).isFalse();
        assertThat(result.hydration().target()).startsWith(shown + " litres")
                .contains("about " + Math.round(litres * 1000 / glassMl) + " glasses")
                .doesNotContain(text(plan, "hydration", "target-glasses"));
        assertThat(result.log().columns()).containsExactlyElementsOf(texts(plan.path("log").path("columns")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"kidney-disease", "dialysis", "heart-failure", "fluid-restriction"})
    void aFluidRestrictingConditionReplacesTheTargetWithTheDoctorsAdvice(String condition) {
        assertThat(texts(plan.path("hydration").path("restricted-conditions"))).contains(condition);
        String restricted = text(plan, "hydration", "restricted");

        CarePlan plain = compose(inputs().conditions("diabetes", condition));
        CarePlan overridden = composer.compose(inputs().conditions(condition).build(), new PlanOptions(null, 3.0, null));

        for (CarePlan result : List.of(plain, overridden)) {
            assertThat(result.hydration().restricted()).isTrue();
            assertThat(result.hydration().target()).isEqualTo(restricted).startsWith("Follow your doctor's advice on fluids")
                    .doesNotContain("glasses").doesNotContain("litres");
            List<String> columns = new ArrayList<>(texts(plan.path("log").path("columns")));
            columns.set(2, text(plan, "log", "restricted-water-column"));
            assertThat(result.log().columns()).containsExactlyElementsOf(columns);
        }
    }

    @Test
    void everyRestrictingConditionInTheTemplateRestricts() {
        for (String condition : texts(plan.path("hydration").path("restricted-conditions"))) {
            assertThat(compose(inputs().conditions(condition)).hydration().restricted()).as(condition).isTrue();
        }
        assertThat(compose(inputs().conditions("diabetes", "balance-problems")).hydration().restricted()).isFalse();
    }

    @Test
    void whatTheClientDrinksNowIsShownBesideTheTarget() {
        assertThat(compose(inputs().glasses(5.0)).hydration().current()).contains("5 glasses a day");
        assertThat(compose(inputs().glasses(2.5)).hydration().current()).contains("2.5 glasses a day");
        assertThat(compose(inputs().litres(1.25)).hydration().current()).contains("1.25 litres a day");
        assertThat(compose(inputs()).hydration().current()).isNull();
        // Shown with the doctor's advice too: the doctor may want to know.
        assertThat(compose(inputs().glasses(4.0).conditions("dialysis")).hydration().current()).contains("4 glasses");
    }

    // ---------------------------------------------------------------- when to see a doctor

    @Test
    void theDoctorSectionListsEveryRedFlagInPlainWords() throws IOException {
        List<String> plainWords = yaml("screening/red-flags.yaml").path("red-flags").valueStream()
                .map(f -> f.path("plain").asString()).toList();

        CarePlan.Doctor doctor = compose(inputs()).doctor();

        assertThat(doctor.heading()).isEqualTo(text(plan, "doctor", "heading"));
        assertThat(doctor.intro()).isEqualTo(text(plan, "doctor", "intro"));
        assertThat(doctor.redFlags()).isNotEmpty().containsExactlyElementsOf(plainWords);
        assertThat(doctor.personal()).isEmpty();
    }

    @Test
    void aCrampLinkedMedicineAddsTheAskYourPrescriberLine() {
        Screening screening = new Screening(rules, vocabulary);
        List<String> ask = screening.askPrescriber(List.of("Lipitor 20 mg daily", "Eliquis 5mg bd", "paracetamol 1 g",
                "furosemide 40 mg"));

        CarePlan.Doctor doctor = compose(inputs().askPrescriber(ask)).doctor();

        assertThat(ask).containsExactly("Lipitor 20 mg daily", "furosemide 40 mg");
        String prescriber = text(plan, "doctor", "prescriber");
        assertThat(prescriber).contains("{medicines}");
        assertThat(doctor.personal()).containsExactly(prescriber.replace("{medicines}", "Lipitor 20 mg daily, furosemide 40 mg"));
        assertThat(doctor.personal().get(0)).contains("whether your medicine could be linked to your cramps")
                .doesNotContain("Eliquis").doesNotContain("paracetamol");
    }

    @Test
    void medicinesNotLinkedToCrampsAddNoPrescriberLine() {
        List<String> ask = new Screening(rules, vocabulary).askPrescriber(List.of("Eliquis 5mg bd", "paracetamol 1 g"));

        assertThat(ask).isEmpty();
        assertThat(compose(inputs().askPrescriber(ask)).doctor().personal()).isEmpty();
    }

    // ---------------------------------------------------------------- referrals at the top

    @Test
    void anUrgentReferralNotYetClearedIsAnUrgentAlert() {
        CarePlan result = compose(inputs().redFlags("one-sided-calf-swelling"));

        assertThat(result.alerts()).containsExactly(new Alert(true, text(plan, "doctor", "urgent-top"),
                plain("one-sided-calf-swelling")));
    }

    @Test
    void aClearedUrgentReferralIsANonUrgentAlertWithTheDate() {
        CarePlan result = compose(inputs().redFlags("calf-warmth-redness").clearedOn(LocalDate.of(2026, 3, 3)));

        String cleared = text(plan, "doctor", "cleared");
        assertThat(cleared).contains("{date}");
        assertThat(result.alerts()).containsExactly(new Alert(false, cleared.replace("{date}", "3 March 2026"),
                plain("calf-warmth-redness")));
        assertThat(result.alerts().get(0).heading()).contains("3 March 2026").doesNotContain("{date}");
    }

    @Test
    void aRoutineReferralIsARoutineAlertWhetherOrNotAnythingWasCleared() {
        String routine = text(plan, "doctor", "routine-top");

        assertThat(compose(inputs().redFlags("numbness-tingling")).alerts())
                .containsExactly(new Alert(false, routine, plain("numbness-tingling")));
        assertThat(compose(inputs().redFlags("numbness-tingling").clearedOn(TODAY)).alerts())
                .containsExactly(new Alert(false, routine, plain("numbness-tingling")));
    }

    @Test
    void everyReferralIsAnAlertInTheIntakesOrder() {
        CarePlan result = compose(inputs().redFlags("muscle-weakness", "cramp-over-10-minutes", "no-such-flag"));

        assertThat(result.alerts()).extracting(Alert::urgent).containsExactly(false, true);
        assertThat(result.alerts()).extracting(Alert::text)
                .containsExactly(plain("muscle-weakness"), plain("cramp-over-10-minutes"));
        assertThat(compose(inputs()).alerts()).isEmpty();
    }

    // ---------------------------------------------------------------- progress, log, next visit

    @Test
    void progressIsShownOnlyWithTwoOrMoreMeasurements() {
        List<Point> two = List.of(new Point(TODAY.minusWeeks(4), 6), new Point(TODAY, 2.5));

        assertThat(compose(inputs()).progress()).isNull();
        assertThat(compose(inputs().progress(two.subList(0, 1))).progress()).isNull();
        CarePlan.Progress progress = compose(inputs().progress(two)).progress();
        assertThat(progress).isNotNull();
        assertThat(progress.points()).containsExactlyElementsOf(two);
        assertThat(progress.heading()).isEqualTo(text(plan, "progress", "heading"));
        assertThat(progress.axis()).isEqualTo(text(plan, "progress", "axis"));
    }

    @Test
    void theLogStartsTonightWithTheTemplatesNightsAndColumns() {
        CarePlan.Log log = compose(inputs()).log();

        assertThat(log.firstNight()).isEqualTo(TODAY);
        assertThat(log.nights()).isEqualTo(plan.path("log").path("nights").asInt()).isEqualTo(14);
        assertThat(log.heading()).isEqualTo(text(plan, "log", "heading"));
        assertThat(log.columns()).containsExactlyElementsOf(texts(plan.path("log").path("columns")));
    }

    @Test
    void theNextAppointmentAndTheTherapistsNoteAreCarried() {
        LocalDateTime next = LocalDateTime.of(2026, 12, 5, 10, 0);

        CarePlan.Next result = composer.compose(inputs().note("  Stretch before bed; more water on work days.\n").build(),
                new PlanOptions(null, null, next)).next();

        assertThat(result.appointment()).isEqualTo(next);
        assertThat(result.note()).isEqualTo("Stretch before bed; more water on work days.");
        assertThat(result.heading()).isEqualTo(text(plan, "next", "heading"));
        assertThat(result.noteHeading()).isEqualTo(text(plan, "next", "note-heading"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   \n"})
    void noNoteAndNoAppointmentAreLeftEmpty(String note) {
        CarePlan.Next next = compose(inputs().note(note)).next();

        assertThat(next.appointment()).isNull();
        assertThat(next.note()).isNull();
        assertThat(compose(inputs().note(null)).next().note()).isNull();
    }

    // ---------------------------------------------------------------- self-massage

    @ParameterizedTest(name = "regions {0}")
    @MethodSource("regionSets")
    void oneToThreeSelfMassageTechniquesForTheSites(List<String> regions) {
        int max = plan.path("self-massage").path("max").asInt();
        List<Technique> techniques = compose(inputs().regions(regions.toArray(String[]::new))).selfMassage().items();

        assertThat(max).isEqualTo(3);
        assertThat(techniques).hasSizeBetween(1, max).doesNotHaveDuplicates();
        assertThat(techniques).allSatisfy(t -> {
            assertThat(t.title()).isNotBlank();
            assertThat(t.howLong()).isNotBlank();
        });
        List<String> matching = techniquesYaml.path("techniques").valueStream()
                .filter(t -> texts(t.path("regions")).stream().anyMatch(regions::contains))
                .map(t -> t.path("id").asString()).toList();
        if (!matching.isEmpty()) {
            assertThat(techniques).extracting(Technique::id)
                    .containsExactlyElementsOf(matching.stream().limit(max).toList());
        }
    }

    static Stream<List<String>> regionSets() {
        return Stream.of(List.of("calf"), List.of("foot"), List.of("toes"), List.of("hamstring"), List.of("thigh"),
                List.of("shin"), List.of("gluteal"), List.of("calf", "foot", "hamstring"), List.of(),
                List.of("back"), List.of("neck", "shoulder"), List.of("hip"));
    }

    @Test
    void withoutLegOrFootSitesTheSelfMassageIsForTheCalfLikeTheStretches() {
        List<String> calf = compose(inputs().regions("calf")).selfMassage().items().stream().map(Technique::id).toList();

        for (String[] regions : List.of(new String[0], new String[] {"back"}, new String[] {"neck", "shoulder"})) {
            assertThat(compose(inputs().regions(regions)).selfMassage().items()).extracting(Technique::id)
                    .as(List.of(regions).toString()).containsExactlyElementsOf(calf);
        }
    }

    @Test
    void aFootOnlyClientGetsFootTechniquesOnly() {
        List<Technique> techniques = compose(inputs().regions("foot")).selfMassage().items();

        assertThat(techniques).isNotEmpty().allSatisfy(t -> assertThat(t.regions()).contains("foot"));
        assertThat(techniques).extracting(Technique::id).doesNotContain("calf-stroking");
    }

    // ---------------------------------------------------------------- the rest of the page

    @Test
    void theLetterheadClientAndFixedWordingComeThrough() {
        Letterhead letterhead = new Letterhead("Harbour Myotherapy", "12 Quay St", "02 9555 0100", null, null,
                "Alex Chen, Myotherapist");

        CarePlan result = compose(inputs().letterhead(letterhead).name("Анна Петрова"));

        assertThat(result.letterhead()).isEqualTo(letterhead);
        assertThat(result.clientName()).isEqualTo("Анна Петрова");
        assertThat(result.date()).isEqualTo(TODAY);
        assertThat(result.title()).isEqualTo(plan.path("title").asString());
        assertThat(result.intro()).isEqualTo(plan.path("intro").asString());
        assertThat(result.duringACramp().items()).containsExactlyElementsOf(texts(plan.path("during-a-cramp").path("steps")));
        assertThat(result.foods().potassium()).isEqualTo(text(plan, "foods", "potassium"));
        assertThat(result.foods().calcium()).isEqualTo(text(plan, "foods", "calcium"));
        assertThat(result.foods().caution()).isEqualTo(text(plan, "foods", "caution"));
    }

    // ---------------------------------------------------------------- helpers

    private CarePlan compose(Inputs inputs) {
        return composer.compose(inputs.build(), PlanOptions.none());
    }

    private static List<String> stretchIds(CarePlan plan) {
        return plan.stretches().items().stream().map(Stretch::id).toList();
    }

    private static List<String> seatedVersions(List<Stretch> stretches) {
        JsonNode alternatives = plan.path("stretches").path("seated-alternatives");
        return stretches.stream().map(s -> alternatives.path(s.id()).asString(s.id())).distinct().toList();
    }

    private static String plain(String redFlag) {
        return rules.redFlag(redFlag).orElseThrow().plain();
    }

    private static String text(JsonNode root, String section, String field) {
        String value = root.path(section).path(field).asString(null);
        assertThat(value).as(section + "." + field).isNotBlank();
        return value;
    }

    private static List<String> texts(JsonNode list) {
        assertThat(list.isArray()).as(list.toString()).isTrue();
        return list.valueStream().map(JsonNode::asString).toList();
    }

    private static List<String> stretchFiles() throws IOException {
        try (Stream<Path> files = Files.list(classpathFolder("templates/careplan/stretches"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
        }
    }

    private static Path classpathFolder(String name) {
        try {
            return Path.of(CarePlanComposerTest.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode yaml(String path) throws IOException {
        try (InputStream in = CarePlanComposerTest.class.getClassLoader().getResourceAsStream("templates/" + path)) {
            assertThat(in).as(path).isNotNull();
            return YAML.readTree(in);
        }
    }

    private static Inputs inputs() {
        return new Inputs();
    }

    /** PlanInputs with plain defaults: a 50-year-old with calf cramps and nothing else on file. */
    static final class Inputs {
        private String name = "Zoë Łukasiewicz";
        private Integer age = 50;
        private Letterhead letterhead = new Letterhead("Bondi Body Works", "12 Beach Rd, Bondi", "02 9130 1234",
                "hello@bondi.example", null, "Sam Jones, RMT");
        private List<String> regions = List.of("calf");
        private List<String> conditions = List.of();
        private List<String> redFlags = List.of();
        private LocalDate clearedOn;
        private List<String> askPrescriber = List.of();
        private Double glasses;
        private Double litres;
        private List<Point> progress = List.of();
        private String note;

        Inputs name(String value) {
            name = value;
            return this;
        }

        Inputs age(Integer value) {
            age = value;
            return this;
        }

        Inputs letterhead(Letterhead value) {
            letterhead = value;
            return this;
        }

        Inputs regions(String... values) {
            regions = List.of(values);
            return this;
        }

        Inputs conditions(String... values) {
            conditions = List.of(values);
            return this;
        }

        Inputs redFlags(String... values) {
            redFlags = List.of(values);
            return this;
        }

        Inputs clearedOn(LocalDate value) {
            clearedOn = value;
            return this;
        }

        Inputs askPrescriber(List<String> values) {
            askPrescriber = values;
            return this;
        }

        Inputs glasses(Double value) {
            glasses = value;
            return this;
        }

        Inputs litres(Double value) {
            litres = value;
            return this;
        }

        Inputs progress(List<Point> values) {
            progress = values;
            return this;
        }

        Inputs note(String value) {
            note = value;
            return this;
        }

        PlanInputs build() {
            return new PlanInputs(TODAY, name, age, letterhead, regions, conditions, redFlags, clearedOn, askPrescriber,
                    glasses, litres, progress, note);
        }
    }
}
