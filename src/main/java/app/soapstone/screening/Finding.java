package app.soapstone.screening;

import java.util.List;

/**
 * What a screening flag is about, in terms the care-plan rules name: a kind ({@code condition},
 * {@code medication-class}, {@code red-flag}, {@code surgery} or {@code intake}) and the id of the
 * entry in the screening templates. {@code subject} names it for people ("Peripheral neuropathy",
 * "spironolactone"); {@code written} is what the intake says, as typed, where that matters (the
 * medicines of a class).
 */
public record Finding(String kind, String id, String subject, List<String> written) {

    public static final String CONDITION = "condition";
    public static final String MEDICATION_CLASS = "medication-class";
    public static final String RED_FLAG = "red-flag";
    public static final String SURGERY = "surgery";
    public static final String INTAKE = "intake";

    /** The surgery finding for any surgery within the recent-surgery weeks. */
    public static final String RECENT_SURGERY = "recent";

    /** The ids of {@code intake} findings, raised by the screening itself rather than by a template entry. */
    public static final String ALLERGIES = "allergies";
    public static final String CONSENT_EXPIRED = "consent-expired";
    public static final String CONSENT_INCOMPLETE = "consent-incomplete";
    public static final String REVIEW_DUE = "review-due";
    public static final String UNCLEAR_ABBREVIATION = "unclear-abbreviation";
    public static final String UNRECOGNISED_MEDICINE = "medicine-not-recognised";

    public Finding {
        written = written == null ? List.of() : List.copyOf(written);
    }

    public static Finding of(String kind, String id, String subject) {
        return new Finding(kind, id, subject, List.of());
    }

    /** {@code kind: id}, as the rule files write it. */
    public String key() {
        return kind + ": " + id;
    }
}
