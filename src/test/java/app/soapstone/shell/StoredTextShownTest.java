package app.soapstone.shell;

import app.soapstone.support.RecordsTest;
import app.soapstone.support.SoapstoneTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text already stored with control characters or direction overrides - by an older version, a
 * restored backup or another tool - is shown visibly ({@code \x1b}, {@code \r},
 * {@code <U+202E>}) in every view and message, never sent raw to the terminal, where it could
 * clear the screen, retitle the window or make a name read backwards.
 */
@Tag(SoapstoneTest.POSTGRESQL)
class StoredTextShownTest extends RecordsTest {

    /**
     * What must never reach the terminal: every control but line feed and tab (and a carriage
     * return that ends a line with a line feed, as Windows does), and the bidirectional controls.
     */
    private static final Pattern RAW = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\u061C\\u200E\\u200F"
            + "\\u202A-\\u202E\\u2066-\\u2069\\u2028\\u2029]|\\r(?!\\n)");

    private long client;
    private long draft;

    @BeforeEach
    void oddTextStoredUnderneath() {
        practitioner("Sam Jones");
        clinic();
        client = client("Ann", "Lee");
        draft = session(client, "--subjective", "Calves tight.");
        // Bound as parameters, not made with SQL functions: SQLite's char() is PostgreSQL's chr().
        jdbc.sql("UPDATE client SET first_name = ?, last_name = ?, preferred_name = ?, notes = ? WHERE id = ?")
                .params("Ann\u001b[2J\u0007", "Lee\rEvil", "Annie\u202ecba", "Line one\nLine two\u001b]0;owned\u0007", client)
                .update();
        jdbc.sql("UPDATE practitioner SET name = ?").param("Sam\u001b[31mRed").update();
        jdbc.sql("UPDATE clinic SET name = ?").param("Calm \u202esretaW").update();
        jdbc.sql("UPDATE session SET subjective = ? WHERE id = ?").params("Calves\u001b[1A tight\r\nsecond line", draft).update();
    }

    @Test
    void clientViewsShowControlCharactersVisibly() {
        for (String command : List.of("client list", "client show " + client, "client search Ann",
                "client search Lee", "session list --client " + client, "session list --unsigned")) {
            String output = run(command).expectOk();

            assertThat(output).as(command).doesNotContainPattern(RAW);
        }
        String list = run("client list").expectOk();
        assertThat(list).contains("Lee\\rEvil, Ann\\x1b[2J\\x07 (Annie<U+202E>cba)");
        String show = run("client show " + client).expectOk();
        assertThat(show).contains("Ann\\x1b[2J\\x07 Lee\\rEvil")
                .contains("Line one\n").contains("Line two\\x1b]0;owned\\x07");
    }

    @Test
    void tablesStayAlignedWithEscapedCells() {
        jdbc.sql("UPDATE client SET phone = '0412 345 678' WHERE id = ?").param(client).update();

        List<String> lines = run("client list").expectOk().lines().toList();

        assertThat(lines.get(2)).contains("Lee\\rEvil");
        assertThat(lines.get(2).indexOf("0412 345 678")).as("the phone under its header").isEqualTo(lines.get(0).indexOf("Phone"));
    }

    @Test
    void notesPractitionersAndTheClinicShowThemVisiblyToo() {
        for (String command : List.of("session show " + draft, "practitioner list", "clinic show",
                "session edit " + draft + " --pain-before 3")) {
            Result result = run(command);

            assertThat(result.status()).as(command + ": " + result.error()).isEqualTo(Failure.OK);
            assertThat(result.output()).as(command).doesNotContainPattern(RAW);
        }
        assertThat(run("session show " + draft).expectOk()).contains("Calves\\x1b[1A tight")
                .as("a Windows line end is a line end").containsPattern("tight\r?\n  second line")
                .contains("Sam\\x1b[31mRed");
        assertThat(run("clinic show").expectOk()).contains("Calm <U+202E>sretaW");
    }

    @Test
    void messagesThatRepeatWhatWasTypedShowItVisibly() {
        Result search = runWords("client", "search", "Zed\u001b[2J");
        Result email = runWords("client", "add", "--first-name", "Bo", "--last-name", "Ng", "--email", "bo\u001b[2J@x");
        Result edit = runWords("client", "edit", String.valueOf(client), "--phone", "0412 345 678");

        assertThat(search.output()).contains("Zed\\x1b[2J").doesNotContainPattern(RAW);
        assertThat(email.error()).contains("bo\\x1b[2J@x").doesNotContainPattern(RAW);
        assertThat(edit.output()).contains("Updated client " + client).doesNotContainPattern(RAW);
    }
}
