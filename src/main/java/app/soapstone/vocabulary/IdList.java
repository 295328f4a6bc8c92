package app.soapstone.vocabulary;

import app.soapstone.validation.InvalidInputException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Parses comma-separated ids typed by the user and checks them against a vocabulary. */
public final class IdList {

    private IdList() {
    }

    /**
     * The ids in {@code text} (comma or space separated, case ignored, duplicates dropped), each of
     * which must be in {@code allowed}; an unknown one is reported with the list of allowed ids.
     */
    public static List<String> parse(String option, String text, Collection<String> allowed) {
        Set<String> ids = new LinkedHashSet<>();
        for (String part : text.split("[,\\s]+")) {
            String id = part.strip().toLowerCase(Locale.ROOT);
            if (id.isEmpty()) {
                continue;
            }
            if (!allowed.contains(id)) {
                List<String> sided = allowed.stream().filter(a -> a.startsWith(id + "-")).toList();
                throw InvalidInputException.forField(option, "'" + part.strip() + "' is not allowed; use "
                        + (sided.isEmpty() ? String.join(", ", allowed) : String.join(" or ", sided)));
            }
            ids.add(id);
        }
        return new ArrayList<>(ids);
    }

    /** Like {@link #parse}, but at least one id is needed. */
    public static List<String> parseRequired(String option, String text, Collection<String> allowed) {
        List<String> ids = text == null ? List.of() : parse(option, text, allowed);
        if (ids.isEmpty()) {
            throw InvalidInputException.forField(option, "give at least one of " + String.join(", ", allowed));
        }
        return ids;
    }
}
