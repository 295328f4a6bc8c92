package app.soapstone.record;

import app.soapstone.shell.Failure;
import app.soapstone.support.RecordsTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code chart export}: the client's whole record as a PDF, read back with an independent reader
 * (PDFBox): details, every intake version, every note with its signature and addenda, and the
 * care plans given; owner-only, with an embedded Unicode font and document properties.
 */
class ChartExportTest extends RecordsTest {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @TempDir
    Path temp;

    @Test
    void theChartHoldsTheWholeRecord() throws Exception {
        practitioner("Sam Jones");
        clinic();
        long client = client("Анна", "Ковалёва");
        runWords("client", "edit", String.valueOf(client), "--dob", "1961-07-30", "--phone", "+61 412 345 678").expectOk();
        intake(client, "--allergies \"almond oil\" --occupation \"Nurse, night shifts\"");
        intake(client, "--allergies \"latex gloves\" --occupation \"Retired\"");
        long first = session(client, "--subjective", "Night cramps in the left calf, worst 7/10.",
                "--objective", "Left gastrocnemius tone raised.", "--assessment", "Nocturnal calf cramps, settling.",
                "--plan", "Calf stretches before bed.", "--date", TODAY.minusDays(7).toString(), "--time", "09:30",
                "--home-massage-minutes", "10");
        sign(first);
        long addendum = amend(first, "Client phoned: cramp free for three nights.");
        long second = signedSession(client, "Only one cramp this week.", "Review in two weeks.");
        long draft = session(client, "--subjective", "Draft note written today.");
        Path plan = temp.resolve("ковалёва-care-plan.pdf");
        run("plan export --client " + client + " --out " + plan).expectOk();
        Path chart = temp.resolve("chart.pdf");

        Result result = run("chart export --client " + client + " --out " + chart);

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        assertThat(result.output()).contains(chart.toString());
        if (posix()) {
            assertThat(permissions(chart)).isEqualTo("rw-------");
        }
        try (PDDocument pdf = Loader.loadPDF(chart.toFile())) {
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Clinical record - Анна Ковалёва");
            assertThat(pdf.getDocumentInformation().getAuthor()).isEqualTo("Calm Waters Massage");
            assertEmbeddedFonts(pdf);
            String text = flat(new PDFTextStripper().getText(pdf));

            assertThat(text).contains("Clinical record: Анна Ковалёва").contains("Calm Waters Massage")
                    .contains("1961-07-30").contains("+61 412 345 678");
            assertThat(text).contains("Intake version 1").contains("almond oil").contains("Nurse, night shifts")
                    .contains("Intake version 2").contains("latex gloves").contains("Retired");
            assertThat(text.indexOf("Intake version 1")).isLessThan(text.indexOf("almond oil"));
            assertThat(text.indexOf("Intake version 2")).isLessThan(text.indexOf("latex gloves"))
                    .isGreaterThan(text.indexOf("almond oil"));

            assertThat(text).contains("Session " + first).contains("Night cramps in the left calf, worst 7/10.")
                    .contains("Left gastrocnemius tone raised.").contains("Nocturnal calf cramps, settling.")
                    .contains("Calf stretches before bed.").contains("Home self-massage: 10 minutes a day")
                    .contains("Signed by Sam Jones, RMT on " + local(signedAt(first)))
                    .contains("Client phoned: cramp free for three nights.")
                    .contains("Addendum 1, " + local(writtenAt(addendum)));
            assertThat(text.indexOf("Client phoned")).as("the addendum follows its note's signature")
                    .isGreaterThan(text.indexOf("Signed by Sam Jones, RMT on " + local(signedAt(first))));
            assertThat(text).contains("Session " + second).contains("Only one cramp this week.")
                    .contains("Review in two weeks.").contains("Signed by Sam Jones, RMT on " + local(signedAt(second)));
            assertThat(text).contains("Session " + draft).contains("Draft note written today.").contains("DRAFT");

            Map<String, Object> export = jdbc.sql("SELECT * FROM care_plan_export WHERE client_id = ?").param(client)
                    .query().singleRow();
            assertThat(text).contains("Care plans given").contains((String) export.get("file_name"))
                    .contains("SHA-256 " + export.get("sha256"))
                    .contains(local(Instant.parse((String) export.get("exported_at"))));
        }
    }

    @Test
    void aClientWithNoRecordsYetGetsAChartSayingSo() throws Exception {
        practitioner("Sam Jones");
        long client = client("Zoë", "Łukasiewicz");
        Path chart = temp.resolve("chart.pdf");

        run("chart export --client " + client + " --out " + chart).expectOk();

        try (PDDocument pdf = Loader.loadPDF(chart.toFile())) {
            String text = flat(new PDFTextStripper().getText(pdf));
            assertThat(text).contains("Clinical record: Zoë Łukasiewicz").contains("No intake recorded.")
                    .contains("No sessions recorded.").contains("Care plans given None.");
            assertThat(pdf.getDocumentInformation().getAuthor()).as("no clinic set yet").isEqualTo("Soapstone");
        }
    }

    @Test
    void anExistingFileIsReplacedOnlyWithForce() throws Exception {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        Path chart = Files.writeString(temp.resolve("chart.pdf"), "an older chart");

        Result refused = run("chart export --client " + client + " --out " + chart);

        assertThat(refused.status()).isEqualTo(Failure.CONFLICT);
        assertThat(refused.error()).contains(chart.toString()).contains("--force");
        assertThat(Files.readString(chart)).isEqualTo("an older chart");

        Result forced = run("chart export --client " + client + " --out " + chart + " --force");

        assertThat(forced.status()).as(forced.error()).isEqualTo(Failure.OK);
        try (PDDocument pdf = Loader.loadPDF(chart.toFile())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Clinical record: Ann Lee");
        }
        if (posix()) {
            assertThat(permissions(chart)).isEqualTo("rw-------");
        }
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void anUnknownClientIsNotFoundAndNothingIsWritten() throws Exception {
        Path chart = temp.resolve("chart.pdf");

        Result result = run("chart export --client 999999 --out " + chart);

        assertThat(result.status()).isEqualTo(Failure.NOT_FOUND);
        assertThat(result.error()).contains("999999");
        assertThat(chart).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aMissingFolderIsAUsageError() {
        long client = client("Ann", "Lee");
        Path chart = temp.resolve("nowhere").resolve("chart.pdf");

        Result result = run("chart export --client " + client + " --out " + chart);

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(chart.getParent()).doesNotExist();
    }

    // ---------------------------------------------------------------- helpers

    /** Every font on every page is embedded, so the chart prints the same anywhere. */
    private static void assertEmbeddedFonts(PDDocument pdf) throws IOException {
        List<String> fonts = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                var font = resources.getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                fonts.add(font.getName());
            }
        }
        assertThat(fonts).isNotEmpty();
    }

    private Instant signedAt(long session) {
        return Instant.parse(jdbc.sql("SELECT signed_at FROM session WHERE id = ?").param(session).query(String.class).single());
    }

    private Instant writtenAt(long addendum) {
        return Instant.parse(jdbc.sql("SELECT written_at FROM addendum WHERE id = ?").param(addendum).query(String.class)
                .single());
    }

    private static String local(Instant instant) {
        return WHEN.format(instant.atZone(ZoneId.systemDefault()));
    }

    /** The text with every run of white space (line breaks of wrapped lines included) as one space. */
    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private List<Path> leftovers() throws IOException {
        try (var files = Files.list(temp)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".")).toList();
        }
    }
}
