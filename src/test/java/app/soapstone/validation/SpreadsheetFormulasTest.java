package app.soapstone.validation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetFormulasTest {

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
            =HYPERLINK("http://x") => '=HYPERLINK("http://x")
            +cmd|' /C calc'!A0 => '+cmd|' /C calc'!A0
            -2+3 => '-2+3
            @SUM(1+1) => '@SUM(1+1)
            +61 412 345 678 => '+61 412 345 678
            - => '-
            '=already quoted => ''=already quoted
            ''+twice => '''+twice
            'Ann' => 'Ann'
            O'Brien => O'Brien
            a=b => a=b
            """)
    void theExportQuotesWhatStartsLikeAFormula(String stored, String exported) {
        assertThat(SpreadsheetFormulas.neutralised(stored)).isEqualTo(exported);
    }

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+61 412 345 678", "-", "@home", "\tTabbed", "\rReturn", "'=x", "''@y", "'Ann'",
            "'", "''", "Ann", "", "- see GP\n- rest", "'\t"})
    void whatWasExportedImportsExactly(String stored) {
        assertThat(SpreadsheetFormulas.restored(SpreadsheetFormulas.neutralised(stored))).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"=", "+", "-", "@", "\t", "\r"})
    void theCharactersAFormulaStartsWith(String start) {
        assertThat(SpreadsheetFormulas.startsLikeFormula(start + "x")).isTrue();
        assertThat(SpreadsheetFormulas.startsLikeFormula("x" + start)).isFalse();
    }
}
