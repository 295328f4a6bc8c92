package app.soapstone.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The medicines screening knows, from {@code templates/screening/medications.yaml}: ingredients,
 * each with its classes, and products (brands and named combinations), each with its ingredients.
 * A medicine line from an intake is read for every name in it, case-insensitively and whole words
 * only, whatever dose text is around it ("LIPITOR 40mg nocte", "Vytorin 10/40", "Lixiana
 * (edoxaban) bd"). A line with no known name is not recognised, and the names within a letter or
 * two of a word in it are offered - never taken - as what it may mean.
 */
public final class MedicationCatalog {

    /** A class of medicines that matters for cramps or for massage. */
    public record MedicationClass(String id, String label, Level level, String reason) {
    }

    /** An active ingredient, by its name (the INN), and the classes it belongs to (none: nothing to note). */
    public record Ingredient(String name, List<MedicationClass> classes) {
    }

    /**
     * A name the catalogue knows, as written in the catalogue: an ingredient, another name for one
     * ("frusemide"), or a product with every ingredient it contains.
     */
    public record Known(String name, List<Ingredient> contains, boolean product) {

        /** "Lipitor (atorvastatin)", "Vytorin (ezetimibe, simvastatin)", "frusemide (furosemide)", "atorvastatin". */
        public String described() {
            List<String> names = contains.stream().map(Ingredient::name).toList();
            return names.equals(List.of(name)) ? name : name + " (" + String.join(", ", names) + ")";
        }
    }

    /**
     * One class found in a medicine line: the name that was recognised, the ingredient of that
     * class it contains, and whether that name is a product of several ingredients.
     */
    public record Match(Known named, Ingredient ingredient, MedicationClass medicationClass) {

        public String generic() {
            return ingredient.name();
        }

        public boolean combination() {
            return named.contains().size() > 1;
        }
    }

    /**
     * What one medicine line is: the known names in it, and - when there is none - the known names
     * within a small edit distance of a word in it (empty when nothing is close).
     */
    public record Reading(String line, List<Known> known, List<Known> closest) {

        public boolean recognised() {
            return !known.isEmpty();
        }
    }

    /** Words shorter than this are never taken for a misspelling: too many names are a letter apart. */
    static final int SHORTEST_FUZZED = 5;
    /** Words this long may be two letters off; shorter ones one. */
    static final int TWO_OFF_FROM = 9;
    private static final int MOST_SUGGESTED = 3;
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'-]*");

    private record Name(String words, Pattern pattern, Known known) {
    }

    private final List<Name> names = new ArrayList<>();
    private volatile boolean sorted;
    private final Map<String, Known> byName = new LinkedHashMap<>();

    /** Adds a name, once; longer names are tried first, so "ethinyl estradiol" wins over "estradiol". */
    void add(String name, List<Ingredient> contains, boolean product) {
        String words = normal(name);
        if (byName.containsKey(words)) {
            throw new IllegalArgumentException(name + " is in the catalogue twice");
        }
        Known known = new Known(name.strip(), List.copyOf(contains), product);
        // Whole words only ("-" and "/" separate words); a dose may follow without a space ("Lipitor40mg").
        Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(words) + "(?![\\p{L}])");
        names.add(new Name(words, pattern, known));
        sorted = false;
        byName.put(words, known);
    }

    /** The name as the catalogue has it, if it knows it: "lipitor" is Lipitor (atorvastatin). */
    public Optional<Known> known(String name) {
        return Optional.ofNullable(byName.get(normal(name)));
    }

    /** Every name the catalogue knows, in the order added. */
    public List<Known> all() {
        return List.copyOf(byName.values());
    }

    /**
     * The known names in one medicine line, each once; where names overlap the longer is taken, so
     * "ethinyl estradiol" is not also "estradiol". Unrecognised: the closest names instead.
     */
    public Reading read(String line) {
        String text = line.toLowerCase(Locale.ROOT);
        List<Known> known = new ArrayList<>();
        boolean[] taken = new boolean[text.length()];
        for (Name name : longestFirst()) {
            // The pattern matches only where the words are, so text without them is passed over cheaply.
            if (!text.contains(name.words())) {
                continue;
            }
            Matcher matcher = name.pattern().matcher(text);
            while (matcher.find()) {
                if (!overlaps(taken, matcher.start(), matcher.end())) {
                    Arrays.fill(taken, matcher.start(), matcher.end(), true);
                    if (!known.contains(name.known())) {
                        known.add(name.known());
                    }
                }
            }
        }
        known.sort(Comparator.comparingInt(k -> text.indexOf(normal(k.name()))));
        return new Reading(line, List.copyOf(known), known.isEmpty() ? closest(text) : List.of());
    }

    /**
     * The classes in one medicine line: each class once per ingredient, named by the first name
     * that brought it in ("Vytorin 10/40 (ezetimibe/simvastatin)" is simvastatin, a statin, from Vytorin).
     */
    public List<Match> matches(String line) {
        return matches(read(line));
    }

    /** The classes of a line already read. */
    public static List<Match> matches(Reading reading) {
        List<Match> found = new ArrayList<>();
        for (Known known : reading.known()) {
            for (Ingredient ingredient : known.contains()) {
                for (MedicationClass medicationClass : ingredient.classes()) {
                    boolean seen = found.stream().anyMatch(m -> m.ingredient().equals(ingredient)
                            && m.medicationClass().equals(medicationClass));
                    if (!seen) {
                        found.add(new Match(known, ingredient, medicationClass));
                    }
                }
            }
        }
        return found;
    }

    /**
     * The known names nearest a word (or two) of {@code text}: within one letter for words of five
     * to eight letters, two for longer ones, none for shorter ones; a letter left out, added,
     * changed, or two swapped each count one. The nearest first, at most three.
     */
    private List<Known> closest(String text) {
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            words.add(word.group());
        }
        Map<Known, Integer> near = new LinkedHashMap<>();
        for (Name name : longestFirst()) {
            int span = name.words().split(" ").length;
            for (int i = 0; i + span <= words.size(); i++) {
                String written = String.join(" ", words.subList(i, i + span));
                int allowed = allowedDistance(written, name.words());
                if (allowed == 0) {
                    continue;
                }
                int distance = distance(written, name.words(), allowed);
                if (distance <= allowed) {
                    near.merge(name.known(), distance, Math::min);
                }
            }
        }
        return near.entrySet().stream().sorted(Map.Entry.comparingByValue()).limit(MOST_SUGGESTED)
                .map(Map.Entry::getKey).toList();
    }

    /** How many letters {@code written} may be off {@code name} to be offered as it: 0 for short words. */
    static int allowedDistance(String written, String name) {
        int shorter = Math.min(written.length(), name.length());
        if (shorter < SHORTEST_FUZZED) {
            return 0;
        }
        return shorter >= TWO_OFF_FROM ? 2 : 1;
    }

    /**
     * The edit distance between two words, counting a swap of two letters side by side as one
     * (optimal string alignment); anything above {@code limit} is reported as {@code limit + 1}.
     */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowBest = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
                rowBest = Math.min(rowBest, d[i][j]);
            }
            if (rowBest > limit) {
                return limit + 1;
            }
        }
        return Math.min(d[a.length()][b.length()], limit + 1);
    }

    /** The names, longest first, so that where names overlap the longer is taken. */
    private List<Name> longestFirst() {
        if (!sorted) {
            synchronized (names) {
                names.sort(Comparator.comparingInt((Name n) -> n.words().length()).reversed());
                sorted = true;
            }
        }
        return names;
    }

    private static boolean overlaps(boolean[] taken, int start, int end) {
        for (int i = start; i < end; i++) {
            if (taken[i]) {
                return true;
            }
        }
        return false;
    }

    private static String normal(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
