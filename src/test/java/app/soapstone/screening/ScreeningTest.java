package app.soapstone.screening;

import app.soapstone.screening.ScreeningRules.RedFlag;
import app.soapstone.screening.ScreeningRules.SurgeryRule;
import app.soapstone.template.TemplateFiles;
import app.soapstone.vocabulary.DoseWords;
import app.soapstone.vocabulary.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every screening rule, on the real bundled templates and without Spring: red flags, conditions,
 * medications, surgeries, allergies, stale intakes and consent, and the order of the flags.
 */
class ScreeningTest {

    private static final TemplateFiles TEMPLATES = new TemplateFiles("");
    private static final Vocabulary VOCABULARY = new Vocabulary(TEMPLATES);
    private static final ScreeningRules RULES = new ScreeningRules(TEMPLATES, VOCABULARY);
    private static final LocalDate TODAY = LocalDate.now();

    private static final List<String> URGENT = List.of("one-sided-calf-swelling", "calf-warmth-redness",
            "cramp-over-10-minutes");

    private final Screening screening = new Screening(RULES, VOCABULARY, new DoseWords(TEMPLATES));

    // ---------------------------------------------------------------- a clean intake

    @Test
    void aCleanIntakeGivesNoFlags() {
        assertThat(screen(input())).isEmpty();
    }

    // ---------------------------------------------------------------- red flags

    @Test
    void exactlyTheThreeClotAndProlongedCrampFlagsAreUrgent() {
        List<String> urgent = RULES.redFlagIds().stream().filter(id -> RULES.redFlag(id).orElseThrow().urgent()).toList();

        assertThat(urgent).containsExactlyInAnyOrderElementsOf(URGENT);
        assertThat(RULES.redFlagIds()).hasSizeGreaterThan(URGENT.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"one-sided-calf-swelling", "calf-warmth-redness", "cramp-over-10-minutes"})
    void anUrgentRedFlagIsAnUrgentReferralThatBlocksTreatment(String id) {
        RedFlag red = RULES.redFlag(id).orElseThrow();

        List<Flag> flags = screen(input().redFlags(id));

        assertThat(flags).hasSize(1);
        Flag flag = flags.get(0);
        assertThat(flag.level()).isEqualTo(Level.REFER);
        assertThat(flag.urgent()).isTrue();
        assertThat(flag.blocking()).isTrue();
        assertThat(flag.clearance()).isNull();
        assertThat(flag.levelLabel()).isEqualTo("REFER (urgent)");
        assertThat(flag.title()).isEqualTo(red.title());
        assertThat(flag.reason()).isEqualTo(red.reason());
        assertThat(flag.source()).isEqualTo("red flags: " + red.label());
    }

    @ParameterizedTest
    @ValueSource(strings = {"one-sided-calf-swelling", "calf-warmth-redness", "cramp-over-10-minutes"})
    void aMedicalClearanceStopsAnUrgentFlagBlockingAndIsShownWithIt(String id) {
        LocalDate clearedOn = TODAY.minusDays(1);

        List<Flag> flags = screen(input().redFlags(id)
                .clearance(new ScreeningInput.Clearance(clearedOn, "GP Dr Singh: DVT excluded by ultrasound")));

        assertThat(flags).hasSize(1);
        Flag flag = flags.get(0);
        assertThat(flag.level()).isEqualTo(Level.REFER);
        assertThat(flag.urgent()).isTrue();
        assertThat(flag.blocking()).isFalse();
        assertThat(flag.levelLabel()).isEqualTo("REFER (urgent, cleared)");
        assertThat(flag.clearance()).contains(clearedOn.toString()).contains("GP Dr Singh: DVT excluded by ultrasound");
    }

    static Stream<String> seeGpRedFlags() {
        return RULES.redFlagIds().stream().filter(id -> !URGENT.contains(id));
    }

    @ParameterizedTest
    @MethodSource("seeGpRedFlags")
    void everyOtherRedFlagIsASeeYourGpReferralThatDoesNotBlock(String id) {
        RedFlag red = RULES.redFlag(id).orElseThrow();

        List<Flag> flags = screen(input().redFlags(id));

        assertThat(flags).hasSize(1);
        Flag flag = flags.get(0);
        assertThat(flag.level()).isEqualTo(Level.REFER);
        assertThat(flag.urgent()).isFalse();
        assertThat(flag.blocking()).isFalse();
        assertThat(flag.levelLabel()).isEqualTo("REFER (see GP)");
        assertThat(flag.title()).isEqualTo(red.title());
        assertThat(flag.source()).isEqualTo("red flags: " + red.label());
    }

