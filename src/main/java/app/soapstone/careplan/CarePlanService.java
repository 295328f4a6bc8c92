package app.soapstone.careplan;

import app.soapstone.careplan.CarePlan.Letterhead;
import app.soapstone.careplan.CarePlan.Point;
import app.soapstone.appointment.AppointmentService;
import app.soapstone.client.Client;
import app.soapstone.client.ClientService;
import app.soapstone.clinic.Clinic;
import app.soapstone.clinic.ClinicService;
import app.soapstone.clinic.Practitioner;
import app.soapstone.intake.Clearance;
import app.soapstone.intake.Intake;
import app.soapstone.intake.IntakeService;
import app.soapstone.integrity.AuditTrail;
import app.soapstone.integrity.RecordChain;
import app.soapstone.pdf.Paper;
import app.soapstone.pdf.PdfFonts;
import app.soapstone.pdf.Print;
import app.soapstone.printing.Destination;
import app.soapstone.printing.Printouts.Handover;
import app.soapstone.printing.Printouts;
import app.soapstone.screening.Finding;
import app.soapstone.screening.Flag;
import app.soapstone.session.Session;
import app.soapstone.session.SessionService;
import app.soapstone.storage.PrivateFiles;
import app.soapstone.validation.ConflictException;
import app.soapstone.validation.InvalidInputException;
import app.soapstone.vocabulary.BodySite;
import app.soapstone.vocabulary.Vocabulary;
import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Composing a client's care plan from their records, previewing it, and exporting or printing it as a PDF. */
@Service
public class CarePlanService {

    private final ClientService clients;
    private final ClinicService clinic;
    private final IntakeService intakes;
    private final SessionService sessions;
    private final Vocabulary vocabulary;
    private final CarePlanComposer composer;
    private final CarePlanPdf pdf;
    private final PdfFonts fonts;
    private final CarePlanExportRepository exports;
    private final Clock clock;
    private final AuditTrail audit;
    private final RecordChain chain;
    private final Printouts printouts;
    private final CarePlanQueries queries;
    private final AppointmentService appointments;

    CarePlanService(ClientService clients, ClinicService clinic, IntakeService intakes, SessionService sessions,
            Vocabulary vocabulary, CarePlanComposer composer, CarePlanPdf pdf, PdfFonts fonts,
            CarePlanExportRepository exports, Clock clock, AuditTrail audit, RecordChain chain, Printouts printouts,
            CarePlanQueries queries, AppointmentService appointments) {
        this.queries = queries;
        this.appointments = appointments;
        this.audit = audit;
        this.chain = chain;
        this.printouts = printouts;
        this.clients = clients;
        this.clinic = clinic;
        this.intakes = intakes;
        this.sessions = sessions;
        this.vocabulary = vocabulary;
        this.composer = composer;
        this.pdf = pdf;
        this.fonts = fonts;
        this.exports = exports;
        this.clock = clock;
    }

    /**
     * A plan (or see-a-doctor sheet) given to the client: the file written (null if it was only
     * printed), the printer it was sent to (null if none), its fingerprint, how many bytes, and
     * what was printed.
     */
    public record Exported(Path file, String printer, String sha256, int bytes, Handout handout) {
    }

    @Transactional(readOnly = true)
    public Handout compose(long clientId, Long sessionId, PlanOptions options) {
        return composer.compose(inputs(clientId, sessionId), withNextVisit(clientId, options));
    }

    /** {@code --next} wins; without it, the client's next booked appointment, with its practitioner. */
    private PlanOptions withNextVisit(long clientId, PlanOptions options) {
        if (options.next() != null) {
            return options;
        }
        return appointments.nextVisit(clientId).map(visit -> options.withNext(visit.at(), visit.practitioner()))
                .orElse(options);
    }

    /** {@code handout} as the text {@code plan preview} shows. */
    public String text(Handout handout) {
        return CarePlanText.render(handout);
    }

