package app.soapstone.record;

import app.soapstone.appointment.AppointmentService;
import app.soapstone.appointment.BookEntry;
import app.soapstone.appointment.ClinicTime;
import app.soapstone.careplan.CarePlanExport;
import app.soapstone.careplan.CarePlanService;
import app.soapstone.client.Client;
import app.soapstone.client.ClientService;
import app.soapstone.client.ClientView;
import app.soapstone.clinic.Clinic;
import app.soapstone.clinic.ClinicService;
import app.soapstone.intake.Intake;
import app.soapstone.intake.IntakeService.Screened;
import app.soapstone.intake.IntakeService;
import app.soapstone.intake.IntakeView;
import app.soapstone.integrity.AuditTrail;
import app.soapstone.integrity.RecordChain;
import app.soapstone.pdf.Paper;
import app.soapstone.pdf.PdfFonts;
import app.soapstone.printing.Destination;
import app.soapstone.printing.Printouts.Handover;
import app.soapstone.printing.Printouts;
import app.soapstone.receipt.Receipt;
import app.soapstone.receipt.ReceiptService;
import app.soapstone.record.Chart.Entry;
import app.soapstone.record.Chart.Paragraph;
import app.soapstone.record.Chart.PaymentLine;
import app.soapstone.record.Chart.ReceiptLine;
import app.soapstone.record.Chart.Row;
import app.soapstone.record.Chart.SessionLine;
import app.soapstone.record.Chart.VisitLine;
import app.soapstone.screening.Flag;
import app.soapstone.session.Session;
import app.soapstone.session.SessionService.NumberedAddendum;
import app.soapstone.session.SessionService.SessionRecord;
import app.soapstone.session.SessionService;
import app.soapstone.session.SessionView;
import app.soapstone.validation.DateTimes;
import app.soapstone.validation.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The chart of a client as a PDF, for a records request or a transfer: their details, each intake
 * version with its screening as it stood then, a table of the sessions, each session note with the
 * screening shown at the time, its signature and its numbered addenda, the care plans given, and
 * the receipts with what was paid on them - for the whole record or for a period.
 */
@Service
public class ChartExport {

    private static final DateTimeFormatter WHEN = DateTimes.MINUTE;
    private static final List<String> SOAP = List.of("Subjective", "Objective", "Assessment", "Plan");

    private final ClientService clients;
    private final ClinicService clinic;
    private final IntakeService intakes;
    private final IntakeView intakeView;
    private final SessionService sessions;
    private final SessionView sessionView;
    private final CarePlanService carePlans;
    private final AppointmentService appointments;
    private final ReceiptService receipts;
    private final PdfFonts fonts;
    private final ChartPdf pdf;
    private final Printouts printouts;
    private final AuditTrail audit;
    private final RecordChain chain;
    private final Clock clock;

    ChartExport(ClientService clients, ClinicService clinic, IntakeService intakes, IntakeView intakeView,
            SessionService sessions, SessionView sessionView, CarePlanService carePlans, AppointmentService appointments,
            ReceiptService receipts, PdfFonts fonts, ChartPdf pdf, Printouts printouts, AuditTrail audit,
            RecordChain chain, Clock clock) {
        this.appointments = appointments;
        this.receipts = receipts;
        this.chain = chain;
        this.clients = clients;
        this.clinic = clinic;
        this.intakes = intakes;
        this.intakeView = intakeView;
        this.sessions = sessions;
        this.sessionView = sessionView;
        this.carePlans = carePlans;
        this.fonts = fonts;
        this.pdf = pdf;
        this.printouts = printouts;
        this.audit = audit;
        this.clock = clock;
    }

    /** A chart given: the file written (null if only printed), the printer (null if none), and its pages. */
    public record Exported(Path file, String printer, int pages) {
    }

