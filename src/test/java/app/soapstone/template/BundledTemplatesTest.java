package app.soapstone.template;

import app.soapstone.screening.Level;
import app.soapstone.screening.ScreeningRules;
import app.soapstone.vocabulary.BodySite;
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
                "soap/nocturnal-calf-cramps.yaml", "soap/foot-cramps.yaml", "soap/general.yaml",
                "careplan/plan.yaml", "careplan/self-massage.yaml", "careplan/stretches/gastrocnemius-wall.yaml",
                "careplan/stretches/soleus-wall.yaml", "careplan/stretches/seated-towel-calf.yaml",
                "careplan/stretches/hamstring-towel.yaml", "careplan/stretches/plantar-fascia.yaml",
                "careplan/stretches/toe-stretch.yaml", "careplan/stretches/step-heel-drop.yaml");
    }

    @Test
    void theBundledTemplatesLoadAndPassTheirChecks() {
        TemplateFiles templates = new TemplateFiles("");

        assertThatCode(() -> {
            new Vocabulary(templates);
            new ScreeningRules(templates, new Vocabulary(templates));
        }).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"vocabulary/body-sites.yaml", "vocabulary/consent-elements.yaml",
            "vocabulary/modalities.yaml", "screening/conditions.yaml", "screening/red-flags.yaml", "screening/medications.yaml"})
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
            for (String field : List.of("label", "title", "reason", "plain")) {
                assertThat(red.path(field).asString("")).as(id + " " + field).isNotBlank();
            }
            assertThat(red.path("urgent").isBoolean()).as(id + " urgent: true or false").isTrue();
        }
    }

    @Test
    void everyMedicationClassIsCompleteWithGenericNamedDrugs() throws IOException {
        Set<String> generics = new HashSet<>();
        for (JsonNode medicationClass : entries("screening/medications.yaml")) {
            String id = medicationClass.path("id").asString();
            assertThat(medicationClass.path("label").asString("")).as(id).isNotBlank();
            assertThat(medicationClass.path("reason").asString("")).as(id).isNotBlank();
            Level level = level(medicationClass.path("level").asString(""));
            assertThat(level).as(id).isNotNull();
            assertThat(medicationClass.path("prescriber-question").isBoolean()).as(id).isTrue();
            if (medicationClass.path("prescriber-question").asBoolean()) {
                assertThat(medicationClass.path("reason").asString()).as(id).contains("prescriber");
            }
            JsonNode drugs = medicationClass.path("drugs");
            assertThat(drugs.isArray() && !drugs.isEmpty()).as(id + " has drugs").isTrue();
            for (JsonNode drug : drugs) {
                String generic = drug.path("generic").asString("");
                assertThat(generic).as(id + " drug " + drug).isNotBlank().isEqualTo(generic.toLowerCase(Locale.ROOT));
                assertThat(generics.add(generic)).as(generic + " is in one class only").isTrue();
                for (JsonNode brand : drug.path("brands")) {
                    assertThat(brand.asString("")).as(generic + " brand").isNotBlank();
                }
            }
        }
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
        for (JsonNode rule : rules.path("surgeries")) {
            assertThat(rule.path("words").isArray() && !rule.path("words").isEmpty()).as(rule.toString()).isTrue();
            assertThat(level(rule.path("level").asString(""))).as(rule.toString()).isNotNull();
            assertThat(rule.path("title").asString("")).isNotBlank();
            assertThat(rule.path("reason").asString("")).isNotBlank();
        }
    }

    // ---------------------------------------------------------------- helpers

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
