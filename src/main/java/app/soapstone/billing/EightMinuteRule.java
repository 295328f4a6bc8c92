package app.soapstone.billing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CMS "8-minute rule" for 15-minute timed codes (Medicare Claims Processing Manual, Pub.
 * 100-04, chapter 5, section 20.2): the minutes of all timed codes of a visit together give the
 * units billed, 8 to 22 minutes one unit, 23 to 37 two, and so on by 15 minutes; under 8 none.
 * Those units go first as full 15-minute units to each code, and the rest to the codes with the
 * most minutes left over, one each. Where CMS leaves a tie to the therapist, the code listed first
 * gets the unit, so the same visit always bills the same way.
 */
public final class EightMinuteRule {

    /** Minutes in one unit of a timed code. */
    public static final int UNIT_MINUTES = 15;
    /** The fewest minutes that make a unit: more than half of one. */
    public static final int THRESHOLD_MINUTES = 8;

    private EightMinuteRule() {
    }

    /** The units that {@code minutes} of timed service in one day make. */
    public static int units(int minutes) {
        if (minutes < 0) {
            throw new IllegalArgumentException("minutes must not be negative: " + minutes);
        }
        return minutes < THRESHOLD_MINUTES ? 0 : (minutes + UNIT_MINUTES - THRESHOLD_MINUTES) / UNIT_MINUTES;
    }

    /**
     * The units of each code of one visit, in the order given: an untimed code is one unit, timed
     * codes share the units of their minutes together as CMS allocates them. A timed code may get
     * none (7 minutes beside a longer one).
     */
    public static Map<ProcedureCode, Integer> allocate(Map<ProcedureCode, Integer> minutes) {
        Map<ProcedureCode, Integer> units = new LinkedHashMap<>();
        List<ProcedureCode> timed = new ArrayList<>();
        int total = 0;
        int full = 0;
        for (Map.Entry<ProcedureCode, Integer> entry : minutes.entrySet()) {
            int spent = entry.getValue();
            if (spent < 0) {
                throw new IllegalArgumentException("minutes must not be negative: " + entry);
            }
            if (entry.getKey().timed()) {
                timed.add(entry.getKey());
                units.put(entry.getKey(), spent / UNIT_MINUTES);
                total += spent;
                full += spent / UNIT_MINUTES;
            } else {
                units.put(entry.getKey(), 1);
            }
        }
        // The left-over minutes of each code are under 15, so the units they make number no more
        // than the codes: one each, to the codes with the most left over (a stable sort keeps ties in order).
        int remaining = units(total) - full;
        List<ProcedureCode> byLeftOver = new ArrayList<>(timed);
        byLeftOver.sort(Comparator.comparingInt((ProcedureCode code) -> minutes.get(code) % UNIT_MINUTES).reversed());
        for (ProcedureCode code : byLeftOver.subList(0, remaining)) {
            units.merge(code, 1, Integer::sum);
        }
        return units;
    }
}