    /**
     * Gives the chart of {@code period} as {@code to} says: written to a file (or a folder, for the
     * default name), whole or not at all and replacing a file only if asked; printed; or both.
     * Recorded in the audit trail; nothing is recorded if the printer refuses the job or the file
     * cannot be written. Text that no font can print is refused, naming where it is, before
     * anything is written.
     */
    @Transactional
    public Exported give(long clientId, ChartPeriod period, Paper paper, Destination to) {
        Client client = clients.get(clientId);
        LocalDateTime printed = LocalDateTime.ofInstant(clock.instant(), ZoneId.systemDefault());
        Handover handover = printouts.prepare(to, client.fileName("chart", printed.toLocalDate()));
        fonts.requirePrintable("the client's first name", client.firstName());
        fonts.requirePrintable("the client's last name", client.lastName());
        fonts.requirePrintable("the client's preferred name", client.preferredName());
        fonts.requirePrintable("the client's print name", client.printName());
        Chart chart = chart(client, period, printed);
        chart.texts(fonts::requirePrintable);
        ChartPdf.Rendered rendered = pdf.render(chart, paper);
        String what = period.wholeRecord() ? "the full chart" : "the chart (" + period.text() + ")";
        if (handover.file() != null) {
            audit.record("export", "chart", clientId, clientId, "Exported " + what + " to "
                    + handover.file().getFileName());
        }
        if (handover.printer() != null) {
            audit.record("print", "chart", clientId, clientId, "Printed " + what + " on " + handover.printerName());
        }
        printouts.deliver(handover, rendered.pdf(), "chart-client-" + clientId + "-" + printed.toLocalDate(), true);
        return new Exported(handover.file(), handover.printerName(), rendered.pages());
    }

    Chart chart(Client client, ChartPeriod period, LocalDateTime printed) {
        long id = client.id();
        LocalDate today = printed.toLocalDate();
        List<Row> details = ClientView.fields(client, today, clients.lastVisit(id).orElse(null)).stream()
                .filter(field -> !field.get(1).isBlank()).map(field -> Row.field(field.get(0), field.get(1), true))
                .toList();

        List<Intake> history = intakes.history(id);
        Map<Long, Intake> byId = history.stream().collect(Collectors.toMap(Intake::id, Function.identity()));
        List<Entry> intakeEntries = new ArrayList<>();
        for (Intake intake : history) {
            boolean inForce = inForceAtStart(intake, history, period);
            if (inForce || period.contains(intake.takenOn())) {
                intakeEntries.add(intake(intake, inForce ? period.from() : null));
            }
        }

        List<SessionRecord> records = sessions.sessionIds(id).stream().map(sessions::details)
                .filter(r -> period.contains(r.session().startedAt().toLocalDate())).toList();
        List<SessionLine> lines = records.stream().map(ChartExport::line).toList();
        List<Entry> notes = records.stream().map(r -> note(r, byId)).toList();

        AppointmentService.Book book = appointments.history(id);
        List<BookEntry> visits = book.entries().stream()
                .filter(e -> period.contains(LocalDate.ofInstant(e.startsAt(), book.zone()))).toList();
        List<VisitLine> visitLines = visits.stream().map(e -> visit(e, book.zone())).toList();

        // The receipts for visits in the period, each with its whole ledger, as a note with all its addenda.
        List<Receipt> billed = receipts.list(id, period.from(), period.to());
        ZoneId billingZone = receipts.zone();
        List<ReceiptLine> receiptLines = billed.stream().map(ChartExport::receiptLine).toList();
        List<PaymentLine> paymentLines = billed.stream().flatMap(r -> r.payments().stream().map(p -> new PaymentLine(
                r.number(), WHEN.format(LocalDateTime.ofInstant(p.at(), billingZone)), p.kind().word(),
                p.method().word(), p.amount().toString(), p.payer() != null ? p.payer() : text(p.note())))).toList();

        List<Entry> plans = carePlans.exports(id).stream()
                .filter(p -> period.contains(local(p.exportedAt()).toLocalDate())).map(ChartExport::carePlan).toList();

        // The name as the client writes it, when they gave one; the record's names are in the details.
        String name = client.printName() == null ? client.displayName() : client.printedName();
        String end = "End of the clinical record of " + name + (period.wholeRecord() ? "" : ", " + period.text())
                + ": " + count(notes.size(), "session note") + ", " + count(intakeEntries.size(), "intake version") + ", "
                + count(plans.size(), "care plan") + " given.";
        // The records as they stand before this chart is recorded as given: it anchors them on paper.
        return new Chart(new Chart.Identity(name, client.dateOfBirth() == null ? null : client.dateOfBirth().toString(),
                id), clinic.clinic().map(ChartExport::letterhead).orElse(null), WHEN.format(printed), scope(period),
                period.text(), details, lines, visitLines, visitCounts(visits, book.zone(), period), receiptLines,
                paymentLines, billing(billed, period, billingZone), intakeEntries, notes, plans, end,
                chain.seal().printed());
    }

