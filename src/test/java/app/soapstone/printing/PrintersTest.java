package app.soapstone.printing;

import app.soapstone.shell.Failure;
import app.soapstone.validation.InvalidInputException;
import app.soapstone.validation.UnavailableException;
import org.junit.jupiter.api.Test;
import org.openpdf.text.Document;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfWriter;

import javax.print.DocFlavor;
import javax.print.PrintException;
import javax.print.attribute.standard.MediaSizeName;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Choosing a printer and sending it a PDF, against stand-in printers: what is listed, which
 * printer a job goes to, and each refusal as the one line and exit status the user gets.
 */
class PrintersTest {

    private static final byte[] PDF = "%PDF-1.7 a plan".getBytes(StandardCharsets.US_ASCII);

    private final FakePrintServices services = new FakePrintServices();
    private final Printers printers = new Printers(services);

    @Test
    void theListMarksTheDefaultPrinterAndSaysWhetherEachTakesJobs() {
        services.add("Front desk");
        services.add("Office").notAccepting();
        services.makeDefault("Office");

        assertThat(printers.list()).containsExactly(
                new Printer("Front desk", false, "accepting jobs"),
                new Printer("Office", true, "not accepting jobs"));
    }

    @Test
    void aDefaultPrinterThatDoesNotTakePdfIsNoDefault() {
        FakePrintServices.FakePrinter office = services.add("Office");
        FakePrintServices others = new FakePrintServices();
        others.add("Fax");
        Printers mixed = new Printers(new PrintServices() {
            @Override
            public java.util.List<javax.print.PrintService> pdfPrinters() {
                return java.util.List.of(office);
            }

            @Override
            public javax.print.PrintService defaultPrinter() {
                return others.defaultPrinter();
            }
        });

        assertThat(mixed.list()).extracting(Printer::isDefault).containsExactly(false);
        assertThat(failure(() -> mixed.choose(null)).message()).startsWith("No default printer");
    }

    @Test
    void aJobGoesToTheDefaultPrinterAsThePdfItself() {
        FakePrintServices.FakePrinter office = services.add("Office");
        FakePrintServices.FakePrinter front = services.add("Front desk");

        Printer printed = printers.print(PDF, null, "care-plan-client-7-2026-11-29");

        assertThat(printed.name()).isEqualTo("Office");
        assertThat(printed.isDefault()).isTrue();
        assertThat(office.jobs()).singleElement().satisfies(job -> {
            assertThat(job.bytes()).isEqualTo(PDF);
            assertThat(job.flavor()).isEqualTo(DocFlavor.INPUT_STREAM.PDF);
            assertThat(job.name()).isEqualTo("care-plan-client-7-2026-11-29");
        });
        assertThat(front.jobs()).isEmpty();
    }

    @Test
    void aJobAsksForThePaperThePdfIsMadeFor() {
        FakePrintServices.FakePrinter office = services.add("Office");

        printers.print(pdf(PageSize.A4), null, "a4");
        printers.print(pdf(PageSize.LETTER), null, "letter");
        printers.print(pdf(PageSize.A4.rotate()), null, "a4 landscape");
        printers.print(pdf(new Rectangle(300, 300)), null, "square");
        printers.print(PDF, null, "unreadable");

        assertThat(office.jobs()).extracting(FakePrintServices.Job::paper).as("Java would ask for Letter otherwise")
                .containsExactly(MediaSizeName.ISO_A4, MediaSizeName.NA_LETTER, MediaSizeName.ISO_A4, null, null);
    }

    @Test
    void aJobGoesToTheNamedPrinterWhateverTheCaseOfItsName() {
        services.add("Office");
        FakePrintServices.FakePrinter front = services.add("Front-Desk");

        assertThat(printers.print(PDF, "front-desk", "job").name()).isEqualTo("Front-Desk");
        assertThat(front.jobs()).hasSize(1);
    }

