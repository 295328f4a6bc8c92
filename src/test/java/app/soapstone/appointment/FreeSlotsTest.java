package app.soapstone.appointment;

import app.soapstone.clinic.WeeklyHours;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Free starts as computed, with fixed instants: the grid, the hours, what is taken, and daylight saving. */
class FreeSlotsTest {

    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    /** Thursday 3 December 2026, 08:00 in Sydney (+11:00). */
    private static final Instant THURSDAY_EARLY = Instant.parse("2026-12-02T21:00:00Z");

    @Test
    void startsAreOnTheGridWithinTheRangesAroundLunchAndAppointments() {
        WeeklyHours week = WeeklyHours.parse("set", "thu 09:00-12:00 13:00-15:00");
        List<BookEntry> taken = List.of(entry("2026-12-03 09:30", "2026-12-03 10:30"));

        List<Instant> starts = FreeSlots.starts(week, SYDNEY, THURSDAY_EARLY, LocalDate.of(2026, 12, 3), 60, taken, 20);

        assertThat(shown(starts)).containsExactly("2026-12-03 10:30", "2026-12-03 11:00", "2026-12-03 13:00",
                "2026-12-03 13:30", "2026-12-03 14:00");
    }

    @Test
    void anOddLengthTakesTheQuarterHourGridAndTheCountIsKept() {
        WeeklyHours week = WeeklyHours.parse("set", "thu-fri 09:00-10:30");

        List<Instant> starts = FreeSlots.starts(week, SYDNEY, THURSDAY_EARLY, LocalDate.of(2026, 12, 31), 45,
                List.of(), 5);

        assertThat(shown(starts)).containsExactly("2026-12-03 09:00", "2026-12-03 09:15", "2026-12-03 09:30",
                "2026-12-03 09:45", "2026-12-04 09:00");
    }

    @Test
    void startsBeforeNowAreNotOffered() {
        WeeklyHours week = WeeklyHours.parse("set", "thu 09:00-12:00");
        Instant tenPast10 = Instant.parse("2026-12-02T23:10:00Z");

        assertThat(shown(FreeSlots.starts(week, SYDNEY, tenPast10, LocalDate.of(2026, 12, 3), 60, List.of(), 9)))
                .containsExactly("2026-12-03 10:30", "2026-12-03 11:00");
    }

    @Test
    void theHourTheClocksSkipIsLeftOutAndTheRepeatedHourCarriesItsOffset() {
        WeeklyHours sundays = WeeklyHours.parse("set", "sun 01:00-04:00");
        // Sydney, Sunday 4 October 2026: 02:00 becomes 03:00.
        Instant spring = LocalDate.of(2026, 10, 4).atStartOfDay(SYDNEY).toInstant();
        assertThat(shown(FreeSlots.starts(sundays, SYDNEY, spring, LocalDate.of(2026, 10, 4), 30, List.of(), 9)))
                .containsExactly("2026-10-04 01:00", "2026-10-04 01:30", "2026-10-04 03:00", "2026-10-04 03:30");
        // Sunday 4 April 2027: 03:00 becomes 02:00 again; the first 02:00 is offered, with its offset.
        Instant autumn = LocalDate.of(2027, 4, 4).atStartOfDay(SYDNEY).toInstant();
        assertThat(shown(FreeSlots.starts(sundays, SYDNEY, autumn, LocalDate.of(2027, 4, 4), 60, List.of(), 9)))
                .containsExactly("2027-04-04 01:00", "2027-04-04 01:30", "2027-04-04 02:00 +11:00",
                        "2027-04-04 02:30 +11:00", "2027-04-04 03:00");
    }

    private static List<String> shown(List<Instant> starts) {
        return starts.stream().map(start -> ClinicTime.show(start, SYDNEY)).toList();
    }

    private static BookEntry entry(String start, String end) {
        return new BookEntry(1, 1, "Ann Lee", 1, "Sam Ng", ClinicTime.parse("at", start).in(SYDNEY, "at"),
                ClinicTime.parse("at", end).in(SYDNEY, "at"), AppointmentStatus.BOOKED, null, null, null);
    }
}
