package app.soapstone.receipt;

import app.soapstone.pdf.Paper;
import app.soapstone.pdf.PdfPages;
import app.soapstone.printing.FakePrintServices;
import app.soapstone.printing.FakePrintServices.FakePrinter;
import app.soapstone.printing.FakePrinters;
import app.soapstone.shell.Failure;
import app.soapstone.support.SoapstoneTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code receipt reprint} and the PDF of {@code receipt issue} through the real command layer, on
 * stand-in printers: the file written (owner-only, refused over an existing one without --force),
 * DUPLICATE and the reprint's date on reprints only, VOID on a void receipt's copy, the paper, the
 * printer, the audit trail, and the refusals.
 */
@Import(FakePrinters.class)
@Tag(SoapstoneTest.POSTGRESQL)
class ReceiptReprintCommandsTest extends SoapstoneTest {

    private static final String TODAY_PRINTED = ReceiptPdf.DATE.format(TODAY);

    @Autowired
    FakePrintServices printers;

    @TempDir
    Path out;

    private FakePrinter office;
    private long client;
    private long session;

    @BeforeEach
    void clinicWithAPaidVisit() {
        printers.clear();
        office = printers.add("Office");
        run("clinic set --name \"Bloor Street Massage\" --address \"410 Bloor St W, Toronto ON\" --phone \"416 555 0142\""
                + " --currency CAD --tax-number \"81234 5678 RT0001\"").expectOk();
        long sam = Long.parseLong(run("practitioner add --name \"Sam Jones\" --credentials RMT --registration-number A1234")
                .expectOk());
        run("service add --name \"Remedial massage 60 min\" --minutes 60 --price 120 --tax-rate 13 --tax-name HST")
                .expectOk();
        client = Long.parseLong(runWords("client", "add", "--first-name", "Zoë", "--last-name", "Łukasiewicz")
                .expectOk());
        List<String> lines = run("session new --client " + client + " --date 2026-11-28 --time 10:00 --practitioner "
                + sam + " --duration 60 --subjective \"Calves tight\"").expectOk().lines().toList();
        session = Long.parseLong(lines.getLast().strip());
    }

    /** Issues a receipt for the session, paid by card, writing its PDF into {@code out}; its number. */
    private long issue() {
        run("receipt issue --session " + session + " --service 1 --paid 135.60 --method card --out " + out).expectOk();
        return jdbc.sql("SELECT max(number) FROM receipt").query(Long.class).single();
    }

