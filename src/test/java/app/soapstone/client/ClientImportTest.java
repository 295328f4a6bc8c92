package app.soapstone.client;

import app.soapstone.shell.Failure;
import app.soapstone.support.SoapstoneTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code client import --csv FILE [--skip-bad]}: a header row names the columns in any order and
 * common spellings; every row is checked like {@code client add}; every bad row is reported by
 * its line in the file; nothing goes in if any row is bad, unless --skip-bad, and then all the
 * good rows go in together.
 */
@Tag(SoapstoneTest.POSTGRESQL)
class ClientImportTest extends SoapstoneTest {

    private static final String CLIENT_COLUMNS =
            "first_name, last_name, preferred_name, print_name, dob, phone, email, address, emergency_contact, notes";

    @TempDir
    Path temp;

    @Test
    void columnsMayComeInAnyOrderWithCommonSpellings() throws Exception {
        Path csv = csv("""
                Last Name,E-mail,date_of_birth,First Name,Mobile,Preferred,Emergency Contact,notes,address
                Lee,ann@example.com,1970-01-02,Ann,0412 345 678,Annie,Bob Lee 0400 000 000,Prefers mornings,1 Main St
                Ng,,,Ben,,,,,
                """);

        Result result = run("client import --csv " + csv);

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        assertThat(result.output()).contains("Imported 2 clients");
        assertThat(clients()).containsExactly(
                List.of("Ann", "Lee", "Annie", "1970-01-02", "0412 345 678", "ann@example.com", "1 Main St",
                        "Bob Lee 0400 000 000", "Prefers mornings"),
                Arrays.asList("Ben", "Ng", null, null, null, null, null, null, null));
    }

    @Test
    void aPrintNameColumnIsImported() throws Exception {
        Path csv = csv("""
                first_name,last_name,print_name
                Anh,Nguyen,Nguyễn Thị Ánh
                Ben,Ng,
                """);

        run("client import --csv " + csv).expectOk();

        assertThat(jdbc.sql("SELECT print_name FROM client ORDER BY id").query(String.class).list())
                .containsExactly("Nguyễn Thị Ánh", null);
    }

    @Test
    void otherSpellingsOfTheColumnsAreKnownToo() throws Exception {
        Path csv = csv("""
                surname,given_name,birthdate,telephone,email
                Lee,Ann,1970-01-02,+61 412 345 678,ann@example.com
                """);

        run("client import --csv " + csv).expectOk();

        assertThat(clients()).containsExactly(
                Arrays.asList("Ann", "Lee", null, "1970-01-02", "+61 412 345 678", "ann@example.com", null, null, null));
    }

