package app.soapstone.vocabulary;

import java.util.List;

/**
 * A unit cramp frequency may be given in ({@code night}, {@code month}...): {@code count} of it
 * make {@code weeks} weeks (7 nights make 1, 12 months make 52). {@code also} are other words taken
 * for it ({@code day} for {@code night}).
 */
public record FrequencyUnit(String id, List<String> also, double count, double weeks) {

    /** {@code frequency} a unit, as a number a week. */
    public double perWeek(double frequency) {
        return frequency * count / weeks;
    }
}
