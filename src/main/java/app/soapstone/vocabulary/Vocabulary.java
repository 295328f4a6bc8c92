package app.soapstone.vocabulary;

import app.soapstone.template.InvalidTemplateException;
import app.soapstone.template.TemplateFiles;
import app.soapstone.template.TemplateSet;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The shared word lists from {@code templates/vocabulary/}: body sites, consent elements, modalities. */
@Component
public class Vocabulary implements TemplateSet {

    static final String BODY_SITES = "vocabulary/body-sites.yaml";
    static final String CONSENT_ELEMENTS = "vocabulary/consent-elements.yaml";
    static final String MODALITIES = "vocabulary/modalities.yaml";
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private record Terms(Map<String, BodySite> sites, Map<String, Term> consentElements, Map<String, Modality> modalities) {
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
                        Modality::id, m -> m.label() != null && m.meaning() != null));
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

    /**
     * Indexes entries by id, in file order, checking that every id is well formed and unique and
     * that each entry is complete. Used for every vocabulary file; {@code file} is how errors name
     * it, the {@link TemplateFiles#origin origin}, so an override's problem points at that file.
     */
    public static <T> Map<String, T> index(String file, List<T> entries, Function<T, String> id,
            java.util.function.Predicate<T> complete) {
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
}
