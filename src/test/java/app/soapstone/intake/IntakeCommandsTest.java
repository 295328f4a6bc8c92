package app.soapstone.intake;

import app.soapstone.screening.ScreeningRules;
import app.soapstone.shell.Failure;
import app.soapstone.support.SoapstoneTest;
import app.soapstone.vocabulary.Vocabulary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.core.InputReader;

import java.io.EOFException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code intake new|show|history|clear} and {@code screening show} through the real command
 * layer, checked against the rows in {@code intake} and its child tables.
 */
@Tag(SoapstoneTest.POSTGRESQL)
class IntakeCommandsTest extends SoapstoneTest {

    private static final List<String> TABLES = List.of("intake", "intake_site", "intake_condition", "intake_red_flag",
            "intake_consent_element", "intake_medication", "intake_surgery", "intake_clearance");
    private static final List<String> REQUIRED = List.of("cramp-frequency", "cramp-sites", "cramp-severity",
            "consent-date", "consent-by");

    @Autowired
    private Vocabulary vocabulary;

    @Autowired
    private ScreeningRules rules;

    // ---------------------------------------------------------------- intake new: what is stored

    @Test
    void newStoresEveryFieldInTheIntakeAndItsChildTables() {
        long client = client();
        LocalDate taken = TODAY.minusDays(3);
        LocalDate consented = TODAY.minusDays(4);

        Result result = run("intake new --client " + client + " --date " + taken
                + " --cramp-frequency 2 --cramp-frequency-unit night --cramp-sites \"calf-left, foot-right\""
                + " --cramp-severity 7 --cramp-duration 2.5 --cramp-timing night --sleep-disturbance 8"
                + " --triggers \"long shifts standing\" --cramps-since \"2 years\""
                + " --medications \"Lipitor 20 mg daily; Eliquis 5mg bd\""
                + " --surgeries \"right total knee replacement 2019; lumbar fusion 2015-03\""
                + " --conditions diabetes,neuropathy --other-conditions \"mild asthma\" --red-flags numbness-tingling"
                + " --water-glasses 6 --caffeine \"3 coffees\" --alcohol \"2 glasses of wine a week\""
                + " --activity \"walks 30 min daily\" --occupation nurse --allergies latex"
                + " --consent-date " + consented + " --consent-by \"Ann Lee\" --consent-explained all");

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        assertThat(result.output()).startsWith("Recorded intake version 1 for client " + client);
        Map<String, Object> intake = jdbc.sql("SELECT * FROM intake").query().singleRow();
        // An id is a Java int from SQLite and a long from PostgreSQL: compared as a number.
        assertThat(((Number) intake.get("client_id")).longValue()).isEqualTo(client);
        assertThat(intake).containsEntry("version", 1)
                .containsEntry("taken_on", taken.toString())
                .containsEntry("cramp_frequency_given", "2 per night")
                .containsEntry("cramp_severity", 7)
                .containsEntry("cramp_timing", "night")
                .containsEntry("cramp_sleep_disturbance", 8)
                .containsEntry("cramp_triggers", "long shifts standing")
                .containsEntry("cramp_since", "2 years")
                .containsEntry("other_conditions", "mild asthma")
                .containsEntry("caffeine", "3 coffees")
                .containsEntry("alcohol", "2 glasses of wine a week")
                .containsEntry("activity", "walks 30 min daily")
                .containsEntry("occupation", "nurse")
                .containsEntry("allergies", "latex")
                .containsEntry("consent_date", consented.toString())
                .containsEntry("consent_given_by", "Ann Lee");
        assertThat(((Number) intake.get("cramp_frequency_per_week")).doubleValue()).isEqualTo(14.0);
        assertThat(((Number) intake.get("cramp_duration_minutes")).doubleValue()).isEqualTo(2.5);
        assertThat(((Number) intake.get("water_glasses")).doubleValue()).isEqualTo(6.0);
        assertThat(intake.get("water_litres")).isNull();
        assertThat(intake.get("recorded_at")).isNotNull();
        assertThat(intake.get("practitioner_id")).isNull();

        assertThat(column("intake_site", "site")).containsExactly("calf-left", "foot-right");
        assertThat(column("intake_condition", "condition")).containsExactly("diabetes", "neuropathy");
        assertThat(column("intake_red_flag", "red_flag")).containsExactly("numbness-tingling");
        assertThat(column("intake_consent_element", "element")).containsExactlyElementsOf(vocabulary.consentElementIds());
        assertThat(rows("SELECT description, name, dose, frequency FROM intake_medication ORDER BY position"))
                .containsExactly(
                        List.of("Lipitor 20 mg daily", "Lipitor", "20 mg", "daily"),
                        List.of("Eliquis 5mg bd", "Eliquis", "5mg", "bd"));
        assertThat(rows("SELECT description, performed, side FROM intake_surgery ORDER BY position"))
                .containsExactly(
                        List.of("right total knee replacement 2019", "2019", "right"),
                        List.of("lumbar fusion 2015-03", "2015-03", "null"));
        assertThat(jdbc.sql("SELECT DISTINCT intake_id FROM intake_site").query(Long.class).list())
                .containsExactly(((Number) intake.get("id")).longValue());
    }

    @Test
    void newWithOnlyTheRequiredFieldsLeavesTheRestEmpty() {
        long client = client();

        run("intake new --client " + client + required()).expectOk();

        Map<String, Object> intake = jdbc.sql("SELECT * FROM intake").query().singleRow();
        assertThat(intake).containsEntry("taken_on", TODAY.toString()).containsEntry("cramp_severity", 6)
                .containsEntry("cramp_frequency_given", "3 per week");
        for (String column : List.of("cramp_duration_minutes", "cramp_timing", "cramp_sleep_disturbance",
                "cramp_triggers", "cramp_since", "other_conditions", "water_glasses", "water_litres", "caffeine",
                "alcohol", "activity", "occupation", "allergies")) {
            assertThat(intake.get(column)).as(column).isNull();
        }
        assertThat(counts()).containsEntry("intake", 1).containsEntry("intake_site", 1)
                .containsEntry("intake_condition", 0).containsEntry("intake_red_flag", 0)
                .containsEntry("intake_consent_element", 0).containsEntry("intake_medication", 0)
                .containsEntry("intake_surgery", 0);
    }

