package app.soapstone.integrity;

import app.soapstone.support.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static app.soapstone.integrity.FinalRecordRows.audit;
import static app.soapstone.integrity.FinalRecordRows.carePlan;
import static app.soapstone.integrity.FinalRecordRows.headSql;
import static app.soapstone.integrity.FinalRecordRows.intake;
import static app.soapstone.integrity.FinalRecordRows.linkSql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The PostgreSQL schema ({@code db/migration/postgresql}, a real server through {@link TestPostgres})
 * against SQLite's, migrated here to its latest version: the same tables and columns, the same
 * indexes, the same triggers by name refusing with the same messages; the guards refuse at the SQL
 * level what those of SQLite refuse ({@code GuardsTest}); note search finds stemmed words and
 * prefixes, ranks, and ignores accents; client search folds accents with unaccent.
 */
class PostgresSchemaTest {

    /** FTS5's own tables behind note_search: SQLite makes them, PostgreSQL needs none. */
    private static final Pattern FTS5_SHADOW = Pattern.compile("note_search_(data|idx|content|docsize|config)");
    /** note_search on PostgreSQL: FTS5's hidden rowid made a column, and the indexed tsvector. */
    private static final Set<String> NOTE_SEARCH_EXTRA = Set.of("rowid", "document");
    private static final Pattern RAISE = Pattern.compile("RAISE\\s*\\(\\s*ABORT\\s*,\\s*'((?:[^']|'')*)'");
    private static final String HEX_A = "a".repeat(64);

    private static final Map<String, Map<String, Boolean>> sqliteColumns = new TreeMap<>();
    private static final Set<String> sqliteIndexes = new TreeSet<>();
    /** SQLite's triggers by name: the message each refuses with, or "" for those keeping the index. */
    private static final Map<String, String> sqliteTriggers = new TreeMap<>();

    private TestPostgres.Database database;
    private Connection db;

