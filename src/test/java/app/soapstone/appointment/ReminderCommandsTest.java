package app.soapstone.appointment;

import app.soapstone.shell.Failure;
import app.soapstone.support.SoapstoneTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code appointment reminders}: the day's call list on screen and as CSV, through the real command layer. */
@Tag(SoapstoneTest.POSTGRESQL)
class ReminderCommandsTest extends SoapstoneTest {

    private static final String EVIL = "=HYPERLINK(\"http://x\")";

    @TempDir
    Path temp;

    @Autowired
    private Clock clock;

    private long alex;
    private long sam;
    private long ann;
    private long zoe;
    private long eve;

    @BeforeEach
    void clinicInSydney() {
        run("clinic set --name Bodyworks --address \"1 Main St\" --phone \"02 9130 1234\" --time-zone Australia/Sydney"
                + " --country AU").expectOk();
        alex = Long.parseLong(run("practitioner add --name \"Alex Chen\" --credentials RMT").expectOk());
        sam = Long.parseLong(run("practitioner add --name \"Sam Ng\" --credentials RMT").expectOk());
        ann = Long.parseLong(run("client add --first-name Ann --last-name Lee --phone \"0412 345 678\"").expectOk());
        zoe = Long.parseLong(run("client add --first-name Zoë --last-name Brontë").expectOk());
        eve = Long.parseLong(run("client add --first-name '" + EVIL + "' --last-name \"Smith, \\\"Jr\\\"\""
                + " --phone \"+61 2 9130 9999\"").expectOk());
    }

    /** A day with the book's every case: booked ones at the day's edges, closed ones, and the days around it. */
    private void bookTheFifth() {
        book(ann, "2026-12-05 11:00", alex);
        book(zoe, "2026-12-05 09:30", sam);
        book(eve, "2026-12-05 14:00", alex);
        // 00:15 in Sydney is the 4th in UTC, 23:30 the 5th: the clinic's day decides, not UTC's.
        book(zoe, "2026-12-05 00:15", alex);
        book(ann, "2026-12-05 23:30", sam);
        book(ann, "2026-12-04 22:30", alex);
        book(ann, "2026-12-06 00:00", alex);
        run("appointment cancel " + book(zoe, "2026-12-05 16:00", alex) + " --reason \"Client rang\"").expectOk();
        run("appointment no-show " + book(ann, "2026-12-05 17:00", alex)).expectOk();
        run("appointment done " + book(eve, "2026-12-05 18:00", sam)).expectOk();
    }

