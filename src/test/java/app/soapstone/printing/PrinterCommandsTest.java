package app.soapstone.printing;

import app.soapstone.support.SoapstoneTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code printer list} through the real command layer, on stand-in printers. */
@Import(FakePrinters.class)
@Tag(SoapstoneTest.POSTGRESQL)
class PrinterCommandsTest extends SoapstoneTest {

    @Autowired
    FakePrintServices printers;

    @BeforeEach
    void noPrinters() {
        printers.clear();
    }

    @Test
    void theListIsATableWithTheDefaultMarkedAndEachPrintersState() {
        printers.add("Front desk");
        printers.add("Office").notAccepting();
        printers.makeDefault("Front desk");

        assertThat(run("printer list").expectOk().lines().map(String::stripTrailing)).containsExactly(
                "Name        Default  State",
                "──────────  ───────  ──────────────────",
                "Front desk  default  accepting jobs",
                "Office               not accepting jobs");
    }

    @Test
    void withoutADefaultTheListSaysHowToPrintAnyway() {
        printers.add("Office");
        printers.noDefault();

        assertThat(run("printer list").expectOk()).contains("Office")
                .endsWith("No default printer: give --printer NAME when printing, or set one with 'lpoptions -d NAME'.");
    }

    @Test
    void noPrintersIsSaidInsteadOfAnEmptyTable() {
        assertThat(run("printer list").expectOk()).isEqualTo("No printers: none that take PDF documents were found."
                + " Add one in the system's printer settings (CUPS: 'lpadmin', or http://localhost:631).");
    }
}
