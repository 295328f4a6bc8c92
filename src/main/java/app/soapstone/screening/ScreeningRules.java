package app.soapstone.screening;

import app.soapstone.screening.MedicationCatalog.MedicationClass;
import app.soapstone.template.InvalidTemplateException;
import app.soapstone.template.ReadOnce;
import app.soapstone.template.TemplateFiles;
import app.soapstone.template.TemplateSet;
import app.soapstone.vocabulary.Vocabulary;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The screening rules and word lists from {@code templates/screening/}, loaded and checked once:
 * conditions and red flags (with the flags they raise), medication classes, and the rules for
 * surgeries, stale intakes and consent.
 */
@Component
public class ScreeningRules implements TemplateSet {

    static final String CONDITIONS = "screening/conditions.yaml";
    static final String RED_FLAGS = "screening/red-flags.yaml";
    static final String MEDICATIONS = "screening/medications.yaml";
    static final String RULES = "screening/rules.yaml";
    static final String CONFLICTS = "screening/modality-conflicts.yaml";

    /** A health condition from the intake checklist, with the flag it raises (if any). */
    public record Condition(String id, String label, FlagRule flag) {
    }

    /** A current symptom that needs a doctor; {@code label} is the checklist wording, plain enough for clients. */
    public record RedFlag(String id, String label, boolean urgent, String title, String reason) {
    }

    record FlagRule(String level, String title, String reason) {
    }

    record SurgeryRule(String id, List<String> words, String level, String title, String reason) {
    }

    /** A title and a reason with {placeholders}, from the rules template. */
    record TitledReason(String title, String reason) {

        String title(String placeholder, String value) {
            return title.replace("{" + placeholder + "}", value);
        }

        String reason(String placeholder, String value) {
            return reason.replace("{" + placeholder + "}", value);
        }
    }

    record Rules(int intakeReviewMonths, int consentValidMonths, int recentSurgeryWeeks, TitledReason recentSurgery,
            List<SurgeryRule> surgeries, TitledReason incompleteConsent, TitledReason allergies, TitledReason reviewDue,
            TitledReason consentExpired, TitledReason unclearAbbreviation, TitledReason medicineNotRecognised,
            List<String> pressures) {
    }

    record DrugClass(String id, String label, String level, String reason) {
    }

    /** An active ingredient: its name (the INN), other names for it, and the ids of its classes. */
    record IngredientEntry(String name, List<String> also, List<String> classes) {
    }

    /** A brand or a named combination, the ingredients it contains and the markets where it has that name. */
    record ProductEntry(String name, List<String> contains, List<String> markets) {
    }

    /**
     * A finding the screening can raise, at the level it raises it: what the care-plan rules
     * must say something about. {@code file} is the template that defines it.
     */
    public record Possible(String kind, String id, Level level, String file) {
    }

    private record ConditionsFile(List<Condition> conditions) {
    }

    private record RedFlagsFile(List<RedFlag> redFlags) {
    }

    private record MedicationsFile(List<DrugClass> classes, List<IngredientEntry> ingredients,
            List<ProductEntry> products) {
    }

    /** The markets a product name may be listed for. */
    static final List<String> MARKETS = List.of("AU", "CA", "IE", "NZ", "UK", "US");
    private static final Pattern MEDICINE_NAME = Pattern.compile(
            "[\\p{L}\\p{N}][\\p{L}\\p{N} '/-]*[\\p{L}\\p{N}]");

    /** What on an intake makes a conflict apply: one condition, medication class or red flag id. */
    record When(String condition, String medicationClass, String redFlag) {
    }

    /** Modalities or pressures that conflict with something on the intake, and the warning to show. */
    record Conflict(When when, List<String> modalities, List<String> pressures, String warning) {
    }

    private record ConflictsFile(List<Conflict> conflicts) {
    }

    private final TemplateFiles templates;
    private final Vocabulary vocabulary;
    // Read on first use (see load), so that commands that screen nothing do not pay for parsing.
    private final ReadOnce reading = new ReadOnce(this::read);
    private Map<String, Condition> conditions;
    private Map<String, RedFlag> redFlags;
    private MedicationCatalog medications;
    private Map<String, DrugClass> classes;
    private Rules rules;
    private List<Conflict> conflicts;

