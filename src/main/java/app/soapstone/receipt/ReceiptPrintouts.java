package app.soapstone.receipt;

import app.soapstone.client.ClientService;
import app.soapstone.clinic.Clinic;
import app.soapstone.clinic.ClinicService;
import app.soapstone.integrity.AuditTrail;
import app.soapstone.pdf.Paper;
import app.soapstone.pdf.PdfFonts;
import app.soapstone.printing.Destination;
import app.soapstone.printing.Printouts;
import app.soapstone.printing.Printouts.Handover;
import app.soapstone.receipt.ReceiptPdf.Letterhead;
import app.soapstone.receipt.ReceiptPdf.Printout;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A receipt's PDF written to a file, sent to a printer, or both, by the same path as the care plan
 * ({@link Printouts}: an owner-only file, replaced only when asked; the printer checked first), each
 * copy recorded in the audit trail with its fingerprint. The copy given when a receipt is issued is
 * the original (or the first one given later, when none was given then); every later one is a
 * DUPLICATE with the day it was reprinted.
 */
@Service
public class ReceiptPrintouts {

    private final ReceiptService receipts;
    private final ReceiptQueries queries;
    private final ReceiptPdf pdf;
    private final PdfFonts fonts;
    private final ClinicService clinic;
    private final ClientService clients;
    private final Printouts printouts;
    private final AuditTrail audit;
    private final Clock clock;

    ReceiptPrintouts(ReceiptService receipts, ReceiptQueries queries, ReceiptPdf pdf, PdfFonts fonts, ClinicService clinic,
            ClientService clients, Printouts printouts, AuditTrail audit, Clock clock) {
        this.receipts = receipts;
        this.queries = queries;
        this.pdf = pdf;
        this.fonts = fonts;
        this.clinic = clinic;
        this.clients = clients;
        this.printouts = printouts;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A copy of a receipt given: the receipt, the file written (null if it was only printed), the
     * printer it went to (null if none), its fingerprint and size, and whether it is a duplicate.
     * A receipt issued without a copy has neither file nor printer.
     */
    public record Given(Receipt receipt, Path file, String printer, String sha256, int bytes, boolean duplicate) {

        /** Whether a copy was written or printed. */
        public boolean handedOver() {
            return file != null || printer != null;
        }
    }

    /**
     * Gives a duplicate of receipt {@code number}, dated today in the clinic's time zone, as
     * {@code to} says; a void receipt's duplicate says VOID too. A receipt of which no copy was ever
     * written or printed (issued without {@code --out} or {@code --print}) gets its original instead:
     * the client has not had one. Refused before anything is written if the file exists without
     * {@code force}, the printer is unknown, or a character cannot be printed.
     */
    @Transactional
    public Given reprint(long number, Paper paper, Destination to) {
        Receipt receipt = receipts.byNumber(number);
        boolean given = queries.copiesGiven(receipt.id()) > 0;
        return give(receipt, paper, to, given ? LocalDate.ofInstant(clock.instant(), clinic.zone()) : null);
    }

    /**
     * Issues a receipt ({@link ReceiptService#issue}) and gives its original as {@code to} says, in
     * one transaction: if the file or the printer fails, the receipt is not issued either and its
     * number is not used. With neither a file nor a printer it is only issued ({@code file} and
     * {@code printer} null).
     */
    @Transactional
    public Given issue(ReceiptService.Issue issue, Paper paper, Destination to) {
        Receipt receipt = receipts.issue(issue);
        if (!to.toFile() && !to.toPrinter()) {
            return new Given(receipt, null, null, null, 0, false);
        }
        return give(receipt, paper, to, null);
    }

    private Given give(Receipt receipt, Paper paper, Destination to, LocalDate reprintedOn) {
        ZoneId zone = clinic.zone();
        Letterhead letterhead = letterhead();
        requirePrintable(receipt, letterhead);
        boolean duplicate = reprintedOn != null;
        LocalDate day = duplicate ? reprintedOn : LocalDate.ofInstant(receipt.issuedAt(), zone);
        String what = "receipt-" + receipt.number() + (duplicate ? "-duplicate" : "");
        Handover handover = printouts.prepare(to, clients.get(receipt.clientId()).fileName(what, day));
        byte[] bytes = pdf.render(new Printout(receipt, letterhead, zone, reprintedOn), paper);
        String sha256 = sha256(bytes);
        String copy = (duplicate ? "duplicate of receipt " : "receipt ") + receipt.number();
        if (handover.file() != null) {
            audit.record("export", "receipt", receipt.id(), receipt.clientId(), "Exported " + copy + " "
                    + handover.file().getFileName() + " (SHA-256 " + sha256 + ")");
        }
        if (handover.printer() != null) {
            audit.record("print", "receipt", receipt.id(), receipt.clientId(), "Printed " + copy + " on "
                    + handover.printerName() + " (SHA-256 " + sha256 + ")");
        }
        // As a care plan's: a copy can be made again from the records, so it is not forced to disk.
        printouts.deliver(handover, bytes, what + "-client-" + receipt.clientId() + "-" + day, false);
        return new Given(receipt, handover.file(), handover.printerName(), sha256, bytes.length, duplicate);
    }

    /** The clinic's letterhead, or null before its details are set. */
    private Letterhead letterhead() {
        return clinic.clinic().map(ReceiptPrintouts::letterhead).orElse(null);
    }

    private static Letterhead letterhead(Clinic details) {
        List<String> contacts = new ArrayList<>();
        for (String contact : new String[] {details.phone(), details.email(), details.website()}) {
            if (contact != null && !contact.isBlank()) {
                contacts.add(contact);
            }
        }
        return new Letterhead(details.name(), details.address(), contacts);
    }

    /**
     * Refuses, before anything is written or recorded, text no font found can print, naming the
     * field and the character: the receipt would otherwise lose it without a word.
     */
    private void requirePrintable(Receipt receipt, Letterhead letterhead) {
        fonts.requirePrintable("the client's name", receipt.clientName());
        fonts.requirePrintable("the practitioner", receipt.practitionerSignature());
        fonts.requirePrintable("the service", receipt.serviceName());
        for (Payment payment : receipt.payments()) {
            fonts.requirePrintable("a payer", payment.payer());
            fonts.requirePrintable("a payment's note", payment.note());
        }
        if (receipt.voided() != null) {
            fonts.requirePrintable("the reason it was voided", receipt.voided().reason());
        }
        if (letterhead != null) {
            fonts.requirePrintable("the clinic's name", letterhead.name());
            fonts.requirePrintable("the clinic's address", letterhead.address());
            letterhead.contacts().forEach(contact -> fonts.requirePrintable("the clinic's contacts", contact));
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
