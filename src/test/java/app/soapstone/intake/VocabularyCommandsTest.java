package app.soapstone.intake;

import app.soapstone.screening.ScreeningRules;
import app.soapstone.shell.Failure;
import app.soapstone.support.SoapstoneTest;
import app.soapstone.vocabulary.Vocabulary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code vocabulary list}: the kinds of word list, and every id of one with its meaning. */
@Tag(SoapstoneTest.POSTGRESQL)
class VocabularyCommandsTest extends SoapstoneTest {

    @Autowired
    private Vocabulary vocabulary;

    @Autowired
    private ScreeningRules screening;

    @Test
    void withoutAKindListsTheKinds() {
        String output = run("vocabulary list").expectOk();

        for (String kind : WordLists.KINDS.keySet()) {
            assertThat(output).contains(kind);
        }
        assertThat(output).contains("Body sites (session --areas, intake --cramp-sites)", "vocabulary list KIND");
    }

    @Test
    void aKindListsEveryIdWithItsMeaning() {
        String modalities = run("vocabulary list modalities").expectOk();
        assertThat(modalities).contains("effleurage").contains("Effleurage: Long gliding strokes");
        assertThat(modalities.lines().filter(line -> line.matches("[a-z0-9-]+ .*")).count())
                .isEqualTo(vocabulary.modalityIds().size());

        String conditions = run("vocabulary list conditions").expectOk();
        for (String id : screening.conditionIds()) {
            assertThat(conditions).contains(id).contains(screening.condition(id).orElseThrow().label());
        }
        assertThat(run("vocabulary list red-flags").expectOk()).contains("one-sided-calf-swelling")
                .contains("Swelling of one calf (urgent)");
        assertThat(run("vocabulary list sites").expectOk()).contains("hamstring-left").contains("Left hamstring");
        assertThat(run("vocabulary list consent").expectOk()).contains("right-to-stop");
        assertThat(run("vocabulary list pressures").expectOk()).contains("moderate");
    }

    @Test
    void helpPointsAtTheListOfConditions() {
        assertThat(run("help intake new").expectOk()).contains("(see vocabulary list conditions)")
                .doesNotContain("see screening list");
        assertThat(run("vocabulary list conditions").ok()).isTrue();
    }

    @Test
    void anUnknownKindIsOneLineNamingTheKinds() {
        Result result = run("vocabulary list bogus");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).isEqualTo("vocabulary list: 'bogus' is not a word list; use modalities, sites,"
                + " conditions, red-flags, consent, pressures, cramp-timings, frequency-units");
    }
}
