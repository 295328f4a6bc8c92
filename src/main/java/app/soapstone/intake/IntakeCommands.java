package app.soapstone.intake;

import app.soapstone.screening.MedicationCatalog;
import app.soapstone.screening.ScreeningRules;
import app.soapstone.shell.Prompts;
import app.soapstone.shell.Screen;
import app.soapstone.validation.Fields;
import app.soapstone.vocabulary.FrequencyUnit;
import app.soapstone.vocabulary.IdList;
import app.soapstone.vocabulary.Vocabulary;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** {@code intake new|show|history|clear} and {@code screening show}. */
@Component
class IntakeCommands {

    /** A required option, and how the interactive shell asks for it when it was not given. */
    private record Question(String option, String prompt) {
    }

    private static final String GROUP = "Intake and screening";

    /** What must be given for an intake to be recorded, with the question the interactive shell asks. */
    private static final Question CRAMP_SEVERITY = new Question("cramp-severity", "Worst cramp pain, 0-10");
    private static final Question CONSENT_DATE = new Question("consent-date", "Date consent was given, YYYY-MM-DD");
    private static final Question CONSENT_BY = new Question("consent-by",
            "Who gave consent (the client, or their guardian)");

    private final IntakeService intakes;
    private final IntakeView view;
    private final Screen screen;
    private final Vocabulary vocabulary;
    private final ScreeningRules rules;

    IntakeCommands(IntakeService intakes, IntakeView view, Screen screen, Vocabulary vocabulary, ScreeningRules rules) {
        this.intakes = intakes;
        this.view = view;
        this.screen = screen;
        this.vocabulary = vocabulary;
        this.rules = rules;
    }

    @Command(name = "intake new", group = GROUP,
            description = "Record a new intake for a client (the interactive shell asks for missing required fields)",
            help = """
                    Required: --cramp-frequency, --cramp-sites, --cramp-severity, --consent-date, --consent-by.
                    Lists: --medications "atorvastatin 20 mg daily; Lasix 40 mg" and --surgeries "right knee
                    replacement 2019; lumbar fusion 2015-03" are separated by semicolons; --cramp-sites,
                    --conditions, --red-flags and --consent-explained take comma-separated ids.""")
    String newIntake(CommandContext context,
            @Option(longName = "client", required = true, description = "Client id") long client,
            @Option(longName = "date", description = "Date the intake was taken, YYYY-MM-DD (default today)") String date,
            @Option(longName = "cramp-frequency", description = "Cramp episodes per week (required)") Double crampFrequency,
            @Option(longName = "cramp-frequency-unit", description = "night, week or month (default week)") String unit,
            @Option(longName = "cramp-sites", description = "Where: calf-left,calf-right,foot-left,... (required)") String sites,
            @Option(longName = "cramp-severity", description = "Worst pain 0-10 (required)") Integer severity,
            @Option(longName = "cramp-duration", description = "How long an episode lasts, minutes") Double duration,
            @Option(longName = "cramp-timing", description = "night, day, exercise or mixed") String timing,
            @Option(longName = "sleep-disturbance", description = "How much cramps disturb sleep, 0-10") Integer sleep,
            @Option(longName = "triggers", description = "What sets cramps off") String triggers,
            @Option(longName = "cramps-since", description = "How long they have had cramps, e.g. \"2 years\"") String since,
            @Option(longName = "medications", description = "Medicines, separated by ';'") String medications,
            @Option(longName = "surgeries", description = "Surgeries with year and side, separated by ';'") String surgeries,
            @Option(longName = "conditions", description = "Conditions: diabetes,neuropathy,... (see vocabulary list conditions)") String conditions,
            @Option(longName = "other-conditions", description = "Other conditions, free text") String otherConditions,
            @Option(longName = "red-flags", description = "Current symptoms: one-sided-calf-swelling,...") String redFlags,
            @Option(longName = "water-glasses", description = "Glasses of water a day") Double waterGlasses,
            @Option(longName = "water-litres", description = "Litres of water a day") Double waterLitres,
            @Option(longName = "caffeine", description = "Coffee, tea, energy drinks") String caffeine,
            @Option(longName = "alcohol", description = "Alcohol") String alcohol,
            @Option(longName = "activity", description = "Exercise and activity") String activity,
            @Option(longName = "occupation", description = "Work, e.g. long standing or sitting") String occupation,
            @Option(longName = "allergies", description = "Oils, lotions, latex, fragrances...") String allergies,
            @Option(longName = "consent-date", description = "Date consent was given, YYYY-MM-DD (required)") String consentDate,
            @Option(longName = "consent-by", description = "Who gave consent (required)") String consentBy,
            @Option(longName = "consent-explained", description = "Elements explained: all, or nature,benefits,risks,alternatives,consequences,right-to-stop") String explained,
            @Option(longName = "practitioner", description = "Practitioner id (default: the default practitioner)") Long practitioner) {
        LocalDate born = intakes.checkCanRecord(client).dateOfBirth(); // before any question is asked
        LocalDate today = intakes.today();
        // The required fields not given are all asked for first, in the order of the form; what was
        // given is read when the answers are built, so the first problem reported is as it always was.
        double most = IntakeService.MAX_PER_WEEK;
        Supplier<Double> frequency = crampFrequency != null
                ? () -> Fields.decimal("cramp-frequency", crampFrequency, 0, most)
                : asked(context, frequencyQuestion(), text -> Fields.decimal("cramp-frequency", text, 0, most));
        Supplier<List<String>> siteIds = required(context, sitesQuestion(), sites,
                text -> IdList.parseRequired("cramp-sites", text, vocabulary.siteIds()));
        Supplier<Integer> worst = severity != null ? () -> Fields.range("cramp-severity", severity, 0, 10)
                : asked(context, CRAMP_SEVERITY, text -> Fields.wholeNumber("cramp-severity", text, 0, 10));
        Supplier<LocalDate> consented = required(context, CONSENT_DATE, consentDate,
                text -> Fields.recordDate("consent-date", text, today, born));
        Supplier<String> consenter = required(context, CONSENT_BY, consentBy,
                text -> Fields.requiredLine("consent-by", text, Fields.NAME_MAX));
        IntakeAnswers answers = new IntakeAnswers(
                IntakeAnswers.given(date) ? Fields.recordDate("date", date, today, born) : today,
                IntakeAnswers.practitioner(practitioner),
                IntakeAnswers.crampHistory(vocabulary, frequency.get(), unit, timing, worst.get(), duration, sleep,
                        triggers, since),
                siteIds.get(),
                IntakeAnswers.ids("conditions", conditions, rules.conditionIds()),
                IntakeAnswers.text("other-conditions", otherConditions, Fields.TEXT_MAX),
                IntakeAnswers.ids("red-flags", redFlags, rules.redFlagIds()),
                IntakeAnswers.given(medications) ? MedicationList.parse("medications", medications) : List.of(),
                IntakeAnswers.given(surgeries) ? SurgeryList.parse("surgeries", surgeries, today, born) : List.of(),
                IntakeAnswers.lifestyle(waterGlasses, waterLitres, caffeine, alcohol, activity, occupation),
                IntakeAnswers.text("allergies", allergies, Fields.TEXT_MAX),
                new Intake.Consent(consented.get(), consenter.get()),
                IntakeAnswers.consentExplained(explained, vocabulary.consentElementIds()));
        Intake intake = intakes.record(client, answers, confirmations(context, answers.medications()));
        return "Recorded intake version " + intake.version() + " for client " + client + "\n\n"
                + view.screening(intakes.screen(intake));
    }

