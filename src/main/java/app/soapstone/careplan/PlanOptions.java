package app.soapstone.careplan;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The therapist's choices for one plan.
 *
 * @param stretches      stretch ids replacing the automatic choice, or null
 * @param waterLitres    a daily water target replacing the default, or null
 * @param next           the next appointment, or null
 * @param massageMinutes self-massage minutes a day, replacing the session's, or null
 * @param nextWith       the practitioner the next appointment is with, when it comes from the book; else null
 */
public record PlanOptions(List<String> stretches, Double waterLitres, LocalDateTime next, Integer massageMinutes,
        String nextWith) {

    /** The choices as the therapist gives them: a {@code --next} is not with anyone in particular. */
    public PlanOptions(List<String> stretches, Double waterLitres, LocalDateTime next, Integer massageMinutes) {
        this(stretches, waterLitres, next, massageMinutes, null);
    }

    /** These choices with the next visit taken from the appointment book. */
    public PlanOptions withNext(LocalDateTime at, String practitioner) {
        return new PlanOptions(stretches, waterLitres, at, massageMinutes, practitioner);
    }

    public static PlanOptions none() {
        return new PlanOptions(null, null, null, null);
    }
}
