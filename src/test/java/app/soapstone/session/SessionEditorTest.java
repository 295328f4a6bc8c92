package app.soapstone.session;

import app.soapstone.shell.Editor;
import app.soapstone.shell.Failure;
import app.soapstone.shell.InteractiveInput;
import app.soapstone.shell.TestEditors;
import app.soapstone.support.SoapstoneTest;
import app.soapstone.template.TemplateFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writing SOAP notes in the editor, like {@code git commit}: the real {@link Editor} runs a fake
 * editor script (through {@code /bin/sh}, as for a real {@code $EDITOR}) that records the file it
 * was given and then saves it appended to, replaced, emptied or unchanged. All editor tests live
 * in this class, as its configuration starts a Spring context of its own.
 */
@DisabledOnOs(OS.WINDOWS)
@Import(SessionEditorTest.FakeEditorConfiguration.class)
@Tag(SoapstoneTest.POSTGRESQL)
class SessionEditorTest extends SoapstoneTest {

    private static final List<String> TABLES = List.of("session", "session_modality", "session_area", "addendum");
    private static final Path EDITOR_DIR = FakeEditorConfiguration.DIR;
    private static final String APPENDED = "Edited in the editor.";

    /** An input reader as the interactive shell gives commands; it has no answers, as none are expected. */
    private static final InteractiveInput INTERACTIVE = new InteractiveInput() {
        @Override
        public String readInput(String prompt) {
            throw new AssertionError("no question expected: " + prompt);
        }
    };

    @TestConfiguration
    static class FakeEditorConfiguration {

        static final Path DIR = writeFakeEditor();

        @Bean
        @Primary
        Editor fakeEditor() {
            return TestEditors.withEnvironment(Map.of("VISUAL", "", "EDITOR", "'" + DIR.resolve("editor.sh") + "'"));
        }

