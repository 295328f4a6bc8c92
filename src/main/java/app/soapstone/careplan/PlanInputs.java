package app.soapstone.careplan;

import app.soapstone.careplan.CarePlan.Letterhead;
import app.soapstone.careplan.CarePlan.Point;

import java.time.LocalDate;
import java.util.List;

/**
 * What the care plan is made from, gathered from the client's records.
 *
 * @param age           the client's age, or null if no date of birth is recorded
 * @param regions       the body regions of the cramp sites on the current intake ({@code calf}, {@code foot}...)
 * @param redFlags      red flag ids recorded on the current intake
 * @param clearedOn     when a doctor cleared the urgent referrals, or null
 * @param askPrescriber medicines, as written, that may be linked to cramps
 * @param litresPerDay  what the client drinks now, from the intake, or null
 * @param progress      cramps per week over time (intake versions and sessions)
 * @param therapistNote the Plan of the session the plan goes with, or null
 */
public record PlanInputs(LocalDate today, String clientName, Integer age, Letterhead letterhead, List<String> regions,
        List<String> conditions, List<String> redFlags, LocalDate clearedOn, List<String> askPrescriber,
        Double glassesPerDay, Double litresPerDay, List<Point> progress, String therapistNote) {
}
