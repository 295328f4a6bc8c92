package app.soapstone.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises medicines by generic or brand name, case-insensitively and ignoring dose text:
 * "LIPITOR 20mg nocte" is atorvastatin, a statin.
 */
public final class MedicationCatalog {

    /** A recognised medicine: the generic name and its class. */
    public record Match(String generic, MedicationClass medicationClass) {
    }

    /** A class of medicines from {@code templates/screening/medications.yaml}. */
    public record MedicationClass(String id, String label, Level level, String reason) {
    }

    private record Name(String words, Pattern pattern, Match match) {
    }

    private final List<Name> names = new ArrayList<>();

    void add(String name, String generic, MedicationClass medicationClass) {
        String words = name.strip().toLowerCase(Locale.ROOT);
        // Whole words only, so "aspirin" does not match inside another word; "-" and "/" separate words.
        Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(words) + "(?![\\p{L}])");
        names.add(new Name(words, pattern, new Match(generic, medicationClass)));
        // Longest names first, so "ethinyl estradiol" wins over "estradiol".
        names.sort(Comparator.comparingInt((Name n) -> n.words().length()).reversed());
    }

    /**
     * The medicines named in one item of the medication list, one per class: a combination such as
     * "Hyzaar (losartan/hydrochlorothiazide)" is both an ARB and a thiazide.
     */
    public List<Match> matches(String item) {
        String text = item.toLowerCase(Locale.ROOT);
        List<Match> found = new ArrayList<>();
        for (Name name : names) {
            boolean classSeen = found.stream().anyMatch(m -> m.medicationClass().equals(name.match().medicationClass()));
            // The pattern matches only where the words are, so text without them is passed over cheaply.
            if (!classSeen && text.contains(name.words()) && name.pattern().matcher(text).find()) {
                found.add(name.match());
            }
        }
        return found;
    }
}
