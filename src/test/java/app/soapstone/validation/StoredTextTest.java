package app.soapstone.validation;

import app.soapstone.shell.Failure;
import app.soapstone.support.RecordsTest;
import app.soapstone.support.SoapstoneTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every option that stores text refuses control characters and the invisible direction controls
 * (a name that rewrites the screen or reads backwards), naming the option and the character, with
 * exit status 2 and nothing stored; multi-line fields keep their line breaks and tabs; letters of
 * every script, combining marks and the joiners Persian and Indic names need are kept.
 */
@Tag(SoapstoneTest.POSTGRESQL)
class StoredTextTest extends RecordsTest {

    /** Refused in every field: C0 and C1 controls, DEL, bidirectional controls, line and paragraph separators. */
    private static final List<Integer> REFUSED = List.of(0x1B, 0x07, 0x0D, 0x00, 0x7F, 0x85, 0x9B, 0x202E, 0x202A,
            0x202D, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C, 0x2028, 0x2029);
    /** Refused in one-line fields only. */
    private static final List<Integer> LINE_BREAKS = List.of(0x0A, 0x09);

    private static final List<String> TABLES = List.of("client", "clinic", "practitioner", "intake", "intake_surgery",
            "intake_medication", "intake_clearance", "session", "addendum", "audit_event");

    @TempDir
    Path temp;

    /** The records each case needs: ids made afresh before each test, since the database is emptied. */
    private record Fixture(long client, long draft, long signed) {
    }

    /** What a field holds: one line, several lines, or a list of items, one a line (or between semicolons). */
    private enum Kind { LINE, LINES, LIST }

    /** A command storing {@code value} in {@code option}, a field of that kind. */
    private record Case(String option, Kind kind, BiFunction<Fixture, String, List<String>> words) {

        @Override
        public String toString() {
            return words.apply(new Fixture(1, 2, 3), "VALUE").subList(0, 2) + " --" + option;
        }
    }

    private Fixture fixture;