    public ScreeningRules(TemplateFiles templates, Vocabulary vocabulary) {
        this.templates = templates;
        this.vocabulary = vocabulary;
    }

    /** Reads and checks the screening templates now if they have not been read yet. */
    @Override
    public void load() {
        reading.ensure();
    }

    private void read() {
        // Errors name the file's origin, so a problem in a clinic's override points at that file.
        String conditionsFile = templates.origin(CONDITIONS);
        this.conditions = Vocabulary.index(conditionsFile, templates.read(CONDITIONS, ConditionsFile.class).conditions(),
                Condition::id, c -> c.label() != null && (c.flag() == null || complete(conditionsFile, c.id(), c.flag())));
        this.redFlags = Vocabulary.index(templates.origin(RED_FLAGS), templates.read(RED_FLAGS, RedFlagsFile.class).redFlags(),
                RedFlag::id, r -> r.label() != null && r.title() != null && r.reason() != null);
        String medicationsFile = templates.origin(MEDICATIONS);
        MedicationsFile medicationsTemplate = templates.read(MEDICATIONS, MedicationsFile.class);
        Map<String, DrugClass> classes = Vocabulary.index(medicationsFile, medicationsTemplate.classes(), DrugClass::id,
                c -> c.label() != null && c.reason() != null && c.level() != null);
        this.medications = catalog(medicationsFile, medicationsTemplate, classes);
        this.classes = classes;
        this.rules = templates.read(RULES, Rules.class);
        checkRules(templates.origin(RULES));
        this.conflicts = templates.read(CONFLICTS, ConflictsFile.class).conflicts();
        checkConflicts(templates.origin(CONFLICTS), classes.keySet(), vocabulary);
    }

    public Collection<String> conditionIds() {
        load();
        return conditions.keySet();
    }

    public Optional<Condition> condition(String id) {
        load();
        return Optional.ofNullable(conditions.get(id));
    }

    public Collection<String> redFlagIds() {
        load();
        return redFlags.keySet();
    }

    public Optional<RedFlag> redFlag(String id) {
        load();
        return Optional.ofNullable(redFlags.get(id));
    }

    public MedicationCatalog medications() {
        load();
        return medications;
    }

    Rules rules() {
        load();
        return rules;
    }

    /** The pressure levels a session may record, lightest first. */
    public List<String> pressures() {
        load();
        return rules.pressures();
    }

    /**
     * Every finding the screening can raise from these templates, with its level: each condition
     * with a flag, medication class, red flag and surgery rule, recent surgery, and the intake's
     * own findings (allergies, consent, review, unclear abbreviations).
     */
    public List<Possible> possibleFindings() {
        load();
        List<Possible> possible = new ArrayList<>();
        conditions.values().stream().filter(c -> c.flag() != null).forEach(c -> possible.add(new Possible(
                Finding.CONDITION, c.id(), Level.parse(c.flag().level(), CONDITIONS, c.id()), templates.origin(CONDITIONS))));
        classes.values().forEach(c -> possible.add(new Possible(Finding.MEDICATION_CLASS, c.id(),
                Level.parse(c.level(), MEDICATIONS, c.id()), templates.origin(MEDICATIONS))));
        redFlags.values().forEach(r -> possible.add(new Possible(Finding.RED_FLAG, r.id(), Level.REFER,
                templates.origin(RED_FLAGS))));
        possible.add(new Possible(Finding.SURGERY, Finding.RECENT_SURGERY, Level.PRECAUTION, templates.origin(RULES)));
        rules.surgeries().forEach(r -> possible.add(new Possible(Finding.SURGERY, r.id(),
                Level.parse(r.level(), RULES, r.id()), templates.origin(RULES))));
        String screening = "the screening (" + Screening.class.getSimpleName() + ")";
        possible.add(new Possible(Finding.INTAKE, Finding.ALLERGIES, Level.PRECAUTION, screening));
        possible.add(new Possible(Finding.INTAKE, Finding.CONSENT_EXPIRED, Level.PRECAUTION, screening));
        possible.add(new Possible(Finding.INTAKE, Finding.CONSENT_INCOMPLETE, Level.NOTE, screening));
        possible.add(new Possible(Finding.INTAKE, Finding.REVIEW_DUE, Level.NOTE, screening));
        possible.add(new Possible(Finding.INTAKE, Finding.UNCLEAR_ABBREVIATION, Level.NOTE, screening));
        possible.add(new Possible(Finding.INTAKE, Finding.UNRECOGNISED_MEDICINE, Level.NOTE, screening));
        return List.copyOf(possible);
    }

