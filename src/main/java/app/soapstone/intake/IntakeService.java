package app.soapstone.intake;

import app.soapstone.client.Client;
import app.soapstone.client.ClientService;
import app.soapstone.clinic.ClinicService;
import app.soapstone.clinic.Practitioner;
import app.soapstone.intake.Intake.Consent;
import app.soapstone.intake.Intake.CrampHistory;
import app.soapstone.intake.Intake.IntakeCondition;
import app.soapstone.intake.Intake.IntakeConsentElement;
import app.soapstone.intake.Intake.IntakeMedication;
import app.soapstone.intake.Intake.IntakeRedFlag;
import app.soapstone.intake.Intake.IntakeSite;
import app.soapstone.intake.Intake.Lifestyle;
import app.soapstone.integrity.AuditTrail;
import app.soapstone.integrity.RecordChain;
import app.soapstone.screening.Flag;
import app.soapstone.screening.MedicationCatalog;
import app.soapstone.screening.Screening;
import app.soapstone.screening.ScreeningInput;
import app.soapstone.screening.ScreeningRules;
import app.soapstone.validation.ConflictException;
import app.soapstone.validation.Fields;
import app.soapstone.validation.Form;
import app.soapstone.validation.InvalidInputException;
import app.soapstone.validation.NotFoundException;
import app.soapstone.vocabulary.IdList;
import app.soapstone.vocabulary.Vocabulary;
import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Recording intake versions, reading them back, and screening the current one. */
@Service
public class IntakeService {

    public static final double MAX_PER_WEEK = 700;

    /** What must be given for an intake to be recorded, with the question the interactive shell asks. */
    public static final List<Form.Question> REQUIRED = List.of(
            new Form.Question("cramp-frequency", "Cramp episodes per week (a number; add --cramp-frequency-unit night|month for other units)"),
            new Form.Question("cramp-sites", "Where the cramps are (comma-separated site ids)"),
            new Form.Question("cramp-severity", "Worst cramp pain, 0-10"),
            new Form.Question("consent-date", "Date consent was given, YYYY-MM-DD"),
            new Form.Question("consent-by", "Who gave consent (the client, or their guardian)"));

    private final IntakeRepository intakes;
    private final ClearanceRepository clearances;
    private final ClientService clients;
    private final ClinicService clinic;
    private final Vocabulary vocabulary;
    private final ScreeningRules rules;
    private final Screening screening;
    private final Clock clock;
    private final AuditTrail audit;
    private final RecordChain chain;
    private final JdbcClient jdbc;

