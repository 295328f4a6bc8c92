package app.soapstone.appointment;

import app.soapstone.shell.Failure;
import app.soapstone.support.SoapstoneTest;
import biweekly.Biweekly;
import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.ParseWarning;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code appointment ics}: the file read back by an independent iCalendar library, biweekly. */
@Tag(SoapstoneTest.POSTGRESQL)
class CalendarCommandsTest extends SoapstoneTest {

    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    private static final String CLINIC = "Bodyworks Ōsaka 大阪マッサージ & Spa, Sydney; Level 2";
    private static final String ADDRESS = "Level 2, 100 George St; Sydney NSW 2000 \\ rear entrance";
    private static final String CLIENT = "Zoë Łukasiewicz-Brontë 山田太郎 Nguyễn Thị Ánh";

    @TempDir
    Path folder;

    private long zoe;
    private long sam;

    @BeforeEach
    void clinicInSydney() {
        run("clinic set --name \"" + CLINIC + "\" --address \"" + ADDRESS.replace("\\", "\\\\")
                + "\" --phone \"02 9130 1234\" --time-zone Australia/Sydney").expectOk();
        run("practitioner add --name \"Sam Ng\" --credentials RMT").expectOk();
        zoe = Long.parseLong(run("client add --first-name Zoë --last-name \"Łukasiewicz-Brontë 山田太郎\""
                + " --print-name \"" + CLIENT + "\"").expectOk());
        sam = Long.parseLong(run("client add --first-name Sam --last-name Park").expectOk());
    }

