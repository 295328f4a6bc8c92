package app.soapstone.session;

import app.soapstone.session.Session.SoapNote;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text form of a SOAP note for editing: a heading per section, comment lines starting with
 * {@code #} (context for the therapist, dropped when read back).
 */
final class SoapForm {

    static final List<String> SECTIONS = List.of("Subjective", "Objective", "Assessment", "Plan");
    private static final Pattern HEADING = Pattern.compile("^---\\s*(subjective|objective|assessment|plan)\\s*---\\s*$",
            Pattern.CASE_INSENSITIVE);

    private SoapForm() {
    }

    static String write(List<String> comments, SoapNote note) {
        StringBuilder text = new StringBuilder();
        for (String comment : comments) {
            for (String line : comment.split("\n", -1)) {
                text.append("# ").append(line).append('\n');
            }
        }
        text.append("# Write under each heading; lines starting with # are ignored.\n")
                .append("# Save the note with no text under any heading to cancel.\n");
        List<String> values = List.of(value(note.subjective()), value(note.objective()), value(note.assessment()),
                value(note.plan()));
        for (int i = 0; i < SECTIONS.size(); i++) {
            text.append("\n--- ").append(SECTIONS.get(i)).append(" ---\n").append(values.get(i));
            if (!values.get(i).isEmpty() && !values.get(i).endsWith("\n")) {
                text.append('\n');
            }
        }
        return text.toString();
    }

    /** The note as saved; text before the first heading goes into Subjective. */
    static SoapNote read(String text) {
        Map<String, StringBuilder> sections = new LinkedHashMap<>();
        SECTIONS.forEach(s -> sections.put(s.toLowerCase(Locale.ROOT), new StringBuilder()));
        String current = "subjective";
        for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
            Matcher heading = HEADING.matcher(line.strip());
            if (heading.matches()) {
                current = heading.group(1).toLowerCase(Locale.ROOT);
            } else if (!line.startsWith("#")) {
                sections.get(current).append(line).append('\n');
            }
        }
        return new SoapNote(clean(sections.get("subjective")), clean(sections.get("objective")),
                clean(sections.get("assessment")), clean(sections.get("plan")));
    }

    private static String clean(StringBuilder text) {
        String value = text.toString().strip();
        return value.isEmpty() ? null : value;
    }

    private static String value(String text) {
        return text == null ? "" : text.strip();
    }
}
