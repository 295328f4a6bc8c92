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
 */
public record PlanOptions(List<String> stretches, Double waterLitres, LocalDateTime next, Integer massageMinutes) {

    public static PlanOptions none() {
        return new PlanOptions(null, null, null, null);
    }
}
