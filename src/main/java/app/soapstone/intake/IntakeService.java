package app.soapstone.intake;

import app.soapstone.client.Client;
import app.soapstone.client.ClientService;
import app.soapstone.clinic.ClinicService;
import app.soapstone.clinic.Practitioner;
import app.soapstone.intake.Intake.IntakeCondition;
import app.soapstone.intake.Intake.IntakeConsentElement;
import app.soapstone.intake.Intake.IntakeMedication;
import app.soapstone.intake.Intake.IntakeRedFlag;
import app.soapstone.intake.Intake.IntakeSite;
import app.soapstone.integrity.AuditTrail;
import app.soapstone.integrity.RecordChain;
import app.soapstone.screening.Finding;
import app.soapstone.screening.Flag;
import app.soapstone.screening.MedicationCatalog;
import app.soapstone.screening.Screening;
import app.soapstone.screening.ScreeningInput;
import app.soapstone.screening.ScreeningRules;
import app.soapstone.validation.ConflictException;
import app.soapstone.validation.Fields;
import app.soapstone.validation.InvalidInputException;
import app.soapstone.validation.NotFoundException;
import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Recording intake versions, reading them back, and screening the current one. */
@Service
public class IntakeService {

    public static final double MAX_PER_WEEK = 700;

    private final IntakeRepository intakes;
    private final ClearanceRepository clearances;
    private final ClientService clients;
    private final ClinicService clinic;
    private final ScreeningRules rules;
    private final Screening screening;
    private final Clock clock;
    private final AuditTrail audit;
    private final RecordChain chain;
    private final IntakeQueries queries;

    IntakeService(IntakeRepository intakes, ClearanceRepository clearances, ClientService clients, ClinicService clinic,
            ScreeningRules rules, Screening screening, Clock clock, AuditTrail audit,
            RecordChain chain, IntakeQueries queries) {
        this.audit = audit;
        this.chain = chain;
        this.queries = queries;
        this.intakes = intakes;
        this.clearances = clearances;
        this.clients = clients;
        this.clinic = clinic;
        this.rules = rules;
        this.screening = screening;
        this.clock = clock;
    }

    /** A client's intake with the clearance recorded for it and the flags that follow. */
    public record Screened(Intake intake, Optional<Clearance> clearance, List<Flag> flags,
            Screening.MedicineCount medicines) {

        public boolean blocked() {
            return flags.stream().anyMatch(Flag::blocking);
        }
    }

    /**
     * A medicine line the catalogue does not recognise, with the known names within a letter or two
     * of it, which the therapist may confirm it as.
     */
    public record NearMiss(String written, List<MedicationCatalog.Known> closest) {
    }

    /** The medicines the catalogue does not know but has names close to. */
    public List<NearMiss> nearMisses(List<IntakeMedication> medications) {
        List<NearMiss> misses = new ArrayList<>();
        for (IntakeMedication medication : medications) {
            MedicationCatalog.Reading reading = rules.medications().read(medication.description());
            if (!reading.recognised() && !reading.closest().isEmpty()) {
                misses.add(new NearMiss(medication.description(), reading.closest()));
            }
        }
        return misses;
    }

    /**
     * A version just recorded, the version it followed (none for a client's first) and what changed
     * against it, a line a field.
     */
    public record Recorded(Intake intake, Optional<Intake> previous, List<String> changes) {
    }

    /** Two versions of a client's intake, older first, and what changed from one to the other. */
    public record Comparison(Intake from, Intake to, List<String> changes) {
    }

