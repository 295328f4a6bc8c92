package app.soapstone.appointment;

import app.soapstone.shell.Failure;
import app.soapstone.support.SoapstoneTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code appointment book|list|move|cancel|no-show|done} and the clinic's time zone, through the real command layer. */
@Tag(SoapstoneTest.POSTGRESQL)
class AppointmentCommandsTest extends SoapstoneTest {

    private long alex;
    private long sam;
    private long zoe;

    @BeforeEach
    void clinicInSydney() {
        run("clinic set --name Bodyworks --address \"1 Main St\" --phone \"02 9130 1234\" --time-zone Australia/Sydney")
                .expectOk();
        alex = Long.parseLong(run("practitioner add --name \"Alex Chen\" --credentials RMT").expectOk());
        sam = Long.parseLong(run("client add --first-name Sam --last-name Park").expectOk());
        zoe = Long.parseLong(run("client add --first-name Zoë --last-name Brontë").expectOk());
    }

    // ---------------------------------------------------------------- the clinic's time zone

    @Test
    void theTimeZoneIsStoredAndShown() {
        assertThat(run("clinic show").expectOk()).containsPattern("Time zone: +Australia/Sydney");
        run("clinic set --time-zone \" Europe/London \"").expectOk();
        assertThat(jdbc.sql("SELECT time_zone FROM clinic").query(String.class).single()).isEqualTo("Europe/London");
    }

    @Test
    void aTimeZoneThatIsNoRegionIsRefusedNamingTheOption() {
        for (String zone : List.of("Sydney", "Mars/Olympus", "+10:00", "UTC")) {
            Result result = run("clinic set --time-zone " + zone);
            assertThat(result.status()).as(zone).isEqualTo(Failure.USAGE);
            assertThat(result.error()).as(zone).contains("--time-zone").contains("Area/City");
        }
        assertThat(jdbc.sql("SELECT time_zone FROM clinic").query(String.class).single()).isEqualTo("Australia/Sydney");
    }

    // ---------------------------------------------------------------- book and list

    @Test
    void bookingStoresTheUtcInstantAndTheZoneAndIsAudited() {
        String out = run("appointment book --client " + sam + " --at \"2026-12-05 10:00\" --minutes 45"
                + " --note \"Parking at the back\"").expectOk();

        assertThat(out).startsWith("Booked appointment 1: Sam Park (client " + sam + ") with Alex Chen,"
                + " Sat 5 Dec 2026 10:00 to 10:45 Australia/Sydney");
        // 10:00 in Sydney's summer (+11:00) is 23:00 UTC the day before.
        assertThat(row(1)).containsEntry("starts_at", "2026-12-04T23:00:00.000Z")
                .containsEntry("ends_at", "2026-12-04T23:45:00.000Z").containsEntry("time_zone", "Australia/Sydney")
                .containsEntry("status", "BOOKED").containsEntry("note", "Parking at the back")
                .containsEntry("practitioner_id", String.valueOf(alex));
        assertThat(audit()).containsExactly("add appointment 1: Booked appointment 1 for client " + sam
                + " with practitioner " + alex + " at 2026-12-05 10:00 Australia/Sydney (45 min)");
    }

