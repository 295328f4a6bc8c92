package app.soapstone.appointment;

import app.soapstone.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

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

    private static ClinicTime at(String text) {
        return ClinicTime.parse("at", text);
    }
}