    @Test
    void noPrinterAtAllIsUnavailableAndSaysWhatToSetUp() {
        Failure failure = failure(() -> printers.print(PDF, null, "job"));

        assertThat(failure.status()).isEqualTo(Failure.UNAVAILABLE).isEqualTo(5);
        assertThat(failure.message()).isEqualTo("No printers: none that take PDF documents were found. Add one in the"
                + " system's printer settings (CUPS: 'lpadmin', or http://localhost:631), then see 'printer list'.");
        assertThat(failure(() -> printers.print(PDF, "Office", "job")).status()).as("with --printer too").isEqualTo(5);
    }

    @Test
    void noDefaultPrinterAndNoNameIsUnavailableAndNamesWhatToSet() {
        services.add("Office");
        services.add("Front desk");
        services.noDefault();

        Failure failure = failure(() -> printers.print(PDF, null, "job"));

        assertThat(failure.status()).isEqualTo(5);
        assertThat(failure.message()).isEqualTo("No default printer: give --printer NAME (printers: Office, Front desk;"
                + " see 'printer list'), or set a default with 'lpoptions -d NAME'.");
        assertThat(services.pdfPrinters()).allSatisfy(p -> assertThat(((FakePrintServices.FakePrinter) p).jobs()).isEmpty());
    }

    @Test
    void anUnknownPrinterIsBadInputNamingThePrintersThereAre() {
        FakePrintServices.FakePrinter office = services.add("Office");
        services.add("Front desk");

        Failure failure = failure(() -> printers.print(PDF, "Ofice", "job"));

        assertThat(failure.status()).isEqualTo(Failure.USAGE);
        assertThat(failure.message())
                .isEqualTo("--printer: no printer called 'Ofice' (printers: Office, Front desk; see 'printer list')");
        assertThat(office.jobs()).isEmpty();
    }

    @Test
    void aRefusedJobIsUnavailableWithWhatLprSaidInOneLine() {
        // How Java reports a failed lpr: its command line, then each line it wrote to stderr.
        services.add("Office").refusing("error=1 running: '/usr/bin/lpr' '-POffice' '-J' 'job' '/tmp/javaprint1'\n"
                + "\t\tlpr: Destination \"Office\" is not accepting jobs.");

        Failure failure = failure(() -> printers.print(PDF, null, "job"));

        assertThat(failure.status()).isEqualTo(5);
        assertThat(failure.message())
                .isEqualTo("The printer Office refused the job: lpr: Destination \"Office\" is not accepting jobs.");
    }

    @Test
    void aPrinterThatIsNotAcceptingJobsRefusesWithJavasReason() {
        services.add("Office").notAccepting();

        assertThat(failure(() -> printers.print(PDF, null, "job")).message())
                .isEqualTo("The printer Office refused the job: Printer is not accepting job.");
    }

    @Test
    void aFailedPrintCommandWithNothingToSayIsReportedByItsExitStatus() {
        PrintException silent = new PrintException(new IOException("error=2 running: '/usr/bin/lpr' '-POffice' 'f'"));

        assertThat(Printers.reason(silent)).isEqualTo("/usr/bin/lpr failed (exit status 2)");
    }

    @Test
    void aRefusalWithoutAReasonIsNotNamedByItsClass() {
        assertThat(Printers.reason(new PrintException())).isEqualTo("no reason given");
    }

    private static byte[] pdf(Rectangle size) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Document document = new Document(size)) {
            PdfWriter.getInstance(document, bytes);
            document.open();
            document.add(new Paragraph("A page"));
        }
        return bytes.toByteArray();
    }

    private static Failure failure(Runnable action) {
        Throwable thrown = catchThrowable(action::run);
        assertThat(thrown).isInstanceOfAny(UnavailableException.class, InvalidInputException.class);
        Failure failure = Failure.of(thrown);
        assertThat(failure.unexpected()).isFalse();
        assertThat(failure.message()).as("one line").doesNotContain("\n");
        return failure;
    }
}