    @Test
    void waterInLitresIsStoredAsGiven() {
        long client = client();

        run("intake new --client " + client + required() + " --water-litres 1.5").expectOk();

        Map<String, Object> intake = jdbc.sql("SELECT water_litres, water_glasses FROM intake").query().singleRow();
        assertThat(((Number) intake.get("water_litres")).doubleValue()).isEqualTo(1.5);
        assertThat(intake.get("water_glasses")).isNull();
        assertThat(card(run("intake show --client " + client).expectOk())).containsEntry("Water", "1.5 L a day");
    }

    @Test
    void consentExplainedCanListSomeElements() {
        long client = client();

        run("intake new --client " + client + required() + " --consent-explained \"risks, nature\"").expectOk();

        assertThat(column("intake_consent_element", "element")).containsExactly("risks", "nature");
    }

    @Test
    void theDefaultPractitionerIsRecordedWithTheIntake() {
        long practitioner = Long.parseLong(run("practitioner add --name \"Sam Jones\" --credentials RMT").expectOk());
        long client = client();

        run("intake new --client " + client + required()).expectOk();

        assertThat(jdbc.sql("SELECT practitioner_id FROM intake").query(Long.class).single()).isEqualTo(practitioner);
    }

    @ParameterizedTest(name = "{0} per {1} -> {2} a week")
    @CsvSource(delimiter = '|', textBlock = """
            2   | night | 14   | 2 per night
            4   | month | 0.92 | 4 per month
            3   | week  | 3    | 3 per week
            1.5 | day   | 10.5 | 1.5 per day
            0   | week  | 0    | 0 per week
            """)
    void frequencyIsStoredAsAWeeklyFigureWithWhatWasGiven(String frequency, String unit, double weekly, String given) {
        long client = client();

        run("intake new --client " + client + required().replace("--cramp-frequency 3", "--cramp-frequency " + frequency)
                + " --cramp-frequency-unit " + unit).expectOk();

        assertThat(jdbc.sql("SELECT cramp_frequency_per_week FROM intake").query(Double.class).single())
                .isCloseTo(weekly, within(0.005));
        assertThat(jdbc.sql("SELECT cramp_frequency_given FROM intake").query(String.class).single()).isEqualTo(given);
    }

    @Test
    void fourPerMonthIsAboutPointNineTwoAWeek() {
        long client = client();

        run("intake new --client " + client + required().replace("--cramp-frequency 3", "--cramp-frequency 4")
                + " --cramp-frequency-unit MONTH").expectOk();

        assertThat(jdbc.sql("SELECT cramp_frequency_per_week FROM intake").query(Double.class).single())
                .isCloseTo(4 * 12 / 52.0, within(0.005));
        assertThat(card(run("intake show --client " + client).expectOk()).get("Cramps"))
                .isEqualTo("0.92 a week (4 per month)");
    }

    @Test
    void withoutAUnitTheFrequencyIsPerWeek() {
        long client = client();

        run("intake new --client " + client + required()).expectOk();

        assertThat(jdbc.sql("SELECT cramp_frequency_per_week FROM intake").query(Double.class).single()).isEqualTo(3.0);
        assertThat(card(run("intake show --client " + client).expectOk()).get("Cramps")).isEqualTo("3 a week");
    }

    @Test
    void theOutputOfNewIsTheScreeningOfTheRecordedIntake() {
        long client = client();

        String output = run("intake new --client " + client + required()
                + " --medications \"Lipitor 20 mg daily\" --red-flags one-sided-calf-swelling").expectOk();

        assertThat(output).contains("Screening of intake v1 (" + TODAY + ")");
        assertThat(section(output, "REFER")).anySatisfy(flag -> assertThat(flag)
                .startsWith("! " + redFlag("one-sided-calf-swelling").title() + " [urgent]"));
        assertThat(section(output, "NOTE")).anySatisfy(flag -> assertThat(flag)
                .startsWith("- Statin: Lipitor 20 mg daily (atorvastatin)").contains("prescriber"));
    }

    @Test
    void anAmbiguousDoseAbbreviationIsKeptAsTypedAndTheTherapistIsWarned() {
        long client = client();

        String output = run("intake new --client " + client + required()
                + " --medications \"Lipitor 20 mg od; Eliquis 5 mg bd\"").expectOk();

        assertThat(section(output, "NOTE")).anySatisfy(flag -> assertThat(flag)
                .startsWith("- Unclear abbreviation: Lipitor 20 mg od").contains("right eye"));
        assertThat(section(output, "NOTE")).noneSatisfy(flag -> assertThat(flag).contains("Unclear abbreviation: Eliquis"));
        assertThat(jdbc.sql("SELECT description FROM intake_medication ORDER BY position").query(String.class).list())
                .containsExactly("Lipitor 20 mg od", "Eliquis 5 mg bd");
    }

    // ---------------------------------------------------------------- versions, show, history

