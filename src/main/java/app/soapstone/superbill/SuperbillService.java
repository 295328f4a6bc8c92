package app.soapstone.superbill;

import app.soapstone.billing.BillingCodes;
import app.soapstone.billing.DiagnosisCode;
import app.soapstone.billing.EightMinuteRule;
import app.soapstone.billing.ProcedureCode;
import app.soapstone.billing.ProcedureMinutes;
import app.soapstone.client.Client;
import app.soapstone.client.ClientService;
import app.soapstone.clinic.Clinic;
import app.soapstone.clinic.ClinicService;
import app.soapstone.intake.Intake;
import app.soapstone.intake.IntakeService;
import app.soapstone.integrity.AuditTrail;
import app.soapstone.integrity.RecordChain;
import app.soapstone.pdf.Paper;
import app.soapstone.pdf.PdfFonts;
import app.soapstone.printing.Destination;
import app.soapstone.printing.Printouts;
import app.soapstone.printing.Printouts.Handover;
import app.soapstone.superbill.Superbill.Procedure;
import app.soapstone.superbill.Superbill.Totals;
import app.soapstone.superbill.Superbill.Visit;
import app.soapstone.superbill.SuperbillQueries.DoneVisit;
import app.soapstone.superbill.SuperbillQueries.VisitRow;
import app.soapstone.validation.ConflictException;
import app.soapstone.validation.InvalidInputException;
import app.soapstone.validation.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A client's superbill for a period: each signed visit with its place, provider, procedure codes
 * with units by the 8-minute rule, diagnosis codes, and the charge and payments of its receipt,
 * then the totals; written as a PDF in the clinic's letterhead, printed, or both, and audited.
 */
@Service
public class SuperbillService {

    /** The CMS place-of-service code of a clinic's visits: 11, "Office". */
    static final String PLACE_OF_SERVICE = "11";
    static final String PLACE_NAME = "Office";

    private final SuperbillQueries queries;
    private final ClientService clients;
    private final ClinicService clinic;
    private final IntakeService intakes;
    private final BillingCodes codes;
    private final SuperbillPdf pdf;
    private final PdfFonts fonts;
    private final Printouts printouts;
    private final RecordChain chain;
    private final AuditTrail audit;
    private final Clock clock;

