package app.soapstone.intake;

import app.soapstone.shell.Failure;
import app.soapstone.support.RecordsTest;
import app.soapstone.support.SoapstoneTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 at the intake: a medicine Soapstone does not know but has a name close to is asked
 * about in the interactive shell, and the confirmed name is kept beside what was typed (and sealed
 * with the intake); one-shot mode records it as typed with a note naming the closest names; the
 * screening ends with how many medicines were recognised, and is worked out afresh when shown.
 */
@Tag(SoapstoneTest.POSTGRESQL)
class IntakeMedicinesTest extends RecordsTest {

    private static final String CONSENT = " --consent-date " + TODAY + " --consent-by client --consent-explained all";
    private long client;

    @BeforeEach
    void aClient() {
        client = client("Ann", "Lee");
    }

    @Test
    void theInteractiveIntakeAsksAboutANearMissAndKeepsTheConfirmedNameBesideWhatWasTyped() {
        IntakeCommandsTest.Script answers = new IntakeCommandsTest.Script("y");

        Result result = run(intakeNew("Lipiter 20 mg daily; Lasix 40 mg mane"), answers);

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        assertThat(answers.prompts).singleElement().asString()
                .isEqualTo("Lipiter 20 mg daily: not a medicine Soapstone knows. Did you mean Lipitor (atorvastatin)? [y/N]: ");
        assertThat(result.output()).contains("Statin: Lipiter 20 mg daily (confirmed as Lipitor: atorvastatin)")
                .contains("2 medicines: all 2 recognised.").doesNotContain("not recognised");
        assertThat(medicines()).containsExactly(
                Map.of("description", "Lipiter 20 mg daily", "confirmed_as", "Lipitor"),
                Map.of("description", "Lasix 40 mg mane", "confirmed_as", "(none)"));
        assertThat(run("intake show --client " + client).expectOk())
                .contains("Lipiter 20 mg daily (confirmed as Lipitor)");
        assertThat(run("records verify").status()).as("the confirmed name is sealed with the intake").isEqualTo(Failure.OK);
    }

    @Test
    void noAnswerOrNoConfirmsNothingAndTheScreeningSaysSo() {
        // Each answer on its own medicine line: a new version the same as the last one would be refused.
        for (String answer : List.of("n", "")) {
            IntakeCommandsTest.Script answers = new IntakeCommandsTest.Script(answer);

            String output = run(intakeNew("Lipiter 20 mg" + (answer.isEmpty() ? " daily" : "")), answers).expectOk();

            assertThat(output).contains("Medicine not recognised: Lipiter 20 mg")
                    .contains("Not recognised; closest: Lipitor (atorvastatin).").doesNotContain("Statin")
                    .contains("1 medicine: 0 recognised, 1 not.");
        }
        assertThat(medicines()).extracting(row -> row.get("confirmed_as")).containsOnly("(none)");
    }

    @Test
    void oneShotModeRecordsItAsTypedWithANoteNamingTheClosest() {
        Result result = run(intakeNew("Lipiter 20 mg; Qwertyzol 5 mg; Eliquis 5 mg bd"));

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        assertThat(result.output().strip()).contains("Medicine not recognised: Lipiter 20 mg")
                .contains("closest: Lipitor (atorvastatin)").contains("Medicine not recognised: Qwertyzol 5 mg")
                .contains("Anticoagulant (\"blood thinner\"): Eliquis 5 mg bd (apixaban)")
                .endsWith("3 medicines: 1 recognised, 2 not.");
        assertThat(medicines()).extracting(row -> row.get("confirmed_as")).containsOnly("(none)");
    }

    @Test
    void screeningShowEndsWithTheCountAndReadsAnOlderIntakeWithTheCatalogueOfToday() {
        // An intake as an earlier Soapstone stored it, before combination brands were known.
        run(intakeNew("aspirin 100 mg")).expectOk();
        long intake = jdbc.sql("SELECT max(id) FROM intake").query(Long.class).single();
        withoutTrigger("intake_medication_is_permanent_insert", () -> jdbc.sql("""
                INSERT INTO intake_medication (intake_id, position, description, name)
                VALUES (?, 1, 'Vytorin 10/40 nocte', 'Vytorin')""").param(intake).update());

        String screening = run("screening show --client " + client).expectOk();

        assertThat(screening).contains("Statin: Vytorin 10/40 nocte (contains simvastatin)")
                .endsWith("2 medicines: all 2 recognised.");
    }

    private String intakeNew(String medications) {
        return "intake new --client " + client + " --cramp-frequency 3 --cramp-sites calf-left --cramp-severity 6"
                + CONSENT + " --medications \"" + medications + "\"";
    }

    private List<Map<String, Object>> medicines() {
        return jdbc.sql("SELECT description, coalesce(confirmed_as, '(none)') AS confirmed_as FROM intake_medication"
                + " ORDER BY intake_id, position").query().listOfRows();
    }
}
