package app.soapstone.clinic;

import app.soapstone.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Working hours as typed after {@code --set}: the forms read, and each way of getting them wrong, in one line. */
class WeeklyHoursTest {

    @Test
    void daysSpansAndSeveralRangesADayAreRead() {
        WeeklyHours week = WeeklyHours.parse("set", "mon-thu 09:00-17:00, fri 9:00-12:00 13:00-17:00");

        assertThat(week.on(DayOfWeek.MONDAY)).containsExactly(range("09:00", "17:00"));
        assertThat(week.on(DayOfWeek.THURSDAY)).containsExactly(range("09:00", "17:00"));
        assertThat(week.on(DayOfWeek.FRIDAY)).containsExactly(range("09:00", "12:00"), range("13:00", "17:00"));
        assertThat(week.on(DayOfWeek.SATURDAY)).isEmpty();
        assertThat(week.days()).hasSize(5);
        assertThat(week.written()).isEqualTo("mon-thu 09:00-17:00, fri 09:00-12:00 13:00-17:00");
        assertThat(week.shown(DayOfWeek.FRIDAY)).isEqualTo("09:00-12:00, 13:00-17:00");
        assertThat(week.shown(DayOfWeek.SUNDAY)).isEqualTo("off");
    }

    @Test
    void fullNamesCaseAndADayGivenTwiceAreOneWeek() {
        WeeklyHours week = WeeklyHours.parse("set", " Monday 13:00-17:00 , MON 08:00-12:00, tue wed 10:00-11:00,"
                + " sat-sun 10:00-14:00");

        assertThat(week.on(DayOfWeek.MONDAY)).containsExactly(range("08:00", "12:00"), range("13:00", "17:00"));
        assertThat(week.written()).isEqualTo("mon 08:00-12:00 13:00-17:00, tue-wed 10:00-11:00, sat-sun 10:00-14:00");
        assertThat(WeeklyHours.parse("set", week.written())).isEqualTo(week);
    }

    @Test
    void anAppointmentIsCoveredWhenItLiesInOneRangeOfItsDay() {
        WeeklyHours week = WeeklyHours.parse("set", "fri 09:00-12:00 13:00-17:00");
        LocalDateTime friday = LocalDateTime.of(2026, 12, 4, 9, 0);

        assertThat(week.covers(friday, friday.plusHours(3))).isTrue();
        assertThat(week.covers(friday.plusHours(4), friday.plusHours(8))).isTrue();
        assertThat(week.covers(friday.plusHours(2).plusMinutes(30), friday.plusHours(3).plusMinutes(30)))
                .as("over lunch").isFalse();
        assertThat(week.covers(friday.minusMinutes(30), friday.plusMinutes(30))).as("starts early").isFalse();
        assertThat(week.covers(friday.plusDays(1), friday.plusDays(1).plusHours(1))).as("Saturday").isFalse();
        assertThat(WeeklyHours.NONE.covers(friday, friday.plusHours(1))).isFalse();
    }

    @Test
    void eachMistakeIsOneLineNamingSetAndWhatIsAllowed() {
        Map<String, String> mistakes = Map.ofEntries(
                Map.entry("", "give the week's hours"),
                Map.entry("mon 09:00-17:00,, fri 09:00-12:00", "an empty part between commas"),
                Map.entry("mon-fry 09:00-17:00", "'mon-fry' is not a day: use mon, tue, wed, thu, fri, sat or sun"),
                Map.entry("mo 09:00-17:00", "'mo' is not a day"),
                Map.entry("fri-mon 09:00-17:00", "'fri-mon' runs backwards"),
                Map.entry("mon-tue-wed 09:00-17:00", "'mon-tue-wed' is not a day"),
                Map.entry("mon", "'mon' has no hours: write them after the days"),
                Map.entry("09:00-17:00", "'09:00-17:00' needs its days first"),
                Map.entry("mon-fri 9-5", "'9-5' is not a range of times: use HH:MM-HH:MM"),
                Map.entry("mon 09:00-12:00 tue 13:00-17:00", "'tue' is not a range of times"),
                Map.entry("mon 25:00-26:00", "'25:00' is not a time of day: use HH:MM, 00:00 to 23:59"),
                Map.entry("mon 09:00-24:00", "'24:00' is not a time of day"),
                Map.entry("mon 09:61-10:00", "'09:61' is not a time of day"),
                Map.entry("mon 17:00-09:00", "'17:00-09:00' ends before it starts"),
                Map.entry("mon 09:00-09:00", "'09:00-09:00' ends before it starts"),
                Map.entry("mon 09:00-13:00 12:00-17:00", "09:00-13:00 and 12:00-17:00 overlap on Mondays"),
                Map.entry("mon-fri 09:00-17:00, wed 16:00-18:00", "09:00-17:00 and 16:00-18:00 overlap on Wednesdays"));
        mistakes.forEach((typed, problem) -> assertThatThrownBy(() -> WeeklyHours.parse("set", typed)).as(typed)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("--set: ").hasMessageContaining(problem)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n")));
        assertThatThrownBy(() -> WeeklyHours.parse("set", null)).hasMessageContaining("--clear to remove them");
    }

    private static WeeklyHours.Range range(String start, String end) {
        return new WeeklyHours.Range(LocalTime.parse(start), LocalTime.parse(end));
    }

    @Test
    void theWeekKeepsItsRangesInOrder() {
        WeeklyHours week = new WeeklyHours(Map.of(DayOfWeek.TUESDAY, List.of(range("13:00", "17:00"),
                range("09:00", "12:00")), DayOfWeek.WEDNESDAY, List.of()));

        assertThat(week.on(DayOfWeek.TUESDAY)).containsExactly(range("09:00", "12:00"), range("13:00", "17:00"));
        assertThat(week.days()).containsOnlyKeys(DayOfWeek.TUESDAY);
    }
}