    List<Conflict> conflicts() {
        load();
        return conflicts;
    }

    /**
     * The catalogue from the medications template: every class an ingredient names must exist,
     * every ingredient a product contains, and no name may stand for two things.
     */
    private static MedicationCatalog catalog(String file, MedicationsFile template, Map<String, DrugClass> drugClasses) {
        if (template.ingredients() == null || template.ingredients().isEmpty()) {
            throw new InvalidTemplateException("Template " + file + " has no ingredients");
        }
        Map<String, MedicationClass> classes = new LinkedHashMap<>();
        drugClasses.values().forEach(c -> classes.put(c.id(), new MedicationClass(c.id(), c.label(),
                Level.parse(c.level(), file, c.id()), c.reason())));
        MedicationCatalog catalog = new MedicationCatalog();
        Map<String, MedicationCatalog.Ingredient> ingredients = new LinkedHashMap<>();
        for (IngredientEntry entry : template.ingredients()) {
            String where = "Template " + file + ": ingredient " + (entry == null ? null : entry.name());
            if (entry == null || entry.classes() == null) {
                throw new InvalidTemplateException(where + " needs a name and classes (an empty list if it raises no flag)");
            }
            List<MedicationClass> of = new ArrayList<>();
            for (String id : entry.classes()) {
                MedicationClass medicationClass = classes.get(id);
                if (medicationClass == null) {
                    throw new InvalidTemplateException(where + " names the class " + id + ", which is not in classes");
                }
                of.add(medicationClass);
            }
            MedicationCatalog.Ingredient ingredient = new MedicationCatalog.Ingredient(name(where, entry.name()), of);
            ingredients.put(ingredient.name().toLowerCase(Locale.ROOT), ingredient);
            add(catalog, where, ingredient.name(), List.of(ingredient), false);
            for (String other : entry.also() == null ? List.<String>of() : entry.also()) {
                add(catalog, where, name(where, other), List.of(ingredient), false);
            }
        }
        for (ProductEntry entry : template.products() == null ? List.<ProductEntry>of() : template.products()) {
            String where = "Template " + file + ": product " + (entry == null ? null : entry.name());
            if (entry == null || entry.contains() == null || entry.contains().isEmpty()) {
                throw new InvalidTemplateException(where + " needs a name and the ingredients it contains");
            }
            List<MedicationCatalog.Ingredient> contains = new ArrayList<>();
            for (String ingredient : entry.contains()) {
                MedicationCatalog.Ingredient found = ingredient == null ? null
                        : ingredients.get(ingredient.strip().toLowerCase(Locale.ROOT));
                if (found == null) {
                    throw new InvalidTemplateException(where + " contains " + ingredient + ", which is not in ingredients");
                }
                contains.add(found);
            }
            for (String market : entry.markets() == null ? List.<String>of() : entry.markets()) {
                if (!MARKETS.contains(market)) {
                    throw new InvalidTemplateException(where + " is listed for the market " + market + " (allowed: "
                            + String.join(", ", MARKETS) + ")");
                }
            }
            add(catalog, where, name(where, entry.name()), contains, true);
        }
        return catalog;
    }

    private static String name(String where, String name) {
        if (name == null || name.strip().length() < 3 || !MEDICINE_NAME.matcher(name.strip()).matches()) {
            throw new InvalidTemplateException(where + ": a name needs 3 or more letters or digits (spaces, ', / and -"
                    + " between them); got " + name);
        }
        return name.strip();
    }

