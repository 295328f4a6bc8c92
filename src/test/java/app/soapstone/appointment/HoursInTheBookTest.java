package app.soapstone.appointment;

import app.soapstone.shell.CommandLine;
import app.soapstone.shell.Failure;
import app.soapstone.shell.ShellCompleter;
import app.soapstone.support.SoapstoneTest;
import app.soapstone.support.Tab;
import org.jline.reader.Candidate;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.jline.ExtendedDefaultParser;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Working hours in the appointment book, through the real command layer in Sydney's time zone:
 * the note outside them (daylight-saving days too), {@code appointment list --week}, the free
 * starts of {@code appointment free}, and the same starts offered by TAB after {@code --at}.
 */
@Tag(SoapstoneTest.POSTGRESQL)
class HoursInTheBookTest extends SoapstoneTest {

    /** Far enough ahead to be free of the real clock; Thursday 3 and Friday 4 December 2099. */
    private static final String THURSDAY = "2099-12-03";
    private static final String FRIDAY = "2099-12-04";

    @Autowired
    private ShellCompleter completer;
    @Autowired
    private Clock clock;

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
            // 2026-10-04 is past by now, which has a note of its own: only the hours' note matters here.
            assertThat(book(day + " 09:00", 60)).as(day).doesNotContain("Note: outside");
            assertThat(book(day + " 16:00", 60)).as(day).doesNotContain("Note: outside");
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
                    .containsPattern("(?m)^" + monday + " +Mon 30 Nov +00:00-00:05")
                    .containsPattern("(?m)^" + sunday + " +Sun 6 Dec +23:59-2099-12-07 00:04")
                    .doesNotContainPattern("(?m)^" + before + " ").doesNotContainPattern("(?m)^" + after + " ")
                    .doesNotContain("2099-11-29");
        }
        assertThat(run("appointment list --week 2099-12-07").expectOk())
                .containsPattern("(?m)^" + after + " +Mon 7 Dec +00:04-00:09")
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
        // Ids are not reused between tests: a low one such as 99 may be a practitioner of this test.
        assertThat(run("appointment list --week 2099-12-01 --practitioner 999999999").status())
                .isEqualTo(Failure.NOT_FOUND);
    }

    // ---------------------------------------------------------------- free starts

    @Test
    void freeStartsGoAroundBookedAppointmentsAndLunchButNotCancelledOnes() {
        hours("thu 09:00-12:00 13:00-15:00");
        book(THURSDAY + " 09:30", 60);
        long cancelled = id(book(THURSDAY + " 13:00", 60));
        run("appointment cancel " + cancelled + " --reason \"Client unwell\"").expectOk();

        String free = run("appointment free --day " + THURSDAY).expectOk();

        assertThat(free).startsWith("Sam Ng, free for 60 min on " + THURSDAY + ", times in Australia/Sydney:")
                .doesNotContain("assumed");
        assertThat(starts(free)).containsExactly(THURSDAY + " 10:30", THURSDAY + " 11:00", THURSDAY + " 13:00",
                THURSDAY + " 13:30", THURSDAY + " 14:00");
        assertThat(starts(run("appointment free --day " + THURSDAY + " --minutes 45 --practitioner " + sam).expectOk()))
                .startsWith(THURSDAY + " 10:30", THURSDAY + " 10:45", THURSDAY + " 11:00", THURSDAY + " 11:15",
                        THURSDAY + " 13:00");
        assertThat(run("appointment free --day 2099-12-05").expectOk()).endsWith("none.");
        run("service add --name \"Remedial 90\" --minutes 90").expectOk();
        assertThat(starts(run("appointment free --day " + THURSDAY + " --service 1").expectOk()))
                .containsExactly(THURSDAY + " 10:30", THURSDAY + " 13:00", THURSDAY + " 13:30");
        assertThat(run("appointment free --day " + THURSDAY + " --service 1 --minutes 30").expectOk())
                .startsWith("Sam Ng, free for 30 min");
    }

    @Test
    void withoutHoursMondayToFridayNineToFiveIsAssumedAndSaid() {
        String free = run("appointment free --day " + FRIDAY + " --minutes 240").expectOk();

        assertThat(free).contains("no working hours set: Monday to Friday 09:00-17:00 assumed");
        assertThat(starts(free)).containsExactly(FRIDAY + " 09:00", FRIDAY + " 09:30", FRIDAY + " 10:00",
                FRIDAY + " 10:30", FRIDAY + " 11:00", FRIDAY + " 11:30", FRIDAY + " 12:00", FRIDAY + " 12:30");
        assertThat(run("appointment free --day 2099-12-06").expectOk()).endsWith("none.");
        assertThat(run("appointment free --minutes 2").error()).startsWith("--minutes:");
    }

    // ---------------------------------------------------------------- TAB after --at

    @Test
    void tabAfterAtOffersTheFreeStartsOfThePractitionerOnTheLine() {
        hours("thu 09:00-12:00");
        long jo = Long.parseLong(run("practitioner add --name \"Jo Bell\" --credentials RMT").expectOk());
        run("practitioner hours " + jo + " --set \"thu 14:00-16:00\"").expectOk();
        book(THURSDAY + " 09:00", 60);

        List<Candidate> ours = tab("appointment book --client " + ann + " --at " + THURSDAY);
        assertThat(values(ours)).containsExactly(THURSDAY + " 10:00", THURSDAY + " 10:30", THURSDAY + " 11:00");
        assertThat(ours.getFirst().descr()).isEqualTo("Thu 3 Dec, free 60 min");
        assertThat(values(tab("appointment book --minutes 30 --at " + THURSDAY + "\\ 11")))
                .containsExactly(THURSDAY + " 11:00", THURSDAY + " 11:30");
        // A time typed past the first screenful of the day's starts (every quarter hour from 09:00).
        long kim = Long.parseLong(run("practitioner add --name \"Kim Lo\" --credentials RMT").expectOk());
        assertThat(values(tab("appointment book --practitioner " + kim + " --minutes 45 --at " + THURSDAY + "\\ 15")))
                .containsExactly(THURSDAY + " 15:00", THURSDAY + " 15:15", THURSDAY + " 15:30", THURSDAY + " 15:45");
        run("service add --name \"Remedial 90\" --minutes 90").expectOk();
        assertThat(values(tab("appointment book --service 1 --at " + THURSDAY)))
                .containsExactly(THURSDAY + " 10:00", THURSDAY + " 10:30");
        assertThat(values(tab("appointment book --practitioner " + jo + " --at " + THURSDAY)))
                .containsExactly(THURSDAY + " 14:00", THURSDAY + " 14:30", THURSDAY + " 15:00");
        assertThat(tab("appointment book --practitioner 999999999 --at ")).isEmpty();
        // Part of a date: the starts on the days it fits, further ahead than the next few.
        assertThat(values(tab("appointment book --at 2099-12-0"))).isEmpty();
        String month = TODAY.plusDays(14).toString().substring(0, 8);
        assertThat(values(tab("appointment book --at " + month))).isNotEmpty()
                .allSatisfy(value -> assertThat(value).startsWith(month));
        // Without a day typed: the next starts from now, as many as fit a screen.
        assertThat(values(tab("appointment book --at "))).hasSize(FreeSlotValues.OFFERED)
                .allSatisfy(value -> assertThat(value).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}( [+-]\\d{2}:\\d{2})?"));
    }

    @Test
    void movingOffersTheAppointmentsPractitionerAndLengthLeavingItsOwnSlotFree() {
        long jo = Long.parseLong(run("practitioner add --name \"Jo Bell\" --credentials RMT").expectOk());
        run("practitioner hours " + jo + " --set \"fri 09:00-11:00\"").expectOk();
        long id = id(run("appointment book --client " + ann + " --practitioner " + jo + " --minutes 90 --at \""
                + FRIDAY + " 09:00\"").expectOk());

        List<Candidate> offered = tab("appointment move " + id + " --at " + FRIDAY);
        assertThat(values(offered)).containsExactly(FRIDAY + " 09:00", FRIDAY + " 09:30");
        assertThat(offered.getFirst().descr()).isEqualTo("Fri 4 Dec, free 90 min");
        assertThat(values(tab("appointment move --appointment " + id + " --at " + FRIDAY)))
                .containsExactly(FRIDAY + " 09:00", FRIDAY + " 09:30");
    }

    @Test
    void tabOffersTheWordsADayIsSaidInWithTheDateEachMeans() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Australia/Sydney")));
        String tomorrow = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH).format(today.plusDays(1));

        List<Candidate> to = tab("appointment list --day to");
        assertThat(values(to)).containsExactly("today", "tomorrow");
        assertThat(to.get(1).descr()).isEqualTo(tomorrow);
        assertThat(values(tab("appointment list --week "))).contains("today", "yesterday", "mon", "sun").hasSize(10);
        assertThat(values(tab("appointment reminders --for f"))).containsExactly("fri");
        assertThat(values(tab("appointment free --day sa"))).containsExactly("sat");
        assertThat(values(tab("day tom"))).containsExactly("tomorrow");
    }

    @Test
    void aStartWithItsSpaceCompletesToOneWordForTheParser() {
        hours("thu 09:00-12:00");
        String typed = "appointment book --client " + ann + " --at ";
        // Typed bare, the start goes in quotes; typed after a quote, it closes it.
        for (String start : List.of(typed + THURSDAY, typed + "\"" + THURSDAY)) {
            ExtendedDefaultParser parser = new ExtendedDefaultParser();
            parser.setEofOnUnclosedQuote(true);
            CompletingParsedLine parsed = (CompletingParsedLine) parser.parse(start, start.length(),
                    Parser.ParseContext.COMPLETE);
            List<Candidate> candidates = new ArrayList<>();
            completer.complete(null, parsed, candidates);
            Candidate first = candidates.getFirst();
            assertThat(first.displ()).matches(THURSDAY + " (09|10):00");

            // As JLine writes the chosen candidate into the line: in place of the word typed, escaped by the parser.
            String line = start.substring(0, start.length() - parsed.rawWordLength())
                    + parsed.escape(first.value(), first.complete());
            assertThat(CommandLine.split(line)).as(line).endsWith("--at", first.displ());
            assertThat(run(line).expectOk()).as(line).contains("Booked appointment");
        }
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

    private static List<String> starts(String free) {
        return free.lines().skip(1).map(line -> line.strip().substring(0, 16)).toList();
    }

    private List<Candidate> tab(String line) {
        return Tab.press(completer, line);
    }

    private static List<String> values(List<Candidate> candidates) {
        // What the list shows; the value written into the line is quoted (see aStartWithItsSpace...).
        return candidates.stream().map(Candidate::displ).toList();
    }
}