        private static Path writeFakeEditor() {
            try {
                Path dir = Files.createTempDirectory("soapstone-editor-");
                Path script = dir.resolve("editor.sh");
                Files.writeString(script, """
                        #!/bin/sh
                        dir='%s'
                        echo "$1" >> "$dir/calls"
                        cp "$1" "$dir/seen.txt"
                        ls -l "$1" | cut -c1-10 > "$dir/permissions"
                        case "$(cat "$dir/mode")" in
                          append) printf '\\n--- Subjective ---\\n%s\\n' >> "$1" ;;
                          replace) cp "$dir/replacement.txt" "$1" ;;
                          empty) : > "$1" ;;
                          unchanged) ;;
                          fail) exit 3 ;;
                        esac
                        """.formatted(dir, APPENDED), StandardCharsets.UTF_8);
                assertThat(script.toFile().setExecutable(true, true)).isTrue();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Autowired
    private TemplateFiles templateFiles;

    @BeforeEach
    void resetEditor() throws IOException {
        for (String file : List.of("calls", "seen.txt", "permissions", "replacement.txt")) {
            Files.deleteIfExists(EDITOR_DIR.resolve(file));
        }
        editorWill("unchanged");
    }

    // ---------------------------------------------------------------- session new --edit

    @Test
    void editOpensTheTemplateWithThePreviousPlanAndStoresWhatWasSaved() throws IOException {
        practitioner();
        long client = client();
        long previous = session(client, "--subjective \"First visit\" --plan \"Calf stretches nightly, review in 2 weeks\"");
        Session.SoapNote template = template("nocturnal-calf-cramps").draft(Map.of());
        editorWill("append");

        Result result = run("session new --client " + client + " --template nocturnal-calf-cramps --modalities effleurage"
                + " --edit");

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        assertThat(editorCalls()).isOne();
        String seen = seen();
        assertThat(seen).contains("# SOAP note for Ann Lee")
                .contains("# Plan prefilled from the previous session (" + previous + ")")
                .contains(template.subjective().strip()).contains(template.objective().strip())
                .contains(template.assessment().strip())
                .contains("--- Plan ---\nCalf stretches nightly, review in 2 weeks")
                .doesNotContain(template.plan().strip());
        long id = lastLineId(result);
        Map<String, Object> row = row(id);
        assertThat(row).containsEntry("template", "nocturnal-calf-cramps")
                .containsEntry("subjective", template.subjective().strip() + "\n\n" + APPENDED)
                .containsEntry("objective", template.objective().strip())
                .containsEntry("assessment", template.assessment().strip())
                .containsEntry("plan", "Calf stretches nightly, review in 2 weeks");
        assertThat(modalities(id)).containsExactly("effleurage");
    }

    @Test
    void withoutAPreviousPlanTheTemplatesPlanIsOffered() throws IOException {
        practitioner();
        long client = client();
        Session.SoapNote template = template("foot-cramps").draft(Map.of());
        editorWill("append");

        long id = lastLineId(run("session new --client " + client + " --template foot-cramps --edit"));

        assertThat(seen()).contains("--- Plan ---\n" + template.plan().strip()).doesNotContain("prefilled");
        assertThat(row(id)).containsEntry("plan", template.plan().strip());
    }

    @Test
    void aPlanGivenAsAnOptionIsNotReplacedByThePreviousOne() throws IOException {
        practitioner();
        long client = client();
        session(client, "--plan \"Old plan\"");
        editorWill("append");

        long id = lastLineId(run("session new --client " + client + " --plan \"New plan\" --edit"));

        assertThat(seen()).contains("--- Plan ---\nNew plan").doesNotContain("Old plan");
        assertThat(row(id)).containsEntry("plan", "New plan").containsEntry("subjective", APPENDED);
    }

    @Test
    void theEditorSeesTheScreeningAndWarningsAsComments() throws IOException {
        practitioner();
        long client = client();
        run("intake new --client " + client + " --cramp-frequency 3 --cramp-sites calf-left --cramp-severity 6"
                + " --consent-date " + TODAY + " --consent-by client --medications \"Eliquis 5mg bd\"").expectOk();
        editorWill("append");

        long id = lastLineId(run("session new --client " + client + " --modalities deep-tissue --edit"));

        String warning = (String) row(id).get("warnings_shown");
        assertThat(warning).isNotBlank();
        assertThat(seen()).contains("# WARNING: " + warning).containsIgnoringCase("# PRECAUTION: Anticoagulant");
    }

    @Test
    void theFileTheEditorGetsIsPrivateAndRemovedAfterwards() throws IOException {
        practitioner();
        long client = client();
        editorWill("append");

        run("session new --client " + client + " --edit").expectOk();

        Path file = Path.of(Files.readString(EDITOR_DIR.resolve("calls")).strip());
        assertThat(file.getFileName().toString()).endsWith(".soap.txt");
        assertThat(file).doesNotExist();
        assertThat(Files.readString(EDITOR_DIR.resolve("permissions")).strip()).isEqualTo("-rw-------");
    }

    // ---------------------------------------------------------------- when the editor opens

    @Test
    void theInteractiveShellOpensTheEditorWhenNoSoapTextIsGiven() throws IOException {
        practitioner();
        long client = client();
        editorWill("replace", """
                # my own comment
                --- Subjective ---
                Cramps down to one a week.
                --- Objective ---
                Calves soft.
                --- Assessment ---
                Improving.
                --- Plan ---
                Keep stretching.
                """);

        Result result = run("session new --client " + client + " --duration 45", INTERACTIVE);

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        assertThat(editorCalls()).isOne();
        assertThat(row(lastLineId(result))).containsEntry("subjective", "Cramps down to one a week.")
                .containsEntry("objective", "Calves soft.").containsEntry("assessment", "Improving.")
                .containsEntry("plan", "Keep stretching.").containsEntry("duration_minutes", 45);
    }

    @Test
    void theInteractiveShellDoesNotOpenTheEditorWhenSoapTextIsGiven() {
        practitioner();
        long client = client();
        editorWill("append");

        Result result = run("session new --client " + client + " --objective \"Calves soft\"", INTERACTIVE);

        assertThat(editorCalls()).isZero();
        assertThat(row(lastLineId(result))).containsEntry("objective", "Calves soft").containsEntry("subjective", null);
    }

    @Test
    void oneShotModeNeverOpensTheEditorUnlessAsked() {
        practitioner();
        long client = client();
        editorWill("append");

        Result result = run("session new --client " + client + " --duration 30");

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        assertThat(editorCalls()).isZero();
        Map<String, Object> row = row(lastLineId(result));
        assertThat(row).containsEntry("duration_minutes", 30);
        for (String section : List.of("subjective", "objective", "assessment", "plan")) {
            assertThat(row.get(section)).as(section).isNull();
        }
    }

    // ---------------------------------------------------------------- cancelling, like git commit

    @Test
    void savingAnEmptyFileCancels() {
        practitioner();
        long client = client();
        session(client, "--plan \"Old plan\"");
        Map<String, Integer> before = counts();
        editorWill("empty");

        Result result = run("session new --client " + client + " --template nocturnal-calf-cramps --edit");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).isEqualTo("Cancelled: the SOAP note was saved empty, so nothing was stored");
        assertThat(editorCalls()).isOne();
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void savingOnlyCommentsAndHeadingsCancels() {
        practitioner();
        long client = client();
        editorWill("replace", "# nothing to say\n--- Subjective ---\n\n--- Plan ---\n   \n");

        Result result = run("session new --client " + client, INTERACTIVE);

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).contains("saved empty");
        assertNothingStored();
    }

    @Test
    void savingTheFormUnchangedCancels() {
        practitioner();
        long client = client();
        session(client, "--plan \"Old plan\"");
        Map<String, Integer> before = counts();
        editorWill("unchanged");

        Result result = run("session new --client " + client + " --template nocturnal-calf-cramps --edit");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).isEqualTo("Cancelled: the SOAP note was saved unchanged, so nothing was stored");
        assertThat(editorCalls()).isOne();
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void anEditorThatFailsStoresNothing() {
        practitioner();
        long client = client();
        editorWill("fail");

        Result result = run("session new --client " + client + " --edit");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).contains("exited with status 3").contains("nothing was stored");
        assertNothingStored();
    }

