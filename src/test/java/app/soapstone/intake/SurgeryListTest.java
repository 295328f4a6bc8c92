package app.soapstone.intake;

import app.soapstone.intake.Intake.IntakeSurgery;
import app.soapstone.validation.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading "right total knee replacement 2019; lumbar fusion 2015-03" into when and which side. */
class SurgeryListTest {

    private static final LocalDate TODAY = LocalDate.now();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            right total knee replacement 2019        | 2019       | right
            lumbar fusion 2015-03                    | 2015-03    | -
            Left hip replacement 2020-06-15          | 2020-06-15 | left
            bilateral carpal tunnel release 2018     | 2018       | both
            BOTH knees arthroscopy 2017-11           | 2017-11    | both
            C5-6 discectomy 2012                     | 2012       | -
            appendectomy                             | -          | -
            tonsillectomy as a child, right ear 1985 | 1985       | right
            """)
    void readsWhenAndWhichSide(String description, String performed, String side) {
        IntakeSurgery surgery = SurgeryList.read("surgeries", description, TODAY, null);

        assertThat(surgery.description()).isEqualTo(description);
        assertThat(surgery.performed()).isEqualTo(performed);
        assertThat(surgery.side()).isEqualTo(side);
    }

    @Test
    void itemsAreSeparatedBySemicolons() {
        List<IntakeSurgery> surgeries = SurgeryList.parse("surgeries",
                "right total knee replacement 2019; lumbar fusion 2015 ;\n appendectomy", TODAY, null);

        assertThat(surgeries).extracting(IntakeSurgery::description)
                .containsExactly("right total knee replacement 2019", "lumbar fusion 2015", "appendectomy");
        assertThat(surgeries).extracting(IntakeSurgery::performed).containsExactly("2019", "2015", null);
    }

    @Test
    void thisYearAndThisMonthAndTodayAreAccepted() {
        assertThat(SurgeryList.read("surgeries", "appendectomy " + TODAY.getYear(), TODAY, null).performed())
                .isEqualTo(String.valueOf(TODAY.getYear()));
        assertThat(SurgeryList.read("surgeries", "appendectomy " + YearMonth.from(TODAY), TODAY, null).performed())
                .isEqualTo(YearMonth.from(TODAY).toString());
        assertThat(SurgeryList.read("surgeries", "appendectomy " + TODAY, TODAY, null).performed())
                .isEqualTo(TODAY.toString());
    }

    @Test
    void aFutureYearMonthOrDateIsRefused() {
        for (String when : List.of(String.valueOf(TODAY.getYear() + 1), YearMonth.from(TODAY).plusMonths(1).toString(),
                TODAY.plusDays(1).toString())) {
            assertThatThrownBy(() -> SurgeryList.parse("surgeries", "knee replacement " + when, TODAY, null))
                    .as(when)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("--surgeries:")
                    .hasMessageContaining(when)
                    .hasMessageContaining("future");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019-13", "2019-00", "2019-02-30", "2019-04-31", "2019-12-00"})
    void anInvalidMonthOrDayIsRefused(String when) {
        assertThatThrownBy(() -> SurgeryList.parse("surgeries", "lumbar fusion " + when, TODAY, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("--surgeries:")
                .hasMessageContaining(when);
    }

    @Test
    void aYearMoreThan130YearsAgoIsRefused() {
        assertThatThrownBy(() -> SurgeryList.parse("surgeries", "appendectomy 1850", TODAY, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("--surgeries: 1850 is more than 130 years ago (in 'appendectomy 1850')");
    }

    @Test
    void aSurgeryAllOfWhoseYearOrMonthIsBeforeTheBirthIsRefused() {
        LocalDate born = LocalDate.of(1958, 3, 14);

        assertThatThrownBy(() -> SurgeryList.parse("surgeries", "knee 2019; tonsils 1958-02", TODAY, born))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("--surgeries: 1958-02 is before the client's date of birth (1958-03-14) (in 'tonsils 1958-02')");
        assertThat(SurgeryList.parse("surgeries", "tonsils 1958; adenoids 1958-03", TODAY, born))
                .extracting(IntakeSurgery::performed).containsExactly("1958", "1958-03");
    }

    @Test
    void theLatestPossibleDateIsTheEndOfTheYearOrMonthGiven() {
        assertThat(SurgeryList.latestDate("2019", "surgeries")).isEqualTo(LocalDate.of(2019, 12, 31));
        assertThat(SurgeryList.latestDate("2024-02", "surgeries")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(SurgeryList.latestDate("2023-02", "surgeries")).isEqualTo(LocalDate.of(2023, 2, 28));
        assertThat(SurgeryList.latestDate("2019-05-06", "surgeries")).isEqualTo(LocalDate.of(2019, 5, 6));
    }

    @Test
    void tooManyItemsAreRefused() {
        String many = "appendectomy;".repeat(SurgeryList.MAX_ITEMS + 1);

        assertThatThrownBy(() -> SurgeryList.parse("surgeries", many, TODAY, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("--surgeries:")
                .hasMessageContaining(String.valueOf(SurgeryList.MAX_ITEMS));
    }
}
