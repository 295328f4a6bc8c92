package app.soapstone.session;

import app.soapstone.billing.BillingCodes;
import app.soapstone.billing.DiagnosisCode;
import app.soapstone.billing.ProcedureMinutes;
import app.soapstone.client.Client;
import app.soapstone.client.ClientService;
import app.soapstone.clinic.ClinicService;
import app.soapstone.clinic.Practitioner;
import app.soapstone.intake.Intake;
import app.soapstone.intake.IntakeService.Screened;
import app.soapstone.intake.IntakeService;
import app.soapstone.integrity.AuditTrail;
import app.soapstone.integrity.RecordChain;
import app.soapstone.screening.Flag;
import app.soapstone.session.Session.Outcomes;
import app.soapstone.session.Session.Pain;
import app.soapstone.session.Session.SessionArea;
import app.soapstone.session.Session.SessionModality;
import app.soapstone.session.Session.SoapNote;
import app.soapstone.validation.ConflictException;
import app.soapstone.validation.Fields;
import app.soapstone.validation.InvalidInputException;
import app.soapstone.validation.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Recording, editing, signing and amending treatment sessions and their SOAP notes. */
@Service
public class SessionService {

    private final SessionRepository sessions;
    private final AddendumRepository addenda;
    private final SessionQueries queries;
    private final ClientService clients;
    private final ClinicService clinic;
    private final IntakeService intakes;
    private final SoapTemplates templates;
    private final Clock clock;
    private final AuditTrail audit;
    private final RecordChain chain;
    private final ObjectProvider<SessionFollowUp> followUps;
    private final BillingCodes billing;

    SessionService(SessionRepository sessions, AddendumRepository addenda, SessionQueries queries, ClientService clients,
            ClinicService clinic, IntakeService intakes, SoapTemplates templates, Clock clock, AuditTrail audit,
            RecordChain chain, ObjectProvider<SessionFollowUp> followUps, BillingCodes billing) {
        this.billing = billing;
        this.followUps = followUps;
        this.audit = audit;
        this.chain = chain;
        this.sessions = sessions;
        this.addenda = addenda;
        this.queries = queries;
        this.clients = clients;
        this.clinic = clinic;
        this.intakes = intakes;
        this.templates = templates;
        this.clock = clock;
    }

    /**
     * What the therapist must see before a session is recorded - the client's screening and any
     * modality that conflicts with a precaution - with who gave the session and when it started:
     * worked out once, shown, then stored as it was shown.
     */
    public record Preflight(Client client, Practitioner practitioner, LocalDateTime startedAt,
            Optional<Screened> screening, List<String> warnings) {

        public boolean blocked() {
            return screening.map(Screened::blocked).orElse(false);
        }

        List<Flag> flags() {
            return screening.map(Screened::flags).orElse(List.of());
        }
    }

    /** A session with its addenda, numbered, and the names needed to show it. */
    public record SessionRecord(Session session, Client client, Practitioner practitioner, Practitioner signer,
            List<NumberedAddendum> addenda) {
    }

    /**
     * An addendum with its number among its session's addenda (1, 2, ... in the order written) and
     * its author: the number the shell reports when it is added and every printout shows.
     */
    public record NumberedAddendum(int number, Addendum addendum, Practitioner author) {
    }

    /** A session just recorded, and what followed from it in the same transaction ("Appointment 12 marked done."). */
    public record Recorded(Session session, List<String> followUps) {
    }

    /**
     * Checks a new session's draft against the client - when it took place, who gave it - and works
     * out what must be shown before recording it.
     */
    @Transactional(readOnly = true)
    public Preflight preflight(long clientId, SessionDraft draft) {
        Client client = clients.active(clientId);
        // Checked here, so that a bad date, time or practitioner is reported before the editor opens.
        LocalDateTime startedAt = startedAt(draft, null, client.dateOfBirth());
        Practitioner practitioner = practitionerOrDefault(draft.practitioner());
        Optional<Screened> screening = intakes.screening(clientId);
        List<String> warnings = screening.map(s -> intakes.conflicts(s.intake(), draft.modalities().applyTo(List.of()),
                draft.pressure().applyTo(null))).orElse(List.of());
        return new Preflight(client, practitioner, startedAt, screening, warnings);
    }

