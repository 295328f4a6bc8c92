package app.soapstone.session;

import java.util.List;
import java.util.Objects;

/** A one-line chart of a series, e.g. {@code ▇▆▄▃▁} for cramps per week falling over five visits. */
final class Sparkline {

    private static final char[] BARS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};

    private Sparkline() {
    }

    /** Missing values are left out; a flat series is drawn at mid height. */
    static String of(List<? extends Number> series) {
        List<Double> values = series.stream().filter(Objects::nonNull).map(Number::doubleValue).toList();
        if (values.isEmpty()) {
            return "";
        }
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        StringBuilder line = new StringBuilder();
        for (double value : values) {
            int index = max == min ? BARS.length / 2 - 1 : (int) Math.round((value - min) / (max - min) * (BARS.length - 1));
            line.append(BARS[index]);
        }
        return line.toString();
    }
}