    private Path onlyFile(String ending) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().endsWith(ending)).toList();
            assertThat(found).as("files ending " + ending).hasSize(1);
            return found.getFirst();
        }
    }

    private static String text(Path pdf) throws IOException {
        return text(Files.readAllBytes(pdf));
    }

    private static String text(byte[] pdf) {
        return PdfPages.read(pdf).text().replaceAll("\\s+", " ");
    }

    @Test
    void aReprintIsADuplicateWithTodaysDateInAFileOnlyTheOwnerReads() throws Exception {
        long receipt = issue();

        Result result = run("receipt reprint " + receipt + " --out " + out);

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        Path file = onlyFile("-receipt-1-duplicate-" + TODAY + ".pdf");
        assertThat(file.getFileName().toString()).isEqualTo("Łukasiewicz-Zoë-receipt-1-duplicate-" + TODAY + ".pdf");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String text = text(file);
        assertThat(text).contains("Receipt 1").contains("DUPLICATE").contains("Reprinted on " + TODAY_PRINTED)
                .contains("Client Zoë Łukasiewicz").contains("Therapist Sam Jones, RMT")
                .contains("Registration number A1234").contains("HST number 81234 5678 RT0001")
                .contains("Total CAD 135.60").contains("Paid in full");
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        assertThat(result.output()).contains("Wrote " + file + " (duplicate of receipt 1, ").contains(sha256);
        Map<String, Object> audit = jdbc.sql("SELECT * FROM audit_event WHERE action = 'export' AND record_type = 'receipt'"
                + " ORDER BY id DESC").query().listOfRows().getFirst();
        assertThat(((Number) audit.get("client_id")).longValue()).isEqualTo(client);
        assertThat(((Number) audit.get("record_id")).longValue()).isEqualTo(
                jdbc.sql("SELECT id FROM receipt WHERE number = ?").param(receipt).query(Long.class).single());
        assertThat((String) audit.get("summary")).contains("duplicate of receipt 1").contains(sha256);
    }

    @Test
    void theCopyGivenAtIssueIsTheOriginal() throws Exception {
        issue();

        Path file = onlyFile("-receipt-1-" + TODAY + ".pdf");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(text(file)).contains("Receipt 1").contains("Client Zoë Łukasiewicz").doesNotContain("DUPLICATE")
                .doesNotContain("Reprinted");
    }

    @Test
    void issueWithoutOutOrPrintWritesAndPrintsNothing() {
        Result result = run("receipt issue --session " + session + " --service 1 --paid 0");

        assertThat(result.output().strip()).isEqualTo("Issued receipt 1 for Zoë Łukasiewicz, Remedial massage 60 min"
                + " on 2026-11-28: CAD 135.60; paid CAD 0.00, CAD 135.60 owing.");
        assertThat(office.jobs()).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action IN ('export', 'print')").query(Long.class)
                .single()).isZero();
    }

    @Test
    void issueWithPrintPrintsTheOriginal() {
        Result result = run("receipt issue --session " + session + " --service 1 --paid 135.60 --method card --print");

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        assertThat(result.output()).contains("Issued receipt 1").contains("Sent the receipt 1 to the printer Office");
        assertThat(office.jobs()).hasSize(1);
        assertThat(text(office.jobs().getFirst().bytes())).contains("Receipt 1").contains("Paid in full")
                .doesNotContain("DUPLICATE");
    }

    @Test
    void aFileInTheWayStopsTheIssueAndItsNumberIsNotUsed() throws Exception {
        Path file = out.resolve("receipt.pdf");
        Files.writeString(file, "kept");

        Result refused = run("receipt issue --session " + session + " --service 1 --paid 0 --out " + file);

        assertThat(refused.status()).isEqualTo(Failure.CONFLICT);
        assertThat(refused.error()).contains("already exists").contains("--force");
        assertThat(jdbc.sql("SELECT count(*) FROM receipt").query(Long.class).single()).isZero();
        assertThat(Files.readString(file)).isEqualTo("kept");

        run("receipt issue --session " + session + " --service 1 --paid 0 --out " + file + " --force").expectOk();
        assertThat(jdbc.sql("SELECT number FROM receipt").query(Long.class).single()).isEqualTo(1);
        assertThat(text(file)).contains("Receipt 1");
    }

    @Test
    void theFirstCopyOfAReceiptIssuedWithoutOneIsTheOriginalAndTheNextADuplicate() throws Exception {
        run("receipt issue --session " + session + " --service 1 --paid 135.60 --method card").expectOk();

        Result first = run("receipt reprint 1 --out " + out);

        assertThat(first.output()).startsWith("No copy of receipt 1 was given when it was issued: this is the original.")
                .contains("(receipt 1, ");
        assertThat(text(onlyFile("-receipt-1-" + TODAY + ".pdf"))).contains("Receipt 1").doesNotContain("DUPLICATE");
        Result second = run("receipt reprint 1 --out " + out);
        assertThat(second.output()).startsWith("Wrote ").contains("(duplicate of receipt 1, ");
        assertThat(text(onlyFile("-receipt-1-duplicate-" + TODAY + ".pdf"))).contains("DUPLICATE")
                .contains("Reprinted on " + TODAY_PRINTED);
    }

    @Test
    void aVoidReceiptsCopySaysVoidAndDuplicate() throws Exception {
        long receipt = issue();
        run("receipt void " + receipt + " --reason \"wrong client\"").expectOk();

        Result result = run("receipt reprint " + receipt + " --out " + out);

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        assertThat(result.output()).startsWith("Receipt 1 is void: the copy says VOID.");
        assertThat(text(onlyFile("-duplicate-" + TODAY + ".pdf"))).contains("VOID").contains("wrong client")
                .contains("DUPLICATE").contains("Reprinted on " + TODAY_PRINTED);
    }

    @Test
    void anExistingFileIsReplacedOnlyWithForce() throws Exception {
        long receipt = issue();
        run("receipt reprint " + receipt + " --out " + out).expectOk();
        Path file = onlyFile("-duplicate-" + TODAY + ".pdf");
        Files.writeString(file, "kept");
        long audited = jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();

        Result refused = run("receipt reprint " + receipt + " --out " + out);

        assertThat(refused.status()).isEqualTo(Failure.CONFLICT);
        assertThat(refused.error()).contains(file.toString()).contains("already exists").contains("--force");
        assertThat(Files.readString(file)).isEqualTo("kept");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single()).isEqualTo(audited);

        run("receipt reprint " + receipt + " --out " + out + " --force").expectOk();
        assertThat(text(file)).contains("DUPLICATE");
    }

    @Test
    void printOnlyPrintsAndWritesNoFile() throws Exception {
        long receipt = issue();
        try (Stream<Path> before = Files.list(out)) {
            assertThat(before).hasSize(1);
        }

        Result result = run("receipt reprint " + receipt + " --print --paper letter");

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        assertThat(office.jobs()).hasSize(1);
        FakePrintServices.Job job = office.jobs().getFirst();
        assertThat(job.name()).as("the queue names the client by id").isEqualTo(
                "receipt-1-duplicate-client-" + client + "-" + TODAY);
        PdfPages pages = PdfPages.read(job.bytes());
        assertThat(pages.page(1).width()).isEqualTo(Paper.LETTER.size().getWidth());
        assertThat(text(job.bytes())).contains("DUPLICATE");
        assertThat(result.output()).startsWith("Sent the duplicate of receipt 1 to the printer Office");
        try (Stream<Path> after = Files.list(out)) {
            assertThat(after).hasSize(1);
        }
        assertThat(jdbc.sql("SELECT summary FROM audit_event WHERE action = 'print' AND record_type = 'receipt'")
                .query(String.class).single()).startsWith("Printed duplicate of receipt 1 on Office");
    }

    @Test
    void anUnknownReceiptIsRefusedInOneLine() {
        Result result = run("receipt reprint 99 --out " + out);

        assertThat(result.status()).isEqualTo(Failure.NOT_FOUND);
        assertThat(result.error()).contains("99").doesNotContain("\n");
    }

    @Test
    void anUnknownPaperIsRefusedNamingTheOption() {
        long receipt = issue();

        Result result = run("receipt reprint " + receipt + " --paper a5 --out " + out);

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).contains("--paper").contains("a4").contains("letter");
    }
}
