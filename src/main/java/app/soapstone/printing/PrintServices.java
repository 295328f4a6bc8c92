package app.soapstone.printing;

import javax.print.PrintService;
import java.util.List;

/**
 * Where printers come from: the system's print services (CUPS on Linux and macOS) in the
 * application, a stand-in in tests that must not depend on the machine's printers.
 */
public interface PrintServices {

    /** The printers that take a PDF document as it is, in the system's order. */
    List<PrintService> pdfPrinters();

    /** The system's default printer, or null if none is set (it may not take PDF). */
    PrintService defaultPrinter();
}
