package app.soapstone.intake;

import app.soapstone.shell.Failure;
import app.soapstone.shell.InteractiveInput;
import app.soapstone.support.SoapstoneTest;
import org.jline.reader.UserInterruptException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.shell.core.InputReader;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code intake new} starting from the latest version, {@code intake diff}, and the form the
 * interactive shell walks, through the real command layer.
 */
@Tag(SoapstoneTest.POSTGRESQL)
class IntakeCarryForwardTest extends SoapstoneTest {


    /** A first intake with something in every section. */
    private static final String FULL = " --cramp-frequency 3 --cramp-sites calf-left,calf-right --cramp-severity 6"
            + " --cramp-duration 5 --cramp-timing night --sleep-disturbance 7 --triggers \"walking uphill\""
            + " --cramps-since \"2 years\" --medications \"Lipitor 20 mg daily; Lasix 40 mg\""
            + " --surgeries \"right knee replacement 2019\" --conditions diabetes --other-conditions \"flat feet\""
            + " --red-flags numbness-tingling --water-glasses 4 --caffeine \"2 coffees\" --alcohol none"
            + " --activity \"walks daily\" --occupation nurse --allergies latex --consent-date yesterday"
            + " --consent-by client --consent-explained all";

    // ---------------------------------------------------------------- carrying forward

    @Test
    void aNewVersionKeepsEveryFieldNotGivenButTheDate() {
        long client = client();
        run("intake new --client " + client + " --date yesterday" + FULL).expectOk();

        run("intake new --client " + client + " --cramp-severity 4").expectOk();

        Map<String, String> first = card(run("intake show --client " + client + " --version 1").expectOk());
        Map<String, String> second = card(run("intake show --client " + client + " --version 2").expectOk());
        assertThat(first.get("Intake")).isEqualTo("version 1, taken " + TODAY.minusDays(1));
        assertThat(second.get("Intake")).isEqualTo("version 2, taken " + TODAY);
        assertThat(second.get("Severity")).isEqualTo("4/10");
        first.remove("Intake");
        first.remove("Severity");
        second.remove("Intake");
        second.remove("Severity");
        assertThat(second).isEqualTo(first).containsEntry("Triggers", "walking uphill")
                .containsEntry("Consent", TODAY.minusDays(1) + " by client; explained: all");
        assertThat(jdbc.sql("SELECT description FROM intake_medication m JOIN intake i ON i.id = m.intake_id"
                + " WHERE i.version = 2 ORDER BY position").query(String.class).list())
                .containsExactly("Lipitor 20 mg daily", "Lasix 40 mg");
    }

    @Test
    void optionsGivenReplaceTheirFieldsAndClearOrAnEmptyValueEmptiesOne() {
        long client = client();
        run("intake new --client " + client + FULL).expectOk();

        run("intake new --client " + client + " --medications \"Eliquis 5 mg bd\" --clear-triggers --activity \"\""
                + " --clear-water --clear-surgeries --conditions \"\"").expectOk();

        Map<String, Object> second = jdbc.sql("SELECT * FROM intake WHERE version = 2").query().singleRow();
        assertThat(second.get("cramp_triggers")).isNull();
        assertThat(second.get("activity")).isNull();
        assertThat(second.get("water_glasses")).isNull();
        assertThat(second).containsEntry("caffeine", "2 coffees").containsEntry("cramp_timing", "night")
                .containsEntry("occupation", "nurse").containsEntry("allergies", "latex");
        long id = ((Number) second.get("id")).longValue();
        assertThat(childRows("intake_medication", "description", id)).containsExactly("Eliquis 5 mg bd");
        assertThat(childRows("intake_surgery", "description", id)).isEmpty();
        assertThat(childRows("intake_condition", "condition", id)).isEmpty();
        assertThat(childRows("intake_site", "site", id)).containsExactly("calf-left", "calf-right");
        assertThat(childRows("intake_red_flag", "red_flag", id)).containsExactly("numbness-tingling");
    }

    @Test
    void theOutputListsWhatChangedAgainstTheLatestVersion() {
        long client = client();
        run("intake new --client " + client + FULL).expectOk();

        String output = run("intake new --client " + client + " --cramp-severity 4 --clear-triggers"
                + " --medications \"Lipitor 20 mg daily; Eliquis 5 mg bd\" --cramp-sites calf-left").expectOk();

        assertThat(output).startsWith("Recorded intake version 2 for client " + client + "\n\n"
                + "Changes against version 1:\n"
                + "  cramp-sites: removed calf-right\n"
                + "  cramp-severity: 6 -> 4\n"
                + "  triggers: walking uphill -> (none)\n"
                + "  medications: added Eliquis 5 mg bd\n"
                + "  medications: removed Lasix 40 mg\n\n"
                + "Consent carried from version 1: given " + TODAY.minusDays(1) + " by client");
        assertThat(output).contains("Screening of intake v2");
    }

