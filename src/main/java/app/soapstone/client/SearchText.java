package app.soapstone.client;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds text for searching: lower case, accents removed, and letters that do not decompose
 * (ł, ø, ß, æ...) spelled the way an English keyboard would type them, so {@code zoe} finds
 * {@code Zoë} and {@code lukasiewicz} finds {@code Łukasiewicz}.
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final String[][] LETTERS = {
            {"ł", "l"}, {"ø", "o"}, {"đ", "d"}, {"ð", "d"}, {"ħ", "h"}, {"ı", "i"}, {"ŧ", "t"},
            {"ß", "ss"}, {"æ", "ae"}, {"œ", "oe"}, {"þ", "th"}, {"’", "'"}, {"ʼ", "'"}, {"‘", "'"},
    };

    private SearchText() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD);
        folded = MARKS.matcher(folded).replaceAll("").toLowerCase(Locale.ROOT);
        for (String[] letter : LETTERS) {
            folded = folded.replace(letter[0], letter[1]);
        }
        return folded.replaceAll("\\s+", " ").strip();
    }

    public static String digits(String text) {
        return text == null ? "" : text.replaceAll("\\D", "");
    }

    /** What a client is found by: names, email and the digits of their phone number. */
    public static String of(String firstName, String lastName, String preferredName, String email, String phone) {
        return String.join(" ", fold(firstName), fold(lastName), fold(preferredName), fold(email), digits(phone)).strip();
    }
}
