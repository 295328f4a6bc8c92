package app.soapstone.integrity;

import app.soapstone.storage.SchemaMigration;
import app.soapstone.storage.Vendor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The triggers the migrations make - the guards that refuse changes to final records, and those
 * that keep the search index in step - exactly as they should be: as the migrations make them in a
 * new, empty database, which is made once, in memory, when first asked. {@code db check} compares
 * the database's triggers with them: a guard dropped or rewritten, or a trigger nobody made, is
 * reported.
 */
final class Guards {

    private static volatile Map<String, String> expected;

    private Guards() {
    }

    /** The triggers as they should be, by name: their SQL as SQLite keeps it. */
    static Map<String, String> expected() {
        Map<String, String> made = expected;
        if (made == null) {
            made = migrated();
            expected = made;
        }
        return made;
    }

    /** What is wrong with the database's triggers; empty if they are all there and as made. */
    static List<String> problems(JdbcClient jdbc) {
        Map<String, String> actual = new LinkedHashMap<>();
        jdbc.sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
                .query(row -> {
                    actual.put(row.getString(1), row.getString(2));
                });
        List<String> problems = new ArrayList<>();
        expected().forEach((name, sql) -> {
            String found = actual.get(name);
            if (found == null) {
                problems.add("the trigger " + name + " is missing; " + purpose(sql));
            } else if (!normal(found).equals(normal(sql))) {
                problems.add("the trigger " + name + " has been changed: it should read \"" + normal(sql) + "\"");
            }
        });
        actual.keySet().stream().filter(name -> !expected().containsKey(name))
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

    /** The triggers of an empty database in memory, migrated as Soapstone migrates every database. */
    private static Map<String, String> migrated() {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            SchemaMigration.flyway(new SingleConnectionDataSource(connection, true), Vendor.SQLITE).migrate();
            Map<String, String> triggers = new LinkedHashMap<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")) {
                while (rows.next()) {
                    triggers.put(rows.getString(1), rows.getString(2));
                }
            }
            return Map.copyOf(triggers);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot migrate an empty database in memory to compare triggers with", e);
        }
    }
}
