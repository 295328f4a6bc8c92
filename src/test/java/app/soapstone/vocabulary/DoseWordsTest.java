package app.soapstone.vocabulary;

import app.soapstone.template.InvalidTemplateException;
import app.soapstone.template.TemplateFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Latin dose abbreviations in plain words for clients; the ambiguous ones are never guessed. */
class DoseWordsTest {

    private static final DoseWords WORDS = new DoseWords(new TemplateFiles(""));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Eliquis 5 mg bd          | Eliquis 5 mg twice a day
            Eliquis 5mg BD           | Eliquis 5mg twice a day
            Eliquis 5 mg b.d.        | Eliquis 5 mg twice a day
            Eliquis 5 mg b.i.d       | Eliquis 5 mg twice a day
            metformin 500 mg tds     | metformin 500 mg three times a day
            metformin 500 mg t.i.d.  | metformin 500 mg three times a day
            paracetamol 1 g qds prn  | paracetamol 1 g four times a day when needed
            Lasix 40 mg mane         | Lasix 40 mg in the morning
            Lasix 40 mg om           | Lasix 40 mg in the morning
            Lipitor 20 mg nocte      | Lipitor 20 mg at night
            zopiclone 7.5 mg qhs     | zopiclone 7.5 mg at bedtime
            gliclazide 80 mg ac      | gliclazide 80 mg before food
            Creon 1 cap pc           | Creon 1 cap after food
            Voltaren gel mdu         | Voltaren gel as directed
            aspirin 100 mg bd.       | aspirin 100 mg twice a day.
            """)
    void abbreviationsAreWrittenOut(String written, String plain) {
        assertThat(WORDS.plain(written)).isEqualTo(plain);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sudafed 60 mg", "Mobic 15 mg daily", "Lipitor 20 mg od", "Ventolin 2 puffs",
            "Bd-Tablet 5 mg", "Tebd 20 mg", "ACtrapid 10 units", "calcium 600 mg at bedtime"})
    void everythingElseIsLeftAsWritten(String written) {
        assertThat(WORDS.plain(written)).isEqualTo(written);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Lipitor 20 mg od      | od
            Lipitor 20 mg OD      | OD
            Lipitor 20 mg o.d.    | o.d.
            thyroxine 50 mcg QD   | QD
            temazepam 10 mg hs    | hs
            warfarin 1 mg qod     | qod
            """)
    void abbreviationsThatMeanTwoThingsAreReportedNotGuessed(String written, String abbreviation) {
        assertThat(WORDS.plain(written)).isEqualTo(written);
        assertThat(WORDS.unclear(written)).singleElement().satisfies(u -> {
            assertThat(u.written()).isEqualTo(abbreviation);
            assertThat(u.meanings()).isNotBlank();
        });
    }

    @Test
    void odIsReportedAsOnceADayOrTheRightEye() {
        assertThat(WORDS.unclear("Lipitor 20 mg od")).singleElement()
                .satisfies(u -> assertThat(u.meanings()).contains("once a day").contains("right eye"));
        assertThat(WORDS.unclear("Lipitor 20 mg daily")).isEmpty();
    }

    @Test
    void aClinicCanAddAnAbbreviation(@TempDir Path overrides) throws IOException {
        Files.createDirectories(overrides.resolve("vocabulary"));
        Files.writeString(overrides.resolve("vocabulary/dose-abbreviations.yaml"), """
                plain:
                  bd: twice a day
                  stat: straight away
                unclear:
                  od: once a day, or the right eye
                """);
        DoseWords words = new DoseWords(new TemplateFiles(overrides.toString()));

        assertThat(words.plain("prednisolone 40 mg stat")).isEqualTo("prednisolone 40 mg straight away");
        assertThat(words.plain("Lasix 40 mg mane")).isEqualTo("Lasix 40 mg mane");
    }

    @Test
    void anAbbreviationThatIsNotLowerCaseLettersIsAnErrorNamingTheFile(@TempDir Path overrides) throws IOException {
        Files.createDirectories(overrides.resolve("vocabulary"));
        Path file = Files.writeString(overrides.resolve("vocabulary/dose-abbreviations.yaml"), """
                plain:
                  b.d.: twice a day
                unclear: {}
                """);

        assertThatThrownBy(() -> new DoseWords(new TemplateFiles(overrides.toString())).plain("x"))
                .isInstanceOf(InvalidTemplateException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("b.d.");
    }
}
