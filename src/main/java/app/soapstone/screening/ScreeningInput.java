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
        List<Medicine> medications, List<Surgery> surgeries, String allergies, LocalDate consentDate,
        List<String> consentExplained, Clearance clearance) {

    /**
     * A medicine line as written on the intake, and the catalogue name the therapist confirmed it
     * as when Soapstone did not recognise it (null: not asked, or not confirmed).
     */
    public record Medicine(String written, String confirmedAs) {

        public static Medicine written(String written) {
            return new Medicine(written, null);
        }

        /** As a client reads it: "Lipiter 20 mg", or with the confirmed name, "Lipiter 20 mg (Lipitor)". */
        public String shown() {
            return confirmedAs == null ? written.strip() : written.strip() + " (" + confirmedAs + ")";
        }

        /** What the catalogue reads: the confirmed name if there is one, else the line as written. */
        public String readAs() {
            return confirmedAs == null ? written : confirmedAs;
        }
    }

    public record Surgery(String description, LocalDate latestDate) {
    }

    public record Clearance(LocalDate clearedOn, String note) {
    }
}
