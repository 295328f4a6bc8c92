package app.soapstone.screening;

import app.soapstone.screening.MedicationCatalog.Match;
import app.soapstone.template.TemplateFiles;
import app.soapstone.vocabulary.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Recognising medicines by generic and brand name in what clients write, on the bundled catalog. */
class MedicationCatalogTest {

    private static final MedicationCatalog CATALOG = new ScreeningRules(new TemplateFiles(""), new Vocabulary(new TemplateFiles(""))).medications();

    @Test
    void aGenericNameIsRecognisedWithItsClass() {
        assertThat(CATALOG.matches("atorvastatin")).singleElement().satisfies(match -> {
            assertThat(match.generic()).isEqualTo("atorvastatin");
            assertThat(match.medicationClass().id()).isEqualTo("statin");
        });
    }

    @Test
    void aBrandNameIsRecognisedAsItsGeneric() {
        assertThat(CATALOG.matches("Lipitor")).singleElement().satisfies(match -> {
            assertThat(match.generic()).isEqualTo("atorvastatin");
            assertThat(match.medicationClass().id()).isEqualTo("statin");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"lIpItOr", "LIPITOR", "lipitor", "ATORVASTATIN", "AtorvaStatin"})
    void caseIsIgnored(String item) {
        assertThat(generics(item)).containsExactly("atorvastatin");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Lipitor 20mg                | atorvastatin | statin
            Lipitor 20 mg daily         | atorvastatin | statin
            atorvastatin 40 mg nocte    | atorvastatin | statin
            Eliquis 5mg bd              | apixaban     | anticoagulant
            Lipitor20mg                 | atorvastatin | statin
            (Lipitor) 1 tab             | atorvastatin | statin
            1 x Lasix 40 mg mane        | furosemide   | loop-diuretic
            Ventolin-HFA 2 puffs prn    | salbutamol   | bronchodilator
            """)
    void doseAndFrequencyTextAroundTheNameIsIgnored(String item, String generic, String classId) {
        // A dose written straight after the name ("Lipitor20mg") still counts: only a letter
        // after the name would make it part of another word.
        assertThat(CATALOG.matches(item)).singleElement().satisfies(match -> {
            assertThat(match.generic()).isEqualTo(generic);
            assertThat(match.medicationClass().id()).isEqualTo(classId);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"paracetamol 500 mg", "magnesium 300 mg nocte", "metformin 500 mg bd", "Panadol",
            "vitamin D 1000 IU", ""})
    void aMedicineNotInTheCatalogIsNotMatched(String item) {
        assertThat(CATALOG.matches(item)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"heparinoid cream", "Lipitorex", "prewarfarin", "aspirinated", "superlasix"})
    void aDrugNameInsideAnotherWordIsNotMatched(String item) {
        assertThat(CATALOG.matches(item)).isEmpty();
    }

    @Test
    void aCombinationProductWrittenWithItsGenericsMatchesBothClasses() {
        assertThat(classes("Hyzaar (losartan/hydrochlorothiazide) 50/12.5 mg"))
                .containsExactlyInAnyOrder("angiotensin-receptor-blocker", "thiazide-diuretic");
        assertThat(classes("losartan-hydrochlorothiazide 100/25"))
                .containsExactlyInAnyOrder("angiotensin-receptor-blocker", "thiazide-diuretic");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Hyzaar 50/12.5 mg           | angiotensin-receptor-blocker | thiazide-diuretic
            Avalide 150/12.5            | angiotensin-receptor-blocker | thiazide-diuretic
            Karvezide 300/12.5 mg       | angiotensin-receptor-blocker | thiazide-diuretic
            Edarbyclor 40/12.5          | angiotensin-receptor-blocker | thiazide-diuretic
            Dyazide 1 cap mane          | potassium-sparing-diuretic   | thiazide-diuretic
            Maxzide 75/50               | potassium-sparing-diuretic   | thiazide-diuretic
            Moduretic 5/50              | potassium-sparing-diuretic   | thiazide-diuretic
            """)
    void aCombinationBrandMatchesTheClassOfEachOfItsIngredients(String item, String first, String second) {
        // Clients usually write only the brand; each ingredient's class must still be flagged.
        assertThat(classes(item)).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void aCombinationOfTwoMedicinesOfOneClassNamesEachIngredient() {
        // Asasantin is aspirin with dipyridamole: both antiplatelets, one flag naming both.
        assertThat(CATALOG.matches("Asasantin SR 25/200 mg")).extracting(Match::generic, m -> m.medicationClass().id())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("aspirin", "antiplatelet"),
                        org.assertj.core.groups.Tuple.tuple("dipyridamole", "antiplatelet"));
        assertThat(CATALOG.matches("Asasantin")).allMatch(Match::combination);
    }

    @Test
    void theLongestNameWins() {
        assertThat(generics("ethinyl estradiol 30 mcg")).containsExactly("ethinylestradiol");
        assertThat(generics("estradiol 2 mg")).containsExactly("estradiol");
    }

    @Test
    void aMultiWordBrandIsRecognised() {
        assertThat(generics("Bayer Aspirin 100 mg")).containsExactly("aspirin");
        assertThat(generics("Natrilix SR 1.5 mg")).containsExactly("indapamide");
    }

    // ---------------------------------------------------------------- one test per class

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Crestor 10 mg                  | rosuvastatin         | statin
            simvastatin 20 mg nocte        | simvastatin          | statin
            hydrochlorothiazide 25 mg      | hydrochlorothiazide  | thiazide-diuretic
            indapamide 1.5 mg              | indapamide           | thiazide-diuretic
            chlorthalidone 25 mg           | chlorthalidone       | thiazide-diuretic
            Lasix 40 mg                    | furosemide           | loop-diuretic
            bumetanide 1 mg                | bumetanide           | loop-diuretic
            spironolactone 25 mg           | spironolactone       | potassium-sparing-diuretic
            Aldactone 25mg                 | spironolactone       | potassium-sparing-diuretic
            Serevent 2 puffs bd            | salmeterol           | long-acting-beta-agonist
            Symbicort 200/6 2 puffs        | formoterol           | long-acting-beta-agonist
            Ventolin 2 puffs prn           | salbutamol           | bronchodilator
            terbutaline                    | terbutaline          | bronchodilator
            Cozaar 50 mg                   | losartan             | angiotensin-receptor-blocker
            candesartan 8 mg               | candesartan          | angiotensin-receptor-blocker
            Evista 60 mg                   | raloxifene           | bone-and-hormone
            Forteo 20 mcg daily            | teriparatide         | bone-and-hormone
            Premarin 0.625 mg              | conjugated estrogens | bone-and-hormone
            Estrogel 1 pump                | estradiol            | bone-and-hormone
            warfarin 5 mg                  | warfarin             | anticoagulant
            Xarelto 20mg                   | rivaroxaban          | anticoagulant
            Pradaxa 150 mg bd              | dabigatran           | anticoagulant
            Plavix 75 mg                   | clopidogrel          | antiplatelet
            aspirin 100 mg                 | aspirin              | antiplatelet
            """)
    void eachRequiredClassIsRecognised(String item, String generic, String classId) {
        assertThat(CATALOG.matches(item)).singleElement().satisfies(match -> {
            assertThat(match.generic()).isEqualTo(generic);
            assertThat(match.medicationClass().id()).isEqualTo(classId);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"atorvastatin", "hydrochlorothiazide", "indapamide", "furosemide", "spironolactone",
            "salmeterol", "salbutamol", "losartan", "raloxifene", "teriparatide", "estradiol"})
    void crampAssociatedClassesAreNotesSuggestingTheClientAsksTheirPrescriber(String generic) {
        MedicationCatalog.MedicationClass medicationClass = only(generic).medicationClass();

        assertThat(medicationClass.level()).isEqualTo(Level.NOTE);
        assertThat(medicationClass.reason()).contains("may ask their prescriber");
    }

    @ParameterizedTest
    @ValueSource(strings = {"warfarin", "apixaban", "rivaroxaban", "heparin", "clopidogrel", "aspirin", "ticagrelor"})
    void bloodThinnersArePrecautionsAgainstDeepPressure(String generic) {
        MedicationCatalog.MedicationClass medicationClass = only(generic).medicationClass();

        assertThat(medicationClass.level()).isEqualTo(Level.PRECAUTION);
        assertThat(medicationClass.reason()).containsIgnoringCase("no deep or forceful pressure");
    }

    @Test
    void theStatinsAndTheThiazidesAreSeparateClassesFromTheLoopDiuretics() {
        assertThat(only("atorvastatin").medicationClass()).isNotEqualTo(only("furosemide").medicationClass());
        assertThat(only("hydrochlorothiazide").medicationClass()).isNotEqualTo(only("furosemide").medicationClass());
        assertThat(only("hydrochlorothiazide").medicationClass()).isEqualTo(only("indapamide").medicationClass());
        assertThat(only("salmeterol").medicationClass()).isNotEqualTo(only("salbutamol").medicationClass());
    }

    private static Match only(String item) {
        List<Match> matches = CATALOG.matches(item);
        assertThat(matches).as(item).hasSize(1);
        return matches.get(0);
    }

    private static List<String> generics(String item) {
        return CATALOG.matches(item).stream().map(Match::generic).toList();
    }

    private static List<String> classes(String item) {
        return CATALOG.matches(item).stream().map(m -> m.medicationClass().id()).toList();
    }
}
