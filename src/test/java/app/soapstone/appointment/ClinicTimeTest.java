package app.soapstone.appointment;

import app.soapstone.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Local clinic times on both daylight-saving changes of two real zones, with the clock fixed. */
class ClinicTimeTest {

    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** 13:30 UTC on 30 November: already 1 December in Sydney, still 30 November in London. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T13:30:00Z"), ZoneOffset.UTC);

    @Test
    void todayIsTheClinicsDateNotTheComputers() {
        assertThat(ClinicTime.today(CLOCK, SYDNEY)).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(ClinicTime.today(CLOCK, LONDON)).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void anOrdinaryTimeIsTheInstantInTheZone() {
        assertThat(at("2026-12-05 10:00").in(SYDNEY, "at")).isEqualTo(Instant.parse("2026-12-04T23:00:00Z"));
        assertThat(at("2026-12-05 9:05").in(LONDON, "at")).isEqualTo(Instant.parse("2026-12-05T09:05:00Z"));
    }

    @Test
    void theSpringGapIsRefusedInBothZones() {
        assertThatThrownBy(() -> at("2026-10-04 02:00").in(SYDNEY, "at")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--at").hasMessageContaining("2026-10-04 02:00 does not exist in Australia/Sydney")
                .hasMessageContaining("from 02:00 to 03:00");
        assertThatThrownBy(() -> at("2027-03-28 01:59").in(LONDON, "at"))
                .hasMessageContaining("does not exist in Europe/London").hasMessageContaining("from 01:00 to 02:00");
        // Either side of the gap is fine.
        assertThat(at("2026-10-04 03:00").in(SYDNEY, "at")).isEqualTo(Instant.parse("2026-10-03T16:00:00Z"));
        assertThat(at("2026-10-04 01:59").in(SYDNEY, "at")).isEqualTo(Instant.parse("2026-10-03T15:59:00Z"));
    }

    @Test
    void theAutumnHourNeedsItsOffsetInBothZones() {
        assertThatThrownBy(() -> at("2027-04-04 02:00").in(SYDNEY, "at"))
                .hasMessageContaining("happens twice in Australia/Sydney")
                .hasMessageContaining("\"2027-04-04 02:00 +11:00\" for the first")
                .hasMessageContaining("\"2027-04-04 02:00 +10:00\" for the second");
        assertThatThrownBy(() -> at("2026-10-25 01:30").in(LONDON, "at"))
                .hasMessageContaining("happens twice in Europe/London").hasMessageContaining("+01:00");

        assertThat(at("2027-04-04 02:00 +11:00").in(SYDNEY, "at")).isEqualTo(Instant.parse("2027-04-03T15:00:00Z"));
        assertThat(at("2027-04-04 02:00+10:00").in(SYDNEY, "at")).isEqualTo(Instant.parse("2027-04-03T16:00:00Z"));
        assertThat(at("2026-10-25 01:30 +00:00").in(LONDON, "at")).isEqualTo(Instant.parse("2026-10-25T01:30:00Z"));
        assertThatThrownBy(() -> at("2027-04-04 02:00 +09:00").in(SYDNEY, "at")).hasMessageContaining("is not at +09:00");
    }

    @Test
    void anAmbiguousTimeIsShownWithItsOffsetAndReadsBack() {
        Instant first = Instant.parse("2027-04-03T15:30:00Z");
        Instant second = Instant.parse("2027-04-03T16:30:00Z");

        assertThat(ClinicTime.show(first, SYDNEY)).isEqualTo("2027-04-04 02:30 +11:00");
        assertThat(ClinicTime.show(second, SYDNEY)).isEqualTo("2027-04-04 02:30 +10:00");
        assertThat(ClinicTime.parse("at", ClinicTime.show(second, SYDNEY)).in(SYDNEY, "at")).isEqualTo(second);
        assertThat(ClinicTime.show(Instant.parse("2026-12-04T23:00:00Z"), SYDNEY)).isEqualTo("2026-12-05 10:00");
        assertThat(ClinicTime.end(first, second, SYDNEY)).isEqualTo("02:30 +10:00");
    }

    @Test
    void badFormsAreRefusedNamingTheOption() {
        for (String text : new String[] {"2026-12-05", "10:00", "2026-12-05T10:00", "2026-02-30 10:00",
                "2026-12-05 25:00", "5/12/2026 10:00", "2026-12-05 10:00 +25:00"}) {
            assertThatThrownBy(() -> ClinicTime.parse("at", text)).as(text).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("--at");
        }
        assertThat(ClinicTime.parse("at", " 2026-12-05 10:00 ")).isEqualTo(
                new ClinicTime(LocalDateTime.of(2026, 12, 5, 10, 0), null));
        assertThat(ClinicTime.parse("at", "2026-12-05 10:00 -05:00").offset()).isEqualTo(ZoneOffset.ofHours(-5));
    }

    // ---------------------------------------------------------------- the forms the front desk says

    /** Monday 30 November 2026. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    @Test
    void todayTomorrowAndATimeAloneAreReadAgainstTheClinicsDate() {
        assertThat(said("today 14:30", MONDAY)).isEqualTo(LocalDateTime.of(2026, 11, 30, 14, 30));
        assertThat(said("Tomorrow 9:00", MONDAY)).isEqualTo(LocalDateTime.of(2026, 12, 1, 9, 0));
        assertThat(said("9:05", MONDAY)).isEqualTo(LocalDateTime.of(2026, 11, 30, 9, 5));
        assertThat(said(" 17:45 ", MONDAY)).isEqualTo(LocalDateTime.of(2026, 11, 30, 17, 45));
        assertThat(said("tomorrow 10:00", LocalDate.of(2026, 12, 31))).isEqualTo(LocalDateTime.of(2027, 1, 1, 10, 0));
        // The date and time form is read as before.
        assertThat(said("2026-12-05 9:00", MONDAY)).isEqualTo(LocalDateTime.of(2026, 12, 5, 9, 0));
    }

    @Test
    void aWeekdayIsTheNextOneAfterToday() {
        assertThat(said("tue 10:00", MONDAY)).isEqualTo(LocalDateTime.of(2026, 12, 1, 10, 0));
        assertThat(said("Tuesday 10:00", MONDAY)).isEqualTo(LocalDateTime.of(2026, 12, 1, 10, 0));
        assertThat(said("thurs 8:15", MONDAY)).isEqualTo(LocalDateTime.of(2026, 12, 3, 8, 15));
        assertThat(said("SUN 11:00", MONDAY)).isEqualTo(LocalDateTime.of(2026, 12, 6, 11, 0));
        // Said on a Monday, "mon" is next week's: today has its own word.
        assertThat(said("mon 10:00", MONDAY)).isEqualTo(LocalDateTime.of(2026, 12, 7, 10, 0));
        assertThat(said("monday 10:00", MONDAY)).isEqualTo(LocalDateTime.of(2026, 12, 7, 10, 0));
    }

    @Test
    void aWeekdayTheDayBeforeTheClocksGoForwardIsReadInTheNewOffset() {
        // Saturday 3 October 2026; Sydney's clocks go forward at 02:00 on Sunday.
        LocalDate saturday = LocalDate.of(2026, 10, 3);

        assertThat(ClinicTime.parse("at", "sun 10:00", saturday).in(SYDNEY, "at"))
                .isEqualTo(Instant.parse("2026-10-03T23:00:00Z"));
        assertThat(ClinicTime.parse("at", "today 10:00", saturday).in(SYDNEY, "at"))
                .isEqualTo(Instant.parse("2026-10-03T00:00:00Z"));
        assertThatThrownBy(() -> ClinicTime.parse("at", "sunday 2:30", saturday).in(SYDNEY, "at"))
                .hasMessageContaining("2026-10-04 02:30 does not exist in Australia/Sydney");
        // The day before the clocks go back, the hour that happens twice takes its offset after a weekday too.
        LocalDate beforeAutumn = LocalDate.of(2027, 4, 3);
        assertThatThrownBy(() -> ClinicTime.parse("at", "tomorrow 2:30", beforeAutumn).in(SYDNEY, "at"))
                .hasMessageContaining("happens twice");
        assertThat(ClinicTime.parse("at", "sun 2:30 +10:00", beforeAutumn).in(SYDNEY, "at"))
                .isEqualTo(Instant.parse("2027-04-03T16:30:00Z"));
    }

    @Test
    void aSaidTimeThatIsNoneIsRefusedNamingTheOptionAndTheForms() {
        for (String text : new String[] {"someday 10:00", "mo 10:00", "today", "tomorrow 25:00", "today 9:60",
                "next mon 10:00", "mon 10", "10:00 mon", "today 10:00 +25:00"}) {
            assertThatThrownBy(() -> ClinicTime.parse("at", text, MONDAY)).as(text)
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("--at")
                    .hasMessageContaining("\"today 14:30\"").hasMessageContaining("\"mon 10:00\"")
                    .hasMessageContaining("YYYY-MM-DD HH:MM");
        }
    }

    @Test
    void theTimeIsSaidBackWithItsWeekdayAndFullDate() {
        Instant start = Instant.parse("2026-12-01T03:30:00Z");

        assertThat(ClinicTime.spoken(start, SYDNEY)).isEqualTo("Tue 1 Dec 2026 14:30");
        assertThat(ClinicTime.spokenEnd(start, start.plusSeconds(3600), SYDNEY)).isEqualTo("15:30");
        assertThat(ClinicTime.spokenEnd(start, Instant.parse("2026-12-01T13:30:00Z"), SYDNEY))
                .isEqualTo("Wed 2 Dec 2026 00:30");
        assertThat(ClinicTime.spoken(Instant.parse("2027-04-03T16:30:00Z"), SYDNEY))
                .isEqualTo("Sun 4 Apr 2027 02:30 +10:00");
    }

    @Test
    void aDayIsReadAsTheFrontDeskSaysIt() {
        assertThat(ClinicTime.day("day", "today", MONDAY)).isEqualTo(MONDAY);
        assertThat(ClinicTime.day("day", " Tomorrow ", MONDAY)).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(ClinicTime.day("day", "yesterday", MONDAY)).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(ClinicTime.day("day", "2027-01-04", MONDAY)).isEqualTo(LocalDate.of(2027, 1, 4));
        // A weekday is the next one after today, as in --at: said on a Monday, "mon" is next week's.
        assertThat(ClinicTime.day("day", "fri", MONDAY)).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(ClinicTime.day("day", "monday", MONDAY)).isEqualTo(LocalDate.of(2026, 12, 7));
        for (String text : List.of("mo", "next week", "2026-02-30", "4/12/2026", "")) {
            assertThatThrownBy(() -> ClinicTime.day("for", text, MONDAY)).as(text)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("--for: '" + text.strip() + "' is not a day: use " + ClinicTime.DAY_FORMS);
        }
    }

    private static LocalDateTime said(String text, LocalDate today) {
        ClinicTime time = ClinicTime.parse("at", text, today);
        assertThat(time.offset()).as(text).isNull();
        return time.local();
    }

    private static ClinicTime at(String text) {
        return ClinicTime.parse("at", text);
    }
}
