package app.soapstone.template;

import app.soapstone.billing.BillingCodes;
import app.soapstone.careplan.CarePlanTemplates;
import app.soapstone.careplan.PlanRules;
import app.soapstone.screening.Level;
import app.soapstone.screening.ScreeningRules;
import app.soapstone.vocabulary.BodySite;
import app.soapstone.vocabulary.DoseWords;
import app.soapstone.vocabulary.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Every template bundled into the application loads and passes its checks, and its content is
 * complete: ids unique and well formed, every condition, red flag and medication class with all
 * its fields. Read independently of the loaders, as plain YAML, so a loader that stopped
 * checking would not hide a broken file.
 */
class BundledTemplatesTest {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    /** Each bundled file and the list in it that holds its entries. */
    private static final List<String> VOCABULARY_FILES = List.of(
            "vocabulary/body-sites.yaml", "vocabulary/consent-elements.yaml", "vocabulary/modalities.yaml",
            "screening/conditions.yaml", "screening/red-flags.yaml", "screening/medications.yaml");

    @Test
    void everyBundledYamlFileIsOneTheApplicationLoadsAndChecks() throws IOException, URISyntaxException {
        URL folder = getClass().getClassLoader().getResource("templates");
        assertThat(folder).as("templates/ on the classpath").isNotNull();
        Path root = Path.of(folder.toURI());
        Set<String> bundled = new HashSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .forEach(f -> bundled.add(root.relativize(f).toString().replace('\\', '/')));
        }

