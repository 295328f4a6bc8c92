package app.soapstone.printing;

import app.soapstone.support.Prerequisites;
import app.soapstone.support.SoapstoneTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The real print path: {@code plan print} and {@code plan export --print} through Java's print
 * service and CUPS to a cups-pdf virtual printer, and the printed copy read back from the folder
 * cups-pdf writes to. {@code src/build/setup-printer.sh} sets the printer up; the test finds it
 * through the variables that script documents, never through anyone's home folder:
 * {@code SOAPSTONE_TEST_PRINTER} (default SoapstonePDF) and {@code SOAPSTONE_TEST_PRINT_DIR}
 * (default /var/spool/cups-pdf/soapstone). Without them it is skipped, except in CI
 * ({@code CI=true}), where a missing printer fails the build: this test is the only proof that
 * printing works.
 */
@Tag(SoapstoneTest.POSTGRESQL)
class VirtualPrinterTest extends SoapstoneTest {

    private static final String PRINTER = setting("SOAPSTONE_TEST_PRINTER", "SoapstonePDF");
    private static final Path OUTPUT = Path.of(setting("SOAPSTONE_TEST_PRINT_DIR", "/var/spool/cups-pdf/soapstone"));
    /** cups-pdf writes a copy a few seconds after the job is queued. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    Printers printers;

    @TempDir
    Path out;

    private final List<Path> printed = new ArrayList<>();
    private Set<Path> before;

    @BeforeEach
    void needsTheVirtualPrinter() throws IOException {
        List<String> names = printers.list().stream().map(Printer::name).toList();
        String missing = !names.contains(PRINTER) ? "no printer " + PRINTER + " (printers: " + names + ")"
                : !Files.isDirectory(OUTPUT) ? "no folder " + OUTPUT + " for the printed copies"
                : null;
        Prerequisites.require(missing == null, "there is " + missing + "; run src/build/setup-printer.sh (see"
                + " SOAPSTONE_TEST_PRINTER and SOAPSTONE_TEST_PRINT_DIR)");
        before = pdfsIn(OUTPUT);
    }

    @AfterEach
    void removeThePrintedCopies() throws IOException {
        for (Path copy : printed) {
            Files.deleteIfExists(copy);
        }
    }

    @Test
    void planPrintPrintsTheClientsPlanWithItsTextAndRecordsThePrinter() throws Exception {
        String name = lastName();
        long client = practiceAndClient(name);

        String output = run("plan print --client " + client + " --printer " + PRINTER).expectOk();

        assertThat(output).contains("Sent the care plan to the printer " + PRINTER);
        try (PDDocument copy = Loader.loadPDF(awaitCopyNaming("Zoë " + name).toFile())) {
            assertThat(text(copy)).contains("For Zoë " + name).contains("Bondi Body Works");
            assertThat(Math.round(copy.getPage(0).getMediaBox().getWidth())).as("A4, as sent").isEqualTo(595);
        }
        assertThat(jdbc.sql("SELECT printer FROM care_plan_export WHERE client_id = ?").param(client)
                .query(String.class).single()).isEqualTo(PRINTER);
        assertThat(run("client show " + client).expectOk()).contains("Care plan, printed on " + PRINTER);
    }

    @Test
    void exportPrintWritesTheFileAndPrintsTheSamePlan() throws Exception {
        String name = lastName();
        long client = practiceAndClient(name);
        Path file = out.resolve("plan.pdf");

        run("plan export --client " + client + " --out " + file + " --paper letter --print --printer " + PRINTER)
                .expectOk();

        try (PDDocument written = Loader.loadPDF(file.toFile());
             PDDocument copy = Loader.loadPDF(awaitCopyNaming("Zoë " + name).toFile())) {
            assertThat(squash(text(copy))).isEqualTo(squash(text(written)));
            assertThat(copy.getNumberOfPages()).isEqualTo(written.getNumberOfPages());
            assertThat(Math.round(copy.getPage(0).getMediaBox().getWidth())).as("Letter, as sent").isEqualTo(612);
        }
    }

    @Test
    void printerListShowsTheVirtualPrinter() {
        assertThat(run("printer list").expectOk()).contains(PRINTER);
    }

    private long practiceAndClient(String lastName) {
        run("clinic set --name \"Bondi Body Works\" --address \"12 Beach Rd, Bondi NSW 2026\" --phone \"02 9130 1234\"")
                .expectOk();
        run("practitioner add --name \"Sam Jones\" --credentials RMT").expectOk();
        return Long.parseLong(run("client add --first-name Zoë --last-name " + lastName).expectOk());
    }

    /**
     * A last name no other copy in the shared output folder has (other builds may print there too),
     * with a letter outside Latin-1 so the printed text is checked beyond ASCII.
     */
    private static String lastName() {
        StringBuilder name = new StringBuilder("Łukasiewicz-");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        name.append((char) ('A' + random.nextInt(26)));
        for (int i = 0; i < 7; i++) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        return name.toString();
    }

    /**
     * Waits for a new PDF in the output folder whose text has {@code text}. A copy still being
     * written does not open yet; it is tried again on the next look.
     */
    private Path awaitCopyNaming(String text) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        List<String> seen = new ArrayList<>();
        while (Instant.now().isBefore(deadline)) {
            for (Path candidate : pdfsIn(OUTPUT)) {
                if (before.contains(candidate) || printed.contains(candidate)) {
                    continue;
                }
                String found;
                try (PDDocument document = Loader.loadPDF(candidate.toFile())) {
                    found = text(document);
                } catch (IOException stillBeingWritten) {
                    continue;
                }
                if (found.contains(text)) {
                    printed.add(candidate);
                    return candidate;
                }
                if (!seen.contains(candidate.toString())) {
                    seen.add(candidate.toString());
                }
            }
            Thread.sleep(250);
        }
        return fail("No printed copy with \"" + text + "\" appeared in " + OUTPUT + " within " + WAIT.toSeconds()
                + " s (new copies without it: " + seen + "). Check 'lpstat -o', /var/log/cups/error_log and that "
                + PRINTER + " was set up by src/build/setup-printer.sh (its copies keep their text only through"
                + " the pdftocairo renderer).");
    }

    private static Set<Path> pdfsIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".pdf")).collect(Collectors.toSet());
        }
    }

    private static String text(PDDocument document) throws IOException {
        return new PDFTextStripper().getText(document);
    }

    private static String squash(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static String setting(String variable, String fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : value;
    }
}
