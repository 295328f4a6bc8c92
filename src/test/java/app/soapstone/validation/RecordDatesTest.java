package app.soapstone.validation;

import app.soapstone.shell.Failure;
import app.soapstone.support.RecordsTest;
import app.soapstone.support.SoapstoneTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dates in a client's record - intake, consent, surgeries, clearance, sessions - are not before
 * the client was born (or, when the date of birth is not known, more than 130 years ago) and not
 * after today; a date of birth cannot move after records already dated. Each refusal names the
 * option, exits 2 and stores nothing.
 */
@Tag(SoapstoneTest.POSTGRESQL)
class RecordDatesTest extends RecordsTest {

    private static final String BORN = "1958-03-14";
    private static final LocalDate EARLIEST = TODAY.minusYears(130);

    private static final List<String> TABLES = List.of("client", "intake", "intake_surgery", "intake_clearance",
            "session", "audit_event");

    @Test
    void aConsentDatedBeforeTheClientWasBornIsRefused() {
        long client = born(BORN);

        assertRefused(intake(client, "--consent-date", "1066-10-14"),
                "--consent-date: 1066-10-14 is before the client's date of birth (" + BORN + ")");
        assertRefused(intake(client, "--consent-date", "1958-03-13"),
                "--consent-date: 1958-03-13 is before the client's date of birth (" + BORN + ")");
        assertThat(run(intake(client, "--consent-date", BORN)).status()).isEqualTo(Failure.OK);
    }

    @Test
    void anIntakeDatedBeforeTheClientWasBornIsRefused() {
        long client = born(BORN);

        assertRefused(intake(client, "--date", "1957-12-31"),
                "--date: 1957-12-31 is before the client's date of birth (" + BORN + ")");
    }

    @Test
    void aSurgeryBeforeTheClientWasBornIsRefused() {
        long client = born(BORN);

        assertRefused(intake(client, "--surgeries", "\"appendectomy 1957\""),
                "--surgeries: 1957 is before the client's date of birth (" + BORN + ") (in 'appendectomy 1957')");
        assertRefused(intake(client, "--surgeries", "\"tonsils 1958-02\""),
                "--surgeries: 1958-02 is before the client's date of birth (" + BORN + ") (in 'tonsils 1958-02')");
        assertThat(run(intake(client, "--surgeries", "\"tonsils 1958\"")).status()).as("the year they were born")
                .isEqualTo(Failure.OK);
    }

    @Test
    void aSessionDatedBeforeTheClientWasBornIsRefused() {
        practitioner("Sam Jones");
        long client = born(BORN);

        assertRefused("session new --client " + client + " --date 1800-01-01 --time 10:00 --subjective x",
                "--date: 1800-01-01 is before the client's date of birth (" + BORN + ")");
        long draft = session(client, "--subjective", "x");
        assertRefused("session edit " + draft + " --date 1800-01-01",
                "--date: 1800-01-01 is before the client's date of birth (" + BORN + ")");
    }

