package app.soapstone.printing;

import app.soapstone.validation.InvalidInputException;
import app.soapstone.validation.UnavailableException;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfReader;
import org.springframework.stereotype.Service;

import javax.print.DocFlavor;
import javax.print.DocPrintJob;
import javax.print.PrintException;
import javax.print.PrintService;
import javax.print.SimpleDoc;
import javax.print.attribute.HashPrintRequestAttributeSet;
import javax.print.attribute.PrintRequestAttributeSet;
import javax.print.attribute.standard.JobName;
import javax.print.attribute.standard.MediaSize;
import javax.print.attribute.standard.MediaSizeName;
import javax.print.attribute.standard.PrinterIsAcceptingJobs;
import javax.print.attribute.standard.PrinterState;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The printers that take PDF documents, and printing a PDF on one of them. The PDF is sent as it
 * is (CUPS prints PDF directly), never redrawn page by page, which would lose its text and fonts.
 */
@Service
public class Printers {

    private static final float POINTS_PER_INCH = 72f;
    /** About a millimetre: A4 is 595.28 x 841.89 points, which PDFs often round. */
    private static final float PAPER_TOLERANCE_INCHES = 0.04f;
    private static final Pattern COMMAND_FAILED = Pattern.compile("error=(\\d+) running: '([^']*)'");

    private final PrintServices services;

    Printers(PrintServices services) {
        this.services = services;
    }

    /** Every printer that takes PDF, in the system's order, the default one marked. */
    public List<Printer> list() {
        List<PrintService> all = services.pdfPrinters();
        String defaultName = defaultName(all);
        return all.stream().map(s -> new Printer(s.getName(), s.getName().equals(defaultName), state(s))).toList();
    }

    /**
     * The printer a job would go to: the one called {@code name}, or the default printer if
     * {@code name} is null. Check this before recording anything that is to be printed.
     *
     * @throws InvalidInputException no printer is called {@code name}
     * @throws UnavailableException  there are no printers, or no default one and no {@code name}
     */
    public Printer choose(String name) {
        List<PrintService> all = services.pdfPrinters();
        PrintService service = find(name, all);
        return new Printer(service.getName(), service.getName().equals(defaultName(all)), state(service));
    }

    /**
     * Sends {@code pdf}, as it is, to the printer called {@code name} (the default printer if null)
     * under {@code jobName}, which the printer's queue shows, on the paper its first page is made
     * for (A4, Letter...) if the printer has it. The system queues the job: paper may come out
     * after this returns.
     *
     * @return the printer it went to
     * @throws InvalidInputException no printer is called {@code name}
     * @throws UnavailableException  no printer to use, or the printer refused the job (with its reason)
     */
    public Printer print(byte[] pdf, String name, String jobName) {
        List<PrintService> all = services.pdfPrinters();
        PrintService service = find(name, all);
        DocPrintJob job = service.createPrintJob();
        PrintRequestAttributeSet attributes = new HashPrintRequestAttributeSet();
        attributes.add(new JobName(jobName, Locale.ROOT));
        MediaSizeName paper = paperOf(pdf);
        if (paper != null) {
            attributes.add(paper);
        }
        try {
            job.print(new SimpleDoc(new ByteArrayInputStream(pdf), DocFlavor.INPUT_STREAM.PDF, null), attributes);
        } catch (PrintException e) {
            throw new UnavailableException("The printer " + service.getName() + " refused the job: " + reason(e));
        }
        return new Printer(service.getName(), service.getName().equals(defaultName(all)), state(service));
    }