    @Test
    void eachIntakeIsANewVersionAndOlderVersionsStayViewable() {
        long client = client();
        long other = client();
        run("intake new --client " + client + " --cramp-frequency 5 --cramp-sites calf-left --cramp-severity 8"
                + " --consent-date " + TODAY + " --consent-by client --sleep-disturbance 9").expectOk();
        Map<String, Object> first = jdbc.sql("SELECT * FROM intake WHERE version = 1").query().singleRow();

        assertThat(run("intake new --client " + client + " --cramp-frequency 2 --cramp-sites foot-right"
                + " --cramp-severity 5 --consent-date " + TODAY + " --consent-by client").expectOk())
                .startsWith("Recorded intake version 2 for client " + client);
        assertThat(run("intake new --client " + client + " --cramp-frequency 1 --cramp-sites calf-right"
                + " --cramp-severity 2 --consent-date " + TODAY + " --consent-by client").expectOk())
                .startsWith("Recorded intake version 3 for client " + client);
        assertThat(run("intake new --client " + other + required()).expectOk())
                .startsWith("Recorded intake version 1 for client " + other);

        assertThat(jdbc.sql("SELECT version FROM intake WHERE client_id = ? ORDER BY version").param(client)
                .query(Integer.class).list()).containsExactly(1, 2, 3);
        assertThat(jdbc.sql("SELECT * FROM intake WHERE version = 1 AND client_id = ?").param(client).query().singleRow())
                .isEqualTo(first);

        Map<String, String> current = card(run("intake show --client " + client).expectOk());
        assertThat(current.get("Intake")).isEqualTo("version 3, taken " + TODAY);
        assertThat(current).containsEntry("Severity", "2/10").containsEntry("Sites", label("calf-right"));

        Map<String, String> oldest = card(run("intake show --client " + client + " --version 1").expectOk());
        assertThat(oldest.get("Intake")).isEqualTo("version 1, taken " + TODAY);
        assertThat(oldest).containsEntry("Severity", "8/10").containsEntry("Sites", label("calf-left"))
                .containsEntry("Sleep disturbance", "9/10").containsEntry("Cramps", "5 a week");
        assertThat(card(run("intake show --client " + client + " --version 2").expectOk()))
                .containsEntry("Severity", "5/10").containsEntry("Sites", label("foot-right"));

        String history = run("intake history --client " + client).expectOk();
        List<List<String>> lines = tableRows(history);
        assertThat(lines).extracting(row -> row.get(0)).containsExactly("1", "2", "3");
        assertThat(lines).extracting(row -> row.get(3)).containsExactly("8/10", "5/10", "2/10");
        assertThat(lines).extracting(row -> row.get(2)).containsExactly("5", "2", "1");
        assertThat(lines).extracting(row -> row.get(1)).containsOnly(TODAY.toString());
        assertThat(history.lines().findFirst().orElseThrow()).contains("Version", "Taken", "Severity", "Sites");
    }

    @Test
    void showOfAVersionThatDoesNotExistIsNotFound() {
        long client = client();
        run("intake new --client " + client + required()).expectOk();
        run("intake new --client " + client + " --cramp-severity 5").expectOk();

        Result result = run("intake show --client " + client + " --version 7");

        assertThat(result.status()).isEqualTo(Failure.NOT_FOUND);
        assertThat(result.error()).contains("no intake version 7").contains("1-2");
    }

    @Test
    void showHistoryAndScreeningOfAClientWithoutAnIntakeSaySo() {
        long client = client();

        assertThat(run("intake show --client " + client).expectOk()).contains("has no intake yet")
                .contains("intake new --client " + client);
        assertThat(run("intake history --client " + client).expectOk()).isEqualTo("No intakes yet.");
        assertThat(run("screening show --client " + client).expectOk()).contains("has no intake yet");
        Result version = run("intake show --client " + client + " --version 1");
        assertThat(version.status()).isEqualTo(Failure.NOT_FOUND);
        assertThat(version.error()).contains("no intakes yet");
    }

    @ParameterizedTest
    @ValueSource(strings = {"intake show --client 999", "intake show --client 999 --version 1",
            "intake history --client 999", "screening show --client 999",
            "intake clear --client 999 --note \"GP cleared\""})
    void everyCommandReportsAnUnknownClient(String line) {
        Result result = run(line);

        assertThat(result.status()).isEqualTo(Failure.NOT_FOUND);
        assertThat(result.error()).isEqualTo("No client with id 999");
    }

    @Test
    void showDisplaysEveryField() {
        long client = client();
        run("intake new --client " + client + " --cramp-frequency 2 --cramp-frequency-unit night"
                + " --cramp-sites calf-left,calf-right --cramp-severity 7 --cramp-duration 3 --cramp-timing night"
                + " --sleep-disturbance 6 --triggers \"cold weather\" --cramps-since \"6 months\""
                + " --medications \"Lipitor 20 mg daily; Eliquis 5mg bd\" --surgeries \"lumbar fusion 2015\""
                + " --conditions diabetes --other-conditions gout --red-flags muscle-weakness --water-glasses 8"
                + " --caffeine \"2 coffees\" --alcohol none --activity yoga --occupation teacher --allergies latex"
                + " --consent-date " + TODAY + " --consent-by \"Ann Lee\" --consent-explained nature,risks").expectOk();

        String text = run("intake show --client " + client).expectOk();
        Map<String, String> card = card(text);

        assertThat(card).containsEntry("Cramps", "14 a week (2 per night)")
                .containsEntry("Sites", label("calf-left") + ", " + label("calf-right"))
                .containsEntry("Severity", "7/10")
                .containsEntry("Duration", "3 min")
                .containsEntry("Timing", "night")
                .containsEntry("Sleep disturbance", "6/10")
                .containsEntry("Triggers", "cold weather")
                .containsEntry("Cramps since", "6 months")
                .containsEntry("Medications", "Lipitor 20 mg daily")
                .containsEntry("Surgeries", "lumbar fusion 2015")
                .containsEntry("Conditions", rules.condition("diabetes").orElseThrow().label())
                .containsEntry("Other conditions", "gout")
                .containsEntry("Red flags", redFlag("muscle-weakness").label())
                .containsEntry("Water", "8 glasses (about 2 L a day)")
                .containsEntry("Caffeine", "2 coffees")
                .containsEntry("Alcohol", "none")
                .containsEntry("Activity", "yoga")
                .containsEntry("Occupation", "teacher")
                .containsEntry("Allergies", "latex");
        assertThat(card.get("Consent")).startsWith(TODAY + " by Ann Lee; explained: ")
                .contains(vocabulary.consentElement("nature").orElseThrow().label())
                .contains(vocabulary.consentElement("risks").orElseThrow().label());
        assertThat(text).contains("Eliquis 5mg bd");
    }

