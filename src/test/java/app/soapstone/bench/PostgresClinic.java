package app.soapstone.bench;

import app.soapstone.SoapstoneApplication;
import app.soapstone.support.TestPostgres;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A generated clinic on PostgreSQL, for measuring the same data on both databases: the SQLite file
 * {@link ClinicDataGenerator} made is copied row for row (ids, hashes, the chain and the audit
 * trail as they are) into a PostgreSQL database migrated by the application itself, and its anchor
 * file into the folder the application keeps for that database. The copy goes by {@code COPY} with
 * the triggers off ({@code session_replication_role = replica}, which needs a superuser, as the
 * test server's role is): the rows are final records, which the guards would refuse to insert as
 * they are; the note search rows are then made as the insert triggers make them, and every id
 * sequence is set past the ids copied. Not {@code db copy} (issue 17 point 5): a loader for
 * generated data only, which checks nothing.
 */
final class PostgresClinic {

    /**
     * Tables not copied: Flyway's history is the target's own, note search is made from the notes,
     * and the audit trail's count of its events is set from the copied events.
     */
    private static final List<String> NOT_COPIED = List.of("flyway_schema_history", "note_search", "audit_event_last_id");
    private static final int COPY_BUFFER = 1 << 20;

    /** The database as the application is given it: address without password, and its password file. */
    record Address(String url, Path passwordFile, String name) {
    }

    private PostgresClinic() {
    }

    /**
     * The PostgreSQL database {@code name} on the server of {@code adminUrl} holding the clinic of
     * {@code sqlite}: reused when it already holds sessions, otherwise created (or emptied of
     * nothing: it must have no tables yet), migrated by the application and filled. The anchor file
     * goes to {@code folder}. What was done is appended to {@code report}.
     */
    static Address load(Path sqlite, String adminUrl, String name, Path folder, StringBuilder report)
            throws SQLException, IOException {
        Files.createDirectories(folder);
        Address address = address(adminUrl, name, folder);
        String url = TestPostgres.withDatabase(adminUrl, name);
        try (Connection admin = DriverManager.getConnection(adminUrl);
             PreparedStatement exists = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet found = exists.executeQuery()) {
                if (!found.next()) {
                    try (Statement create = admin.createStatement()) {
                        create.execute("CREATE DATABASE " + name);
                    }
                }
            }
        }
        try (Connection target = DriverManager.getConnection(url)) {
            if (sessions(target) > 0) {
                report.append(String.format(Locale.ROOT, "Reusing PostgreSQL database %s (%,d sessions)%n", name,
                        sessions(target)));
                return address;
            }
        }
        long start = System.nanoTime();
        // The application's own migrations, as its first start on an empty database runs them.
        new SpringApplicationBuilder(SoapstoneApplication.class).properties(properties(address, folder)).run().close();
        long migrated = System.nanoTime();
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection source = DriverManager.getConnection("jdbc:sqlite:" + sqlite.toAbsolutePath());
             Connection target = DriverManager.getConnection(url)) {
            target.setAutoCommit(false);
            try (Statement statement = target.createStatement()) {
                statement.execute("SET session_replication_role = replica");
            }
            for (String table : tables(target)) {
                rows.put(table, copy(source, target, table));
            }
            try (Statement statement = target.createStatement()) {
                // As session_search_insert and addendum_search_insert make them.
                statement.executeUpdate("""
                        INSERT INTO note_search (rowid, body, session_id, addendum_id)
                        SELECT id, coalesce(subjective, '') || chr(10) || coalesce(objective, '') || chr(10)
                               || coalesce(assessment, '') || chr(10) || coalesce(plan, ''), id, NULL FROM session""");
                statement.executeUpdate("""
                        INSERT INTO note_search (rowid, body, session_id, addendum_id)
                        SELECT -id, text, session_id, id FROM addendum""");
                for (String sequence : sequences(target)) {
                    statement.execute(sequence);
                }
                // As the audit trail's insert trigger keeps it: the next event follows the last copied.
                statement.executeUpdate("UPDATE audit_event_last_id SET last_id = (SELECT coalesce(max(id), 0) FROM audit_event)");
                statement.execute("SET session_replication_role = origin");
            }
            target.commit();
            target.setAutoCommit(true);
            try (Statement statement = target.createStatement()) {
                statement.execute("VACUUM ANALYZE");
            }
        }
        Files.copy(ClinicDataGenerator.anchorFile(sqlite), folder.resolve("soapstone.anchors"),
                StandardCopyOption.REPLACE_EXISTING);
        StringJoiner counts = new StringJoiner(", ");
        rows.forEach((table, count) -> counts.add(String.format(Locale.ROOT, "%s %,d", table, count)));
        report.append(String.format(Locale.ROOT, "Loaded %s into PostgreSQL database %s: migrated in %,d ms, copied in"
                        + " %,d ms (%s)%n", sqlite.getFileName(), name, Duration.ofNanos(migrated - start).toMillis(),
                Duration.ofNanos(System.nanoTime() - migrated).toMillis(), counts));
        return address;
    }

    /** The Spring properties that open {@code address} with its log and anchors in {@code folder}. */
    static String[] properties(Address address, Path folder) {
        return ClinicDay.properties(address.url(), folder.resolve("home"), "soapstone.folder=" + folder,
                "soapstone.pgpassfile=" + (address.passwordFile() == null ? "" : address.passwordFile()));
    }

    private static long sessions(Connection target) throws SQLException {
        try (Statement statement = target.createStatement();
             ResultSet tables = statement.executeQuery("SELECT to_regclass('public.session') IS NOT NULL")) {
            tables.next();
            if (!tables.getBoolean(1)) {
                return 0;
            }
        }
        try (Statement statement = target.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM session")) {
            count.next();
            return count.getLong(1);
        }
    }

    private static List<String> tables(Connection target) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = target.createStatement();
             ResultSet found = statement.executeQuery("""
                     SELECT table_name FROM information_schema.tables
                     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name""")) {
            while (found.next()) {
                if (!NOT_COPIED.contains(found.getString(1))) {
                    tables.add(found.getString(1));
                }
            }
        }
        return tables;
    }

    /** Copies the rows of {@code table}: the columns both have, the target's generated ones left out. */
    private static long copy(Connection source, Connection target, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = target.prepareStatement("""
                SELECT column_name FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name = ? AND is_generated = 'NEVER'
                ORDER BY ordinal_position""")) {
            statement.setString(1, table);
            try (ResultSet found = statement.executeQuery()) {
                while (found.next()) {
                    columns.add(found.getString(1));
                }
            }
        }
        List<String> present = new ArrayList<>();
        try (Statement statement = source.createStatement();
             ResultSet info = statement.executeQuery("SELECT name FROM pragma_table_info('" + table + "')")) {
            while (info.next()) {
                present.add(info.getString(1));
            }
        }
        columns.retainAll(present);
        if (columns.isEmpty()) {
            return 0;
        }
        String list = String.join(", ", columns);
        CopyIn copy = target.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (" + list + ") FROM STDIN WITH (FORMAT csv)");
        long rows = 0;
        try (Statement statement = source.createStatement();
             ResultSet read = statement.executeQuery("SELECT " + list + " FROM " + table)) {
            StringBuilder csv = new StringBuilder();
            while (read.next()) {
                for (int i = 1; i <= columns.size(); i++) {
                    if (i > 1) {
                        csv.append(',');
                    }
                    String value = read.getString(i);
                    if (value != null) {
                        csv.append('"').append(value.replace("\"", "\"\"")).append('"');
                    }
                }
                csv.append('\n');
                rows++;
                if (csv.length() > COPY_BUFFER) {
                    write(copy, csv);
                }
            }
            write(copy, csv);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        return rows;
    }

    private static void write(CopyIn copy, StringBuilder csv) throws SQLException {
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        csv.setLength(0);
    }

    /** A setval for every sequence, identities included, past the largest id of its column. */
    private static List<String> sequences(Connection target) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (Statement statement = target.createStatement();
             ResultSet owned = statement.executeQuery("""
                     SELECT s.relname, t.relname, a.attname
                     FROM pg_depend d
                     JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
                     JOIN pg_class t ON t.oid = d.refobjid
                     JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid""")) {
            while (owned.next()) {
                // As is_appended and an identity leave it: the next id is above every id given.
                statements.add(String.format(Locale.ROOT, "SELECT setval('%s', max(%s)) FROM %s HAVING max(%s) IS NOT NULL",
                        owned.getString(1), owned.getString(3), owned.getString(2), owned.getString(3)));
            }
        }
        return statements;
    }

    /** The application's address of database {@code name}, its password (if any) in a file in {@code folder}. */
    static Address address(String adminUrl, String name, Path folder) {
        TestPostgres.ApplicationAddress address = new TestPostgres.Database(adminUrl, name,
                TestPostgres.withDatabase(adminUrl, name)).forApplication(folder.resolve("pgpass"));
        return new Address(address.url(), address.passwordFile(), name);
    }
}
