package app.soapstone.vocabulary;

import app.soapstone.template.InvalidTemplateException;
import app.soapstone.template.TemplateFiles;
import app.soapstone.template.TemplateLines;
import app.soapstone.template.TemplateSet;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shared word lists from {@code templates/vocabulary/}: body sites, consent elements,
 * modalities, and the measures the intake and the care plan both count in (cramp frequency units,
 * cramp timings, the size of a glass).
 */
@Component
public class Vocabulary implements TemplateSet {

    static final String BODY_SITES = "vocabulary/body-sites.yaml";
    static final String CONSENT_ELEMENTS = "vocabulary/consent-elements.yaml";
    static final String MODALITIES = "vocabulary/modalities.yaml";
    static final String MEASURES = "vocabulary/measures.yaml";
    /** The unit the intake keeps cramp frequency in, and the one taken when none is given. */
    private static final String WEEK = "week";
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern PER_WEEK = Pattern.compile("(\\d+(?:\\.\\d+)?)(?:/(\\d+(?:\\.\\d+)?))?");
    /** The sizes a glass of water may be given, in millilitres: a cup to a large tumbler, to catch litres or a slip. */
    private static final int GLASS_MIN_ML = 50;
    private static final int GLASS_MAX_ML = 1000;

    private record Terms(Map<String, BodySite> sites, Map<String, Term> consentElements, Map<String, Modality> modalities,
            Measures measures) {
    }

    /** The cramp frequency units (by id and by their other words), the cramp timings and the size of a glass. */
    private record Measures(List<FrequencyUnit> units, Map<String, FrequencyUnit> byWord, List<String> crampTimings,
            int glassMl) {
    }

    /** Read on first use, so that commands that need no word lists do not pay for parsing them. */
    private final SingletonSupplier<Terms> terms;

    public Vocabulary(TemplateFiles templates) {
        this.terms = SingletonSupplier.of(() -> read(templates));
    }

    private static Terms read(TemplateFiles templates) {
        return new Terms(
                index(templates.origin(BODY_SITES), templates.read(BODY_SITES, SitesFile.class).sites(), BodySite::id,
                        s -> s.label() != null && s.region() != null && ID.matcher(s.region()).matches()),
                index(templates.origin(CONSENT_ELEMENTS),
                        templates.read(CONSENT_ELEMENTS, ConsentElementsFile.class).consentElements(), Term::id,
                        t -> t.label() != null),
                index(MODALITIES, templates.read(MODALITIES, ModalitiesFile.class).modalities(),
                        Modality::id, m -> m.label() != null && m.meaning() != null),
                measures(templates));
    }

    /** Reads {@code measures.yaml}, refusing (with the line) a unit, timing or glass that cannot be used. */
    private static Measures measures(TemplateFiles templates) {
        MeasuresFile file = templates.read(MEASURES, MeasuresFile.class);
        TemplateLines at = templates.lines(MEASURES);
        if (file.crampFrequencyUnits() == null || file.crampTimings() == null || file.glassMl() == null) {
            throw at.error("", "needs cramp-frequency-units, cramp-timings and glass-ml");
        }
        List<FrequencyUnit> units = new ArrayList<>();
        Map<String, FrequencyUnit> byWord = new LinkedHashMap<>();
        for (int i = 0; i < file.crampFrequencyUnits().size(); i++) {
            UnitEntry entry = file.crampFrequencyUnits().get(i);
            String where = "/cramp-frequency-units/" + i;
            if (entry == null || entry.id() == null || entry.perWeek() == null) {
                throw at.error(where, "each unit needs an id and per-week");
            }
            Matcher perWeek = PER_WEEK.matcher(entry.perWeek().strip());
            double count = perWeek.matches() ? Double.parseDouble(perWeek.group(1)) : 0;
            double weeks = perWeek.matches() && perWeek.group(2) != null ? Double.parseDouble(perWeek.group(2)) : 1;
            if (count <= 0 || weeks <= 0) {
                throw at.error(where + "/per-week", "per-week must be a number above 0, or a fraction such as 12/52"
                        + " (got " + entry.perWeek() + ")");
            }
            List<String> words = new ArrayList<>();
            words.add(entry.id());
            words.addAll(entry.also() == null ? List.of() : entry.also());
            for (String word : words) {
                if (word == null || !ID.matcher(word).matches()) {
                    throw at.error(where, "'" + word + "' is not lower-case words joined by hyphens");
                }
                if (byWord.containsKey(word) || words.indexOf(word) != words.lastIndexOf(word)) {
                    throw at.error(where, "'" + word + "' is given twice; a word may name one unit only");
                }
            }
            FrequencyUnit unit = new FrequencyUnit(entry.id(), List.copyOf(words.subList(1, words.size())), count, weeks);
            words.forEach(word -> byWord.put(word, unit));
            units.add(unit);
        }
        FrequencyUnit week = byWord.get(WEEK);
        if (week == null || !week.id().equals(WEEK) || week.count() != week.weeks()) {
            throw at.error("/cramp-frequency-units", "needs the unit week, with per-week: 1 (the intake counts cramps a week)");
        }
        List<String> timings = List.copyOf(index(templates.origin(MEASURES), file.crampTimings(), t -> t, t -> true).keySet());
        if (file.glassMl() < GLASS_MIN_ML || file.glassMl() > GLASS_MAX_ML) {
            throw at.error("/glass-ml", "glass-ml is the size of a glass in millilitres, from " + GLASS_MIN_ML + " to "
                    + GLASS_MAX_ML + " (got " + file.glassMl() + ")");
        }
        return new Measures(List.copyOf(units), Map.copyOf(byWord), timings, file.glassMl());
    }

