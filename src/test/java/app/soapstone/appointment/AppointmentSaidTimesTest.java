package app.soapstone.appointment;

import app.soapstone.shell.Failure;
import app.soapstone.support.SoapstoneTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --at "tomorrow 9:00"} and the other said forms, through the real command layer, on the tests' day. */
@Tag(SoapstoneTest.POSTGRESQL)
class AppointmentSaidTimesTest extends SoapstoneTest {

    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    private static final DateTimeFormatter SAID = DateTimeFormatter.ofPattern("EEE d MMM uuuu HH:mm", Locale.ENGLISH);

    @Autowired
    private Clock clock;

    private long sam;
    /** The clinic's today, in Sydney, by the application's clock. */
    private LocalDate today;

    @BeforeEach
    void clinicInSydney() {
        run("clinic set --name Bodyworks --address \"1 Main St\" --phone \"02 9130 1234\" --time-zone Australia/Sydney")
                .expectOk();
        run("practitioner add --name \"Alex Chen\" --credentials RMT").expectOk();
        sam = Long.parseLong(run("client add --first-name Sam --last-name Park").expectOk());
        today = LocalDate.now(clock.withZone(SYDNEY));
    }

    @Test
    void tomorrowIsBookedAndSaidBackWithWeekdayAndDate() {
        LocalDateTime expected = today.plusDays(1).atTime(9, 0);

        String out = run("appointment book --client " + sam + " --at \"tomorrow 9:00\" --minutes 30").expectOk();

        assertThat(out).startsWith("Booked appointment 1: Sam Park (client " + sam + ") with Alex Chen, "
                + SAID.format(expected) + " to 09:30 Australia/Sydney").doesNotContain("past");
        assertThat(startsAt(1)).isEqualTo(expected.atZone(SYDNEY).toInstant());
    }

    @Test
    void theBookIsListedForADaySaidTheSameWay() {
        long tomorrow = Long.parseLong(run("appointment book --client " + sam + " --at \"tomorrow 9:00\"").expectOk()
                .replaceAll("(?s)Booked appointment (\\d+):.*", "$1"));
        String friday = today.with(TemporalAdjusters.next(DayOfWeek.FRIDAY)).toString();
        run("appointment book --client " + sam + " --at \"fri 11:00\"").expectOk();

        assertThat(run("appointment list --day tomorrow").expectOk()).startsWith("On " + today.plusDays(1))
                .containsPattern("(?m)^" + tomorrow + " +09:00-10:00");
        assertThat(run("appointment list --day fri").expectOk()).startsWith("On " + friday).contains("11:00-12:00");
        assertThat(run("appointment list --week tomorrow").expectOk()).contains("09:00-10:00");
        assertThat(run("appointment free --day fri").expectOk()).contains(friday + " 09:00");
        assertThat(run("appointment list --day someday").error())
                .isEqualTo("--day: 'someday' is not a day: use " + ClinicTime.DAY_FORMS);
    }

    @Test
    void aWeekdayMovesToTheNextSuchDayAfterToday() {
        run("appointment book --client " + sam + " --at \"tomorrow 9:00\"").expectOk();
        LocalDate wednesday = today.with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));

        String out = run("appointment move 1 --at \"wed 14:30\"").expectOk();

        assertThat(out).contains("Moved appointment 1:", SAID.format(wednesday.atTime(14, 30)) + " to 15:30");
        assertThat(startsAt(1)).isEqualTo(wednesday.atTime(14, 30).atZone(SYDNEY).toInstant());
        assertThat(wednesday).isAfter(today);
    }

    @Test
    void aTimeAloneIsTodayAndThePastIsBookedWithAWarning() {
        String out = run("appointment book --client " + sam + " --at 0:00").expectOk();

        assertThat(out).contains(SAID.format(today.atStartOfDay())).contains("Note: that is in the past");
        assertThat(startsAt(1)).isEqualTo(today.atStartOfDay(SYDNEY).toInstant());
        assertThat(run("appointment book --client " + sam + " --at \"2099-01-05 10:00\"").expectOk())
                .contains("Mon 5 Jan 2099 10:00").doesNotContain("past");
    }

    @Test
    void aTimeTheBookCannotReadIsRefusedListingTheForms() {
        for (String at : new String[] {"\"next tuesday\"", "\"someday 10:00\"", "tomorrow", "\"today 24:00\""}) {
            Result result = run("appointment book --client " + sam + " --at " + at);
            assertThat(result.status()).as(at).isEqualTo(Failure.USAGE);
            assertThat(result.error().strip()).as(at).doesNotContain("\n").contains("--at")
                    .contains("\"YYYY-MM-DD HH:MM\"", "\"today 14:30\"", "\"tomorrow 9:00\"", "\"mon 10:00\"");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM appointment").query(Integer.class).single()).isZero();
    }

    private Instant startsAt(long id) {
        return Instant.parse(jdbc.sql("SELECT starts_at FROM appointment WHERE id = ?").param(id).query(String.class)
                .single());
    }
}
