package app.soapstone.receipt;

import app.soapstone.pdf.Paper;
import app.soapstone.shell.Screen;
import app.soapstone.shell.Tables;
import app.soapstone.validation.Fields;
import app.soapstone.validation.Money;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code receipt issue|pay|refund|void|list|show}: receipts for visits and what was paid on them. */
@Component
class ReceiptCommands {

    private static final String GROUP = "Receipts";
    private static final String METHOD = "How it was paid: card, cash, transfer or insurance";
    /** The width from which the list has room for the therapist and the service. */
    static final int WIDE = 90;
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final ReceiptService receipts;
    private final ReceiptPrintouts printouts;
    private final Screen screen;

    ReceiptCommands(ReceiptService receipts, ReceiptPrintouts printouts, Screen screen) {
        this.receipts = receipts;
        this.printouts = printouts;
        this.screen = screen;
    }

    @Command(name = "receipt issue", group = GROUP,
            description = "Issue the next numbered receipt for a session, with what was paid",
            help = """
                    --out writes the receipt as a PDF (a folder gets <last>-<first>-receipt-N-<date>.pdf), --print or
                    --printer prints it; without them the receipt is issued and nothing is written: a later copy
                    ('receipt reprint') is marked DUPLICATE. If the file or the printer fails, no receipt is issued.""")
    String issue(@Option(longName = "session", required = true, description = "Session id") long session,
            @Option(longName = "paid", required = true,
                    description = "Amount paid now, e.g. 120.00 (0 if nothing yet; no more than the total)") String paid,
            @Option(longName = "method", description = METHOD + " (required when --paid is more than 0)")
                    PaymentMethod method,
            @Option(longName = "payer", description = "Who paid, when not the client, e.g. the insurer's name") String payer,
            @Option(longName = "service", description = "Service whose fee it charges (default: the service of the"
                    + " appointment the session attended)") Long service,
            @Option(longName = "out", description = "Write the receipt's PDF to this file or folder") String out,
            @Option(longName = "paper", description = "Paper size (default a4)") Paper paper,
            @Option(longName = "force", description = "Replace the file if it exists") boolean force,
            @Option(longName = "print", description = "Print it, on the default printer or --printer") boolean print,
            @Option(longName = "printer", description = "Print it on this printer (see 'printer list')") String printer) {
        ReceiptPrintouts.Given given = printouts.issue(new ReceiptService.Issue(session, service, paid, method, payer),
                paper == null ? Paper.A4 : paper, ReceiptPrintCommands.destination(out, force, print, printer, false));
        Receipt receipt = given.receipt();
        return "Issued receipt " + receipt.number() + " for " + receipt.clientName() + ", " + receipt.serviceName()
                + " on " + receipt.visitDate() + ": " + receipt.total() + owing(receipt)
                + (given.handedOver() ? "\n" + ReceiptPrintCommands.given(given) : "");
    }

    @Command(name = "receipt pay", group = GROUP, description = "Record a payment on a receipt")
    String pay(@Argument(index = 0, description = "Receipt number") long receipt,
            @Option(longName = "amount", required = true, description = "Amount paid, e.g. 60.00 (no more than the balance)") String amount,
            @Option(longName = "method", required = true, description = METHOD) PaymentMethod method,
            @Option(longName = "payer", description = "Who paid, when not the client, e.g. the insurer's name") String payer) {
        return "Recorded the payment on receipt " + receipt + owing(receipts.pay(receipt, amount, method, payer));
    }

    @Command(name = "receipt refund", group = GROUP, description = "Record money given back on a receipt")
    String refund(@Argument(index = 0, description = "Receipt number") long receipt,
            @Option(longName = "amount", required = true, description = "Amount given back (no more than was paid)") String amount,
            @Option(longName = "method", required = true, description = "How it was given back: card, cash, transfer or insurance")
                    PaymentMethod method,
            @Option(longName = "reason", required = true, description = "Why, one line") String reason) {
        return "Recorded the refund on receipt " + receipt + ": paid now "
                + receipts.refund(receipt, amount, method, reason).paid() + ".";
    }

    @Command(name = "receipt void", group = GROUP,
            description = "Void a receipt issued in error (it stays, marked void); then issue a new one")
    String voidReceipt(@Argument(index = 0, description = "Receipt number") long receipt,
            @Option(longName = "reason", required = true, description = "Why it is void, one line") String reason) {
        Receipt voided = receipts.voidReceipt(receipt, reason);
        return "Voided receipt " + receipt + "." + (voided.paid().isPositive() ? " " + voided.paid()
                + " paid on it goes to the receipt issued in its place:" : "")
                + " issue a new one with: receipt issue --session " + voided.sessionId() + " --paid ...";
    }