    /**
     * Records the {@code answers}, read and checked by the command, as the client's new current
     * intake; {@code confirmed} maps a medicine line as written to the catalogue name the therapist
     * confirmed it as, which is kept beside it. A version the same as the latest in every field,
     * its date too, is refused: it would record nothing new. The same answers on another day are
     * kept, as a review saying the history still holds (which the screening's "over 12 months
     * old" flag asks for).
     */
    @Transactional
    public Recorded record(long clientId, IntakeAnswers answers, Map<String, String> confirmed) {
        Client client = clients.active(clientId);
        Optional<Intake> previous = intakes.findCurrent(clientId);
        Practitioner practitioner = answers.practitionerId() != null ? clinic.practitioner(answers.practitionerId())
                : clinic.defaultPractitioner().orElse(null);
        Intake intake = new Intake(null, AggregateReference.to(client.id()), intakes.latestVersion(clientId) + 1,
                answers.takenOn(), clock.instant(), practitioner == null ? null : AggregateReference.to(practitioner.id()),
                answers.cramps(),
                answers.siteIds().stream().map(IntakeSite::new).toList(),
                answers.conditionIds().stream().map(IntakeCondition::new).toList(),
                answers.otherConditions(),
                answers.redFlagIds().stream().map(IntakeRedFlag::new).toList(),
                confirmed(answers.medications(), confirmed),
                answers.surgeries(),
                answers.lifestyle(),
                answers.allergies(),
                answers.consent(),
                answers.consentExplained().stream().map(IntakeConsentElement::new).toList());
        List<String> changes = previous.map(before -> IntakeForm.of(before).changesTo(IntakeForm.of(intake)))
                .orElse(List.of());
        if (previous.isPresent() && changes.isEmpty()) {
            throw new ConflictException("Nothing changed against intake version " + previous.get().version()
                    + " of " + previous.get().takenOn() + "; nothing was stored (give the fields that changed)");
        }
        Intake saved = intakes.save(intake);
        chain.link("intake", saved.id());
        audit.record("add", "intake", saved.id(), clientId, "Recorded intake version " + saved.version());
        return new Recorded(saved, previous, changes);
    }

    /**
     * Versions {@code from} and {@code to} of a client's intake (defaults: the current one, and the
     * one before {@code to}) and what changed between them.
     */
    @Transactional(readOnly = true)
    public Comparison compare(long clientId, Integer from, Integer to) {
        clients.get(clientId);
        int latest = intakes.latestVersion(clientId);
        if (from == null && to == null && latest < 2) {
            throw new ConflictException("Client " + clientId + " has " + (latest == 0 ? "no intake" : "one intake version")
                    + ", so nothing to compare");
        }
        Intake newer = version(clientId, to == null ? latest : to);
        int older = from == null ? newer.version() - 1 : from;
        if (older < 1) {
            throw InvalidInputException.forField("to", "version " + newer.version() + " is the first; give --from");
        }
        Intake before = version(clientId, older);
        return new Comparison(before, newer, IntakeForm.of(before).changesTo(IntakeForm.of(newer)));
    }

    /**
     * The client an intake is to be recorded for, checked to exist and not to be archived: done
     * before asking for missing fields, so nobody answers questions only to be refused. The
     * intake's dates are checked against their date of birth.
     */
    @Transactional(readOnly = true)
    public Client checkCanRecord(long clientId) {
        return clients.active(clientId);
    }

    @Transactional(readOnly = true)
    public Optional<Intake> current(long clientId) {
        clients.get(clientId);
        return intakes.findCurrent(clientId);
    }

    @Transactional(readOnly = true)
    public Intake version(long clientId, int version) {
        clients.get(clientId);
        return intakes.findVersion(clientId, version).orElseThrow(() -> {
            int latest = intakes.latestVersion(clientId);
            return new NotFoundException("Client " + clientId + " has no intake version " + version
                    + (latest == 0 ? " (no intakes yet)" : " (versions 1-" + latest + ")"));
        });
    }

    @Transactional(readOnly = true)
    public List<Intake> history(long clientId) {
        clients.get(clientId);
        return intakes.findAllVersions(clientId);
    }

    /** One intake version's cramp measures, as {@link Intake.CrampHistory} holds them. */
    public record CrampMeasures(int version, LocalDate takenOn, Double frequencyPerWeek, Integer severity,
            Integer sleepDisturbance) {
    }

    /**
     * The cramp measures of every intake version, oldest first: what {@link #history} gives for
     * them, read without the rest of each intake (its sites, conditions, medicines...).
     */
    @Transactional(readOnly = true)
    public List<CrampMeasures> crampHistory(long clientId) {
        clients.get(clientId);
        return queries.crampMeasures(clientId);
    }

    /** The screening of the client's current intake, if they have one. */
    @Transactional(readOnly = true)
    public Optional<Screened> screening(long clientId) {
        return current(clientId).map(this::screen);
    }

    @Transactional(readOnly = true)
    public Screened screen(Intake intake) {
        return screen(intake, today());
    }

    /**
     * The flags of {@code intake} as they stood on {@code day} - how old the intake and its consent
     * were then - with the clearance recorded for it, which names its own date.
     */
    @Transactional(readOnly = true)
    public Screened screen(Intake intake, LocalDate day) {
        Optional<Clearance> clearance = clearances.findLatest(intake.id());
        ScreeningInput input = screeningInput(intake, clearance);
        return new Screened(intake, clearance, screening.screen(input, day), screening.count(input));
    }