    // ---------------------------------------------------------------- intake new: bad input

    @ParameterizedTest(name = "--{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            cramp-severity       | 11                 | 11 is out of range (use 0-10)
            cramp-severity       | -1                 | -1 is out of range (use 0-10)
            cramp-severity       | abc                | 'abc' is not a whole number
            sleep-disturbance    | 11                 | 11 is out of range (use 0-10)
            sleep-disturbance    | -1                 | -1 is out of range (use 0-10)
            cramp-frequency      | -1                 | -1 is out of range
            cramp-frequency      | 701                | 701 is out of range
            cramp-frequency      | often              | 'often' is not a number
            cramp-frequency-unit | fortnight          | use night, week or month
            cramp-sites          | calf               | 'calf' is not allowed; use calf-left or calf-right
            cramp-sites          | calf-left,foot     | 'foot' is not allowed; use foot-left or foot-right
            cramp-timing         | sometimes          | use night, day, exercise or mixed
            cramp-duration       | -5                 | -5 is out of range
            water-glasses        | -1                 | -1 is out of range
            water-litres         | 11                 | 11 is out of range
            conditions           | gout               | 'gout' is not allowed
            red-flags            | chest-pain         | 'chest-pain' is not allowed
            consent-explained    | everything         | 'everything' is not allowed
            consent-date         | 2026-02-30         | 2026-02-30 is not a valid date
            consent-date         | tomorrow           | is not a valid date
            surgeries            | lumbar fusion 2019-13 | 2019-13 is not a valid year
            """)
    void badInputIsRefusedNamingTheOptionAndNothingIsStored(String option, String value, String problem) {
        long client = client();

        Result result = run("intake new --client " + client + requiredWith(option, value));

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).startsWith("--" + option + ":").contains(problem);
        assertNothingStored();
    }

    @Test
    void anUnknownSiteListsEveryAllowedSite() {
        long client = client();

        Result result = run("intake new --client " + client + requiredWith("cramp-sites", "elbow"));

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).isEqualTo("--cramp-sites: 'elbow' is not allowed; use "
                + String.join(", ", vocabulary.siteIds()));
        assertNothingStored();
    }

    @Test
    void anUnknownConditionOrRedFlagListsTheAllowedIds() {
        long client = client();

        Result condition = run("intake new --client " + client + requiredWith("conditions", "diabetes,gout"));
        Result redFlag = run("intake new --client " + client + requiredWith("red-flags", "chest-pain"));

        assertThat(condition.status()).isEqualTo(Failure.USAGE);
        assertThat(condition.error()).endsWith(String.join(", ", rules.conditionIds()));
        assertThat(redFlag.status()).isEqualTo(Failure.USAGE);
        assertThat(redFlag.error()).endsWith(String.join(", ", rules.redFlagIds()));
        assertNothingStored();
    }

    @Test
    void datesInTheFutureAreRefused() {
        long client = client();
        String tomorrow = TODAY.plusDays(1).toString();

        Result consent = run("intake new --client " + client + requiredWith("consent-date", tomorrow));
        Result taken = run("intake new --client " + client + required() + " --date " + tomorrow);
        Result surgery = run("intake new --client " + client + required()
                + " --surgeries \"knee replacement " + (TODAY.getYear() + 1) + "\"");

        assertThat(consent.status()).isEqualTo(Failure.USAGE);
        assertThat(consent.error()).startsWith("--consent-date:").contains(tomorrow + " is in the future");
        assertThat(taken.status()).isEqualTo(Failure.USAGE);
        assertThat(taken.error()).startsWith("--date:").contains("is in the future");
        assertThat(surgery.status()).isEqualTo(Failure.USAGE);
        assertThat(surgery.error()).startsWith("--surgeries:").contains("is in the future");
        assertNothingStored();
    }

    @Test
    void aFrequencyThatIsTooHighOnceConvertedIsRefused() {
        long client = client();

        Result result = run("intake new --client " + client
                + required().replace("--cramp-frequency 3", "--cramp-frequency 200") + " --cramp-frequency-unit night");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).startsWith("--cramp-frequency:");
        assertNothingStored();
    }

    @Test
    void waterInGlassesAndLitresTogetherIsRefused() {
        long client = client();

        Result result = run("intake new --client " + client + required() + " --water-glasses 6 --water-litres 2");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).contains("--water-glasses").contains("--water-litres");
        assertNothingStored();
    }

    @Test
    void aBadValueAfterGoodOnesStoresNothing() {
        long client = client();

        Result result = run("intake new --client " + client + required()
                + " --medications \"Lipitor 20 mg\" --conditions diabetes --red-flags numbness-tingling"
                + " --consent-explained all --surgeries \"appendectomy 2010; knee replacement 2019-13\"");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertNothingStored();
    }

    @Test
    void anUnknownClientIsNotFoundAndNothingIsStored() {
        Result result = run("intake new --client 999" + required());

        assertThat(result.status()).isEqualTo(Failure.NOT_FOUND);
        assertThat(result.error()).isEqualTo("No client with id 999");
        assertNothingStored();
    }

    @Test
    void anArchivedClientIsAConflictAndNothingIsStored() {
        long client = client();
        run("client archive " + client).expectOk();

        Result result = run("intake new --client " + client + required());

        assertThat(result.status()).isEqualTo(Failure.CONFLICT);
        assertThat(result.error()).contains("archived").contains("client restore " + client);
        assertNothingStored();
    }

    @Test
    void anUnknownPractitionerIsNotFoundAndNothingIsStored() {
        long client = client();

        Result result = run("intake new --client " + client + required() + " --practitioner 999");

        assertThat(result.status()).isEqualTo(Failure.NOT_FOUND);
        assertThat(result.error()).contains("practitioner").contains("999");
        assertNothingStored();
    }

    // ---------------------------------------------------------------- intake new: missing required fields

    @ParameterizedTest
    @ValueSource(strings = {"cramp-frequency", "cramp-sites", "cramp-severity", "consent-date", "consent-by"})
    void withoutAPromptAMissingRequiredFieldIsAUsageErrorNamingIt(String missing) {
        long client = client();

        // The default InputReader cannot answer, like one-shot mode and scripts.
        Result result = run("intake new --client " + client + requiredWithout(missing));

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).startsWith("--" + missing + ": is required");
        assertNothingStored();
    }

    @Test
    void withoutAPromptAnEmptyRequiredValueIsAlsoMissing() {
        long client = client();

        Result result = run("intake new --client " + client + requiredWith("consent-by", "\"  \""));

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).startsWith("--consent-by: is required");
        assertNothingStored();
    }

    @Test
    void givenAsSeparateWordsLikeOneShotModeAMissingFieldIsAUsageError() {
        long client = client();

        Result result = runWords("intake", "new", "--client", String.valueOf(client), "--cramp-frequency", "3",
                "--cramp-severity", "6", "--consent-date", TODAY.toString(), "--consent-by", "Ann Lee");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).startsWith("--cramp-sites: is required");
        assertNothingStored();
    }

    @Test
    void theShellAsksForEachMissingRequiredFieldInTurn() {
        long client = client();
        Script script = new Script("2.5", "calf-left, calf-right", "7", TODAY.minusDays(1).toString(), "Ann Lee");

        Result result = run("intake new --client " + client + " --cramp-timing night", script);

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        assertThat(script.prompts).hasSize(5);
        assertThat(script.prompts.get(0)).contains("Cramp episodes per week");
        assertThat(script.prompts.get(1)).contains("site ids");
        assertThat(script.prompts.get(2)).contains("0-10");
        assertThat(script.prompts.get(3)).contains("consent").contains("YYYY-MM-DD");
        assertThat(script.prompts.get(4)).containsIgnoringCase("who gave consent");
        assertThat(result.output()).contains("Recorded intake version 1 for client " + client);

        Map<String, Object> intake = jdbc.sql("SELECT * FROM intake").query().singleRow();
        assertThat(((Number) intake.get("cramp_frequency_per_week")).doubleValue()).isEqualTo(2.5);
        assertThat(intake).containsEntry("cramp_severity", 7).containsEntry("cramp_timing", "night")
                .containsEntry("consent_date", TODAY.minusDays(1).toString())
                .containsEntry("consent_given_by", "Ann Lee");
        assertThat(column("intake_site", "site")).containsExactly("calf-left", "calf-right");
    }

    @Test
    void theSitePromptShowsTheAllowedSiteIds() {
        long client = client();
        Script script = new Script("calf-left");

        run("intake new --client " + client + " --cramp-frequency 3 --cramp-severity 6 --consent-date " + TODAY
                + " --consent-by client", script).expectOk();

        assertThat(script.prompts).singleElement().satisfies(prompt -> assertThat(prompt)
                .contains("allowed: " + String.join(", ", vocabulary.siteIds())));
    }

    @Test
    void onlyTheMissingFieldsAreAsked() {
        long client = client();
        Script script = new Script("foot-left", "Ann Lee");

        run("intake new --client " + client + " --cramp-frequency 3 --cramp-severity 6 --consent-date " + TODAY,
                script).expectOk();

        assertThat(script.prompts).hasSize(2);
        assertThat(script.prompts.get(0)).contains("site ids");
        assertThat(script.prompts.get(1)).containsIgnoringCase("who gave consent");
        assertThat(column("intake_site", "site")).containsExactly("foot-left");
    }

    @Test
    void aBadAnswerIsExplainedAndAskedAgain() {
        long client = client();
        Script script = new Script("-2", "3", "calf", "calf-right", "11", "6", TODAY.plusDays(1).toString(),
                TODAY.toString(), "Ann Lee");

        Result result = run("intake new --client " + client, script);

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        assertThat(script.prompts).hasSize(9);
        assertThat(script.prompts.get(1)).isEqualTo(script.prompts.get(0));
        assertThat(script.prompts.get(3)).isEqualTo(script.prompts.get(2));
        assertThat(script.prompts.get(5)).isEqualTo(script.prompts.get(4));
        assertThat(script.prompts.get(7)).isEqualTo(script.prompts.get(6));
        assertThat(result.output()).contains("--cramp-frequency: -2 is out of range")
                .contains("--cramp-sites: 'calf' is not allowed; use calf-left or calf-right")
                .contains("--cramp-severity: 11 is out of range (use 0-10)")
                .contains("--consent-date: " + TODAY.plusDays(1) + " is in the future");
        assertThat(jdbc.sql("SELECT cramp_severity FROM intake").query(Integer.class).single()).isEqualTo(6);
        assertThat(column("intake_site", "site")).containsExactly("calf-right");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void anEmptyAnswerToARequiredFieldAsksAgainKeepingTheEarlierAnswers(int emptyAt) {
        long client = client();
        List<String> answers = new ArrayList<>(List.of("3", "calf-left", "6", TODAY.toString(), "Ann Lee"));
        answers.add(emptyAt, emptyAt % 2 == 0 ? "" : "   ");
        Script script = new Script(answers.toArray(String[]::new));

        Result result = run("intake new --client " + client, script);

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        assertThat(script.prompts).hasSize(6);
        assertThat(script.prompts.get(emptyAt + 1)).isEqualTo(script.prompts.get(emptyAt));
        assertThat(result.output()).contains("--" + REQUIRED.get(emptyAt) + " is required (Ctrl-C cancels");
        Map<String, Object> intake = jdbc.sql("SELECT * FROM intake").query().singleRow();
        assertThat(intake).containsEntry("cramp_severity", 6).containsEntry("consent_given_by", "Ann Lee");
        assertThat(column("intake_site", "site")).containsExactly("calf-left");
    }

    @Test
    void endOfInputAtAPromptCancelsAndStoresNothing() {
        long client = client();
        Script script = new Script("3", Script.END_OF_INPUT);

        Result result = run("intake new --client " + client, script);

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).contains("Cancelled").contains("--cramp-sites").contains("nothing was stored");
        assertNothingStored();
    }

    @Test
    void threeBadAnswersCancelAndStoreNothing() {
        long client = client();
        Script script = new Script("3", "elbow", "knee", "calf");

        Result result = run("intake new --client " + client, script);

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).contains("Cancelled").contains("--cramp-sites").contains("nothing was stored");
        assertThat(script.prompts).hasSize(4);
        assertNothingStored();
    }

    @Test
    void anUnknownClientIsReportedBeforeAnyQuestionIsAsked() {
        Script script = new Script();

        Result result = run("intake new --client 999", script);

        assertThat(result.status()).isEqualTo(Failure.NOT_FOUND);
        assertThat(script.prompts).isEmpty();
        assertNothingStored();
    }

    @Test
    void anArchivedClientIsReportedBeforeAnyQuestionIsAsked() {
        long client = client();
        run("client archive " + client).expectOk();
        Script script = new Script();

        Result result = run("intake new --client " + client, script);

        assertThat(result.status()).isEqualTo(Failure.CONFLICT);
        assertThat(result.error()).contains("archived");
        assertThat(script.prompts).isEmpty();
        assertNothingStored();
    }

    @Test
    void withoutAPromptAnArchivedClientIsAConflictEvenWithFieldsMissing() {
        long client = client();
        run("client archive " + client).expectOk();

        Result result = run("intake new --client " + client + requiredWithout("cramp-sites"));

        assertThat(result.status()).isEqualTo(Failure.CONFLICT);
        assertNothingStored();
    }

    // ---------------------------------------------------------------- screening show

    @Test
    void screeningIsGroupedReferPrecautionNoteWithTheSourceOfEachFlag() {
        long client = client();
        run("intake new --client " + client + required() + " --red-flags numbness-tingling,calf-warmth-redness"
                + " --conditions diabetes,thyroid-disease --medications \"Lipitor 20 mg daily; warfarin 5 mg\""
                + " --allergies latex --consent-explained nature,benefits").expectOk();

        String output = run("screening show --client " + client).expectOk();

        assertThat(output).startsWith("Screening of intake v1 (" + TODAY + ")");
        assertThat(output).contains("!! Urgent referral").contains("intake clear --client " + client);
        int refer = output.indexOf("\nREFER\n");
        int precaution = output.indexOf("\nPRECAUTION\n");
        int note = output.indexOf("\nNOTE\n");
        assertThat(refer).isPositive();
        assertThat(precaution).isGreaterThan(refer);
        assertThat(note).isGreaterThan(precaution);

        assertThat(section(output, "REFER")).satisfiesExactly(
                urgent -> assertThat(urgent).startsWith("! " + redFlag("calf-warmth-redness").title() + " [urgent]")
                        .contains(redFlag("calf-warmth-redness").reason())
                        .endsWith("from red flags: " + redFlag("calf-warmth-redness").label()),
                gp -> assertThat(gp).startsWith("- " + redFlag("numbness-tingling").title() + " [see GP]")
                        .endsWith("from red flags: " + redFlag("numbness-tingling").label()));
        assertThat(section(output, "PRECAUTION")).satisfiesExactlyInAnyOrder(
                diabetes -> assertThat(diabetes).startsWith("- Diabetes")
                        .endsWith("from conditions: " + condition("diabetes").label()),
                warfarin -> assertThat(warfarin).startsWith("- Anticoagulant").contains("warfarin 5 mg")
                        .endsWith("from medications: warfarin 5 mg"),
                allergies -> assertThat(allergies).startsWith("- Allergies: latex").endsWith("from allergies"));
        assertThat(section(output, "NOTE")).satisfiesExactlyInAnyOrder(
                thyroid -> assertThat(thyroid).startsWith("- Thyroid disease")
                        .endsWith("from conditions: " + condition("thyroid-disease").label()),
                statin -> assertThat(statin).startsWith("- Statin: Lipitor 20 mg daily (atorvastatin)")
                        .contains("prescriber").endsWith("from medications: Lipitor 20 mg daily (atorvastatin)"),
                consent -> assertThat(consent).contains("missing: risks").endsWith("from consent explained"));
    }

    @Test
    void aCleanIntakeHasNoFlags() {
        long client = client();
        run("intake new --client " + client + required() + " --consent-explained all").expectOk();

        assertThat(run("screening show --client " + client).expectOk())
                .isEqualTo("Screening of intake v1 (" + TODAY + "): no flags.\nNo medicines recorded.");
    }

    @Test
    void screeningLooksAtTheCurrentVersionOnly() {
        long client = client();
        run("intake new --client " + client + required() + " --consent-explained all --conditions diabetes").expectOk();
        run("intake new --client " + client + " --clear-conditions").expectOk();

        assertThat(run("screening show --client " + client).expectOk())
                .isEqualTo("Screening of intake v2 (" + TODAY + "): no flags.\nNo medicines recorded.");
    }

    @Test
    void recentSurgeryIsAPrecautionAndAnOldJointReplacementANote() {
        long client = client();
        String thisYear = "appendectomy " + TODAY.getYear();
        run("intake new --client " + client + required() + " --consent-explained all"
                + " --surgeries \"" + thisYear + "; right total knee replacement 2019\"").expectOk();

        String output = run("screening show --client " + client).expectOk();

        assertThat(section(output, "PRECAUTION")).singleElement().satisfies(flag -> assertThat(flag)
                .startsWith("- Recent surgery: " + thisYear).endsWith("from surgeries: " + thisYear));
        assertThat(section(output, "NOTE")).singleElement().satisfies(flag -> assertThat(flag)
                .startsWith("- Joint replacement: right total knee replacement 2019"));
    }

    @Test
    void anIntakeAndConsentOverTwelveMonthsOldAreFlagged() {
        long client = client();
        LocalDate old = TODAY.minusMonths(13);
        run("intake new --client " + client + " --date " + old + requiredWith("consent-date", old.toString())
                + " --consent-explained all").expectOk();

        String output = run("screening show --client " + client).expectOk();

        assertThat(section(output, "PRECAUTION")).singleElement().satisfies(flag -> assertThat(flag)
                .startsWith("- Consent is 13 months old").endsWith("from consent date: " + old));
        assertThat(section(output, "NOTE")).singleElement().satisfies(flag -> assertThat(flag)
                .startsWith("- Intake is 13 months old").endsWith("from intake date: " + old));
    }

    // ---------------------------------------------------------------- intake clear

    @Test
    void clearRecordsADatedClearanceAndTheUrgentFlagShowsAsCleared() {
        long client = client();
        run("intake new --client " + client + required() + " --red-flags one-sided-calf-swelling").expectOk();
        String title = redFlag("one-sided-calf-swelling").title();
        String before = run("screening show --client " + client).expectOk();
        assertThat(before).contains("!! Urgent referral").contains("! " + title + " [urgent]");

        Result result = run("intake clear --client " + client + " --note \"GP Dr Singh: DVT excluded by ultrasound\"");

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        assertThat(result.output()).contains("Recorded medical clearance of " + TODAY + " for client " + client);
        Map<String, Object> clearance = jdbc.sql("SELECT * FROM intake_clearance").query().singleRow();
        assertThat(clearance).containsEntry("cleared_on", TODAY.toString())
                .containsEntry("note", "GP Dr Singh: DVT excluded by ultrasound");
        assertThat(((Number) clearance.get("intake_id")).longValue())
                .isEqualTo(jdbc.sql("SELECT id FROM intake").query(Long.class).single());
        assertThat(clearance.get("recorded_at")).isNotNull();

        String after = run("screening show --client " + client).expectOk();
        assertThat(after).doesNotContain("!! Urgent referral");
        assertThat(section(after, "REFER")).singleElement().satisfies(flag -> assertThat(flag)
                .startsWith("- " + title + " [urgent, cleared]")
                .contains("medically cleared " + TODAY + ": GP Dr Singh: DVT excluded by ultrasound"));
    }

    @Test
    void clearTakesADate() {
        long client = client();
        LocalDate taken = TODAY.minusDays(10);
        LocalDate cleared = TODAY.minusDays(2);
        run("intake new --client " + client + " --date " + taken + required()
                + " --red-flags cramp-over-10-minutes").expectOk();

        run("intake clear --client " + client + " --note \"GP: no concerns\" --date " + cleared).expectOk();

        assertThat(jdbc.sql("SELECT cleared_on FROM intake_clearance").query(String.class).single())
                .isEqualTo(cleared.toString());
        assertThat(run("screening show --client " + client).expectOk()).contains("medically cleared " + cleared);
    }

    @Test
    void aClearanceBelongsToItsIntakeVersion() {
        long client = client();
        run("intake new --client " + client + required() + " --red-flags calf-warmth-redness").expectOk();
        run("intake clear --client " + client + " --note \"GP: cellulitis, not a clot\"").expectOk();

        run("intake new --client " + client + " --cramp-severity 7").expectOk();

        assertThat(run("screening show --client " + client).expectOk()).contains("!! Urgent referral")
                .contains("[urgent]").doesNotContain("[urgent, cleared]").doesNotContain("medically cleared " + TODAY);
        assertThat(run("intake show --client " + client + " --version 1").expectOk()).contains("version 1");
    }

    @Test
    void clearIsRefusedWhenTheCurrentIntakeHasNoUrgentReferral() {
        long client = client();
        run("intake new --client " + client + required() + " --red-flags numbness-tingling,muscle-weakness").expectOk();

        Result result = run("intake clear --client " + client + " --note \"GP review\"");

        assertThat(result.status()).isEqualTo(Failure.CONFLICT);
        assertThat(result.error()).contains("no urgent referral");
        assertThat(counts()).containsEntry("intake_clearance", 0);
    }

    @Test
    void clearIsRefusedWhenOnlyAnOlderVersionHadAnUrgentReferral() {
        long client = client();
        run("intake new --client " + client + required() + " --red-flags one-sided-calf-swelling").expectOk();
        run("intake new --client " + client + " --clear-red-flags").expectOk();

        Result result = run("intake clear --client " + client + " --note \"GP review\"");

        assertThat(result.status()).isEqualTo(Failure.CONFLICT);
        assertThat(result.error()).contains("version 2");
        assertThat(counts()).containsEntry("intake_clearance", 0);
    }

    @Test
    void clearIsRefusedWithoutAnIntake() {
        long client = client();

        Result result = run("intake clear --client " + client + " --note \"GP review\"");

        assertThat(result.status()).isEqualTo(Failure.CONFLICT);
        assertThat(result.error()).contains("no intake");
    }

    @Test
    void clearOfAnArchivedClientIsAConflict() {
        long client = client();
        run("intake new --client " + client + required() + " --red-flags one-sided-calf-swelling").expectOk();
        run("client archive " + client).expectOk();

        Result result = run("intake clear --client " + client + " --note \"GP review\"");

        assertThat(result.status()).isEqualTo(Failure.CONFLICT);
        assertThat(counts()).containsEntry("intake_clearance", 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--note \"\"", "--note \"   \""})
    void clearNeedsANote(String note) {
        long client = client();
        run("intake new --client " + client + required() + " --red-flags one-sided-calf-swelling").expectOk();

        Result result = run("intake clear --client " + client + " " + note);

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).contains("--note");
        assertThat(counts()).containsEntry("intake_clearance", 0);
        assertThat(run("screening show --client " + client).expectOk()).contains("!! Urgent referral");
    }

    @Test
    void clearRefusesADateInTheFutureOrBeforeTheIntake() {
        long client = client();
        run("intake new --client " + client + " --date " + TODAY.minusDays(5) + required()
                + " --red-flags one-sided-calf-swelling").expectOk();

        Result future = run("intake clear --client " + client + " --note GP --date " + TODAY.plusDays(1));
        Result before = run("intake clear --client " + client + " --note GP --date " + TODAY.minusDays(6));

        assertThat(future.status()).isEqualTo(Failure.USAGE);
        assertThat(future.error()).startsWith("--date:").contains("in the future");
        assertThat(before.status()).isEqualTo(Failure.USAGE);
        assertThat(before.error()).startsWith("--date:").contains("before the intake");
        assertThat(counts()).containsEntry("intake_clearance", 0);
    }

    // ---------------------------------------------------------------- client show

    @Test
    void clientShowIncludesTheCurrentIntakeSummaryAndItsScreening() {
        long client = client();
        run("intake new --client " + client + required() + " --medications \"Lipitor 20 mg daily\"").expectOk();
        run("intake new --client " + client + " --cramp-frequency 2 --cramp-frequency-unit night"
                + " --cramp-sites calf-left,foot-right --cramp-severity 4 --consent-date " + TODAY
                + " --consent-by client --red-flags one-sided-calf-swelling --consent-explained all"
                + " --clear-medications").expectOk();

        String output = run("client show " + client).expectOk();

        assertThat(output).contains("Intake v2 (" + TODAY + "): 14 a week (2 per night), severity 4/10, "
                + label("calf-left") + ", " + label("foot-right"));
        assertThat(output).contains("Screening of intake v2 (" + TODAY + ")").contains("!! Urgent referral")
                .contains("! " + redFlag("one-sided-calf-swelling").title() + " [urgent]")
                .doesNotContain("Statin");
        assertThat(output.indexOf("Intake v2")).isGreaterThan(output.indexOf("Lee"));
    }

    @Test
    void clientShowSaysWhenThereIsNoIntake() {
        long client = client();

        assertThat(run("client show " + client).expectOk()).contains("No intake yet (intake new --client " + client + ")");
    }

    // ---------------------------------------------------------------- helpers

    /** Answers prompts from a script and remembers each prompt; asking for more than scripted fails the test. */
    static final class Script implements InputReader {
        static final String END_OF_INPUT = "\u0000end";

        final List<String> prompts = new ArrayList<>();
        private final Deque<String> answers;

        Script(String... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public String readInput(String prompt) throws Exception {
            prompts.add(prompt);
            if (answers.isEmpty()) {
                throw new AssertionError("asked more than the script answers: " + prompt);
            }
            String answer = answers.poll();
            if (answer.equals(END_OF_INPUT)) {
                throw new EOFException();
            }
            return answer;
        }
    }

    private long client() {
        return Long.parseLong(run("client add --first-name Ann --last-name Lee").expectOk());
    }

    /** The required options with simple valid values, each preceded by a space. */
    private static Map<String, String> requiredValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("cramp-frequency", "3");
        values.put("cramp-sites", "calf-left");
        values.put("cramp-severity", "6");
        values.put("consent-date", TODAY.toString());
        values.put("consent-by", "client");
        return values;
    }

    private static String required() {
        return options(requiredValues());
    }

    private static String requiredWith(String option, String value) {
        Map<String, String> values = requiredValues();
        values.put(option, value.contains(" ") && !value.startsWith("\"") ? "\"" + value + "\"" : value);
        return options(values);
    }

    private static String requiredWithout(String option) {
        Map<String, String> values = requiredValues();
        values.remove(option);
        return options(values);
    }

    private static String options(Map<String, String> values) {
        return values.entrySet().stream().map(e -> " --" + e.getKey() + " " + e.getValue()).collect(Collectors.joining());
    }

    private Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Integer.class).single());
        }
        return counts;
    }

    private void assertNothingStored() {
        assertThat(counts()).allSatisfy((table, count) -> assertThat(count).as(table).isZero());
    }

    private List<String> column(String table, String column) {
        return jdbc.sql("SELECT " + column + " FROM " + table + " ORDER BY intake_id, position").query(String.class).list();
    }

    private List<List<String>> rows(String sql) {
        return jdbc.sql(sql).query((rs, n) -> {
            List<String> row = new ArrayList<>();
            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                row.add(String.valueOf(rs.getString(c)));
            }
            return row;
        }).list();
    }

    private String label(String site) {
        return vocabulary.site(site).orElseThrow().label();
    }

    private ScreeningRules.RedFlag redFlag(String id) {
        return rules.redFlag(id).orElseThrow();
    }

    private ScreeningRules.Condition condition(String id) {
        return rules.condition(id).orElseThrow();
    }

    /** The label-value lines of {@code intake show}; continuation lines are left out. */
    private static Map<String, String> card(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.strip().lines().toList()) {
            if (line.startsWith(" ")) {
                continue;
            }
            int colon = line.indexOf(':');
            assertThat(colon).as(line).isPositive();
            fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
        }
        return fields;
    }

    /** The cells of each data row of a table (below the header's rule). */
    private static List<List<String>> tableRows(String table) {
        return table.lines().skip(2).map(line -> List.of(line.strip().split(" {2,}"))).toList();
    }

    /**
     * The flags listed under one heading of a screening (REFER, PRECAUTION or NOTE), each as its
     * lines joined by newlines with the indentation removed; empty if the heading is absent.
     */
    private static List<String> section(String screening, String heading) {
        List<String> flags = new ArrayList<>();
        boolean inside = false;
        StringBuilder current = null;
        for (String line : screening.lines().toList()) {
            if (line.equals("REFER") || line.equals("PRECAUTION") || line.equals("NOTE")) {
                inside = line.equals(heading);
                continue;
            }
            if (!inside || line.isBlank()) {
                continue;
            }
            if (line.startsWith("  - ") || line.startsWith("  ! ")) {
                if (current != null) {
                    flags.add(current.toString());
                }
                current = new StringBuilder(line.strip());
            } else if (current != null && line.startsWith("      ")) {
                current.append('\n').append(line.strip());
            } else {
                inside = false;
            }
        }
        if (current != null) {
            flags.add(current.toString());
        }
        return flags;
    }
}