    private static String scope(ChartPeriod period) {
        String held = period.wholeRecord()
                ? "The whole record: the client's details, their visits in the appointment book, the receipts with"
                        + " what was paid on them, every intake version with its screening, every session note with its"
                        + " signature and addenda, and the care plans given."
                : "Part of the record, " + period.text() + ": the visits and sessions in that period, the sessions with"
                        + " all their addenda, the receipts for visits in it with all their payments, the"
                        + " intake versions taken in it" + (period.from() == null ? "" : " and the one in force on "
                        + period.from()) + ", and the care plans given in it; the client's details as they are today.";
        return held + " Signed notes are final: a correction is a dated, numbered addendum under the note it corrects.";
    }

    /** Whether {@code intake} is the version the period starts under: the last one taken before it. */
    private static boolean inForceAtStart(Intake intake, List<Intake> history, ChartPeriod period) {
        if (period.from() == null || !intake.takenOn().isBefore(period.from())) {
            return false;
        }
        return history.stream().filter(i -> i.takenOn().isBefore(period.from()))
                .max(Comparator.comparing(Intake::takenOn).thenComparing(Intake::version))
                .map(i -> i.id().equals(intake.id())).orElse(false);
    }

    private Entry intake(Intake intake, LocalDate inForceOn) {
        List<Row> rows = new ArrayList<>();
        String recorded = WHEN.format(local(intake.recordedAt())) + (intake.practitioner() == null ? ""
                : " by " + clinic.practitioner(intake.practitioner().getId()).signature());
        rows.add(Row.field("Recorded", recorded, false));
        for (List<String> field : intakeView.fields(intake)) {
            if (!field.get(1).isBlank()) {
                rows.add(Row.field(field.get(0), field.get(1), true));
            }
        }
        // As it stood when the version was taken, not as it would be today: that is what the therapist saw.
        Screened screened = intakes.screen(intake, intake.takenOn());
        rows.add(Row.subheading("Screening as of " + intake.takenOn()));
        if (screened.blocked()) {
            rows.add(Row.warning("Urgent referral, not cleared:", " no treatment of the affected area until a medical"
                    + " clearance is recorded."));
        }
        if (screened.flags().isEmpty()) {
            rows.add(Row.line("", "No flags."));
        }
        for (Flag flag : screened.flags()) {
            List<Paragraph> about = new ArrayList<>();
            about.add(new Paragraph(flag.title(), "", false));
            about.add(new Paragraph("", flag.reason(), false));
            about.add(new Paragraph("", "From " + flag.source(), false));
            if (flag.clearance() != null) {
                about.add(new Paragraph("", Character.toUpperCase(flag.clearance().charAt(0))
                        + flag.clearance().substring(1), false));
            }
            rows.add(Row.field(flag.levelLabel(), about));
        }
        return new Entry("intake version " + intake.version(), "Intake version " + intake.version() + " \u00b7 taken "
                + intake.takenOn() + (inForceOn == null ? "" : " \u00b7 in force on " + inForceOn), rows);
    }

