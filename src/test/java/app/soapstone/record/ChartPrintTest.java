package app.soapstone.record;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code chart print} and {@code chart export --print} on stand-in printers: the chart's PDF goes to
 * the printer as it is, the audit trail says where, and a missing or refusing printer is refused
 * with its status, leaving no file and no audit row. The real printer is in
 * {@code printing.VirtualPrinterTest}.
 */
@Import(FakePrinters.class)
@Tag(SoapstoneTest.POSTGRESQL)
class ChartPrintTest extends SoapstoneTest {

    @Autowired
    FakePrintServices printers;

    @TempDir
    Path out;

    private FakePrinter office;
    private FakePrinter front;
    private long client;

    @BeforeEach
    void aClientWithASession() {
        printers.clear();
        office = printers.add("Office");
        front = printers.add("Front desk");
        run("clinic set --name \"Calm Waters Massage\" --address \"1 Main St\" --phone \"02 9000 0000\"").expectOk();
        run("practitioner add --name \"Sam Jones\" --credentials RMT").expectOk();
        client = Long.parseLong(runWords("client", "add", "--first-name", "Zoë", "--last-name", "Łukasiewicz",
                "--dob", "1958-03-14").expectOk());
        runWords("session", "new", "--client", String.valueOf(client), "--subjective", "Night cramps.").expectOk();
    }

    @Test
    void chartPrintSendsTheChartToTheDefaultPrinterWritingNoFile() throws Exception {
        Result result = chart("print", "--paper", "letter");

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        assertThat(result.output().strip()).startsWith("Sent the chart (").endsWith("to the printer Office");
        assertThat(office.jobs()).hasSize(1);
        FakePrintServices.Job job = office.jobs().getFirst();
        assertThat(job.flavor()).isEqualTo(DocFlavor.INPUT_STREAM.PDF);
        assertThat(job.paper()).isEqualTo(MediaSizeName.NA_LETTER);
        assertThat(job.name()).isEqualTo("chart-client-" + client + "-" + LocalDate.now());
        try (PDDocument document = Loader.loadPDF(job.bytes())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Zoë Łukasiewicz").contains("Night cramps.");
        }
        assertThat(audit()).containsExactly("print: Printed the full chart on Office");
        assertThat(filesIn(out)).isEmpty();
    }

    @Test
    void exportPrintWritesTheFileAndPrintsTheSameBytesOnThePrinterNamed() throws Exception {
        Path file = out.resolve("chart.pdf");

        Result result = chart("export", "--out", file.toString(), "--printer", "Front desk");

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        assertThat(result.output().strip()).contains("Wrote " + file).endsWith("Sent it to the printer Front desk");
        assertThat(office.jobs()).isEmpty();
        assertThat(front.jobs()).hasSize(1);
        assertThat(front.jobs().getFirst().bytes()).isEqualTo(Files.readAllBytes(file));
        assertThat(audit()).containsExactly("export: Exported the full chart to chart.pdf",
                "print: Printed the full chart on Front desk");
    }

    @Test
    void noPrinterOrARefusedJobIsStatus5AndNothingIsKept() throws Exception {
        office.refusing("error=1 running: '/usr/bin/lpr'\n\t\tlpr: Destination \"Office\" is not accepting jobs.");
        Result refused = chart("export", "--out", out.toString(), "--print");
        printers.clear();
        Result none = chart("print");

        for (Result result : List.of(refused, none)) {
            assertThat(result.status()).isEqualTo(Failure.UNAVAILABLE);
            assertThat(result.error()).doesNotContain("\n");
        }
        assertThat(refused.error()).startsWith("The printer Office refused the job");
        assertThat(audit()).isEmpty();
        assertThat(filesIn(out)).isEmpty();
    }

    @Test
    void anUnknownPrinterIsStatus2() throws Exception {
        Result result = chart("print", "--printer", "Back room");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).startsWith("--printer: no printer called 'Back room'");
        assertThat(office.jobs()).isEmpty();
        assertThat(audit()).isEmpty();
    }

    private Result chart(String verb, String... options) {
        List<String> words = new ArrayList<>(List.of("chart", verb, "--client", String.valueOf(client)));
        words.addAll(List.of(options));
        return runWords(words.toArray(String[]::new));
    }

    private List<String> audit() {
        return jdbc.sql("SELECT action || ': ' || summary FROM audit_event WHERE record_type = 'chart' ORDER BY id")
                .query(String.class).list();
    }

    private static List<String> filesIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }
}