    private static void add(MedicationCatalog catalog, String where, String name, List<MedicationCatalog.Ingredient> contains,
            boolean product) {
        if (catalog.known(name).isPresent()) {
            throw new InvalidTemplateException(where + ": the name " + name + " is in the catalogue already, as "
                    + catalog.known(name).orElseThrow().described() + "; a name may stand for one thing only");
        }
        catalog.add(name, contains, product);
    }

    private static boolean complete(String file, String id, FlagRule flag) {
        Level.parse(flag.level() == null ? "" : flag.level(), file, id);
        return flag.title() != null && flag.reason() != null;
    }

    private void checkConflicts(String file, Collection<String> classIds, Vocabulary vocabulary) {
        if (conflicts == null || conflicts.isEmpty()) {
            throw new InvalidTemplateException("Template " + file + " has no conflicts");
        }
        int number = 0;
        for (Conflict conflict : conflicts) {
            number++;
            String where = "Template " + file + ": conflict " + number;
            When when = conflict.when();
            if (when == null || Stream.of(when.condition(), when.medicationClass(), when.redFlag())
                    .filter(Objects::nonNull).count() != 1) {
                throw new InvalidTemplateException(where + " needs exactly one of condition, medication-class, red-flag under when");
            }
            requireKnown(where, when.condition(), conditions.keySet());
            requireKnown(where, when.medicationClass(), classIds);
            requireKnown(where, when.redFlag(), redFlags.keySet());
            List<String> modalities = conflict.modalities() == null ? List.of() : conflict.modalities();
            List<String> pressures = conflict.pressures() == null ? List.of() : conflict.pressures();
            modalities.forEach(m -> requireKnown(where, m, vocabulary.modalityIds()));
            pressures.forEach(p -> requireKnown(where, p, rules.pressures()));
            if (conflict.warning() == null || conflict.warning().isBlank() || (modalities.isEmpty() && pressures.isEmpty())) {
                throw new InvalidTemplateException(where + " needs a warning and at least one modality or pressure");
            }
        }
    }

    private static void requireKnown(String where, String id, Collection<String> known) {
        if (id != null && !known.contains(id)) {
            throw new InvalidTemplateException(where + " refers to '" + id + "', which is not one of " + String.join(", ", known));
        }
    }

    private void checkRules(String file) {
        if (rules.intakeReviewMonths() <= 0 || rules.consentValidMonths() <= 0 || rules.recentSurgeryWeeks() <= 0) {
            throw new InvalidTemplateException("Template " + file + ": the months and weeks must be positive");
        }
        List<TitledReason> titled = Arrays.asList(rules.recentSurgery(), rules.incompleteConsent(),
                rules.allergies(), rules.reviewDue(), rules.consentExpired(), rules.unclearAbbreviation(),
                rules.medicineNotRecognised());
        if (titled.stream().anyMatch(t -> t == null || t.title() == null || t.title().isBlank() || t.reason() == null
                || t.reason().isBlank()) || rules.surgeries() == null || rules.pressures() == null
                || rules.pressures().isEmpty()) {
            throw new InvalidTemplateException("Template " + file + " needs recent-surgery, incomplete-consent,"
                    + " allergies, review-due, consent-expired, unclear-abbreviation and medicine-not-recognised, each"
                    + " with a title and a reason, surgeries and pressures");
        }
        Set<String> ids = new HashSet<>(List.of(Finding.RECENT_SURGERY));
        for (SurgeryRule rule : rules.surgeries()) {
            if (rule.id() == null || rule.words() == null || rule.words().isEmpty() || rule.title() == null
                    || rule.reason() == null) {
                throw new InvalidTemplateException("Template " + file + ": each surgery rule needs id, words, title and reason");
            }
            if (!ids.add(rule.id())) {
                throw new InvalidTemplateException("Template " + file + ": surgery rule id '" + rule.id()
                        + "' is used twice (or is 'recent', which names the recent-surgery rule)");
            }
            Level.parse(rule.level() == null ? "" : rule.level(), file, "surgery rule " + rule.title());
        }
    }
}
