package app.soapstone.billing;

import app.soapstone.template.InvalidTemplateException;
import app.soapstone.template.TemplateFiles;
import app.soapstone.vocabulary.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code billing/codes.yaml}: the procedure codes and their unit rules, the diagnosis codes an
 * intake's cramp sites and timing suggest, a clinic's own file, and a broken file refused by line.
 */
class BillingCodesTest {

    @TempDir
    Path overrides;

    private static BillingCodes codes(TemplateFiles templates) {
        return new BillingCodes(templates, new Vocabulary(templates));
    }

    @Test
    void theBundledCodes() {
        BillingCodes codes = codes(new TemplateFiles(""));

        assertThat(codes.procedures()).extracting(ProcedureCode::code).containsExactly("97124", "97140", "97112", "97530");
        assertThat(codes.procedures()).allMatch(ProcedureCode::timed);
        assertThat(codes.procedure("97124").orElseThrow().description()).startsWith("Massage");
        assertThat(codes.procedure("99999")).isEmpty();
        assertThat(codes.diagnoses()).extracting(DiagnosisCode::code)
                .containsExactly("R25.2", "G47.62", "M62.831", "M62.830", "M62.838");
        assertThat(codes.diagnosis("G47.62").orElseThrow().description()).isEqualTo("Sleep related leg cramps");
    }

    @Test
    void nightCalfCrampsSuggestTheGeneralTheSleepAndTheCalfCodes() {
        BillingCodes codes = codes(new TemplateFiles(""));

        assertThat(codes.suggested(List.of("calf-left"), "night")).extracting(DiagnosisCode::code)
                .containsExactly("R25.2", "G47.62", "M62.831");
        assertThat(codes.suggested(List.of("foot-right", "toes-right"), "exercise")).extracting(DiagnosisCode::code)
                .containsExactly("R25.2", "M62.838");
        assertThat(codes.suggested(List.of("calf-right", "lower-back"), null)).extracting(DiagnosisCode::code)
                .containsExactly("R25.2", "M62.831", "M62.830");
        // Night cramps with no site given: only the sleep code; nothing given: nothing to suggest.
        assertThat(codes.suggested(Set.of(), "night")).extracting(DiagnosisCode::code).containsExactly("G47.62");
        assertThat(codes.suggested(Set.of(), null)).isEmpty();
    }

    @Test
    void aClinicsOwnFileReplacesTheBundledOne() throws IOException {
        write(bundled().replace("  - { code: \"97530\"", "  - { code: \"97010\", units: untimed, description: Hot or cold packs }\n"
                + "  - { code: \"97530\"").replace("    timings: [night]", "    timings: [night, day]"));

        BillingCodes codes = codes(new TemplateFiles(overrides.toString()));

        assertThat(codes.procedure("97010").orElseThrow().timed()).isFalse();
        assertThat(codes.procedures()).extracting(ProcedureCode::code).containsExactly("97124", "97140", "97112", "97010", "97530");
        assertThat(codes.suggested(Set.of(), "day")).extracting(DiagnosisCode::code).containsExactly("G47.62");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            unknown site        | `sites: [calf-left, calf-right]`      | `sites: [calf-left, kalf-right]`       | line 28: M62.831 names the cramp site 'kalf-right', which the vocabulary does not have
            unknown timing      | `timings: [night]`                    | `timings: [nightly]`                   | line 25: G47.62 names the cramp timing 'nightly'
            bad unit rule       | `units: timed, description: "Manual`  | `units: per-15, description: "Manual`  | line 11: units of 97140 must be timed (15-minute units by the 8-minute rule) or untimed (one a session), not 'per-15'
            procedure twice     | `code: "97112"`                       | `code: "97124"`                        | line 12: procedure code 97124 is given twice
            diagnosis twice     | `code: M62.830`                       | `code: M62.831`                        | line 29: diagnosis code M62.831 is given twice
            not an ICD code     | `code: R25.2`                         | `code: R25-2`                          | line 20: 'R25-2' is not an ICD-10-CM code
            not a CPT code      | `code: "97530"`                       | `code: "9753"`                         | line 13: '9753' is not a procedure code
            nothing suggests it | `    any-site: true`                  | ``                                     | line 20: diagnosis code R25.2 needs sites, timings or any-site: true
            unknown key         | `    any-site: true`                  | `    any_site: true`                   | any_site
            """)
    void aBrokenFileIsRefusedNamingTheFileAndTheEntry(String what, String from, String to, String message) throws IOException {
        String bundled = bundled();
        assertThat(bundled).as(what).contains(from);
        write(bundled.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));

        assertThatThrownBy(() -> codes(new TemplateFiles(overrides.toString())).load())
                .as(what).isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining(overrides.resolve(BillingCodes.FILE).toString())
                .hasMessageContaining(message);
    }

    private void write(String text) throws IOException {
        Path file = overrides.resolve(BillingCodes.FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static String bundled() throws IOException {
        try (InputStream in = BillingCodesTest.class.getClassLoader().getResourceAsStream("templates/" + BillingCodes.FILE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