    IntakeService(IntakeRepository intakes, ClearanceRepository clearances, ClientService clients, ClinicService clinic,
            Vocabulary vocabulary, ScreeningRules rules, Screening screening, Clock clock, AuditTrail audit,
            RecordChain chain, JdbcClient jdbc) {
        this.audit = audit;
        this.chain = chain;
        this.jdbc = jdbc;
        this.intakes = intakes;
        this.clearances = clearances;
        this.clients = clients;
        this.clinic = clinic;
        this.vocabulary = vocabulary;
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

    /** The lines of a medication list (as given to --medications) the catalogue does not know but has names close to. */
    public List<NearMiss> nearMisses(String medications) {
        if (medications == null || medications.isBlank()) {
            return List.of();
        }
        List<NearMiss> misses = new ArrayList<>();
        for (IntakeMedication medication : MedicationList.parse("medications", medications)) {
            MedicationCatalog.Reading reading = rules.medications().read(medication.description());
            if (!reading.recognised() && !reading.closest().isEmpty()) {
                misses.add(new NearMiss(medication.description(), reading.closest()));
            }
        }
        return misses;
    }

    /** Records {@code form} as the client's new current intake. */
    @Transactional
    public Intake record(long clientId, Form form) {
        return record(clientId, form, Map.of());
    }

    /**
     * Records {@code form} as the client's new current intake; {@code confirmed} maps a medicine
     * line as written to the catalogue name the therapist confirmed it as, which is kept beside it.
     */
    @Transactional
    public Intake record(long clientId, Form form, Map<String, String> confirmed) {
        Client client = clients.active(clientId);
        for (Form.Question question : REQUIRED) {
            if (!form.has(question.option())) {
                throw InvalidInputException.forField(question.option(), "is required (" + question.prompt() + ")");
            }
        }
        LocalDate today = today();
        LocalDate born = client.dateOfBirth();
        LocalDate takenOn = form.has("date") ? Fields.recordDate("date", form.get("date"), today, born) : today;
        Practitioner practitioner = form.has("practitioner")
                ? clinic.practitioner(Fields.wholeNumber("practitioner", form.get("practitioner"), 1, Long.MAX_VALUE))
                : clinic.defaultPractitioner().orElse(null);
        Intake intake = new Intake(null, AggregateReference.to(client.id()), intakes.latestVersion(clientId) + 1,
                takenOn, clock.instant(), practitioner == null ? null : AggregateReference.to(practitioner.id()),
                crampHistory(form),
                IdList.parseRequired("cramp-sites", form.get("cramp-sites"), vocabulary.siteIds()).stream()
                        .map(IntakeSite::new).toList(),
                ids(form, "conditions", rules.conditionIds()).stream().map(IntakeCondition::new).toList(),
                text(form, "other-conditions", Fields.TEXT_MAX),
                ids(form, "red-flags", rules.redFlagIds()).stream().map(IntakeRedFlag::new).toList(),
                form.has("medications") ? confirmed(MedicationList.parse("medications", form.get("medications")), confirmed)
                        : List.of(),
                form.has("surgeries") ? SurgeryList.parse("surgeries", form.get("surgeries"), today, born) : List.of(),
                lifestyle(form),
                text(form, "allergies", Fields.TEXT_MAX),
                new Consent(Fields.recordDate("consent-date", form.get("consent-date"), today, born),
                        Fields.requiredLine("consent-by", form.get("consent-by"), Fields.NAME_MAX)),
                consentExplained(form).stream().map(IntakeConsentElement::new).toList());
        Intake saved = intakes.save(intake);
        chain.link("intake", saved.id());
        audit.record("add", "intake", saved.id(), clientId, "Recorded intake version " + saved.version());
        return saved;
    }

    /**
     * Checks that an intake can be recorded for the client: they exist and are not archived. Done
     * before asking for missing fields, so nobody answers questions only to be refused.
     */
    @Transactional(readOnly = true)
    public void checkCanRecord(long clientId) {
        clients.active(clientId);
    }

    /** Checks one answer typed at a prompt, the way {@link #record} would for the client. */
    @Transactional(readOnly = true)
    public void checkAnswer(long clientId, String option, String value) {
        LocalDate today = today();
        switch (option) {
            case "cramp-frequency" -> Fields.decimal(option, value, 0, MAX_PER_WEEK);
            case "cramp-sites" -> IdList.parseRequired(option, value, vocabulary.siteIds());
            case "cramp-severity" -> Fields.wholeNumber(option, value, 0, 10);
            case "consent-date" -> Fields.recordDate(option, value, today, clients.get(clientId).dateOfBirth());
            case "consent-by" -> Fields.requiredLine(option, value, Fields.NAME_MAX);
            default -> throw new IllegalArgumentException("not a required intake field: " + option);
        }
    }

    /** The allowed values to show when asking for {@code option}, or empty. */
    public List<String> allowedValues(String option) {
        return option.equals("cramp-sites") ? List.copyOf(vocabulary.siteIds()) : List.of();
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
        return jdbc.sql("""
                        SELECT version, taken_on, cramp_frequency_per_week, cramp_severity, cramp_sleep_disturbance
                        FROM intake WHERE client_id = ? ORDER BY version""")
                .param(clientId)
                .query((row, n) -> new CrampMeasures(row.getInt(1), LocalDate.parse(row.getString(2)),
                        row.getObject(3) == null ? null : ((Number) row.getObject(3)).doubleValue(),
                        row.getObject(4) == null ? null : ((Number) row.getObject(4)).intValue(),
                        row.getObject(5) == null ? null : ((Number) row.getObject(5)).intValue()))
                .list();
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


    private CrampHistory crampHistory(Form form) {
        double frequency = Fields.decimal("cramp-frequency", form.get("cramp-frequency"), 0, MAX_PER_WEEK);
        String unit = form.has("cramp-frequency-unit") ? form.get("cramp-frequency-unit").strip().toLowerCase(Locale.ROOT) : "week";
        double perWeek = switch (unit) {
            case "night", "day" -> frequency * 7;
            case "week" -> frequency;
            case "month" -> frequency * 12 / 52;
            default -> throw InvalidInputException.forField("cramp-frequency-unit", "'" + unit + "' is not allowed; use night, week or month");
        };
        if (perWeek > MAX_PER_WEEK) {
            throw InvalidInputException.forField("cramp-frequency", "is more than " + (int) MAX_PER_WEEK + " a week");
        }
        String timing = null;
        if (form.has("cramp-timing")) {
            timing = form.get("cramp-timing").strip().toLowerCase(Locale.ROOT);
            if (!Intake.CRAMP_TIMINGS.contains(timing)) {
                throw InvalidInputException.forField("cramp-timing", "'" + form.get("cramp-timing")
                        + "' is not allowed; use night, day, exercise or mixed");
            }
        }
        return new CrampHistory(Math.round(perWeek * 100) / 100.0, Fields.number(frequency) + " per " + unit,
                Fields.wholeNumber("cramp-severity", form.get("cramp-severity"), 0, 10),
                form.has("cramp-duration") ? Fields.decimal("cramp-duration", form.get("cramp-duration"), 0, 24 * 60) : null,
                timing,
                form.has("sleep-disturbance") ? Fields.wholeNumber("sleep-disturbance", form.get("sleep-disturbance"), 0, 10) : null,
                text(form, "triggers", Fields.TEXT_MAX), line(form, "cramps-since", Fields.NAME_MAX));
    }

    private Lifestyle lifestyle(Form form) {
        if (form.has("water-glasses") && form.has("water-litres")) {
            throw InvalidInputException.forField("water-litres", "give either --water-glasses or --water-litres, not both");
        }
        return new Lifestyle(
                form.has("water-glasses") ? Fields.decimal("water-glasses", form.get("water-glasses"), 0, 40) : null,
                form.has("water-litres") ? Fields.decimal("water-litres", form.get("water-litres"), 0, 10) : null,
                line(form, "caffeine", Fields.NAME_MAX), line(form, "alcohol", Fields.NAME_MAX),
                text(form, "activity", Fields.TEXT_MAX), line(form, "occupation", Fields.NAME_MAX));
    }

    private List<String> consentExplained(Form form) {
        if (!form.has("consent-explained")) {
            return List.of();
        }
        if (form.get("consent-explained").strip().equalsIgnoreCase("all")) {
            return List.copyOf(vocabulary.consentElementIds());
        }
        return IdList.parse("consent-explained", form.get("consent-explained"), vocabulary.consentElementIds());
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

    private static List<String> ids(Form form, String option, java.util.Collection<String> allowed) {
        return form.has(option) ? IdList.parse(option, form.get(option), allowed) : List.of();
    }

    /** A field of several lines, or null if not given. */
    private static String text(Form form, String option, int max) {
        return form.has(option) ? Fields.text(option, form.get(option).strip(), max) : null;
    }

    /** A field of one line, or null if not given. */
    private static String line(Form form, String option, int max) {
        return form.has(option) ? Fields.line(option, form.get(option).strip(), max) : null;
    }

}
