package app.soapstone.intake;

import app.soapstone.screening.MedicationCatalog;
import app.soapstone.screening.ScreeningRules;
import app.soapstone.shell.InteractiveInput;
import app.soapstone.shell.Prompts;
import app.soapstone.shell.Screen;
import app.soapstone.validation.Fields;
import app.soapstone.validation.InvalidInputException;
import app.soapstone.vocabulary.FrequencyUnit;
import app.soapstone.vocabulary.Vocabulary;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code intake new|show|history|diff|clear} and {@code screening show}. */
@Component
class IntakeCommands {

    private static final String GROUP = "Intake and screening";

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
            description = "Record a new intake version for a client, starting from their latest one",
            help = """
                    A client's first intake needs --cramp-frequency, --cramp-sites, --cramp-severity, --consent-date
                    and --consent-by. A later one starts from the latest version: options given replace those
                    fields, --clear-FIELD or an empty value ("") empties one, the rest is kept (consent too, with
                    its date; the intake date is today unless --date is given). The changes against the latest
                    version are listed; a version the same as the latest, on the same date, is refused.
                    In the interactive shell, with no field options, it walks the whole form: Enter keeps the
                    value shown, "-" empties an optional one, Ctrl-C cancels. Dates take YYYY-MM-DD, today or
                    yesterday. Lists: --medications "atorvastatin 20 mg daily; Lasix 40 mg" and --surgeries
                    "right knee replacement 2019; lumbar fusion 2015-03" are separated by semicolons;
                    --cramp-sites, --conditions, --red-flags and --consent-explained take comma-separated ids.""")
    String newIntake(CommandContext context,
            @Option(longName = "client", required = true, description = "Client id") long client,
            @Option(longName = "date", description = "Date the intake was taken, YYYY-MM-DD, today or yesterday (default today)") String date,
            @Option(longName = "cramp-frequency", description = "Cramp episodes per week (required on a first intake)") Double crampFrequency,
            @Option(longName = "cramp-frequency-unit", description = "night, week or month (default week)") String unit,
            @Option(longName = "cramp-sites", description = "Where: calf-left,calf-right,foot-left,... (see vocabulary list sites; required on a first intake)") String sites,
            @Option(longName = "cramp-severity", description = "Worst pain 0-10 (required on a first intake)") Integer severity,
            @Option(longName = "cramp-duration", description = "How long an episode lasts, minutes") Double duration,
            @Option(longName = "cramp-timing", description = "night, day, exercise or mixed") String timing,
            @Option(longName = "sleep-disturbance", description = "How much cramps disturb sleep, 0-10") Integer sleep,
            @Option(longName = "triggers", description = "What sets cramps off") String triggers,
            @Option(longName = "cramps-since", description = "How long they have had cramps, e.g. \"2 years\"") String since,
            @Option(longName = "medications", description = "Medicines, separated by ';'") String medications,
            @Option(longName = "surgeries", description = "Surgeries with year and side, separated by ';'") String surgeries,
            @Option(longName = "conditions", description = "Conditions: diabetes,neuropathy,... (see vocabulary list conditions)") String conditions,
            @Option(longName = "other-conditions", description = "Other conditions, free text") String otherConditions,
            @Option(longName = "red-flags", description = "Current symptoms: one-sided-calf-swelling,... (see vocabulary list red-flags)") String redFlags,
            @Option(longName = "water-glasses", description = "Glasses of water a day") Double waterGlasses,
            @Option(longName = "water-litres", description = "Litres of water a day") Double waterLitres,
            @Option(longName = "caffeine", description = "Coffee, tea, energy drinks") String caffeine,
            @Option(longName = "alcohol", description = "Alcohol") String alcohol,
            @Option(longName = "activity", description = "Exercise and activity") String activity,
            @Option(longName = "occupation", description = "Work, e.g. long standing or sitting") String occupation,
            @Option(longName = "allergies", description = "Oils, lotions, latex, fragrances...") String allergies,
            @Option(longName = "consent-date", description = "Date consent was given, YYYY-MM-DD, today or yesterday (required on a first intake)") String consentDate,
            @Option(longName = "consent-by", description = "Who gave consent (required on a first intake)") String consentBy,
            @Option(longName = "consent-explained", description = "Elements explained: all, or nature,benefits,risks,alternatives,consequences,right-to-stop") String explained,
            @Option(longName = "practitioner", description = "Practitioner id (default: the login's own practitioner, else the default one)") Long practitioner,
            @Option(longName = "clear-cramp-duration", description = "Empty the carried cramp duration") boolean clearDuration,
            @Option(longName = "clear-cramp-timing", description = "Empty the carried cramp timing") boolean clearTiming,
            @Option(longName = "clear-sleep-disturbance", description = "Empty the carried sleep disturbance") boolean clearSleep,
            @Option(longName = "clear-triggers", description = "Empty the carried triggers") boolean clearTriggers,
            @Option(longName = "clear-cramps-since", description = "Empty the carried cramps-since") boolean clearSince,
            @Option(longName = "clear-medications", description = "Empty the carried medications") boolean clearMedications,
            @Option(longName = "clear-surgeries", description = "Empty the carried surgeries") boolean clearSurgeries,
            @Option(longName = "clear-conditions", description = "Empty the carried conditions") boolean clearConditions,
            @Option(longName = "clear-other-conditions", description = "Empty the carried other conditions") boolean clearOtherConditions,
            @Option(longName = "clear-red-flags", description = "Empty the carried red flags") boolean clearRedFlags,
            @Option(longName = "clear-water", description = "Empty the carried water (glasses or litres)") boolean clearWater,
            @Option(longName = "clear-caffeine", description = "Empty the carried caffeine") boolean clearCaffeine,
            @Option(longName = "clear-alcohol", description = "Empty the carried alcohol") boolean clearAlcohol,
            @Option(longName = "clear-activity", description = "Empty the carried activity") boolean clearActivity,
            @Option(longName = "clear-occupation", description = "Empty the carried occupation") boolean clearOccupation,
            @Option(longName = "clear-allergies", description = "Empty the carried allergies") boolean clearAllergies,
            @Option(longName = "clear-consent-explained", description = "Empty the carried consent elements explained") boolean clearExplained) {
        LocalDate born = intakes.checkCanRecord(client).dateOfBirth(); // before any question is asked
        Optional<Intake> latest = intakes.current(client);
        if (waterGlasses != null && waterLitres != null) {
            throw InvalidInputException.forField("water-litres", "give either --water-glasses or --water-litres, not both");
        }
        // What was typed, by option: null not given, "" emptied (by an empty value or --clear-...).
        Map<String, String> given = new LinkedHashMap<>();
        given.put(IntakeForm.DATE, date);
        given.put("cramp-frequency", number(crampFrequency));
        // A frequency given alone is per week, as its option says, whatever unit the last version had.
        given.put("cramp-frequency-unit", unit == null && crampFrequency != null ? vocabulary.weekly().id() : unit);
        given.put("cramp-sites", sites);
        given.put("cramp-severity", severity == null ? null : severity.toString());
        given.put("cramp-duration", cleared("cramp-duration", number(duration), clearDuration));
        given.put("cramp-timing", cleared("cramp-timing", timing, clearTiming));
        given.put("sleep-disturbance", cleared("sleep-disturbance", sleep == null ? null : sleep.toString(), clearSleep));
        given.put("triggers", cleared("triggers", triggers, clearTriggers));
        given.put("cramps-since", cleared("cramps-since", since, clearSince));
        given.put("medications", cleared("medications", medications, clearMedications));
        given.put("surgeries", cleared("surgeries", surgeries, clearSurgeries));
        given.put("conditions", cleared("conditions", conditions, clearConditions));
        given.put("other-conditions", cleared("other-conditions", otherConditions, clearOtherConditions));
        given.put("red-flags", cleared("red-flags", redFlags, clearRedFlags));
        if (clearWater && (waterGlasses != null || waterLitres != null)) {
            throw InvalidInputException.forField("clear-water", "give either --clear-water or the water, not both");
        }
        given.put(IntakeForm.WATER_GLASSES, clearWater ? "" : number(waterGlasses));
        given.put(IntakeForm.WATER_LITRES, clearWater ? "" : number(waterLitres));
        given.put("caffeine", cleared("caffeine", caffeine, clearCaffeine));
        given.put("alcohol", cleared("alcohol", alcohol, clearAlcohol));
        given.put("activity", cleared("activity", activity, clearActivity));
        given.put("occupation", cleared("occupation", occupation, clearOccupation));
        given.put("allergies", cleared("allergies", allergies, clearAllergies));
        given.put("consent-date", consentDate);
        given.put("consent-by", consentBy);
        given.put("consent-explained", cleared("consent-explained", explained, clearExplained));

        LocalDate today = intakes.today();
        IntakeForm form = latest.map(IntakeForm::carried).orElseGet(IntakeForm::new);
        form.set(IntakeForm.DATE, today.toString());
        given.forEach((option, text) -> {
            if (text != null) {
                form.set(option, text);
            }
        });
        IntakeFields fields = new IntakeFields(vocabulary, rules, today, born);
        // The whole form is walked when the therapist sits at the shell and gave no field to change;
        // otherwise only what an intake needs and does not have is asked (and one-shot mode refuses it).
        boolean walk = InteractiveInput.isInteractive(context) && given.entrySet().stream()
                .allMatch(entry -> entry.getKey().equals(IntakeForm.DATE) || entry.getValue() == null);
        if (walk) {
            context.outputWriter().println(latest.map(intake -> "Intake of client " + client + ", from version "
                    + intake.version() + ".").orElse("First intake of client " + client + ".")
                    + " Enter keeps the value in [brackets] or skips; Ctrl-C cancels.");
        }
        String section = null;
        for (IntakeForm.Field field : IntakeForm.FIELDS) {
            String current = form.value(field.option());
            if (walk || (field.required() && current == null)) {
                if (walk && !field.section().equals(section)) {
                    section = field.section();
                    context.outputWriter().println("-- " + section);
                }
                form.set(field.option(), Prompts.answer(context, field.option(), question(field.option()), current,
                        field.required(), text -> fields.check(field.option(), text)));
            }
        }
        IntakeAnswers answers = fields.answers(form, practitioner);
        IntakeService.Recorded recorded = intakes.record(client, answers,
                confirmations(context, answers.medications(), latest.map(Intake::medications).orElse(List.of())));
        return view.recorded(recorded) + "\n\n" + view.screening(intakes.screen(recorded.intake()));
    }

    @Command(name = "intake diff", group = GROUP,
            description = "Show what changed between two intake versions of a client (default: the last two)")
    String diff(@Option(longName = "client", required = true, description = "Client id") long client,
            @Option(longName = "from", description = "The older version (default: the one before --to)") Integer from,
            @Option(longName = "to", description = "The newer version (default: the current one)") Integer to) {
        return view.comparison(intakes.compare(client, from, to));
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
            @Option(longName = "date", description = "Date of the clearance, YYYY-MM-DD, today or yesterday (default today)") String date) {
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
    private Map<String, String> confirmations(CommandContext context, List<Intake.IntakeMedication> medications,
            List<Intake.IntakeMedication> before) {
        Map<String, String> confirmed = new LinkedHashMap<>();
        // A line confirmed on an earlier version keeps its name, and is not asked about again.
        before.stream().filter(medication -> medication.confirmedAs() != null)
                .forEach(medication -> confirmed.put(medication.description(), medication.confirmedAs()));
        for (IntakeService.NearMiss miss : intakes.nearMisses(medications)) {
            if (confirmed.containsKey(miss.written())) {
                continue;
            }
            List<String> choices = miss.closest().stream().map(MedicationCatalog.Known::described).toList();
            Prompts.offer(context, miss.written() + ": not a medicine Soapstone knows.", choices)
                    .ifPresent(chosen -> confirmed.put(miss.written(), miss.closest().get(chosen).name()));
        }
        return confirmed;
    }

    /** The question the form asks for {@code option}; the lists name the ids they take. */
    private String question(String option) {
        return switch (option) {
            case IntakeForm.DATE -> "Date the intake was taken (YYYY-MM-DD, today or yesterday)";
            case "cramp-frequency" -> "Cramp episodes per week (a number; or per the unit of --cramp-frequency-unit)";
            case "cramp-frequency-unit" -> "Counted per " + vocabulary.frequencyUnits().stream().map(FrequencyUnit::id)
                    .collect(Collectors.joining("|"));
            case "cramp-sites" -> "Where the cramps are (comma-separated site ids)\n  allowed: "
                    + String.join(", ", vocabulary.siteIds()) + "\n";
            case "cramp-severity" -> "Worst cramp pain, 0-10";
            case "cramp-duration" -> "How long an episode lasts, minutes";
            case "cramp-timing" -> "When cramps come (" + String.join("|", vocabulary.crampTimings()) + ")";
            case "sleep-disturbance" -> "How much cramps disturb sleep, 0-10";
            case "triggers" -> "What sets cramps off";
            case "cramps-since" -> "How long they have had cramps, e.g. 2 years";
            case "medications" -> "Medicines, separated by ';'";
            case "surgeries" -> "Surgeries with year and side, separated by ';'";
            case "conditions" -> "Conditions (comma-separated ids)\n  allowed: " + String.join(", ", rules.conditionIds()) + "\n";
            case "other-conditions" -> "Other conditions";
            case "red-flags" -> "Current symptoms (comma-separated ids)\n  allowed: " + String.join(", ", rules.redFlagIds()) + "\n";
            case IntakeForm.WATER_GLASSES -> "Glasses of water a day";
            case IntakeForm.WATER_LITRES -> "Or litres of water a day";
            case "caffeine" -> "Coffee, tea, energy drinks";
            case "alcohol" -> "Alcohol";
            case "activity" -> "Exercise and activity";
            case "occupation" -> "Work, e.g. long standing or sitting";
            case "allergies" -> "Allergies: oils, lotions, latex, fragrances...";
            case "consent-date" -> "Date consent was given (YYYY-MM-DD, today or yesterday)";
            case "consent-by" -> "Who gave consent (the client, or their guardian)";
            case "consent-explained" -> "Consent elements explained: all, or "
                    + String.join(",", vocabulary.consentElementIds());
            default -> option;
        };
    }

    /** A number typed as an option, as text: "3" for 3.0. */
    private static String number(Double value) {
        return value == null ? null : Fields.number(value);
    }

    /** The text of an optional field: "" when {@code clear} empties it, which may not come with a value. */
    private static String cleared(String option, String value, boolean clear) {
        if (clear && value != null) {
            throw InvalidInputException.forField("clear-" + option, "give either --" + option + " or --clear-" + option
                    + ", not both");
        }
        return clear ? "" : value;
    }
}