    private Entry note(SessionRecord record, Map<Long, Intake> intakesById) {
        Session s = record.session();
        List<Row> rows = new ArrayList<>();
        rows.add(Row.field("Practitioner", record.practitioner().signature(), false));
        if (s.durationMinutes() != null) {
            rows.add(Row.field("Duration", s.durationMinutes() + " minutes", false));
        }
        for (List<String> field : sessionView.treatment(s)) {
            if (!field.get(1).isBlank()) {
                rows.add(Row.field(field.get(0), field.get(1), false));
            }
        }
        if (s.intake() != null && intakesById.containsKey(s.intake().getId())) {
            Intake intake = intakesById.get(s.intake().getId());
            rows.add(Row.field("Intake", "version " + intake.version() + ", taken " + intake.takenOn(), false));
        }
        // Only what was shown before this session, as stored with it: the intake's screening is printed once.
        Stream.of(List.of("Screening shown", text(s.screeningShown())),
                List.of("Warnings shown", text(s.warningsShown())), List.of("Override reason", text(s.overrideReason())))
                .filter(f -> !f.get(1).isBlank()).forEach(f -> rows.add(Row.field(f.get(0), f.get(1), true)));
        List<String> soap = Stream.of(s.note().subjective(), s.note().objective(), s.note().assessment(), s.note().plan())
                .map(text -> text == null || text.isBlank() ? "(none)" : text).toList();
        for (int i = 0; i < SOAP.size(); i++) {
            rows.add(Row.field(SOAP.get(i), soap.get(i), false));
        }
        rows.add(s.signed()
                ? Row.line("Signed by " + record.signer().signature() + " on " + WHEN.format(local(s.signedAt())), "")
                : Row.warning("DRAFT - not signed.", " The note can still be changed; it is final only once signed."));
        for (NumberedAddendum numbered : record.addenda()) {
            rows.add(Row.note("addendum " + numbered.number(), "Addendum " + numbered.number() + ", "
                    + WHEN.format(local(numbered.addendum().writtenAt())) + ", " + numbered.author().signature(),
                    numbered.addendum().text()));
        }
        return new Entry("session " + s.id(), "Session " + s.id() + " \u00b7 " + WHEN.format(s.startedAt())
                + (s.signed() ? "" : " \u00b7 DRAFT - not signed"), rows);
    }

    private static SessionLine line(SessionRecord record) {
        Session s = record.session();
        return new SessionLine(s.id(), WHEN.format(s.startedAt()), record.practitioner().signature(),
                s.durationMinutes() == null ? "" : s.durationMinutes().toString(), s.signed() ? "Signed" : "DRAFT",
                String.valueOf(record.addenda().size()));
    }

    /** A visit as the chart words it: attended, cancelled (with the reason), missed, upcoming or not marked. */
    private VisitLine visit(BookEntry entry, ZoneId zone) {
        return new VisitLine(entry.id(), ClinicTime.show(entry.startsAt(), zone), entry.practitioner(),
                entry.service() == null ? "" : entry.service(), visitStatus(entry));
    }

    private String visitStatus(BookEntry entry) {
        return switch (entry.status()) {
            case CANCELLED -> "cancelled" + (entry.cancelReason() == null ? "" : ": " + entry.cancelReason());
            case NO_SHOW -> "missed (no-show)";
            default -> visitKind(entry);
        };
    }

    /** What a visit counts as: attended, cancelled, missed; a booked one upcoming, or not marked once past. */
    private String visitKind(BookEntry entry) {
        return switch (entry.status()) {
            case DONE -> "attended";
            case CANCELLED -> "cancelled";
            case NO_SHOW -> "missed";
            case BOOKED -> entry.startsAt().isAfter(clock.instant()) ? "upcoming" : "booked, not marked";
        };
    }