    SuperbillService(SuperbillQueries queries, ClientService clients, ClinicService clinic, IntakeService intakes,
            BillingCodes codes, SuperbillPdf pdf, PdfFonts fonts, Printouts printouts, RecordChain chain,
            AuditTrail audit, Clock clock) {
        this.queries = queries;
        this.clients = clients;
        this.clinic = clinic;
        this.intakes = intakes;
        this.codes = codes;
        this.pdf = pdf;
        this.fonts = fonts;
        this.printouts = printouts;
        this.chain = chain;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A superbill written or printed: where to (file null if only printed, printer null if not),
     * how many visits, the totals (null when no visit is receipted), the unsigned sessions left
     * out, and the PDF's size and fingerprint.
     */
    public record Written(Path file, String printer, int visits, Totals totals, List<Long> unsigned, int bytes,
            String sha256) {
    }

    /**
     * Writes the superbill of client {@code clientId} from {@code from} to {@code to} (both
     * included). {@code diagnoses} (may be empty) go on the visits whose note has none; a visit with
     * neither is refused, naming the codes the intake suggests. {@code minutes} (may be null) go on the
     * visits whose note has no minutes by code and whose service has not one timed code to take them,
     * each within the visit's length. Nothing is written or recorded if any visit cannot be billed.
     */
    @Transactional
    public Written write(long clientId, LocalDate from, LocalDate to, List<String> diagnoses, ProcedureMinutes minutes,
            Paper paper, Destination destination) {
        Client client = clients.get(clientId);
        Clinic details = clinic.clinic().filter(c -> c.name() != null).orElseThrow(() -> new ConflictException(
                "No clinic details yet for the letterhead: set them with 'clinic set --name ... --address ... --phone ...'"));
        List<VisitRow> rows = queries.visits(clientId, from, to);
        List<Long> unsigned = rows.stream().filter(row -> !row.signed()).map(VisitRow::sessionId).toList();
        List<VisitRow> signed = rows.stream().filter(VisitRow::signed).toList();
        if (signed.isEmpty()) {
            throw new ConflictException("Client " + clientId + " has no signed session from " + from + " to " + to
                    + (unsigned.isEmpty() ? "" : "; sign " + sessions(unsigned) + " first (session sign ID)")
                    + ", so there is nothing to bill");
        }
        List<DoneVisit> done = queries.doneVisits(clientId, from, to);
        Currency currency = clinic.currency().orElse(null);
        List<Visit> visits = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        for (VisitRow row : signed) {
            List<String> visitDiagnoses = row.diagnosisCodes() != null ? List.of(row.diagnosisCodes().split(","))
                    : diagnoses;
            if (visitDiagnoses.isEmpty()) {
                throw InvalidInputException.forField("diagnosis", "session " + row.sessionId() + " on "
                        + row.startedAt().toLocalDate() + " has no diagnosis codes; confirm them with --diagnosis"
                        + suggestions(clientId));
            }
            List<Procedure> procedures = procedures(row, done, minutes);
            if (row.currency() != null) {
                currency = currency == null ? Currency.getInstance(row.currency()) : currency;
                if (!currency.getCurrencyCode().equals(row.currency())) {
                    throw new ConflictException("Session " + row.sessionId() + "'s receipt is in " + row.currency()
                            + ", not " + currency.getCurrencyCode() + ": a superbill totals one currency");
                }
            }
            Money charge = row.totalMinor() == null ? null : Money.ofMinor(row.totalMinor(), currency);
            Money paid = row.totalMinor() == null ? null
                    : Money.ofMinor(row.paidMinor() == null ? 0 : row.paidMinor(), currency);
            procedures.forEach(p -> used.add(p.code()));
            used.addAll(visitDiagnoses);
            visits.add(new Visit(row.sessionId(), row.startedAt().toLocalDate(), PLACE_OF_SERVICE,
                    row.practitioner() + (row.credentials() == null || row.credentials().isBlank() ? ""
                            : ", " + row.credentials()), row.registrationNumber(), procedures, visitDiagnoses, charge, paid));
        }
        LocalDate today = LocalDate.now(clock);
        Superbill superbill = new Superbill(
                new Superbill.Clinic(details.name(), details.address(), details.phone(), details.taxNumber()),
                new Superbill.Client(clientId, client.printedName(), client.dateOfBirth(), client.address(), client.phone()),
                from, to, today, visits, totals(visits, currency), key(used), chain.seal().printed());
        requirePrintable(superbill);
        Handover handover = printouts.prepare(destination, client.fileName("superbill", today));
        byte[] bytes = pdf.render(superbill, paper);
        String sha256 = sha256(bytes);
        String what = "superbill for " + from + " to " + to + ", " + visits.size() + (visits.size() == 1 ? " visit" : " visits");
        if (handover.file() != null) {
            audit.record("export", "superbill", null, clientId, "Wrote " + what + " to " + handover.file().getFileName()
                    + " (SHA-256 " + sha256 + ")");
        }
        if (handover.printer() != null) {
            audit.record("print", "superbill", null, clientId, "Printed " + what + " on " + handover.printerName()
                    + " (SHA-256 " + sha256 + ")");
        }
        // Made again from the records at will, so not forced to disk (as a care plan's printout).
        printouts.deliver(handover, bytes, "superbill-client-" + clientId + "-" + today, false);
        return new Written(handover.file(), handover.printerName(), visits.size(), superbill.totals(), unsigned,
                bytes.length, sha256);
    }

    /**
     * The procedures of a visit with their units: from the minutes by code of its note, else all its
     * minutes on the one timed code of the service it was billed under (its receipt's, else the
     * service of the appointment marked done that day).
     */
    private List<Procedure> procedures(VisitRow row, List<DoneVisit> done, ProcedureMinutes typed) {
        ProcedureMinutes given = ProcedureMinutes.stored(row.procedureMinutes());
        if (given == null) {
            given = fromService(row, done).orElse(null);
        }
        if (given == null && typed != null) {
            if (row.durationMinutes() != null && typed.total() > row.durationMinutes()) {
                throw InvalidInputException.forField("procedures", typed.total() + " minutes is more than session "
                        + row.sessionId() + " on " + row.startedAt().toLocalDate() + " lasted ("
                        + row.durationMinutes() + " minutes)");
            }
            given = typed;
        }
        if (given == null) {
            throw InvalidInputException.forField("procedures", "session " + row.sessionId() + " on "
                    + row.startedAt().toLocalDate() + " has no minutes by procedure code, and no service with exactly"
                    + " one timed code to give " + (row.durationMinutes() == null ? "its minutes"
                    : "its " + row.durationMinutes() + " minutes") + " to; confirm them with --procedures"
                    + " 97124:40,... (or leave the visit out with --from/--to)");
        }
        Map<ProcedureCode, Integer> minutes = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> entry : given.minutes().entrySet()) {
            ProcedureCode code = codes.procedure(entry.getKey()).orElseThrow(() -> new ConflictException("Session "
                    + row.sessionId() + " has procedure code " + entry.getKey() + ", which templates/"
                    + "billing/codes.yaml no longer holds; put it back there to bill this visit"));
            minutes.put(code, entry.getValue());
        }
        List<Procedure> procedures = new ArrayList<>();
        // A code the rule gives no unit is not billed: a claim line of 0 units is refused by insurers.
        EightMinuteRule.allocate(minutes).forEach((code, units) -> {
            if (units > 0) {
                procedures.add(new Procedure(code.code(), units, code.timed() ? minutes.get(code) : null));
            }
        });
        return procedures;
    }

