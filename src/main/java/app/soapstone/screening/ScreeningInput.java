package app.soapstone.screening;

import java.time.LocalDate;
import java.util.List;

/**
 * What the screening looks at, taken from a client's current intake.
 *
 * @param surgeries each surgery with the latest date it may have happened (end of its year or
 *                  month when only that was given), so recency can be judged conservatively
 * @param clearance the medical clearance recorded for this intake, or null
 */
public record ScreeningInput(LocalDate intakeDate, List<String> conditions, List<String> redFlags,
        List<String> medications, List<Surgery> surgeries, String allergies, LocalDate consentDate,
        List<String> consentExplained, Clearance clearance) {

    public record Surgery(String description, LocalDate latestDate) {
    }

    public record Clearance(LocalDate clearedOn, String note) {
    }
}
