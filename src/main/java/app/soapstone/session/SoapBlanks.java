package app.soapstone.session;

import app.soapstone.session.Session.SoapNote;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The blanks of a SOAP note: what a template leaves for the therapist to fill in. A blank is
 * written {@value #MARKER} in a note; a template may name the option that fills it instead, as
 * {@code {pain-before}}, which a new draft shows as a blank until that option is given. Signing
 * a note with blanks left needs {@code --allow-blanks}.
 */
final class SoapBlanks {

    /** How a blank reads in a note; two or more underscores count as one. */
    static final String MARKER = "__";
    private static final Pattern BLANK = Pattern.compile("_{2,}");
    private static final Pattern NAMED = Pattern.compile("\\{([a-z][a-z-]*)}");

    /** The options whose value may fill a named blank: the measures a session records. */
    static final List<String> OPTIONS = List.of("pain-before", "pain-after", "cramps-per-week", "cramp-severity",
            "sleep-disturbance");

    /** A line of a note with {@code blanks} unfilled blanks on it, and its section. */
    record Unfilled(String section, String line, int blanks) {

        @Override
        public String toString() {
            return section + ": " + line;
        }
    }

    private SoapBlanks() {
    }

    /** The blanks {@code template} names, e.g. {@code [pain-before]}. */
    static Set<String> names(String template) {
        Set<String> names = new LinkedHashSet<>();
        if (template != null) {
            NAMED.matcher(template).results().forEach(m -> names.add(m.group(1)));
        }
        return names;
    }

    /** A template's text as a new draft shows it: its named blanks filled from {@code values}, else blank. */
    static String draft(String template, Map<String, String> values) {
        if (template == null) {
            return null;
        }
        return fill(NAMED.matcher(template).replaceAll(MARKER), template, values);
    }

    /**
     * {@code text}, written from {@code template}, with a blank the template names filled from
     * {@code values}. A blank is found by the words before it on its line in the template
     * ("Pain before " in {@code Pain before {pain-before}/10}), so the therapist's own lines and
     * what they already wrote are left alone.
     */
    static String fill(String text, String template, Map<String, String> values) {
        if (text == null || template == null || values.isEmpty()) {
            return text;
        }
        String filled = text;
        for (String line : template.split("\n")) {
            Matcher named = NAMED.matcher(line);
            int previousEnd = 0;
            while (named.find()) {
                String before = line.substring(previousEnd, named.start());
                previousEnd = named.end();
                String value = values.get(named.group(1));
                if (value == null) {
                    continue;
                }
                String where = before.isBlank() ? "(?m)^(\\s*)" : "(" + Pattern.quote(before) + ")";
                filled = Pattern.compile(where + BLANK.pattern()).matcher(filled)
                        .replaceFirst("$1" + Matcher.quoteReplacement(value));
            }
        }
        return filled;
    }

    /** The lines of {@code note} with blanks left, in the order of its sections. */
    static List<Unfilled> unfilled(SoapNote note) {
        List<String> sections = List.of(text(note.subjective()), text(note.objective()), text(note.assessment()),
                text(note.plan()));
        List<Unfilled> unfilled = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            for (String line : sections.get(i).split("\n")) {
                int blanks = (int) BLANK.matcher(line).results().count();
                if (blanks > 0) {
                    unfilled.add(new Unfilled(SoapForm.SECTIONS.get(i), line.strip(), blanks));
                }
            }
        }
        return unfilled;
    }

    /** A measure as a blank shows it: {@code 2} rather than {@code 2.0}. */
    static String value(Number number) {
        return number instanceof Double d ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString()
                : number.toString();
    }

    private static String text(String section) {
        return section == null ? "" : section;
    }
}