    /** Reads the word lists now if they have not been read yet (a broken override fails here). */
    @Override
    public void load() {
        terms.obtain();
    }

    public Collection<String> modalityIds() {
        return terms.obtain().modalities().keySet();
    }

    public Optional<Modality> modality(String id) {
        return Optional.ofNullable(terms.obtain().modalities().get(id));
    }

    public Collection<String> siteIds() {
        return terms.obtain().sites().keySet();
    }

    public Optional<BodySite> site(String id) {
        return Optional.ofNullable(terms.obtain().sites().get(id));
    }

    public Collection<String> consentElementIds() {
        return terms.obtain().consentElements().keySet();
    }

    public Optional<Term> consentElement(String id) {
        return Optional.ofNullable(terms.obtain().consentElements().get(id));
    }

    /** The units cramp frequency may be given in, in file order. */
    public List<FrequencyUnit> frequencyUnits() {
        return terms.obtain().measures().units();
    }

    /** The unit called {@code word}, by its id or another word for it ({@code day}). */
    public Optional<FrequencyUnit> frequencyUnit(String word) {
        return Optional.ofNullable(terms.obtain().measures().byWord().get(word));
    }

    /** The unit the intake keeps cramp frequency in, and the one taken when none is given. */
    public FrequencyUnit weekly() {
        return terms.obtain().measures().byWord().get(WEEK);
    }

    /** When cramps may come ({@code --cramp-timing}), in file order. */
    public List<String> crampTimings() {
        return terms.obtain().measures().crampTimings();
    }

    /** The size of a glass of water, in millilitres, for the intake and the care plan alike. */
    public int glassMl() {
        return terms.obtain().measures().glassMl();
    }

    /**
     * Indexes entries by id, in file order, checking that every id is well formed and unique and
     * that each entry is complete. Used for every vocabulary file; {@code file} is how errors name
     * it, the {@link TemplateFiles#origin origin}, so an override's problem points at that file.
     */
    public static <T> Map<String, T> index(String file, List<T> entries, Function<T, String> id,
            Predicate<T> complete) {
        if (entries == null || entries.isEmpty()) {
            throw new InvalidTemplateException("Template " + file + " has no entries");
        }
        Map<String, T> index = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        int number = 0;
        for (T entry : entries) {
            number++;
            String key = entry == null ? null : id.apply(entry);
            if (key == null || !ID.matcher(key).matches()) {
                throw new InvalidTemplateException("Template " + file + ": entry " + number
                        + " needs an id of lower-case words joined by hyphens (got " + key + ")");
            }
            if (!seen.add(key)) {
                throw new InvalidTemplateException("Template " + file + ": id " + key + " appears twice");
            }
            if (!complete.test(entry)) {
                throw new InvalidTemplateException("Template " + file + ": entry " + key + " is missing a field");
            }
            index.put(key, entry);
        }
        return index;
    }

    record SitesFile(List<BodySite> sites) {
    }

    record ConsentElementsFile(List<Term> consentElements) {
    }

    record ModalitiesFile(List<Modality> modalities) {
    }

    record MeasuresFile(List<UnitEntry> crampFrequencyUnits, List<String> crampTimings, Integer glassMl) {
    }

    /** A unit as written: {@code per-week} is a number or a fraction ("12/52"). */
    record UnitEntry(String id, String perWeek, List<String> also) {
    }
}