    @Test
    void theFileHoldsTheBookedVisitsFromNowOnAtTheirInstants() throws IOException {
        run("appointment book --client " + zoe + " --at \"2020-01-06 10:00\"").expectOk();       // 1: past
        run("appointment book --client " + zoe + " --at \"2099-10-04 01:30\" --minutes 90").expectOk(); // 2: across the change
        run("appointment book --client " + zoe + " --at \"2099-10-04 10:00\"").expectOk();       // 3: after it
        run("appointment book --client " + zoe + " --at \"2099-04-05 02:30 +11:00\" --minutes 30").expectOk(); // 4
        run("appointment book --client " + zoe + " --at \"2099-01-05 10:00\"").expectOk();       // 5: cancelled
        run("appointment cancel 5 --reason \"Client away\"").expectOk();
        run("appointment book --client " + zoe + " --at \"2099-01-06 10:00\"").expectOk();       // 6: no-show
        run("appointment no-show 6").expectOk();
        run("appointment book --client " + sam + " --at \"2099-01-07 10:00\"").expectOk();       // 7: another client

        Path file = folder.resolve("zoe.ics");
        String said = run("appointment ics --client " + zoe + " --out " + file).expectOk();

        assertThat(said).isEqualTo("Wrote " + file + " (3 visits, from Sun 5 Apr 2099 02:30 +11:00)");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        ICalendar calendar = read(text);
        List<VEvent> events = calendar.getEvents();
        assertThat(events).hasSize(3);
        assertThat(events.stream().map(e -> e.getUid().getValue()).toList()).allMatch(
                uid -> uid.matches("appointment-\\d+@[0-9a-f]{16}\\.soapstone")).extracting(uid -> uid.split("@")[0])
                .containsExactly("appointment-4", "appointment-2", "appointment-3");
        // 02:30 the first time (+11:00), for 30 minutes; 01:30 +10:00 for 90 real minutes, over the skipped hour.
        assertEvent(events.get(0), Instant.parse("2099-04-04T15:30:00Z"), Instant.parse("2099-04-04T16:00:00Z"));
        assertEvent(events.get(1), LocalDateTime.of(2099, 10, 4, 1, 30).atZone(SYDNEY).toInstant(),
                LocalDateTime.of(2099, 10, 4, 4, 0).atZone(SYDNEY).toInstant());
        assertThat(events.get(1).getDateStart().getValue().toInstant()).isEqualTo("2099-10-03T15:30:00Z");
        assertEvent(events.get(2), Instant.parse("2099-10-03T23:00:00Z"), Instant.parse("2099-10-04T00:00:00Z"));
        for (VEvent event : events) {
            assertThat(event.getSummary().getValue()).isEqualTo("Massage with Sam Ng");
            assertThat(event.getLocation().getValue()).isEqualTo(ADDRESS);
            assertThat(event.getDescription().getValue()).startsWith(CLIENT + ", appointment ")
                    .contains(" at " + CLINIC + ".\nTo change or cancel, call 02 9130 1234.");
            assertThat(event.getDateTimeStamp()).isNotNull();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        // Folded at 75 octets, CRLF only, and the same events the next time (the UIDs are stable).
        for (String line : text.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
            assertThat(line).doesNotContain("\n").doesNotContain("\r");
        }
        assertThat(text).contains("\r\n ").endsWith("END:VCALENDAR\r\n");
        String again = run("appointment ics --client " + zoe).output();
        assertThat(stamps(again)).isEqualTo(stamps(text));
    }

    @Test
    void aVisitForAServiceIsCalledByItsName() {
        run("service add --name \"Remedial massage; 60 min, hot stones\" --minutes 60").expectOk();
        run("appointment book --client " + zoe + " --at \"2099-03-02 10:00\" --service 1").expectOk();
        run("appointment book --client " + zoe + " --at \"2099-03-09 10:00\"").expectOk();

        List<VEvent> events = read(run("appointment ics --client " + zoe).output()).getEvents();

        assertThat(events).extracting(e -> e.getSummary().getValue())
                .containsExactly("Remedial massage; 60 min, hot stones with Sam Ng", "Massage with Sam Ng");
    }

    @Test
    void withoutOutTheCalendarGoesToTheOutputAsItIs() {
        run("appointment book --client " + sam + " --at \"2099-01-07 10:00\"").expectOk();

        Result result = run("appointment ics " + sam);

        assertThat(result.status()).isZero();
        assertThat(result.output()).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n")
                .doesNotContain("\r\n\r\n").doesNotContain("Wrote");
        VEvent event = read(result.output()).getEvents().get(0);
        assertThat(event.getDateStart().getValue().toInstant()).isEqualTo("2099-01-06T23:00:00Z");
        assertThat(event.getDescription().getValue()).isEqualTo("Sam Park, appointment 1 at " + CLINIC
                + ".\nTo change or cancel, call 02 9130 1234.");
    }

    @Test
    void aFileIsNotReplacedWithoutForceAndAFolderTakesTheClientsName() throws IOException {
        run("appointment book --client " + sam + " --at \"2099-01-07 10:00\"").expectOk();
        Path file = folder.resolve("sam.ics");
        Files.writeString(file, "keep");

        Result refused = run("appointment ics --client " + sam + " --out " + file);

        assertThat(refused.status()).isEqualTo(Failure.CONFLICT);
        assertThat(refused.error()).contains("--force");
        assertThat(Files.readString(file)).isEqualTo("keep");
        assertThat(run("appointment ics --client " + sam + " --out " + file + " --force").expectOk())
                .contains("(1 visit, from Wed 7 Jan 2099 10:00)");
        assertThat(read(Files.readString(file)).getEvents()).hasSize(1);
        run("appointment ics --client " + sam + " --out " + folder + "/").expectOk();
        assertThat(folder.resolve("Park-Sam-appointments-" + TODAY + ".ics")).exists();
    }

    @Test
    void noBookedVisitIsNotFoundAndWritesNothing() {
        run("appointment book --client " + sam + " --at \"2020-01-07 10:00\"").expectOk();
        run("appointment book --client " + sam + " --at \"2099-01-07 10:00\"").expectOk();
        run("appointment cancel 2 --reason \"Moved away\"").expectOk();
        Path file = folder.resolve("none.ics");

        Result result = run("appointment ics --client " + sam + " --out " + file);

        assertThat(result.status()).isEqualTo(Failure.NOT_FOUND);
        assertThat(result.error()).contains("Client " + sam + " (Sam Park) has no booked appointments from now on")
                .doesNotContain("\n");
        assertThat(file).doesNotExist();
        assertThat(run("appointment ics --client 99").status()).isEqualTo(Failure.NOT_FOUND);
    }

    private static void assertEvent(VEvent event, Instant start, Instant end) {
        assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(start);
        assertThat(event.getDateEnd().getValue().toInstant()).isEqualTo(end);
        assertThat(event.getDateStart().getValue().hasTime()).isTrue();
    }

    /** The calendar as biweekly reads it, failing on any warning it has about the text or the result. */
    private static ICalendar read(String text) {
        List<List<ParseWarning>> warnings = new ArrayList<>();
        ICalendar calendar = Biweekly.parse(text).warnings(warnings).first();
        assertThat(warnings).allSatisfy(list -> assertThat(list).isEmpty());
        assertThat(calendar.validate(ICalVersion.V2_0).isEmpty()).as(calendar.validate(ICalVersion.V2_0).toString())
                .isTrue();
        assertThat(calendar.getVersion()).isEqualTo(ICalVersion.V2_0);
        assertThat(calendar.getMethod().getValue()).isEqualTo("PUBLISH");
        assertThat(calendar.getCalendarScale().getValue()).isEqualTo("GREGORIAN");
        return calendar;
    }

    /** The text without its DTSTAMP lines, which say when it was written. */
    private static String stamps(String text) {
        return text.replaceAll("DTSTAMP:\\d{8}T\\d{6}Z\r\n", "");
    }
}