    // ---------------------------------------------------------------- refused before the editor opens

    @Test
    void anUrgentReferralIsRefusedBeforeTheEditorOpens() {
        practitioner();
        long client = client();
        run("intake new --client " + client + " --cramp-frequency 3 --cramp-sites calf-left --cramp-severity 6"
                + " --consent-date " + TODAY + " --consent-by client --red-flags one-sided-calf-swelling").expectOk();
        editorWill("append");

        Result result = run("session new --client " + client + " --edit");

        assertThat(result.status()).isEqualTo(Failure.CONFLICT);
        assertThat(editorCalls()).isZero();
        assertNothingStored();
    }

    @Test
    void badOptionsAreRefusedBeforeTheEditorOpens() {
        practitioner();
        long client = client();
        editorWill("append");

        for (String options : List.of("--modalities reiki", "--pain-after 11", "--template nope",
                "--date " + TODAY.plusDays(1), "--time 25:00", "--date " + TODAY.minusDays(2),
                "--practitioner 999")) {
            Result result = run("session new --client " + client + " --edit " + options);

            assertThat(result.status()).as(options).isIn(Failure.USAGE, Failure.NOT_FOUND);
            assertThat(editorCalls()).as("the editor was opened for " + options).isZero();
        }
        assertNothingStored();
    }

    @Test
    void withoutAPractitionerTheEditorDoesNotOpen() {
        long client = client();
        editorWill("append");

        Result result = run("session new --client " + client + " --edit");

        assertThat(result.status()).isEqualTo(Failure.CONFLICT);
        assertThat(editorCalls()).isZero();
        assertNothingStored();
    }

    // ---------------------------------------------------------------- session edit --edit

    @Test
    void sessionEditOpensTheDraftAndStoresWhatWasSaved() throws IOException {
        practitioner();
        long client = client();
        long id = session(client, "--modalities effleurage --areas calf-left --duration 40"
                + " --subjective \"Original S\" --plan \"Original P\"");
        editorWill("replace", "--- Subjective ---\nRewritten S\n--- Assessment ---\nNew A\n--- Plan ---\nOriginal P\n");

        Result result = run("session edit " + id + " --edit");

        assertThat(result.expectOk()).isEqualTo("Updated draft session " + id);
        assertThat(seen()).contains("# Draft note of session " + id).contains("--- Subjective ---\nOriginal S")
                .contains("--- Plan ---\nOriginal P");
        assertThat(row(id)).containsEntry("subjective", "Rewritten S").containsEntry("objective", null)
                .containsEntry("assessment", "New A").containsEntry("plan", "Original P")
                .containsEntry("duration_minutes", 40);
        assertThat(modalities(id)).containsExactly("effleurage");
        assertThat(areas(id)).containsExactly("calf-left");
    }

    @Test
    void sessionEditCanChangeOptionsTogetherWithTheEditor() throws IOException {
        practitioner();
        long id = session(client(), "--subjective \"Original S\"");
        editorWill("append");

        run("session edit " + id + " --edit --duration 25 --objective \"Given O\"").expectOk();

        assertThat(seen()).contains("--- Objective ---\nGiven O");
        assertThat(row(id)).containsEntry("duration_minutes", 25).containsEntry("objective", "Given O")
                .containsEntry("subjective", "Original S\n\n" + APPENDED);
    }

