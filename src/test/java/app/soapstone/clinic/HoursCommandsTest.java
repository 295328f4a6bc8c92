package app.soapstone.clinic;

import app.soapstone.shell.Failure;
import app.soapstone.support.SoapstoneTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code practitioner hours}: set, shown, cleared and audited, through the real command layer. */
@Tag(SoapstoneTest.POSTGRESQL)
class HoursCommandsTest extends SoapstoneTest {

    private long sam;
    private long alex;

    @BeforeEach
    void twoPractitioners() {
        sam = Long.parseLong(run("practitioner add --name \"Sam Ng\" --credentials RMT").expectOk());
        alex = Long.parseLong(run("practitioner add --name \"Alex Chen\" --credentials RMT").expectOk());
    }

    @Test
    void hoursAreStoredShownAndAudited() {
        String set = run("practitioner hours " + sam + " --set \"mon-thu 09:00-17:00, fri 09:00-12:00 13:00-17:00\"")
                .expectOk();

        assertThat(set).isEqualTo("Working hours of practitioner " + sam
                + ": mon-thu 09:00-17:00, fri 09:00-12:00 13:00-17:00");
        assertThat(jdbc.sql("SELECT day_of_week || ' ' || starts || '-' || ends FROM practitioner_hours"
                + " WHERE practitioner_id = ? ORDER BY day_of_week, starts").param(sam).query(String.class).list())
                .containsExactly("1 09:00-17:00", "2 09:00-17:00", "3 09:00-17:00", "4 09:00-17:00",
                        "5 09:00-12:00", "5 13:00-17:00");
        String all = run("practitioner hours").expectOk();
        assertThat(all).containsPattern("Day +Sam Ng \\(" + sam + "\\) +Alex Chen \\(" + alex + "\\)")
                .containsPattern("Mon +09:00-17:00 +not set").containsPattern("Fri +09:00-12:00, 13:00-17:00 +not set")
                .containsPattern("Sat +off +not set");
        assertThat(run("practitioner hours " + sam).expectOk()).contains("Sam Ng").doesNotContain("Alex Chen");
        assertThat(run("practitioner hours --practitioner " + sam).expectOk()).doesNotContain("Alex Chen");
        assertThat(audit()).containsExactly("change practitioner " + sam + ": Set the working hours of practitioner "
                + sam + " (Sam Ng): mon-thu 09:00-17:00, fri 09:00-12:00 13:00-17:00");
    }

    @Test
    void setReplacesTheWeekAndClearRemovesIt() {
        run("practitioner hours " + sam + " --set \"mon-fri 09:00-17:00\"").expectOk();
        run("practitioner hours " + alex + " --set \"sat 10:00-14:00\"").expectOk();

        run("practitioner hours " + sam + " --set \"tue 08:00-12:00\"").expectOk();
        assertThat(rows(sam)).isEqualTo(1);
        assertThat(run("practitioner hours " + sam).expectOk()).containsPattern("Mon +off")
                .containsPattern("Tue +08:00-12:00");

        assertThat(run("practitioner hours " + sam + " --clear").expectOk())
                .isEqualTo("Cleared practitioner " + sam + "'s working hours.");
        assertThat(rows(sam)).isZero();
        assertThat(rows(alex)).as("another's hours stay").isEqualTo(1);
        assertThat(run("practitioner hours " + sam).expectOk()).containsPattern("Mon +not set");
        assertThat(audit()).last().isEqualTo("change practitioner " + sam
                + ": Cleared the working hours of practitioner " + sam + " (Sam Ng)");
    }

    @Test
    void badHoursAreRefusedInOneLineAndNothingChanges() {
        run("practitioner hours " + sam + " --set \"mon-fri 09:00-17:00\"").expectOk();

        for (String typed : List.of("mon-fry 09:00-17:00", "mon 25:00-26:00", "mon 17:00-09:00",
                "mon 09:00-13:00 12:00-17:00", "mon")) {
            Result result = run("practitioner hours " + sam + " --set \"" + typed + "\"");
            assertThat(result.status()).as(typed).isEqualTo(Failure.USAGE);
            assertThat(result.error()).as(typed).startsWith("--set: ").doesNotContain("\n").doesNotContain("Exception");
        }
        assertThat(rows(sam)).isEqualTo(5);

        Result both = run("practitioner hours " + sam + " --set \"mon 09:00-17:00\" --clear");
        assertThat(both.status()).isEqualTo(Failure.USAGE);
        assertThat(both.error()).contains("--set or --clear, not both");
        Result whose = run("practitioner hours --clear");
        assertThat(whose.status()).isEqualTo(Failure.USAGE);
        assertThat(whose.error()).contains("say whose hours");
        assertThat(run("practitioner hours 99 --set \"mon 09:00-17:00\"").status()).isEqualTo(Failure.NOT_FOUND);
        assertThat(rows(sam)).isEqualTo(5);
    }

    private int rows(long practitioner) {
        return jdbc.sql("SELECT count(*) FROM practitioner_hours WHERE practitioner_id = ?").param(practitioner)
                .query(Integer.class).single();
    }

    private List<String> audit() {
        return jdbc.sql("SELECT action || ' ' || record_type || ' ' || record_id || ': ' || summary FROM audit_event"
                + " WHERE summary LIKE '%working hours%' ORDER BY id").query(String.class).list();
    }
}