    @Test
    void badRowsAreReportedByLineAndNothingIsImported() throws Exception {
        long events = count("audit_event");
        Path csv = csv("""
                first_name,last_name,dob,email
                Ann,Lee,1970-01-02,ann@example.com
                Ben,Ng,1970-02-30,ben@example.com
                Cat,,1980-03-04,cat@example.com
                Dan,Oh,1990-04-05,not-an-email
                Eve,Park,1990-04-05
                Fay,Quinn,1985-05-06,fay@example.com
                """);

        Result result = run("client import --csv " + csv);

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).startsWith("Nothing was imported: 4 bad rows")
                .contains("--skip-bad");
        assertThat(reported(result.error())).containsExactly(
                "line 3: dob: 1970-02-30 is not a valid date (use YYYY-MM-DD)",
                "line 4: last_name: is required",
                "line 5: email: 'not-an-email' is not an email address (use name@example.com)",
                "line 6: has 3 values; the header has 4");
        assertThat(count("client")).isZero();
        assertThat(count("audit_event")).isEqualTo(events);
    }

    @Test
    void rowsLikeAStoredClientOrAnEarlierRowAreBadRows() throws Exception {
        long stored = Long.parseLong(run("client add --first-name Zoë --last-name Łukasiewicz --dob 1958-03-14")
                .expectOk());
        Path csv = csv("""
                first_name,last_name,dob,phone,email
                zoe,lukasiewicz,1958-03-14,,
                Ann,Lee,1970-01-02,0412 345 678,ann@lee.net
                Ben,Ng,,0412345678,
                Cat,Oh,,,ANN@LEE.NET
                Dan,Park,,,dan@park.net
                """);

        Result result = run("client import --csv " + csv);

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).startsWith("Nothing was imported: 3 bad rows");
        assertThat(reported(result.error())).containsExactly(
                "line 2: likely a duplicate of " + stored + " Zoë Łukasiewicz (same name and date of birth)"
                        + " (give --allow-duplicate to import it anyway)",
                "line 4: likely a duplicate of line 3 Ann Lee (same phone) (give --allow-duplicate to import it anyway)",
                "line 5: likely a duplicate of line 3 Ann Lee (same email) (give --allow-duplicate to import it anyway)");
        assertThat(count("client")).isEqualTo(1);

        Result skipped = run("client import --csv " + csv + " --skip-bad");
        assertThat(skipped.output()).startsWith("Imported 2 clients; skipped 3 bad rows");
        assertThat(count("client")).isEqualTo(3);
    }

    @Test
    void allowDuplicateImportsRowsLikeOthers() throws Exception {
        run("client add --first-name Ann --last-name Lee --email ann@lee.net").expectOk();
        Path csv = csv("""
                first_name,last_name,email
                Ann,Lee,ann@lee.net
                Annie,Lee,ANN@lee.net
                """);

        run("client import --csv " + csv + " --allow-duplicate").expectOk();

        assertThat(count("client")).isEqualTo(3);
    }

    @Test
    void skipBadImportsTheGoodRowsAndReportsTheBad() throws Exception {
        Path csv = csv("""
                first_name,last_name,dob,email
                Ann,Lee,1970-01-02,ann@example.com
                Ben,Ng,1970-02-30,ben@example.com
                Cat,,1980-03-04,cat@example.com
                Fay,Quinn,1985-05-06,fay@example.com
                Gus,Roe,1985-05-06,fay@example.com,extra
                """);

        Result result = run("client import --csv " + csv + " --skip-bad");

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        assertThat(result.output()).startsWith("Imported 2 clients; skipped 3 bad rows");
        assertThat(reported(result.output())).containsExactly(
                "line 3: dob: 1970-02-30 is not a valid date (use YYYY-MM-DD)",
                "line 4: last_name: is required",
                "line 6: has 5 values; the header has 4");
        assertThat(clients()).extracting(row -> row.get(1)).containsExactly("Lee", "Quinn");
        assertThat(jdbc.sql("SELECT summary FROM audit_event WHERE action = 'import'").query(String.class).single())
                .contains("Imported 2 clients").contains("skipped 3 bad rows");
    }

    @Test
    void lineNumbersCountTheLinesOfTheFile() throws Exception {
        // A quoted value over two lines and a blank line come before the bad row, which ends the file
        // without a line break.
        Path csv = csv("first_name,last_name,notes\r\n"
                + "Ann,Lee,\"Two-line\r\nnote\"\r\n"
                + "\r\n"
                + "Ben,Ng,ok\r\n"
                + "Cat,,missing last name");

        Result result = run("client import --csv " + csv);

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(reported(result.error())).containsExactly("line 6: last_name: is required");
        assertThat(count("client")).isZero();
    }

    @Test
    void quotedValuesWithCommasQuotesAndApostrophesAndNonLatinNames() throws Exception {
        Path csv = csv("""
                first_name,last_name,address,notes
                "Mary Ann","O'Brien","12 High St, Unit 4","Says ""call after 5"", please"
                Анна,Ковалёва,"Пушкина, 10",
                Zoë,Łukasiewicz,,
                 Jean-Luc , d'Artagnan ,,
                李,小龙,,
                """);

        run("client import --csv " + csv).expectOk();

        assertThat(clients()).containsExactly(
                Arrays.asList("Mary Ann", "O'Brien", null, null, null, null, "12 High St, Unit 4",
                        null, "Says \"call after 5\", please"),
                Arrays.asList("Анна", "Ковалёва", null, null, null, null, "Пушкина, 10", null, null),
                Arrays.asList("Zoë", "Łukasiewicz", null, null, null, null, null, null, null),
                Arrays.asList("Jean-Luc", "d'Artagnan", null, null, null, null, null, null, null),
                Arrays.asList("李", "小龙", null, null, null, null, null, null, null));
        assertThat(run("client search ковалёва").expectOk()).contains("Ковалёва, Анна");
    }

    @Test
    void aByteOrderMarkIsIgnored() throws Exception {
        Path csv = csv("\uFEFFfirst_name,last_name\nZoë,Łukasiewicz\n");

        Result result = run("client import --csv " + csv);

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        assertThat(clients()).extracting(row -> row.get(0)).containsExactly("Zoë");
    }

    @Test
    void aByteOrderMarkBeforeAQuotedHeaderIsIgnored() throws Exception {
        Path csv = csv("\uFEFF\"First Name\",\"Last Name\"\r\n\"Zoë\",\"Łukasiewicz\"\r\n");

        Result result = run("client import --csv " + csv);

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        assertThat(clients()).extracting(row -> row.get(1)).containsExactly("Łukasiewicz");
    }

    @Test
    void anUnknownColumnIsRefusedBeforeAnyRowIsRead() throws Exception {
        Path csv = csv("""
                first_name,last_name,favourite_colour
                Ann,Lee,green
                """);

        Result result = run("client import --csv " + csv);

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).contains("line 1: unknown column 'favourite_colour'").contains(CLIENT_COLUMNS);
        assertThat(count("client")).isZero();
    }

    @Test
    void theNameColumnsAreRequired() throws Exception {
        Path csv = csv("""
                first_name,phone
                Ann,0412 345 678
                """);

        Result result = run("client import --csv " + csv);

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).contains("line 1: the header needs first_name and last_name columns");
        assertThat(count("client")).isZero();
    }

    @Test
    void aColumnGivenTwiceIsRefused() throws Exception {
        Path csv = csv("""
                first_name,last_name,last_name
                Ann,Lee,Li
                """);

        Result result = run("client import --csv " + csv);

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(count("client")).isZero();
    }

    @Test
    void aMissingFileIsAUsageError() {
        Path missing = temp.resolve("no-such.csv");

        Result result = run("client import --csv " + missing);

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).contains(missing.toString()).contains("does not exist");
    }

    @Test
    void aFileThatIsNotUtf8IsAUsageError() throws Exception {
        Path csv = temp.resolve("latin1.csv");
        Files.write(csv, "first_name,last_name\nZo\u00eb,Lee\n".getBytes(StandardCharsets.ISO_8859_1));

        Result result = run("client import --csv " + csv);

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).contains("cannot read");
        assertThat(count("client")).isZero();
    }

    // ---------------------------------------------------------------- helpers

    private Path csv(String text) throws IOException {
        return Files.writeString(temp.resolve("clients-" + System.nanoTime() + ".csv"), text, StandardCharsets.UTF_8);
    }

    /** The reported rows: the indented "line N: ..." lines. */
    private static List<String> reported(String message) {
        return message.lines().filter(l -> l.startsWith("  line ")).map(String::strip).toList();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private List<List<String>> clients() {
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> row : jdbc.sql("""
                SELECT first_name, last_name, preferred_name, date_of_birth, phone, email, address, emergency_contact,
                       notes FROM client ORDER BY id""").query().listOfRows()) {
            rows.add(row.values().stream().map(v -> v == null ? null : v.toString()).toList());
        }
        return rows;
    }
}
