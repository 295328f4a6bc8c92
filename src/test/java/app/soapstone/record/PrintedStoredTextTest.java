package app.soapstone.record;

import app.soapstone.support.RecordsTest;
import app.soapstone.support.SoapstoneTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Printouts show control characters and direction overrides stored by an older version, a
 * restored backup or another tool the way the terminal does ({@code \x1b}, {@code <U+202E>}): on
 * the page, where they would otherwise vanish or turn a name around, and in the document's title.
 */
@Tag(SoapstoneTest.POSTGRESQL)
class PrintedStoredTextTest extends RecordsTest {

    private static final Pattern RAW = Pattern.compile(
            "[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x9F\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069\\u2028\\u2029]");

    @TempDir
    Path temp;

    private long client;

    @BeforeEach
    void oddTextStoredUnderneath() {
        practitioner("Sam Jones");
        clinic();
        client = client("Ann", "Lee");
        signedSession(client, "Calves tight.", "Stretch twice a day.");
        // Bound as parameters, not made with SQL functions: SQLite's char() is PostgreSQL's chr().
        jdbc.sql("UPDATE client SET first_name = ?, last_name = ?, print_name = NULL, notes = ? WHERE id = ?")
                .params("Ann\u001b[2J", "Lee\u202eliveD", "bell\u0007", client).update();
        jdbc.sql("UPDATE clinic SET name = ?").param("Calm\rWaters").update();
    }

    @Test
    void theChartShowsThemVisiblyOnThePageAndInItsTitle() throws Exception {
        Path chart = temp.resolve("chart.pdf");

        run("chart export --client " + client + " --out " + chart).expectOk();

        try (PDDocument pdf = Loader.loadPDF(chart.toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Ann\\x1b[2J Lee<U+202E>liveD").contains("Calm\\rWaters")
                    .doesNotContainPattern(RAW);
            PDDocumentInformation info = pdf.getDocumentInformation();
            assertThat(info.getTitle()).contains("Ann\\x1b[2J Lee<U+202E>liveD").doesNotContainPattern(RAW);
            assertThat(info.getAuthor()).isEqualTo("Calm\\rWaters");
        }
    }

    @Test
    void theCarePlanShowsThemVisiblyToo() throws Exception {
        Path plan = temp.resolve("plan.pdf");

        run("plan export --client " + client + " --out " + plan).expectOk();

        try (PDDocument pdf = Loader.loadPDF(plan.toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Ann\\x1b[2J Lee<U+202E>liveD").doesNotContainPattern(RAW);
            assertThat(pdf.getDocumentInformation().getTitle()).contains("Ann\\x1b[2J Lee<U+202E>liveD")
                    .doesNotContainPattern(RAW);
        }
    }
}
