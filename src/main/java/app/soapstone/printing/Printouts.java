package app.soapstone.printing;

import app.soapstone.storage.PrivateFiles;
import org.springframework.stereotype.Service;

import java.nio.file.Path;

/**
 * Handing a printout over, in the order that keeps records true: first checking where it goes
 * (the file it may write, the printer) before anything is recorded; last printing it and writing
 * it, inside the caller's transaction, so that a failure rolls the record back.
 */
@Service
public class Printouts {

    private final Printers printers;

    Printouts(Printers printers) {
        this.printers = printers;
    }

    /**
     * The file and printer a printout will go to, checked: a file that exists without
     * {@code force}, a folder that does not exist, no printer or an unknown one are refused here,
     * before the caller records anything. {@code defaultName} is the file name in a folder.
     */
    public Handover prepare(Destination to, String defaultName) {
        Path file = to.toFile() ? PrivateFiles.target("out", to.out(), defaultName) : null;
        if (file != null) {
            PrivateFiles.checkTarget("out", file, to.force());
        }
        // Chosen before anything is recorded: no printer, or an unknown name, stops here.
        Printer printer = to.toPrinter() ? printers.choose(to.printer()) : null;
        return new Handover(file, printer, to.force());
    }

    /**
     * Prints {@code pdf} and writes it, as {@code handover} says. Printing goes first, so a refused
     * job (the likelier failure) leaves no file behind; a file that then cannot be written leaves a
     * printed page unrecorded, as a failed commit would. {@code jobName} is what anyone can see in
     * the printer's queue: it should name the client by id, not by name. {@code durable} forces the
     * file to disk (for records; a printout that can be made again need not be).
     */
    public void deliver(Handover handover, byte[] pdf, String jobName, boolean durable) {
        if (handover.printer() != null) {
            printers.print(pdf, handover.printer().name(), jobName);
        }
        if (handover.file() != null) {
            PrivateFiles.write("out", handover.file(), pdf, handover.force(), durable);
        }
    }

    /** Where a printout goes, checked: the file (or null) and the printer (or null). */
    public record Handover(Path file, Printer printer, boolean force) {

        public String printerName() {
            return printer == null ? null : printer.name();
        }
    }
}
