package app.soapstone.careplan;

import app.soapstone.careplan.CarePlanTemplates.Stretch;
import app.soapstone.careplan.CarePlanTemplates.Technique;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A take-home care plan, composed for one client and ready to print: every line the client will
 * read, in order. Rendering (PDF or text) only lays it out.
 */
public record CarePlan(
        String title,
        LocalDate date,
        Letterhead letterhead,
        String clientName,
        List<Alert> alerts,
        String intro,
        Hydration hydration,
        Section<Stretch> stretches,
        Section<Technique> selfMassage,
        Section<String> duringACramp,
        Foods foods,
        Doctor doctor,
        Progress progress,
        Log log,
        Next next) {

    /** Who the plan is from. */
    public record Letterhead(String clinicName, String address, String phone, String email, String website,
            String practitioner) {
    }

    /** A referral shown at the top of the first page. */
    public record Alert(boolean urgent, String heading, String text) {
    }

    /** The daily target (or the doctor's-advice line that replaces it), what the client drinks now, and tips. */
    public record Hydration(String heading, String target, boolean restricted, String current, List<String> tips) {
    }

    public record Section<T>(String heading, String intro, List<T> items) {
    }

    public record Foods(String heading, String potassium, String calcium, String caution) {
    }

    /** The red flags in plain words, and lines from the client's own screening. */
    public record Doctor(String heading, String intro, List<String> redFlags, List<String> personal) {
    }

    /** Cramps per week over time; shown when there are two or more measurements. */
    public record Progress(String heading, String axis, List<Point> points) {
    }

    public record Point(LocalDate date, double value) {
    }

    /** The tick-box log: one row per night from {@code firstNight}. */
    public record Log(String heading, LocalDate firstNight, int nights, List<String> columns) {
    }

    /** The next appointment (may be null) and the therapist's note from the session's Plan (may be null). */
    public record Next(String heading, LocalDateTime appointment, String noteHeading, String note) {
    }
}