    /**
     * For each of {@code clientIds} with an intake, the screening's flags that stand before the
     * client is treated on {@code day}: an urgent referral not medically cleared, the intake's
     * review due and consent expired or incomplete, by the same rules as {@link #screen}. A client
     * without an intake is not in the map.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<Flag>> dueBeforeTreatment(Collection<Long> clientIds, LocalDate day) {
        Map<Long, List<Flag>> due = new HashMap<>();
        queries.redFlagsAndConsent(clientIds).forEach((clientId, input) -> due.put(clientId,
                screening.screen(input, day).stream().filter(IntakeService::standsBeforeTreatment).toList()));
        return due;
    }

    private static boolean standsBeforeTreatment(Flag flag) {
        return flag.blocking() || flag.finding().kind().equals(Finding.INTAKE) && List.of(Finding.REVIEW_DUE,
                Finding.CONSENT_EXPIRED, Finding.CONSENT_INCOMPLETE).contains(flag.finding().id());
    }

    /** Warnings for modalities or a pressure that conflict with precautions on {@code intake}. */
    public List<String> conflicts(Intake intake, List<String> modalities, String pressure) {
        return screening.conflicts(screeningInput(intake, Optional.empty()), modalities, pressure);
    }

    /** Records that a doctor cleared the urgent referrals of the client's current intake. */
    @Transactional
    public Clearance clear(long clientId, String note, String date) {
        Client client = clients.active(clientId);
        Intake intake = intakes.findCurrent(clientId).orElseThrow(() -> new ConflictException(
                "Client " + clientId + " has no intake to clear; record one with 'intake new --client " + clientId + "'"));
        boolean urgent = intake.redFlagIds().stream().anyMatch(id -> rules.redFlag(id).map(r -> r.urgent()).orElse(false));
        if (!urgent) {
            throw new ConflictException("Client " + clientId + "'s current intake (version " + intake.version()
                    + ") has no urgent referral to clear");
        }
        LocalDate today = today();
        LocalDate clearedOn = date == null || date.isBlank() ? today
                : Fields.recordDate("date", date, today, client.dateOfBirth());
        if (clearedOn.isBefore(intake.takenOn())) {
            throw InvalidInputException.forField("date", clearedOn + " is before the intake it clears (" + intake.takenOn() + ")");
        }
        Practitioner practitioner = clinic.defaultPractitioner().orElse(null);
        Clearance clearance = clearances.save(new Clearance(null, AggregateReference.to(intake.id()), clearedOn,
                Fields.requiredText("note", note, Fields.TEXT_MAX),
                practitioner == null ? null : AggregateReference.to(practitioner.id()), clock.instant()));
        chain.link("clearance", clearance.id());
        audit.record("clear", "intake", intake.id(), clientId, "Recorded medical clearance of intake version "
                + intake.version());
        return clearance;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The medicines with the names confirmed for them; a confirmed name must be one the catalogue knows. */
    private List<IntakeMedication> confirmed(List<IntakeMedication> medications, Map<String, String> confirmed) {
        List<IntakeMedication> result = new ArrayList<>();
        for (IntakeMedication medication : medications) {
            String name = confirmed.get(medication.description());
            if (name == null) {
                result.add(medication);
                continue;
            }
            MedicationCatalog.Known known = rules.medications().known(name).orElseThrow(() ->
                    InvalidInputException.forField("medications", name + " is not a medicine Soapstone knows"));
            result.add(medication.confirmedAs(known.name()));
        }
        return result;
    }

    private ScreeningInput screeningInput(Intake intake, Optional<Clearance> clearance) {
        List<ScreeningInput.Surgery> surgeries = new ArrayList<>();
        for (Intake.IntakeSurgery surgery : intake.surgeries()) {
            surgeries.add(new ScreeningInput.Surgery(surgery.description(),
                    surgery.performed() == null ? null : SurgeryList.latestDate(surgery.performed(), "surgeries")));
        }
        return new ScreeningInput(intake.takenOn(), intake.conditionIds(), intake.redFlagIds(),
                intake.medications().stream().map(m -> new ScreeningInput.Medicine(m.description(), m.confirmedAs()))
                        .toList(), surgeries,
                intake.allergies(), intake.consent().date(), intake.consentElementIds(),
                clearance.map(c -> new ScreeningInput.Clearance(c.clearedOn(), c.note())).orElse(null));
    }
}
