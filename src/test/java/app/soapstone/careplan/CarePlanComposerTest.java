package app.soapstone.careplan;

import app.soapstone.careplan.CarePlan.Group;
import app.soapstone.careplan.CarePlan.Massage;
import app.soapstone.careplan.CarePlan.Point;
import app.soapstone.careplan.CarePlanTemplates.Stretch;
import app.soapstone.validation.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static app.soapstone.careplan.Profile.TODAY;
import static app.soapstone.careplan.Profile.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link CarePlanComposer#compose} for clients screened by the real screening on the bundled
 * templates: what each family of care-plan rules withholds, replaces and adds. Wording is read
 * from the template files where a test checks that the composer picked the right piece.
 */
class CarePlanComposerTest {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final JsonNode PLAN = yaml("careplan/plan.yaml");
    private static final JsonNode TECHNIQUES = yaml("careplan/self-massage.yaml");

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
        assertThat(stretchIds(client().regions(region).plan())).containsExactly(expected.split(",\\s*"));
    }

    @Test
    void severalRegionsGetTheirStretchesOnceEachUpToTheMaximum() {
        assertThat(stretchIds(client().regions("calf", "foot", "hamstring").plan()))
                .containsExactly("gastrocnemius-wall", "soleus-wall", "plantar-fascia", "toe-stretch");
    }

    @ParameterizedTest(name = "regions {0}")
    @ValueSource(strings = {"", "back", "neck,shoulder"})
    void withoutLegOrFootSitesTheDefaultStretchesAreGiven(String regions) {
        CarePlan plan = client().regions(regions.isEmpty() ? new String[0] : regions.split(",")).plan();

        assertThat(stretchIds(plan)).containsExactlyElementsOf(texts(PLAN.path("stretches").path("default")));
    }

    @Test
    void aClientOver75GetsSeatedVersionsAndTheTherapistIsToldWhy() {
        CarePlan at75 = client().age(75).regions("calf", "foot").plan();
        CarePlan at76 = client().age(76).regions("calf", "foot").plan();

        assertThat(at75.stretches().items()).extracting(Stretch::position).contains("standing");
        assertThat(at76.stretches().items()).extracting(Stretch::position).doesNotContain("standing");
        assertThat(stretchIds(at76)).containsExactly("seated-towel-calf", "plantar-fascia", "toe-stretch");
        assertThat(at76.adaptations()).contains("Seated stretches instead of standing ones: age 76 (date of birth)");
        assertThat(at76.duringACramp().items()).contains(text(PLAN, "during-a-cramp", "stand-holding-on"))
                .doesNotContain(text(PLAN, "during-a-cramp", "walk-about"));
    }

    @Test
    void balanceProblemsAndMuscleWeaknessGiveSeatedStretchesAtAnyAge() {
        assertThat(client().age(40).conditions("balance-problems").plan().stretches().items())
                .extracting(Stretch::position).doesNotContain("standing");
        assertThat(client().age(40).redFlags("muscle-weakness").plan().stretches().items())
                .extracting(Stretch::position).doesNotContain("standing");
        assertThat(client().age(40).conditions("osteoarthritis").plan().stretches().items())
                .extracting(Stretch::position).contains("standing");
    }

    @Test
    void theTherapistsStretchesAreUsedInTheirOrderButStillMadeSeatedWhenStandingIsUnsafe() {
        PlanOptions options = new PlanOptions(List.of("toe-stretch", "step-heel-drop", "hamstring-towel"), null, null, null);

        assertThat(stretchIds(client().age(50).plan(options)))
                .containsExactly("toe-stretch", "step-heel-drop", "hamstring-towel");
        assertThat(stretchIds(client().age(80).plan(options)))
                .containsExactly("toe-stretch", "seated-towel-calf", "hamstring-towel");
    }

    @Test
    void theTherapistCannotGiveMoreStretchesThanThePlanHoldsOrUnknownOnes() {
        assertThatThrownBy(() -> client().plan(new PlanOptions(List.of("toe-stretch", "step-heel-drop",
                "hamstring-towel", "soleus-wall", "plantar-fascia"), null, null, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--stretches: give at most 4");
        assertThatThrownBy(() -> client().plan(new PlanOptions(List.of("splits"), null, null, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'splits' is not a stretch");
    }

    // ---------------------------------------------------------------- urgent referrals: the see-a-doctor sheet

    @ParameterizedTest
    @ValueSource(strings = {"one-sided-calf-swelling", "calf-warmth-redness", "cramp-over-10-minutes"})
    void anUrgentReferralNotClearedGivesTheSheetInsteadOfAPlan(String redFlag) {
        DoctorSheet sheet = client().redFlags(redFlag, "numbness-tingling").conditions("neuropathy")
                .medications("Eliquis 5 mg bd", "Lipitor 20mg nocte").sheet();
        String label = Profile.RULES.redFlag(redFlag).orElseThrow().label();

        assertThat(sheet.title()).isEqualTo(text(PLAN, "see-a-doctor", "title"));
        assertThat(sheet.symptoms()).containsExactly(label);
        assertThat(sheet.tell()).anySatisfy(line -> assertThat(line).contains("Eliquis 5 mg twice a day")
                .contains("Lipitor 20mg at night").doesNotContain(" bd").doesNotContain("nocte"));
        assertThat(sheet.tell()).anySatisfy(line -> assertThat(line).contains("Peripheral neuropathy"));
        assertThat(sheet.emergency().lines()).isNotEmpty()
                .anySatisfy(line -> assertThat(line).contains("short of breath"))
                .anySatisfy(line -> assertThat(line).contains("coffee grounds"));
        assertThat(sheet.contact()).contains("Harbour Myotherapy").contains("02 9555 0100");
        assertThat(sheet.adaptations()).containsExactly("See-a-doctor sheet instead of a care plan: " + label
                + " (intake v2)");
        String all = CarePlanText.render(sheet);
        for (Stretch stretch : Profile.TEMPLATES.stretches().values()) {
            assertThat(all).doesNotContain(stretch.title());
        }
        Profile.TEMPLATES.techniques().values().forEach(t -> assertThat(all).doesNotContain(t.title()));
    }

    @Test
    void afterClearanceThePlanIsPrintedWithTheClearedLineAndTheTherapistIsTold() {
        CarePlan plan = client().redFlags("one-sided-calf-swelling").clearedOn(TODAY.minusDays(1)).plan();

        assertThat(plan.cleared().heading()).isEqualTo(text(PLAN, "see-a-doctor", "cleared").replace("{date}", "9 March 2026"));
        assertThat(plan.cleared().lines()).containsExactly("Swelling of one calf");
        assertThat(plan.stretches().items()).isNotEmpty();
        assertThat(plan.adaptations()).contains("Urgent referral cleared by a doctor on 9 March 2026: Swelling of one"
                + " calf (intake v2)");
    }

    @Test
    void theSheetListsRecentOperationsAndOtherConditions() {
        DoctorSheet sheet = client().redFlags("calf-warmth-redness").surgery("right knee replacement", 3)
                .otherConditions("gout").sheet();

        assertThat(sheet.tell()).anySatisfy(line -> assertThat(line).contains("right knee replacement"))
                .anySatisfy(line -> assertThat(line).contains("gout"));
    }

    // ---------------------------------------------------------------- blood thinners

    @ParameterizedTest
    @ValueSource(strings = {"warfarin 5 mg", "Eliquis 5 mg bd", "Xarelto 20mg", "clopidogrel 75 mg", "aspirin 100 mg"})
    void bloodThinnersGetGentleStrokingOnlyWithBruisingAndBleedingSigns(String medicine) {
        CarePlan plan = client().regions("calf", "foot", "thigh").medications(medicine).plan();

        assertThat(plan.selfMassage().items()).extracting(Massage::title)
                .containsExactly("Stroke the calf gently", "Stroke the foot gently", "Stroke the thigh gently");
        String all = CarePlanText.render(plan);
        assertThat(all).doesNotContainIgnoringCase("ball").doesNotContainIgnoringCase("knead")
                .doesNotContain(text(PLAN, "during-a-cramp", "painkillers"))
                .contains(text(PLAN, "during-a-cramp", "ask-pharmacist"));
        assertThat(plan.keepSafe().cautions()).anySatisfy(c -> assertThat(c).contains("bruise"));
        assertThat(groupLines(plan, "Call an ambulance")).anySatisfy(l -> assertThat(l).contains("coffee grounds"));
        assertThat(groupLines(plan, "same day")).anySatisfy(l -> assertThat(l).contains("bruises you cannot explain"));
    }

    @Test
    void anAnticoagulantNamesTheAnticoagulantClinicAndTheAdaptationNamesTheMedicine() {
        CarePlan plan = client().medications("Eliquis 5 mg bd").plan();

        assertThat(plan.keepSafe().contacts()).contains("your GP or anticoagulant clinic");
        assertThat(plan.adaptations()).contains("Blood thinner - gentle stroking only; bruising and bleeding signs:"
                + " apixaban (intake v2)");
    }

    // ---------------------------------------------------------------- reduced sensation

    @ParameterizedTest
    @ValueSource(strings = {"neuropathy", "diabetes", "peripheral-artery-disease"})
    void reducedSensationOrCirculationMeansNoHeatOrColdAndDailyFootChecks(String condition) {
        CarePlan plan = client().regions("calf", "foot").conditions(condition).plan();
        String all = CarePlanText.render(plan);

        assertThat(all).doesNotContainIgnoringCase("cold").doesNotContainIgnoringCase("warm shower or bath")
                .doesNotContainIgnoringCase("warm bath");
        assertThat(plan.duringACramp().items()).contains(text(PLAN, "during-a-cramp", "warm-shower-tested"));
        assertThat(plan.keepSafe().cautions()).contains(caution("foot-check"), caution("no-direct-heat"));
        assertThat(plan.selfMassage().items()).extracting(Massage::title).doesNotContain("Roll the sole of the foot");
    }

    @Test
    void neuropathyAndWarfarinTogetherLeaveNoBallColdOrWarmBath() {
        CarePlan plan = client().regions("calf", "foot").conditions("neuropathy").medications("warfarin 3 mg").plan();
        String all = CarePlanText.render(plan);

        assertThat(all).doesNotContainIgnoringCase("ball").doesNotContainIgnoringCase("cold")
                .doesNotContainIgnoringCase("warm bath").doesNotContainIgnoringCase("knead");
        assertThat(plan.adaptations()).containsSubsequence(
                "No heat, cold or ball pressure; daily foot checks: Peripheral neuropathy (intake v2)",
                "Blood thinner - gentle stroking only; bruising and bleeding signs: warfarin (intake v2)");
    }

    // ---------------------------------------------------------------- fluids

    @ParameterizedTest
    @ValueSource(strings = {"heart-failure", "dialysis", "kidney-disease", "fluid-restriction", "liver-disease"})
    void aFluidRestrictionDefersToTheDoctorAndDropsEveryGenericDrinkingLine(String condition) {
        CarePlan plan = client().conditions(condition).plan(new PlanOptions(null, 3.0, null, null));

        assertThat(plan.hydration().restricted()).isTrue();
        assertThat(plan.hydration().heading()).isEqualTo(text(PLAN, "hydration", "restricted", "heading"));
        assertThat(plan.hydration().target()).isEqualTo(text(PLAN, "hydration", "restricted", "text"));
        assertThat(plan.hydration().current()).isNull();
        String all = CarePlanText.render(plan);
        assertThat(all).doesNotContain("Drink enough").doesNotContain("glass with each meal")
                .doesNotContainIgnoringCase("urine").doesNotContain("Drink more").doesNotContain("3 litres")
                .doesNotContain("Water target met?");
        assertThat(plan.log().rows()).contains("Fluids as your team advised?");
    }

    @Test
    void heartFailureAddsTheWeightGainWarningAndTheHeartTeam() {
        CarePlan plan = client().conditions("heart-failure").plan();

        assertThat(groupLines(plan, "same day")).anySatisfy(l -> assertThat(l).contains("2 kg"));
        assertThat(plan.keepSafe().contacts()).contains("your heart failure team or GP");
    }

    @Test
    void withoutARestrictionTheTargetAndTipsArePrinted() {
        CarePlan plan = client().plan();

        assertThat(plan.hydration().restricted()).isFalse();
        assertThat(plan.hydration().target()).isEqualTo("6-8 glasses (about 1.5-2 litres) of fluids a day");
        assertThat(plan.hydration().current()).isEqualTo("You told us you drink about 4 glasses a day.");
        assertThat(plan.hydration().tips()).contains(text(PLAN, "hydration", "drink-more"),
                text(PLAN, "hydration", "urine-colour"));
        assertThat(client().plan(new PlanOptions(null, 2.5, null, null)).hydration().target())
                .isEqualTo("2.5 litres (about 10 glasses) of fluids a day");
    }

    // ---------------------------------------------------------------- potassium

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Aldactone 25 mg      | spironolactone
            Entresto 49/51 mg bd | sacubitril
            ramipril 5 mg        | ramipril
            Cozaar 50 mg         | losartan
            trimethoprim 300 mg  | trimethoprim
            Nurofen 400 mg prn   | ibuprofen
            Lanoxin 125 mcg      | digoxin
            """)
    void medicinesThatRaisePotassiumWithholdThePotassiumFoods(String medicine, String generic) {
        CarePlan plan = client().medications(medicine).plan();

        assertThat(plan.foods().items()).extracting(CarePlan.Food::text)
                .doesNotContain(text(PLAN, "foods", "potassium"))
                .contains(text(PLAN, "foods", "potassium-ask-first"));
        assertThat(plan.adaptations()).anySatisfy(line -> assertThat(line).startsWith("Potassium foods withheld:")
                .contains(generic).endsWith("(intake v2)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"kidney-disease", "dialysis", "heart-failure"})
    void kidneyAndHeartConditionsWithholdThePotassiumFoods(String condition) {
        assertThat(client().conditions(condition).plan().foods().items()).extracting(CarePlan.Food::text)
                .doesNotContain(text(PLAN, "foods", "potassium")).contains(text(PLAN, "foods", "potassium-ask-first"));
    }

    @Test
    void otherClientsGetThePotassiumAndCalciumFoods() {
        assertThat(client().plan().foods().items()).extracting(CarePlan.Food::label).contains("Potassium", "Calcium");
        assertThat(client().plan().foods().items()).extracting(CarePlan.Food::text)
                .doesNotContain(text(PLAN, "foods", "potassium-ask-first"));
    }

    // ---------------------------------------------------------------- pregnancy

    @Test
    void pregnancyGetsItsOwnPlanTheMidwifeAndNoToolsOrKneading() {
        CarePlan plan = client().age(31).conditions("pregnancy").regions("calf").plan();
        JsonNode type = crampType("pregnancy");

        assertThat(plan.intro()).isEqualTo(type.path("intro").asString());
        assertThat(plan.evidence()).isEqualTo(type.path("evidence").asString());
        assertThat(plan.advice().items()).isNotEmpty().first().asString().contains("30 times");
        assertThat(plan.log().rows()).contains("Ankle movements done?");
        assertThat(plan.keepSafe().contacts()).contains("your midwife or doctor");
        assertThat(plan.keepSafe().cautions()).contains(caution("supplements-pregnancy"), caution("no-leg-tools"));
        assertThat(plan.selfMassage().items()).extracting(Massage::title).containsExactly("Stroke the calf gently");
        assertThat(groupLines(plan, "same day")).anySatisfy(l -> assertThat(l).contains("midwife"))
                .noneSatisfy(l -> assertThat(l).startsWith("one calf or thigh"));
        assertThat(groupLines(plan, "Call an ambulance")).anySatisfy(l -> assertThat(l).contains("collapse"));
        assertThat(groupLines(plan, "GP")).anySatisfy(l -> assertThat(l).contains("some swelling is common in pregnancy"))
                .doesNotContain(text(PLAN, "doctor", "lines", "swelling"));
        assertThat(CarePlanText.render(plan)).doesNotContainIgnoringCase("ball").doesNotContain("over 55");
    }

    // ---------------------------------------------------------------- the kind of cramps

    @Test
    void exerciseCrampsGetExerciseAdviceAndDrinkToThirstNeverDrinkMore() {
        CarePlan plan = client().age(25).timing("exercise").plan();
        JsonNode type = crampType("exercise");
        String all = CarePlanText.render(plan);

        assertThat(plan.intro()).isEqualTo(type.path("intro").asString());
        assertThat(all).doesNotContain("over 55").doesNotContain("night cramps")
                .doesNotContain(text(PLAN, "hydration", "drink-more"))
                .doesNotContainIgnoringCase("dehydrated")
                .contains(text(PLAN, "hydration", "drink-to-thirst"));
        assertThat(plan.advice().items()).contains(type.path("advice").path("items").get(0).path("text").asString());
        assertThat(plan.log().rows()).containsExactly("Exercised today?", "Cramp during or after it?", "Stretches done?");
        assertThat(plan.stretches().items()).allSatisfy(s -> assertThat(s.when()).isEqualTo(type.path("stretch-when").asString()));
        assertThat(groupLines(plan, "same day")).anySatisfy(l -> assertThat(l).contains("during or after exercise"));
    }

    @Test
    void runningInTheTriggersMakesExerciseCrampsWhenTheTimingDoesNotSay() {
        assertThat(client().timing(null).triggers("during long runs").plan().intro())
                .isEqualTo(crampType("exercise").path("intro").asString());
        assertThat(client().timing("mixed").triggers("Football training").plan().intro())
                .isEqualTo(crampType("exercise").path("intro").asString());
        assertThat(client().timing("night").triggers("after running").plan().intro())
                .isEqualTo(crampType("night").path("intro").asString());
        assertThat(client().timing(null).triggers("after walking the dog").plan().intro())
                .isEqualTo(crampType("night").path("intro").asString());
    }

    @Test
    void daytimeCrampsAtRestGetTheirOwnIntroAndLog() {
        CarePlan plan = client().timing("day").plan();

        assertThat(plan.intro()).isEqualTo(crampType("rest").path("intro").asString());
        assertThat(plan.log().rows()).first().isEqualTo("Cramp today?");
    }

    @Test
    void nightCrampsAreTheDefault() {
        CarePlan plan = client().timing(null).plan();

        assertThat(plan.intro()).isEqualTo(crampType("night").path("intro").asString());
        assertThat(plan.evidence()).contains("over 55");
        assertThat(plan.log().rows()).containsExactly("Cramp in the night?", "Stretches done?", "Water target met?");
    }

    // ---------------------------------------------------------------- the doctor box

    @Test
    void everyPlanWatchesForTheRedFlagsOfDomainMdGroupedByUrgency() {
        CarePlan plan = client().plan();

        assertThat(plan.doctor().groups()).extracting(Group::heading)
                .containsExactly("Call an ambulance if:", "Get medical help the same day if:", "See your GP if:");
        assertThat(plan.doctor().first()).isFalse();
        assertThat(plan.doctor().now()).isEmpty();
        assertThat(plan.doctor().heading()).isEqualTo(text(PLAN, "doctor", "heading"));
        String all = String.join("\n", plan.doctor().groups().stream().flatMap(g -> g.lines().stream()).toList());
        assertThat(all).contains("short of breath", "when you stand or walk", "10 minutes", "tetanus", "poison",
                "disturb your sleep", "numb", "weak", "when you walk and stop when you rest", "new medicine",
                "vomiting", "swell", "balance", "dizzy or confused");
    }

    @Test
    void sleepDisturbanceOf7OrMoreAddsTheGpLineAtTheTop() {
        CarePlan plan = client().sleep(8, "session 12").plan();

        assertThat(plan.doctor().first()).isTrue();
        assertThat(plan.doctor().heading()).isEqualTo("Please see your GP about this");
        assertThat(plan.doctor().now()).singleElement().asString().contains("disturb your sleep");
        assertThat(groupLines(plan, "GP")).noneSatisfy(l -> assertThat(l).contains("disturb your sleep"));
        assertThat(plan.adaptations()).contains("GP line for cramps that disturb sleep: sleep disturbance 8/10 (session 12)");
        assertThat(client().sleep(6, "session 12").plan().doctor().now()).isEmpty();
    }

    @Test
    void crampsMostNightsAddTheSameGpLine() {
        assertThat(client().crampsPerWeek(5, "intake v2").plan().doctor().now()).singleElement().asString()
                .contains("most nights");
        assertThat(client().crampsPerWeek(3, "intake v2").plan().doctor().now()).isEmpty();
    }

    @Test
    void routineRedFlagsAreNowLinesInOneBoxNotSeparateAlerts() {
        CarePlan plan = client().redFlags("numbness-tingling", "muscle-weakness", "cramps-when-walking",
                "after-new-medicine", "after-fluid-loss").plan();

        assertThat(plan.doctor().first()).isTrue();
        assertThat(plan.doctor().heading()).isEqualTo("Please see your GP about this");
        assertThat(plan.doctor().now()).hasSize(5);
        assertThat(plan.cleared()).isNull();
    }

    @Test
    void medicinesLinkedToCrampsAreNamedInPlainWords() {
        CarePlan plan = client().medications("Lipitor 20 mg mane", "Lasix 40 mg bd", "Ventolin 2 puffs prn").plan();

        assertThat(plan.doctor().now()).singleElement().asString()
                .contains("Lipitor 20 mg in the morning, Lasix 40 mg twice a day and Ventolin 2 puffs when needed")
                .doesNotContain("mane").doesNotContain(" bd").doesNotContain("prn");
    }

    @Test
    void aQuestionForThePrescriberIsANowLineButLeavesTheBoxInItsPlace() {
        CarePlan statin = client().medications("Lipitor 20 mg daily").plan();
        CarePlan statinAndNumbness = client().medications("Lipitor 20 mg daily").redFlags("numbness-tingling").plan();

        assertThat(statin.doctor().now()).hasSize(1);
        assertThat(statin.doctor().heading()).isEqualTo("Please see your GP about this");
        assertThat(statin.doctor().first()).isFalse();
        assertThat(statinAndNumbness.doctor().first()).isTrue();
    }

    @Test
    void anAmbiguousAbbreviationIsPrintedAsWritten() {
        CarePlan plan = client().medications("Lipitor 20 mg od").plan();

        assertThat(plan.doctor().now()).singleElement().asString().contains("Lipitor 20 mg od");
    }

    // ---------------------------------------------------------------- self-massage minutes

    @Test
    void withoutTheTherapistsMinutesNoDurationIsGivenForStrokingOrKneading() {
        CarePlan plan = client().regions("calf", "foot").plan();

        assertThat(plan.selfMassage().items()).filteredOn(m -> !m.title().startsWith("Ball"))
                .allSatisfy(m -> assertThat(m.howLong()).isNull());
        assertThat(plan.selfMassage().items()).filteredOn(m -> m.title().startsWith("Ball"))
                .singleElement().extracting(Massage::howLong).isEqualTo("About 90 seconds on each tender spot");
        assertThat(CarePlanText.render(plan)).doesNotContain("your therapist's suggestion").doesNotContain("minutes a day");
    }

    @Test
    void theSessionsMinutesAreUsedAndThePlanOptionWins() {
        CarePlan fromSession = client().massageMinutes(8).plan();
        CarePlan fromOption = client().massageMinutes(8).plan(new PlanOptions(null, null, null, 12));

        assertThat(fromSession.selfMassage().items()).filteredOn(m -> m.title().startsWith("Stroke"))
                .singleElement().extracting(Massage::howLong)
                .isEqualTo("8 minutes a day for each leg, as your therapist suggested");
        assertThat(fromOption.selfMassage().items()).filteredOn(m -> m.title().startsWith("Stroke"))
                .singleElement().extracting(Massage::howLong)
                .isEqualTo("12 minutes a day for each leg, as your therapist suggested");
    }

    // ---------------------------------------------------------------- other findings

    @Test
    void recentSurgeryGivesTheClotWarningAndNoBallOrKneading() {
        CarePlan plan = client().surgery("left hip replacement", 4).plan();

        assertThat(plan.keepSafe().cautions()).contains(caution("clot-after-surgery"));
        assertThat(plan.selfMassage().items()).extracting(Massage::title).doesNotContain("Ball on a tender spot",
                "Stroke and knead the calf");
        assertThat(client().surgery("left hip replacement", 60).plan().keepSafe()).isNull();
    }

    @Test
    void allergiesAddTheOilCheckWithTheAllergies() {
        assertThat(client().allergies("lanolin, lavender oil").plan().keepSafe().cautions())
                .containsExactly("Check any oil or lotion against your allergies before you use it (lanolin, lavender oil).");
    }

    @Test
    void aClientWithNoFindingsHasNoKeepSafeSectionAndNoAdaptations() {
        CarePlan plan = client().plan();

        assertThat(plan.keepSafe()).isNull();
        assertThat(plan.adaptations()).isEmpty();
        assertThat(plan.selfMassage().items()).extracting(Massage::title)
                .containsExactly("Stroke and knead the calf", "Ball on a tender spot");
    }

    @Test
    void adaptationsWithTheSameWordingAreOneLineNamingEveryCause() {
        CarePlan plan = client().medications("Aldactone 25 mg", "ramipril 5 mg").conditions("kidney-disease").plan();

        assertThat(plan.adaptations()).filteredOn(l -> l.startsWith("Potassium foods withheld"))
                .containsExactly("Potassium foods withheld: spironolactone, ramipril (intake v2)");
    }

    // ---------------------------------------------------------------- progress and the rest

    @Test
    void theChartHasOnePointPerDateTheDaysLastMeasure() {
        LocalDate day = TODAY.minusDays(7);
        CarePlan plan = client().progress(List.of(new Point(day, 14), new Point(day, 9), new Point(TODAY, 5))).plan();

        assertThat(plan.progress().points()).containsExactly(new Point(day, 9), new Point(TODAY, 5));
        assertThat(client().progress(List.of(new Point(day, 3), new Point(day, 4))).plan().progress()).isNull();
    }

    @Test
    void aClientWithoutAnIntakeGetsTheDefaultPlan() {
        CarePlan plan = client().noIntake().plan();

        assertThat(stretchIds(plan)).containsExactlyElementsOf(texts(PLAN.path("stretches").path("default")));
        assertThat(plan.intro()).isEqualTo(crampType("night").path("intro").asString());
    }

    @Test
    void theLogStartsTodayForTheTemplatesNumberOfDays() {
        CarePlan plan = client().plan();

        assertThat(plan.log().firstDay()).isEqualTo(TODAY);
        assertThat(plan.log().days()).isEqualTo(PLAN.path("log-nights").asInt());
    }

    // ---------------------------------------------------------------- helpers

    private static List<String> stretchIds(CarePlan plan) {
        return plan.stretches().items().stream().map(Stretch::id).toList();
    }

    private static List<String> groupLines(CarePlan plan, String headingPart) {
        return plan.doctor().groups().stream().filter(g -> g.heading().contains(headingPart))
                .flatMap(g -> g.lines().stream()).toList();
    }

    private static String caution(String id) {
        return PLAN.path("keep-safe").path("cautions").path(id).asString().strip();
    }

    private static JsonNode crampType(String id) {
        for (JsonNode type : PLAN.path("cramp-types")) {
            if (type.path("id").asString().equals(id)) {
                return type;
            }
        }
        throw new AssertionError("no cramp type " + id);
    }

    /** The text of the item {@code id} in a list ({@code section/items}, or an array), or a plain path's text. */
    static String text(JsonNode root, String... path) {
        JsonNode node = root;
        for (int i = 0; i < path.length; i++) {
            JsonNode next = node.path(path[i]);
            if (next.isMissingNode() && i == path.length - 1) {
                for (JsonNode item : node.isArray() ? node : node.path("items")) {
                    if (item.path("id").asString().equals(path[i])) {
                        return item.path("text").asString().strip();
                    }
                }
            }
            node = next;
        }
        if (node.isMissingNode()) {
            throw new AssertionError("nothing at " + String.join("/", path));
        }
        return node.asString().strip();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asString()));
        return texts;
    }

    private static JsonNode yaml(String path) {
        try (InputStream in = CarePlanComposerTest.class.getClassLoader().getResourceAsStream("templates/" + path)) {
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
