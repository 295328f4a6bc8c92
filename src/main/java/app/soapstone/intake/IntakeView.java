package app.soapstone.intake;

import app.soapstone.intake.Intake.CrampHistory;
import app.soapstone.intake.Intake.IntakeMedication;
import app.soapstone.intake.Intake.IntakeSurgery;
import app.soapstone.intake.Intake.Lifestyle;
import app.soapstone.intake.IntakeService.Screened;
import app.soapstone.screening.Flag;
import app.soapstone.screening.Level;
import app.soapstone.screening.ScreeningRules;
import app.soapstone.shell.Tables;
import app.soapstone.validation.Fields;
import app.soapstone.vocabulary.BodySite;
import app.soapstone.vocabulary.Term;
import app.soapstone.vocabulary.Vocabulary;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** How intakes and their screening look in the terminal. */
@Component
public class IntakeView {

    private final Vocabulary vocabulary;
    private final ScreeningRules rules;

    public IntakeView(Vocabulary vocabulary, ScreeningRules rules) {
        this.vocabulary = vocabulary;
        this.rules = rules;
    }

    public String card(Intake intake) {
        List<List<String>> fields = new ArrayList<>();
        fields.add(List.of("Intake", "version " + intake.version() + ", taken " + intake.takenOn()));
        fields.addAll(fields(intake));
        return Tables.card(fields);
    }

    /**
     * The intake's answers as labelled values, in the order of the form; a list (medicines,
     * surgeries, red flags) one item a line; empty values are left for the caller to skip.
     */
    public List<List<String>> fields(Intake intake) {
        CrampHistory cramps = intake.cramps();
        Lifestyle life = intake.lifestyle();
        List<List<String>> fields = new ArrayList<>();
        fields.add(List.of("Cramps", frequency(cramps)));
        fields.add(List.of("Sites", sites(intake.siteIds())));
        fields.add(List.of("Severity", cramps.severity() + "/10"));
        fields.add(List.of("Duration", cramps.durationMinutes() == null ? "" : Fields.number(cramps.durationMinutes()) + " min"));
        fields.add(List.of("Timing", nullToEmpty(cramps.timing())));
        fields.add(List.of("Sleep disturbance", cramps.sleepDisturbance() == null ? "" : cramps.sleepDisturbance() + "/10"));
        fields.add(List.of("Triggers", nullToEmpty(cramps.triggers())));
        fields.add(List.of("Cramps since", nullToEmpty(cramps.since())));
        fields.add(List.of("Medications", intake.medications().stream().map(IntakeMedication::shown)
                .collect(Collectors.joining("\n"))));
        fields.add(List.of("Surgeries", intake.surgeries().stream().map(IntakeSurgery::description)
                .collect(Collectors.joining("\n"))));
        fields.add(List.of("Conditions", intake.conditionIds().stream()
                .map(id -> rules.condition(id).map(ScreeningRules.Condition::label).orElse(id))
                .collect(Collectors.joining(", "))));
        fields.add(List.of("Other conditions", nullToEmpty(intake.otherConditions())));
        fields.add(List.of("Red flags", intake.redFlagIds().stream()
                .map(id -> rules.redFlag(id).map(ScreeningRules.RedFlag::label).orElse(id))
                .collect(Collectors.joining("\n"))));
        fields.add(List.of("Water", water(life)));
        fields.add(List.of("Caffeine", life == null ? "" : nullToEmpty(life.caffeine())));
        fields.add(List.of("Alcohol", life == null ? "" : nullToEmpty(life.alcohol())));
        fields.add(List.of("Activity", life == null ? "" : nullToEmpty(life.activity())));
        fields.add(List.of("Occupation", life == null ? "" : nullToEmpty(life.occupation())));
        fields.add(List.of("Allergies", nullToEmpty(intake.allergies())));
        fields.add(List.of("Consent", intake.consent().date() + " by " + intake.consent().givenBy()
                + "; explained: " + explained(intake.consentElementIds())));
        return fields;
    }

    /**
     * What {@code intake new} says it recorded: the version, and for a later version the changes
     * against the one before it and the consent it carried, whose date stays that of the consent.
     */
    String recorded(IntakeService.Recorded recorded) {
        Intake intake = recorded.intake();
        StringBuilder text = new StringBuilder("Recorded intake version " + intake.version() + " for client "
                + intake.client().getId());
        recorded.previous().ifPresent(before -> {
            text.append("\n\nChanges against version ").append(before.version()).append(':');
            recorded.changes().forEach(line -> text.append("\n  ").append(line));
            if (intake.consent().equals(before.consent())) {
                text.append("\n\nConsent carried from version ").append(before.version()).append(": given ")
                        .append(intake.consent().date()).append(" by ").append(intake.consent().givenBy())
                        .append(" (record new consent with --consent-date and --consent-by)");
            }
        });
        return text.toString();
    }

