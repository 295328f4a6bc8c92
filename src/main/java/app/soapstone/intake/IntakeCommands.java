package app.soapstone.intake;

import app.soapstone.screening.MedicationCatalog;
import app.soapstone.shell.Prompts;
import app.soapstone.shell.Screen;
import app.soapstone.validation.Fields;
import app.soapstone.validation.Form;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code intake new|show|history|clear} and {@code screening show}. */
@Component
class IntakeCommands {

    private static final String GROUP = "Intake and screening";

    private final IntakeService intakes;
    private final IntakeView view;
    private final Screen screen;

    IntakeCommands(IntakeService intakes, IntakeView view, Screen screen) {
        this.intakes = intakes;
        this.view = view;
        this.screen = screen;
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
            @Option(longName = "conditions", description = "Conditions: diabetes,neuropathy,... (see screening list)") String conditions,
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
        Map<String, String> values = new LinkedHashMap<>();
        values.put("date", date);
        values.put("cramp-frequency", text(crampFrequency));
        values.put("cramp-frequency-unit", unit);
        values.put("cramp-sites", sites);
        values.put("cramp-severity", text(severity));
        values.put("cramp-duration", text(duration));
        values.put("cramp-timing", timing);
        values.put("sleep-disturbance", text(sleep));
        values.put("triggers", triggers);
        values.put("cramps-since", since);
        values.put("medications", medications);
        values.put("surgeries", surgeries);
        values.put("conditions", conditions);
        values.put("other-conditions", otherConditions);
        values.put("red-flags", redFlags);
        values.put("water-glasses", text(waterGlasses));
        values.put("water-litres", text(waterLitres));
        values.put("caffeine", caffeine);
        values.put("alcohol", alcohol);
        values.put("activity", activity);
        values.put("occupation", occupation);
        values.put("allergies", allergies);
        values.put("consent-date", consentDate);
        values.put("consent-by", consentBy);
        values.put("consent-explained", explained);
        values.put("practitioner", text(practitioner));
        Form form = new Form(values);
        intakes.checkCanRecord(client); // an unknown or archived client is reported before any question is asked
        for (Form.Question question : form.missing(IntakeService.REQUIRED)) {
            List<String> allowed = intakes.allowedValues(question.option());
            String prompt = allowed.isEmpty() ? question.prompt()
                    : question.prompt() + "\n  allowed: " + String.join(", ", allowed) + "\n";
            form = form.with(question.option(), Prompts.ask(context, question.option(), prompt,
                    answer -> intakes.checkAnswer(client, question.option(), answer)));
        }
        Intake intake = intakes.record(client, form, confirmations(context, form.get("medications")));
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
    private Map<String, String> confirmations(CommandContext context, String medications) {
        Map<String, String> confirmed = new LinkedHashMap<>();
        for (IntakeService.NearMiss miss : intakes.nearMisses(medications)) {
            List<String> choices = miss.closest().stream().map(MedicationCatalog.Known::described).toList();
            Prompts.offer(context, miss.written() + ": not a medicine Soapstone knows.", choices)
                    .ifPresent(chosen -> confirmed.put(miss.written(), miss.closest().get(chosen).name()));
        }
        return confirmed;
    }

    private static String text(Object value) {
        return value == null ? null : value instanceof Double d ? Fields.number(d) : value.toString();
    }
}