    @Test
    void theListShowsADayInTheClinicsTimeWithNamesAndStatus() {
        run("appointment book --client " + zoe + " --at \"2026-12-05 11:00\"").expectOk();
        run("appointment book --client " + sam + " --at \"2026-12-05 09:30\" --minutes 30").expectOk();
        run("appointment book --client " + sam + " --at \"2026-12-06 09:30\"").expectOk();
        run("appointment cancel 1 --reason \"Client unwell\"").expectOk();

        String day = run("appointment list --day 2026-12-05").expectOk();

        assertThat(day).startsWith("On 2026-12-05, times in Australia/Sydney:");
        assertThat(day).containsPattern("2 +09:30-10:00 +Sam Park \\(" + sam + "\\) +Alex Chen +booked");
        assertThat(day).containsPattern("1 +11:00-12:00 +Zoë Brontë \\(" + zoe + "\\) +Alex Chen"
                + " +cancelled: Client unwell");
        assertThat(day.indexOf("09:30")).isLessThan(day.indexOf("11:00"));
        assertThat(day).doesNotContain("2026-12-06").doesNotContain("Day");

        assertThat(run("appointment list --client " + sam).expectOk())
                .containsPattern("2 +2026-12-05 +09:30-10:00 +Sam Park").containsPattern("3 +2026-12-06 +09:30-10:30")
                .doesNotContain("Zoë");
        assertThat(run("appointment list " + zoe).expectOk()).contains("Zoë Brontë").doesNotContain("Sam Park");
        long other = Long.parseLong(run("practitioner add --name \"Jo Bell\" --credentials RMT").expectOk());
        assertThat(run("appointment list --practitioner " + other).expectOk()).contains("no appointments");
    }

    @Test
    void theListWithoutADayStartsToday() {
        run("appointment book --client " + sam + " --at \"2020-01-06 10:00\"").expectOk();
        run("appointment book --client " + sam + " --at \"2099-01-05 10:00\"").expectOk();

        String upcoming = run("appointment list").expectOk();

        assertThat(upcoming).startsWith("From today on").containsPattern("2099-01-05 +10:00-11:00")
                .doesNotContain("2020-01-06");
    }

    // ---------------------------------------------------------------- overlaps

    @Test
    void anOverlapWithThePractitionerIsRefusedNamingTheClash() {
        run("appointment book --client " + sam + " --at \"2026-12-05 10:00\"").expectOk();

        Result clash = run("appointment book --client " + zoe + " --at \"2026-12-05 10:30\" --minutes 30");

        assertThat(clash.status()).isEqualTo(Failure.CONFLICT);
        assertThat(clash.error()).contains("appointment 1, Sam Park (client " + sam + "), 2026-12-05 10:00 to 11:00")
                .contains("--allow-overlap");
        assertThat(count()).isEqualTo(1);
        // Back to back is no clash; another practitioner is free; a cancelled slot is free again.
        run("appointment book --client " + zoe + " --at \"2026-12-05 11:00\"").expectOk();
        run("appointment book --client " + zoe + " --at \"2026-12-05 09:00\"").expectOk();
        long jo = Long.parseLong(run("practitioner add --name \"Jo Bell\" --credentials RMT").expectOk());
        run("appointment book --client " + zoe + " --at \"2026-12-05 10:30\" --practitioner " + jo).expectOk();
        run("appointment cancel 1 --reason \"Moved to Jo\"").expectOk();
        run("appointment book --client " + zoe + " --at \"2026-12-05 10:15\" --minutes 30").expectOk();
        assertThat(count()).isEqualTo(5);
    }

    @Test
    void allowOverlapBooksADeliberateDoubleSlot() {
        run("appointment book --client " + sam + " --at \"2026-12-05 10:00\"").expectOk();

        run("appointment book --client " + zoe + " --at \"2026-12-05 10:00\" --allow-overlap").expectOk();

        assertThat(run("appointment list --day 2026-12-05").expectOk()).contains("Sam Park", "Zoë Brontë");
    }

    // ---------------------------------------------------------------- move, cancel, no-show, done

    @Test
    void moveKeepsTheLengthAndChecksOverlapsAgain() {
        run("appointment book --client " + sam + " --at \"2026-12-05 10:00\" --minutes 45").expectOk();
        run("appointment book --client " + zoe + " --at \"2026-12-05 14:00\"").expectOk();

        assertThat(run("appointment move 1 --at \"2026-12-06 09:00\"").expectOk())
                .contains("Moved appointment 1:", "Sun 6 Dec 2026 09:00 to 09:45");
        assertThat(row(1)).containsEntry("starts_at", "2026-12-05T22:00:00.000Z")
                .containsEntry("ends_at", "2026-12-05T22:45:00.000Z");
        // Moving onto itself is no clash; onto another is.
        run("appointment move 1 --at \"2026-12-06 09:15\"").expectOk();
        Result clash = run("appointment move 1 --at \"2026-12-05 13:30\"");
        assertThat(clash.status()).isEqualTo(Failure.CONFLICT);
        assertThat(clash.error()).contains("appointment 2, Zoë Brontë").contains("not moved");
        run("appointment move --appointment 1 --at \"2026-12-05 13:30\" --allow-overlap").expectOk();
        assertThat(audit()).contains("change appointment 1: Moved appointment 1 from 2026-12-05 10:00 to"
                + " 2026-12-06 09:00 Australia/Sydney");
    }

