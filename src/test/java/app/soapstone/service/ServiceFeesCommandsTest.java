package app.soapstone.service;

import app.soapstone.shell.Failure;
import app.soapstone.support.SoapstoneTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A service's price and tax ({@code service add|edit --price --tax-rate --tax-name}) through the real command layer. */
@Tag(SoapstoneTest.POSTGRESQL)
class ServiceFeesCommandsTest extends SoapstoneTest {

    @BeforeEach
    void clinic() {
        run("clinic set --name Bodyworks --address \"1 Main St\" --phone \"02 9130 1234\"").expectOk();
    }

    @Test
    void aPriceNeedsTheClinicsCurrency() {
        Result result = run("service add --name Remedial --minutes 60 --price 120");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).startsWith("--price: ").contains("clinic set --currency").doesNotContain("\n");
        assertThat(count()).isZero();
        assertThat(run("service add --name Remedial --minutes 60").expectOk()).as("no price: no currency needed")
                .startsWith("Added service 1: Remedial (60 min).");
    }

    @Test
    void pricesAndTaxAreStoredExactlyListedAndAudited() {
        run("clinic set --currency CAD").expectOk();
        assertThat(run("service add --name Remedial --minutes 60 --price 120.1 --tax-rate 13 --tax-name HST")
                .expectOk()).startsWith("Added service 1: Remedial (60 min) at CAD 120.10 + HST 13%.");
        run("service add --name \"Hot stone\" --minutes 90").expectOk();

        assertThat(stored(1)).containsEntry("price_minor", 12010L).containsEntry("price_currency", "CAD")
                .containsEntry("tax_rate", "13").containsEntry("tax_name", "HST");
        assertThat(run("service list").expectOk()).containsPattern("ID +Name +Minutes +Price +Tax")
                .containsPattern("1 +Remedial +60 +CAD 120.10 +HST 13%").containsPattern("2 +Hot stone +90$");

        run("service edit 1 --price 99.99 --tax-rate 8.875").expectOk();
        assertThat(stored(1)).containsEntry("price_minor", 9999L).containsEntry("tax_rate", "8.875")
                .containsEntry("tax_name", "HST");
        assertThat(run("audit list").expectOk()).contains("Added service 1: Remedial (60 min) at CAD 120.10 + HST 13%")
                .contains("from Remedial (60 min) at CAD 120.10 + HST 13% to Remedial (60 min) at CAD 99.99 + HST 8.875%");
    }

    @Test
    void taxAndPriceAreCleared() {
        run("clinic set --currency AUD").expectOk();
        run("service add --name Remedial --minutes 60 --price 120 --tax-rate 10 --tax-name GST").expectOk();

        assertThat(run("service edit 1 --tax-rate 0").expectOk()).startsWith("Changed service 1: Remedial (60 min) at"
                + " AUD 120.00.");
        assertThat(stored(1)).containsEntry("tax_rate", null).containsEntry("tax_name", null)
                .containsEntry("price_minor", 12000L);
        run("service edit 1 --tax-rate 10 --tax-name GST").expectOk();
        run("service edit 1 --tax-rate ''").expectOk();
        assertThat(stored(1)).containsEntry("tax_rate", null);
        run("service edit 1 --tax-rate 10 --tax-name GST").expectOk();
        assertThat(run("service edit 1 --price ''").expectOk()).startsWith("Changed service 1: Remedial (60 min).");
        assertThat(stored(1)).containsEntry("price_minor", null).containsEntry("price_currency", null)
                .containsEntry("tax_rate", null).containsEntry("tax_name", null);
        assertThat(run("service list").expectOk()).doesNotContain("Price");
    }

    @Test
    void badFeesAreRefusedInOneLineNamingTheOptionAndNothingIsStored() {
        run("clinic set --currency JPY").expectOk();
        run("service add --name Remedial --minutes 60 --price 12000").expectOk();
        Map<String, String> refused = Map.of(
                "service add --name X --minutes 60 --price 120.5", "--price: 120.5 has more decimals than JPY has (0)",
                "service add --name X --minutes 60 --price -5", "--price: ",
                "service add --name X --minutes 60 --price 1,200", "--price: ",
                "service add --name X --minutes 60 --price 2000000", "--price: 2000000 is more than JPY 1000000",
                "service add --name X --minutes 60 --price 100 --tax-rate 13", "--tax-name: is required with --tax-rate",
                "service add --name X --minutes 60 --tax-rate 13 --tax-name HST", "--tax-rate: tax is charged on a price",
                "service add --name X --minutes 60 --price 100 --tax-rate 101 --tax-name HST", "--tax-rate: ",
                "service add --name X --minutes 60 --price 100 --tax-rate 1.2345 --tax-name HST", "--tax-rate: ",
                "service edit 1 --tax-name HST", "--tax-name: goes with a tax rate",
                "service edit 1 --price 1.5", "--price: 1.5 has more decimals");
        refused.forEach((line, error) -> {
            Result result = run(line);
            assertThat(result.status()).as(line).isEqualTo(Failure.USAGE);
            assertThat(result.error()).as(line).startsWith(error).doesNotContain("\n");
        });
        assertThat(count()).isEqualTo(1);
        assertThat(stored(1)).containsEntry("price_minor", 12000L).containsEntry("tax_rate", null);
        assertThat(run("service list").expectOk()).containsPattern("1 +Remedial +60 +JPY 12000");
    }

    @Test
    void theCurrencyStaysWhileOfferedServicesHavePricesInIt() {
        run("clinic set --currency AUD").expectOk();
        run("service add --name Remedial --minutes 60 --price 120").expectOk();
        run("service add --name Cupping --minutes 30 --price 60").expectOk();

        for (String line : List.of("clinic set --currency NZD", "clinic set --currency ''")) {
            Result result = run(line);
            assertThat(result.ok()).as(line).isFalse();
            assertThat(result.error()).as(line).startsWith("--currency: services 1, 2 still have prices in the clinic's"
                    + " currency");
        }
        run("clinic set --currency aud").expectOk();
        run("service retire 2").expectOk();
        run("service edit 1 --price ''").expectOk();
        run("clinic set --currency NZD").expectOk();
        assertThat(run("service edit 1 --price 130").expectOk()).contains("at NZD 130.00");
    }

    @Test
    void aServiceIsBilledUnderTheClinicsProcedureCodes() {
        assertThat(run("service add --name Remedial --minutes 60 --codes \"97124, 97140\"").expectOk())
                .startsWith("Added service 1: Remedial (60 min), billed as 97124, 97140.");
        run("service add --name \"Hot stone\" --minutes 90").expectOk();
        assertThat(codes(1)).isEqualTo("97124,97140");
        assertThat(run("service list").expectOk()).containsPattern("ID +Name +Minutes +Codes")
                .containsPattern("1 +Remedial +60 +97124, 97140").containsPattern("2 +Hot stone +90$");

        Result unknown = run("service edit 1 --codes 97124,99999");
        assertThat(unknown.status()).isEqualTo(Failure.USAGE);
        assertThat(unknown.error()).startsWith("--codes: '99999' is not one of the clinic's procedure codes: use 97124,")
                .contains("(see billing codes)").doesNotContain("\n");
        assertThat(run("service edit 1 --codes 97140,97140").error()).isEqualTo("--codes: 97140 is given twice");
        assertThat(codes(1)).as("nothing changed by a refused edit").isEqualTo("97124,97140");

        assertThat(run("service edit 1 --codes 97140").expectOk()).startsWith("Changed service 1: Remedial (60 min),"
                + " billed as 97140.");
        assertThat(run("audit list").expectOk()).contains("from Remedial (60 min), billed as 97124, 97140 to Remedial"
                + " (60 min), billed as 97140");
        run("service edit 1 --codes ''").expectOk();
        assertThat(codes(1)).isNull();
        assertThat(run("service list").expectOk()).doesNotContain("Codes");
    }

    private String codes(long id) {
        return (String) jdbc.sql("SELECT billing_codes FROM service WHERE id = " + id).query().singleRow()
                .get("billing_codes");
    }

    private Map<String, Object> stored(long id) {
        Map<String, Object> row = jdbc.sql("SELECT price_minor, price_currency, tax_rate, tax_name FROM service WHERE id = "
                + id).query().singleRow();
        // Both databases give the integer as a Long here, whatever width they read it in.
        row.computeIfPresent("price_minor", (column, value) -> ((Number) value).longValue());
        return row;
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM service").query(Long.class).single();
    }
}
