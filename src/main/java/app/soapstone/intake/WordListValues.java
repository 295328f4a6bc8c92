package app.soapstone.intake;

import app.soapstone.shell.OptionValues;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * TAB completion of the options typed from word lists ({@code --modalities}, {@code --areas},
 * {@code --conditions}, {@code --pressure}...), each id with its meaning, and of the kinds after
 * {@code vocabulary list}.
 */
@Component
class WordListValues implements OptionValues {

    /** Which word list each option takes. */
    private static final Map<String, String> OPTIONS = Map.of("modalities", "modalities", "areas", "sites",
            "cramp-sites", "sites", "conditions", "conditions", "red-flags", "red-flags", "consent-explained",
            "consent", "pressure", "pressures", "cramp-timing", "cramp-timings", "cramp-frequency-unit",
            "frequency-units");
    /** The options that take a comma-separated list of ids. */
    private static final List<String> LISTS = List.of("modalities", "areas", "cramp-sites", "conditions", "red-flags",
            "consent-explained");

    private final WordLists words;

    WordListValues(WordLists words) {
        this.words = words;
    }

    @Override
    public boolean serves(String command, String slot) {
        return OPTIONS.containsKey(slot) || command.equals("vocabulary list") && slot.equals("kind");
    }

    @Override
    public boolean list(String slot) {
        return LISTS.contains(slot);
    }

    @Override
    public List<Value> values(Query query) {
        if (query.slot().equals("kind")) {
            return WordLists.KINDS.entrySet().stream().filter(e -> e.getKey().startsWith(query.typed()))
                    .map(e -> Value.of(e.getKey(), e.getValue())).toList();
        }
        List<Value> values = words.words(OPTIONS.get(query.slot())).stream()
                .filter(word -> word.id().startsWith(query.typed()))
                .map(word -> Value.of(word.id(), word.meaning())).toList();
        if (query.slot().equals("consent-explained") && "all".startsWith(query.typed())) {
            return Stream.concat(Stream.of(Value.of("all", "Every element")), values.stream()).toList();
        }
        return values;
    }
}
