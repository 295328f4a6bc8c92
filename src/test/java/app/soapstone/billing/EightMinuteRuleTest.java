package app.soapstone.billing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The CMS 8-minute rule (Medicare Claims Processing Manual, chapter 5, section 20.2): the units at
 * every boundary of its table, and the manual's own examples of sharing them between codes.
 */
class EightMinuteRuleTest {

    private static final ProcedureCode NEUROMUSCULAR = new ProcedureCode("97112", "Neuromuscular re-education", true);
    private static final ProcedureCode EXERCISE = new ProcedureCode("97110", "Therapeutic exercise", true);
    private static final ProcedureCode MANUAL = new ProcedureCode("97140", "Manual therapy", true);
    private static final ProcedureCode MASSAGE = new ProcedureCode("97124", "Massage", true);
    private static final ProcedureCode HOT_PACK = new ProcedureCode("97010", "Hot or cold packs", false);

    @ParameterizedTest(name = "{0} minutes make {1} units")
    @CsvSource({
            "0,0", "1,0", "7,0", "8,1", "15,1", "22,1", "23,2", "30,2", "37,2", "38,3", "52,3", "53,4", "67,4",
            "68,5", "82,5", "83,6", "97,6", "98,7", "112,7", "113,8", "127,8", "128,9"})
    void unitsAtEveryBoundaryOfTheTable(int minutes, int units) {
        assertThat(EightMinuteRule.units(minutes)).isEqualTo(units);
    }

    @Test
    void negativeMinutesAreAMistakeNotNoUnits() {
        assertThatThrownBy(() -> EightMinuteRule.units(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EightMinuteRule.allocate(Map.of(MASSAGE, -5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneCodeAloneGetsTheUnitsOfItsMinutes() {
        assertThat(EightMinuteRule.allocate(minutes(MASSAGE, 60))).containsExactly(Map.entry(MASSAGE, 4));
        assertThat(EightMinuteRule.allocate(minutes(MASSAGE, 7))).containsExactly(Map.entry(MASSAGE, 0));
        assertThat(EightMinuteRule.allocate(minutes(MASSAGE, 8))).containsExactly(Map.entry(MASSAGE, 1));
    }

    /** CMS example 1: 24 min 97112 and 23 min 97110, 47 minutes: 3 units, more to the longer service. */
    @Test
    void cmsExample1MoreUnitsToTheServiceThatTookLonger() {
        assertThat(EightMinuteRule.allocate(minutes(NEUROMUSCULAR, 24, EXERCISE, 23)))
                .containsExactly(Map.entry(NEUROMUSCULAR, 2), Map.entry(EXERCISE, 1));
    }

    /** CMS example 2: 20 min each, 40 minutes: 3 units, either code 2 (never 3 to one); Soapstone gives the first. */
    @Test
    void cmsExample2ATieGoesToTheCodeListedFirst() {
        assertThat(EightMinuteRule.allocate(minutes(NEUROMUSCULAR, 20, EXERCISE, 20)))
                .containsExactly(Map.entry(NEUROMUSCULAR, 2), Map.entry(EXERCISE, 1));
        assertThat(EightMinuteRule.allocate(minutes(EXERCISE, 20, NEUROMUSCULAR, 20)))
                .containsExactly(Map.entry(EXERCISE, 2), Map.entry(NEUROMUSCULAR, 1));
    }

    /** CMS example 3: 33 min 97110 and 7 min 97140: 2 full units of 97110, and 7 left over beats 3. */
    @Test
    void cmsExample3TheLeftOverMinutesDecide() {
        assertThat(EightMinuteRule.allocate(minutes(EXERCISE, 33, MANUAL, 7)))
                .containsExactly(Map.entry(EXERCISE, 2), Map.entry(MANUAL, 1));
    }

    /** CMS example 4: 18 min 97110, 13 min 97140 and an untimed hot pack: 31 timed minutes, 2 units. */
    @Test
    void cmsExample4UntimedCodesAreOneUnitAndAddNoMinutes() {
        Map<ProcedureCode, Integer> visit = new LinkedHashMap<>();
        visit.put(EXERCISE, 18);
        visit.put(MANUAL, 13);
        visit.put(HOT_PACK, 10);

        assertThat(EightMinuteRule.allocate(visit))
                .containsExactly(Map.entry(EXERCISE, 1), Map.entry(MANUAL, 1), Map.entry(HOT_PACK, 1));
    }

    @Test
    void shortServicesTogetherMakeOneUnitForTheLongest() {
        // Each under 8 minutes, 8 or more together: one unit, to the service done longest.
        assertThat(EightMinuteRule.allocate(minutes(MASSAGE, 5, MANUAL, 6)))
                .containsExactly(Map.entry(MASSAGE, 0), Map.entry(MANUAL, 1));
        // 7 + 7 + 7 = 21 minutes: one unit, not three.
        Map<ProcedureCode, Integer> three = minutes(NEUROMUSCULAR, 7, EXERCISE, 7);
        three.put(MANUAL, 7);
        assertThat(EightMinuteRule.allocate(three))
                .containsExactly(Map.entry(NEUROMUSCULAR, 1), Map.entry(EXERCISE, 0), Map.entry(MANUAL, 0));
        // Under 8 minutes in all: nothing.
        assertThat(EightMinuteRule.allocate(minutes(MASSAGE, 3, MANUAL, 4)))
                .containsExactly(Map.entry(MASSAGE, 0), Map.entry(MANUAL, 0));
    }

    @Test
    void theUnitsSharedAlwaysAddUpToTheUnitsOfAllTheMinutes() {
        for (int a = 0; a <= 70; a++) {
            for (int b = 0; b <= 70; b++) {
                Map<ProcedureCode, Integer> units = EightMinuteRule.allocate(minutes(MASSAGE, a, MANUAL, b));
                assertThat(units.get(MASSAGE) + units.get(MANUAL)).as(a + " + " + b).isEqualTo(EightMinuteRule.units(a + b));
                // Never fewer than the full 15 minutes of each code.
                assertThat(units.get(MASSAGE)).as(a + " + " + b).isGreaterThanOrEqualTo(a / 15);
                assertThat(units.get(MANUAL)).as(a + " + " + b).isGreaterThanOrEqualTo(b / 15);
            }
        }
    }

    @Test
    void anUntimedCodeIsOneUnitWhateverItsLength() {
        assertThat(EightMinuteRule.allocate(minutes(HOT_PACK, 0))).containsExactly(Map.entry(HOT_PACK, 1));
        assertThat(EightMinuteRule.allocate(minutes(HOT_PACK, 45))).containsExactly(Map.entry(HOT_PACK, 1));
    }

    private static Map<ProcedureCode, Integer> minutes(ProcedureCode code, int spent) {
        Map<ProcedureCode, Integer> minutes = new LinkedHashMap<>();
        minutes.put(code, spent);
        return minutes;
    }

    private static Map<ProcedureCode, Integer> minutes(ProcedureCode first, int firstMinutes, ProcedureCode second,
            int secondMinutes) {
        Map<ProcedureCode, Integer> minutes = minutes(first, firstMinutes);
        minutes.put(second, secondMinutes);
        return minutes;
    }
}
