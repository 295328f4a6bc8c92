package app.soapstone.printing;

import org.springframework.stereotype.Component;

import javax.print.DocFlavor;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import java.util.List;

/**
 * The system's printers through Java's print service. On Linux that is CUPS (the default printer
 * is the one {@code lpoptions -d} sets), and a job is handed to {@code lpr}, so cups-bsd must be
 * installed.
 */
@Component
class SystemPrintServices implements PrintServices {

    @Override
    public List<PrintService> pdfPrinters() {
        return List.of(PrintServiceLookup.lookupPrintServices(DocFlavor.INPUT_STREAM.PDF, null));
    }

    @Override
    public PrintService defaultPrinter() {
        return PrintServiceLookup.lookupDefaultPrintService();
    }
}
