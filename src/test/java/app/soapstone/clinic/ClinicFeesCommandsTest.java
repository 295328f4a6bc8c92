package app.soapstone.clinic;

import app.soapstone.shell.Failure;
import app.soapstone.support.SoapstoneTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The clinic's currency and tax number ({@code clinic set --currency|--tax-number}) through the real command layer. */
@Tag(SoapstoneTest.POSTGRESQL)
class ClinicFeesCommandsTest extends SoapstoneTest {

    @BeforeEach
    void clinic() {
        run("clinic set --name Bodyworks --address \"1 Main St\" --phone \"02 9130 1234\"").expectOk();
    }

    @Test
    void currencyIsSetShownAndCleared() {
        assertThat(run("clinic show").expectOk()).containsPattern("Currency: +not set \\(needed for prices: clinic set"
                + " --currency\\)");
        run("clinic set --currency aud").expectOk();

        assertThat(stored("currency")).isEqualTo("AUD");
        assertThat(run("clinic show").expectOk()).containsPattern("Currency: +AUD");
        run("clinic set --currency ''").expectOk();
        assertThat(stored("currency")).isNull();
    }

    @Test
    void anUnknownCurrencyIsRefusedInOneLineAndNothingChanges() {
        run("clinic set --currency CAD").expectOk();
        for (String typed : new String[] {"XYZ", "dollars", "XAU"}) {
            Result result = run("clinic set --currency " + typed);
            assertThat(result.status()).as(typed).isEqualTo(Failure.USAGE);
            assertThat(result.error()).as(typed).startsWith("--currency: ").contains("ISO 4217").doesNotContain("\n");
        }
        assertThat(stored("currency")).isEqualTo("CAD");
    }

    @Test
    void taxNumbersOfTheClinicAndOfAPractitionerAreKeptAndShown() {
        run("clinic set --tax-number \"123456789 RT0001\"").expectOk();
        assertThat(stored("tax_number")).isEqualTo("123456789 RT0001");
        assertThat(run("clinic show").expectOk()).containsPattern("Tax number: +123456789 RT0001");

        String id = run("practitioner add --name \"Alex Chen\" --credentials RMT --registration-number R1234"
                + " --tax-number \"ABN 51 824 753 556\"").expectOk();
        assertThat(jdbc.sql("SELECT tax_number FROM practitioner WHERE id = " + id).query(String.class).single())
                .isEqualTo("ABN 51 824 753 556");
        assertThat(run("practitioner list").expectOk()).contains("R1234").contains("ABN 51 824 753 556");
        run("practitioner edit " + id + " --tax-number 987654321 --registration-number R9").expectOk();
        assertThat(run("practitioner list").expectOk()).contains("987654321").contains("R9")
                .doesNotContain("ABN 51");
        run("practitioner edit " + id + " --tax-number ''").expectOk();
        assertThat(column("SELECT tax_number FROM practitioner WHERE id = " + id)).isNull();

        run("clinic set --tax-number ''").expectOk();
        assertThat(stored("tax_number")).isNull();
        Result twoLines = run("clinic set --tax-number \"1\n2\"");
        assertThat(twoLines.error()).startsWith("--tax-number: ");
    }

    private String stored(String column) {
        return column("SELECT " + column + " FROM clinic");
    }

    private String column(String query) {
        return jdbc.sql(query).query((row, number) -> row.getString(1)).list().getFirst();
    }
}