    @Test
    void cancelNoShowAndDoneKeepTheAppointmentWithItsStatus() {
        for (int i = 0; i < 3; i++) {
            run("appointment book --client " + sam + " --at \"2026-12-0" + (5 + i) + " 10:00\"").expectOk();
        }

        assertThat(run("appointment cancel 1 --reason \"Client unwell\"").expectOk()).contains("Cancelled appointment 1");
        assertThat(run("appointment no-show 2").expectOk()).contains("2 marked no-show");
        assertThat(run("appointment done 3").expectOk()).contains("3 marked done");

        assertThat(row(1)).containsEntry("status", "CANCELLED").containsEntry("cancel_reason", "Client unwell");
        assertThat(row(2)).containsEntry("status", "NO_SHOW");
        assertThat(row(3)).containsEntry("status", "DONE");
        assertThat(count()).isEqualTo(3);
        assertThat(run("appointment list --client " + sam).expectOk()).contains("cancelled: Client unwell", "no-show",
                "done");
        assertThat(audit()).contains("change appointment 1: Cancelled appointment 1: Client unwell",
                "change appointment 2: Marked appointment 2 a no-show", "change appointment 3: Marked appointment 3 done");

        for (String line : List.of("appointment done 1", "appointment cancel 3 --reason x", "appointment move 2 --at"
                + " \"2026-12-09 10:00\"")) {
            Result again = run(line);
            assertThat(again.status()).as(line).isEqualTo(Failure.CONFLICT);
            assertThat(again.error()).as(line).contains("already");
        }
    }

    // ---------------------------------------------------------------- daylight saving

    @Test
    void aTimeTheClocksSkipIsRefusedNamingTheGap() {
        // Sydney, 4 October 2026: 02:00 becomes 03:00.
        Result gap = run("appointment book --client " + sam + " --at \"2026-10-04 02:30\"");

        assertThat(gap.status()).isEqualTo(Failure.USAGE);
        assertThat(gap.error()).contains("--at").contains("2026-10-04 02:30 does not exist in Australia/Sydney")
                .contains("from 02:00 to 03:00");
        assertThat(count()).isZero();
        // Booked across the change, an hour-long slot is an hour long.
        run("appointment book --client " + sam + " --at \"2026-10-04 01:30\"").expectOk();
        assertThat(row(1)).containsEntry("starts_at", "2026-10-03T15:30:00.000Z")
                .containsEntry("ends_at", "2026-10-03T16:30:00.000Z");
        assertThat(run("appointment list --day 2026-10-04").expectOk()).contains("01:30-03:30");
    }

    @Test
    void aTimeThatHappensTwiceNeedsItsOffset() {
        // Sydney, 4 April 2027: 03:00 becomes 02:00 again.
        Result twice = run("appointment book --client " + sam + " --at \"2027-04-04 02:30\"");

        assertThat(twice.status()).isEqualTo(Failure.USAGE);
        assertThat(twice.error()).contains("--at").contains("happens twice in Australia/Sydney")
                .contains("\"2027-04-04 02:30 +11:00\" for the first").contains("\"2027-04-04 02:30 +10:00\" for the second");
        assertThat(count()).isZero();

        run("appointment book --client " + sam + " --at \"2027-04-04 02:30 +11:00\" --minutes 30").expectOk();
        run("appointment book --client " + zoe + " --at \"2027-04-04 02:30 +10:00\" --minutes 30").expectOk();
        assertThat(row(1)).containsEntry("starts_at", "2027-04-03T15:30:00.000Z");
        assertThat(row(2)).containsEntry("starts_at", "2027-04-03T16:30:00.000Z");
        assertThat(run("appointment list --day 2027-04-04").expectOk()).contains("02:30 +11:00-02:00 +10:00",
                "02:30 +10:00-03:00");

        Result wrong = run("appointment book --client " + sam + " --at \"2027-04-05 10:00 +11:00\"");
        assertThat(wrong.status()).isEqualTo(Failure.USAGE);
        assertThat(wrong.error()).contains("--at").contains("is at +10:00");
    }

