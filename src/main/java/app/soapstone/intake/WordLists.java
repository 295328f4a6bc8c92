package app.soapstone.intake;

import app.soapstone.screening.ScreeningRules;
import app.soapstone.validation.InvalidInputException;
import app.soapstone.vocabulary.FrequencyUnit;
import app.soapstone.vocabulary.Vocabulary;
import org.springframework.stereotype.Component;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The word lists intakes and sessions are typed with, by kind, each id with its meaning: from the
 * vocabulary (modalities, body sites, consent elements, measures) and the screening rules
 * (conditions, red flags, pressures). Here, not in {@code vocabulary}, because the screening rules
 * sit above the vocabulary; {@code vocabulary list} and TAB completion both read them from here.
 */
@Component
class WordLists {

    /** One id as typed, and what it means. */
    record Word(String id, String meaning) {
    }

    /** Each kind and what it lists, in the order {@code vocabulary list} shows them. */
    static final Map<String, String> KINDS = kinds();

    private static Map<String, String> kinds() {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("modalities", "Techniques (session --modalities)");
        kinds.put("sites", "Body sites (session --areas, intake --cramp-sites)");
        kinds.put("conditions", "Conditions (intake --conditions)");
        kinds.put("red-flags", "Current symptoms that need a doctor (intake --red-flags)");
        kinds.put("consent", "Consent elements (intake --consent-explained)");
        kinds.put("pressures", "Pressure levels (session --pressure)");
        kinds.put("cramp-timings", "When cramps come (intake --cramp-timing)");
        kinds.put("frequency-units", "Units of cramp frequency (intake --cramp-frequency-unit)");
        return Collections.unmodifiableMap(kinds);
    }

    private final Vocabulary vocabulary;
    private final ScreeningRules screening;

    WordLists(Vocabulary vocabulary, ScreeningRules screening) {
        this.vocabulary = vocabulary;
        this.screening = screening;
    }

    /** The words of {@code kind}; an unknown kind is refused, naming the kinds there are. */
    List<Word> words(String kind) {
        return find(kind).orElseThrow(() -> new InvalidInputException("vocabulary list: '" + kind
                + "' is not a word list; use " + String.join(", ", KINDS.keySet())));
    }

    Optional<List<Word>> find(String kind) {
        return Optional.ofNullable(switch (kind) {
            case "modalities" -> vocabulary.modalityIds().stream().map(id -> vocabulary.modality(id).orElseThrow())
                    .map(m -> new Word(m.id(), m.label() + ": " + m.meaning())).toList();
            case "sites" -> vocabulary.siteIds().stream().map(id -> vocabulary.site(id).orElseThrow())
                    .map(s -> new Word(s.id(), s.label())).toList();
            case "conditions" -> screening.conditionIds().stream().map(id -> screening.condition(id).orElseThrow())
                    .map(c -> new Word(c.id(), c.label())).toList();
            case "red-flags" -> screening.redFlagIds().stream().map(id -> screening.redFlag(id).orElseThrow())
                    .map(r -> new Word(r.id(), r.label() + (r.urgent() ? " (urgent)" : ""))).toList();
            case "consent" -> vocabulary.consentElementIds().stream()
                    .map(id -> new Word(id, vocabulary.consentElement(id).orElseThrow().label())).toList();
            case "pressures" -> screening.pressures().stream().map(p -> new Word(p, "")).toList();
            case "cramp-timings" -> vocabulary.crampTimings().stream().map(t -> new Word(t, "")).toList();
            case "frequency-units" -> vocabulary.frequencyUnits().stream().map(WordLists::unit).toList();
            default -> null;
        });
    }

    private static Word unit(FrequencyUnit unit) {
        return new Word(unit.id(), unit.also().isEmpty() ? "" : "also " + String.join(", ", unit.also()));
    }
}
