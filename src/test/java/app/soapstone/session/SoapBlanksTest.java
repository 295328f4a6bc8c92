package app.soapstone.session;

import app.soapstone.session.Session.SoapNote;
import app.soapstone.session.SoapBlanks.Unfilled;
import app.soapstone.template.InvalidTemplateException;
import app.soapstone.template.TemplateFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a blank is, how an option's value fills the one a template names, and which are left. */
class SoapBlanksTest {

    private static final String TEMPLATE = """
            Night cramps: {cramps-per-week} per week, worst {cramp-severity}/10, lasting __ min.
            {sleep-disturbance}/10 sleep disturbance.
            Pain before {pain-before}/10, after {pain-after}/10.""";

    @Test
    void aNewDraftShowsNamedBlanksAsBlanksUnlessTheirOptionIsGiven() {
        assertThat(SoapBlanks.draft(TEMPLATE, Map.of())).isEqualTo("""
                Night cramps: __ per week, worst __/10, lasting __ min.
                __/10 sleep disturbance.
                Pain before __/10, after __/10.""");
        assertThat(SoapBlanks.draft(TEMPLATE, Map.of("pain-after", "3", "cramps-per-week", "2.5",
                "sleep-disturbance", "4"))).isEqualTo("""
                Night cramps: 2.5 per week, worst __/10, lasting __ min.
                4/10 sleep disturbance.
                Pain before __/10, after 3/10.""");
    }

    @Test
    void aBlankIsFoundByTheWordsBeforeItSoWhatWasWrittenStays() {
        String written = """
                Night cramps: 2 per week, worst __/10, lasting __ min.
                My own line: worst __/10 as well.
                __/10 sleep disturbance.
                Pain before 6/10, after ___/10.""";

        assertThat(SoapBlanks.fill(written, TEMPLATE, Map.of("cramps-per-week", "5", "cramp-severity", "7",
                "pain-before", "8", "pain-after", "$1", "sleep-disturbance", "0"))).isEqualTo("""
                Night cramps: 2 per week, worst 7/10, lasting __ min.
                My own line: worst __/10 as well.
                0/10 sleep disturbance.
                Pain before 6/10, after $1/10.""");
        assertThat(SoapBlanks.fill(written, TEMPLATE, Map.of())).isEqualTo(written);
        assertThat(SoapBlanks.fill(null, TEMPLATE, Map.of("pain-before", "1"))).isNull();
    }

    @Test
    void theBlanksLeftAreListedBySectionAndLineAndCounted() {
        SoapNote note = new SoapNote("Cramps __ per week, worst __/10.\nNo blank here.", null,
                "Pain before 6/10, after ____/10.", "Review in _ weeks.");

        assertThat(SoapBlanks.unfilled(note)).containsExactly(
                new Unfilled("Subjective", "Cramps __ per week, worst __/10.", 2),
                new Unfilled("Assessment", "Pain before 6/10, after ____/10.", 1));
        assertThat(SessionService.blanksLeft(note)).isEqualTo(3);
        assertThat(SoapBlanks.unfilled(new SoapNote("All filled: 3/10.", null, null, null))).isEmpty();
        assertThat(new Unfilled("Objective", "Calf tone __", 1)).hasToString("Objective: Calf tone __");
    }

    @Test
    void measuresShowAsTheTherapistWritesThem() {
        assertThat(SoapBlanks.value(2.0)).isEqualTo("2");
        assertThat(SoapBlanks.value(2.5)).isEqualTo("2.5");
        assertThat(SoapBlanks.value(7)).isEqualTo("7");
    }

    @Test
    void theBundledTemplatesNameOnlyOptionsThatFillBlanks() {
        SoapTemplates templates = new SoapTemplates(new TemplateFiles(""));

        SoapNote draft = templates.get("nocturnal-calf-cramps").draft(Map.of("pain-before", "6"));

        assertThat(draft.assessment()).contains("Pain before 6/10, after __/10.");
        assertThat(templates.names()).allSatisfy(name -> assertThat(templates.get(name).draft(Map.of()).toString())
                .doesNotContain("{"));
    }

    @Test
    void aTemplateNamingAnUnknownBlankIsRefusedNamingTheFile(@TempDir Path overrides) throws IOException {
        Files.createDirectories(overrides.resolve("soap"));
        Path file = Files.writeString(overrides.resolve("soap/general.yaml"), """
                title: General treatment
                description: A plain SOAP form
                subjective: "Pain {pain-now}/10"
                objective: ""
                assessment: ""
                plan: ""
                """);

        assertThatThrownBy(() -> new SoapTemplates(new TemplateFiles(overrides.toString())).names())
                .isInstanceOf(InvalidTemplateException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("{pain-now}").hasMessageContaining("{pain-before}");
    }
}