    @Test
    void theCallListHoldsTheDaysBookedAppointmentsInTimeOrderWithPhones() {
        bookTheFifth();

        String out = run("appointment reminders --for 2026-12-05").expectOk();

        assertThat(out).startsWith("Call list for Saturday 2026-12-05, times in Australia/Sydney:");
        List<String> rows = out.lines().filter(l -> l.matches("\\d\\d:\\d\\d .*")).toList();
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0)).matches("00:15 +Zoë Brontë \\(" + zoe + "\\) +no phone +Alex Chen");
        assertThat(rows.get(1)).matches("09:30 +Zoë Brontë \\(" + zoe + "\\) +no phone +Sam Ng");
        assertThat(rows.get(2)).matches("11:00 +Ann Lee \\(" + ann + "\\) +0412 345 678 +Alex Chen");
        assertThat(rows.get(3)).contains(EVIL).contains("+61 2 9130 9999").startsWith("14:00");
        assertThat(rows.get(4)).matches("23:30 +Ann Lee \\(" + ann + "\\) +0412 345 678 +Sam Ng");
        assertThat(out).doesNotContain("16:00").doesNotContain("17:00").doesNotContain("18:00")
                .doesNotContain("22:30");
        assertThat(out).endsWith("1 client has no phone number on file: Zoë Brontë (client " + zoe + ").");
    }

    @Test
    void onANarrowScreenThePhoneStaysOnOneLineAndALongNameGivesWay() {
        ZoneId sydney = ZoneId.of("Australia/Sydney");
        Reminders.CallList list = new Reminders.CallList(LocalDate.of(2026, 12, 5), sydney, List.of(
                new Reminders.Call(1, 2, "Benedict Alexander Park-Wolfeschlegelsteinhausenbergerdorff",
                        "+61 2 9555 0101", "+61295550101", "Sam Ng", LocalDate.of(2026, 12, 5).atTime(9, 30)
                        .atZone(sydney).toInstant())));

        String table = ReminderCommands.table(list, 60);

        assertThat(table.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(60));
        assertThat(table).contains("09:30").contains("+61 2 9555 0101").contains("Sam Ng").doesNotContain("\u00A0");
    }

    @Test
    void oneThePractitionersListAndAnEmptyDay() {
        bookTheFifth();

        String sams = run("appointment reminders --for 2026-12-05 --practitioner " + sam).expectOk();

        assertThat(sams).contains("09:30").contains("23:30").doesNotContain("11:00").doesNotContain("Alex Chen");
        assertThat(run("appointment reminders --for 2026-12-07").expectOk())
                .isEqualTo("No booked appointments for Monday 2026-12-07, times in Australia/Sydney.");
    }

    @Test
    void tomorrowAndTodayAreTheClinicsDays() {
        LocalDate today = ClinicTime.today(clock, ZoneId.of("Australia/Sydney"));
        book(ann, today + " 10:00", alex);
        book(zoe, today.plusDays(1) + " 10:00", alex);

        assertThat(run("appointment reminders --for tomorrow").expectOk()).contains(today.plusDays(1).toString())
                .contains("Zoë Brontë").doesNotContain("Ann Lee");
        assertThat(run("appointment reminders --for TODAY").expectOk()).contains(today.toString()).contains("Ann Lee")
                .doesNotContain("Zoë");
    }

    @Test
    void aDayOrPractitionerNotUnderstoodIsRefusedByName() {
        Result word = run("appointment reminders --for \"next week\"");
        assertThat(word.status()).isEqualTo(Failure.USAGE);
        assertThat(word.error()).isEqualTo("--for: 'next week' is not a day: use " + ClinicTime.DAY_FORMS);
        assertThat(run("appointment reminders --for 2026-02-30").status()).isEqualTo(Failure.USAGE);
        assertThat(run("appointment reminders").status()).isEqualTo(Failure.USAGE);
        Result nobody = run("appointment reminders --for today --practitioner 99");
        assertThat(nobody.status()).isEqualTo(Failure.NOT_FOUND);
        assertThat(nobody.error()).contains("99");
    }

    @Test
    void theCsvIsQuotedGuardedAgainstFormulasAndOwnerOnly() throws IOException {
        bookTheFifth();

        String out = run("appointment reminders --for 2026-12-05 --csv " + temp).expectOk();

        Path file = temp.resolve("reminders-2026-12-05.csv");
        assertThat(out).startsWith("Wrote 5 rows to " + file + " (for Saturday 2026-12-05, times in Australia/Sydney)")
                .endsWith("1 client has no phone number on file: Zoë Brontë (client " + zoe + ").");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String text = Files.readString(file);
        // RFC 4180: every value quoted, a quote inside one doubled, lines ended by CRLF.
        assertThat(text).startsWith("\"appointment\",\"date\",\"time\",\"time_zone\",\"client_id\",\"client\",\"phone\","
                + "\"phone_digits\",\"practitioner\"\r\n");
        assertThat(text).contains("\"'" + EVIL.replace("\"", "\"\"") + " Smith, \"\"Jr\"\"\"");
        try (CSVParser csv = parse(file)) {
            List<List<String>> rows = csv.getRecords().stream().map(CSVRecord::toList).toList();
            assertThat(rows).hasSize(5);
            assertThat(rows.get(0)).containsExactly("4", "2026-12-05", "00:15", "Australia/Sydney",
                    String.valueOf(zoe), "Zoë Brontë", "", "", "Alex Chen");
            assertThat(rows.get(2)).containsExactly("1", "2026-12-05", "11:00", "Australia/Sydney",
                    String.valueOf(ann), "Ann Lee", "0412 345 678", "61412345678", "Alex Chen");
            // A cell a spreadsheet would run is written with a quote before it; the digits need none.
            assertThat(rows.get(3)).containsExactly("3", "2026-12-05", "14:00", "Australia/Sydney",
                    String.valueOf(eve), "'" + EVIL + " Smith, \"Jr\"", "'+61 2 9130 9999", "61291309999", "Alex Chen");
            assertThat(rows.stream().map(r -> r.get(2)).toList())
                    .containsExactly("00:15", "09:30", "11:00", "14:00", "23:30");
        }
        assertThat(jdbc.sql("SELECT summary FROM audit_event WHERE action = 'export' AND record_type = 'appointment'")
                .query(String.class).list()).containsExactly("Wrote the reminders' call list for 2026-12-05,"
                + " 5 appointments, to reminders-2026-12-05.csv");
    }

    @Test
    void anExistingFileIsReplacedOnlyWithForce() throws IOException {
        book(ann, "2026-12-05 11:00", alex);
        Path file = temp.resolve("calls.csv");
        Files.writeString(file, "keep me");

        Result refused = run("appointment reminders --for 2026-12-05 --csv " + file);

        assertThat(refused.status()).isEqualTo(Failure.CONFLICT);
        assertThat(refused.error()).contains(file + " already exists").contains("--force");
        assertThat(Files.readString(file)).isEqualTo("keep me");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'export'").query(Long.class).single())
                .isZero();

        assertThat(run("appointment reminders --for 2026-12-05 --csv " + file + " --force").expectOk())
                .startsWith("Wrote 1 row to " + file);
        assertThat(Files.readString(file)).contains("Ann Lee");
        assertThat(temp.resolve("none").toFile().list()).isNull();
        Result noFolder = run("appointment reminders --for 2026-12-05 --csv " + temp.resolve("none/calls.csv"));
        assertThat(noFolder.status()).isEqualTo(Failure.USAGE);
        assertThat(noFolder.error()).startsWith("--csv: the folder");
        try (var left = Files.list(temp)) {
            assertThat(left.map(p -> p.getFileName().toString()).toList()).containsExactly("calls.csv");
        }
    }

    private long book(long client, String at, long practitioner) {
        String out = run("appointment book --client " + client + " --practitioner " + practitioner + " --at \"" + at
                + "\"").expectOk();
        return Long.parseLong(out.replaceAll("(?s)Booked appointment (\\d+):.*", "$1"));
    }

    private static CSVParser parse(Path file) throws IOException {
        Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
    }
}