    /**
     * Records a new session as {@code preflight} worked it out. An uncleared urgent referral
     * refuses it unless an override reason is given; the screening and warnings shown are stored
     * with the note. What follows from it elsewhere ({@link SessionFollowUp}) happens in the same
     * transaction.
     */
    @Transactional
    public Recorded record(Preflight preflight, SessionDraft draft) {
        String override = requireTreatable(preflight, draft);
        long clientId = preflight.client().id();
        Instant now = clock.instant();
        Session empty = new Session(null, AggregateReference.to(clientId), AggregateReference.to(preflight.practitioner().id()),
                preflight.screening().map(s -> AggregateReference.<Intake, Long>to(s.intake().id())).orElse(null),
                null, null, List.of(), List.of(), null, null, null, new Pain(null, null), new Outcomes(null, null, null),
                new SoapNote(null, null, null, null), null, screeningShown(preflight), warningsShown(preflight), override,
                null, null, now, now, null, null, null);
        Session saved = sessions.save(changed(empty, draft, preflight.startedAt(), now));
        audit.record("add", "session", saved.id(), clientId, "Recorded session " + saved.id()
                + (override == null ? "" : " despite an urgent referral (override reason given)"));
        List<String> followed = new ArrayList<>(followUps.orderedStream().flatMap(f -> f.recorded(saved).stream())
                .toList());
        suggestedDiagnoses(preflight, saved).ifPresent(followed::add);
        return new Recorded(saved, followed);
    }

    /**
     * The line offering the diagnosis codes the client's intake suggests (their cramp sites and
     * timing), for a session recorded without any: the therapist confirms them, nothing is chosen
     * for them.
     */
    private Optional<String> suggestedDiagnoses(Preflight preflight, Session saved) {
        if (!saved.diagnoses().isEmpty() || preflight.screening().isEmpty()) {
            return Optional.empty();
        }
        Intake intake = preflight.screening().get().intake();
        List<String> codes = billing.suggested(intake.siteIds(), intake.cramps() == null ? null
                : intake.cramps().timing()).stream().map(DiagnosisCode::code).toList();
        return codes.isEmpty() ? Optional.empty() : Optional.of("Suggested diagnosis codes from the intake: "
                + String.join(", ", codes) + " (add with session edit " + saved.id() + " --diagnosis "
                + String.join(",", codes) + ")");
    }

    /**
     * Refuses treatment while an urgent referral is uncleared, unless {@code --override} gives a
     * reason; returns that reason (or null).
     */
    public String requireTreatable(Preflight preflight, SessionDraft draft) {
        String override = draft.override();
        if (preflight.blocked() && override == null) {
            long clientId = preflight.client().id();
            String urgent = preflight.flags().stream().filter(Flag::blocking).map(Flag::title)
                    .collect(Collectors.joining("; "));
            throw new ConflictException("Client " + clientId + " has an urgent referral (" + urgent + "). Record a"
                    + " medical clearance with 'intake clear --client " + clientId + " --note ...', or give"
                    + " --override \"reason\" to treat anyway; nothing was stored");
        }
        return override;
    }

    /** Changes the given fields of a draft; signed notes are final. */
    @Transactional
    public Session edit(long id, SessionDraft changes) {
        return edit(id, null, changes);
    }

    /**
     * Changes the given fields of a draft that was read at {@code readVersion} (null: read now, in
     * this transaction), as when it was opened in the editor minutes ago: if anyone changed or
     * signed it since, nothing is saved and the refusal says who and when.
     */
    @Transactional
    public Session edit(long id, Long readVersion, SessionDraft changes) {
        if (readVersion != null && !readVersion.equals(get(id).version())) {
            throw changedMeanwhile(id);
        }
        Session session = draftSession(id);
        if (changes.isEmpty()) {
            throw new InvalidInputException("Nothing to change: give at least one option, e.g. --plan \"...\", or"
                    + " --edit to change the note in your editor (see 'help session edit')");
        }
        SoapNote note = changes.note(session.note());
        SoapNote filled = fillBlanks(session.template(), note, changes.measuresGiven());
        if (!filled.equals(note)) {
            changes = changes.withNote(filled, note);
        }
        LocalDateTime startedAt = changes.date().given() || changes.time().given()
                ? startedAt(changes, session.startedAt(), clients.get(session.client().getId()).dateOfBirth())
                : session.startedAt();
        Session saved;
        try {
            saved = sessions.save(changed(session, changes, startedAt, clock.instant()));
        } catch (OptimisticLockingFailureException e) {
            throw changedMeanwhile(id);
        }
        audit.record("change", "session", id, session.client().getId(), "Changed draft: "
                + String.join(", ", changes.given()));
        return saved;
    }