    /**
     * Gives the plan to the client as {@code to} says: written as a PDF, whole or not at all
     * ({@link PrivateFiles}), refusing to replace a file unless asked;
     * printed; or both. The copy is recorded against the client with the adaptations made and the
     * printer; nothing is recorded if the printer refuses the job or the file cannot be written.
     * While an urgent referral is not cleared this is the see-a-doctor sheet, whatever the options.
     */
    @Transactional
    public Exported give(long clientId, Long sessionId, PlanOptions options, Paper paper, Print print, Destination to) {
        PlanInputs inputs = inputs(clientId, sessionId);
        requirePrintable(inputs);
        Handout handout = composer.compose(inputs, withNextVisit(clientId, options));
        Client client = clients.get(clientId);
        boolean sheet = handout instanceof DoctorSheet;
        String what = sheet ? "see-a-doctor" : "care-plan";
        Handover handover = printouts.prepare(to, client.fileName(what, LocalDate.now(clock)));
        // The seal of the records as they stand before this copy is recorded: it anchors them on paper.
        byte[] bytes = pdf.render(handout, paper, print, chain.seal().printed());
        String sha256 = sha256(bytes);
        CarePlanExport export = exports.save(new CarePlanExport(null, AggregateReference.to(clientId),
                sessionId == null ? null : AggregateReference.to(sessionId), clock.instant(),
                handover.file() == null ? CarePlanExport.PRINTED_ONLY : handover.file().toString(),
                sha256, paper.name().toLowerCase(Locale.ROOT),
                sheet ? CarePlanExport.SEE_A_DOCTOR : CarePlanExport.CARE_PLAN,
                handout.adaptations().isEmpty() ? null : String.join("\n", handout.adaptations()),
                print == Print.LARGE, handover.printerName()));
        chain.link("care-plan", export.id());
        String name = sheet ? "see-a-doctor sheet" : "care plan";
        if (handover.file() != null) {
            audit.record("export", "care-plan", export.id(), clientId, "Exported " + name + " "
                    + handover.file().getFileName() + " (SHA-256 " + sha256 + ")");
        }
        if (handover.printer() != null) {
            audit.record("print", "care-plan", export.id(), clientId, "Printed " + name + " on "
                    + handover.printerName() + " (SHA-256 " + sha256 + ")");
        }
        // A printout can be made again from the records, so it is not forced to disk (that costs
        // more than composing and rendering it); the export record in the database is durable.
        printouts.deliver(handover, bytes, what + "-client-" + clientId + "-" + LocalDate.now(clock), false);
        return new Exported(handover.file(), handover.printerName(), sha256, bytes.length, handout);
    }

    /**
     * Refuses, before anything is rendered, written or recorded, any field from the client's records
     * that has a character no font found can print, naming the field and the character: the
     * printout would otherwise lose it without a word.
     */
    private void requirePrintable(PlanInputs in) {
        fonts.requirePrintable("the client's name", in.clientName());
        Letterhead head = in.letterhead();
        fonts.requirePrintable("the clinic's name", head.clinicName());
        fonts.requirePrintable("the clinic's address", head.address());
        fonts.requirePrintable("the clinic's phone", head.phone());
        fonts.requirePrintable("the clinic's email", head.email());
        fonts.requirePrintable("the clinic's website", head.website());
        fonts.requirePrintable("the practitioner", head.practitioner());
        fonts.requirePrintable("the therapist's note", in.therapistNote());
        in.medicines().forEach(medicine -> fonts.requirePrintable("the medicines on the intake", medicine));
        fonts.requirePrintable("the other conditions on the intake", in.otherConditions());
        fonts.requirePrintable("the allergies on the intake", in.allergies());
        in.flags().stream().map(Flag::finding).filter(f -> f.kind().equals(Finding.SURGERY))
                .forEach(surgery -> fonts.requirePrintable("the surgeries on the intake", surgery.subject()));
    }

    @Transactional(readOnly = true)
    public List<CarePlanExport> exports(long clientId) {
        clients.get(clientId);
        return exports.findByClient(clientId);
    }

    /** A client whose last visit (session {@code sessionId}) has no care plan given for it yet. */
    public record PlanDue(long clientId, long sessionId, LocalDateTime startedAt) {
    }

