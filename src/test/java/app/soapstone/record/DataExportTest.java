package app.soapstone.record;

import app.soapstone.shell.Failure;
import app.soapstone.support.RecordsTest;
import app.soapstone.support.SoapstoneTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code export --to DIR}: one UTF-8 CSV per table, whose header is the table's columns and whose
 * rows are the table's rows, value for value; a README describing every file and column; one JSON
 * file per client with their whole record; everything owner-only.
 */
@Tag(SoapstoneTest.POSTGRESQL)
class DataExportTest extends RecordsTest {

    /** Commas, quotes, line breaks, apostrophes and letters from outside Latin. */
    private static final String TRICKY_SUBJECTIVE = "Said \"it's like a knot, then a cramp\",\nthen: Ковалёва, 7/10;\r\nnext line";
    /** As it is stored: a Windows line end is taken as a line break. */
    private static final String TRICKY_SUBJECTIVE_STORED = TRICKY_SUBJECTIVE.replace("\r\n", "\n");
    private static final String TRICKY_ADDRESS = "12 O'Brien St, \"The Cottage\", Ελληνικά";

    @TempDir
    Path temp;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyTableHasACsvWithItsColumnsAndRows() throws Exception {
        Map<String, Long> ids = records();
        Path folder = temp.resolve("export");
        List<String> tables = tables();
        // What the database holds when the export starts (its own audit row comes after).
        Map<String, List<List<String>>> stored = new java.util.LinkedHashMap<>();
        for (String table : tables) {
            stored.put(table, rows("SELECT * FROM \"" + table + "\" ORDER BY " + rowOrder(table)));
        }

        Result result = run("export --to " + folder);

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        assertThat(tables).contains("client", "session", "addendum", "audit_event", "record_chain", "intake",
                "care_plan_export", "flyway_schema_history", "appointment", "service", "practitioner_hours", "receipt",
                "receipt_void", "receipt_payment");
        assertThat(stored.get("practitioner_hours")).hasSize(3);
        assertThat(result.output()).contains("Exported " + tables.size() + " tables and 2 client records");
        Set<String> csvFiles = new TreeSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".csv")).forEach(csvFiles::add);
        }
        assertThat(csvFiles).isEqualTo(new TreeSet<>(tables.stream().map(t -> t + ".csv").toList()));

        for (String table : tables) {
            try (CSVParser csv = parse(folder.resolve(table + ".csv"))) {
                assertThat(csv.getHeaderNames()).as(table).isEqualTo(columns(table));
                List<List<String>> exported = csv.getRecords().stream().map(CSVRecord::toList).toList();
                assertThat(exported).as(table + " rows").hasSize(stored.get(table).size()).isEqualTo(stored.get(table));
            }
        }
        assertThat(stored.get("session")).isNotEmpty();
        assertThat(stored.get("service")).hasSize(1);
        assertThat(stored.get("appointment")).hasSize(1);
        assertThat(stored.get("receipt")).hasSize(2);
        assertThat(stored.get("receipt_void")).hasSize(1);
        assertThat(stored.get("receipt_payment")).as("two paid, each moved out and in, one paid, one refunded")
                .hasSize(8);
        assertThat(count("audit_event")).isEqualTo(stored.get("audit_event").size() + 1);
        assertThat(ids).isNotEmpty();
    }

    @Test
    void trickyValuesSurviveTheRoundTrip() throws Exception {
        Map<String, Long> ids = records();
        Path folder = temp.resolve("export");

        run("export --to " + folder).expectOk();

        try (CSVParser csv = parse(folder.resolve("client.csv"))) {
            CSVRecord zoe = csv.getRecords().stream().filter(r -> r.get("id").equals(String.valueOf(ids.get("zoe"))))
                    .findFirst().orElseThrow();
            assertThat(zoe.get("first_name")).isEqualTo("Zoë");
            assertThat(zoe.get("last_name")).isEqualTo("Łukasiewicz-Ковалёва");
            assertThat(zoe.get("address")).isEqualTo(TRICKY_ADDRESS);
            assertThat(zoe.get("preferred_name")).as("no value").isEmpty();
        }
        try (CSVParser csv = parse(folder.resolve("session.csv"))) {
            CSVRecord session = csv.getRecords().stream()
                    .filter(r -> r.get("id").equals(String.valueOf(ids.get("signed")))).findFirst().orElseThrow();
            assertThat(session.get("subjective")).isEqualTo(TRICKY_SUBJECTIVE_STORED);
        }
        assertThat(Files.readAllBytes(folder.resolve("client.csv")))
                .as("UTF-8, no byte-order mark").startsWith("\"id\",".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theHomeMassageMinutesAreInTheCsvAndTheJson() throws Exception {
        Map<String, Long> ids = records();
        Path folder = temp.resolve("export");

        run("export --to " + folder).expectOk();

        try (CSVParser csv = parse(folder.resolve("session.csv"))) {
            assertThat(csv.getHeaderNames()).contains("home_massage_minutes");
            Map<String, String> minutes = new java.util.HashMap<>();
            csv.getRecords().forEach(r -> minutes.put(r.get("id"), r.get("home_massage_minutes")));
            assertThat(minutes).containsEntry(String.valueOf(ids.get("signed")), "10")
                    .containsEntry(String.valueOf(ids.get("draft")), "");
        }
        JsonNode sessions = json.readTree(Files.readString(folder.resolve("clients").resolve(ids.get("zoe") + ".json"),
                StandardCharsets.UTF_8)).get("sessions");
        Map<Long, JsonNode> byId = new java.util.HashMap<>();
        sessions.forEach(session -> byId.put(session.get("id").asLong(), session.get("home_massage_minutes")));
        assertThat(byId.get(ids.get("signed")).asInt()).isEqualTo(10);
        assertThat(byId.get(ids.get("draft")).isNull()).as("present, and null").isTrue();
    }

    @Test
    void theReadmeDescribesEveryFileAndColumn() throws Exception {
        records();
        Path folder = temp.resolve("export");

        run("export --to " + folder).expectOk();

        String readme = Files.readString(folder.resolve("README.md"), StandardCharsets.UTF_8);
        for (String table : tables()) {
            String section = section(readme, table + ".csv");
            for (String column : columns(table)) {
                assertThat(section).as(table + "." + column).containsPattern("(?m)^- `" + column + "` ");
            }
        }
        assertThat(readme).contains("clients/");
    }

    @Test
    void eachClientHasAJsonFileWithTheirWholeRecord() throws Exception {
        Map<String, Long> ids = records();
        Path folder = temp.resolve("export");

        run("export --to " + folder).expectOk();

        Path clients = folder.resolve("clients");
        try (Stream<Path> files = Files.list(clients)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList()).isEqualTo(
                    jdbc.sql("SELECT id FROM client ORDER BY id").query(Long.class).list().stream().map(id -> id + ".json")
                            .sorted().toList());
        }
        long zoe = ids.get("zoe");
        JsonNode record = json.readTree(Files.readString(clients.resolve(zoe + ".json"), StandardCharsets.UTF_8));
        assertThat(record.get("client").get("id").asLong()).isEqualTo(zoe);
        assertThat(record.get("client").get("first_name").asString()).isEqualTo("Zoë");
        assertThat(record.get("client").get("address").asString()).isEqualTo(TRICKY_ADDRESS);

        JsonNode intakes = record.get("intakes");
        assertThat(intakes.size()).isEqualTo(2);
        assertThat(intakes.get(0).get("version").asInt()).isEqualTo(1);
        assertThat(intakes.get(1).get("version").asInt()).isEqualTo(2);
        assertThat(intakes.get(1).get("allergies").asString()).isEqualTo("latex gloves");
        assertThat(intakes.get(0).get("sites").get(0).get("site").asString()).isEqualTo("calf-left");

        JsonNode sessions = record.get("sessions");
        assertThat(sessions.size()).isEqualTo(count("session WHERE client_id = " + zoe));
        JsonNode signed = null;
        for (JsonNode session : sessions) {
            if (session.get("id").asLong() == ids.get("signed")) {
                signed = session;
            }
        }
        assertThat(signed).isNotNull();
        assertThat(signed.get("subjective").asString()).isEqualTo(TRICKY_SUBJECTIVE_STORED);
        assertThat(signed.get("modalities").get(0).asString()).isEqualTo("effleurage");
        assertThat(signed.get("areas").get(0).asString()).isEqualTo("calf-left");
        assertThat(signed.get("addenda").size()).isEqualTo(2);
        assertThat(signed.get("addenda").get(0).get("id").asLong()).isEqualTo(ids.get("addendum"));
        assertThat(signed.get("addenda").get(0).get("text").asString()).isEqualTo("Client phoned: «better», Ковалёва said.");
        assertThat(record.get("care_plans").size()).isEqualTo(1);
        assertThat(record.get("audit").size()).isEqualTo(count("audit_event WHERE client_id = " + zoe));

        // Each receipt as issued, with its void and its ledger.
        JsonNode receipts = record.get("receipts");
        assertThat(receipts.size()).isEqualTo(2);
        JsonNode voided = receipts.get(0);
        assertThat(voided.get("number").asLong()).isEqualTo(ids.get("voided"));
        assertThat(voided.get("client_name").asString()).isEqualTo("Zoë Łukasiewicz-Ковалёва");
        assertThat(voided.get("total_minor").asLong()).isEqualTo(13560);
        assertThat(voided.get("void").get("reason").asString()).isEqualTo("Wrong service");
        assertThat(voided.get("payments").valueStream().map(p -> p.get("kind").asString() + " "
                + p.get("method").asString() + " " + p.get("amount_minor").asLong()).toList())
                .containsExactly("payment card 5000", "payment insurance 2000", "moved-out card 5000",
                        "moved-out insurance 2000");
        assertThat(voided.get("payments").get(1).get("payer").asString()).isEqualTo("Sun Life");
        JsonNode inForce = receipts.get(1);
        assertThat(inForce.get("number").asLong()).isEqualTo(ids.get("receipt"));
        assertThat(inForce.get("void").isNull()).as("present, and null").isTrue();
        assertThat(inForce.get("payments").valueStream().map(p -> p.get("kind").asString() + " "
                + p.get("amount_minor").asLong()).toList())
                .containsExactly("moved-in 5000", "moved-in 2000", "payment 1000", "refund 500");

        JsonNode other = json.readTree(Files.readString(clients.resolve(ids.get("ben") + ".json")));
        assertThat(other.get("receipts").size()).isZero();
        assertThat(other.get("intakes").size()).isZero();
        assertThat(other.get("sessions").size()).isZero();
    }

    @Test
    void filesAreOwnerOnly() throws Exception {
        records();
        Path folder = temp.resolve("export");

        run("export --to " + folder).expectOk();

        if (posix()) {
            assertThat(permissions(folder)).isEqualTo("rwx------");
            try (Stream<Path> all = Files.walk(folder)) {
                for (Path path : all.toList()) {
                    assertThat(permissions(path)).as(path.toString())
                            .isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------");
                }
            }
        }
        try (Stream<Path> all = Files.walk(folder)) {
            assertThat(all.filter(p -> p.getFileName().toString().startsWith(".")).toList()).as("no temp files").isEmpty();
        }
    }

    @Test
    void anEmptyExistingFolderIsUsed() throws Exception {
        records();
        Path folder = Files.createDirectory(temp.resolve("empty"));

        Result result = run("export --to " + folder);

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        assertThat(folder.resolve("client.csv")).isRegularFile();
    }

    @Test
    void aFolderThatIsNotEmptyIsRefused() throws Exception {
        records();
        Path folder = Files.createDirectory(temp.resolve("full"));
        Files.writeString(folder.resolve("client.csv"), "mine");

        Result result = run("export --to " + folder);

        assertThat(result.status()).isEqualTo(Failure.CONFLICT);
        assertThat(result.error()).contains("is not empty");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.toList()).containsExactly(folder.resolve("client.csv"));
        }
        assertThat(Files.readString(folder.resolve("client.csv"))).isEqualTo("mine");
    }

    @Test
    void aFileOrAMissingParentIsAUsageError() throws Exception {
        Path file = Files.writeString(temp.resolve("export"), "a file");

        assertThat(run("export --to " + file).status()).isEqualTo(Failure.USAGE);
        assertThat(run("export --to " + temp.resolve("a").resolve("b")).status()).isEqualTo(Failure.USAGE);
        assertThat(temp.resolve("a")).doesNotExist();
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Two clients; one with two intakes, a signed note with two addenda, a draft and a care plan;
     * the other booked for a service.
     */
    private Map<String, Long> records() {
        long sam = practitioner("Sam Jones");
        run("practitioner hours " + sam + " --set \"mon 09:00-12:00 13:00-17:00, sat 10:00-14:00\"").expectOk();
        clinic();
        long zoe = client("Zoë", "Łukasiewicz-Ковалёва");
        runWords("client", "edit", String.valueOf(zoe), "--address", TRICKY_ADDRESS).expectOk();
        long ben = client("Ben", "Ng");
        intake(zoe, "--allergies \"almond oil\"");
        intake(zoe, "--allergies \"latex gloves\"");
        long signed = session(zoe, "--subjective", TRICKY_SUBJECTIVE, "--plan", "Stretch, then rest.",
                "--modalities", "effleurage,petrissage", "--areas", "calf-left,calf-right", "--cramps-per-week", "3.5",
                "--home-massage-minutes", "10");
        sign(signed);
        long addendum = amend(signed, "Client phoned: «better», Ковалёва said.");
        amend(signed, "Second addendum.");
        long draft = session(zoe, "--subjective", "Draft");
        run("plan export --client " + zoe + " --out " + temp.resolve("plan.pdf")).expectOk();
        run("clinic set --currency CAD").expectOk();
        run("service add --name \"Remedial massage\" --minutes 60 --price 120.00 --tax-rate 13 --tax-name HST")
                .expectOk();
        run("appointment book --client " + ben + " --at \"2030-01-07 10:00\" --service 1").expectOk();
        long[] receipts = voidedAndReplacedReceipt(signed, 1);
        return Map.of("zoe", zoe, "ben", ben, "signed", signed, "addendum", addendum, "draft", draft,
                "voided", receipts[0], "receipt", receipts[1]);
    }

    /**
     * The tables holding data: every table but SQLite's own and the shadow tables of full-text
     * indexes; on PostgreSQL every table of the schema but the note search index (note_search,
     * which is the FTS5 table on SQLite).
     */
    private List<String> tables() {
        if (ON_POSTGRES) {
            // Not audit_event_last_id either: the audit trail's count of its events, its last id.
            return jdbc.sql("""
                    SELECT table_name FROM information_schema.tables
                    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                    AND table_name NOT IN ('note_search', 'audit_event_last_id')
                    """).query(String.class).list().stream().sorted().toList();
        }
        List<String> virtual = jdbc.sql("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")
                .query(String.class).list();
        return jdbc.sql("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
                .query(String.class).list().stream()
                .filter(t -> !virtual.contains(t) && virtual.stream().noneMatch(v -> t.startsWith(v + "_")))
                .toList();
    }

    private List<String> columns(String table) {
        if (ON_POSTGRES) {
            return jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                    + " AND table_name = ? ORDER BY ordinal_position").param(table).query(String.class).list();
        }
        return jdbc.sql("SELECT name FROM pragma_table_info(?) ORDER BY cid").param(table).query(String.class).list();
    }

    private static CSVParser parse(Path file) throws IOException {
        Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
    }

    /** Every row as the text a CSV holds: SQL NULL as an empty field. */
    private List<List<String>> rows(String sql) {
        return jdbc.sql(sql).query((result, n) -> {
            List<String> row = new ArrayList<>();
            for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
                Object value = result.getObject(c);
                row.add(value == null ? "" : value.toString());
            }
            return row;
        }).list();
    }

    /** The README's section for one file: from its heading to the next. */
    private static String section(String readme, String file) {
        int start = readme.indexOf("## " + file + "\n");
        assertThat(start).as("a section for " + file).isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }
}
