package app.soapstone.session;

import app.soapstone.shell.Failure;
import app.soapstone.shell.ShellCompleter;
import app.soapstone.support.RecordsTest;
import app.soapstone.support.SoapstoneTest;
import app.soapstone.support.Tab;
import app.soapstone.support.Tamperer;
import org.jline.reader.Candidate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static app.soapstone.support.Tab.values;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code session new|edit --diagnosis --procedures}: what the therapist records for a superbill,
 * checked against the clinic's billing codes and the session's minutes, shown by {@code session
 * show}, suggested from the intake, completed on TAB, and final and chained once the note is signed.
 */
@Tag(SoapstoneTest.POSTGRESQL)
class SessionBillingCodesTest extends RecordsTest {

    @Autowired
    private ShellCompleter completer;

    private long client;

    @BeforeEach
    void aClientWithAnIntake() {
        practitioner("Sam Jones");
        client = client("Ann", "Lee");
    }

    @Test
    void theCodesAreStoredAsGivenAndShown() {
        long session = session(client, "--duration", "60", "--diagnosis", "r25.2, M62.831", "--procedures",
                "97124:40,97140:20", "--subjective", "Night cramps");

        Map<String, Object> row = row(session);
        assertThat(row).containsEntry("diagnosis_codes", "R25.2,M62.831")
                .containsEntry("procedure_minutes", "97124:40,97140:20");
        assertThat(run("session show " + session).expectOk())
                .containsPattern("Diagnosis codes:\\s+R25\\.2, M62\\.831")
                .containsPattern("Procedures:\\s+97124 40 min, 97140 20 min");
    }

