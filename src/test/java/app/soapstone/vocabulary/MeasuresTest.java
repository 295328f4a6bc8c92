package app.soapstone.vocabulary;

import app.soapstone.template.InvalidTemplateException;
import app.soapstone.template.TemplateFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code vocabulary/measures.yaml}: the cramp frequency units, the cramp timings and the size of a
 * glass, read and checked once for the intake and the care plan.
 */
class MeasuresTest {

    private static final String FILE = "vocabulary/measures.yaml";

    @TempDir
    Path overrides;

    @Test
    void theBundledMeasures() {
        Vocabulary vocabulary = new Vocabulary(new TemplateFiles(""));

        assertThat(vocabulary.frequencyUnits()).extracting(FrequencyUnit::id).containsExactly("night", "week", "month");
        assertThat(vocabulary.weekly().id()).isEqualTo("week");
        assertThat(vocabulary.frequencyUnit("night").orElseThrow().perWeek(2)).isEqualTo(14);
        assertThat(vocabulary.frequencyUnit("day")).isEqualTo(vocabulary.frequencyUnit("night"));
        assertThat(vocabulary.frequencyUnit("month").orElseThrow().perWeek(4)).isCloseTo(4 * 12 / 52.0, within(1e-12));
        assertThat(vocabulary.frequencyUnit("fortnight")).isEmpty();
        assertThat(vocabulary.crampTimings()).containsExactly("night", "day", "exercise", "mixed");
        assertThat(vocabulary.glassMl()).isEqualTo(250);
    }

    @Test
    void aClinicCanAddAUnit() throws IOException {
        write(bundled().replace("  - { id: month, per-week: 12/52 }",
                "  - { id: fortnight, per-week: 1/2 }\n  - { id: month, per-week: 12/52 }"));

        Vocabulary vocabulary = new Vocabulary(new TemplateFiles(overrides.toString()));

        assertThat(vocabulary.frequencyUnits()).extracting(FrequencyUnit::id)
                .containsExactly("night", "week", "fortnight", "month");
        assertThat(vocabulary.frequencyUnit("fortnight").orElseThrow().perWeek(3)).isEqualTo(1.5);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            no glass              | "glass-ml: 250"                      | "glass-ml:"                          | needs cramp-frequency-units, cramp-timings and glass-ml
            a glass in litres     | "glass-ml: 250"                      | "glass-ml: 0.25"                     | from 50 to 1000
            a glass too large     | "glass-ml: 250"                      | "glass-ml: 2500"                     | from 50 to 1000
            no week               | "  - { id: week,  per-week: 1 }\\n"  | ""                                   | needs the unit week, with per-week: 1
            a week of two         | "id: week,  per-week: 1"             | "id: week,  per-week: 2"             | needs the unit week, with per-week: 1
            a unit of none        | "per-week: 12/52"                    | "per-week: 0/52"                     | per-week must be a number above 0
            a unit in words       | "per-week: 12/52"                    | "per-week: monthly"                  | per-week must be a number above 0
            a word for two units  | "also: [day]"                        | "also: [day, month]"                 | 'month' is given twice
            a timing twice        | "exercise, mixed"                    | "exercise, night"                    | id night appears twice
            a timing not an id    | "exercise, mixed"                    | "exercise, At Rest"                  | lower-case words joined by hyphens
            """)
    void aBrokenOverrideIsRefusedNamingTheFile(String what, String bundled, String broken, String message)
            throws IOException {
        String text = bundled();
        String from = bundled.replace("\\n", "\n");
        assertThat(text).as("the bundled file holds the text this test changes").contains(from);
        Path file = write(text.replace(from, broken.replace("\\n", "\n")));

        assertThatThrownBy(() -> new Vocabulary(new TemplateFiles(overrides.toString())).glassMl())
                .as(what).isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining(message);
    }

    private Path write(String text) throws IOException {
        Path file = overrides.resolve(FILE);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String bundled() throws IOException {
        try (InputStream in = MeasuresTest.class.getClassLoader().getResourceAsStream("templates/" + FILE)) {
            assertThat(in).as(FILE).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
