package app.soapstone.validation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values typed for a command, by option name ({@code "pain-before" -> "6"}), before checking.
 * Options that were not given are absent; an empty value means "clear" where that makes sense.
 */
public record Form(Map<String, String> values) {

    /** An option the command needs, and how to ask for it in the interactive shell. */
    public record Question(String option, String prompt) {
    }

    public Form {
        Map<String, String> copy = new LinkedHashMap<>();
        values.forEach((option, value) -> {
            if (value != null) {
                copy.put(option, value);
            }
        });
        values = Collections.unmodifiableMap(copy);
    }

    public static Form of(Object... optionsAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < optionsAndValues.length; i += 2) {
            Object value = optionsAndValues[i + 1];
            values.put((String) optionsAndValues[i], value == null ? null : text(value));
        }
        return new Form(values);
    }

    public String get(String option) {
        return values.get(option);
    }

    /** Given with a non-blank value. */
    public boolean has(String option) {
        String value = values.get(option);
        return value != null && !value.isBlank();
    }

    /** Given at all, possibly empty (to clear a field). */
    public boolean given(String option) {
        return values.containsKey(option);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public Form with(String option, String value) {
        Map<String, String> changed = new LinkedHashMap<>(values);
        changed.put(option, value);
        return new Form(changed);
    }

    public List<Question> missing(List<Question> required) {
        return required.stream().filter(q -> !has(q.option())).toList();
    }

    private static String text(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return String.valueOf(d.longValue());
        }
        return value.toString();
    }
}
