package app.soapstone.day;

/**
 * Something to do for a client before or after their visit, in the order it should be done
 * ({@link Kind}); {@code detail} says which: a flag's title, a session and its date.
 */
public record ToDo(Kind kind, String detail) {

    /** What needs doing, first things first: a referral before the treatment, the paperwork after it. */
    public enum Kind {
        /** An urgent referral that no medical clearance covers yet: no massage of the area until one does. */
        REFER,
        /** No intake on record. */
        NO_INTAKE,
        /** The intake is old enough to be reviewed. */
        INTAKE_REVIEW,
        /** Consent expired or not all its elements explained. */
        CONSENT,
        /** A note left unsigned. */
        UNSIGNED_NOTE,
        /** No care plan given since the last visit. */
        CARE_PLAN
    }
}
