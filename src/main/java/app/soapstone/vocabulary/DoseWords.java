package app.soapstone.vocabulary;

import app.soapstone.template.InvalidTemplateException;
import app.soapstone.template.TemplateFiles;
import app.soapstone.template.TemplateSet;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latin dose abbreviations in plain words, from {@code templates/vocabulary/dose-abbreviations.yaml}:
 * "Eliquis 5 mg bd" reads "Eliquis 5 mg twice a day" on what a client is given. Abbreviations that
 * mean two things (OD: once a day or right eye) are never guessed: they stay as written and
 * {@link #unclear} reports them so the therapist can record the meaning in words.
 */
@Component
public class DoseWords implements TemplateSet {

    static final String FILE = "vocabulary/dose-abbreviations.yaml";
    /**
     * A word of letters with optional full stops inside or after it ("bd", "B.D.", "b.i.d"), not
     * part of a longer or hyphenated name ("Bd-Tablet").
     */
    private static final Pattern WORD = Pattern.compile("(?<![\\p{L}\\p{N}.-])\\p{L}(?:\\.?\\p{L})*\\.?(?![\\p{L}\\p{N}-])");

    /** An abbreviation that is left as written, and what it may mean. */
    public record Unclear(String written, String meanings) {
    }

    private record Words(Map<String, String> plain, Map<String, String> unclear) {
    }

    private record WordsFile(Map<String, String> plain, Map<String, String> unclear) {
    }

    private final SingletonSupplier<Words> words;

    public DoseWords(TemplateFiles templates) {
        this.words = SingletonSupplier.of(() -> read(templates));
    }

    /** Reads the abbreviations now if they have not been read yet (a broken override fails here). */
    @Override
    public void load() {
        words.obtain();
    }

    /** {@code text} with every known abbreviation written out; everything else as written. */
    public String plain(String text) {
        Map<String, String> plain = words.obtain().plain();
        Matcher word = WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (word.find()) {
            String written = word.group();
            String meaning = plain.get(key(written));
            // "bd." ending a sentence keeps its full stop; "b.d." is all abbreviation.
            String stop = written.endsWith(".") && written.indexOf('.') == written.length() - 1 ? "." : "";
            word.appendReplacement(out, Matcher.quoteReplacement(meaning == null ? written : meaning + stop));
        }
        word.appendTail(out);
        return out.toString();
    }

    /** The abbreviations in {@code text} that mean more than one thing, as written. */
    public List<Unclear> unclear(String text) {
        Map<String, String> unclear = words.obtain().unclear();
        List<Unclear> found = new ArrayList<>();
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            String meanings = unclear.get(key(word.group()));
            if (meanings != null) {
                found.add(new Unclear(word.group(), meanings));
            }
        }
        return found;
    }

    private static String key(String word) {
        return word.replace(".", "").toLowerCase(Locale.ROOT);
    }

    private static Words read(TemplateFiles templates) {
        WordsFile file = templates.read(FILE, WordsFile.class);
        String origin = templates.origin(FILE);
        if (file.plain() == null || file.unclear() == null) {
            throw new InvalidTemplateException("Template " + origin + " needs plain and unclear");
        }
        return new Words(checked(origin, file.plain()), checked(origin, file.unclear()));
    }

    private static Map<String, String> checked(String origin, Map<String, String> entries) {
        Map<String, String> checked = new LinkedHashMap<>();
        entries.forEach((abbreviation, meaning) -> {
            if (!abbreviation.matches("[a-z]+") || meaning == null || meaning.isBlank()) {
                throw new InvalidTemplateException("Template " + origin + ": '" + abbreviation
                        + "' needs to be lower-case letters with its meaning in words");
            }
            checked.put(abbreviation, meaning.strip());
        });
        return checked;
    }
}