    @Test
    void londonsChangesAreReadTheSameWay() {
        run("clinic set --time-zone Europe/London").expectOk();

        assertThat(run("appointment book --client " + sam + " --at \"2027-03-28 01:15\"").error())
                .contains("does not exist in Europe/London").contains("from 01:00 to 02:00");
        assertThat(run("appointment book --client " + sam + " --at \"2026-10-25 01:15\"").error())
                .contains("happens twice in Europe/London").contains("+01:00").contains("Z");
        run("appointment book --client " + sam + " --at \"2026-10-25 01:15 +00:00\"").expectOk();
        assertThat(row(1)).containsEntry("starts_at", "2026-10-25T01:15:00.000Z")
                .containsEntry("time_zone", "Europe/London");
    }

    // ---------------------------------------------------------------- errors

    @Test
    void badInputIsRefusedNamingTheOption() {
        Map<String, String> lines = Map.of(
                "appointment book --client " + sam + " --at 2026-12-05", "--at",
                "appointment book --client " + sam + " --at \"2026-02-30 10:00\"", "--at",
                "appointment book --client " + sam + " --at \"2026-12-05 10:00\" --minutes 0", "--minutes",
                "appointment book --client " + sam + " --at \"2026-12-05 10:00\" --minutes 481", "--minutes",
                "appointment book --client " + sam + " --at \"2026-12-05 10:00\" --minutes sixty", "--minutes",
                "appointment list --day 5/12/2026", "--day",
                "appointment cancel 1 --reason \" \"", "--reason");
        run("appointment book --client " + sam + " --at \"2026-12-01 10:00\"").expectOk();
        lines.forEach((line, option) -> {
            Result result = run(line);
            assertThat(result.status()).as(line).isEqualTo(Failure.USAGE);
            assertThat(result.error()).as(line).contains(option);
        });
        assertThat(count()).isEqualTo(1);
        assertThat(row(1)).containsEntry("status", "BOOKED");
    }

    @Test
    void unknownIdsAreNotFound() {
        for (String line : List.of("appointment move 9 --at \"2026-12-05 10:00\"", "appointment cancel 9 --reason x",
                "appointment no-show 9", "appointment done 9",
                "appointment book --client 99 --at \"2026-12-05 10:00\"",
                "appointment book --client " + sam + " --at \"2026-12-05 10:00\" --practitioner 99",
                "appointment list --client 99", "appointment list --practitioner 99")) {
            Result result = run(line);
            assertThat(result.status()).as(line).isEqualTo(Failure.NOT_FOUND);
        }
        assertThat(count()).isZero();
    }

    private Map<String, String> row(long id) {
        return jdbc.sql("SELECT * FROM appointment WHERE id = ?").param(id).query().singleRow().entrySet().stream()
                .filter(e -> e.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(e -> e.getKey().toLowerCase(), e -> String.valueOf(e.getValue())));
    }

    private int count() {
        return jdbc.sql("SELECT count(*) FROM appointment").query(Integer.class).single();
    }

    private List<String> audit() {
        return jdbc.sql("SELECT action || ' ' || record_type || ' ' || record_id || ': ' || summary FROM audit_event"
                + " WHERE record_type = 'appointment' ORDER BY id").query(String.class).list();
    }
}
