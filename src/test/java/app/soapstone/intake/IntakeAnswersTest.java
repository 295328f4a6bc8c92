package app.soapstone.intake;

import app.soapstone.intake.Intake.CrampHistory;
import app.soapstone.template.TemplateFiles;
import app.soapstone.validation.InvalidInputException;
import app.soapstone.vocabulary.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading the cramp history's options on their own, without a shell or a database: the units and
 * timings it takes, and lists when it refuses one, are those of {@code vocabulary/measures.yaml}.
 */
class IntakeAnswersTest {

    private static final String MEASURES = "vocabulary/measures.yaml";

    @TempDir
    Path overrides;

    @Test
    void theUnitsAndTimingsAreTheVocabularys() throws IOException {
        Path file = overrides.resolve(MEASURES);
        Files.createDirectories(file.getParent());
        Files.writeString(file, bundledText(MEASURES)
                .replace("  - { id: month, per-week: 12/52 }", "  - { id: fortnight, per-week: 1/2 }")
                .replace("cramp-timings: [night, day, exercise, mixed]", "cramp-timings: [night, day, exercise, rest]"));
        Vocabulary clinic = new Vocabulary(new TemplateFiles(overrides.toString()));

        CrampHistory cramps = IntakeAnswers.crampHistory(clinic, 3, "Fortnight", "rest", 6, null, null, null, null);

        assertThat(cramps.frequencyPerWeek()).isEqualTo(1.5);
        assertThat(cramps.frequencyGiven()).isEqualTo("3 per fortnight");
        assertThat(cramps.timing()).isEqualTo("rest");
        assertThatThrownBy(() -> IntakeAnswers.crampHistory(clinic, 3, "month", null, 6, null, null, null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("--cramp-frequency-unit: 'month' is not allowed; use night, week or fortnight");
        assertThatThrownBy(() -> IntakeAnswers.crampHistory(clinic, 3, null, "mixed", 6, null, null, null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("--cramp-timing: 'mixed' is not allowed; use night, day, exercise or rest");
    }

    @Test
    void withoutAUnitTheFrequencyIsAWeeksAndDayCountsAsNight() {
        Vocabulary bundled = new Vocabulary(new TemplateFiles(""));

        assertThat(IntakeAnswers.crampHistory(bundled, 3, null, null, 6, null, null, null, null))
                .extracting(CrampHistory::frequencyPerWeek, CrampHistory::frequencyGiven).containsExactly(3.0, "3 per week");
        assertThat(IntakeAnswers.crampHistory(bundled, 1.5, "day", null, 6, null, null, null, null))
                .extracting(CrampHistory::frequencyPerWeek, CrampHistory::frequencyGiven).containsExactly(10.5, "1.5 per day");
    }

    private static String bundledText(String path) throws IOException {
        try (InputStream in = IntakeAnswersTest.class.getClassLoader().getResourceAsStream("templates/" + path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
