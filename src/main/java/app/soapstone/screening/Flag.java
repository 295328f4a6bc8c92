package app.soapstone.screening;

/**
 * One finding of the screening: what it is, why it matters and which intake field it came from.
 * An urgent REFER flag blocks treatment until a medical clearance is recorded; {@code clearance}
 * then says when and by what. {@code finding} names it for the care-plan rules.
 */
public record Flag(Level level, boolean urgent, String title, String reason, String source, String clearance,
        Finding finding) {

    public static Flag of(Level level, String title, String reason, String source, Finding finding) {
        return new Flag(level, false, title, reason, source, null, finding);
    }

    /** An urgent referral with no medical clearance recorded. */
    public boolean blocking() {
        return level == Level.REFER && urgent && clearance == null;
    }

    /** "REFER (urgent)", "REFER (see GP)", "PRECAUTION", "NOTE". */
    public String levelLabel() {
        if (level != Level.REFER) {
            return level.name();
        }
        return urgent ? (clearance == null ? "REFER (urgent)" : "REFER (urgent, cleared)") : "REFER (see GP)";
    }
}
