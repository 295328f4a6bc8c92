package app.soapstone.intake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An intake as typed: option name to value ({@code "cramp-severity" -> "6"}), unchecked. Values
 * that were not given are absent.
 */
public record IntakeForm(Map<String, String> values) {

    /** What must be given for an intake to be recorded, with the question asked for it. */
    public static final List<Question> REQUIRED = List.of(
            new Question("cramp-frequency", "Cramp episodes per week (a number; add --cramp-frequency-unit night|month for other units)"),
            new Question("cramp-sites", "Where the cramps are (comma-separated site ids)"),
            new Question("cramp-severity", "Worst cramp pain, 0-10"),
            new Question("consent-date", "Date consent was given, YYYY-MM-DD"),
            new Question("consent-by", "Who gave consent (the client, or their guardian)"));

    /** A required option and how to ask for it. */
    public record Question(String option, String prompt) {
    }

    public IntakeForm {
        Map<String, String> copy = new LinkedHashMap<>();
        values.forEach((option, value) -> {
            if (value != null) {
                copy.put(option, value);
            }
        });
        values = Map.copyOf(copy);
    }

    public static IntakeForm empty() {
        return new IntakeForm(Map.of());
    }

    public String get(String option) {
        return values.get(option);
    }

    public boolean has(String option) {
        String value = values.get(option);
        return value != null && !value.isBlank();
    }

    public IntakeForm with(String option, String value) {
        Map<String, String> changed = new LinkedHashMap<>(values);
        changed.put(option, value);
        return new IntakeForm(changed);
    }

    public List<Question> missing() {
        return REQUIRED.stream().filter(q -> !has(q.option())).toList();
    }
}