    /** What {@code intake diff} shows: the two versions compared, then a line a change. */
    String comparison(IntakeService.Comparison comparison) {
        String heading = "Intake version " + comparison.from().version() + " (" + comparison.from().takenOn()
                + ") -> version " + comparison.to().version() + " (" + comparison.to().takenOn() + ")";
        if (comparison.changes().isEmpty()) {
            return heading + "\n  no changes";
        }
        return heading + comparison.changes().stream().map(line -> "\n  " + line).collect(Collectors.joining());
    }

    /** A few lines for {@code client show}. */
    String summary(Intake intake) {
        return "Intake v" + intake.version() + " (" + intake.takenOn() + "): " + frequency(intake.cramps()) + ", severity "
                + intake.cramps().severity() + "/10, " + sites(intake.siteIds());
    }

    String history(List<Intake> intakes, int width) {
        if (intakes.isEmpty()) {
            return "No intakes yet.";
        }
        List<List<String>> rows = intakes.stream().map(i -> List.of(String.valueOf(i.version()),
                i.takenOn().toString(), Fields.number(i.cramps().frequencyPerWeek()),
                i.cramps().severity() + "/10", i.cramps().sleepDisturbance() == null ? "" : i.cramps().sleepDisturbance() + "/10",
                String.join(", ", i.siteIds()), String.valueOf(i.redFlagIds().size()))).toList();
        return Tables.render(List.of("Version", "Taken", "Cramps/wk", "Severity", "Sleep", "Sites", "Red flags"), rows,
                width);
    }

    public String screening(Screened screened) {
        List<Flag> flags = screened.flags();
        StringBuilder text = new StringBuilder("Screening of intake v" + screened.intake().version() + " ("
                + screened.intake().takenOn() + ")");
        if (flags.isEmpty()) {
            return text.append(": no flags.\n").append(screened.medicines().summary()).toString();
        }
        if (screened.blocked()) {
            text.append("\n!! Urgent referral: do not treat the affected area until a medical clearance is recorded"
                    + " (intake clear --client " + screened.intake().client().getId() + " --note \"...\").");
        }
        for (Level level : Level.values()) {
            List<Flag> group = flags.stream().filter(f -> f.level() == level).toList();
            if (group.isEmpty()) {
                continue;
            }
            text.append("\n\n").append(level.name());
            for (Flag flag : group) {
                text.append("\n  ").append(flag.blocking() ? "! " : "- ").append(flag.title());
                if (flag.level() == Level.REFER) {
                    text.append(" [").append(flag.levelLabel().substring("REFER ".length()).replaceAll("[()]", "")).append(']');
                }
                text.append("\n      ").append(flag.reason());
                if (flag.clearance() != null) {
                    text.append("\n      ").append(flag.clearance());
                }
                text.append("\n      from ").append(flag.source());
            }
        }
        return text.append("\n\n").append(screened.medicines().summary()).toString();
    }

    private String frequency(CrampHistory cramps) {
        String weekly = Fields.number(cramps.frequencyPerWeek()) + " a week";
        return cramps.frequencyGiven().endsWith("per week") ? weekly : weekly + " (" + cramps.frequencyGiven() + ")";
    }

    private String sites(List<String> ids) {
        return ids.stream().map(id -> vocabulary.site(id).map(BodySite::label).orElse(id)).collect(Collectors.joining(", "));
    }

    private String explained(List<String> ids) {
        if (ids.containsAll(vocabulary.consentElementIds())) {
            return "all";
        }
        return ids.isEmpty() ? "not recorded" : ids.stream()
                .map(id -> vocabulary.consentElement(id).map(Term::label).orElse(id)).collect(Collectors.joining(", "));
    }

    private String water(Lifestyle life) {
        Double perDay = life == null ? null : life.litresPerDay(vocabulary.glassMl());
        if (perDay == null) {
            return "";
        }
        String litres = Fields.number(Math.round(perDay * 100) / 100.0) + " L a day";
        return life.waterGlasses() != null ? Fields.number(life.waterGlasses()) + " glasses (about " + litres + ")"
                : litres;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
