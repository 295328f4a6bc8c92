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
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
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
        // Plain ASCII has no accents or special letters to fold: the common case, kept quick
        // because a list folds every name it sorts.
        String folded = isAscii(text) ? text.toLowerCase(Locale.ROOT) : foldLetters(text);
        return WHITESPACE.matcher(folded).replaceAll(" ").strip();
    }

    private static String foldLetters(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD);
        folded = MARKS.matcher(folded).replaceAll("").toLowerCase(Locale.ROOT);
        for (String[] letter : LETTERS) {
            folded = folded.replace(letter[0], letter[1]);
        }
        return folded;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }

    public static String digits(String text) {
        return text == null ? "" : text.replaceAll("\\D", "");
    }

    /** What a client is found by: names, email and the digits of their phone number. */
    public static String of(String firstName, String lastName, String preferredName, String printName, String email,
            String phone) {
        return String.join(" ", fold(firstName), fold(lastName), fold(preferredName), fold(printName), fold(email),
                digits(phone)).strip();
    }
}