    @Command(name = "intake show", group = GROUP, description = "Show a client's current intake, or an older version")
    String show(@Option(longName = "client", required = true, description = "Client id") long client,
            @Option(longName = "version", description = "Version number (default: the current one)") Integer version) {
        Intake intake = version == null
                ? intakes.current(client).orElse(null)
                : intakes.version(client, version);
        if (intake == null) {
            return "Client " + client + " has no intake yet. Record one with: intake new --client " + client;
        }
        return view.card(intake);
    }

    @Command(name = "intake history", group = GROUP, description = "List a client's intake versions")
    String history(@Option(longName = "client", required = true, description = "Client id") long client) {
        return view.history(intakes.history(client), screen.width());
    }

    @Command(name = "intake clear", group = GROUP,
            description = "Record a medical clearance of the urgent referrals on a client's current intake")
    String clear(@Option(longName = "client", required = true, description = "Client id") long client,
            @Option(longName = "note", required = true, description = "Who cleared what, e.g. \"GP Dr Singh: DVT excluded by ultrasound\"") String note,
            @Option(longName = "date", description = "Date of the clearance, YYYY-MM-DD (default today)") String date) {
        Clearance clearance = intakes.clear(client, note, date);
        return "Recorded medical clearance of " + clearance.clearedOn() + " for client " + client;
    }

    @Command(name = "screening show", group = GROUP,
            description = "Show the red flags, precautions and notes from a client's current intake")
    String screening(@Option(longName = "client", required = true, description = "Client id") long client) {
        return intakes.screening(client).map(view::screening)
                .orElse("Client " + client + " has no intake yet, so nothing to screen. Record one with: intake new --client " + client);
    }

    /**
     * Asks, in the interactive shell, about each medicine Soapstone does not know but has a name
     * close to: the names confirmed, by the line as written. One-shot mode cannot ask, and takes
     * none: the screening notes them as not recognised, with the closest names.
     */
    private Map<String, String> confirmations(CommandContext context, List<Intake.IntakeMedication> medications) {
        Map<String, String> confirmed = new LinkedHashMap<>();
        for (IntakeService.NearMiss miss : intakes.nearMisses(medications)) {
            List<String> choices = miss.closest().stream().map(MedicationCatalog.Known::described).toList();
            Prompts.offer(context, miss.written() + ": not a medicine Soapstone knows.", choices)
                    .ifPresent(chosen -> confirmed.put(miss.written(), miss.closest().get(chosen).name()));
        }
        return confirmed;
    }

    /** The question for the cramp frequency, which names the other units it may be given in. */
    private Question frequencyQuestion() {
        String others = vocabulary.frequencyUnits().stream().filter(unit -> !unit.equals(vocabulary.weekly()))
                .map(FrequencyUnit::id).collect(Collectors.joining("|"));
        return new Question("cramp-frequency", "Cramp episodes per week (a number; add --cramp-frequency-unit "
                + others + " for other units)");
    }

    /** The question for the cramp sites, which shows the ids allowed. */
    private Question sitesQuestion() {
        return new Question("cramp-sites", "Where the cramps are (comma-separated site ids)\n  allowed: "
                + String.join(", ", vocabulary.siteIds()) + "\n");
    }

    /** A required option given as text: read from it when the answers are built, or asked for now. */
    private static <T> Supplier<T> required(CommandContext context, Question question, String given,
            Function<String, T> read) {
        return IntakeAnswers.given(given) ? () -> read.apply(given) : asked(context, question, read);
    }

    /**
     * The answer to {@code question}, asked now in the interactive shell (one-shot mode and scripts
     * refuse the missing option instead), read as it is accepted.
     */
    private static <T> Supplier<T> asked(CommandContext context, Question question, Function<String, T> read) {
        T answer = Prompts.ask(context, question.option(), question.prompt(), read);
        return () -> answer;
    }
}