    /** "12 attended, 1 cancelled, 2 missed, 1 upcoming. Times in Australia/Sydney." */
    private String visitCounts(List<BookEntry> visits, ZoneId zone, ChartPeriod period) {
        if (visits.isEmpty()) {
            return period.wholeRecord() ? "No appointments in the book." : "No appointments in this period.";
        }
        Map<String, Long> counted = visits.stream().collect(Collectors.groupingBy(this::visitKind,
                Collectors.counting()));
        List<String> parts = new ArrayList<>();
        for (String kind : List.of("attended", "cancelled", "missed", "upcoming", "booked, not marked")) {
            long n = counted.getOrDefault(kind, 0L);
            // The three the record is read for are always said, even when none.
            if (n > 0 || List.of("attended", "cancelled", "missed").contains(kind)) {
                parts.add(n + " " + kind);
            }
        }
        return String.join(", ", parts) + ". Times in " + zone.getId() + ".";
    }

    private static ReceiptLine receiptLine(Receipt receipt) {
        return new ReceiptLine(receipt.number(), receipt.visitDate().toString(), receipt.serviceName(),
                receipt.total().toString(), receipt.paid().toString(),
                receipt.isVoid() ? "VOID: " + receipt.voided().reason() : receipt.balance().toString());
    }

    /**
     * "3 receipts, 1 of them void: CAD 271.20 charged, CAD 141.20 paid, CAD 130.00 owing. Times in
     * America/Toronto." - the receipts in force summed, in each currency they are in; voids are not
     * charged, and what was paid on one is counted where it was moved or refunded.
     */
    private static String billing(List<Receipt> billed, ChartPeriod period, ZoneId zone) {
        if (billed.isEmpty()) {
            return period.wholeRecord() ? "No receipts issued." : "No receipts for visits in this period.";
        }
        long voids = billed.stream().filter(Receipt::isVoid).count();
        Map<Currency, Money[]> sums = new LinkedHashMap<>();
        for (Receipt receipt : billed) {
            Currency currency = receipt.total().currency();
            Money[] sum = sums.computeIfAbsent(currency, c -> new Money[] {Money.zero(c), Money.zero(c), Money.zero(c)});
            if (!receipt.isVoid()) {
                sum[0] = sum[0].plus(receipt.total());
                sum[2] = sum[2].plus(receipt.balance());
            }
            sum[1] = sum[1].plus(receipt.paid());
        }
        String totals = sums.values().stream().map(sum -> sum[0] + " charged, " + sum[1] + " paid, " + sum[2] + " owing")
                .collect(Collectors.joining("; "));
        return count(billed.size(), "receipt") + (voids == 0 ? "" : ", " + voids + " of them void") + ": " + totals
                + ". Times in " + zone.getId() + ".";
    }

    private static Entry carePlan(CarePlanExport plan) {
        List<Row> rows = new ArrayList<>();
        rows.add(Row.line("File ", plan.fileName()));
        rows.add(Row.line("SHA-256 ", plan.sha256()));
        if (plan.session() != null) {
            rows.add(Row.line("Plan from session ", String.valueOf(plan.session().getId())));
        }
        if (!plan.adaptationLines().isEmpty()) {
            rows.add(Row.list("Adapted to the screening:", plan.adaptationLines()));
        }
        return new Entry("the care plan given " + WHEN.format(local(plan.exportedAt())), plan.what() + " \u00b7 given "
                + WHEN.format(local(plan.exportedAt())), rows);
    }

    private static Chart.Letterhead letterhead(Clinic clinic) {
        List<String> contacts = Stream.of(clinic.phone(), clinic.email(), clinic.website())
                .filter(c -> c != null && !c.isBlank()).toList();
        return new Chart.Letterhead(clinic.name(), clinic.address(), contacts);
    }

    private static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneId.systemDefault());
    }

    private static String count(int n, String what) {
        return (n == 0 ? "no" : String.valueOf(n)) + " " + what + (n == 1 ? "" : "s");
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