    /** Of {@code clientIds}, those whose last visit has no care plan given for it, by one query for them all. */
    @Transactional(readOnly = true)
    public List<PlanDue> notGivenSinceLastVisit(Collection<Long> clientIds) {
        return queries.notGivenSinceLastVisit(clientIds);
    }

    private PlanInputs inputs(long clientId, Long sessionId) {
        Client client = clients.get(clientId);
        Clinic details = clinic.clinic().orElseThrow(() -> new ConflictException(
                "No clinic details yet for the letterhead: set them with 'clinic set --name ... --address ... --phone ...'"));
        Optional<Session> session = Optional.ofNullable(sessionId).map(id -> sessionOf(clientId, id));
        Practitioner practitioner = session.map(s -> clinic.practitioner(s.practitioner().getId()))
                .or(clinic::defaultPractitioner)
                .orElseThrow(() -> new ConflictException(
                        "No practitioner yet: add one with 'practitioner add --name ... --credentials ...'"));
        String note = session.isPresent() ? session.get().note().plan() : sessions.latestPlanText(clientId).orElse(null);
        Integer massageMinutes = session.isPresent() ? session.get().homeMassageMinutes()
                : sessions.latestHomeMassageMinutes(clientId).orElse(null);
        LocalDate today = LocalDate.now(clock);
        Optional<IntakeService.Screened> screened = intakes.screening(clientId);
        Optional<Intake> intake = screened.map(IntakeService.Screened::intake);
        List<String> regions = intake.map(i -> i.siteIds().stream()
                .map(id -> vocabulary.site(id).map(BodySite::region).orElse(id)).distinct().toList()).orElse(List.of());
        List<SessionService.ProgressRow> rows = sessions.progress(clientId);
        List<Point> progress = rows.stream().filter(r -> r.crampsPerWeek() != null)
                .map(r -> new Point(r.when().toLocalDate(), r.crampsPerWeek())).toList();
        Intake.CrampHistory cramps = intake.map(Intake::cramps).orElse(null);
        Intake.Lifestyle lifestyle = intake.map(Intake::lifestyle).orElse(null);
        return new PlanInputs(today, client.printedName(), client.ageOn(today),
                new Letterhead(details.name(), details.address(), details.phone(), details.email(), details.website(),
                        practitioner.signature()),
                intake.map(Intake::version).orElse(null), intake.map(Intake::takenOn).orElse(null), regions,
                intake.map(Intake::conditionIds).orElse(List.of()), intake.map(Intake::otherConditions).orElse(null),
                cramps == null ? null : cramps.timing(), cramps == null ? null : cramps.triggers(),
                screened.map(IntakeService.Screened::flags).orElse(List.of()),
                screened.flatMap(IntakeService.Screened::clearance).map(Clearance::clearedOn).orElse(null),
                intake.map(i -> i.medications().stream().map(Intake.IntakeMedication::named).toList())
                        .orElse(List.of()),
                intake.map(Intake::allergies).orElse(null),
                latest(rows, SessionService.ProgressRow::sleepDisturbance),
                latest(rows, SessionService.ProgressRow::crampsPerWeek), massageMinutes,
                lifestyle == null ? null : lifestyle.waterGlasses(),
                lifestyle == null ? null : lifestyle.litresPerDay(vocabulary.glassMl()),
                progress, note);
    }

    /** The most recent value of one measure over the intakes and sessions, with the record it is from. */
    private static PlanInputs.Measure latest(List<SessionService.ProgressRow> rows,
            Function<SessionService.ProgressRow, ? extends Number> measure) {
        for (SessionService.ProgressRow row : rows.reversed()) {
            Number value = measure.apply(row);
            if (value != null) {
                return new PlanInputs.Measure(value.doubleValue(), row.record());
            }
        }
        return null;
    }

    private Session sessionOf(long clientId, long sessionId) {
        Session session = sessions.get(sessionId);
        if (session.client().getId() != clientId) {
            throw InvalidInputException.forField("session", "session " + sessionId + " is not one of client "
                    + clientId + "'s sessions");
        }
        return session;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
