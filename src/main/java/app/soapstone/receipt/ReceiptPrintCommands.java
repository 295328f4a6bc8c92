package app.soapstone.receipt;

import app.soapstone.pdf.Paper;
import app.soapstone.printing.Destination;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** {@code receipt reprint}: a copy of an issued receipt, marked DUPLICATE. */
@Component
class ReceiptPrintCommands {

    private static final String GROUP = "Receipts";

    private final ReceiptPrintouts printouts;

    ReceiptPrintCommands(ReceiptPrintouts printouts) {
        this.printouts = printouts;
    }

    @Command(name = "receipt reprint", group = GROUP,
            description = "Write or print a copy of a receipt marked DUPLICATE, with today's date"
                    + " (default <last>-<first>-receipt-N-duplicate-<date>.pdf here)",
            help = """
                    For a client who lost their receipt: the same receipt, with its number, payments and balance as
                    they stand today, marked DUPLICATE with the day it was reprinted, under the title and at the foot
                    of the page. A receipt issued without a copy (no --out or --print) gets its original the first
                    time instead, since the client has not had one. A void receipt's copy says VOID as well. With --print or --printer alone it is only
                    printed; with --out as well, it is written too. Each copy is recorded in the audit trail.""")
    String reprint(@Argument(index = 0, description = "Receipt number") long receipt,
            @Option(longName = "out", description = "File or folder to write to (default: here)") String out,
            @Option(longName = "paper", description = "Paper size (default a4)") Paper paper,
            @Option(longName = "force", description = "Replace the file if it exists") boolean force,
            @Option(longName = "print", description = "Print it, on the default printer or --printer") boolean print,
            @Option(longName = "printer", description = "Print it on this printer (see 'printer list')") String printer) {
        ReceiptPrintouts.Given given = printouts.reprint(receipt, paper == null ? Paper.A4 : paper,
                destination(out, force, print, printer, true));
        return (given.duplicate() ? "" : "No copy of receipt " + receipt + " was given when it was issued: this is the"
                + " original.\n") + given(given);
    }

    /**
     * Where a receipt goes: to a file if {@code out} names one, to the printer if {@code print} or a
     * {@code printer} is given; with neither, to a file in the current folder if {@code fileByDefault},
     * else nowhere.
     */
    static Destination destination(String out, boolean force, boolean print, String printer, boolean fileByDefault) {
        boolean toPrinter = print || printer != null;
        return new Destination(out != null || fileByDefault && !toPrinter, out, force, toPrinter, printer);
    }

    /** What was written and printed: "Wrote ... (receipt 42, 14 KB, SHA-256 ...)". */
    static String given(ReceiptPrintouts.Given given) {
        Receipt receipt = given.receipt();
        String copy = (given.duplicate() ? "duplicate of receipt " : "receipt ") + receipt.number();
        StringBuilder out = new StringBuilder();
        if (receipt.isVoid()) {
            out.append("Receipt ").append(receipt.number()).append(" is void: the copy says VOID.\n");
        }
        String size = given.bytes() / 1024 + " KB, SHA-256 " + given.sha256();
        if (given.file() != null) {
            out.append("Wrote ").append(given.file()).append(" (").append(copy).append(", ").append(size).append(")");
            if (given.printer() != null) {
                out.append("\nSent it to the printer ").append(given.printer());
            }
        } else {
            out.append("Sent the ").append(copy).append(" to the printer ").append(given.printer()).append(" (")
                    .append(size).append(")");
        }
        return out.toString();
    }
}
