package app.soapstone.screening;

import app.soapstone.screening.MedicationCatalog.Known;
import app.soapstone.template.InvalidTemplateException;
import app.soapstone.template.TemplateFiles;
import app.soapstone.vocabulary.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 14: medicines as clients write them on an intake form - combination brands, misspellings,
 * dose text - are recognised by their ingredients, a near miss is offered and never assumed, and
 * nothing the catalogue does not know passes in silence.
 */
class MedicineRecognitionTest {

    private static final TemplateFiles TEMPLATES = new TemplateFiles("");
    private static final ScreeningRules RULES = new ScreeningRules(TEMPLATES, new Vocabulary(TEMPLATES));
    private static final MedicationCatalog CATALOG = RULES.medications();
    private static final Screening SCREENING = new Screening(RULES, new Vocabulary(TEMPLATES),
            new app.soapstone.vocabulary.DoseWords(TEMPLATES));
    private static final LocalDate TODAY = LocalDate.now();
    private static final tools.jackson.core.type.TypeReference<Map<String, Object>> MAP = new tools.jackson.core.type.TypeReference<>() {
    };

    // ---------------------------------------------------------------- combinations

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Vytorin 10/40 nocte       | statin                                  | Statin: Vytorin 10/40 nocte (contains simvastatin)
            Caduet 5/10 mg            | statin                                  | Statin: Caduet 5/10 mg (contains atorvastatin)
            Zestoretic 20/12.5        | ace-inhibitor,thiazide-diuretic         | ACE inhibitor: Zestoretic 20/12.5 (contains lisinopril)
            Entresto 49/51 bd         | neprilysin-inhibitor,angiotensin-receptor-blocker | Sacubitril/valsartan: Entresto 49/51 bd (contains sacubitril)
            Symbicort 200/6 2 puffs   | long-acting-beta-agonist                | Long-acting beta-agonist (LABA) inhaler: Symbicort 200/6 2 puffs (contains formoterol)
            """)
    void aCombinationIsFlaggedForEveryClassOfEveryIngredientNamingTheIngredient(String line, String classes,
            String title) {
        List<Flag> flags = screen(line);

        assertThat(flags).extracting(flag -> flag.finding().id()).containsExactlyInAnyOrder(classes.split(","));
        assertThat(flags).extracting(Flag::title).contains(title);
    }

    @Test
    void aSingleIngredientBrandNamesItsIngredientAndAGenericNeedsNoNaming() {
        assertThat(screen("Lipitor 20 mg daily")).extracting(Flag::title).containsExactly("Statin: Lipitor 20 mg daily (atorvastatin)");
        assertThat(screen("atorvastatin 40 mg")).extracting(Flag::title).containsExactly("Statin: atorvastatin 40 mg");
    }

    // ---------------------------------------------------------------- near misses

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Lipiter 20 mg daily   | Lipitor
            Lipitr                | Lipitor
            atorvastatn 40mg      | atorvastatin
            atrovastatin          | atorvastatin
            Xarleto 20 mg         | Xarelto
            Eliqius 5 mg bd       | Eliquis
            furosemid 40 mg mane  | furosemide
            spirnolactone 25      | spironolactone
            """)
    void aNameALetterOrTwoOffIsOfferedNeverTaken(String line, String closest) {
        MedicationCatalog.Reading reading = CATALOG.read(line);

        assertThat(reading.recognised()).isFalse();
        assertThat(reading.closest()).extracting(Known::name).first().isEqualTo(closest);
        List<Flag> flags = screen(line);
        assertThat(flags).as("no class is assumed").noneMatch(flag -> flag.finding().kind().equals(Finding.MEDICATION_CLASS));
        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.level()).isEqualTo(Level.NOTE);
            assertThat(flag.title()).isEqualTo("Medicine not recognised: " + line);
            assertThat(flag.reason()).startsWith("Not recognised; closest: " + CATALOG.known(closest).orElseThrow().described())
                    .endsWith("Check the name and ask about blood thinners, water tablets, statins and inhalers.");
            assertThat(flag.finding().id()).isEqualTo(Finding.UNRECOGNISED_MEDICINE);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"Asa 100 mg", "Fish 1 cap", "Zoco 20", "Lasi 40 mg", "Cres 10", "Ixa"})
    void wordsShorterThanFiveLettersAreNeverFuzzed(String line) {
        // "Zoco" is one letter off Zocor and "Lasi" off Lasix, but at four letters too many names are that close.
        assertThat(CATALOG.read(line).closest()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"water tablet", "blood pressure pill", "sleeping tablet", "something for my heart"})
    void ordinaryWordsAreNotTakenForMedicines(String line) {
        assertThat(CATALOG.read(line).closest()).as(line).isEmpty();
    }

    @Test
    void aKnownNameIsNeverReportedAsANearMissOfAnother() {
        // Every known name reads as itself, whatever names are a letter away from it.
        for (Known known : CATALOG.all()) {
            MedicationCatalog.Reading reading = CATALOG.read(known.name() + " 10 mg");
            assertThat(reading.known()).as(known.name()).contains(known);
            assertThat(reading.closest()).as(known.name()).isEmpty();
        }
    }

    @Test
    void distanceCountsASwapAsOneAndStopsAtTheLimit() {
        assertThat(MedicationCatalog.distance("xarleto", "xarelto", 1)).isOne();
        assertThat(MedicationCatalog.distance("lipiter", "lipitor", 1)).isOne();
        assertThat(MedicationCatalog.distance("lipitr", "lipitor", 1)).isOne();
        assertThat(MedicationCatalog.distance("panadeine", "panadol", 2)).isEqualTo(3);
        assertThat(MedicationCatalog.allowedDistance("zoco", "zocor")).isZero();
        assertThat(MedicationCatalog.allowedDistance("lipiter", "lipitor")).isOne();
        assertThat(MedicationCatalog.allowedDistance("atrovastatin", "atorvastatin")).isEqualTo(2);
    }

    // ---------------------------------------------------------------- nothing silent

    @Test
    void everyUnrecognisedLineGetsANoteAndTheCountSaysHowManyWereRecognised() {
        ScreeningInput input = input("Lipitor 20 mg", "Panadol prn", "Qwertyzol 5 mg", "Lasix 40 mg mane",
                "Lipiter 10 mg");

        List<Flag> flags = SCREENING.screen(input, TODAY);

        assertThat(flags).filteredOn(flag -> flag.finding().id().equals(Finding.UNRECOGNISED_MEDICINE))
                .extracting(Flag::title)
                .containsExactly("Medicine not recognised: Qwertyzol 5 mg", "Medicine not recognised: Lipiter 10 mg");
        assertThat(flags).filteredOn(flag -> flag.title().startsWith("Medicine not recognised: Qwertyzol"))
                .singleElement().satisfies(flag -> assertThat(flag.reason()).startsWith("Not recognised. Check the name"));
        assertThat(SCREENING.count(input).summary()).isEqualTo("5 medicines: 3 recognised, 2 not.");
        assertThat(SCREENING.count(input("Lipitor")).summary()).isEqualTo("1 medicine: recognised.");
        assertThat(SCREENING.count(input()).summary()).isEqualTo("No medicines recorded.");
    }

    @Test
    void aConfirmedNameIsReadInsteadOfWhatWasWritten() {
        ScreeningInput input = new ScreeningInput(TODAY, List.of(), List.of(),
                List.of(new ScreeningInput.Medicine("Lipiter 20 mg", "Lipitor")), List.of(), null, TODAY,
                List.of("nature", "benefits", "risks", "alternatives", "consequences", "right-to-stop"), null);

        assertThat(SCREENING.screen(input, TODAY)).singleElement().satisfies(flag -> {
            assertThat(flag.title()).isEqualTo("Statin: Lipiter 20 mg (confirmed as Lipitor: atorvastatin)");
            assertThat(flag.finding().written()).containsExactly("Lipiter 20 mg (Lipitor)");
        });
        assertThat(SCREENING.count(input).summary()).isEqualTo("1 medicine: recognised.");
    }

    // ---------------------------------------------------------------- dose text

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Lipitor 40mg nocte             | atorvastatin
            Lipitor40mg                    | atorvastatin
            Eliquis 5 mg bd                | apixaban
            Vytorin 10/40                  | simvastatin
            Lixiana (edoxaban) 60 mg daily | edoxaban
            Savaysa 30mg                   | edoxaban
            Edoxabin (edoxaban)            | edoxaban
            Ventolin 2 puffs prn           | salbutamol
            """)
    void doseTextDoesNotStopRecognitionAndAParenthesisedGenericIsUsed(String line, String ingredient) {
        assertThat(CATALOG.read(line).recognised()).isTrue();
        assertThat(CATALOG.matches(line)).extracting(MedicationCatalog.Match::generic).contains(ingredient);
    }

    // ---------------------------------------------------------------- the catalogue itself

    @ParameterizedTest
    @ValueSource(strings = {"paracetamol 500 mg prn", "Panadol 1 g", "amoxicillin 500 mg tds", "sertraline 50 mg",
            "vitamin D 1000 IU", "multivitamin daily", "magnesium 300 mg nocte", "fish oil 1 cap",
            "metformin 500 mg bd", "levothyroxine 50 mcg"})
    void medicinesThatMatterNeitherForCrampsNorMassageRaiseNoClassFlag(String line) {
        assertThat(CATALOG.matches(line)).as(line).isEmpty();
        assertThat(screen(line)).as(line).noneMatch(flag -> flag.finding().kind().equals(Finding.MEDICATION_CLASS));
    }

    @Test
    void everyProductReadsAsExactlyTheIngredientsTheFileGivesIt() throws IOException {
        Map<String, Object> file = bundled();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> products = (List<Map<String, Object>>) file.get("products");
        assertThat(products).isNotEmpty();
        for (Map<String, Object> product : products) {
            String name = (String) product.get("name");
            @SuppressWarnings("unchecked")
            List<String> contains = (List<String>) product.get("contains");
            Known known = CATALOG.known(name).orElseThrow(() -> new AssertionError(name + " is not known"));
            assertThat(known.product()).as(name).isTrue();
            assertThat(known.contains()).extracting(MedicationCatalog.Ingredient::name).as(name)
                    .containsExactlyElementsOf(contains);
            assertThat(CATALOG.read(name).known()).as(name).containsExactly(known);
        }
    }

    @Test
    void everyIngredientHasClassesFromTheFileAndEveryClassIsUsed() throws IOException {
        Map<String, Object> file = bundled();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> classes = (List<Map<String, Object>>) file.get("classes");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> ingredients = (List<Map<String, Object>>) file.get("ingredients");
        List<String> classIds = classes.stream().map(c -> (String) c.get("id")).toList();
        java.util.Set<String> used = new java.util.HashSet<>();
        for (Map<String, Object> ingredient : ingredients) {
            String name = (String) ingredient.get("name");
            @SuppressWarnings("unchecked")
            List<String> of = (List<String>) ingredient.get("classes");
            assertThat(classIds).as(name).containsAll(of);
            used.addAll(of);
            assertThat(CATALOG.matches(name)).extracting(m -> m.medicationClass().id()).as(name)
                    .containsExactlyInAnyOrderElementsOf(of);
        }
        assertThat(used).as("every class has an ingredient").containsExactlyInAnyOrderElementsOf(classIds);
    }

    @Test
    void theClassesTheIssueNamesAreCovered() {
        Map<String, String> examples = Map.ofEntries(Map.entry("ramipril", "ace-inhibitor"),
                Map.entry("candesartan", "angiotensin-receptor-blocker"), Map.entry("sacubitril", "neprilysin-inhibitor"),
                Map.entry("eplerenone", "potassium-sparing-diuretic"), Map.entry("trimethoprim", "trimethoprim"),
                Map.entry("ibuprofen", "nsaid"), Map.entry("digoxin", "digoxin"),
                Map.entry("nifedipine", "other-cramp-associated"), Map.entry("donepezil", "other-cramp-associated"),
                Map.entry("pseudoephedrine", "decongestant"));
        examples.forEach((ingredient, classId) -> assertThat(CATALOG.matches(ingredient))
                .extracting(m -> m.medicationClass().id()).as(ingredient).contains(classId));
    }

    // ---------------------------------------------------------------- the file's own checks

    @Test
    void theLoaderRefusesANameTwiceAnUnknownClassAnIngredientOrAMarket(@TempDir Path overrides) throws IOException {
        String statin = """
                classes:
                  - { id: statin, label: Statin, level: note, reason: Cramps. }
                ingredients:
                  - { name: atorvastatin, classes: [statin] }
                """;
        assertRefused(overrides, statin + "products:\n  - { name: Atorvastatin, contains: [atorvastatin] }\n",
                "the name Atorvastatin is in the catalogue already");
        assertRefused(overrides, statin.replace("[statin]", "[statins]"),
                "names the class statins, which is not in classes");
        assertRefused(overrides, statin + "products:\n  - { name: Caduet, contains: [amlodipine, atorvastatin] }\n",
                "contains amlodipine, which is not in ingredients");
        assertRefused(overrides, statin + "products:\n  - { name: Lipitor, contains: [atorvastatin], markets: [Mars] }\n",
                "market Mars");
    }

    private static void assertRefused(Path overrides, String yaml, String message) throws IOException {
        Files.createDirectories(overrides.resolve("screening"));
        Files.writeString(overrides.resolve("screening/medications.yaml"), yaml);
        TemplateFiles templates = new TemplateFiles(overrides.toString());
        ScreeningRules rules = new ScreeningRules(templates, new Vocabulary(templates));
        assertThatThrownBy(rules::medications).isInstanceOf(InvalidTemplateException.class).hasMessageContaining(message);
    }

    // ---------------------------------------------------------------- helpers

    private static List<Flag> screen(String line) {
        return SCREENING.screen(input(line), TODAY).stream()
                .filter(flag -> !flag.finding().id().equals(Finding.CONSENT_INCOMPLETE)).toList();
    }

    private static ScreeningInput input(String... lines) {
        return new ScreeningInput(TODAY, List.of(), List.of(),
                java.util.Arrays.stream(lines).map(ScreeningInput.Medicine::written).toList(), List.of(), null, TODAY,
                List.of("nature", "benefits", "risks", "alternatives", "consequences", "right-to-stop"), null);
    }

    private static Map<String, Object> bundled() throws IOException {
        try (InputStream in = MedicineRecognitionTest.class.getResourceAsStream("/templates/screening/medications.yaml")) {
            assertThat(in).as("the bundled catalogue").isNotNull();
            return new tools.jackson.dataformat.yaml.YAMLMapper().readValue(in, MAP);
        }
    }
}
