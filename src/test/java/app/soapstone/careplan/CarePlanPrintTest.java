package app.soapstone.careplan;

import app.soapstone.printing.FakePrintServices;
import app.soapstone.printing.FakePrintServices.FakePrinter;
import app.soapstone.printing.FakePrinters;
import app.soapstone.shell.Failure;
import app.soapstone.support.SoapstoneTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import javax.print.DocFlavor;
import javax.print.attribute.standard.MediaSizeName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@code plan print} and {@code plan export --print} through the real command layer, on stand-in
 * printers: the PDF the printer gets, the printed copy recorded with its printer (client show, the
 * chart's list, the audit trail), and each refusal with its exit status, leaving no record and no
 * file. The real printer is in {@code printing.VirtualPrinterTest}.
 */
@Import(FakePrinters.class)
@Tag(SoapstoneTest.POSTGRESQL)
class CarePlanPrintTest extends SoapstoneTest {

    @Autowired
    FakePrintServices printers;

    @TempDir
    Path out;

    private FakePrinter office;
    private FakePrinter front;
    private long client;

    @BeforeEach
    void practiceWithTwoPrinters() {
        printers.clear();
        office = printers.add("Office");
        front = printers.add("Front desk");
        run("clinic set --name \"Bondi Body Works\" --address \"12 Beach Rd, Bondi NSW 2026\" --phone \"02 9130 1234\"")
                .expectOk();
        run("practitioner add --name \"Sam Jones\" --credentials RMT").expectOk();
        client = Long.parseLong(runWords("client", "add", "--first-name", "Zoë", "--last-name", "Łukasiewicz")
                .expectOk());
    }

    @Test
    void planPrintSendsThePdfToTheDefaultPrinterAndRecordsThePrintedCopy() throws Exception {
        Result result = plan("print", "--large-print");

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        FakePrintServices.Job job = single(office);
        assertThat(front.jobs()).isEmpty();
        assertThat(job.flavor()).isEqualTo(DocFlavor.INPUT_STREAM.PDF);
        assertThat(job.paper()).isEqualTo(MediaSizeName.ISO_A4);
        assertThat(text(job.bytes())).contains("For Zoë Łukasiewicz");
        assertThat(job.name()).as("the queue shows the client's id, not their name")
                .isEqualTo("care-plan-client-" + client + "-" + LocalDate.now());
        String sha256 = sha256(job.bytes());
        assertThat(result.output()).contains("Sent the care plan to the printer Office").contains(sha256);

        Map<String, Object> row = jdbc.sql("SELECT * FROM care_plan_export").query().singleRow();
        // Ids are ints on SQLite and longs on PostgreSQL, the flag 0/1 or a boolean: each read as the same type.
        assertThat(((Number) row.get("client_id")).longValue()).isEqualTo(client);
        assertThat(row).containsEntry("printer", "Office")
                .containsEntry("file_name", CarePlanExport.PRINTED_ONLY).containsEntry("sha256", sha256);
        assertThat(jdbc.sql("SELECT large_print FROM care_plan_export").query(Boolean.class).single()).isTrue();
        assertThat(audit()).containsExactly("print: Printed care plan on Office (SHA-256 " + sha256 + ")");
        assertThat(run("client show " + client).expectOk())
                .contains("Care plan, large print, printed on Office  (SHA-256 " + sha256.substring(0, 12))
                .doesNotContain(CarePlanExport.PRINTED_ONLY);
        assertThat(carePlans().exports(client)).singleElement()
                .satisfies(e -> assertThat(e.what()).isEqualTo("Care plan, large print, printed on Office"));
        assertThat(Files.list(out)).as("no file is written").isEmpty();
    }

    @Test
    void planPrintTakesThePrinterAndThePlanOptions() throws Exception {
        plan("print", "--printer", "Front desk", "--paper", "letter", "--stretches", "soleus-wall").expectOk();

        assertThat(office.jobs()).isEmpty();
        assertThat(single(front).paper()).isEqualTo(MediaSizeName.NA_LETTER);
        try (PDDocument document = Loader.loadPDF(single(front).bytes())) {
            assertThat(Math.round(document.getPage(0).getMediaBox().getWidth())).as("Letter").isEqualTo(612);
        }
        assertThat(jdbc.sql("SELECT printer || ' ' || paper FROM care_plan_export").query(String.class).single())
                .isEqualTo("Front desk letter");
    }

    @Test
    void exportPrintWritesTheFileAndPrintsTheSameBytes() throws Exception {
        Path file = out.resolve("plan.pdf");

        Result result = plan("export", "--out", file.toString(), "--print");

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        byte[] written = Files.readAllBytes(file);
        assertThat(single(office).bytes()).isEqualTo(written);
        String sha256 = sha256(written);
        assertThat(result.output()).contains("Wrote " + file).contains("Sent it to the printer Office");
        Map<String, Object> row = jdbc.sql("SELECT * FROM care_plan_export").query().singleRow();
        assertThat(row).containsEntry("file_name", file.toString()).containsEntry("printer", "Office")
                .containsEntry("sha256", sha256);
        assertThat(audit()).containsExactly("export: Exported care plan plan.pdf (SHA-256 " + sha256 + ")",
                "print: Printed care plan on Office (SHA-256 " + sha256 + ")");
        assertThat(run("client show " + client).expectOk()).contains("Care plan, printed on Office  " + file);
    }

    @Test
    void exportWithAPrinterNamedPrintsThere() throws Exception {
        plan("export", "--out", out.toString(), "--printer", "Front desk").expectOk();

        assertThat(single(front).bytes()).isEqualTo(Files.readAllBytes(onlyFile()));
        assertThat(office.jobs()).isEmpty();
    }

    @Test
    void exportWithoutPrintPrintsNothing() throws Exception {
        plan("export", "--out", out.toString()).expectOk();

        assertThat(office.jobs()).isEmpty();
        assertThat(jdbc.sql("SELECT printer IS NULL FROM care_plan_export").query(Boolean.class).single()).isTrue();
        assertThat(run("client show " + client).expectOk()).contains("Care plan  " + onlyFile());
    }

    @Test
    void theSeeADoctorSheetIsPrintedInsteadWhileAnUrgentReferralWaits() {
        run("intake new --client " + client + " --date " + LocalDate.now() + " --cramp-frequency 4 --cramp-sites"
                + " calf-left --cramp-severity 6 --red-flags one-sided-calf-swelling --consent-date " + LocalDate.now()
                + " --consent-by client --consent-explained all").expectOk();

        Result result = plan("print");

        assertThat(result.output()).contains("Sent the see-a-doctor sheet to the printer Office");
        assertThat(single(office).name()).isEqualTo("see-a-doctor-client-" + client + "-" + LocalDate.now());
        assertThat(audit()).singleElement().asString().startsWith("print: Printed see-a-doctor sheet on Office");
        assertThat(carePlans().exports(client).getFirst().what()).isEqualTo("See-a-doctor sheet, printed on Office");
    }

    @Test
    void theDatabaseKeepsTheNoFileNameForPrintedCopies() {
        String refused = ON_POSTGRES ? "violates check constraint \"care_plan_export_check\"" : "CHECK constraint failed";
        String insert = "INSERT INTO care_plan_export (client_id, exported_at, file_name, sha256, paper, printer)"
                + " VALUES (?, '2026-11-29T10:00:00Z', ?, '" + "a".repeat(64) + "', 'a4', ?)";

        assertThat(catchThrowable(() -> jdbc.sql(insert).params(client, CarePlanExport.PRINTED_ONLY, null).update()))
                .as("printed only, but on no printer").hasMessageContaining(refused);
        assertThat(catchThrowable(() -> jdbc.sql(insert).params(client, "/plans/a.pdf", "").update()))
                .as("an empty printer name").hasMessageContaining(refused);
        jdbc.sql(insert).params(client, "/plans/a.pdf", null).update();
        jdbc.sql(insert).params(client, CarePlanExport.PRINTED_ONLY, "Office").update();
    }

    // ---------------------------------------------------------------- refusals: one line, a status, nothing kept

    @Test
    void noPrinterAtAllIsStatus5AndNothingIsRecordedOrWritten() throws Exception {
        printers.clear();

        for (Result result : List.of(plan("print"), plan("export", "--out", out.toString(), "--print"))) {
            assertThat(result.status()).isEqualTo(Failure.UNAVAILABLE).isEqualTo(5);
            assertThat(result.error()).startsWith("No printers: none that take PDF documents were found.")
                    .contains("'printer list'").doesNotContain("\n");
        }
        assertNothingKept();
    }

    @Test
    void noDefaultPrinterAndNoPrinterOptionIsStatus5NamingWhatToSet() throws Exception {
        printers.noDefault();

        Result result = plan("print");

        assertThat(result.status()).isEqualTo(5);
        assertThat(result.error()).isEqualTo("No default printer: give --printer NAME (printers: Office, Front desk;"
                + " see 'printer list'), or set a default with 'lpoptions -d NAME'.");
        assertNothingKept();
    }

    @Test
    void anUnknownPrinterIsStatus2NamingThePrinters() throws Exception {
        for (Result result : List.of(plan("print", "--printer", "Back room"),
                plan("export", "--out", out.toString(), "--printer", "Back room"))) {
            assertThat(result.status()).isEqualTo(Failure.USAGE);
            assertThat(result.error()).isEqualTo(
                    "--printer: no printer called 'Back room' (printers: Office, Front desk; see 'printer list')");
        }
        assertNothingKept();
    }

    @Test
    void aJobThePrinterRefusesIsStatus5WithItsReasonAndNothingIsRecordedOrWritten() throws Exception {
        office.refusing("error=1 running: '/usr/bin/lpr' '-POffice' '/tmp/javaprint'\n"
                + "\t\tlpr: Destination \"Office\" is not accepting jobs.");

        for (Result result : List.of(plan("print"), plan("export", "--out", out.toString(), "--print"))) {
            assertThat(result.status()).isEqualTo(5);
            assertThat(result.error())
                    .isEqualTo("The printer Office refused the job: lpr: Destination \"Office\" is not accepting jobs.");
        }
        assertNothingKept();
    }

    // ---------------------------------------------------------------- helpers

    private Result plan(String verb, String... options) {
        List<String> words = new ArrayList<>(List.of("plan", verb, "--client", String.valueOf(client)));
        words.addAll(List.of(options));
        return runWords(words.toArray(String[]::new));
    }

    private void assertNothingKept() throws Exception {
        assertThat(jdbc.sql("SELECT count(*) FROM care_plan_export").query(Integer.class).single()).isZero();
        assertThat(audit()).isEmpty();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).as("files in " + out).isEmpty();
        }
        assertThat(office.jobs()).isEmpty();
        assertThat(front.jobs()).isEmpty();
    }

    /** The care-plan events of the audit trail, as "action: summary". */
    private List<String> audit() {
        return jdbc.sql("SELECT action || ': ' || summary FROM audit_event WHERE record_type = 'care-plan' ORDER BY id")
                .query(String.class).list();
    }

    @Autowired
    private CarePlanService carePlanService;

    private CarePlanService carePlans() {
        return carePlanService;
    }

    private Path onlyFile() throws Exception {
        try (Stream<Path> files = Files.list(out)) {
            List<Path> all = files.toList();
            assertThat(all).hasSize(1);
            return all.getFirst();
        }
    }

    private static FakePrintServices.Job single(FakePrinter printer) {
        assertThat(printer.jobs()).as("jobs sent to " + printer.getName()).hasSize(1);
        return printer.jobs().getFirst();
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
