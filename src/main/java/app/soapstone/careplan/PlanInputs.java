package app.soapstone.careplan;

import app.soapstone.careplan.CarePlan.Letterhead;
import app.soapstone.careplan.CarePlan.Point;
import app.soapstone.screening.Flag;

import java.time.LocalDate;
import java.util.List;

/**
 * What the care plan is made from, gathered from the client's records.
 *
 * @param age             the client's age, or null if no date of birth is recorded
 * @param intakeVersion   the current intake's version, or null when the client has no intake
 * @param regions         the body regions of the cramp sites on the current intake ({@code calf}, {@code foot}...)
 * @param conditions      condition ids ticked on the intake
 * @param crampTiming     night, day, exercise or mixed, or null
 * @param flags           the screening of the current intake
 * @param clearedOn       when a doctor cleared the urgent referrals, or null
 * @param medicines       every medicine on the intake, as written
 * @param sleep           the latest sleep disturbance (0-10) and where it was recorded, or null
 * @param crampsPerWeek   the latest cramps a week and where it was recorded, or null
 * @param massageMinutes  self-massage minutes a day suggested on the session, or null
 * @param litresPerDay    what the client drinks now, from the intake, or null
 * @param progress        cramps per week over time (intake versions and sessions)
 * @param therapistNote   the Plan of the session the plan goes with, or null
 */
public record PlanInputs(LocalDate today, String clientName, Integer age, Letterhead letterhead, Integer intakeVersion,
        LocalDate intakeDate, List<String> regions, List<String> conditions, String otherConditions,
        String crampTiming, String triggers, List<Flag> flags, LocalDate clearedOn, List<String> medicines,
        String allergies, Measure sleep, Measure crampsPerWeek, Integer massageMinutes, Double glassesPerDay,
        Double litresPerDay, List<Point> progress, String therapistNote) {

    /** A measure and the record it comes from ("session 12", "intake v2"). */
    public record Measure(double value, String source) {
    }
}
