package app.soapstone.careplan;

import app.soapstone.screening.Finding;
import app.soapstone.screening.Flag;

import java.util.List;

/**
 * Something about the client that a care-plan rule can act on: a screening finding, or a measure
 * (age, the kind of cramps, sleep disturbance, cramps a week). {@code subject} and {@code source}
 * name it for the therapist ("Peripheral neuropathy", "intake v2"); {@code written} keeps what the
 * intake says, as typed (the medicines of a class); {@code blocking} marks an urgent referral a
 * doctor has not cleared.
 */
record Fact(String kind, String id, Double value, String subject, List<String> written, String source,
        boolean blocking) {

    static final String AGE = "age";
    static final String CRAMP_TYPE = "cramp-type";
    static final String SLEEP_DISTURBANCE = "sleep-disturbance";
    static final String CRAMPS_PER_WEEK = "cramps-per-week";

    static Fact of(Flag flag, String source) {
        Finding finding = flag.finding();
        return new Fact(finding.kind(), finding.id(), null, finding.subject(), finding.written(), source, flag.blocking());
    }

    static Fact measure(String kind, double value, String subject, String source) {
        return new Fact(kind, null, value, subject, List.of(), source, false);
    }

    static Fact crampType(String id, String subject, String source) {
        return new Fact(CRAMP_TYPE, id, null, subject, List.of(), source, false);
    }
}
