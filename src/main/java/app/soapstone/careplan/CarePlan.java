package app.soapstone.careplan;

import app.soapstone.careplan.CarePlanTemplates.Stretch;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A take-home care plan, composed for one client and ready to print: every line the client will
 * read, in order, already adapted to their screening. Rendering (PDF or text) only lays it out.
 *
 * @param cleared     the urgent referrals a doctor has cleared, or null
 * @param doctor      the doctor box; it opens the plan when it holds lines that apply now
 * @param keepSafe    cautions and who to ask, or null when the screening asks for none
 * @param advice      advice for the kind of cramps, or null
 * @param adaptations what the screening changed, one line each, for the therapist
 */
public record CarePlan(
        String title,
        LocalDate date,
        Letterhead letterhead,
        String clientName,
        Alert cleared,
        String intro,
        String evidence,
        Doctor doctor,
        KeepSafe keepSafe,
        Section<Stretch> stretches,
        Section<Massage> selfMassage,
        Section<String> duringACramp,
        Section<String> advice,
        Hydration hydration,
        Section<Food> foods,
        Progress progress,
        Log log,
        Next next,
        List<String> adaptations) implements Handout {

    /** Who the plan is from. */
    public record Letterhead(String clinicName, String address, String phone, String email, String website,
            String practitioner) {
    }

    /** A boxed message at the top of the first page. */
    public record Alert(String heading, List<String> lines) {
    }

    public record Section<T>(String heading, String intro, List<T> items) {
    }

    /** A self-massage technique; {@code howLong} is null when neither a source nor the therapist gives one. */
    public record Massage(String title, String how, String howLong) {
    }

    /** A line of the food section, with a label ("Potassium") or none. */
    public record Food(String label, String text) {
    }

    /** Cautions from the screening, and who to ask ("Who to ask: your midwife or doctor."), or null. */
    public record KeepSafe(String heading, List<String> cautions, String contacts) {
    }

    /**
     * The daily target (null when fluids follow the client's doctor), what the client drinks now
     * (may be null), and tips; {@code restricted} when fluid advice is left to the doctor.
     */
    public record Hydration(String heading, String target, String current, List<String> tips, boolean restricted) {
    }

    /**
     * When to get medical help: lines that apply to the client now (under {@code heading}, which is
     * as urgent as they are), then the signs to watch for, most urgent group first. {@code first}
     * puts the box at the top of the plan.
     */
    public record Doctor(String heading, List<String> now, List<Group> groups, boolean first) {
    }

    /** Signs that call for the same action: "Call an ambulance if". */
    public record Group(String heading, List<String> lines) {
    }

    /** Cramps per week over time, one point per date; shown when there are two or more. */
    public record Progress(String heading, String axis, List<Point> points) {
    }

    public record Point(LocalDate date, double value) {
    }

    /** The tick-box log: one column per day from {@code firstDay}, one row per question. */
    public record Log(String heading, LocalDate firstDay, int days, List<String> rows) {
    }

    /**
     * The next appointment (may be null, then {@code none} is printed), the practitioner it is with
     * (null when not known), and the therapist's note (may be null).
     */
    public record Next(String heading, LocalDateTime appointment, String with, String none, String noteHeading,
            String note) {
    }
}