    @Command(name = "receipt list", group = GROUP, description = "List receipts with their totals, what was paid and what is owed")
    String list(@Option(longName = "client", description = "Client id") Long client,
            @Option(longName = "from", description = "First visit date, YYYY-MM-DD") String from,
            @Option(longName = "to", description = "Last visit date, YYYY-MM-DD") String to) {
        List<Receipt> list = receipts.list(client, from == null ? null : Fields.date("from", from),
                to == null ? null : Fields.date("to", to));
        if (list.isEmpty()) {
            return "No receipts" + (client == null ? "" : " for client " + client) + (from == null && to == null ? ""
                    : " for those dates") + ". Issue one with: receipt issue --session N --paid AMOUNT --method card";
        }
        return table(list, screen.width());
    }

    /**
     * The receipts as a table {@code width} wide. Amounts go without their currency, named once
     * above, so each is one word that a long name never cuts; on a narrow screen (under
     * {@link #WIDE} columns) the therapist and service give way to them.
     */
    static String table(List<Receipt> list, int width) {
        List<String> currencies = list.stream().map(r -> r.total().currency().getCurrencyCode()).distinct().toList();
        boolean oneCurrency = currencies.size() == 1;
        boolean wide = width >= WIDE;
        List<List<String>> rows = list.stream().map(r -> {
            List<String> row = new ArrayList<>(List.of(String.valueOf(r.number()), r.visitDate().toString(),
                    r.clientName()));
            if (wide) {
                row.addAll(List.of(r.practitionerName(), r.serviceName()));
            }
            row.addAll(List.of(amount(r.total(), oneCurrency), amount(r.paid(), oneCurrency),
                    r.isVoid() ? "void" : r.balance().isPositive() ? amount(r.balance(), oneCurrency) : "paid"));
            return row;
        }).toList();
        List<String> header = new ArrayList<>(List.of("No.", "Visit", "Client"));
        if (wide) {
            header.addAll(List.of("Therapist", "Service"));
        }
        header.addAll(List.of("Total", "Paid", "Owing"));
        Set<Integer> amounts = Set.of(header.size() - 3, header.size() - 2, header.size() - 1);
        return (oneCurrency ? "Amounts in " + currencies.getFirst() + ".\n" : "")
                + Tables.render(header, rows, width, amounts);
    }

    @Command(name = "receipt show", group = GROUP, description = "Show a receipt with every payment and refund on it")
    String show(@Argument(index = 0, description = "Receipt number") long receipt) {
        Receipt r = receipts.byNumber(receipt);
        ZoneId zone = receipts.zone();
        List<String> lines = new ArrayList<>();
        lines.add("Receipt " + r.number() + (r.isVoid() ? "  VOID" : "") + "  issued " + AT.format(r.issuedAt().atZone(zone)));
        if (r.isVoid()) {
            lines.add("Voided " + AT.format(r.voided().at().atZone(zone)) + ": " + r.voided().reason());
        }
        lines.add("Client:       " + r.clientName() + " (client " + r.clientId() + ")");
        lines.add("Visit:        " + r.visitDate() + (r.minutes() == null ? "" : ", " + r.minutes() + " min")
                + " (session " + r.sessionId() + ")");
        lines.add("Therapist:    " + r.practitionerSignature()
                + (r.registrationNumber() == null ? "" : ", registration " + r.registrationNumber()));
        lines.add("Service:      " + r.serviceName());
        lines.add("Fee:          " + r.fee());
        if (r.taxRate() != null) {
            lines.add("Tax:          " + r.tax() + " (" + r.taxLabel() + ")");
        }
        if (r.taxNumber() != null) {
            lines.add("Tax number:   " + r.taxNumber());
        }
        lines.add("Total:        " + r.total());
        if (!r.payments().isEmpty()) {
            lines.add("");
            List<List<String>> rows = r.payments().stream().map(p -> List.of(AT.format(p.at().atZone(zone)),
                    p.kind().word(), p.method().word(), p.amount().toString(),
                    p.payer() != null ? p.payer() : p.note() != null ? p.note() : "")).toList();
            lines.add(Tables.render(List.of("When", "What", "Method", "Amount", "Payer or note"), rows, screen.width()));
        }
        lines.add("Paid:         " + r.paid());
        lines.add("Owing:        " + r.balance());
        return String.join("\n", lines);
    }

    /** "132.00" when the currency is named above the table, else "AUD 132.00". */
    private static String amount(Money money, boolean currencyNamed) {
        return currencyNamed ? money.amount().toPlainString() : money.toString();
    }

    /** ": paid AUD 120.00 by card, paid in full." or ", AUD 35.60 owing." */
    private static String owing(Receipt receipt) {
        return receipt.balance().isPositive() ? "; paid " + receipt.paid() + ", " + receipt.balance() + " owing."
                : "; paid in full.";
    }
}
