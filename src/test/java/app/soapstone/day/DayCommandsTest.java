package app.soapstone.day;

import app.soapstone.appointment.AppointmentService;
import app.soapstone.shell.Failure;
import app.soapstone.support.SoapstoneTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code today}, {@code day D} and the shell's start-up line about today, through the real command layer. */
@Tag(SoapstoneTest.POSTGRESQL)
class DayCommandsTest extends SoapstoneTest {

    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

    @TempDir
    Path out;

    @Autowired
    private AppointmentService appointments;

    private long alex;
    private long sam;
    private long zoe;
    private long ann;

    @BeforeEach
    void clinicInSydney() {
        run("clinic set --name Bodyworks --address \"1 Main St\" --phone \"02 9130 1234\" --time-zone Australia/Sydney")
                .expectOk();
        alex = Long.parseLong(run("practitioner add --name \"Alex Chen\" --credentials RMT").expectOk());
        sam = Long.parseLong(run("practitioner add --name \"Sam Ng\" --credentials RMT").expectOk());
        zoe = Long.parseLong(run("client add --first-name Zoë --last-name Łukasiewicz").expectOk());
        ann = Long.parseLong(run("client add --first-name Ann --last-name Lee").expectOk());
    }

    // ---------------------------------------------------------------- what needs doing first

    @Test
    void eachToDoShowsWhileDueAndGoesWhenDone() {
        book(zoe, "10:00", sam);
        assertThat(visit(run("today").expectOk(), "Zoë")).containsExactly("- no intake yet");

        // A year-old intake with an urgent red flag and consent not all explained; last week's note unsigned.
        long note = session(zoe);
        LocalDate old = TODAY.minusMonths(13);
        run("intake new --client " + zoe + " --date " + old + " --cramp-frequency 4 --cramp-sites calf-left"
                + " --cramp-severity 6 --consent-date " + old + " --consent-by client --consent-explained nature,benefits"
                + " --red-flags one-sided-calf-swelling").expectOk();
        assertThat(visit(run("today").expectOk(), "Zoë")).containsExactly(
                "!! REFER (urgent): not cleared - Possible DVT - one-sided calf swelling",
                "- intake review due: Intake is 13 months old",
                "- consent due: Consent is 13 months old",
                "- consent due: Consent elements not all recorded (missing: risks, alternatives, consequences,"
                        + " right-to-stop)",
                "- note to sign: session " + note + " of " + TODAY.minusDays(7),
                "- care plan not given: visit of " + TODAY.minusDays(7) + " (session " + note + ")");

        run("intake clear --client " + zoe + " --note \"GP: DVT excluded by ultrasound\"").expectOk();
        assertThat(visit(run("today").expectOk(), "Zoë")).noneMatch(line -> line.contains("REFER"))
                .contains("- intake review due: Intake is 13 months old");

        // The review: a new intake, consent explained in full.
        run("intake new --client " + zoe + " --date " + TODAY + " --cramp-frequency 2 --cramp-sites calf-left"
                + " --cramp-severity 4 --consent-date " + TODAY + " --consent-by client --consent-explained all"
                + " --clear-red-flags").expectOk();
        assertThat(visit(run("today").expectOk(), "Zoë")).containsExactly(
                "- note to sign: session " + note + " of " + TODAY.minusDays(7),
                "- care plan not given: visit of " + TODAY.minusDays(7) + " (session " + note + ")");

        run("session sign " + note).expectOk();
        assertThat(visit(run("today").expectOk(), "Zoë")).containsExactly(
                "- care plan not given: visit of " + TODAY.minusDays(7) + " (session " + note + ")");

        run("plan export --client " + zoe + " --out " + out).expectOk();
        assertThat(visit(run("today").expectOk(), "Zoë")).isEmpty();

        // A visit after the plan was given wants a plan of its own.
        long next = session(zoe);
        assertThat(visit(run("today").expectOk(), "Zoë")).contains(
                "- care plan not given: visit of " + TODAY.minusDays(7) + " (session " + next + ")");
    }

    @Test
    void anUrgentFlagNeverClearedStaysFirstAndAnOrdinaryReferIsNoToDo() {
        book(zoe, "09:00", alex);
        run("intake new --client " + zoe + " --date " + TODAY + " --cramp-frequency 4 --cramp-sites calf-left"
                + " --cramp-severity 6 --consent-date " + TODAY + " --consent-by client --consent-explained all"
                + " --red-flags numbness-tingling").expectOk();
        assertThat(visit(run("today").expectOk(), "Zoë")).isEmpty();
    }

    // ---------------------------------------------------------------- the schedule