    @Test
    void newConsentIsNotReportedAsCarried() {
        long client = client();
        run("intake new --client " + client + FULL).expectOk();

        String output = run("intake new --client " + client + " --consent-date today --consent-by \"Mary Lee\"")
                .expectOk();

        assertThat(output).contains("consent-date: " + TODAY.minusDays(1) + " -> " + TODAY)
                .contains("consent-by: client -> Mary Lee").doesNotContain("Consent carried");
    }

    @Test
    void aVersionTheSameAsTheLatestOnTheSameDayIsRefusedAndNothingStored() {
        long client = client();
        run("intake new --client " + client + FULL).expectOk();

        Result same = run("intake new --client " + client + " --cramp-severity 6 --triggers \"walking uphill\"");

        assertThat(same.status()).isEqualTo(Failure.CONFLICT);
        assertThat(same.error()).isEqualTo("Nothing changed against intake version 1 of " + TODAY
                + "; nothing was stored (give the fields that changed)");
        assertThat(intakeCount()).isEqualTo(1);
    }

    @Test
    void theSameAnswersOnAnotherDayAreAReview() {
        long client = client();
        run("intake new --client " + client + " --date yesterday" + FULL).expectOk();

        String output = run("intake new --client " + client).expectOk();

        assertThat(output).contains("Changes against version 1:\n  date: " + TODAY.minusDays(1) + " -> " + TODAY + "\n\n");
        assertThat(intakeCount()).isEqualTo(2);
    }