    private Optional<ProcedureMinutes> fromService(VisitRow row, List<DoneVisit> done) {
        if (row.durationMinutes() == null) {
            return Optional.empty();
        }
        Optional<Long> service = Optional.ofNullable(row.receiptServiceId()).or(() -> done.stream()
                .filter(visit -> visit.day().equals(row.startedAt().toLocalDate())).map(DoneVisit::serviceId).findFirst());
        return service.map(queries::serviceCodes).map(list -> list.stream()
                        .filter(code -> codes.procedure(code).map(ProcedureCode::timed).orElse(false)).toList())
                .filter(timed -> timed.size() == 1)
                .map(timed -> new ProcedureMinutes(Map.of(timed.getFirst(), row.durationMinutes())));
    }

    /** " (suggested from the intake: R25.2, M62.831)", or how to see the codes when the intake suggests none. */
    private String suggestions(long clientId) {
        List<String> suggested = intakes.current(clientId).map(this::suggested).orElse(List.of());
        return suggested.isEmpty() ? " (see billing codes for the clinic's codes)"
                : " (suggested from the intake: " + String.join(", ", suggested) + ")";
    }

    private List<String> suggested(Intake intake) {
        return codes.suggested(intake.siteIds(), intake.cramps() == null ? null : intake.cramps().timing()).stream()
                .map(DiagnosisCode::code).toList();
    }

    /** The charges, payments and balance of the receipted visits, exactly; null when none is receipted. */
    private static Totals totals(List<Visit> visits, Currency currency) {
        List<Visit> receipted = visits.stream().filter(visit -> visit.charge() != null).toList();
        if (receipted.isEmpty()) {
            return null;
        }
        long charges = receipted.stream().mapToLong(visit -> visit.charge().minor()).sum();
        long paid = receipted.stream().mapToLong(visit -> visit.paid().minor()).sum();
        return new Totals(Money.ofMinor(charges, currency), Money.ofMinor(paid, currency),
                Money.ofMinor(charges - paid, currency));
    }

    /** The codes used, with their descriptions, procedure codes first. */
    private List<Superbill.Code> key(Set<String> used) {
        List<Superbill.Code> key = new ArrayList<>();
        codes.procedures().stream().filter(code -> used.contains(code.code()))
                .forEach(code -> key.add(new Superbill.Code(code.code(), code.description())));
        codes.diagnoses().stream().filter(code -> used.contains(code.code()))
                .forEach(code -> key.add(new Superbill.Code(code.code(), code.description())));
        return key;
    }

    /** Refuses, before anything is written, a name or address with a character no font found can print. */
    private void requirePrintable(Superbill superbill) {
        fonts.requirePrintable("the client's name", superbill.client().name());
        fonts.requirePrintable("the client's address", superbill.client().address());
        fonts.requirePrintable("the clinic's name", superbill.clinic().name());
        fonts.requirePrintable("the clinic's address", superbill.clinic().address());
        superbill.visits().forEach(visit -> fonts.requirePrintable("the provider", visit.provider()));
    }

    private static String sessions(List<Long> ids) {
        return (ids.size() == 1 ? "session " : "sessions ") + ids.stream().map(String::valueOf)
                .collect(Collectors.joining(", "));
    }


    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
