package app.soapstone.integrity;

import app.soapstone.storage.SchemaMigration;
import app.soapstone.storage.Vendor;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The triggers the migrations make - the guards that refuse changes to final records, and those
 * that keep the search index in step - exactly as they should be: as the migrations make them in a
 * new, empty database, which is made once, in memory, when first asked. {@code db check} compares
 * the database's triggers with them: a guard dropped or rewritten, or a trigger nobody made, is
 * reported.
 *
 * <p>On PostgreSQL a trigger is its definition and the function it runs ({@code pg_get_triggerdef},
 * {@code pg_get_functiondef}), and whether it is enabled: a guard can be switched off with
 * {@code ALTER TABLE ... DISABLE TRIGGER} and keep its definition. What they should be comes from
 * migrating an empty schema made for the purpose in the same database, and dropped at once: the
 * same server version writes the definitions back the same way, which the migration file's text
 * would not. That needs the right to create a schema in the database, which its owner has; a
 * login without it is told the triggers could not be compared.
 */
final class Guards {

    private static volatile Map<String, String> expected;
    /** The triggers of the schema checked, and of the empty one migrated to compare with. */
    private static final String TRIGGERS = """
            SELECT t.tgname, pg_get_triggerdef(t.oid) || E'\n' || pg_get_functiondef(t.tgfoid), t.tgenabled
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE NOT t.tgisinternal AND n.nspname = ? ORDER BY t.tgname""";

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

    /** A PostgreSQL database's triggers checked: how many there should be, and what is wrong. */
    record OnPostgres(int expected, List<String> problems) {
    }

    /** What is wrong with the triggers of the PostgreSQL schema behind {@code dataSource}. */
    static OnPostgres problemsOnPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            // Migrated at each check, not kept: whether this login may make the schema is asked every time.
            Map<String, String> made = migratedOnPostgres(connection);
            String schema = single(connection, "SELECT current_schema()");
            Map<String, String> actual = new LinkedHashMap<>();
            List<String> problems = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(TRIGGERS)) {
                statement.setString(1, schema);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        actual.put(rows.getString(1), unqualified(rows.getString(2), schema));
                        if ("D".equals(rows.getString(3))) {
                            problems.add("the trigger " + rows.getString(1) + " is disabled; "
                                    + purposeOnPostgres(rows.getString(2)));
                        }
                    }
                }
            }
            made.forEach((name, definition) -> {
                String found = actual.get(name);
                if (found == null) {
                    problems.add("the trigger " + name + " is missing; " + purposeOnPostgres(definition));
                } else if (!normal(found).equals(normal(definition))) {
                    problems.add("the trigger " + name + " has been changed: it should read \"" + normal(definition) + "\"");
                }
            });
            Map<String, String> expectedTriggers = made;
            actual.keySet().stream().filter(name -> !expectedTriggers.containsKey(name)).forEach(name ->
                    problems.add("the trigger " + name + " was not made by Soapstone: \"" + normal(actual.get(name)) + "\""));
            return new OnPostgres(made.size(), problems);
        } catch (SQLException e) {
            return new OnPostgres(0, List.of("the triggers could not be compared with a freshly migrated copy ("
                    + e.getMessage().strip().lines().findFirst().orElse("") + "); run 'db check' as the database's owner"));
        }
    }

    /**
     * The triggers of an empty schema made in this database for the purpose, migrated as every
     * PostgreSQL database is, then dropped; the connection's search path is put back.
     */
    private static Map<String, String> migratedOnPostgres(Connection connection) throws SQLException {
        String schema = "soapstone_check_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String searchPath = single(connection, "SHOW search_path");
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
            try {
                SingleConnectionDataSource one = new SingleConnectionDataSource(connection, true);
                Flyway.configure().configuration(SchemaMigration.flyway(one, Vendor.POSTGRESQL).getConfiguration())
                        .schemas(schema).defaultSchema(schema).load().migrate();
                Map<String, String> triggers = new LinkedHashMap<>();
                try (PreparedStatement read = connection.prepareStatement(TRIGGERS)) {
                    read.setString(1, schema);
                    try (ResultSet rows = read.executeQuery()) {
                        while (rows.next()) {
                            triggers.put(rows.getString(1), unqualified(rows.getString(2), schema));
                        }
                    }
                }
                return Map.copyOf(triggers);
            } finally {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
                statement.execute("SELECT set_config('search_path', " + quoted(searchPath) + ", false)");
            }
        }
    }

    /**
     * What a PostgreSQL trigger did: the message given to its function (the last argument, as
     * refuse() and is_appended() take it) or written in the function; else the search index's.
     */
    private static String purposeOnPostgres(String definition) {
        Matcher argument = Pattern.compile("EXECUTE FUNCTION \\w+\\((?:'(?:[^']|'')*',\\s*)*'((?:[^']|'')*)'\\)")
                .matcher(definition);
        Matcher message = Pattern.compile("MESSAGE\\s*=\\s*'((?:[^']|'')*)'").matcher(definition);
        String found = argument.find() ? argument.group(1) : message.find() ? message.group(1) : null;
        if (found != null) {
            return "it refused with \"" + found.replace("''", "'") + "\"";
        }
        return definition.contains("note_search") ? "it kept the note search index in step with the notes"
                : "it guarded the final records";
    }

    /** A definition without its schema's name, so that the same trigger in two schemas reads the same. */
    private static String unqualified(String definition, String schema) {
        // A function's search path names its schema (SET search_path TO 'public', 'pg_temp').
        return definition.replace("\"" + schema + "\".", "").replace(schema + ".", "")
                .replace("'" + schema + "'", "'(its schema)'");
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