    @Test
    void eachPractitionerHasTheirAppointmentsInTimeOrderAndCancelledOnesHaveNoToDos() {
        run("service add --name \"Remedial massage 60 min\" --minutes 60").expectOk();
        run("appointment book --client " + ann + " --at \"" + TODAY + " 14:00\" --practitioner " + sam + " --service 1")
                .expectOk();
        book(zoe, "09:00", sam);
        book(ann, "11:30", alex);
        long cancelled = book(zoe, "16:00", alex);
        run("appointment cancel " + cancelled + " --reason \"Client unwell\"").expectOk();
        run("appointment book --client " + zoe + " --at \"" + TODAY.plusDays(1) + " 09:00\"").expectOk();

        String day = run("today").expectOk();

        assertThat(day).startsWith("Today, " + weekday(TODAY) + " " + TODAY + " (times in Australia/Sydney):"
                + " 3 appointments, 1 cancelled");
        List<String> order = List.of("Alex Chen (practitioner " + alex + ")", "11:30-12:30  Ann Lee",
                "16:00-17:00  Zoë Łukasiewicz (client " + zoe + "), cancelled: Client unwell, appointment " + cancelled,
                "Sam Ng (practitioner " + sam + ")", "09:00-10:00  Zoë Łukasiewicz",
                "14:00-15:00  Ann Lee (client " + ann + ") for Remedial massage 60 min, booked");
        int at = -1;
        for (String part : order) {
            assertThat(day.indexOf(part, at + 1)).as(part + " after the one before, in:\n" + day).isGreaterThan(at);
            at = day.indexOf(part, at + 1);
        }
        assertThat(visit(day, "16:00-17:00")).isEmpty();
        assertThat(visit(day, "09:00-10:00")).containsExactly("- no intake yet");
        assertThat(day).doesNotContain(TODAY.plusDays(1).toString());
    }

    @Test
    void dayShowsAnotherDayByDateOrWord() {
        book(zoe, "09:00", sam);
        long tomorrow = Long.parseLong(run("appointment book --client " + ann + " --at \"" + TODAY.plusDays(1)
                + " 10:15\" --minutes 30 --note \"Parking at the back\"").expectOk()
                .replaceAll("(?s)Booked appointment (\\d+):.*", "$1"));

        String byWord = run("day tomorrow").expectOk();
        assertThat(byWord).startsWith("Tomorrow, " + weekday(TODAY.plusDays(1)) + " " + TODAY.plusDays(1))
                .contains("10:15-10:45  Ann Lee (client " + ann + "), booked, appointment " + tomorrow)
                .contains("Note: Parking at the back").doesNotContain("Zoë");
        assertThat(run("day " + TODAY.plusDays(1)).expectOk()).isEqualTo(byWord);
        assertThat(run("day today").expectOk()).isEqualTo(run("today").expectOk()).contains("Zoë");

        String empty = run("day yesterday").expectOk();
        assertThat(empty).isEqualTo("Yesterday, " + weekday(TODAY.minusDays(1)) + " " + TODAY.minusDays(1)
                + " (times in Australia/Sydney): no appointments. Book one with: appointment book --client N --at \""
                + TODAY.minusDays(1) + " HH:MM\"");
    }

    @Test
    void aDayThatIsNoDayIsRefusedNamingIt() {
        for (String bad : List.of("5/12/2026", "2026-02-30", "someday")) {
            Result result = run("day " + bad);
            assertThat(result.status()).as(bad).isEqualTo(Failure.USAGE);
            assertThat(result.error()).as(bad).startsWith("DAY: '" + bad + "' is not a day")
                    .contains("YYYY-MM-DD, today, tomorrow, yesterday or a weekday");
        }
        assertThat(run("day").error()).contains("DAY");
    }

    // ---------------------------------------------------------------- the start-up notice

    @Test
    void theStartUpNoticeNamesTheFirstThenTheNextAppointment() {
        assertThat(noticeAt("08:00")).as("an empty book").isNull();
        long early = book(zoe, "09:00", sam);
        book(ann, "11:00", alex);
        long late = book(zoe, "15:00", alex);
        run("appointment cancel " + late + " --reason \"Client rang\"").expectOk();

        assertThat(noticeAt("08:00")).isEqualTo("Today: 2 appointments, the first at 09:00 (Zoë Łukasiewicz with Sam Ng);"
                + " see 'today'");
        assertThat(noticeAt("09:30")).isEqualTo("Today: 2 appointments, the next at 11:00 (Ann Lee with Alex Chen);"
                + " see 'today'");
        assertThat(noticeAt("12:00")).isEqualTo("Today: 2 appointments, none still to come; see 'today'");

        run("appointment cancel " + early + " --reason \"Client rang\"").expectOk();
        assertThat(noticeAt("08:00")).isEqualTo("Today: 1 appointment, at 11:00 (Ann Lee with Alex Chen); see 'today'");
    }

    // ---------------------------------------------------------------- helpers

    private long book(long client, String time, long practitioner) {
        return Long.parseLong(run("appointment book --client " + client + " --at \"" + TODAY + " " + time
                + "\" --practitioner " + practitioner).expectOk().replaceAll("(?s)Booked appointment (\\d+):.*", "$1"));
    }

    /** Records a session a week ago; its id (the last line printed). */
    private long session(long client) {
        List<String> lines = run("session new --client " + client + " --date " + TODAY.minusDays(7)
                + " --time 10:00 --subjective \"Fewer cramps\" --plan \"Stretch daily\"").expectOk().lines().toList();
        return Long.parseLong(lines.get(lines.size() - 1).strip());
    }

    /** The lines under the first appointment line containing {@code text}: its note and to-dos, stripped. */
    private static List<String> visit(String day, String text) {
        List<String> lines = day.lines().toList();
        int at = 0;
        while (!lines.get(at).contains(text) || !lines.get(at).startsWith("  ")) {
            at++;
        }
        return lines.subList(at + 1, lines.size()).stream().takeWhile(line -> line.startsWith("       "))
                .map(String::strip).filter(line -> !line.startsWith("Note: ")).toList();
    }

    private String noticeAt(String time) {
        Clock clock = Clock.fixed(TODAY.atTime(LocalTime.parse(time)).atZone(SYDNEY).toInstant(), SYDNEY);
        return new DayNotice(appointments, clock).message();
    }

    private static String weekday(LocalDate date) {
        return date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }
}