    /** The refusal of a change to session {@code id}, read before someone else changed or signed it. */
    private ConflictException changedMeanwhile(long id) {
        Session now = get(id);
        if (now.signed()) {
            // Who signed, from the note: the audit trail's actor is whoever was at the keyboard.
            return audit.changedMeanwhile("Session " + id, new AuditTrail.LastChange("sign",
                    clinic.practitioner(now.signedBy().getId()).name(), now.signedAt()),
                    "it is final now: add what you meant as an addendum with 'session amend " + id + " --edit'");
        }
        return audit.changedMeanwhile("Session " + id, "session", id, "open it again with 'session edit " + id + "'");
    }

    /**
     * Signs a draft: from now on the note and all its fields are final. A note with blanks left
     * (see {@link SoapBlanks}) is refused, listing them, unless {@code allowBlanks}.
     */
    @Transactional
    public Session sign(long id, Long practitionerId, boolean allowBlanks) {
        Session session = get(id);
        if (session.signed()) {
            throw new ConflictException("Session " + id + " is already signed ("
                    + SessionView.WHEN.format(session.signedAt().atZone(clock.getZone())) + "); add a correction with"
                    + " 'session amend " + id + " --text ...'");
        }
        if (session.note().isEmpty()) {
            throw new ConflictException("Session " + id + " has no SOAP text to sign; write it with 'session edit "
                    + id + " --edit' or --subjective/--objective/--assessment/--plan");
        }
        List<SoapBlanks.Unfilled> blanks = SoapBlanks.unfilled(session.note());
        if (!blanks.isEmpty() && !allowBlanks) {
            throw new ConflictException("Session " + id + " has " + count(blanks) + " unfilled "
                    + (count(blanks) == 1 ? "blank" : "blanks") + " (" + SoapBlanks.MARKER + "):\n"
                    + blanks.stream().map(b -> "  " + b).collect(Collectors.joining("\n"))
                    + "\nFill them with 'session edit " + id + "', or sign anyway with --allow-blanks;"
                    + " nothing was signed");
        }
        Practitioner signer = practitionerOrDefault(practitionerId);
        clinic.requireSignsAsThemselves(signer);
        // Signs the note as read above, blanks checked: not one changed since by someone else.
        if (sessions.sign(id, signer.id(), clock.instant(), session.version()) != 1) {
            throw changedMeanwhile(id);
        }
        chain.link("session", id);
        audit.record("sign", "session", id, session.client().getId(), "Signed session " + id + " by practitioner "
                + signer.id());
        return get(id);
    }