    @Test
    void aClearanceDoesNotAttachToSeeYourGpFlags() {
        List<Flag> flags = screen(input().redFlags("numbness-tingling", "calf-warmth-redness")
                .clearance(new ScreeningInput.Clearance(TODAY, "GP review")));

        assertThat(flags).extracting(Flag::levelLabel).containsExactly("REFER (urgent, cleared)", "REFER (see GP)");
        assertThat(flags.get(1).clearance()).isNull();
        assertThat(flags).noneMatch(Flag::blocking);
    }

    @Test
    void oneUnclearedUrgentFlagAmongSeveralBlocks() {
        List<Flag> flags = screen(input().redFlags("numbness-tingling", "one-sided-calf-swelling", "muscle-weakness"));

        assertThat(flags).hasSize(3);
        assertThat(flags).filteredOn(Flag::blocking).extracting(Flag::title)
                .containsExactly(RULES.redFlag("one-sided-calf-swelling").orElseThrow().title());
    }

    @Test
    void anIdNoLongerInTheTemplatesIsIgnoredRatherThanFailing() {
        assertThat(screen(input().redFlags("no-such-flag").conditions("no-such-condition"))).isEmpty();
    }

    // ---------------------------------------------------------------- conditions

    @ParameterizedTest
    @ValueSource(strings = {"dvt-history", "bleeding-disorder", "pregnancy", "neuropathy", "diabetes",
            "varicose-veins", "fluid-restriction"})
    void conditionsThatChangeWhatIsSafeArePrecautions(String id) {
        ScreeningRules.Condition condition = RULES.condition(id).orElseThrow();

        List<Flag> flags = screen(input().conditions(id));

        assertThat(flags).hasSize(1);
        Flag flag = flags.get(0);
        assertThat(flag.level()).isEqualTo(Level.PRECAUTION);
        assertThat(flag.urgent()).isFalse();
        assertThat(flag.blocking()).isFalse();
        assertThat(flag.title()).isEqualTo(condition.flag().title());
        assertThat(flag.reason()).isEqualTo(condition.flag().reason());
        assertThat(flag.source()).isEqualTo("conditions: " + condition.label());
    }

    @Test
    void theDvtAndBleedingPrecautionsRuleOutDeepWork() {
        assertThat(screen(input().conditions("dvt-history")).get(0).reason()).containsIgnoringCase("no deep");
        assertThat(screen(input().conditions("bleeding-disorder")).get(0).reason()).containsIgnoringCase("no deep");
    }

    static Stream<String> allConditions() {
        return RULES.conditionIds().stream();
    }

    @ParameterizedTest
    @MethodSource("allConditions")
    void everyConditionRaisesTheFlagItsTemplateDescribes(String id) {
        ScreeningRules.Condition condition = RULES.condition(id).orElseThrow();

        List<Flag> flags = screen(input().conditions(id));

        if (condition.flag() == null) {
            assertThat(flags).isEmpty();
        } else {
            assertThat(flags).singleElement().satisfies(flag -> {
                assertThat(flag.level().name()).isEqualTo(condition.flag().level().toUpperCase(Locale.ROOT));
                assertThat(flag.title()).isEqualTo(condition.flag().title());
                assertThat(flag.source()).isEqualTo("conditions: " + condition.label());
            });
        }
    }

    @Test
    void severalConditionsGiveOneFlagEach() {
        List<Flag> flags = screen(input().conditions("diabetes", "neuropathy", "thyroid-disease"));

        assertThat(flags).extracting(Flag::source).containsExactlyInAnyOrder(
                "conditions: " + RULES.condition("diabetes").orElseThrow().label(),
                "conditions: " + RULES.condition("neuropathy").orElseThrow().label(),
                "conditions: " + RULES.condition("thyroid-disease").orElseThrow().label());
        assertThat(flags).extracting(Flag::level).containsExactly(Level.PRECAUTION, Level.PRECAUTION, Level.NOTE);
    }

    // ---------------------------------------------------------------- medications

