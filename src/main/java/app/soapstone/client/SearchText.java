package app.soapstone.client;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds text for searching: lower case, accents removed, and letters that do not decompose
 * (ł, ø, ß, æ...) spelled the way an English keyboard would type them, so {@code zoe} finds
 * {@code Zoë} and {@code lukasiewicz} finds {@code Łukasiewicz}. Names also lose their
 * punctuation, so {@code obrien} finds {@code O'Brien} and {@code smithjones} finds {@code Smith-Jones}.
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern PUNCTUATION = Pattern.compile("\\p{P}+");
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

    /**
     * A name folded, and without apostrophes, hyphens and other punctuation: people type O'Brien as
     * OBrien, O Brien or O’Brien. Names are stored folded this way, and search words are matched
     * both as typed and this way, so "o'brien" finds the name and "liz.t@" still finds the email.
     */
    public static String name(String text) {
        return WHITESPACE.matcher(PUNCTUATION.matcher(fold(text)).replaceAll("")).replaceAll(" ").strip();
    }

    public static String digits(String text) {
        return text == null ? "" : text.replaceAll("\\D", "");
    }

    /**
     * What a client is found by: names, email, and the digits of their phone number as typed and,
     * when it differs, in international form, so that "+61 412..." finds a number typed "0412..."
     * and the other way round.
     */
    public static String of(String firstName, String lastName, String preferredName, String printName, String email,
            String phone, String phoneE164) {
        String international = digits(phoneE164);
        String phoneDigits = international.isEmpty() || international.equals(digits(phone)) ? digits(phone)
                : digits(phone) + " " + international;
        return String.join(" ", name(firstName), name(lastName), name(preferredName), name(printName), fold(email),
                phoneDigits).strip();
    }
}
