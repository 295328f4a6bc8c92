package app.soapstone.appointment;

import app.soapstone.shell.Failure;
import app.soapstone.support.SoapstoneTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Working hours in the appointment book, through the real command layer in Sydney's time zone:
 * the note outside them (daylight-saving days too), and {@code appointment list --week}.
 */
@Tag(SoapstoneTest.POSTGRESQL)
class HoursInTheBookTest extends SoapstoneTest {

    /** Far enough ahead to be free of the real clock; Thursday 3 and Friday 4 December 2099. */
    private static final String THURSDAY = "2099-12-03";
    private static final String FRIDAY = "2099-12-04";

    private long sam;
    private long ann;

    @BeforeEach
    void clinicInSydney() {
        run("clinic set --name Bodyworks --address \"1 Main St\" --phone \"02 9130 1234\" --time-zone Australia/Sydney")
                .expectOk();
        sam = Long.parseLong(run("practitioner add --name \"Sam Ng\" --credentials RMT").expectOk());
        ann = Long.parseLong(run("client add --first-name Ann --last-name Lee").expectOk());
    }

    // ---------------------------------------------------------------- the note outside working hours

    @Test
    void bookingOutsideTheHoursBooksWithANoteOnASecondLine() {
        hours("mon-thu 09:00-17:00, fri 09:00-12:00 13:00-17:00");

        String inside = book(FRIDAY + " 09:00", 60);
        assertThat(inside).startsWith("Booked appointment").doesNotContain("Note");
        assertThat(book(FRIDAY + " 13:00", 240)).doesNotContain("Note");

        String lunch = book(FRIDAY + " 11:30", 60);
        assertThat(lunch.lines().toList()).hasSize(2);
        assertThat(lunch.lines().toList().get(1)).isEqualTo("Note: outside Sam Ng's hours on Fridays"
                + " (09:00-12:00, 13:00-17:00); booked all the same.");
        assertThat(book(THURSDAY + " 16:30", 60)).contains("Note: outside Sam Ng's hours on Thursdays (09:00-17:00)");
        assertThat(book("2099-12-05 10:00", 60)).contains("Note: Sam Ng does not work on Saturdays (hours:"
                + " mon-thu 09:00-17:00, fri 09:00-12:00 13:00-17:00)");
        assertThat(count()).isEqualTo(5);
    }

    @Test
    void movingOutsideTheHoursNotesItAndMovingBackDoesNot() {
        hours("mon-fri 09:00-17:00");
        long id = id(book(THURSDAY + " 10:00", 60));

        assertThat(run("appointment move " + id + " --at \"" + THURSDAY + " 18:00\"").expectOk())
                .contains("Moved appointment " + id).contains("Note: outside Sam Ng's hours on Thursdays");
        assertThat(run("appointment move " + id + " --at \"" + THURSDAY + " 16:00\"").expectOk()).doesNotContain("Note");
    }

    @Test
    void noHoursSetMeansNoNote() {
        assertThat(book("2099-12-05 22:00", 60)).doesNotContain("Note");
    }

    @Test
    void theNoteReadsLocalTimeOnBothDaylightSavingChanges() {
        hours("sun 09:00-17:00");
        // Sydney's clocks go forward on Sunday 4 October 2026 and back on Sunday 4 April 2027: the
        // hours are the wall clock's, so 09:00 is inside and 08:30 outside on both days.
        for (String day : List.of("2026-10-04", "2027-04-04")) {
            assertThat(book(day + " 09:00", 60)).as(day).doesNotContain("Note");
            assertThat(book(day + " 16:00", 60)).as(day).doesNotContain("Note");
            assertThat(book(day + " 08:30", 30)).as(day).contains("Note: outside Sam Ng's hours on Sundays");
            assertThat(book(day + " 17:00", 15)).as(day).contains("Note: outside");
        }
    }

    // ---------------------------------------------------------------- the week

    @Test
    void theWeekRunsFromMondayMidnightToSundayMidnightLocal() {
        // Monday 30 November to Sunday 6 December 2099: its first minute and its last.
        long before = id(book("2099-11-29 23:55", 5));
        long monday = id(book("2099-11-30 00:00", 5));
        long sunday = id(book("2099-12-06 23:59", 5));
        long after = id(book("2099-12-07 00:04", 5));

        for (String day : List.of("2099-11-30", "2099-12-03", "2099-12-06")) {
            String week = run("appointment list --week " + day).expectOk();
            assertThat(week).as(day).startsWith("Week of Mon 2099-11-30 to Sun 2099-12-06, times in Australia/Sydney:")
                    .containsPattern("(?m)^" + monday + " +Mon 2099-11-30 +00:00-00:05")
                    .containsPattern("(?m)^" + sunday + " +Sun 2099-12-06 +23:59-2099-12-07 00:04")
                    .doesNotContainPattern("(?m)^" + before + " ").doesNotContainPattern("(?m)^" + after + " ")
                    .doesNotContain("2099-11-29");
        }
        assertThat(run("appointment list --week 2099-12-07").expectOk())
                .containsPattern("(?m)^" + after + " +Mon 2099-12-07 +00:04-00:09")
                .doesNotContainPattern("(?m)^" + sunday + " ");
    }

    @Test
    void theWeekOfTodayAndItsRefusals() {
        LocalDate monday = TODAY.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        assertThat(run("appointment list --week today").expectOk()).startsWith("Week of Mon " + monday)
                .contains("no appointments");

        Result both = run("appointment list --day today --week today");
        assertThat(both.status()).isEqualTo(Failure.USAGE);
        assertThat(both.error()).isEqualTo("--week: give --day or --week, not both");
        assertThat(run("appointment list --week 2099-13-01").error()).startsWith("--week:");
        assertThat(run("appointment list --week 2099-12-01 --practitioner 99").status()).isEqualTo(Failure.NOT_FOUND);
    }

    // ---------------------------------------------------------------- helpers

    private void hours(String week) {
        run("practitioner hours " + sam + " --set \"" + week + "\"").expectOk();
    }

    private String book(String at, int minutes) {
        return run("appointment book --client " + ann + " --at \"" + at + "\" --minutes " + minutes).expectOk();
    }

    private static long id(String booked) {
        return Long.parseLong(booked.replaceAll("(?s)(?:Booked|Moved) appointment (\\d+):.*", "$1"));
    }

    private int count() {
        return jdbc.sql("SELECT count(*) FROM appointment").query(Integer.class).single();
    }

}
