package app.soapstone.integrity;

import app.soapstone.storage.DataLocation;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Everything {@code db check} looks at: the file, its schema, its foreign keys, the triggers that
 * guard the records, and the record chain with its anchors.
 *
 * <p>On PostgreSQL there is no file to check page by page and no foreign key left unenforced: the
 * server keeps its own files (checked with its own tools, {@code pg_amcheck}) and refuses a row
 * pointing at a missing record, so those two lines say so; the schema, the guards (as made, and
 * enabled), the chain and the anchors are checked as on SQLite.
 */
@Component
public class DatabaseCheck {

    /** The tables counted, with the names people use for them. */
    static final Map<String, String> COUNTED = countedTables();

    private final JdbcClient jdbc;
    private final Flyway flyway;
    private final RecordChain chain;
    private final DataLocation location;
    private final DataSource dataSource;

    public DatabaseCheck(JdbcClient jdbc, Flyway flyway, RecordChain chain, DataLocation location,
            DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.flyway = flyway;
        this.chain = chain;
        this.location = location;
    }

    /** The outcome: each check's line, and whether all passed. */
    public record Report(List<String> lines, boolean healthy) {
    }

    /**
     * Not one transaction: Flyway opens its own connections, and one opened while a Spring
     * transaction is active is never given back to the pool, so every check would leak one.
     */
    public Report run() {
        ArrayList<String> lines = new ArrayList<>();
        boolean healthy = true;
        if (location.onPostgres()) {
            lines.add("Database:      " + location.describe() + " (" + jdbc.sql(
                    "SELECT pg_size_pretty(pg_database_size(current_database()))").query(String.class).single() + ")");
            lines.add("Integrity:     kept by the PostgreSQL server (its files are checked with pg_amcheck)");
            lines.add("Foreign keys:  enforced by the PostgreSQL server");
        } else {
            lines.add("Database:      " + location.database() + " (" + size() + ")");
            List<String> integrity = jdbc.sql("PRAGMA integrity_check").query(String.class).list();
            boolean intact = integrity.equals(List.of("ok"));
            healthy &= intact;
            lines.add("Integrity:     " + (intact ? "ok" : "DAMAGED: " + String.join("; ", integrity)));
            List<Map<String, Object>> orphans = jdbc.sql("PRAGMA foreign_key_check").query().listOfRows();
            healthy &= orphans.isEmpty();
            lines.add("Foreign keys:  " + (orphans.isEmpty() ? "ok" : orphans.size() + " rows point at missing records"));
        }
        MigrationInfoService migrations = flyway.info();
        MigrationInfo current = migrations.current();
        int pending = migrations.pending().length;
        lines.add("Schema:        version " + (current == null ? "none" : current.getVersion()) + ", "
                + (pending == 0 ? "up to date" : pending + " migrations pending"));
        healthy &= pending == 0;
        Guards.OnPostgres onPostgres = location.onPostgres() ? Guards.problemsOnPostgres(dataSource) : null;
        List<String> guards = onPostgres != null ? onPostgres.problems() : Guards.problems(jdbc);
        int triggers = onPostgres != null ? onPostgres.expected() : Guards.expected().size();
        healthy &= guards.isEmpty();
        lines.add("Guards:        " + (guards.isEmpty() ? "ok (" + triggers + " triggers, as made)"
                : guards.size() + " problem" + (guards.size() == 1 ? "" : "s") + " with the triggers that guard the records"));
        guards.forEach(problem -> lines.add("               " + problem));
        RecordChain.Verification verification = chain.verify();
        healthy &= verification.intact();
        lines.add("Record chain:  " + (verification.intact() ? "intact" : verification.problems().size() + " problem"
                + (verification.problems().size() == 1 ? "" : "s")) + " (" + verification.summary() + ")");
        verification.problems().forEach(problem -> lines.add("               " + problem));
        List<String> anchored = new ArrayList<>(verification.anchors());
        anchored.add(verification.key());
        for (int i = 0; i < anchored.size(); i++) {
            lines.add((i == 0 ? "Anchors:       " : "               ") + anchored.get(i));
        }
        StringBuilder counts = new StringBuilder();
        COUNTED.forEach((table, name) -> counts.append(counts.isEmpty() ? "" : ", ").append(name).append(' ')
                .append(jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single()));
        lines.add("Records:       " + counts);
        return new Report(lines, healthy);
    }

    private String size() {
        try {
            long bytes = Files.size(location.database());
            return bytes >= 1024 * 1024 ? String.format("%.1f MB", bytes / 1048576.0) : (bytes / 1024) + " KB";
        } catch (IOException e) {
            return "size unknown";
        }
    }

    private static Map<String, String> countedTables() {
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("client", "clients");
        tables.put("intake", "intakes");
        tables.put("session", "sessions");
        tables.put("addendum", "addenda");
        tables.put("care_plan_export", "care plans");
        tables.put("audit_event", "audit events");
        return tables;
    }
}