    /**
     * The standard paper the PDF's first page is made for, or null if it is no standard size.
     * Without it Java asks CUPS for Letter, which shrinks an A4 page to fit.
     */
    static MediaSizeName paperOf(byte[] pdf) {
        Rectangle page;
        try (PdfReader reader = new PdfReader(pdf)) {
            page = reader.getPageSizeWithRotation(1);
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
        float width = Math.min(page.getWidth(), page.getHeight()) / POINTS_PER_INCH;
        float height = Math.max(page.getWidth(), page.getHeight()) / POINTS_PER_INCH;
        MediaSizeName nearest = MediaSize.findMedia(width, height, MediaSize.INCH);
        MediaSize size = nearest == null ? null : MediaSize.getMediaSizeForName(nearest);
        if (size == null || Math.abs(size.getX(MediaSize.INCH) - width) > PAPER_TOLERANCE_INCHES
                || Math.abs(size.getY(MediaSize.INCH) - height) > PAPER_TOLERANCE_INCHES) {
            return null;
        }
        return nearest;
    }

    private PrintService find(String name, List<PrintService> all) {
        if (all.isEmpty()) {
            throw new UnavailableException("No printers: none that take PDF documents were found. Add one in the"
                    + " system's printer settings (CUPS: 'lpadmin', or http://localhost:631), then see 'printer list'.");
        }
        if (name == null) {
            String defaultName = defaultName(all);
            if (defaultName == null) {
                throw new UnavailableException("No default printer: give --printer NAME (printers: " + names(all)
                        + "; see 'printer list'), or set a default with 'lpoptions -d NAME'.");
            }
            return named(defaultName, all).getFirst();
        }
        String wanted = name.strip();
        if (wanted.isEmpty()) {
            throw InvalidInputException.forField("printer", "give a printer's name (printers: " + names(all) + ")");
        }
        List<PrintService> exact = named(wanted, all);
        if (!exact.isEmpty()) {
            return exact.getFirst();
        }
        // CUPS treats printer names without regard to case, so "office" finds "Office".
        List<PrintService> sameLetters = all.stream().filter(s -> s.getName().equalsIgnoreCase(wanted)).toList();
        if (sameLetters.size() == 1) {
            return sameLetters.getFirst();
        }
        throw InvalidInputException.forField("printer", "no printer called '" + wanted + "' (printers: " + names(all)
                + "; see 'printer list')");
    }

    /** The default printer's name, if there is one and it takes PDF. */
    private String defaultName(List<PrintService> all) {
        PrintService fallback = services.defaultPrinter();
        if (fallback == null) {
            return null;
        }
        return named(fallback.getName(), all).isEmpty() ? null : fallback.getName();
    }

    private static List<PrintService> named(String name, List<PrintService> all) {
        return all.stream().filter(s -> s.getName().equals(name)).toList();
    }

    private static String names(List<PrintService> all) {
        return all.stream().map(PrintService::getName).collect(Collectors.joining(", "));
    }

    /** "idle, accepting jobs", "not accepting jobs", ... - what the system reports, or empty. */
    static String state(PrintService service) {
        List<String> parts = new ArrayList<>();
        try {
            PrinterState state = service.getAttribute(PrinterState.class);
            if (state != null && state != PrinterState.UNKNOWN) {
                parts.add(state.toString());
            }
            PrinterIsAcceptingJobs accepting = service.getAttribute(PrinterIsAcceptingJobs.class);
            if (accepting != null) {
                parts.add(accepting == PrinterIsAcceptingJobs.ACCEPTING_JOBS ? "accepting jobs" : "not accepting jobs");
            }
        } catch (RuntimeException e) {
            // The state is a courtesy: a service that cannot report it is still listed.
        }
        return String.join(", ", parts);
    }

    /**
     * The reason a job was refused, in one line. On Linux the job is handed to {@code lpr}; when it
     * fails, Java reports its command line and then what it printed, which is the reason to show.
     */
    static String reason(PrintException refused) {
        Throwable root = refused;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : refused.getMessage();
        if (message == null || message.isBlank()) {
            return "no reason given";
        }
        List<String> lines = message.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (lines.size() > 1) {
            return String.join(" ", lines.subList(1, lines.size()));
        }
        Matcher failed = COMMAND_FAILED.matcher(lines.getFirst());
        if (failed.find()) {
            return failed.group(2) + " failed (exit status " + failed.group(1) + ")";
        }
        return lines.getFirst();
    }
}
