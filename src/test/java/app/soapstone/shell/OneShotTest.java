package app.soapstone.shell;

import app.soapstone.support.SoapstoneTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** One command, or a script of them, run without the interactive shell: stdout, stderr and exit status. */
@Tag(SoapstoneTest.POSTGRESQL)
class OneShotTest extends SoapstoneTest {

    @TempDir
    Path dir;

    @Autowired
    private UserHome home;

    private ByteArrayOutputStream stdout;
    private ByteArrayOutputStream stderr;
    private OneShot oneShot;

    @BeforeEach
    void oneShot() {
        stdout = new ByteArrayOutputStream();
        stderr = new ByteArrayOutputStream();
        // Deliberately not UTF-8 on the PrintStream side: OneShot must encode UTF-8 itself.
        oneShot = new OneShot(runner, home, new PrintStream(stdout, true, StandardCharsets.ISO_8859_1),
                new PrintStream(stderr, true, StandardCharsets.ISO_8859_1));
    }

    // ---------------------------------------------------------------- runCommand

    @Test
    void commandResultGoesToStdout() {
        int status = oneShot.runCommand(List.of("client", "add", "--first-name", "Zoë", "--last-name", "Łukasiewicz"));

        assertThat(status).isEqualTo(Failure.OK);
        assertThat(stderr()).isEmpty();
        String id = stdout().strip();
        assertThat(id).matches("\\d+");
        assertThat(jdbc.sql("SELECT first_name || ' ' || last_name FROM client WHERE id = ?").param(Long.parseLong(id))
                .query(String.class).single()).isEqualTo("Zoë Łukasiewicz");

        stdout.reset();
        assertThat(oneShot.runCommand(List.of("client", "list"))).isEqualTo(Failure.OK);
        assertThat(stdout()).contains("Łukasiewicz, Zoë");
    }