    @BeforeAll
    static void sqliteAtItsLatestVersion(@TempDir Path dir) throws SQLException {
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("soapstone.db"))) {
            Flyway.configure().dataSource(new org.springframework.jdbc.datasource.SingleConnectionDataSource(sqlite, true))
                    .locations(sqliteMigrations()).load().migrate();
            try (Statement statement = sqlite.createStatement()) {
                for (String table : strings(statement, "SELECT name FROM sqlite_master WHERE type = 'table'"
                        + " AND name NOT LIKE 'sqlite_%' AND name <> 'flyway_schema_history'")) {
                    if (FTS5_SHADOW.matcher(table).matches()) {
                        continue;
                    }
                    Map<String, Boolean> columns = new TreeMap<>();
                    try (ResultSet rows = statement.executeQuery(
                            "SELECT name, \"notnull\", pk FROM pragma_table_info('" + table + "')")) {
                        while (rows.next()) {
                            columns.put(rows.getString(1), rows.getInt(2) == 1 || rows.getInt(3) > 0);
                        }
                    }
                    sqliteColumns.put(table, columns);
                }
                sqliteIndexes.addAll(strings(statement, "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                        + " AND tbl_name <> 'flyway_schema_history'"));
                try (ResultSet rows = statement.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")) {
                    while (rows.next()) {
                        Matcher message = RAISE.matcher(rows.getString(2));
                        sqliteTriggers.put(rows.getString(1), message.find() ? message.group(1).replace("''", "'") : "");
                    }
                }
            }
        }
    }

    /** Where SQLite's migrations are: in their own folder once the migrations are kept per vendor. */
    private static String sqliteMigrations() {
        return PostgresSchemaTest.class.getResource("/db/migration/sqlite/V001__practice_and_clients.sql") != null
                ? "classpath:db/migration/sqlite" : "classpath:db/migration";
    }

    @BeforeEach
    void aFreshPostgresDatabase() throws SQLException {
        database = TestPostgres.newDatabase();
        Flyway.configure().dataSource(database.url(), null, null).locations("classpath:db/migration/postgresql")
                .load().migrate();
        db = DriverManager.getConnection(database.url());
        sql("INSERT INTO practitioner (name, credentials, is_default, created_at)"
                + " VALUES ('Sam Jones', 'RMT', true, '2026-01-02T03:04:05.678Z')");
        sql("INSERT INTO client (first_name, last_name, search_text, created_at, updated_at)"
                + " VALUES ('Ann', 'Lee', 'ann lee', '2026-01-02T03:04:05.678Z', '2026-01-02T03:04:05.678Z')");
    }

    @AfterEach
    void dropIt() throws SQLException {
        if (db != null) {
            db.close();
        }
        if (database != null) {
            database.close();
        }
    }

    // ---------------------------------------------------------------- the same schema

    @Test
    void theTablesAndColumnsAreSQLitesWithTheSameNotNulls() throws SQLException {
        // audit_event_last_id (V019) is PostgreSQL's sqlite_sequence, which is left out on SQLite.
        Map<String, Map<String, Boolean>> postgres = new TreeMap<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery("""
                SELECT table_name, column_name, is_nullable = 'NO' FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name <> 'flyway_schema_history'
                    AND table_name <> 'audit_event_last_id'""")) {
            while (rows.next()) {
                postgres.computeIfAbsent(rows.getString(1), t -> new TreeMap<>()).put(rows.getString(2), rows.getBoolean(3));
            }
        }
        Map<String, Boolean> noteSearch = postgres.get("note_search");
        assertThat(noteSearch).containsKeys(NOTE_SEARCH_EXTRA.toArray(String[]::new));
        NOTE_SEARCH_EXTRA.forEach(noteSearch::remove);
        // FTS5 declares no NOT NULL; note_search's rows are always written whole, by triggers.
        Map<String, Map<String, Boolean>> expected = new TreeMap<>(sqliteColumns);
        expected.put("note_search", noteSearch);

        assertThat(postgres.keySet()).containsExactlyInAnyOrderElementsOf(sqliteColumns.keySet());
        assertThat(postgres).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(noteSearch.keySet()).containsExactlyInAnyOrderElementsOf(sqliteColumns.get("note_search").keySet());
    }

    @Test
    void theIndexesAreSQLitesAndTheSearchIndex() throws SQLException {
        Set<String> postgres = new TreeSet<>(strings("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
                + " AND indexname NOT LIKE '%_pkey' AND indexname NOT LIKE '%_key' AND indexname NOT LIKE 'flyway%'"));

        assertThat(postgres).containsExactlyInAnyOrderElementsOf(union(sqliteIndexes, Set.of("note_search_document")));
    }

    @Test
    void theTriggersAreSQLitesByNameAndRefuseWithTheSameMessages() throws SQLException {
        Map<String, String> postgres = new TreeMap<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery("""
                SELECT t.tgname, pg_get_triggerdef(t.oid) || ' ' || p.prosrc
                FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
                WHERE NOT t.tgisinternal AND t.tgrelid::regclass::text NOT LIKE 'flyway%'""")) {
            while (rows.next()) {
                postgres.put(rows.getString(1), rows.getString(2));
            }
        }

        // And PostgreSQL's own: the checks of who signs and who wrote an audit event, against its logins (V020).
        assertThat(postgres.keySet()).containsExactlyInAnyOrderElementsOf(union(sqliteTriggers.keySet(),
                Set.of("audit_event_actor_insert", "session_signer_is_the_login", "addendum_signer_is_the_login")));
        sqliteTriggers.forEach((name, message) -> {
            if (message.isEmpty()) {
                assertThat(postgres.get(name)).as(name).contains("note_search");
            } else {
                assertThat(postgres.get(name)).as(name).contains(message.replace("'", "''"));
            }
        });
    }

    // ---------------------------------------------------------------- the guards (GuardsTest at the SQL level)

    @Test
    void everyFinalRecordRefusesChangeAndRemoval() throws SQLException {
        finalRecordsOfEveryKind();
        Map<String, String> refusals = Map.ofEntries(
                Map.entry("session", "signed notes are final: add an addendum instead"),
                Map.entry("session_modality", "signed notes are final"),
                Map.entry("session_area", "signed notes are final"),
                Map.entry("addendum", "addenda are permanent"),
                Map.entry("intake", "intakes are permanent: record a new intake instead"),
                Map.entry("intake_site", "intakes are permanent"),
                Map.entry("intake_condition", "intakes are permanent"),
                Map.entry("intake_red_flag", "intakes are permanent"),
                Map.entry("intake_consent_element", "intakes are permanent"),
                Map.entry("intake_medication", "intakes are permanent"),
                Map.entry("intake_surgery", "intakes are permanent"),
                Map.entry("intake_clearance", "clearances are permanent"),
                Map.entry("care_plan_export", "the export record is permanent"),
                Map.entry("audit_event", "the audit trail is append-only"),
                Map.entry("record_chain", "the record chain is append-only"));
        for (Map.Entry<String, String> table : refusals.entrySet()) {
            String column = table.getKey().equals("record_chain") ? "linked_at"
                    : single("SELECT column_name FROM information_schema.columns WHERE table_name = '" + table.getKey()
                            + "' AND column_name NOT LIKE '%id' AND data_type = 'text' ORDER BY ordinal_position LIMIT 1");
            assertRefused("UPDATE " + table.getKey() + " SET " + column + " = " + column, table.getValue());
            assertRefused("DELETE FROM " + table.getKey(), table.getValue());
        }
        assertThat(single("SELECT count(*) FROM record_chain")).isEqualTo("6");
    }

    @Test
    void aDraftsListsChangeButASignedNotesDoNotEvenFromADraft() throws SQLException {
        sql(draft("Draft one"));
        sql(draft("Draft two"));
        sql("INSERT INTO session_modality (session_id, position, modality) VALUES (1, 0, 'swedish')");
        sql("UPDATE session_modality SET modality = 'trigger point' WHERE session_id = 1");
        sql("DELETE FROM session_modality WHERE session_id = 1");
        sql("INSERT INTO session_area (session_id, position, site) VALUES (2, 0, 'calf')");
        sql("UPDATE session SET signed_at = '2026-01-20T11:05:00.000Z', signed_by = 1 WHERE id = 1");

        assertRefused("INSERT INTO session_area (session_id, position, site) VALUES (1, 0, 'calf')", "signed notes are final");
        assertRefused("UPDATE session_area SET session_id = 1 WHERE session_id = 2", "signed notes are final");
        assertRefused("INSERT INTO addendum (session_id, practitioner_id, written_at, text)"
                + " VALUES (2, 1, '2026-01-21T09:00:00.000Z', 'On a draft')",
                "addenda are for signed notes; edit the draft instead");
    }

    @Test
    void aNoteIsNeverInsertedSigned() throws SQLException {
        assertRefused("""
                INSERT INTO session (client_id, practitioner_id, started_at, subjective, created_at, updated_at,
                                     signed_at, signed_by)
                VALUES (1, 1, '2026-01-20T10:00', 'Forged', '2026-01-20T11:00:00.000Z', '2026-01-20T11:00:00.000Z',
                        '2026-01-20T11:05:00.000Z', 1)""", "signed notes are final: a note is recorded as a draft, then signed");
        // The refused row took an id from the identity, as a rolled-back insert does on PostgreSQL.
        long id = insert(draft("Draft"));
        sql("UPDATE session SET signed_at = '2026-01-20T11:05:00.000Z', signed_by = 1 WHERE id = " + id);
        assertRefused("INSERT INTO addendum (session_id, practitioner_id, written_at, text)"
                + " VALUES (" + id + ", 1, '2026-01-21T09:00:00.000Z', 'Slipped in')",
                "addenda are for signed notes in the record chain");
        link("session", id);
        sql("INSERT INTO addendum (session_id, practitioner_id, written_at, text)"
                + " VALUES (" + id + ", 1, '2026-01-21T09:00:00.000Z', 'Written through Soapstone')");
    }

    @Test
    void intakesAreNumberedVersionsWhoseListsAreClosedOnceLinked() throws SQLException {
        assertRefused(intake(2), "record a new intake instead");
        long first = insert(intake(1));
        sql("INSERT INTO intake_medication (intake_id, position, description, name)"
                + " VALUES (" + first + ", 0, 'statin', 'statin')");
        link("intake", first);

        assertRefused("INSERT INTO intake_medication (intake_id, position, description, name)"
                + " VALUES (" + first + ", 1, 'warfarin', 'warfarin')", "intakes are permanent");
        assertRefused("INSERT INTO intake_condition (intake_id, position, condition) VALUES (" + first + ", 0, 'diabetes')",
                "intakes are permanent");
        assertRefused(intake(1), "record a new intake instead");

        long second = insert(intake(2));
        assertRefused("INSERT INTO intake_clearance (intake_id, cleared_on, note, recorded_at)"
                + " VALUES (" + first + ", '2026-02-01', 'GP letter', '2026-02-01T10:00:00.000Z')", "the current intake");
        sql("INSERT INTO intake_clearance (intake_id, cleared_on, note, recorded_at)"
                + " VALUES (" + second + ", '2026-02-01', 'GP letter', '2026-02-01T10:00:00.000Z')");
    }

    @Test
    void auditEventsAndCarePlansAreAppendedNeverSlippedInUnderAnOldId() throws SQLException {
        sql(audit(null));
        sql(audit(null));
        sql(audit(null));
        sql(carePlan(null));
        sql(carePlan(null));
        withoutGuards("audit_event", "DELETE FROM audit_event WHERE id IN (2, 3)");
        withoutGuards("care_plan_export", "DELETE FROM care_plan_export WHERE id = 1");

        assertRefused(audit(2L), "the audit trail is append-only: events are appended");
        assertRefused(audit(3L), "the audit trail is append-only: events are appended");
        assertRefused(carePlan(1L), "the export record is permanent: care plans given are appended");
        // An id above every id given is taken, as SQLite takes it, and the next id follows it.
        sql(audit(7L));
        sql(audit(null));
        assertThat(strings("SELECT id FROM audit_event ORDER BY id")).containsExactly("1", "7", "8");
    }

    @Test
    void aLinkFollowsTheHeadIsForARecordThatExistsAndStaysKeyed() throws SQLException {
        sql(audit(null));
        sql(audit(null));
        link("audit", 1);
        String head = single("SELECT hash FROM record_chain");

        assertRefused(linkSql("audit", 2, RecordChain.GENESIS, null), "a link follows the last one");
        assertRefused(linkSql("audit", 99, head, null), "a final record that exists");
        assertRefused("INSERT INTO record_chain (seq, record_type, record_id, content_hash, previous_hash, hash, linked_at)"
                + " VALUES (7, 'audit', 2, '" + HEX_A + "', '" + head + "', '" + "b".repeat(64)
                + "', '2026-01-01T00:00:00.000Z')", "a link follows the last one");

        sql(linkSql("audit", 2, head, "0123456789abcdef"));
        sql(audit(null));
        String keyedHead = single("SELECT hash FROM record_chain WHERE seq = 2");
        assertRefused(linkSql("audit", 3, keyedHead, null), "links are made with the clinic's key");
        assertThat(strings("SELECT seq FROM record_chain ORDER BY seq")).containsExactly("1", "2");
    }

    @Test
    void datesAreCheckedAsOnSQLite() throws SQLException {
        assertRefused(clientBornOn("2026-02-30"), "client_date_of_birth_check");
        assertRefused(clientBornOn("1980-1-2"), "client_date_of_birth_check");
        sql(clientBornOn("1980-02-29"));
        assertRefused(draft("x").replace("2026-01-20T10:00", "2026-01-20 10:00"), "session_started_at_check");
        assertRefused(draft("x").replace("2026-01-20T10:00", "2026-01-20T25:00"), "session_started_at_check");
    }

    // ---------------------------------------------------------------- search

    @Test
    void noteSearchFindsTheFormsOfAWordPrefixesAndAccentsAside() throws SQLException {
        sql(draft("Calf cramps at night; stretches helped. Cramping less, cramp twice."));
        sql(draft("Stretching daily"));
        sql(draft("Hamstring tight"));
        sql("UPDATE session SET signed_at = '2026-01-20T11:05:00.000Z', signed_by = 1 WHERE id = 3");
        link("session", 3);
        sql("INSERT INTO addendum (session_id, practitioner_id, written_at, text)"
                + " VALUES (3, 1, '2026-01-21T09:00:00.000Z', 'Saw her at the café; one cramp since')");

        assertThat(search("stretch")).containsExactlyInAnyOrder("1", "2");
        assertThat(search("stretching")).containsExactlyInAnyOrder("1", "2");
        // Best first: the note with the word three times, then the addendum with it once.
        assertThat(search("cramp")).containsExactly("1", "-1");
        assertThat(search("cramp -night")).containsExactly("-1");
        assertThat(search("CAFE")).containsExactly("-1");
        assertThat(strings("SELECT rowid FROM note_search WHERE document @@ to_tsquery('english', 'hamstr:*')"))
                .containsExactly("3");
        assertThat(single("SELECT ts_headline('english', body, websearch_to_tsquery('english', 'stretch'),"
                + " 'StartSel=[, StopSel=]') FROM note_search WHERE rowid = 2").strip()).isEqualTo("[Stretching] daily");

        // A draft's note is indexed again when it changes.
        sql("UPDATE session SET subjective = 'Shoulder stiff' WHERE id = 2");
        assertThat(search("stretch")).containsExactly("1");
        assertThat(search("shoulder")).containsExactly("2");
    }

    @Test
    void clientSearchTextIsFoundWithCaseAndAccentsFoldedByUnaccent() throws SQLException {
        sql("INSERT INTO client (first_name, last_name, search_text, created_at, updated_at)"
                + " VALUES ('Zoë', 'Ångström', 'zoe angstrom', '2026-01-02T03:04:05.678Z', '2026-01-02T03:04:05.678Z')");

        for (String typed : List.of("ZOË", "Ångs", "zoe")) {
            assertThat(strings("SELECT first_name FROM client WHERE search_text LIKE '%' || lower(soapstone_unaccent('"
                    + typed + "')) || '%'")).as(typed).containsExactly("Zoë");
        }
    }

    // ---------------------------------------------------------------- helpers

    /**
     * A signed note with a modality and an area, an addendum, an intake with every list, a
     * clearance, a care plan and an audit event, each linked.
     */
    private void finalRecordsOfEveryKind() throws SQLException {
        sql(intake(1));
        for (String list : List.of("intake_site (intake_id, position, site) VALUES (1, 0, 'calf')",
                "intake_condition (intake_id, position, condition) VALUES (1, 0, 'diabetes')",
                "intake_red_flag (intake_id, position, red_flag) VALUES (1, 0, 'dvt')",
                "intake_consent_element (intake_id, position, element) VALUES (1, 0, 'draping')",
                "intake_medication (intake_id, position, description, name) VALUES (1, 0, 'statin', 'statin')",
                "intake_surgery (intake_id, position, description) VALUES (1, 0, 'knee')")) {
            sql("INSERT INTO " + list);
        }
        link("intake", 1);
        sql("INSERT INTO intake_clearance (intake_id, cleared_on, note, recorded_at)"
                + " VALUES (1, '2026-02-01', 'GP letter', '2026-02-01T10:00:00.000Z')");
        link("clearance", 1);
        sql(draft("Signed"));
        sql("INSERT INTO session_modality (session_id, position, modality) VALUES (1, 0, 'swedish')");
        sql("INSERT INTO session_area (session_id, position, site) VALUES (1, 0, 'calf')");
        sql("UPDATE session SET signed_at = '2026-01-20T11:05:00.000Z', signed_by = 1 WHERE id = 1");
        link("session", 1);
        sql("INSERT INTO addendum (session_id, practitioner_id, written_at, text)"
                + " VALUES (1, 1, '2026-01-21T09:00:00.000Z', 'Later')");
        link("addendum", 1);
        sql(carePlan(null));
        link("care-plan", 1);
        sql(audit(null));
        link("audit", 1);
    }

    private static String draft(String subjective) {
        return "INSERT INTO session (client_id, practitioner_id, started_at, subjective, created_at, updated_at)"
                + " VALUES (1, 1, '2026-01-20T10:00', '" + subjective + "', '2026-01-20T11:00:00.000Z',"
                + " '2026-01-20T11:00:00.000Z')";
    }

    private static String clientBornOn(String date) {
        return "INSERT INTO client (first_name, last_name, date_of_birth, search_text, created_at, updated_at)"
                + " VALUES ('Bo', 'Ek', '" + date + "', 'bo ek', '2026-01-02T03:04:05.678Z', '2026-01-02T03:04:05.678Z')";
    }

    private void link(String type, long id) throws SQLException {
        sql(linkSql(type, id, single(headSql()), null));
    }

    /** Note and addendum rows matching {@code words}, best first, as the application will search. */
    private List<String> search(String words) throws SQLException {
        return strings("SELECT rowid FROM note_search, websearch_to_tsquery('english', soapstone_unaccent('" + words
                + "')) AS query WHERE document @@ query ORDER BY ts_rank(document, query) DESC, rowid DESC");
    }

    /** Runs {@code change} on {@code table} with its guards off, as someone going round them could. */
    private void withoutGuards(String table, String change) throws SQLException {
        sql("ALTER TABLE " + table + " DISABLE TRIGGER USER");
        sql(change);
        sql("ALTER TABLE " + table + " ENABLE TRIGGER USER");
    }

    private void sql(String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    /** Inserts a row and gives its id. */
    private long insert(String sql) throws SQLException {
        return Long.parseLong(single(sql + " RETURNING id"));
    }

    private String single(String sql) throws SQLException {
        List<String> values = strings(sql);
        assertThat(values).as(sql).hasSize(1);
        return values.getFirst();
    }

    private List<String> strings(String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            return strings(statement, sql);
        }
    }

    private static List<String> strings(Statement statement, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private void assertRefused(String sql, String message) {
        assertThatThrownBy(() -> sql(sql)).isInstanceOf(SQLException.class).hasMessageContaining(message);
    }
}