        assertThat(bundled).containsExactlyInAnyOrder("vocabulary/body-sites.yaml", "vocabulary/consent-elements.yaml",
                "vocabulary/modalities.yaml", "screening/conditions.yaml", "screening/red-flags.yaml",
                "screening/medications.yaml", "screening/rules.yaml", "screening/modality-conflicts.yaml",
                "screening/care-plan-rules.yaml", "vocabulary/dose-abbreviations.yaml", "vocabulary/measures.yaml",
                "soap/nocturnal-calf-cramps.yaml", "soap/foot-cramps.yaml", "soap/general.yaml",
                "careplan/plan.yaml", "careplan/self-massage.yaml", "careplan/stretches/gastrocnemius-wall.yaml",
                "careplan/stretches/soleus-wall.yaml", "careplan/stretches/plantar-fascia.yaml",
                "careplan/stretches/toe-stretch.yaml", "careplan/stretches/hamstring-towel.yaml",
                "careplan/stretches/seated-towel-calf.yaml", "careplan/stretches/step-heel-drop.yaml",
                "billing/codes.yaml");
    }

    @Test
    void theBundledTemplatesLoadAndPassTheirChecks() {
        TemplateFiles templates = new TemplateFiles("");

        assertThatCode(() -> {
            new Vocabulary(templates);
            new ScreeningRules(templates, new Vocabulary(templates));
            Vocabulary vocabulary = new Vocabulary(templates);
            ScreeningRules rules = new ScreeningRules(templates, vocabulary);
            CarePlanTemplates careplan = new CarePlanTemplates(templates, vocabulary, rules);
            careplan.load();
            new PlanRules(templates, rules, careplan).load();
            new DoseWords(templates).plain("bd");
            new BillingCodes(templates, vocabulary).load();
        }).doesNotThrowAnyException();
    }

    // ---------------------------------------------------------------- care plans

    @Test
    void everyStretchIsCompleteWithTwoToFourSteps() throws IOException, URISyntaxException {
        List<String> stretches = stretchIds();

        assertThat(stretches).hasSize(7);
        for (String id : stretches) {
            JsonNode stretch = tree(STRETCHES + id + ".yaml");
            for (String field : List.of("title", "position", "hold", "repetitions", "how-often", "when", "caution")) {
                assertThat(stretch.path(field).asString("")).as(id + " " + field).isNotBlank();
            }
            assertThat(stretch.path("position").asString()).as(id).isIn("standing", "seated", "lying");
            JsonNode steps = stretch.path("steps");
            assertThat(steps.isArray()).as(id + " steps").isTrue();
            assertThat(steps.size()).as(id + " steps").isBetween(2, 4);
            steps.forEach(step -> assertThat(step.asString("")).as(id + " step").isNotBlank());
        }
    }

    @Test
    void everyStretchHasAFigureWhoseLinesJoinItsJoints() throws IOException, URISyntaxException {
        for (String id : stretchIds()) {
            JsonNode figure = tree(STRETCHES + id + ".yaml").path("figure");
            JsonNode joints = figure.path("joints");
            assertThat(joints.isObject() && !joints.isEmpty()).as(id + " joints").isTrue();
            for (String joint : joints.propertyNames()) {
                assertUnitPoint(id + " joint " + joint, joints.path(joint));
            }
            JsonNode lines = figure.path("lines");
            assertThat(lines.isArray() && !lines.isEmpty()).as(id + " lines").isTrue();
            Set<String> used = new HashSet<>();
            for (JsonNode line : lines) {
                assertThat(line.size()).as(id + " line " + line).isEqualTo(2);
                for (JsonNode joint : line) {
                    assertThat(joints.has(joint.asString())).as(id + ": line " + line + " joins a defined joint").isTrue();
                    used.add(joint.asString());
                }
            }
            String head = figure.path("head").asString("");
            assertThat(joints.has(head)).as(id + " head " + head).isTrue();
            assertThat(used).as(id + ": every joint but the head is drawn").containsAll(
                    joints.propertyNames().stream().filter(j -> !j.equals(head)).toList());
            for (JsonNode prop : figure.path("props")) {
                assertUnitPoint(id + " prop", prop.path("from"));
                assertUnitPoint(id + " prop", prop.path("to"));
            }
        }
    }

    @Test
    void thePlanOnlyRefersToStretchesRegionsAndConditionsThatExist() throws IOException, URISyntaxException {
        JsonNode plan = tree("careplan/plan.yaml");
        List<String> stretches = stretchIds();
        Set<String> regions = new HashSet<>();
        entries("vocabulary/body-sites.yaml").forEach(site -> regions.add(site.path("region").asString()));
        List<String> conditions = entries("screening/conditions.yaml").stream().map(c -> c.path("id").asString()).toList();
        JsonNode choice = plan.path("stretches");

        assertThat(choice.path("by-region").propertyNames()).isNotEmpty().allSatisfy(r -> assertThat(regions).contains(r));
        for (String region : choice.path("by-region").propertyNames()) {
            assertThat(texts(choice.path("by-region").path(region))).as(region).isNotEmpty().allSatisfy(
                    id -> assertThat(stretches).contains(id));
        }
        assertThat(texts(choice.path("default"))).isNotEmpty().allSatisfy(id -> assertThat(stretches).contains(id));
        for (String standing : choice.path("seated-alternatives").propertyNames()) {
            String seated = choice.path("seated-alternatives").path(standing).asString();
            assertThat(stretches).contains(standing, seated);
            assertThat(tree(STRETCHES + standing + ".yaml").path("position").asString()).as(standing).isEqualTo("standing");
            assertThat(tree(STRETCHES + seated + ".yaml").path("position").asString()).as(seated).isNotEqualTo("standing");
        }
        // Every standing stretch the plan can choose has a seated alternative.
        for (String id : stretches) {
            if (tree(STRETCHES + id + ".yaml").path("position").asString().equals("standing")) {
                assertThat(choice.path("seated-alternatives").has(id)).as(id + " has a seated alternative").isTrue();
            }
        }
        for (JsonNode type : plan.path("cramp-types")) {
            JsonNode when = type.path("chosen-when");
            if (!when.isMissingNode()) {
                assertThat(texts(when.path("conditions").isMissingNode() ? YAML.createArrayNode() : when.path("conditions")))
                        .allSatisfy(c -> assertThat(conditions).contains(c));
            }
        }
        for (JsonNode technique : entries("careplan/self-massage.yaml")) {
            String id = technique.path("id").asString("");
            assertThat(id).matches(ID);
            assertThat(texts(technique.path("regions"))).as(id).isNotEmpty()
                    .allSatisfy(r -> assertThat(regions).contains(r));
            for (String field : List.of("title", "how")) {
                assertThat(technique.path(field).asString("")).as(id + " " + field).isNotBlank();
            }
            // A duration only where a source gives one; stroking and kneading are timed by the therapist.
            assertThat(technique.has("how-long")).as(id + ": how-long or timed-by-therapist")
                    .isNotEqualTo(technique.path("timed-by-therapist").asBoolean(false));
            assertThat(technique.path("how-long").asString("")).as(id).doesNotContain("therapist");
        }
    }

    @Test
    void everyCrampRegionOfTheLegsHasStretchesAndSelfMassage() throws IOException {
        JsonNode byRegion = tree("careplan/plan.yaml").path("stretches").path("by-region");
        List<JsonNode> techniques = entries("careplan/self-massage.yaml");

        for (String region : List.of("calf", "foot", "toes", "thigh", "hamstring", "shin")) {
            assertThat(byRegion.has(region)).as(region + " stretches").isTrue();
            assertThat(techniques).as(region + " self-massage")
                    .anySatisfy(t -> assertThat(texts(t.path("regions"))).contains(region));
        }
    }

    @Test
    void thePlanWordingIsCompleteAndHasItsPlaceholders() throws IOException {
        JsonNode plan = tree("careplan/plan.yaml");

        assertThat(plan.path("title").asString("")).isNotBlank();
        assertThat(plan.path("log-nights").asInt(0)).isBetween(7, 31);
        assertThat(plan.path("see-a-doctor").path("cleared").asString()).contains("{date}");
        assertThat(plan.path("see-a-doctor").path("clinic").asString()).contains("{clinic}", "{phone}");
        assertThat(plan.path("hydration").path("restricted").path("text").asString()).contains("Do not drink extra");
        assertThat(plan.path("self-massage").path("therapist-time").asString()).contains("{minutes}");
        assertThat(plan.path("keep-safe").path("contacts").asString()).contains("{contacts}");
        assertThat(plan.path("doctor").path("lines").valueStream()
                .filter(l -> l.path("id").asString().equals("ask-prescriber")).findFirst().orElseThrow()
                .path("now").asString()).contains("{medicines}");
        assertThat(plan.path("cramp-types").valueStream().map(t -> t.path("id").asString()).toList())
                .containsExactly("pregnancy", "exercise", "rest", "night");
        for (JsonNode type : plan.path("cramp-types")) {
            for (String field : List.of("intro", "evidence")) {
                assertThat(type.path(field).asString("")).as(type.path("id") + " " + field).isNotBlank()
                        .doesNotContain("dehydrat");
            }
            assertThat(type.path("log").path("rows").size()).as(type.path("id") + " log rows").isBetween(2, 4);
        }
        for (String section : List.of("hydration", "stretches", "self-massage", "during-a-cramp", "foods", "doctor",
                "keep-safe", "progress", "next")) {
            assertThat(plan.path(section).path("heading").asString("")).as(section).isNotBlank();
        }
    }

    /** careplan-safety.md 9: no Latin dose abbreviations on what a client reads. */
    @Test
    void noPlanWordingUsesADoseAbbreviation() throws IOException {
        JsonNode abbreviations = tree("vocabulary/dose-abbreviations.yaml");
        List<String> all = new java.util.ArrayList<>(abbreviations.path("plain").propertyNames());
        all.addAll(abbreviations.path("unclear").propertyNames());
        String wording = text("careplan/plan.yaml") + "\n" + text("careplan/self-massage.yaml");
        String prose = wording.lines().filter(l -> !l.strip().startsWith("#")).collect(java.util.stream.Collectors.joining("\n"));

        assertThat(all).contains("bd", "od", "prn", "nocte");
        for (String abbreviation : all) {
            assertThat(prose).as(abbreviation).doesNotContainPattern("(?i)(?<![\\p{L}-])" + abbreviation + "(?![\\p{L}-])");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"vocabulary/body-sites.yaml", "vocabulary/consent-elements.yaml",
            "vocabulary/modalities.yaml", "screening/conditions.yaml", "screening/red-flags.yaml"})
    void idsAreUniqueAndLowerCaseWordsJoinedByHyphens(String path) throws IOException {
        List<JsonNode> entries = entries(path);
        Set<String> seen = new HashSet<>();

        assertThat(entries).isNotEmpty();
        for (JsonNode entry : entries) {
            String id = entry.path("id").asString(null);
            assertThat(id).as(path + " entry " + entry).isNotNull().matches(ID);
            assertThat(seen.add(id)).as(path + ": " + id + " appears once").isTrue();
        }
        assertThat(VOCABULARY_FILES).contains(path);
    }

    @Test
    void everyBodySiteHasALabelAndARegionAndSidedSitesComeInPairs() throws IOException {
        Vocabulary vocabulary = new Vocabulary(new TemplateFiles(""));
        for (String id : vocabulary.siteIds()) {
            BodySite site = vocabulary.site(id).orElseThrow();
            assertThat(site.label()).as(id).isNotBlank();
            assertThat(site.region()).as(id).matches(ID);
            if (id.endsWith("-left")) {
                String right = id.substring(0, id.length() - "-left".length()) + "-right";
                assertThat(vocabulary.site(right)).as(right).isPresent()
                        .hasValueSatisfying(r -> assertThat(r.region()).isEqualTo(site.region()));
            }
        }
        assertThat(vocabulary.siteIds()).contains("calf-left", "calf-right", "foot-left", "foot-right");
        assertThat(entries("vocabulary/body-sites.yaml")).allSatisfy(e -> assertThat(fieldNames(e))
                .containsExactlyInAnyOrder("id", "label", "region"));
    }

    @Test
    void consentCoversTheSixElementsOfInformedConsent() throws IOException {
        List<JsonNode> entries = entries("vocabulary/consent-elements.yaml");

        assertThat(entries).extracting(e -> e.path("id").asString()).containsExactly("nature", "benefits", "risks",
                "alternatives", "consequences", "right-to-stop");
        assertThat(entries).allSatisfy(e -> assertThat(e.path("label").asString("")).isNotBlank());
    }

    @Test
    void everyConditionHasALabelAndAnyFlagIsComplete() throws IOException {
        for (JsonNode condition : entries("screening/conditions.yaml")) {
            String id = condition.path("id").asString();
            assertThat(condition.path("label").asString("")).as(id).isNotBlank();
            JsonNode flag = condition.path("flag");
            if (!flag.isMissingNode()) {
                assertThat(level(flag.path("level").asString(""))).as(id).isNotNull();
                assertThat(flag.path("title").asString("")).as(id).isNotBlank();
                assertThat(flag.path("reason").asString("")).as(id).isNotBlank();
            }
        }
    }

    @Test
    void everyRedFlagIsCompleteAndSaysWhetherItIsUrgent() throws IOException {
        for (JsonNode red : entries("screening/red-flags.yaml")) {
            String id = red.path("id").asString();
            for (String field : List.of("label", "title", "reason")) {
                assertThat(red.path(field).asString("")).as(id + " " + field).isNotBlank();
            }
            assertThat(red.path("urgent").isBoolean()).as(id + " urgent: true or false").isTrue();
        }
    }

    @Test
    void everyMedicationClassIsCompleteAndEveryIngredientIsALowerCaseNameOnce() throws IOException {
        JsonNode medications = tree("screening/medications.yaml");
        Set<String> ids = new HashSet<>();
        for (JsonNode medicationClass : medications.path("classes")) {
            String id = medicationClass.path("id").asString();
            assertThat(id).matches(ID);
            assertThat(ids.add(id)).as(id + " once").isTrue();
            assertThat(medicationClass.path("label").asString("")).as(id).isNotBlank();
            assertThat(medicationClass.path("reason").asString("")).as(id).isNotBlank();
            assertThat(level(medicationClass.path("level").asString(""))).as(id).isNotNull();
        }
        Set<String> names = new HashSet<>();
        for (JsonNode ingredient : medications.path("ingredients")) {
            String name = ingredient.path("name").asString("");
            assertThat(name).as(ingredient.toString()).isNotBlank().isEqualTo(name.toLowerCase(Locale.ROOT));
            assertThat(names.add(name)).as(name + " once").isTrue();
            assertThat(ingredient.path("classes").isArray()).as(name + " classes").isTrue();
        }
        assertThat(medications.path("products").isArray() && !medications.path("products").isEmpty()).isTrue();
    }

    @Test
    void theRulesHavePositivePeriodsAndCompleteSurgeryRules() throws IOException {
        JsonNode rules = tree("screening/rules.yaml");

        for (String period : List.of("intake-review-months", "consent-valid-months", "recent-surgery-weeks")) {
            assertThat(rules.path(period).asInt(0)).as(period).isPositive();
        }
        for (String titled : List.of("recent-surgery", "incomplete-consent")) {
            assertThat(rules.path(titled).path("title").asString("")).as(titled).isNotBlank();
            assertThat(rules.path(titled).path("reason").asString("")).as(titled).isNotBlank();
        }
        assertThat(rules.path("surgeries").isArray()).isTrue();
        Set<String> ids = new HashSet<>();
        for (JsonNode rule : rules.path("surgeries")) {
            assertThat(rule.path("id").asString("")).matches(ID).isNotEqualTo("recent");
            assertThat(ids.add(rule.path("id").asString())).as(rule.toString()).isTrue();
            assertThat(rule.path("words").isArray() && !rule.path("words").isEmpty()).as(rule.toString()).isTrue();
            assertThat(level(rule.path("level").asString(""))).as(rule.toString()).isNotNull();
            assertThat(rule.path("title").asString("")).isNotBlank();
            assertThat(rule.path("reason").asString("")).isNotBlank();
        }
    }

    // ---------------------------------------------------------------- helpers

    private static final String STRETCHES = "careplan/stretches/";

    private static String text(String path) throws IOException {
        try (InputStream in = BundledTemplatesTest.class.getClassLoader().getResourceAsStream("templates/" + path)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static List<String> stretchIds() throws IOException, URISyntaxException {
        URL folder = BundledTemplatesTest.class.getClassLoader().getResource("templates/" + STRETCHES);
        assertThat(folder).isNotNull();
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
        }
    }

    private static void assertUnitPoint(String what, JsonNode point) {
        assertThat(point.isArray() && point.size() == 2).as(what + " is [x, y]: " + point).isTrue();
        for (JsonNode value : point) {
            assertThat(value.isNumber()).as(what).isTrue();
            assertThat(value.asDouble()).as(what).isBetween(0.0, 1.0);
        }
    }

    private static List<String> texts(JsonNode list) {
        assertThat(list.isArray()).as(list.toString()).isTrue();
        return list.valueStream().map(JsonNode::asString).toList();
    }

    private static Level level(String text) {
        return Stream.of(Level.values()).filter(l -> l.name().equalsIgnoreCase(text)).findFirst().orElse(null);
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.propertyNames().stream().toList();
    }

    private static List<JsonNode> entries(String path) throws IOException {
        JsonNode root = tree(path);
        assertThat(root.size()).as(path + " has one top-level list").isEqualTo(1);
        JsonNode list = root.iterator().next();
        assertThat(list.isArray()).as(path).isTrue();
        return list.valueStream().toList();
    }

    private static JsonNode tree(String path) throws IOException {
        try (InputStream in = BundledTemplatesTest.class.getClassLoader().getResourceAsStream("templates/" + path)) {
            assertThat(in).as(path).isNotNull();
            return YAML.readTree(in);
        }
    }
}