    @Test
    void commandErrorGoesToStderrWithItsStatus() {
        int status = oneShot.runCommand(List.of("client", "show", "999"));

        assertThat(status).isEqualTo(Failure.NOT_FOUND);
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).isEqualTo("Error: No client with id 999" + System.lineSeparator());
    }

    @Test
    void usageErrorsReturnStatusTwo() {
        int unknown = oneShot.runCommand(List.of("cleint", "list"));
        String unknownError = stderr();
        stderr.reset();
        int badDate = oneShot.runCommand(List.of("client", "add", "--first-name", "Ann", "--last-name", "Lee",
                "--dob", "2026-02-30"));

        assertThat(unknown).isEqualTo(Failure.USAGE);
        assertThat(unknownError).startsWith("Error: Unknown command 'cleint list'").contains("Did you mean 'client list'");
        assertThat(badDate).isEqualTo(Failure.USAGE);
        assertThat(stderr().strip()).isEqualTo("Error: --dob: 2026-02-30 is not a valid date (use YYYY-MM-DD)");
        assertThat(stdout()).isEmpty();
        assertThat(clientCount()).isZero();
    }

    @Test
    void wordsWithSpacesAndApostrophesAreKept() {
        int status = oneShot.runCommand(List.of("client", "add", "--first-name", "Mary Ann", "--last-name", "O'Neil"));

        assertThat(status).isEqualTo(Failure.OK);
        assertThat(names()).containsExactly("Mary Ann O'Neil");
    }

    @Test
    void dashHAndDashDashHelpPrintTheOverviewThatHelpPrints() {
        assertThat(oneShot.runCommand(List.of("help"))).isEqualTo(Failure.OK);
        String overview = stdout();
        assertThat(overview).contains("client add", "help", "version");

        for (String option : List.of("-h", "--help")) {
            stdout.reset();
            assertThat(oneShot.runCommand(List.of(option))).as(option).isEqualTo(Failure.OK);
            assertThat(stdout()).as(option).isEqualTo(overview);
            assertThat(stderr()).as(option).isEmpty();
        }
        stdout.reset();
        assertThat(oneShot.runCommand(List.of("--help", "client", "add"))).isEqualTo(Failure.OK);
        assertThat(stdout()).contains("--first-name");
    }

    @Test
    void dashDashVersionAndVersionPrintTheBuildsVersion() {
        String expected = "Soapstone " + pomVersion() + System.lineSeparator();
        for (String word : List.of("--version", "version")) {
            stdout.reset();
            assertThat(oneShot.runCommand(List.of(word))).as(word).isEqualTo(Failure.OK);
            assertThat(stdout()).as(word).isEqualTo(expected);
            assertThat(stderr()).as(word).isEmpty();
        }
    }

    // ---------------------------------------------------------------- runScript

    @Test
    void scriptRunsEveryLineSkippingBlanksAndComments() throws IOException {
        Path script = script("""
                // Set up the clinic
                clinic set --name "Bondi Body Works" --address "12 Beach Rd, Bondi" --phone "02 9130 1234"

                practitioner add --name "Alex Chen" --credentials RMT
                   // an indented comment
                client add --first-name "Mary Ann" --last-name "O'Brien" --phone "0412 345 678"
                client add --first-name 'Jean "JJ"' --last-name Lee
                \t
                client list
                """);

        int status = oneShot.runScript(script.toString());

        assertThat(status).isEqualTo(Failure.OK);
        assertThat(stderr()).isEmpty();
        assertThat(names()).containsExactlyInAnyOrder("Mary Ann O'Brien", "Jean \"JJ\" Lee");
        assertThat(jdbc.sql("SELECT name FROM clinic").query(String.class).single()).isEqualTo("Bondi Body Works");
        assertThat(jdbc.sql("SELECT name FROM practitioner").query(String.class).single()).isEqualTo("Alex Chen");
        assertThat(stdout()).contains("O'Brien, Mary Ann").contains("Lee, Jean \"JJ\"");
    }

    @Test
    void hashLinesAreCommentsToo() throws IOException {
        Path script = script("""
                #!/usr/bin/env soapstone
                # Monday's new clients
                client add --first-name Ann --last-name Lee
                    # an indented comment: client add --first-name Not --last-name Run
                #client add --first-name Not --last-name Run
                client add --first-name Bo --last-name "#1 Kim"
                """);

        int status = oneShot.runScript(script.toString());

        assertThat(status).isEqualTo(Failure.OK);
        assertThat(stderr()).isEmpty();
        assertThat(names()).containsExactly("Ann Lee", "Bo #1 Kim");
    }

    @Test
    void scriptInTheHomeFolderIsFoundByTilde() throws IOException {
        Path folder = Files.createDirectories(DATA_DIR.resolve("home").resolve("scripts"));
        Files.writeString(folder.resolve("day.txt"), "client add --first-name Ann --last-name Lee\n");

        int status = oneShot.runScript("~/scripts/day.txt");

        assertThat(status).as(stderr()).isEqualTo(Failure.OK);
        assertThat(names()).containsExactly("Ann Lee");
    }

    @Test
    void scriptStopsAtTheFirstFailingLineAndReportsItsNumber() throws IOException {
        Path script = script("""
                client add --first-name Ann --last-name Lee
                // the next line fails

                client show 999
                client add --first-name Bob --last-name Brown
                clinic set --name Never --address Run --phone 0291301234
                """);

        int status = oneShot.runScript(script.toString());

        assertThat(status).isEqualTo(Failure.NOT_FOUND);
        assertThat(names()).containsExactly("Ann Lee");
        assertThat(jdbc.sql("SELECT count(*) FROM clinic").query(Integer.class).single()).isZero();
        List<String> errors = stderr().lines().toList();
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).isEqualTo("Error: No client with id 999");
        assertThat(errors.get(1)).startsWith(script + ":4:").contains("stopped");
    }

    @Test
    void scriptWithABadOptionStopsWithAUsageStatus() throws IOException {
        Path script = script("""
                client add --first-name Ann --last-name Lee
                client add --frist-name Bob --last-name Brown
                client add --first-name Cat --last-name Cole
                """);

        int status = oneShot.runScript(script.toString());

        assertThat(status).isEqualTo(Failure.USAGE);
        assertThat(names()).containsExactly("Ann Lee");
        assertThat(stderr()).contains("--frist-name").contains(script + ":2:");
    }

    @Test
    void scriptLineWithAnUnclosedQuoteStopsTheScript() throws IOException {
        Path script = script("""
                client add --first-name "Ann --last-name Lee
                client add --first-name Bob --last-name Brown
                """);

        int status = oneShot.runScript(script.toString());

        assertThat(status).isEqualTo(Failure.USAGE);
        assertThat(clientCount()).isZero();
        assertThat(stderr()).containsIgnoringCase("quote").contains(script + ":1:");
    }

    @Test
    void utf8NamesInAScriptSurvive() throws IOException {
        Path script = script("""
                client add --first-name Анна --last-name Петрова
                client add --first-name 小明 --last-name 王
                client add --first-name Zoë --last-name Łukasiewicz --preferred-name "Zoë ‘Z’"
                client search анна
                """);

        int status = oneShot.runScript(script.toString());

        assertThat(status).isEqualTo(Failure.OK);
        assertThat(names()).containsExactlyInAnyOrder("Анна Петрова", "小明 王", "Zoë Łukasiewicz");
        assertThat(jdbc.sql("SELECT preferred_name FROM client WHERE last_name = 'Łukasiewicz'").query(String.class)
                .single()).isEqualTo("Zoë ‘Z’");
        assertThat(stdout()).contains("Петрова, Анна");
    }

    @Test
    void scriptWithAByteOrderMarkAndWindowsLineEndingsRuns() throws IOException {
        Path script = dir.resolve("windows.soap");
        Files.writeString(script, "\uFEFFclient add --first-name Zoë --last-name Lee\r\n"
                + "// comment\r\n\r\nclient add --first-name \"Mary Ann\" --last-name Brown\r\n", StandardCharsets.UTF_8);

        int status = oneShot.runScript(script.toString());

        assertThat(status).isEqualTo(Failure.OK);
        assertThat(stderr()).isEmpty();
        assertThat(names()).containsExactlyInAnyOrder("Zoë Lee", "Mary Ann Brown");
    }

    @Test
    void emptyScriptSucceedsAndDoesNothing() throws IOException {
        Path script = script("// nothing to do yet\n\n");

        assertThat(oneShot.runScript(script.toString())).isEqualTo(Failure.OK);
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).isEmpty();
    }

    @Test
    void missingScriptIsAUsageErrorNamingTheFile() {
        Path missing = dir.resolve("no-such-script.soap");

        int status = oneShot.runScript(missing.toString());

        assertThat(status).isEqualTo(Failure.USAGE);
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).startsWith("Error: ").contains(missing.toString()).contains("does not exist");
    }

    @Test
    void scriptThatIsNotUtf8IsRefusedBeforeRunningAnything() throws IOException {
        Path script = dir.resolve("latin1.soap");
        Files.write(script, "client add --first-name Zo\u00eb --last-name Lee\n".getBytes(StandardCharsets.ISO_8859_1));

        int status = oneShot.runScript(script.toString());

        assertThat(status).isEqualTo(Failure.USAGE);
        assertThat(stderr()).startsWith("Error: ").contains("UTF-8");
        assertThat(clientCount()).isZero();
    }

    // ---------------------------------------------------------------- helpers

    private Path script(String text) throws IOException {
        Path script = dir.resolve("script.soap");
        Files.writeString(script, text, StandardCharsets.UTF_8);
        return script;
    }

    /** The project's version as the pom gives it, which the build must pass on to {@code --version}. */
    private static String pomVersion() {
        try {
            Matcher version = Pattern.compile("</parent>.*?<version>([^<]+)</version>", Pattern.DOTALL)
                    .matcher(Files.readString(Path.of("pom.xml")));
            assertThat(version.find()).isTrue();
            return version.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String stdout() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    private List<String> names() {
        return jdbc.sql("SELECT first_name || ' ' || last_name FROM client ORDER BY id").query(String.class).list();
    }

    private int clientCount() {
        return jdbc.sql("SELECT count(*) FROM client").query(Integer.class).single();
    }

    @Test
    void refusesWordsTheJvmCouldNotDecodeInsteadOfRunningTheCommand() {
        // "Zo\uFFFD\uFFFD" is "Zoë" as the JVM reads it under LANG=C.
        int status = oneShot.runCommand(List.of("client", "add", "--first-name", "Zo\uFFFD\uFFFD", "--last-name", "Lee"));

        assertThat(status).isEqualTo(Failure.USAGE);
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).startsWith("Error: the command line holds characters that could not be read")
                .contains("LANG=C.UTF-8");
        assertThat(jdbc.sql("SELECT count(*) FROM client").query(Integer.class).single()).isZero();
    }
}