    /** Adds a dated addendum to a signed note; it is numbered after the note's other addenda. */
    @Transactional
    public NumberedAddendum amend(long id, String text, Long practitionerId) {
        Session session = get(id);
        if (!session.signed()) {
            throw notSigned(id);
        }
        String body = Fields.requiredText("text", text, Fields.LONG_TEXT_MAX).strip();
        Practitioner author = practitionerOrDefault(practitionerId);
        clinic.requireSignsAsThemselves(author);
        Addendum addendum = addenda.save(new Addendum(null, AggregateReference.to(id), AggregateReference.to(author.id()),
                clock.instant(), body));
        chain.link("addendum", addendum.id());
        audit.record("amend", "addendum", addendum.id(), session.client().getId(), "Added addendum "
                + addendum.id() + " to session " + id);
        return numbered(id).stream().filter(a -> a.addendum().id().equals(addendum.id())).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public Session get(long id) {
        return sessions.findById(id).orElseThrow(() -> NotFoundException.of("session", id));
    }

    @Transactional(readOnly = true)
    public SessionRecord details(long id) {
        Session session = get(id);
        return new SessionRecord(session, clients.get(session.client().getId()),
                clinic.practitioner(session.practitioner().getId()),
                session.signedBy() == null ? null : clinic.practitioner(session.signedBy().getId()), numbered(id));
    }

    /** The session's addenda in the order written, numbered from 1: the one place addenda get their numbers. */
    private List<NumberedAddendum> numbered(long sessionId) {
        List<Addendum> notes = addenda.findBySession(sessionId);
        return IntStream.range(0, notes.size()).mapToObj(i -> new NumberedAddendum(i + 1, notes.get(i),
                clinic.practitioner(notes.get(i).practitioner().getId()))).toList();
    }

    /** The client's latest session with a Plan, which prefills the next note. */
    @Transactional(readOnly = true)
    public Optional<Session> latestPlan(long clientId) {
        return sessions.findLatestWithPlan(clientId);
    }

    /** The Plan of that session ({@link #latestPlan}), read without the rest of the session. */
    @Transactional(readOnly = true)
    public Optional<String> latestPlanText(long clientId) {
        return queries.latestPlan(clientId);
    }

    /**
     * The self-massage minutes a day suggested on the client's most recent session (by start, then
     * id); empty if that session has none or the client has no session. For a care plan not tied
     * to a session.
     */
    @Transactional(readOnly = true)
    public Optional<Integer> latestHomeMassageMinutes(long clientId) {
        return queries.latestHomeMassageMinutes(clientId);
    }

    @Transactional(readOnly = true)
    public List<SessionQueries.SessionLine> list(long clientId) {
        clients.get(clientId);
        return queries.forClient(clientId);
    }

    /** The ids of the client's sessions, oldest first. */
    @Transactional(readOnly = true)
    public List<Long> sessionIds(long clientId) {
        return list(clientId).stream().map(SessionQueries.SessionLine::id).toList().reversed();
    }

    @Transactional(readOnly = true)
    public List<SessionQueries.SessionLine> unsigned(Long clientId) {
        if (clientId != null) {
            clients.get(clientId);
        }
        return queries.unsigned(clientId);
    }

    /** A session whose note is not signed yet. */
    public record UnsignedNote(long sessionId, long clientId, LocalDateTime startedAt) {
    }

    /** The unsigned notes of {@code clientIds}, oldest first (one query for them all). */
    @Transactional(readOnly = true)
    public List<UnsignedNote> unsignedOf(Collection<Long> clientIds) {
        return queries.unsignedOf(clientIds);
    }

    @Transactional(readOnly = true)
    public SessionQueries.Hits search(String text, boolean all) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("TEXT: give one or more words to search the notes for");
        }
        return queries.search(text, 50, all);
    }

    /** One point of a client's outcomes over time: an intake version or a session. */
    public record ProgressRow(LocalDateTime when, String record, Double crampsPerWeek, Integer crampSeverity,
            Integer sleepDisturbance, Integer painBefore, Integer painAfter) {
    }

    /** The client's measures over time: each intake version, then each session, in date order. */
    @Transactional(readOnly = true)
    public List<ProgressRow> progress(long clientId) {
        List<ProgressRow> rows = new ArrayList<>();
        for (var intake : intakes.crampHistory(clientId)) {
            rows.add(new ProgressRow(intake.takenOn().atStartOfDay(), "intake v" + intake.version(),
                    intake.frequencyPerWeek(), intake.severity(), intake.sleepDisturbance(), null, null));
        }
        for (SessionQueries.Measures m : queries.measures(clientId)) {
            rows.add(new ProgressRow(m.startedAt(), "session " + m.sessionId(), m.crampsPerWeek(), m.crampSeverity(),
                    m.sleepDisturbance(), m.painBefore(), m.painAfter()));
        }
        rows.sort(Comparator.comparing(ProgressRow::when));
        return rows;
    }

    /**
     * {@code note}, written from the template {@code templateName} (null for none), with the blanks
     * that template names filled from {@code measures}; as it is when the template is gone.
     */
    SoapNote fillBlanks(String templateName, SoapNote note, Map<String, String> measures) {
        return templates.find(templateName).map(t -> t.fill(note, measures)).orElse(note);
    }

    SoapTemplates.SoapTemplate template(String name) {
        return templates.get(name);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    Instant now() {
        return clock.instant();
    }

    /** {@code base}, a draft or a new session, with the draft's changes to what it records. */
    private static Session changed(Session base, SessionDraft draft, LocalDateTime startedAt, Instant updatedAt) {
        return new Session(base.id(), base.client(), base.practitioner(), base.intake(), startedAt,
                draft.durationMinutes().applyTo(base.durationMinutes()),
                modalities(draft.modalities().applyTo(base.modalityIds())), areas(draft.areas().applyTo(base.areaIds())),
                draft.pressure().applyTo(base.pressure()), draft.products().applyTo(base.products()),
                draft.homeMassageMinutes().applyTo(base.homeMassageMinutes()),
                new Pain(draft.painBefore().applyTo(base.pain().before()), draft.painAfter().applyTo(base.pain().after())),
                new Outcomes(draft.crampsPerWeek().applyTo(base.outcomes().crampsPerWeek()),
                        draft.crampSeverity().applyTo(base.outcomes().crampSeverity()),
                        draft.sleepDisturbance().applyTo(base.outcomes().sleepDisturbance())),
                draft.note(base.note()), draft.template().applyTo(base.template()), base.screeningShown(),
                base.warningsShown(), base.overrideReason(),
                draft.diagnoses().given() ? draft.diagnoses().valueGiven().map(codes -> String.join(",", codes))
                        .orElse(null) : base.diagnosisCodes(),
                procedureMinutes(draft, base), base.createdAt(), updatedAt, null, null, base.version());
    }

    /**
     * The minutes by procedure code after the draft's changes, as stored; refused when they add up to
     * more than the session's duration, naming the option that made them so.
     */
    private static String procedureMinutes(SessionDraft draft, Session base) {
        ProcedureMinutes procedures = draft.procedures().applyTo(base.procedures());
        Integer duration = draft.durationMinutes().applyTo(base.durationMinutes());
        if (procedures != null && duration != null && procedures.total() > duration) {
            String problem = procedures.total() + " minutes by procedure code (" + procedures + ") are more than the"
                    + " session's " + duration + " minutes";
            throw draft.procedures().given()
                    ? InvalidInputException.forField("procedures", problem + "; give at most " + duration + " in all")
                    : InvalidInputException.forField("duration", problem + "; give at least " + procedures.total()
                            + ", or change --procedures too");
        }
        return procedures == null ? null : procedures.text();
    }

    /**
     * Date (default {@code base}'s, else today) and start time (default {@code base}'s, else now,
     * to the minute) of a session of a client born on {@code dateOfBirth} (null if not known).
     */
    private LocalDateTime startedAt(SessionDraft draft, LocalDateTime base, LocalDate dateOfBirth) {
        LocalDate today = today();
        LocalDate date = draft.date().valueGiven().map(d -> date(d, today, dateOfBirth))
                .orElse(base != null ? base.toLocalDate() : today);
        Optional<LocalTime> given = draft.time().valueGiven();
        LocalTime time;
        if (given.isPresent()) {
            time = given.get();
        } else if (base != null) {
            time = base.toLocalTime();
        } else if (date.equals(today)) {
            time = LocalTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
        } else {
            throw InvalidInputException.forField("time", "give the start time (HH:MM) for a session on " + date);
        }
        return LocalDateTime.of(date, time);
    }

    /**
     * The day of a session: a visit that took place, so not after today, and not before the client
     * was born.
     */
    private static LocalDate date(LocalDate date, LocalDate today, LocalDate dateOfBirth) {
        if (date.isAfter(today)) {
            throw InvalidInputException.forField("date", date + " is in the future (today is " + today + "); a session"
                    + " records a visit that took place, and a planned visit is an appointment, not a session"
                    + " (plan export --next \"YYYY-MM-DD HH:MM\" puts the next one on the care plan)");
        }
        return Fields.inLifetime("date", date, today, dateOfBirth);
    }

    /** The session, if it is signed: what an addendum is written to. */
    @Transactional(readOnly = true)
    public Session requireSigned(long id) {
        Session session = get(id);
        if (!session.signed()) {
            throw notSigned(id);
        }
        return session;
    }

    /** The session, if it is still a draft. */
    @Transactional(readOnly = true)
    public Session requireDraft(long id) {
        return draftSession(id);
    }

    private static ConflictException notSigned(long id) {
        return new ConflictException("Session " + id + " is a draft: change it with 'session edit " + id
                + "' instead; addenda are for signed notes");
    }

    private Session draftSession(long id) {
        Session session = get(id);
        if (session.signed()) {
            throw new ConflictException("Session " + id + " is signed and final; add a correction with 'session amend "
                    + id + " --text ...'");
        }
        return session;
    }

    /** How many blanks are left in {@code note}. */
    static int blanksLeft(SoapNote note) {
        return count(SoapBlanks.unfilled(note));
    }

    private static int count(List<SoapBlanks.Unfilled> blanks) {
        return blanks.stream().mapToInt(SoapBlanks.Unfilled::blanks).sum();
    }

    private Practitioner practitionerOrDefault(Long id) {
        if (id != null) {
            return clinic.practitioner(id);
        }
        return clinic.defaultPractitioner().orElseThrow(() -> new ConflictException(
                "No practitioner yet: add one with 'practitioner add --name ... --credentials ...'"));
    }

    private static List<SessionModality> modalities(List<String> ids) {
        return ids.stream().map(SessionModality::new).toList();
    }

    private static List<SessionArea> areas(List<String> ids) {
        return ids.stream().map(SessionArea::new).toList();
    }

    private static String screeningShown(Preflight preflight) {
        if (preflight.screening().isEmpty()) {
            return "No intake on file";
        }
        List<Flag> flags = preflight.flags();
        return flags.isEmpty() ? "No flags" : flags.stream().map(f -> f.levelLabel() + ": " + f.title())
                .collect(Collectors.joining("\n"));
    }

    private static String warningsShown(Preflight preflight) {
        return preflight.warnings().isEmpty() ? null : String.join("\n", preflight.warnings());
    }
}
