package app.soapstone.shell;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The values an option or a positional argument can take, for TAB completion in the interactive
 * shell. A feature that knows them (clients, sessions, word lists) implements this as a bean, so
 * the shell completes them without knowing the feature. Only the interactive shell asks, on TAB.
 */
public interface OptionValues {

    /**
     * Whether this completes {@code slot} of {@code command}: an option's long name, or for a
     * positional argument the thing its description names ({@code client} for "Client id").
     */
    boolean serves(String command, String slot);

    /** Whether {@code slot} takes a comma-separated list, so each item after the last comma completes. */
    default boolean list(String slot) {
        return false;
    }

    /**
     * The values that fit what has been typed of one value ({@code query.typed()}, after the last
     * comma of a list). Matched as the feature sees fit (a client by id or name); kept short.
     */
    List<Value> values(Query query);

    /** What is being completed: the command, the slot, the part typed, and the other words on the line. */
    record Query(String command, String slot, String typed, List<String> words) {

        /**
         * Whether what is typed starts {@code id} or any word of {@code name}, case aside: how a
         * short list (practitioners, services) is searched.
         */
        public boolean startsIdOrWord(String id, String name) {
            String start = typed.strip().toLowerCase(Locale.ROOT);
            return id.startsWith(start) || Arrays.stream(name.toLowerCase(Locale.ROOT).split("\\s+"))
                    .anyMatch(word -> word.startsWith(start));
        }

        /** The value given on the line for {@code --option}, if any. */
        public Optional<String> option(String longName) {
            String flag = "--" + longName;
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i);
                if (word.equals(flag) && i + 1 < words.size()) {
                    return Optional.of(words.get(i + 1));
                }
                if (word.startsWith(flag + "=")) {
                    return Optional.of(word.substring(flag.length() + 1));
                }
            }
            return Optional.empty();
        }
    }

    /**
     * One candidate: what is typed ({@code value}), what the list shows ({@code display}, e.g. "12
     * Zoë Łukasiewicz"), and what it means ({@code description}, may be empty).
     */
    record Value(String value, String display, String description) {

        public static Value of(String value, String description) {
            return new Value(value, value, description);
        }
    }
}