    @Test
    void editReplacesTheCodesAndEmptyClearsThem() {
        long session = session(client, "--duration", "45", "--diagnosis", "R25.2", "--subjective", "x");

        run("session edit " + session + " --diagnosis G47.62 --procedures 97124:45").expectOk();
        assertThat(row(session)).containsEntry("diagnosis_codes", "G47.62").containsEntry("procedure_minutes", "97124:45");

        runWords("session", "edit", String.valueOf(session), "--diagnosis", "", "--procedures", "").expectOk();
        assertThat(row(session).get("diagnosis_codes")).isNull();
        assertThat(row(session).get("procedure_minutes")).isNull();
        assertThat(run("session show " + session).expectOk()).doesNotContain("Diagnosis codes");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            --diagnosis  | Z99.9              | --diagnosis: 'Z99.9' is not one of the clinic's diagnosis codes; use R25.2, G47.62, M62.831, M62.830, M62.838
            --procedures | 97999:30           | --procedures: '97999' is not one of the clinic's procedure codes; use 97124, 97140, 97112, 97530
            --procedures | 97124              | --procedures: '97124' needs the whole minutes spent under 97124, 1-600, as CODE:MINUTES
            --procedures | 97124:0            | --procedures: '97124:0' needs the whole minutes
            --procedures | 97124:12.5         | --procedures: '97124:12.5' needs the whole minutes
            --procedures | 97124:-5           | --procedures: '97124:-5' needs the whole minutes
            --procedures | 97124:20,97124:10  | --procedures: 97124 is given twice
            --procedures | 97124:40,97140:30  | --procedures: 70 minutes by procedure code (97124 40 min, 97140 30 min) are more than the session's 60 minutes
            """)
    void badCodesAndMinutesAreRefusedByOption(String option, String value, String message) {
        Result result = runWords("session", "new", "--client", String.valueOf(client), "--duration", "60",
                "--subjective", "x", option, value);

        assertThat(result.status()).as(result.output()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).startsWith(message);
        assertThat(count("session")).as("nothing stored").isZero();
    }

    @Test
    void aShorterDurationThanTheMinutesIsRefusedNamingDuration() {
        long session = session(client, "--duration", "60", "--procedures", "97124:50", "--subjective", "x");

        Result result = run("session edit " + session + " --duration 45");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).startsWith("--duration: 50 minutes by procedure code").contains("give at least 50");
        assertThat(row(session)).containsEntry("procedure_minutes", "97124:50");
        run("session edit " + session + " --duration 45 --procedures 97124:45").expectOk();
        assertThat(row(session)).containsEntry("procedure_minutes", "97124:45");
    }

    @Test
    void withoutADurationAnyMinutesAreTaken() {
        long session = session(client, "--procedures", "97124:75", "--subjective", "x");

        assertThat(row(session)).containsEntry("procedure_minutes", "97124:75");
    }

    @Test
    void aNewSessionWithoutDiagnosisNamesTheCodesTheIntakeSuggests() {
        intake(client, "--cramp-timing night");

        String out = run("session new --client " + client + " --subjective x").expectOk();
        long session = Long.parseLong(out.lines().toList().getLast());

        assertThat(out).contains("Suggested diagnosis codes from the intake: R25.2, G47.62, M62.831 (add with session"
                + " edit " + session + " --diagnosis R25.2,G47.62,M62.831)");
        assertThat(row(session).get("diagnosis_codes")).as("nothing chosen for the therapist").isNull();
        assertThat(run("session new --client " + client + " --subjective x --diagnosis R25.2").expectOk())
                .doesNotContain("Suggested");
        long other = client("Ben", "Ng");
        assertThat(run("session new --client " + other + " --subjective x").expectOk()).as("no intake")
                .doesNotContain("Suggested");
    }

    @Test
    void aSignedNotesCodesAreFinalAndChained() {
        long session = session(client, "--duration", "60", "--diagnosis", "R25.2", "--procedures", "97124:60",
                "--subjective", "x");
        sign(session);

        Result edit = run("session edit " + session + " --diagnosis M62.831");
        assertThat(edit.status()).isEqualTo(Failure.CONFLICT);
        assertThat(edit.error()).contains("signed and final");
        assertThat(run("records verify").expectOk()).startsWith("Verified the record chain");

        tamperer().withoutTriggers(connection -> Tamperer.update(connection,
                "UPDATE session SET procedure_minutes = '97124:75' WHERE id = ?", session));
        Result verify = run("records verify");
        assertThat(verify.status()).as(verify.output()).isEqualTo(Failure.VERIFICATION);
        assertThat(verify.error()).contains("session " + session);
    }

    @Test
    void aSignedNoteWithoutCodesStillVerifies() {
        sign(session(client, "--subjective", "x"));

        assertThat(run("records verify").expectOk()).startsWith("Verified the record chain");
    }

    @Test
    void tabOffersTheIntakesSuggestionsFirstThenTheOtherCodes() {
        intake(client, "");

        List<Candidate> offered = Tab.press(completer, "session new --client " + client + " --diagnosis ");

        assertThat(values(offered)).containsExactly("R25.2", "M62.831", "G47.62", "M62.830", "M62.838");
        // JLine shows them sorted by Candidate's order: the order given, not the codes' text.
        assertThat(values(offered.stream().sorted().toList()))
                .containsExactly("R25.2", "M62.831", "G47.62", "M62.830", "M62.838");
        assertThat(offered.get(0).descr()).isEqualTo("suggested: Cramp and spasm");
        assertThat(offered.get(2).descr()).isEqualTo("Sleep related leg cramps");
        long session = session(client, "--subjective", "x");
        assertThat(values(Tab.press(completer, "session edit " + session + " --diagnosis R25.2,M6")))
                .containsExactly("R25.2,M62.831", "R25.2,M62.830", "R25.2,M62.838");
        assertThat(Tab.press(completer, "session edit " + session + " --diagnosis M62.8").getFirst().descr())
                .isEqualTo("suggested: Muscle spasm of calf");
    }

    @Test
    void tabOffersTheProcedureCodesForMinutes() {
        List<Candidate> offered = Tab.press(completer, "session new --client " + client + " --procedures 97124:40,971");

        assertThat(values(offered)).as("97124 has its minutes").containsExactly("97124:40,97140", "97124:40,97112");
    }

    private Map<String, Object> row(long id) {
        return jdbc.sql("SELECT * FROM session WHERE id = ?").param(id).query().singleRow();
    }
}
