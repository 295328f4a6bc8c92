package app.soapstone.integrity;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The content hash of a signed note never changes for the same content: practices' chains hold
 * hashes computed by earlier versions. A column added since the chain began changes the hash only
 * when it is set.
 */
class RecordDigestsTest {

    /** {@link #note()}'s hash, computed by Soapstone at schema version 7, before home_massage_minutes. */
    private static final String HASH_AT_VERSION_7 = "585173b992f604654ea7c820f6a531d0e672df0bc06c652be2a6f7f1eeaeceed";

    @Test
    void aNoteWithoutHomeMassageMinutesHashesAsAtVersion7() {
        Map<String, Object> withNull = note();
        withNull.put("home_massage_minutes", null);

        assertThat(hash(note())).as("read from a version 7 database: no such column").isEqualTo(HASH_AT_VERSION_7);
        assertThat(hash(withNull)).as("read from a version 8 database: NULL").isEqualTo(HASH_AT_VERSION_7);
    }

    @Test
    void homeMassageMinutesAreHashedWhenSet() {
        Map<String, Object> ten = note();
        ten.put("home_massage_minutes", 10);
        Map<String, Object> twenty = note();
        twenty.put("home_massage_minutes", 20);

        assertThat(hash(ten)).isNotEqualTo(HASH_AT_VERSION_7).isNotEqualTo(hash(twenty)).isEqualTo(hash(ten));
    }

    @Test
    void columnsThatAreNotHashedDoNotChangeTheHash() {
        Map<String, Object> touched = note();
        touched.put("updated_at", "2026-02-01T00:00:00.000Z");

        assertThat(hash(touched)).isEqualTo(HASH_AT_VERSION_7);
    }

    /** Columns of final records that are deliberately not hashed: a draft's last edit, not part of the note. */
    // Bookkeeping of a draft's edits, frozen with the note when it is signed: version (V019) counts them.
    private static final Map<String, List<String>> NOT_HASHED = Map.of("session", List.of("updated_at", "version"));

    @Test
    void everyColumnOfEveryFinalRecordAndItsListsIsHashed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("soapstone.db");
        app.soapstone.support.OldDatabases.migratedTo(file, "latest");
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file)) {
            for (FinalRecord kind : FinalRecord.values()) {
                List<String> hashed = new java.util.ArrayList<>(RecordDigests.columns(kind));
                hashed.addAll(NOT_HASHED.getOrDefault(kind.table(), List.of()));
                assertThat(columns(connection, kind.table())).as(kind.table()).containsExactlyInAnyOrderElementsOf(hashed);
                for (Map.Entry<String, List<String>> list : RecordDigests.listTables(kind).entrySet()) {
                    assertThat(columns(connection, list.getKey())).as(list.getKey()).containsExactlyInAnyOrderElementsOf(
                            list.getValue());
                }
            }
        }
    }

    private static List<String> columns(java.sql.Connection connection, String table) throws java.sql.SQLException {
        List<String> names = new java.util.ArrayList<>();
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT name FROM pragma_table_info('" + table + "')")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    @Test
    void aMedicineConfirmedAtTheIntakeIsHashedOnlyWhenItWasConfirmed() {
        Map<String, Object> intake = new HashMap<>(Map.of("id", 4, "client_id", 2, "version", 1));
        String before = RecordDigests.hash(FinalRecord.INTAKE, intake, Map.of("medication",
                List.of(new RecordDigests.Item(0, "Lipiter 20 mg", "Lipiter", "20 mg", null))));
        String unconfirmed = RecordDigests.hash(FinalRecord.INTAKE, intake, Map.of("medication",
                List.of(new RecordDigests.Item(0, "Lipiter 20 mg", "Lipiter", "20 mg", null, null))));
        String confirmed = RecordDigests.hash(FinalRecord.INTAKE, intake, Map.of("medication",
                List.of(new RecordDigests.Item(0, "Lipiter 20 mg", "Lipiter", "20 mg", null, "Lipitor"))));

        assertThat(unconfirmed).as("an intake linked before confirmed_as existed").isEqualTo(before);
        assertThat(confirmed).isNotEqualTo(before);
    }

    private static String hash(Map<String, Object> row) {
        return RecordDigests.sessionHash(row, List.of("effleurage", "petrissage"), List.of("calf-left"));
    }

    /** A signed note's columns at schema version 7, with the types SQLite hands back. */
    private static Map<String, Object> note() {
        Map<String, Object> row = new HashMap<>();
        row.put("id", 7);
        row.put("client_id", 3);
        row.put("practitioner_id", 1);
        row.put("intake_id", null);
        row.put("started_at", "2026-01-05T10:00");
        row.put("duration_minutes", 60);
        row.put("pressure", "moderate");
        row.put("products", null);
        row.put("pain_before", 6);
        row.put("pain_after", 2);
        row.put("cramps_per_week", 3.5);
        row.put("cramp_severity", 7);
        row.put("sleep_disturbance", null);
        row.put("subjective", "Night cramps\ntwice");
        row.put("objective", "Calf tone raised.");
        row.put("assessment", null);
        row.put("plan", "Stretch nightly");
        row.put("template", null);
        row.put("screening_shown", "No intake on file");
        row.put("warnings_shown", null);
        row.put("override_reason", null);
        row.put("created_at", "2026-01-05T11:02:03.456Z");
        row.put("updated_at", "2026-01-05T11:20:00.000Z");
        row.put("signed_at", "2026-01-05T11:20:00.000Z");
        row.put("signed_by", 1);
        return row;
    }
}
