package app.soapstone.intake;

import app.soapstone.validation.Fields;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An intake as the text of each option of {@code intake new}, in the order of the form: what a
 * new version starts from (the latest one, carried forward), what the interactive shell walks, and
 * what two versions are compared by. An empty field holds no text.
 */
final class IntakeForm {

    /**
     * One field of the form: its option, the section of the form it belongs to, whether an intake
     * needs it, and for a list the separator of its items (null for one value).
     */
    record Field(String option, String section, boolean required, String separator) {

        boolean list() {
            return separator != null;
        }
    }

    static final String DATE = "date";
    static final String WATER_GLASSES = "water-glasses";
    static final String WATER_LITRES = "water-litres";

    /** Every field, in the order the form is walked and changes are listed. */
    static final List<Field> FIELDS = List.of(
            new Field(DATE, "Intake", true, null),
            new Field("cramp-frequency", "Cramp history", true, null),
            new Field("cramp-frequency-unit", "Cramp history", false, null),
            new Field("cramp-sites", "Cramp history", true, ","),
            new Field("cramp-severity", "Cramp history", true, null),
            new Field("cramp-duration", "Cramp history", false, null),
            new Field("cramp-timing", "Cramp history", false, null),
            new Field("sleep-disturbance", "Cramp history", false, null),
            new Field("triggers", "Cramp history", false, null),
            new Field("cramps-since", "Cramp history", false, null),
            new Field("medications", "Medications", false, ";"),
            new Field("surgeries", "Surgeries", false, ";"),
            new Field("conditions", "Conditions", false, ","),
            new Field("other-conditions", "Conditions", false, null),
            new Field("red-flags", "Red flags", false, ","),
            new Field(WATER_GLASSES, "Lifestyle", false, null),
            new Field(WATER_LITRES, "Lifestyle", false, null),
            new Field("caffeine", "Lifestyle", false, null),
            new Field("alcohol", "Lifestyle", false, null),
            new Field("activity", "Lifestyle", false, null),
            new Field("occupation", "Lifestyle", false, null),
            new Field("allergies", "Allergies", false, null),
            new Field("consent-date", "Consent", true, null),
            new Field("consent-by", "Consent", true, null),
            new Field("consent-explained", "Consent", false, ","));

    private static final Pattern PER = Pattern.compile(" per ");

    private final Map<String, String> values = new LinkedHashMap<>();

    /** An empty form, for a client's first intake. */
    IntakeForm() {
    }

    /** The text of every field of {@code intake}, as it would be typed to record it again. */
    static IntakeForm of(Intake intake) {
        IntakeForm form = new IntakeForm();
        form.set(DATE, intake.takenOn().toString());
        Intake.CrampHistory cramps = intake.cramps();
        if (cramps != null) {
            // What was given ("4 per month") is kept beside the weekly figure; older rows may lack it.
            String[] given = cramps.frequencyGiven() == null ? new String[0] : PER.split(cramps.frequencyGiven(), 2);
            if (given.length == 2) {
                form.set("cramp-frequency", given[0]);
                form.set("cramp-frequency-unit", given[1]);
            } else if (cramps.frequencyPerWeek() != null) {
                form.set("cramp-frequency", Fields.number(cramps.frequencyPerWeek()));
            }
            form.set("cramp-severity", text(cramps.severity()));
            form.set("cramp-duration", cramps.durationMinutes() == null ? null : Fields.number(cramps.durationMinutes()));
            form.set("cramp-timing", cramps.timing());
            form.set("sleep-disturbance", text(cramps.sleepDisturbance()));
            form.set("triggers", cramps.triggers());
            form.set("cramps-since", cramps.since());
        }
        form.set("cramp-sites", String.join(",", intake.siteIds()));
        form.set("medications", String.join("; ",
                intake.medications().stream().map(Intake.IntakeMedication::description).toList()));
        form.set("surgeries", String.join("; ",
                intake.surgeries().stream().map(Intake.IntakeSurgery::description).toList()));
        form.set("conditions", String.join(",", intake.conditionIds()));
        form.set("other-conditions", intake.otherConditions());
        form.set("red-flags", String.join(",", intake.redFlagIds()));
        Intake.Lifestyle lifestyle = intake.lifestyle();
        if (lifestyle != null) {
            form.set(WATER_GLASSES, lifestyle.waterGlasses() == null ? null : Fields.number(lifestyle.waterGlasses()));
            form.set(WATER_LITRES, lifestyle.waterLitres() == null ? null : Fields.number(lifestyle.waterLitres()));
            form.set("caffeine", lifestyle.caffeine());
            form.set("alcohol", lifestyle.alcohol());
            form.set("activity", lifestyle.activity());
            form.set("occupation", lifestyle.occupation());
        }
        form.set("allergies", intake.allergies());
        if (intake.consent() != null) {
            form.set("consent-date", intake.consent().date() == null ? null : intake.consent().date().toString());
            form.set("consent-by", intake.consent().givenBy());
        }
        form.set("consent-explained", String.join(",", intake.consentElementIds()));
        return form;
    }

    /**
     * What a new version of {@code intake} starts from: all of it but the date it was taken, which
     * is the new version's own.
     */
    static IntakeForm carried(Intake intake) {
        IntakeForm form = of(intake);
        form.values.remove(DATE);
        return form;
    }

    /** The text of {@code option}, or null when the field is empty. */
    String value(String option) {
        return values.get(option);
    }

    /**
     * Sets {@code option} to {@code text}; blank empties it. Water is either in glasses or in
     * litres, so giving one empties the other.
     */
    void set(String option, String text) {
        if (text == null || text.isBlank()) {
            values.remove(option);
            return;
        }
        values.put(option, text.strip());
        if (option.equals(WATER_GLASSES)) {
            values.remove(WATER_LITRES);
        } else if (option.equals(WATER_LITRES)) {
            values.remove(WATER_GLASSES);
        }
    }

    /**
     * What changed from this form to {@code newer}, a line a field in the order of the form:
     * "cramp-severity: 6 -> 4", with "(none)" for an empty field; a list names each item added
     * and removed ("medications: added Eliquis 5 mg bd"). Empty when nothing changed.
     */
    List<String> changesTo(IntakeForm newer) {
        List<String> lines = new ArrayList<>();
        for (Field field : FIELDS) {
            String before = value(field.option());
            String after = newer.value(field.option());
            if (Objects.equals(before, after)) {
                continue;
            }
            if (field.list()) {
                List<String> old = items(before, field.separator());
                List<String> now = items(after, field.separator());
                now.stream().filter(item -> !old.contains(item))
                        .forEach(item -> lines.add(field.option() + ": added " + item));
                old.stream().filter(item -> !now.contains(item))
                        .forEach(item -> lines.add(field.option() + ": removed " + item));
            } else {
                lines.add(field.option() + ": " + shown(before) + " -> " + shown(after));
            }
        }
        return lines;
    }

    private static List<String> items(String text, String separator) {
        List<String> items = new ArrayList<>();
        if (text != null) {
            for (String item : text.split(Pattern.quote(separator) + "|\\n")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
        }
        return items;
    }

    /** A value on one line: text of several lines has its line breaks shown as " / ". */
    static String shown(String value) {
        return value == null ? "(none)" : value.replaceAll("\\s*\\n\\s*", " / ");
    }

    private static String text(Integer value) {
        return value == null ? null : value.toString();
    }
}
