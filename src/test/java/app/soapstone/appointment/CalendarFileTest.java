package app.soapstone.appointment;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The iCalendar writer's text rules: escaping and folding at 75 octets, by themselves. */
class CalendarFileTest {

    @Test
    void textEscapesBackslashSemicolonCommaAndLineBreaks() {
        assertThat(CalendarFile.text("a\\b;c,d\ne\r\nf\rg")).isEqualTo("a\\\\b\\;c\\,d\\ne\\nf\\ng");
        // TEXT cannot hold other control characters; a tab or an escape is left out.
        assertThat(CalendarFile.text("a\tb\u001Bc\u007Fd")).isEqualTo("abcd");
        assertThat(CalendarFile.text("Zoë 山田 🙂")).isEqualTo("Zoë 山田 🙂");
    }

    @Test
    void aLongLineIsFoldedAt75OctetsNeverInsideACharacter() {
        // One, two, three and four octets a character, so every fold point is tried against each width.
        String content = "DESCRIPTION:" + "aé山🙂".repeat(40);
        StringBuilder out = new StringBuilder();

        CalendarFile.line(out, content);

        String written = out.toString();
        assertThat(written).endsWith("\r\n");
        List<String> physical = List.of(written.substring(0, written.length() - 2).split("\r\n", -1));
        assertThat(physical).hasSizeGreaterThanOrEqualTo(5);
        for (int i = 0; i < physical.size(); i++) {
            String line = physical.get(i);
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
            assertThat(line).as("no broken character").doesNotContain("\uFFFD").doesNotContain("?");
            assertThat(Character.isLowSurrogate(line.charAt(i == 0 ? 0 : 1))).isFalse();
            if (i > 0) {
                assertThat(line).startsWith(" ");
            }
        }
        // A line is folded as full as it may be: only a character that does not fit starts the next.
        assertThat(physical.get(0).getBytes(StandardCharsets.UTF_8).length).isGreaterThan(75 - 4);
        assertThat(written.replace("\r\n ", "")).isEqualTo(content + "\r\n");
        assertThat(new String(written.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(written);
    }

    @Test
    void aShortLineIsLeftWhole() {
        StringBuilder out = new StringBuilder();
        String exactly75 = "SUMMARY:" + "x".repeat(67);

        CalendarFile.line(out, exactly75);
        CalendarFile.line(out, exactly75 + "y");

        assertThat(out.toString()).isEqualTo(exactly75 + "\r\n" + exactly75 + "\r\n y\r\n");
    }

    @Test
    void theCalendarHasItsHeaderAndOneEventAVisitInUtc() {
        BookEntry visit = new BookEntry(7, 3, "Sam Park", 1, "Alex Chen", Instant.parse("2026-12-01T03:30:00Z"),
                Instant.parse("2026-12-01T04:30:00Z"), AppointmentStatus.BOOKED, null, null, null);

        String text = CalendarFile.write(new CalendarFile.Contents("abc.soapstone", null, null, null, "Sam Park",
                List.of(visit), Instant.parse("2026-11-30T01:02:03Z")));

        assertThat(text).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:").contains("CALSCALE:GREGORIAN\r\n",
                "METHOD:PUBLISH\r\n", "UID:appointment-7@abc.soapstone\r\n", "DTSTAMP:20261130T010203Z\r\n",
                "DTSTART:20261201T033000Z\r\n", "DTEND:20261201T043000Z\r\n", "SUMMARY:Massage with Alex Chen\r\n",
                "DESCRIPTION:Sam Park\\, appointment 7.\r\n").endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n")
                .doesNotContain("LOCATION");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
    }
}
