package app.soapstone.integrity;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The triggers the migrations make - the guards that refuse changes to final records, and those
 * that keep the search index in step - exactly as they should be, from {@code triggers.sql} beside
 * this class (a test checks it against a freshly migrated database). {@code db check} compares the
 * database's triggers with it: a guard dropped or rewritten, or a trigger nobody made, is reported.
 */
final class Guards {

    private static final Pattern CREATE = Pattern.compile("(?is)CREATE\\s+TRIGGER\\s+(\\w+)\\b.*?\\bEND\\s*;");
    private static final Map<String, String> EXPECTED = load();

    private Guards() {
    }

    /** The triggers as they should be, by name: their SQL as SQLite keeps it. */
    static Map<String, String> expected() {
        return EXPECTED;
    }

    /** What is wrong with the database's triggers; empty if they are all there and as made. */
    static List<String> problems(JdbcClient jdbc) {
        Map<String, String> actual = new LinkedHashMap<>();
        jdbc.sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
                .query(row -> {
                    actual.put(row.getString(1), row.getString(2));
                });
        List<String> problems = new ArrayList<>();
        EXPECTED.forEach((name, sql) -> {
            String found = actual.get(name);
            if (found == null) {
                problems.add("the trigger " + name + " is missing; " + purpose(sql));
            } else if (!normal(found).equals(normal(sql))) {
                problems.add("the trigger " + name + " has been changed: it should read \"" + normal(sql) + "\"");
            }
        });
        actual.keySet().stream().filter(name -> !EXPECTED.containsKey(name))
                .forEach(name -> problems.add("the trigger " + name + " was not made by Soapstone: \"" + normal(actual.get(name)) + "\""));
        return problems;
    }

    /** Whitespace and comments as written do not count; SQLite keeps the statement as it was typed. */
    static String normal(String sql) {
        return sql.replaceAll("--[^\\n]*", " ").replaceAll("\\s+", " ").replaceAll("\\s*;\\s*$", "").strip();
    }

    /** What a missing trigger did, from its message. */
    private static String purpose(String sql) {
        Matcher message = Pattern.compile("RAISE\\s*\\(\\s*ABORT\\s*,\\s*'((?:[^']|'')*)'").matcher(sql);
        return message.find() ? "it refused with \"" + message.group(1).replace("''", "'") + "\""
                : "it kept the note search index in step with the notes";
    }

    private static Map<String, String> load() {
        try (InputStream in = Guards.class.getResourceAsStream("triggers.sql")) {
            if (in == null) {
                throw new IllegalStateException("triggers.sql is missing from the application");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> triggers = new LinkedHashMap<>();
            Matcher create = CREATE.matcher(text.replaceAll("(?m)^--[^\\n]*$", ""));
            while (create.find()) {
                triggers.put(create.group(1), create.group());
            }
            return triggers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
