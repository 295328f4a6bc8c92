package app.soapstone.appointment;

import app.soapstone.support.SoapstoneTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A session recorded marks the client's booked visit of that day done, through {@code session new}. */
@Tag(SoapstoneTest.POSTGRESQL)
class VisitAttendedTest extends SoapstoneTest {

    private long alex;
    private long sam;
    private long ann;

    @BeforeEach
    void clinicInSydney() {
        run("clinic set --name Bodyworks --address \"1 Main St\" --phone \"02 9130 1234\" --time-zone Australia/Sydney")
                .expectOk();
        alex = Long.parseLong(run("practitioner add --name \"Alex Chen\" --credentials RMT").expectOk());
        sam = Long.parseLong(run("practitioner add --name \"Sam Ng\" --credentials RMT").expectOk());
        ann = Long.parseLong(run("client add --first-name Ann --last-name Lee").expectOk());
    }

    @Test
    void aSessionMarksThatDaysBookedAppointmentDoneInTheSameCommand() {
        long booked = book("2026-03-02 10:00", alex);
        long nextWeek = book("2026-03-09 10:00", alex);

        List<String> out = session("2026-03-02", "10:05", alex);

        assertThat(out).contains("Appointment " + booked + " marked done.");
        long session = Long.parseLong(out.getLast().strip());
        assertThat(status(booked)).isEqualTo("DONE");
        assertThat(status(nextWeek)).isEqualTo("BOOKED");
        assertThat(audit(booked)).isEqualTo("Marked appointment " + booked + " done: session " + session
                + " was recorded for it");
    }

    @Test
    void withoutABookedAppointmentThatDayNothingChanges() {
        long otherDay = book("2026-03-03 10:00", alex);

        List<String> out = session("2026-03-02", "10:00", alex);

        assertThat(String.join("\n", out)).doesNotContain("marked done");
        assertThat(status(otherDay)).isEqualTo("BOOKED");
    }

    @Test
    void cancelledAndMissedAppointmentsAreLeftAsTheyAre() {
        long cancelled = book("2026-03-02 09:00", alex);
        run("appointment cancel " + cancelled + " --reason \"Client rang\"").expectOk();
        long missed = book("2026-03-02 15:00", alex);
        run("appointment no-show " + missed).expectOk();

        List<String> out = session("2026-03-02", "11:00", alex);

        assertThat(String.join("\n", out)).doesNotContain("marked done");
        assertThat(status(cancelled)).isEqualTo("CANCELLED");
        assertThat(status(missed)).isEqualTo("NO_SHOW");
    }

    @Test
    void ofTwoThatDayTheSessionsPractitionersIsMarked() {
        long withAlex = book("2026-03-02 09:00", alex);
        long withSam = book("2026-03-02 14:00", sam);

        List<String> out = session("2026-03-02", "09:00", sam);

        assertThat(out).contains("Appointment " + withSam + " marked done.");
        assertThat(status(withSam)).isEqualTo("DONE");
        assertThat(status(withAlex)).isEqualTo("BOOKED");
        // Alex's session that day takes the other.
        assertThat(session("2026-03-02", "09:10", alex)).contains("Appointment " + withAlex + " marked done.");
        assertThat(status(withAlex)).isEqualTo("DONE");
    }

    @Test
    void aLoneBookingWithAColleagueIsMarkedButOfSeveralWithOthersNoneIsGuessed() {
        long withAlex = book("2026-03-02 09:00", alex);

        assertThat(session("2026-03-02", "09:00", sam)).contains("Appointment " + withAlex + " marked done.");

        long first = book("2026-03-04 09:00", alex);
        long second = book("2026-03-04 11:00", alex);
        long kim = Long.parseLong(run("practitioner add --name \"Kim Wu\" --credentials RMT").expectOk());
        assertThat(String.join("\n", session("2026-03-04", "10:00", kim))).doesNotContain("marked done");
        assertThat(List.of(status(first), status(second))).containsOnly("BOOKED");
    }

    private long book(String at, long practitioner) {
        String out = run("appointment book --client " + ann + " --practitioner " + practitioner + " --at \"" + at + "\"")
                .expectOk();
        return Long.parseLong(out.replaceAll("(?s)Booked appointment (\\d+):.*", "$1"));
    }

    private List<String> session(String date, String time, long practitioner) {
        return run("session new --client " + ann + " --date " + date + " --time " + time + " --practitioner "
                + practitioner + " --subjective \"Calves tight\"").expectOk().lines().toList();
    }

    private String status(long appointment) {
        return jdbc.sql("SELECT status FROM appointment WHERE id = ?").param(appointment).query(String.class).single();
    }

    private String audit(long appointment) {
        return jdbc.sql("SELECT summary FROM audit_event WHERE record_type = 'appointment' AND record_id = ?"
                + " AND action = 'change' ORDER BY id DESC").param(appointment).query(String.class).list().getFirst();
    }
}
