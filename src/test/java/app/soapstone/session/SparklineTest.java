package app.soapstone.session;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One-line charts of a measure over time. */
class SparklineTest {

    private static final String BARS = "▁▂▃▄▅▆▇█";

    @Test
    void aRisingSeriesGoesFromTheLowestToTheHighestBar() {
        String line = Sparkline.of(List.of(0, 1, 2, 3, 4, 5, 6, 7));

        assertThat(line).isEqualTo(BARS);
    }

    @Test
    void aFallingSeriesStartsHighAndEndsLowWithOneBarPerValue() {
        List<Double> cramps = List.of(14.0, 10.5, 7.0, 3.0, 0.5);

        String line = Sparkline.of(cramps);

        assertThat(line).hasSize(cramps.size());
        assertThat(line.charAt(0)).isEqualTo('█');
        assertThat(line.charAt(line.length() - 1)).isEqualTo('▁');
        for (int i = 1; i < line.length(); i++) {
            assertThat(BARS.indexOf(line.charAt(i))).as("bar %d", i).isLessThanOrEqualTo(BARS.indexOf(line.charAt(i - 1)));
        }
    }

    @Test
    void barsAreScaledBetweenTheSmallestAndLargestValue() {
        String line = Sparkline.of(List.of(100, 200, 150));

        assertThat(line.charAt(0)).isEqualTo('▁');
        assertThat(line.charAt(1)).isEqualTo('█');
        assertThat(BARS.indexOf(line.charAt(2))).isStrictlyBetween(0, BARS.length() - 1);
    }

    @Test
    void aFlatSeriesIsDrawnAtMidHeight() {
        String line = Sparkline.of(List.of(5, 5, 5));

        assertThat(line).hasSize(3);
        assertThat(line.chars().distinct().count()).isOne();
        int height = BARS.indexOf(line.charAt(0));
        assertThat(height).isStrictlyBetween(0, BARS.length() - 1);
    }

    @Test
    void missingValuesAreLeftOut() {
        assertThat(Sparkline.of(Arrays.asList(1, null, 3, null))).isEqualTo(Sparkline.of(List.of(1, 3)))
                .hasSize(2);
    }

    @Test
    void anEmptySeriesDrawsNothing() {
        assertThat(Sparkline.of(List.of())).isEmpty();
        assertThat(Sparkline.of(Arrays.asList((Integer) null))).isEmpty();
    }
}