    @Test
    void sessionEditSavedUnchangedChangesNothing() {
        practitioner();
        long id = session(client(), "--subjective \"Original S\"");
        Map<String, Object> before = row(id);
        editorWill("unchanged");

        Result result = run("session edit " + id + " --edit");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).isEqualTo("Cancelled: the SOAP note was saved unchanged, so nothing was changed");
        assertThat(row(id)).isEqualTo(before);
    }

    @Test
    void sessionEditSavedEmptyChangesNothing() {
        practitioner();
        long id = session(client(), "--subjective \"Original S\"");
        Map<String, Object> before = row(id);
        editorWill("empty");

        Result result = run("session edit " + id + " --edit");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).contains("saved empty");
        assertThat(row(id)).isEqualTo(before);
    }

    @Test
    void aSignedNoteIsRefusedBeforeTheEditorOpens() {
        practitioner();
        long id = session(client(), "--subjective \"Original S\"");
        run("session sign " + id).expectOk();
        Map<String, Object> before = row(id);
        editorWill("append");

        Result result = run("session edit " + id + " --edit");

        assertThat(result.status()).isEqualTo(Failure.CONFLICT);
        assertThat(result.error()).contains("signed and final");
        assertThat(editorCalls()).isZero();
        assertThat(row(id)).isEqualTo(before);
    }

    @Test
    void anUnknownSessionIsNotFoundBeforeTheEditorOpens() {
        editorWill("append");

        assertThat(run("session edit 999 --edit").status()).isEqualTo(Failure.NOT_FOUND);
        assertThat(editorCalls()).isZero();
    }

    // ---------------------------------------------------------------- session edit with no options

    @Test
    void sessionEditWithNoOptionsOpensTheDraftInTheInteractiveShell() throws IOException {
        practitioner();
        long id = session(client(), "--duration 40 --subjective \"Original S\"");
        editorWill("append");

        Result result = run("session edit " + id, INTERACTIVE);

        assertThat(result.expectOk()).isEqualTo("Updated draft session " + id);
        assertThat(editorCalls()).isOne();
        assertThat(seen()).contains("# Draft note of session " + id).contains("--- Subjective ---\nOriginal S");
        assertThat(row(id)).containsEntry("subjective", "Original S\n\n" + APPENDED)
                .containsEntry("duration_minutes", 40);
    }

    @Test
    void sessionEditWithNoOptionsSavedUnchangedOrEmptyChangesNothing() {
        practitioner();
        long id = session(client(), "--subjective \"Original S\"");
        Map<String, Object> before = row(id);

        for (String mode : List.of("unchanged", "empty")) {
            editorWill(mode);

            Result result = run("session edit " + id, INTERACTIVE);

            assertThat(result.status()).as(mode).isEqualTo(Failure.USAGE);
            assertThat(result.error()).as(mode).isEqualTo("Cancelled: the SOAP note was saved " + mode
                    + ", so nothing was changed");
            assertThat(row(id)).as(mode).isEqualTo(before);
        }
        assertThat(editorCalls()).isEqualTo(2);
    }

    @Test
    void sessionEditWithNoOptionsInOneShotModeSaysHowInsteadOfWaitingForAnEditor() {
        practitioner();
        long id = session(client(), "--subjective \"Original S\"");
        Map<String, Object> before = row(id);
        editorWill("append");

        Result result = run("session edit " + id);

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).contains("Nothing to change").contains("--edit");
        assertThat(editorCalls()).isZero();
        assertThat(row(id)).isEqualTo(before);
    }

    @Test
    void theEditorShowsTheDraftWithTheBlanksTheMeasuresGivenFill() throws IOException {
        practitioner();
        long id = session(client(), "--template nocturnal-calf-cramps");
        editorWill("append");

        run("session edit " + id + " --edit --pain-before 5").expectOk();

        assertThat(seen()).contains("Pain before 5/10, after __/10.");
        assertThat((String) row(id).get("assessment")).contains("Pain before 5/10, after __/10.");
        assertThat(row(id)).containsEntry("pain_before", 5);
    }

    // ---------------------------------------------------------------- session amend in the editor

    @Test
    void sessionAmendWithoutTextOpensTheEditorUnderTheSignedNote() throws IOException {
        practitioner();
        long id = session(client(), "--subjective \"Original S\" --plan \"Original P\"");
        run("session sign " + id).expectOk();
        editorWill("replace", "# my comment\nClient phoned: no bruising.\n\nCramp free since.\n");

        Result result = run("session amend " + id, INTERACTIVE);

        assertThat(result.expectOk()).isEqualTo("Added addendum 1 to session " + id);
        assertThat(seen()).contains("# Addendum to signed session " + id).contains("#   Original S")
                .contains("#   Original P");
        assertThat(seen().lines().filter(line -> !line.startsWith("#") && !line.isBlank())).isEmpty();
        assertThat(addenda(id)).containsExactly("Client phoned: no bruising.\n\nCramp free since.");
    }

    @Test
    void sessionAmendEditStartsFromTheTextGiven() throws IOException {
        practitioner();
        long id = session(client(), "--subjective \"Original S\"");
        run("session sign " + id).expectOk();
        editorWill("unchanged");

        run("session amend " + id + " --edit --text \"Late entry.\"").expectOk();

        assertThat(seen()).startsWith("Late entry.\n\n# Addendum to signed session " + id);
        assertThat(addenda(id)).containsExactly("Late entry.");
    }

    @Test
    void anAddendumSavedEmptyIsCancelled() {
        practitioner();
        long id = session(client(), "--subjective \"Original S\"");
        run("session sign " + id).expectOk();

        for (String mode : List.of("empty", "unchanged")) {
            editorWill(mode);

            Result result = run("session amend " + id, INTERACTIVE);

            assertThat(result.status()).as(mode).isEqualTo(Failure.USAGE);
            assertThat(result.error()).as(mode).isEqualTo("Cancelled: the addendum was saved empty, so nothing was stored");
        }
        assertThat(editorCalls()).isEqualTo(2);
        assertThat(addenda(id)).isEmpty();
    }

    @Test
    void sessionAmendWithoutTextInOneShotModeNamesTheOption() {
        practitioner();
        long id = session(client(), "--subjective \"Original S\"");
        run("session sign " + id).expectOk();
        editorWill("append");

        Result result = run("session amend " + id);

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).startsWith("--text:").contains("--edit");
        assertThat(editorCalls()).isZero();
        assertThat(addenda(id)).isEmpty();
    }

    @Test
    void aDraftIsRefusedBeforeTheAddendumEditorOpens() {
        practitioner();
        long id = session(client(), "--subjective \"Original S\"");
        editorWill("append");

        Result result = run("session amend " + id, INTERACTIVE);

        assertThat(result.status()).isEqualTo(Failure.CONFLICT);
        assertThat(result.error()).contains("is a draft");
        assertThat(editorCalls()).isZero();
        assertThat(addenda(id)).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private static void editorWill(String mode) {
        write(EDITOR_DIR.resolve("mode"), mode);
    }

    private static void editorWill(String mode, String replacement) {
        write(EDITOR_DIR.resolve("replacement.txt"), replacement);
        editorWill(mode);
    }

    private static int editorCalls() {
        Path calls = EDITOR_DIR.resolve("calls");
        try {
            return Files.exists(calls) ? (int) Files.readAllLines(calls).stream().filter(l -> !l.isBlank()).count() : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file as the editor was given it. */
    private static String seen() throws IOException {
        return Files.readString(EDITOR_DIR.resolve("seen.txt"), StandardCharsets.UTF_8);
    }

    private SoapTemplates.SoapTemplate template(String name) {
        return templateFiles.read("soap/" + name + ".yaml", SoapTemplates.SoapTemplate.class);
    }

    private void practitioner() {
        run("practitioner add --name \"Sam Jones\" --credentials RMT").expectOk();
    }

    private long client() {
        return Long.parseLong(run("client add --first-name Ann --last-name Lee").expectOk());
    }

    private long session(long client, String options) {
        return lastLineId(run("session new --client " + client + " " + options));
    }

    private static long lastLineId(Result result) {
        List<String> lines = result.expectOk().lines().toList();
        return Long.parseLong(lines.get(lines.size() - 1));
    }

    private Map<String, Object> row(long id) {
        return jdbc.sql("SELECT * FROM session WHERE id = ?").param(id).query().singleRow();
    }

    private List<String> modalities(long id) {
        return jdbc.sql("SELECT modality FROM session_modality WHERE session_id = ? ORDER BY position").param(id)
                .query(String.class).list();
    }

    private List<String> addenda(long id) {
        return jdbc.sql("SELECT text FROM addendum WHERE session_id = ? ORDER BY id").param(id).query(String.class).list();
    }

    private List<String> areas(long id) {
        return jdbc.sql("SELECT site FROM session_area WHERE session_id = ? ORDER BY position").param(id)
                .query(String.class).list();
    }

    private Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Integer.class).single());
        }
        return counts;
    }

    private void assertNothingStored() {
        assertThat(counts()).allSatisfy((table, count) -> assertThat(count).as(table).isZero());
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // Only a leftover temp folder.
        }
    }
}
