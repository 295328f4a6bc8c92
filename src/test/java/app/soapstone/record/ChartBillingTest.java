package app.soapstone.record;

import app.soapstone.pdf.PdfPages;
import app.soapstone.support.RecordsTest;
import app.soapstone.support.SoapstoneTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart's billing section, read back from the PDF: the client's receipts summed up and a row
 * each (a void with its reason), then every payment, refund and move on them; for a period, the
 * receipts for visits in it.
 */
@Tag(SoapstoneTest.POSTGRESQL)
class ChartBillingTest extends RecordsTest {

    /** A number of minutes past the hour, in the clinic's zone: when a payment was recorded. */
    private static final String WHEN = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d";

    @TempDir
    Path temp;

    private long ann;
    private long[] march;

    /** Ann's receipts: March's voided and issued again (payments moved over, one refunded), April's unpaid. */
    @BeforeEach
    void annsReceipts() {
        clinic();
        run("clinic set --currency CAD --time-zone America/Toronto").expectOk();
        long alex = practitioner("Alex Chen");
        ann = client("Ann", "Lee");
        run("service add --name \"Remedial massage 60 min\" --minutes 60 --price 120.00 --tax-rate 13 --tax-name HST")
                .expectOk();
        long first = session(ann, "--date", "2026-03-02", "--time", "10:00", "--practitioner", String.valueOf(alex),
                "--subjective", "Calves tight");
        long second = session(ann, "--date", "2026-04-06", "--time", "10:00", "--practitioner", String.valueOf(alex),
                "--subjective", "Better");
        march = voidedAndReplacedReceipt(first, 1);
        run("receipt issue --session " + second + " --service 1 --paid 0").expectOk();
    }

    @Test
    void theChartListsTheReceiptsAndEveryPayment() throws IOException {
        String text = chart(ann, "");

        assertThat(text).contains("Billing 3 receipts, 1 of them void: CAD 271.20 charged, CAD 75.00 paid,"
                + " CAD 196.20 owing. Times in America/Toronto.");
        String receipts = text.substring(text.indexOf("Receipt Visit Service Total Paid Owing"),
                text.indexOf("Payments and refunds"));
        assertThat(receipts).containsSubsequence(
                march[0] + " 2026-03-02 Remedial massage 60 min CAD 135.60 CAD 0.00 VOID: Wrong service",
                march[1] + " 2026-03-02 Remedial massage 60 min CAD 135.60 CAD 75.00 CAD 60.60",
                (march[1] + 1) + " 2026-04-06 Remedial massage 60 min CAD 135.60 CAD 0.00 CAD 135.60");
        String payments = text.substring(text.indexOf("Receipt Date and time What Method Amount Payer or note"),
                text.indexOf("Intake and screening"));
        assertThat(payments)
                .containsPattern(march[0] + " " + WHEN + " payment card CAD 50.00 ")
                .containsPattern(march[0] + " " + WHEN + " payment insurance CAD 20.00 Sun Life")
                .containsPattern(march[0] + " " + WHEN + " moved-out insurance CAD 20.00 moved to receipt " + march[1])
                .containsPattern(march[1] + " " + WHEN + " moved-in card CAD 50.00 moved from receipt " + march[0])
                .containsPattern(march[1] + " " + WHEN + " payment cash CAD 10.00 ")
                .containsPattern(march[1] + " " + WHEN + " refund cash CAD 5.00 Parking refunded");
        assertThat(text).contains("the receipts with what was paid on them");
    }

    @Test
    void aPeriodTakesTheReceiptsForItsVisits() throws IOException {
        String april = chart(ann, "--from 2026-04-01");

        assertThat(april).contains("Billing 1 receipt: CAD 135.60 charged, CAD 0.00 paid, CAD 135.60 owing.")
                .contains("2026-04-06 Remedial massage 60 min").doesNotContain("VOID").doesNotContain("2026-03-02")
                .doesNotContain("Payments and refunds")
                .contains("the receipts for visits in it with all their payments");
        assertThat(chart(ann, "--to 2026-02-28")).contains("Billing No receipts for visits in this period.");
        assertThat(chart(client("Ben", "Ng"), "")).contains("Billing No receipts issued. Intake and screening");
    }

    /** The chart's text, white space flattened, with {@code options}. */
    private String chart(long client, String options) throws IOException {
        Path file = temp.resolve("chart-" + System.nanoTime() + ".pdf");
        run("chart export --client " + client + " --out " + file + " " + options).expectOk();
        return PdfPages.read(Files.readAllBytes(file)).text().replaceAll("\\s+", " ");
    }
}