    @BeforeEach
    void records() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        intake(client, "--red-flags one-sided-calf-swelling");
        long signed = session(client, "--override", "GP cleared by phone", "--subjective", "Calves tight.");
        sign(signed);
        long draft = session(client, "--override", "GP cleared by phone", "--subjective", "Draft.");
        fixture = new Fixture(client, draft, signed);
    }

    static Stream<Case> cases() {
        return Stream.of(
                clientAdd("first-name", Kind.LINE), clientAdd("last-name", Kind.LINE), clientAdd("preferred-name", Kind.LINE),
                clientAdd("print-name", Kind.LINE), clientAdd("emergency-contact", Kind.LINE), clientAdd("address", Kind.LINES),
                clientAdd("notes", Kind.LINES),
                new Case("first-name", Kind.LINE, (f, v) -> words("client", "edit", f.client(), "--first-name", v)),
                new Case("notes", Kind.LINES, (f, v) -> words("client", "edit", f.client(), "--notes", v)),
                new Case("name", Kind.LINE, (f, v) -> words("clinic", "set", "--name", v, "--address", "1 Main St",
                        "--phone", "03 9000 0000")),
                new Case("website", Kind.LINE, (f, v) -> words("clinic", "set", "--name", "Calm", "--address", "1 Main St",
                        "--phone", "03 9000 0000", "--website", v)),
                new Case("address", Kind.LINES, (f, v) -> words("clinic", "set", "--name", "Calm", "--address", v,
                        "--phone", "03 9000 0000")),
                new Case("name", Kind.LINE, (f, v) -> words("practitioner", "add", "--name", v, "--credentials", "RMT")),
                new Case("credentials", Kind.LINE, (f, v) -> words("practitioner", "add", "--name", "Kim", "--credentials", v)),
                new Case("registration-number", Kind.LINE, (f, v) -> words("practitioner", "add", "--name", "Kim",
                        "--credentials", "RMT", "--registration-number", v)),
                intake("consent-by", Kind.LINE), intake("occupation", Kind.LINE), intake("cramps-since", Kind.LINE),
                intake("caffeine", Kind.LINE), intake("alcohol", Kind.LINE), intake("medications", Kind.LIST),
                intake("surgeries", Kind.LIST), intake("other-conditions", Kind.LINES), intake("allergies", Kind.LINES),
                intake("triggers", Kind.LINES), intake("activity", Kind.LINES),
                sessionNew("subjective", Kind.LINES), sessionNew("objective", Kind.LINES), sessionNew("assessment", Kind.LINES),
                sessionNew("plan", Kind.LINES), sessionNew("products", Kind.LINE), sessionNew("override", Kind.LINES),
                new Case("plan", Kind.LINES, (f, v) -> words("session", "edit", f.draft(), "--plan", v)),
                new Case("products", Kind.LINE, (f, v) -> words("session", "edit", f.draft(), "--products", v)),
                new Case("text", Kind.LINES, (f, v) -> words("session", "amend", f.signed(), "--text", v)),
                new Case("note", Kind.LINES, (f, v) -> words("intake", "clear", "--client", f.client(), "--note", v)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void controlAndDirectionCharactersAreRefusedNamingTheOptionAndTheCharacter(Case c) {
        List<Integer> refused = new ArrayList<>(REFUSED);
        if (c.kind() == Kind.LINE) {
            refused.addAll(LINE_BREAKS);
        }
        for (int character : refused) {
            String value = "Calf" + Character.toString(character) + "[2J";
            Map<String, List<Map<String, Object>>> before = stored();

            Result result = runWords(c.words().apply(fixture, value).toArray(String[]::new));

            assertThat(result.status()).as(c + " with " + name(character) + ": " + result.error()).isEqualTo(Failure.USAGE);
            assertThat(result.error()).as(c.toString())
                    .startsWith("--" + c.option() + ": contains " + name(character) + " (character 5)");
            assertThat(stored()).as(c + " with " + name(character) + ": nothing stored").isEqualTo(before);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void multiLineFieldsKeepLineBreaksAndTabsAndTakeWindowsLineEnds(Case c) {
        if (c.kind() != Kind.LINES) {
            return;
        }
        Result result = runWords(c.words().apply(fixture, "Line one\r\nLine two\n\tindented").toArray(String[]::new));

        assertThat(result.status()).as(c + ": " + result.error()).isEqualTo(Failure.OK);
        assertThat(stored().toString()).as(c.toString()).contains("Line one\nLine two\n\tindented")
                .doesNotContain("\r");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "مهر\u200cانگیز", // Persian: a zero-width non-joiner between the parts of one name
            "श्\u200dयाम", // Devanagari: a zero-width joiner keeps the half form
            "Zoe\u0308", // a combining diaeresis
            "Nguyễn Thị Ánh", "王小明", "Łukasiewicz", "O'Brien-Smythe", "Ἀλέξανδρος"})
    void namesInEveryScriptAreKeptWithTheirJoinersAndMarks(String name) {
        Result result = runWords("client", "add", "--first-name", name, "--last-name", "Lee", "--print-name", name);

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        assertThat(jdbc.sql("SELECT first_name, print_name FROM client WHERE id = ?").param(Long.parseLong(result.output().strip()))
                .query().singleRow()).containsEntry("first_name", name).containsEntry("print_name", name);
    }

    @Test
    void csvImportRefusesControlCharactersByLineAndColumn() throws Exception {
        Path csv = temp.resolve("clients.csv");
        Files.writeString(csv, "first_name,last_name,notes\n"
                + "Ben,Ng,fine\n"
                + "Ann\u001b[2J,Lee,\n"
                + "Cat,\u202eeeL,\n"
                + "Eve,Ho,\"carriage\rreturn\"\n"
                + "Dan,Wu,\"two\nlines\"\n", StandardCharsets.UTF_8);
        long clients = count("client");

        Result result = run("client import --csv " + csv);

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).startsWith("Nothing was imported: 3 bad rows")
                .contains("line 3: first_name: contains U+001B ESCAPE (character 4)")
                .contains("line 4: last_name: contains U+202E RIGHT-TO-LEFT OVERRIDE (character 1)")
                .containsPattern("line \\d: notes: contains U\\+000D CARRIAGE RETURN \\(CR\\) \\(character 9\\)")
                .doesNotContain("line 2");
        assertThat(count("client")).isEqualTo(clients);
    }

    // ---------------------------------------------------------------- helpers

    private static Case clientAdd(String option, Kind kind) {
        return new Case(option, kind, (f, v) -> {
            List<String> words = new ArrayList<>(List.of("client", "add", "--first-name", "Zoë", "--last-name", "Nowak"));
            if (option.equals("first-name") || option.equals("last-name")) {
                words.set(words.indexOf("--" + option) + 1, v);
            } else {
                words.addAll(List.of("--" + option, v));
            }
            return words;
        });
    }

    private static Case intake(String option, Kind kind) {
        return new Case(option, kind, (f, v) -> {
            List<String> words = new ArrayList<>(words("intake", "new", "--client", f.client(), "--cramp-frequency", "3",
                    "--cramp-sites", "calf-left", "--cramp-severity", "6", "--consent-date", TODAY.toString()));
            if (!option.equals("consent-by")) {
                words.addAll(List.of("--consent-by", "client"));
            }
            words.addAll(List.of("--" + option, v));
            return words;
        });
    }

    private static Case sessionNew(String option, Kind kind) {
        // The client has an uncleared urgent referral: a session needs an override reason.
        return new Case(option, kind, (f, v) -> option.equals("override")
                ? words("session", "new", "--client", f.client(), "--subjective", "Calves.", "--override", v)
                : words("session", "new", "--client", f.client(), "--override", "GP cleared by phone", "--" + option, v));
    }

    private static List<String> words(Object... words) {
        return Stream.of(words).map(String::valueOf).toList();
    }

    private static String name(int character) {
        return String.format("U+%04X %s", character, Character.getName(character));
    }

    private Map<String, List<Map<String, Object>>> stored() {
        Map<String, List<Map<String, Object>>> rows = new java.util.LinkedHashMap<>();
        for (String table : TABLES) {
            rows.put(table, jdbc.sql("SELECT * FROM " + table + " ORDER BY " + rowOrder(table)).query().listOfRows());
        }
        return rows;
    }
}