    @Test
    void aStatinIsANoteSuggestingTheClientAsksTheirPrescriber() {
        List<Flag> flags = screen(input().medications("Lipitor 20 mg daily"));

        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.level()).isEqualTo(Level.NOTE);
            assertThat(flag.title()).startsWith("Statin").contains("Lipitor 20 mg daily (atorvastatin)");
            assertThat(flag.reason()).contains("prescriber");
            assertThat(flag.source()).isEqualTo("medications: Lipitor 20 mg daily (atorvastatin)");
        });
    }

    @Test
    void aGenericNameIsNotRepeatedInBrackets() {
        assertThat(screen(input().medications("atorvastatin 40 mg nocte")).get(0).source())
                .isEqualTo("medications: atorvastatin 40 mg nocte");
    }

    @Test
    void anAnticoagulantIsAPrecautionAgainstDeepPressure() {
        List<Flag> flags = screen(input().medications("Eliquis 5mg bd"));

        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.level()).isEqualTo(Level.PRECAUTION);
            assertThat(flag.title()).contains("Eliquis 5mg bd (apixaban)");
            assertThat(flag.reason()).containsIgnoringCase("no deep");
        });
    }

    @Test
    void medicinesOfOneClassShareOneFlagThatNamesEachOfThem() {
        List<Flag> flags = screen(input().medications("Lipitor 20 mg", "simvastatin 10 mg", "Lasix 40 mg"));

        assertThat(flags).hasSize(2);
        assertThat(flags).filteredOn(f -> f.title().startsWith("Statin")).singleElement()
                .satisfies(flag -> assertThat(flag.title()).contains("Lipitor 20 mg (atorvastatin)", "simvastatin 10 mg"));
        assertThat(flags).filteredOn(f -> f.title().startsWith("Loop diuretic")).singleElement()
                .satisfies(flag -> assertThat(flag.title()).contains("Lasix 40 mg (furosemide)"));
    }

    @Test
    void aMedicineTheCatalogKnowsWithoutAClassGivesNoFlag() {
        assertThat(screen(input().medications("paracetamol 500 mg as needed", "metformin 500 mg bd"))).isEmpty();
    }

    // ---------------------------------------------------------------- surgeries

    @Test
    void surgeryInTheLastTwelveWeeksIsAPrecaution() {
        String description = "appendectomy";
        List<Flag> flags = screen(input().surgery(description, TODAY.minusWeeks(4)));

        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.level()).isEqualTo(Level.PRECAUTION);
            assertThat(flag.title()).isEqualTo(RULES.rules().recentSurgery().title() + ": " + description);
            assertThat(flag.source()).isEqualTo("surgeries: " + description);
        });
    }

    @Test
    void surgeryExactlyTwelveWeeksBeforeTheIntakeIsStillRecentButADayEarlierIsNot() {
        assertThat(screen(input().surgery("appendectomy", TODAY.minusWeeks(12)))).hasSize(1);
        assertThat(screen(input().surgery("appendectomy", TODAY.minusWeeks(12).minusDays(1)))).isEmpty();
    }

    @Test
    void recencyIsJudgedFromTheIntakeDate() {
        LocalDate intakeDate = TODAY.minusMonths(6);

        List<Flag> flags = screen(input().intakeDate(intakeDate).consentDate(intakeDate)
                .surgery("appendectomy", intakeDate.minusWeeks(2)));

        assertThat(flags).extracting(Flag::title).anyMatch(t -> t.startsWith(RULES.rules().recentSurgery().title()));
    }

    @Test
    void aSurgeryGivenOnlyAsThisYearCountsAsPossiblyRecent() {
        // A year alone is taken at its latest possible date, the end of the year.
        List<Flag> flags = screen(input().surgery("appendectomy " + TODAY.getYear(),
                LocalDate.of(TODAY.getYear(), 12, 31)));

        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.level()).isEqualTo(Level.PRECAUTION);
            assertThat(flag.title()).startsWith(RULES.rules().recentSurgery().title());
        });
    }

    @Test
    void aSurgeryIn2019IsNotRecent() {
        assertThat(screen(input().surgery("appendectomy 2019", LocalDate.of(2019, 12, 31)))).isEmpty();
    }

    @Test
    void aSurgeryWithoutADateIsNotRecent() {
        assertThat(screen(input().surgery("appendectomy", null))).isEmpty();
    }

    @Test
    void aJointReplacementIsANoteAboutClotRisk() {
        String description = "right total knee replacement 2019";

        List<Flag> flags = screen(input().surgery(description, LocalDate.of(2019, 12, 31)));

        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.level()).isEqualTo(Level.NOTE);
            assertThat(flag.title()).isEqualTo("Joint replacement: " + description);
            assertThat(flag.reason()).contains("DVT");
            assertThat(flag.source()).isEqualTo("surgeries: " + description);
        });
    }

    @Test
    void backSurgeryIsANote() {
        String description = "lumbar fusion 2015";

        List<Flag> flags = screen(input().surgery(description, LocalDate.of(2015, 12, 31)));

        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.level()).isEqualTo(Level.NOTE);
            assertThat(flag.title()).isEqualTo("Back surgery: " + description);
            assertThat(flag.source()).isEqualTo("surgeries: " + description);
        });
    }

    static Stream<Arguments> surgeryWords() {
        return RULES.rules().surgeries().stream()
                .flatMap(rule -> rule.words().stream().map(word -> Arguments.of(word, rule)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("surgeryWords")
    void everySurgeryWordRaisesItsRule(String word, SurgeryRule rule) {
        String description = "Left " + word.toUpperCase(Locale.ROOT) + " 2010";

        List<Flag> flags = screen(input().surgery(description, LocalDate.of(2010, 12, 31)));

        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.level().name()).isEqualToIgnoringCase(rule.level());
            assertThat(flag.title()).isEqualTo(rule.title() + ": " + description);
            assertThat(flag.reason()).isEqualTo(rule.reason());
        });
    }

    @Test
    void surgeryWordsMatchWholeWordsOnly() {
        // "thr" (total hip replacement) and "spine" must not match inside other words.
        assertThat(screen(input().surgery("throat surgery 2010", LocalDate.of(2010, 12, 31)))).isEmpty();
        assertThat(screen(input().surgery("spinelessness repair 2010", LocalDate.of(2010, 12, 31)))).isEmpty();
    }

    @Test
    void aRecentJointReplacementIsBothAPrecautionAndANote() {
        List<Flag> flags = screen(input().surgery("left hip replacement", TODAY.minusWeeks(3)));

        assertThat(flags).extracting(Flag::level).containsExactly(Level.PRECAUTION, Level.NOTE);
        assertThat(flags.get(0).title()).startsWith(RULES.rules().recentSurgery().title());
        assertThat(flags.get(1).title()).startsWith("Joint replacement");
    }

    // ---------------------------------------------------------------- allergies

    @Test
    void allergiesAreAPrecaution() {
        List<Flag> flags = screen(input().allergies("  latex, lavender oil "));

        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.level()).isEqualTo(Level.PRECAUTION);
            assertThat(flag.title()).isEqualTo("Allergies: latex, lavender oil");
            assertThat(flag.source()).isEqualTo("allergies");
        });
    }

    @Test
    void blankAllergiesGiveNoFlag() {
        assertThat(screen(input().allergies("   "))).isEmpty();
    }

    // ---------------------------------------------------------------- stale intake and consent

    @Test
    void anIntakeTwelveMonthsOldIsDueForReview() {
        LocalDate taken = TODAY.minusMonths(12);

        List<Flag> flags = screen(input().intakeDate(taken).consentDate(TODAY));

        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.level()).isEqualTo(Level.NOTE);
            assertThat(flag.title()).isEqualTo("Intake is 12 months old");
            assertThat(flag.source()).isEqualTo("intake date: " + taken);
        });
    }

    @Test
    void anIntakeElevenMonthsOldOrADayShortOfTwelveIsNotStale() {
        assertThat(screen(input().intakeDate(TODAY.minusMonths(11)).consentDate(TODAY.minusMonths(11)))).isEmpty();
        assertThat(screen(input().intakeDate(TODAY.minusMonths(12).plusDays(1))
                .consentDate(TODAY.minusMonths(12).plusDays(1)))).isEmpty();
    }

    @Test
    void consentTwelveMonthsOldMustBeRenewedBeforeTreating() {
        LocalDate consented = TODAY.minusMonths(12);

        List<Flag> flags = screen(input().consentDate(consented));

        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.level()).isEqualTo(Level.PRECAUTION);
            assertThat(flag.title()).isEqualTo("Consent is 12 months old");
            assertThat(flag.source()).isEqualTo("consent date: " + consented);
        });
    }

    @Test
    void consentElevenMonthsOldIsStillValid() {
        assertThat(screen(input().consentDate(TODAY.minusMonths(11)))).isEmpty();
    }

    @Test
    void anOldIntakeAndConsentAreReportedInYears() {
        LocalDate taken = TODAY.minusMonths(30);

        List<Flag> flags = screen(input().intakeDate(taken).consentDate(taken));

        assertThat(flags).extracting(Flag::title).containsExactly("Consent is 2 years old", "Intake is 2 years old");
    }

    @Test
    void staleIntakeIsJudgedAgainstTheDayOfScreeningNotTheIntake() {
        ScreeningInput fresh = input().build();

        assertThat(screening.screen(fresh, TODAY)).isEmpty();
        assertThat(screening.screen(fresh, TODAY.plusMonths(12))).extracting(Flag::source)
                .containsExactlyInAnyOrder("intake date: " + TODAY, "consent date: " + TODAY);
    }

    // ---------------------------------------------------------------- consent elements

    @Test
    void consentWithSomeElementsMissingIsANoteNamingThem() {
        List<String> missing = new ArrayList<>(VOCABULARY.consentElementIds());
        missing.removeAll(List.of("nature", "benefits"));

        List<Flag> flags = screen(input().consentExplained("nature", "benefits"));

        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.level()).isEqualTo(Level.NOTE);
            assertThat(flag.title()).startsWith(RULES.rules().incompleteConsent().title())
                    .endsWith("(missing: " + String.join(", ", missing) + ")");
            assertThat(flag.source()).isEqualTo("consent explained");
        });
        assertThat(missing).contains("risks", "alternatives", "consequences", "right-to-stop");
    }

    @Test
    void consentWithNoElementsRecordedListsThemAll() {
        List<Flag> flags = screen(input().consentExplained());

        assertThat(flags).singleElement().satisfies(flag -> assertThat(flag.title())
                .contains("(missing: " + String.join(", ", VOCABULARY.consentElementIds()) + ")"));
    }

    // ---------------------------------------------------------------- order

    @Test
    void flagsComeReferFirstThenPrecautionThenNoteWithUrgentReferralsFirst() {
        List<Flag> flags = screen(input()
                .consentExplained("nature")
                .medications("Lipitor 20 mg", "warfarin 5 mg")
                .conditions("thyroid-disease", "diabetes")
                .redFlags("numbness-tingling", "calf-warmth-redness")
                .allergies("latex"));

        assertThat(flags).extracting(Flag::level).containsExactly(Level.REFER, Level.REFER, Level.PRECAUTION,
                Level.PRECAUTION, Level.PRECAUTION, Level.NOTE, Level.NOTE, Level.NOTE);
        assertThat(flags.get(0).levelLabel()).isEqualTo("REFER (urgent)");
        assertThat(flags.get(1).levelLabel()).isEqualTo("REFER (see GP)");
    }

    // ---------------------------------------------------------------- findings for the care-plan rules

    @Test
    void everyFlagNamesItsFindingForTheCarePlanRules() {
        List<Flag> flags = screen(input().redFlags("numbness-tingling").conditions("neuropathy")
                .medications("Aldactone 25 mg mane", "spironolactone 12.5 mg").allergies("lanolin")
                .surgery("left hip replacement", TODAY.minusWeeks(3)).consentDate(TODAY.minusMonths(13)));

        assertThat(flags).extracting(Flag::finding).extracting(Finding::key).containsExactlyInAnyOrder(
                "red-flag: numbness-tingling", "condition: neuropathy", "medication-class: potassium-sparing-diuretic",
                "intake: allergies", "surgery: recent", "surgery: joint-replacement", "intake: consent-expired");
        Finding medicine = flags.stream().map(Flag::finding).filter(f -> f.kind().equals(Finding.MEDICATION_CLASS))
                .findFirst().orElseThrow();
        assertThat(medicine.subject()).isEqualTo("spironolactone");
        assertThat(medicine.written()).containsExactly("Aldactone 25 mg mane", "spironolactone 12.5 mg");
        assertThat(flags).filteredOn(f -> f.finding().kind().equals(Finding.CONDITION)).singleElement()
                .extracting(f -> f.finding().subject()).isEqualTo("Peripheral neuropathy");
    }

    @Test
    void theScreeningListsEveryFindingItCanRaiseAtItsLevel() {
        List<ScreeningRules.Possible> possible = RULES.possibleFindings();

        assertThat(possible).extracting(p -> p.kind() + ": " + p.id()).contains("condition: neuropathy",
                "medication-class: anticoagulant", "red-flag: one-sided-calf-swelling", "surgery: recent",
                "surgery: joint-replacement", "intake: allergies", "intake: consent-expired",
                "intake: unclear-abbreviation").doesNotHaveDuplicates();
        assertThat(possible).filteredOn(p -> p.id().equals("neuropathy")).singleElement()
                .extracting(ScreeningRules.Possible::level).isEqualTo(Level.PRECAUTION);
        assertThat(possible).filteredOn(p -> p.kind().equals(Finding.RED_FLAG))
                .allSatisfy(p -> assertThat(p.level()).isEqualTo(Level.REFER));
        // Every condition with a flag is there (those without one raise nothing).
        assertThat(possible).filteredOn(p -> p.kind().equals(Finding.CONDITION)).extracting(ScreeningRules.Possible::id)
                .containsExactlyInAnyOrderElementsOf(RULES.conditionIds().stream()
                        .filter(id -> RULES.condition(id).orElseThrow().flag() != null).toList());
    }

    // ---------------------------------------------------------------- abbreviations that mean two things

    @Test
    void aMedicineWrittenWithAnAmbiguousAbbreviationIsANoteForTheTherapist() {
        List<Flag> flags = screen(input().medications("Lipitor 20 mg od", "Lasix 40 mg bd"));

        assertThat(flags).filteredOn(f -> f.finding().id().equals(Finding.UNCLEAR_ABBREVIATION)).singleElement()
                .satisfies(flag -> {
                    assertThat(flag.level()).isEqualTo(Level.NOTE);
                    assertThat(flag.title()).isEqualTo("Unclear abbreviation: Lipitor 20 mg od");
                    assertThat(flag.reason()).contains("'od' can mean once a day, or the right eye")
                            .contains("printed for the client as written");
                });
    }

    // ---------------------------------------------------------------- helpers

    private List<Flag> screen(InputBuilder input) {
        return screening.screen(input.build(), TODAY);
    }

    /** A clean intake taken today, with consent today covering every element; each method adds something. */
    private static InputBuilder input() {
        return new InputBuilder();
    }

    private static final class InputBuilder {
        private LocalDate intakeDate = TODAY;
        private List<String> conditions = List.of();
        private List<String> redFlags = List.of();
        private List<String> medications = List.of();
        private final List<ScreeningInput.Surgery> surgeries = new ArrayList<>();
        private String allergies;
        private LocalDate consentDate = TODAY;
        private List<String> consentExplained = List.copyOf(VOCABULARY.consentElementIds());
        private ScreeningInput.Clearance clearance;

        InputBuilder intakeDate(LocalDate date) {
            intakeDate = date;
            return this;
        }

        InputBuilder conditions(String... ids) {
            conditions = List.of(ids);
            return this;
        }

        InputBuilder redFlags(String... ids) {
            redFlags = List.of(ids);
            return this;
        }

        InputBuilder medications(String... items) {
            medications = List.of(items);
            return this;
        }

        InputBuilder surgery(String description, LocalDate latest) {
            surgeries.add(new ScreeningInput.Surgery(description, latest));
            return this;
        }

        InputBuilder allergies(String text) {
            allergies = text;
            return this;
        }

        InputBuilder consentDate(LocalDate date) {
            consentDate = date;
            return this;
        }

        InputBuilder consentExplained(String... ids) {
            consentExplained = List.of(ids);
            return this;
        }

        InputBuilder clearance(ScreeningInput.Clearance value) {
            clearance = value;
            return this;
        }

        ScreeningInput build() {
            return new ScreeningInput(intakeDate, conditions, redFlags,
                    medications.stream().map(ScreeningInput.Medicine::written).toList(), List.copyOf(surgeries), allergies,
                    consentDate, consentExplained, clearance);
        }
    }
}