    @Test
    void aSessionInTheFutureIsRefusedPointingToAppointments() {
        practitioner("Sam Jones");
        long client = born(BORN);
        LocalDate tomorrow = TODAY.plusDays(1);

        Result result = run("session new --client " + client + " --date " + tomorrow + " --time 10:00 --subjective x");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).startsWith("--date: " + tomorrow + " is in the future (today is " + TODAY + ")")
                .contains("appointment").contains("plan export --next");
    }

    @Test
    void withoutADateOfBirthNoRecordIsDatedMoreThan130YearsAgo() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");

        assertRefused(intake(client, "--consent-date", "1066-10-14"),
                "--consent-date: 1066-10-14 is more than 130 years ago (use a date from " + EARLIEST + " on)");
        assertRefused("session new --client " + client + " --date 1800-01-01 --time 10:00 --subjective x",
                "--date: 1800-01-01 is more than 130 years ago (use a date from " + EARLIEST + " on)");
        assertRefused(intake(client, "--surgeries", "\"appendectomy 1850\""),
                "--surgeries: 1850 is more than 130 years ago (in 'appendectomy 1850')");
    }

    @Test
    void aClearanceDatedBeforeTheClientWasBornIsRefused() {
        long client = born(BORN);
        intake(client, "--red-flags one-sided-calf-swelling");
        // An intake from before the rule, dated before the client's birth.
        withoutTrigger("intake_is_permanent_update",
                () -> jdbc.sql("UPDATE intake SET taken_on = '1950-01-01' WHERE client_id = ?").param(client).update());

        assertRefused("intake clear --client " + client + " --note \"GP cleared\" --date 1955-01-01",
                "--date: 1955-01-01 is before the client's date of birth (" + BORN + ")");
    }

    @Test
    void aDateOfBirthAfterTheClientsRecordsIsRefusedNamingTheRecord() {
        practitioner("Sam Jones");
        long seen = born("1990-01-01");
        long session = session(seen, "--date", "2020-05-01", "--time", "10:00", "--subjective", "x");
        intake(seen, "--date 2021-01-01");
        long consented = born("1990-01-01");
        run(intake(consented, "--consent-date", "2015-06-01")).expectOk();

        assertRefused("client edit " + seen + " --dob 2020-06-01",
                "--dob: 2020-06-01 is after the date of session " + session + " (2020-05-01); a client cannot have"
                        + " records from before their birth - check the date of birth");
        assertRefused("client edit " + consented + " --dob 2016-01-01 --first-name Zed",
                "--dob: 2016-01-01 is after the consent date of intake version 1 (2015-06-01)");
        long operated = born("1990-01-01");
        run(intake(operated, "--surgeries", "\"knee arthroscopy 2000\"")).expectOk();
        assertRefused("client edit " + operated + " --dob 2001-01-01",
                "--dob: 2001-01-01 is after the surgery 'knee arthroscopy 2000' of intake version 1 (2000-12-31)");
        assertThat(run("client edit " + operated + " --dob 2000-06-01").status()).as("during that year")
                .isEqualTo(Failure.OK);
        assertThat(run("client edit " + seen + " --dob 2020-05-01").status()).as("born that day").isEqualTo(Failure.OK);
        assertThat(run("client edit " + consented + " --dob \"\"").status()).as("cleared").isEqualTo(Failure.OK);
    }

    @Test
    void aDateOfBirthMoreThan130YearsAgoOrInTheFutureIsRefused() {
        assertRefused("client add --first-name Ann --last-name Lee --dob " + EARLIEST.minusDays(1),
                "--dob: " + EARLIEST.minusDays(1) + " is more than 130 years ago (use a date from " + EARLIEST + " on)");
        assertRefused("client add --first-name Ann --last-name Lee --dob " + TODAY.plusDays(1),
                "--dob: " + TODAY.plusDays(1) + " is in the future (today is " + TODAY + ")");
        assertThat(run("client add --first-name Ann --last-name Lee --dob " + EARLIEST).status()).isEqualTo(Failure.OK);
    }

    // ---------------------------------------------------------------- helpers

    private long born(String dob) {
        // The same client several times over, on purpose: each test needs a fresh one.
        return Long.parseLong(runWords("client", "add", "--first-name", "Ann", "--last-name", "Lee", "--dob", dob,
                "--allow-duplicate").expectOk());
    }

    /** An intake for the client with the required fields, and {@code option value} in place of or besides them. */
    private static String intake(long client, String option, String value) {
        String consent = option.equals("--consent-date") ? value : TODAY.toString();
        return "intake new --client " + client + " --cramp-frequency 3 --cramp-sites calf-left --cramp-severity 6"
                + " --consent-date " + consent + " --consent-by client"
                + (option.equals("--consent-date") ? "" : " " + option + " " + value);
    }

    private void assertRefused(String command, String message) {
        Map<String, List<Map<String, Object>>> before = stored();

        Result result = run(command);

        assertThat(result.status()).as(command + ": " + result.error()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).as(command).startsWith(message);
        assertThat(stored()).as(command + ": nothing stored").isEqualTo(before);
    }

    private Map<String, List<Map<String, Object>>> stored() {
        Map<String, List<Map<String, Object>>> rows = new java.util.LinkedHashMap<>();
        for (String table : TABLES) {
            rows.put(table, jdbc.sql("SELECT * FROM " + table + " ORDER BY " + rowOrder(table)).query().listOfRows());
        }
        return rows;
    }
}