    @Test
    void aClearWithAValueForTheSameFieldIsRefused() {
        long client = client();
        run("intake new --client " + client + FULL).expectOk();

        Result result = run("intake new --client " + client + " --triggers stairs --clear-triggers");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).isEqualTo("--clear-triggers: give either --triggers or --clear-triggers, not both");
        assertThat(intakeCount()).isEqualTo(1);
    }

    @Test
    void clearingARequiredFieldWithoutAPromptIsAUsageError() {
        long client = client();
        run("intake new --client " + client + FULL).expectOk();

        Result result = run("intake new --client " + client + " --consent-by \"\"");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).startsWith("--consent-by: is required");
        assertThat(intakeCount()).isEqualTo(1);
    }

    @Test
    void carriedRequiredFieldsAreNotAskedFor() {
        long client = client();
        run("intake new --client " + client + FULL).expectOk();
        Answers form = new Answers();

        run("intake new --client " + client + " --cramp-severity 2", form).expectOk();

        assertThat(form.prompts).isEmpty();
    }

    @Test
    void aFrequencyGivenAloneIsPerWeekWhateverTheLatestUnit() {
        long client = client();
        run("intake new --client " + client + FULL + " --cramp-frequency-unit month").expectOk();

        run("intake new --client " + client + " --cramp-frequency 2").expectOk();

        assertThat(jdbc.sql("SELECT cramp_frequency_given FROM intake ORDER BY version").query(String.class).list())
                .containsExactly("3 per month", "2 per week");
    }

    @Test
    void aMedicineConfirmedOnAnEarlierVersionKeepsItsName() {
        long client = client();
        run("intake new --client " + client + FULL.replace("Lipitor 20 mg daily; Lasix 40 mg", "Lipiter 20 mg daily"),
                new Answers("y")).expectOk();

        run("intake new --client " + client + " --cramp-severity 2", new Answers()).expectOk();

        assertThat(jdbc.sql("SELECT confirmed_as FROM intake_medication ORDER BY intake_id").query(String.class).list())
                .containsExactly("Lipitor", "Lipitor");
    }

    // ---------------------------------------------------------------- intake diff

    @Test
    void diffComparesTheLastTwoVersionsByDefaultListingItemsAddedAndRemoved() {
        long client = client();
        run("intake new --client " + client + FULL).expectOk();
        run("intake new --client " + client + " --cramp-severity 5").expectOk();
        run("intake new --client " + client + " --cramp-sites calf-left,foot-right --conditions diabetes,thyroid-disease"
                + " --surgeries \"lumbar fusion 2015-03\" --clear-medications").expectOk();

        assertThat(run("intake diff --client " + client).expectOk()).isEqualTo(
                "Intake version 2 (" + TODAY + ") -> version 3 (" + TODAY + ")\n"
                        + "  cramp-sites: added foot-right\n"
                        + "  cramp-sites: removed calf-right\n"
                        + "  medications: removed Lipitor 20 mg daily\n"
                        + "  medications: removed Lasix 40 mg\n"
                        + "  surgeries: added lumbar fusion 2015-03\n"
                        + "  surgeries: removed right knee replacement 2019\n"
                        + "  conditions: added thyroid-disease");
        assertThat(run("intake diff --client " + client + " --from 1 --to 2").expectOk()).isEqualTo(
                "Intake version 1 (" + TODAY + ") -> version 2 (" + TODAY + ")\n  cramp-severity: 6 -> 5");
        assertThat(run("intake diff --client " + client + " --to 2").expectOk())
                .endsWith("\n  cramp-severity: 6 -> 5");
        assertThat(run("intake diff --client " + client + " --from 1").expectOk())
                .startsWith("Intake version 1 (" + TODAY + ") -> version 3").contains("cramp-severity: 6 -> 5");
    }

    @Test
    void diffNeedsTwoVersionsThatExist() {
        long client = client();
        Result none = run("intake diff --client " + client);
        assertThat(none.status()).isEqualTo(Failure.CONFLICT);
        assertThat(none.error()).isEqualTo("Client " + client + " has no intake, so nothing to compare");

        run("intake new --client " + client + FULL).expectOk();
        Result one = run("intake diff --client " + client);
        assertThat(one.status()).isEqualTo(Failure.CONFLICT);
        assertThat(one.error()).isEqualTo("Client " + client + " has one intake version, so nothing to compare");

        run("intake new --client " + client + " --cramp-severity 5").expectOk();
        Result missing = run("intake diff --client " + client + " --from 7");
        assertThat(missing.status()).isEqualTo(Failure.NOT_FOUND);
        assertThat(missing.error()).isEqualTo("Client " + client + " has no intake version 7 (versions 1-2)");
        Result first = run("intake diff --client " + client + " --to 1");
        assertThat(first.status()).isEqualTo(Failure.USAGE);
        assertThat(first.error()).isEqualTo("--to: version 1 is the first; give --from");
        assertThat(run("intake diff --client 999").status()).isEqualTo(Failure.NOT_FOUND);
    }

    // ---------------------------------------------------------------- the interactive form

    @Test
    void theFirstIntakeWithNoFieldOptionsWalksEverySection() {
        long client = client();
        Answers form = new Walk("yesterday", "", "3", "", "", "calf-left", "6", "", "night", "", "stairs", "",
                "Lipitor 20 mg daily", "", "diabetes", "", "", "", "1.5", "", "", "", "", "latex", "today",
                "Ann Lee", "all");

        Result result = run("intake new --client " + client, form);

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        assertThat(form.prompts).hasSize(IntakeForm.FIELDS.size() + 2);
        assertThat(form.prompts.get(2)).isEqualTo(form.prompts.get(1));
        assertThat(form.prompts.get(5)).isEqualTo(form.prompts.get(4));
        assertThat(result.output()).contains("-- Medications").contains("-- Surgeries").contains("-- Red flags")
                .contains("-- Lifestyle").contains("-- Allergies").contains("-- Consent")
                .contains("--cramp-frequency is required (Ctrl-C cancels");
        assertThat(form.prompts).anySatisfy(prompt -> assertThat(prompt).startsWith("Medicines"))
                .anySatisfy(prompt -> assertThat(prompt).startsWith("Surgeries"));
        Map<String, Object> intake = jdbc.sql("SELECT * FROM intake").query().singleRow();
        assertThat(intake).containsEntry("taken_on", TODAY.minusDays(1).toString())
                .containsEntry("consent_date", TODAY.toString()).containsEntry("cramp_timing", "night")
                .containsEntry("cramp_triggers", "stairs").containsEntry("allergies", "latex");
        assertThat(((Number) intake.get("water_litres")).doubleValue()).isEqualTo(1.5);
        assertThat(jdbc.sql("SELECT description FROM intake_medication").query(String.class).single())
                .isEqualTo("Lipitor 20 mg daily");
    }

    @Test
    void walkingALaterVersionEnterKeepsTheValueAndDashEmptiesIt() {
        long client = client();
        run("intake new --client " + client + FULL).expectOk();
        List<String> answers = new ArrayList<>(Collections.nCopies(IntakeForm.FIELDS.size(), ""));
        answers.set(option("cramp-severity"), "3");
        answers.set(option("triggers"), "-");
        answers.set(option("medications"), "Lipitor 20 mg daily");
        Answers form = new Walk(answers.toArray(String[]::new));

        String output = run("intake new --client " + client, form).expectOk();

        assertThat(form.prompts).hasSize(IntakeForm.FIELDS.size());
        assertThat(form.prompts.get(option("cramp-severity"))).contains("[6]");
        assertThat(form.prompts.get(option("triggers"))).contains("[walking uphill] (Enter keeps, - empties)");
        assertThat(output).contains("Changes against version 1:\n  cramp-severity: 6 -> 3\n"
                + "  triggers: walking uphill -> (none)\n  medications: removed Lasix 40 mg\n\n");
        Map<String, Object> second = jdbc.sql("SELECT * FROM intake WHERE version = 2").query().singleRow();
        assertThat(second).containsEntry("cramp_severity", 3).containsEntry("occupation", "nurse")
                .containsEntry("cramp_timing", "night");
        assertThat(second.get("cramp_triggers")).isNull();
    }

    @Test
    void eachQuestionOfTheFormNamesItsOptionSoTabCanOfferItsValues() {
        long client = client();
        run("intake new --client " + client + FULL).expectOk();
        List<String> answers = new ArrayList<>(Collections.nCopies(IntakeForm.FIELDS.size(), ""));
        answers.set(option("cramp-severity"), "3");
        Walk form = new Walk(answers.toArray(String[]::new));

        run("intake new " + client, form).expectOk();

        assertThat(form.questions).isEqualTo(IntakeForm.FIELDS.stream().map(f -> "intake new --" + f.option()).toList());
    }

    @Test
    void withSomeFieldOptionsTheShellAsksOnlyMissingRequiredOnes() {
        long client = client();
        Answers form = new Walk("calf-left", "6", "today", "client");

        run("intake new --client " + client + " --cramp-frequency 2 --triggers stairs", form).expectOk();

        assertThat(form.prompts).hasSize(4);
        assertThat(form.prompts.get(0)).contains("site ids");
    }

    @Test
    void ctrlCInTheFormCancelsAndStoresNothing() {
        long client = client();
        run("intake new --client " + client + FULL).expectOk();
        Answers form = new Walk("", "", "", "", "4", Answers.CTRL_C);

        Result result = run("intake new --client " + client, form);

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).isEqualTo("Cancelled at --cramp-duration; nothing was stored");
        assertThat(intakeCount()).isEqualTo(1);
    }

    @Test
    void aBadAnswerInTheFormIsExplainedAndAskedAgain() {
        long client = client();
        run("intake new --client " + client + FULL).expectOk();
        List<String> answers = new ArrayList<>(Collections.nCopies(IntakeForm.FIELDS.size() + 1, ""));
        answers.set(option("consent-date"), TODAY.plusDays(1).toString());
        answers.set(option("consent-date") + 1, "today");
        Answers form = new Walk(answers.toArray(String[]::new));

        String output = run("intake new --client " + client, form).expectOk();

        assertThat(output).contains("--consent-date: " + TODAY.plusDays(1) + " is in the future")
                .contains("consent-date: " + TODAY.minusDays(1) + " -> " + TODAY);
    }

    // ---------------------------------------------------------------- helpers

    /** Answers prompts from a list, as a script's reader would, remembering each prompt. */
    static class Answers implements InputReader {
        static final String CTRL_C = "\u0000ctrl-c";

        final List<String> prompts = new ArrayList<>();
        private final Deque<String> answers;

        Answers(String... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public String readInput(String prompt) {
            prompts.add(prompt);
            if (answers.isEmpty()) {
                throw new AssertionError("asked more than the answers given: " + prompt);
            }
            String answer = answers.poll();
            if (answer.equals(CTRL_C)) {
                throw new UserInterruptException("");
            }
            return answer;
        }
    }

    /** Answers as a person at the interactive shell, where the form is walked. */
    static final class Walk extends Answers implements InteractiveInput {
        final List<String> questions = new ArrayList<>();

        Walk(String... answers) {
            super(answers);
        }

        @Override
        public String readAnswer(String prompt, String command, String option) {
            questions.add(command + " --" + option);
            return readInput(prompt);
        }
    }

    private static int option(String option) {
        for (int i = 0; i < IntakeForm.FIELDS.size(); i++) {
            if (IntakeForm.FIELDS.get(i).option().equals(option)) {
                return i;
            }
        }
        throw new IllegalArgumentException(option);
    }

    private long client() {
        return Long.parseLong(run("client add --first-name Ann --last-name Lee").expectOk());
    }

    private int intakeCount() {
        return jdbc.sql("SELECT count(*) FROM intake").query(Integer.class).single();
    }

    private List<String> childRows(String table, String column, long intakeId) {
        return jdbc.sql("SELECT " + column + " FROM " + table + " WHERE intake_id = ? ORDER BY position")
                .param(intakeId).query(String.class).list();
    }

    /** The label-value lines of {@code intake show}; continuation lines joined to their field. */
    private static Map<String, String> card(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        String last = null;
        for (String line : text.strip().lines().toList()) {
            if (line.startsWith(" ") && last != null) {
                fields.put(last, fields.get(last) + "\n" + line.strip());
                continue;
            }
            int colon = line.indexOf(':');
            last = line.substring(0, colon);
            fields.put(last, line.substring(colon + 1).strip());
        }
        return fields;
    }
}
