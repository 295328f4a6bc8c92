package app.soapstone;

import app.soapstone.support.SoapstoneProcesses;
import app.soapstone.support.SoapstoneProcesses.Run;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static app.soapstone.support.SoapstoneProcesses.LOG_LINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * End-to-end: runs the packaged jar ({@code target/soapstone.jar}, built by {@code package}) as a
 * separate process, the way a therapist or a script runs it, and checks stdout, stderr, the exit
 * status and what ended up in the SQLite file. Every process gets its own database in a temp
 * folder and a HOME there too, so nothing touches the real home; stdin is empty.
 */
class OneShotIT {

    private static final long TIMEOUT_SECONDS = 60;

    private static final Pattern ID_LINE = Pattern.compile("\\d+\\R");

    private static Path jar;

    @TempDir
    Path temp;

    private SoapstoneProcesses processes;

    @BeforeAll
    static void locateJarAndJava() {
        jar = SoapstoneProcesses.packagedJar();
        // Non-ASCII arguments reach the child only if this JVM encodes them as UTF-8 (see the failsafe config).
        assertThat(System.getProperty("sun.jnu.encoding", "UTF-8"))
                .as("the test JVM must run in a UTF-8 locale to pass names like Zoë as arguments")
                .isEqualToIgnoringCase("UTF-8");
    }

    @BeforeEach
    void processesInTheTempFolder() {
        processes = new SoapstoneProcesses(temp, TIMEOUT_SECONDS);
    }

    @Test
    void addsListsAndFindsClientsAndStoresNamesExactly() throws Exception {
        Path db = temp.resolve("data").resolve("not-yet").resolve("soapstone.db");
        assertThat(db.getParent()).doesNotExist();

        Run zoe = soapstone(db, "client", "add", "--first-name", "Zoë", "--last-name", "Łukasiewicz",
                "--dob", "1958-03-14", "--phone", "+61 412 345 678");
        assertThat(zoe.status()).as(zoe.describe()).isZero();
        assertThat(zoe.out()).as("only the id").matches(ID_LINE);
        assertThat(zoe.err()).isEmpty();

        // The missing folder was created on first use, owner-only, with the log beside the database.
        assertThat(db.getParent()).isDirectory();
        assertThat(db).isRegularFile();
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db.getParent())))
                    .isEqualTo("rwx------");
        }
        Path log = db.resolveSibling("soapstone.log");
        assertThat(log).isRegularFile();
        assertThat(Files.size(log)).as("logging goes to the file instead of the console").isPositive();

        String robertFirst = "Robert'); DROP TABLE client;--";
        String robertLast = "O\"Neil";
        Run robert = soapstone(db, "client", "add", "--first-name", robertFirst, "--last-name", robertLast);
        assertThat(robert.status()).as(robert.describe()).isZero();
        assertThat(robert.out()).matches(ID_LINE);
        assertThat(robert.err()).isEmpty();

        Run anna = soapstone(db, "client", "add", "--first-name", "Анна", "--last-name", "Ковалёва");
        assertThat(anna.status()).as(anna.describe()).isZero();
        assertThat(anna.out()).matches(ID_LINE);
        assertThat(anna.err()).isEmpty();

        Run list = soapstone(db, "client", "list");
        assertThat(list.status()).as(list.describe()).isZero();
        assertThat(list.err()).isEmpty();
        assertThat(list.out()).contains("Łukasiewicz, Zoë", "1958-03-14", "+61 412 345 678",
                robertLast + ", " + robertFirst, "Ковалёва, Анна");

        Run search = soapstone(db, "client", "search", "zoe");
        assertThat(search.status()).as(search.describe()).isZero();
        assertThat(search.err()).isEmpty();
        assertThat(search.out()).contains("Łukasiewicz, Zoë").doesNotContain("Ковалёва").doesNotContain("Robert");

        try (Connection connection = open(db)) {
            List<List<String>> clients = rows(connection, """
                    SELECT id, hex(first_name), hex(last_name), date_of_birth, typeof(date_of_birth), phone
                    FROM client ORDER BY id""");
            assertThat(clients).containsExactly(
                    List.of(zoe.out().strip(), hex("Zoë"), hex("Łukasiewicz"), "1958-03-14", "text", "+61 412 345 678"),
                    List.of(robert.out().strip(), hex(robertFirst), hex(robertLast), "null", "null", "null"),
                    List.of(anna.out().strip(), hex("Анна"), hex("Ковалёва"), "null", "null", "null"));
            assertThat(rows(connection, "SELECT version, success FROM flyway_schema_history WHERE version = '001'"))
                    .containsExactly(List.of("001", "1"));
        }
    }

    @Test
    void reportsErrorsOnStderrWithTheirExitStatus() throws Exception {
        Path db = temp.resolve("errors").resolve("soapstone.db");

        Run unknownCommand = soapstone(db, "frobnicate", "--now");
        assertThat(unknownCommand.status()).as(unknownCommand.describe()).isEqualTo(2);
        assertThat(unknownCommand.out()).isEmpty();
        assertThat(unknownCommand.errorLine()).contains("Unknown command 'frobnicate'");

        Run badDate = soapstone(db, "client", "add", "--first-name", "Ann", "--last-name", "Lee", "--dob", "2026-02-30");
        assertThat(badDate.status()).as(badDate.describe()).isEqualTo(2);
        assertThat(badDate.out()).isEmpty();
        assertThat(badDate.errorLine()).contains("--dob: 2026-02-30 is not a valid date (use YYYY-MM-DD)");

        Run missing = soapstone(db, "client", "show", "999");
        assertThat(missing.status()).as(missing.describe()).isEqualTo(3);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.errorLine()).contains("No client with id 999");

        Run unknownOption = soapstone(db, "client", "add", "--first-name", "Ann", "--last-name", "Lee", "--colour", "red");
        assertThat(unknownOption.status()).as(unknownOption.describe()).isEqualTo(2);
        assertThat(unknownOption.out()).isEmpty();
        assertThat(unknownOption.errorLine()).contains("unknown option --colour");

        try (Connection connection = open(db)) {
            assertThat(rows(connection, "SELECT count(*) FROM client")).containsExactly(List.of("0"));
        }
    }

    @Test
    void runsAScriptLineByLineAndStopsAtTheFirstFailure() throws Exception {
        Path db = temp.resolve("script").resolve("soapstone.db");
        // A byte-order mark, as Windows editors write, comments, blank lines and quoted values.
        Files.writeString(temp.resolve("day.txt"), """
                \uFEFF// Monday's new clients

                client add --first-name "Mary Ann" --last-name "O'Brien" --dob 1970-01-02
                    // an indented comment
                client add --first-name 'Jean-Luc' --last-name "d'Artagnan \\"le Grand\\"" --phone "+33 1 23 45 67 89"

                client search "mary ann"
                """, StandardCharsets.UTF_8);

        Run day = soapstone(db, "@day.txt");
        assertThat(day.status()).as(day.describe()).isZero();
        assertThat(day.err()).isEmpty();
        List<String> lines = day.out().lines().toList();
        assertThat(lines).hasSizeGreaterThan(2);
        assertThat(lines.get(0)).matches("\\d+");
        assertThat(lines.get(1)).matches("\\d+");
        assertThat(day.out()).contains("O'Brien, Mary Ann").doesNotContain("Jean-Luc");

        Files.writeString(temp.resolve("tuesday.txt"), """
                // Tuesday
                client add --first-name Third --last-name Client

                client add --first-name Fourth --last-name Client --dob 2026-02-30
                client add --first-name Fifth --last-name Client
                """, StandardCharsets.UTF_8);

        Run tuesday = soapstone(db, "@tuesday.txt");
        assertThat(tuesday.status()).as(tuesday.describe()).isEqualTo(2);
        assertThat(tuesday.out()).as("only the first command's id").matches(ID_LINE);
        assertThat(tuesday.err()).contains("--dob: 2026-02-30 is not a valid date (use YYYY-MM-DD)")
                .contains("tuesday.txt:4");

        try (Connection connection = open(db)) {
            assertThat(rows(connection, "SELECT first_name, last_name, date_of_birth, phone FROM client ORDER BY id"))
                    .containsExactly(
                            List.of("Mary Ann", "O'Brien", "1970-01-02", "null"),
                            List.of("Jean-Luc", "d'Artagnan \"le Grand\"", "null", "+33 1 23 45 67 89"),
                            List.of("Third", "Client", "null", "null"));
        }
    }

    @Test
    void refusesATextFileAndLeavesItUntouched() throws Exception {
        Path notes = temp.resolve("notes.txt");
        Files.writeString(notes, "Appointments\nMon 09:00 Zoë Łukasiewicz\n", StandardCharsets.UTF_8);
        String before = sha256(notes);

        Run run = soapstone(notes, "client", "list");
        assertThat(run.status()).as(run.describe()).isEqualTo(5);
        assertThat(run.out()).isEmpty();
        assertThat(run.errorLine()).contains(notes.toString()).contains("is not a SQLite database")
                .contains("left untouched");
        assertThat(sha256(notes)).isEqualTo(before);
        assertThat(notes.resolveSibling("notes.txt-wal")).doesNotExist();
        assertThat(notes.resolveSibling("notes.txt-shm")).doesNotExist();
        assertThat(notes.resolveSibling("notes.txt-journal")).doesNotExist();
    }

    @Test
    void refusesADatabaseWrittenByANewerVersionAndLeavesItUntouched() throws Exception {
        Path db = temp.resolve("newer").resolve("soapstone.db");
        Run create = soapstone(db, "client", "add", "--first-name", "Zoë", "--last-name", "Łukasiewicz");
        assertThat(create.status()).as(create.describe()).isZero();

        try (Connection connection = open(db);
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,
                         checksum, installed_by, execution_time, success)
                     VALUES ((SELECT max(installed_rank) + 1 FROM flyway_schema_history), '999', 'from the future',
                         'SQL', 'V999__from_the_future.sql', 1, 'soapstone', 1, 1)""")) {
            assertThat(insert.executeUpdate()).isOne();
        }
        String before = sha256(db);

        Run run = soapstone(db, "client", "list");
        assertThat(run.status()).as(run.describe()).isEqualTo(5);
        assertThat(run.out()).isEmpty();
        assertThat(run.errorLine()).contains("newer version").contains("999").contains("left untouched");
        assertThat(sha256(db)).isEqualTo(before);
    }

    /**
     * Under LANG=C the JVM decodes the UTF-8 bytes of "Zoë" as "Zo\uFFFD\uFFFD"; storing that
     * would silently mangle the name in the client's record.
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void refusesArgumentsItCannotReadRatherThanStoringThemMangled() throws Exception {
        Path db = temp.resolve("c-locale").resolve("soapstone.db");

        Run run = soapstone(db, Map.of("LC_ALL", "C", "LANG", "C"),
                "client", "add", "--first-name", "Zoë", "--last-name", "Łukasiewicz");
        assertThat(run.status()).as(run.describe()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errorLine()).contains("could not be read").contains("UTF-8");

        try (Connection connection = open(db)) {
            assertThat(rows(connection, "SELECT count(*) FROM client")).containsExactly(List.of("0"));
        }
    }

    @Test
    void recordsAnIntakeAndShowsItsScreening() throws Exception {
        Path db = temp.resolve("intake").resolve("soapstone.db");
        String today = LocalDate.now().toString();

        Run client = soapstone(db, "client", "add", "--first-name", "Zoë", "--last-name", "Łukasiewicz");
        assertThat(client.status()).as(client.describe()).isZero();
        String id = client.out().strip();

        Run intake = soapstone(db, "intake", "new", "--client", id, "--cramp-frequency", "2",
                "--cramp-frequency-unit", "night", "--cramp-sites", "calf-left,calf-right", "--cramp-severity", "7",
                "--medications", "Lipitor 20 mg daily; Eliquis 5mg bd", "--red-flags", "one-sided-calf-swelling",
                "--consent-date", today, "--consent-by", "Zoë Łukasiewicz", "--consent-explained", "all");
        assertThat(intake.status()).as(intake.describe()).isZero();
        assertThat(intake.err()).isEmpty();
        assertThat(intake.out()).contains("Recorded intake version 1 for client " + id)
                .contains("!! Urgent referral")
                .contains("\nREFER\n").contains("Possible DVT - one-sided calf swelling [urgent]")
                .contains("\nNOTE\n").contains("Statin: Lipitor 20 mg daily (atorvastatin)").contains("prescriber");
        assertThat(intake.out().indexOf("\nREFER\n")).isLessThan(intake.out().indexOf("\nPRECAUTION\n"));
        assertThat(intake.out().indexOf("\nPRECAUTION\n")).isLessThan(intake.out().indexOf("\nNOTE\n"));
        assertThat(intake.out().indexOf("Statin:")).isGreaterThan(intake.out().indexOf("\nNOTE\n"));

        Run badSeverity = soapstone(db, "intake", "new", "--client", id, "--cramp-frequency", "3",
                "--cramp-sites", "calf-left", "--cramp-severity", "11", "--consent-date", today, "--consent-by", "Zoë");
        assertThat(badSeverity.status()).as(badSeverity.describe()).isEqualTo(2);
        assertThat(badSeverity.out()).isEmpty();
        assertThat(badSeverity.errorLine()).contains("--cramp-severity: 11 is out of range (use 0-10)");

        Run screening = soapstone(db, "screening", "show", "--client", id);
        assertThat(screening.status()).as(screening.describe()).isZero();
        assertThat(screening.err()).isEmpty();
        assertThat(screening.out()).startsWith("Screening of intake v1 (" + today + ")")
                .contains("Possible DVT - one-sided calf swelling [urgent]")
                .contains("from red flags: Swelling of one calf")
                .contains("Anticoagulant").contains("Eliquis 5mg bd (apixaban)")
                .contains("from medications: Lipitor 20 mg daily (atorvastatin)");

        try (Connection connection = open(db)) {
            assertThat(rows(connection, """
                    SELECT client_id, version, taken_on, cramp_frequency_per_week, cramp_frequency_given,
                        cramp_severity, consent_date, hex(consent_given_by)
                    FROM intake""")).containsExactly(
                    List.of(id, "1", today, "14.0", "2 per night", "7", today, hex("Zoë Łukasiewicz")));
            assertThat(rows(connection, "SELECT site FROM intake_site ORDER BY position"))
                    .containsExactly(List.of("calf-left"), List.of("calf-right"));
            assertThat(rows(connection, "SELECT name, dose, frequency FROM intake_medication ORDER BY position"))
                    .containsExactly(List.of("Lipitor", "20 mg", "daily"), List.of("Eliquis", "5mg", "bd"));
            assertThat(rows(connection, "SELECT red_flag FROM intake_red_flag"))
                    .containsExactly(List.of("one-sided-calf-swelling"));
            assertThat(rows(connection, "SELECT count(*) FROM intake_consent_element")).containsExactly(List.of("6"));
            assertThat(rows(connection, "SELECT version, success FROM flyway_schema_history WHERE version = '002'"))
                    .containsExactly(List.of("002", "1"));
        }
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void recordsSignsAndAmendsASessionNoteThatThenStaysFinal() throws Exception {
        Path db = temp.resolve("sessions").resolve("soapstone.db");
        Files.writeString(temp.resolve("setup.txt"), """
                practitioner add --name "Sam Jones" --credentials RMT
                client add --first-name Zoë --last-name Łukasiewicz
                """, StandardCharsets.UTF_8);
        Run setup = soapstone(db, "@setup.txt");
        assertThat(setup.status()).as(setup.describe()).isZero();
        assertThat(setup.out()).as("two ids").matches("\\d+\\R\\d+\\R");
        String practitioner = setup.out().lines().toList().get(0);
        String client = setup.out().lines().toList().get(1);

        Run recorded = soapstone(db, "session", "new", "--client", client, "--duration", "50",
                "--modalities", "effleurage,trigger-point", "--areas", "calf-left", "--pain-before", "6",
                "--pain-after", "2", "--subjective", "Night cramps twice this week.\nWorst 7/10.",
                "--objective", "Left calf tight.", "--assessment", "Good response.", "--plan", "Stretch nightly.");
        assertThat(recorded.status()).as(recorded.describe()).isZero();
        assertThat(recorded.err()).isEmpty();
        List<String> lines = recorded.out().lines().toList();
        String id = lines.get(lines.size() - 1);
        assertThat(id).as("the session id, last").matches("\\d+");
        assertThat(recorded.out()).contains("no intake on file");

        Files.writeString(temp.resolve("sign.txt"), """
                session sign %1$s
                session amend %1$s --text "Client phoned: cramp free since the session."
                session show %1$s
                """.formatted(id), StandardCharsets.UTF_8);
        Run signed = soapstone(db, "@sign.txt");
        assertThat(signed.status()).as(signed.describe()).isZero();
        assertThat(signed.err()).isEmpty();
        assertThat(signed.out()).contains("Signed session " + id + " at ").contains("Added addendum ")
                .contains(id + " (signed)").contains("Zoë Łukasiewicz (" + client + ")")
                .contains("Subjective\n  Night cramps twice this week.\n  Worst 7/10.")
                .contains("Signed by Sam Jones, RMT on ")
                .contains("Addendum 1, ").contains("Client phoned: cramp free since the session.")
                .doesNotContain("DRAFT");
        assertThat(signed.out().indexOf("Addendum 1, ")).isGreaterThan(signed.out().indexOf("Signed by Sam Jones"));

        Run edit = soapstone(db, "session", "edit", id, "--plan", "Changed");
        assertThat(edit.status()).as(edit.describe()).isEqualTo(4);
        assertThat(edit.out()).isEmpty();
        assertThat(edit.errorLine()).contains("Session " + id + " is signed and final");

        try (Connection connection = open(db)) {
            List<List<String>> row = rows(connection, "SELECT signed_at IS NOT NULL, signed_by, plan, subjective"
                    + " FROM session WHERE id = " + id);
            assertThat(row).containsExactly(List.of("1", practitioner, "Stretch nightly.", "Night cramps twice this week.\nWorst 7/10."));
            assertThat(rows(connection, "SELECT signed_at FROM session").get(0).get(0))
                    .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
            assertThat(rows(connection, "SELECT modality FROM session_modality ORDER BY position"))
                    .containsExactly(List.of("effleurage"), List.of("trigger-point"));
            assertThat(rows(connection, "SELECT session_id, text FROM addendum"))
                    .containsExactly(List.of(id, "Client phoned: cramp free since the session."));
            try (Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.executeUpdate("UPDATE session SET plan='x'"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("signed notes are final");
            }
            assertThat(rows(connection, "SELECT plan FROM session")).containsExactly(List.of("Stretch nightly."));
        }

        // The editor runs with the child's environment, like git commit: a fake one writes the note.
        Path seen = temp.resolve("seen.txt");
        Path editor = temp.resolve("fake-editor.sh");
        Files.writeString(editor, """
                #!/bin/sh
                cp "$1" '%s'
                cat > "$1" <<'NOTE'
                --- Subjective ---
                Written in the editor.
                --- Plan ---
                Review in 2 weeks.
                NOTE
                """.formatted(seen), StandardCharsets.UTF_8);
        assertThat(editor.toFile().setExecutable(true, true)).isTrue();

        Run written = soapstone(db, Map.of("EDITOR", editor.toString(), "VISUAL", ""),
                "session", "new", "--client", client, "--template", "nocturnal-calf-cramps", "--edit");
        assertThat(written.status()).as(written.describe()).isZero();
        assertThat(written.err()).isEmpty();
        List<String> writtenLines = written.out().lines().toList();
        String second = writtenLines.get(writtenLines.size() - 1);
        assertThat(second).matches("\\d+").isNotEqualTo(id);
        assertThat(Files.readString(seen, StandardCharsets.UTF_8)).contains("# SOAP note for Zoë Łukasiewicz")
                .contains("--- Objective ---\nCalf tone (L/R):")
                .contains("--- Plan ---\nStretch nightly.")
                .contains("Plan prefilled from the previous session (" + id + ")");
        try (Connection connection = open(db)) {
            assertThat(rows(connection, "SELECT subjective, objective, plan, template, signed_at FROM session"
                    + " WHERE id = " + second)).containsExactly(
                    List.of("Written in the editor.", "null", "Review in 2 weeks.", "nocturnal-calf-cramps", "null"));
        }
    }

    @Test
    void exportsACarePlanPdfThatReadsBackAndRefusesToOverwriteIt() throws Exception {
        Path db = temp.resolve("careplan").resolve("soapstone.db");
        Path plans = Files.createDirectories(temp.resolve("plans"));
        String today = LocalDate.now().toString();
        String id = practiceWithAClient(db, "Zoë", "Łukasiewicz");

        Run export = soapstone(db, "plan", "export", "--client", id, "--out", plans.toString());
        assertThat(export.status()).as(export.describe()).isZero();
        assertThat(export.err()).isEmpty();

        Path file = plans.resolve("Łukasiewicz-Zoë-care-plan-" + today + ".pdf");
        assertThat(file).isRegularFile();
        String sha256 = sha256(file);
        assertThat(export.out().strip()).startsWith("Adapted to the screening:\n")
                .contains("  GP line for numbness; no heat, cold or ball pressure on legs and feet that may not feel it:"
                        + " Numbness or tingling (intake v1)");
        assertThat(export.out().strip().lines().toList().getLast()).startsWith("Wrote " + file + " (").contains(sha256);
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("For Zoë Łukasiewicz").contains("Bondi Body Works")
                    .contains("Seated calf stretch with a towel").contains("Sole of the foot stretch")
                    .contains("Please see your GP about this");
            assertThat(text.replaceAll("\\s+", " ")).contains("You take Lipitor 20 mg daily.");
            assertThat(document.getNumberOfPages()).isBetween(1, 4);
            assertThat(document.getDocumentInformation().getTitle()).contains("Zoë Łukasiewicz");
            assertThat(document.getDocumentInformation().getAuthor()).isEqualTo("Sam Jones, RMT");
        }
        try (Connection connection = open(db)) {
            assertThat(rows(connection, "SELECT client_id, hex(file_name), sha256, paper FROM care_plan_export"))
                    .containsExactly(List.of(id, hex(file.toString()), sha256, "a4"));
        }

        Run again = soapstone(db, "plan", "export", "--client", id, "--out", plans.toString());
        assertThat(again.status()).as(again.describe()).isEqualTo(4);
        assertThat(again.out()).isEmpty();
        assertThat(again.errorLine()).contains(file.toString()).contains("already exists").contains("--force");
        assertThat(sha256(file)).isEqualTo(sha256);
        try (Stream<Path> files = Files.list(plans)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactly(file.getFileName().toString());
        }
        try (Connection connection = open(db)) {
            assertThat(rows(connection, "SELECT count(*) FROM care_plan_export")).containsExactly(List.of("1"));
        }

        Run show = soapstone(db, "client", "show", id);
        assertThat(show.status()).as(show.describe()).isZero();
        assertThat(show.out()).contains("Care plans given:").contains(file.toString());
    }

    /**
     * Under LANG=C the JVM cannot make a file name with "Łukasiewicz" in it; the plan is still
     * written, under a name it can make, with the name in full inside.
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void exportsACarePlanUnderACLocaleForANameTheFileSystemCannotTake() throws Exception {
        Path db = temp.resolve("careplan-c").resolve("soapstone.db");
        Path plans = Files.createDirectories(temp.resolve("plans-c"));
        String id = practiceWithAClient(db, "Zoë", "Łukasiewicz");

        Run export = soapstone(db, Map.of("LC_ALL", "C", "LANG", "C"), "plan", "export", "--client", id,
                "--out", plans.toString());
        assertThat(export.status()).as(export.describe()).isZero();
        assertThat(export.err()).isEmpty();

        Path file = plans.resolve("client-" + id + "-care-plan-" + LocalDate.now() + ".pdf");
        assertThat(file).isRegularFile();
        try (Stream<Path> files = Files.list(plans)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactly(file.getFileName().toString());
        }
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            assertThat(new PDFTextStripper().getText(document)).contains("For Zoë Łukasiewicz");
        }
        try (Connection connection = open(db)) {
            assertThat(rows(connection, "SELECT file_name, sha256 FROM care_plan_export"))
                    .containsExactly(List.of(file.toString(), sha256(file)));
        }
    }

    /** Clinic, practitioner and a client (born 1948) with an intake; returns the client's id. */
    private String practiceWithAClient(Path db, String first, String last) throws Exception {
        String today = LocalDate.now().toString();
        for (List<String> args : List.of(
                List.of("clinic", "set", "--name", "Bondi Body Works", "--address", "12 Beach Rd, Bondi NSW 2026",
                        "--phone", "02 9130 1234"),
                List.of("practitioner", "add", "--name", "Sam Jones", "--credentials", "RMT"))) {
            Run run = soapstone(db, args.toArray(String[]::new));
            assertThat(run.status()).as(run.describe()).isZero();
        }
        Run client = soapstone(db, "client", "add", "--first-name", first, "--last-name", last, "--dob", "1948-03-14");
        assertThat(client.status()).as(client.describe()).isZero();
        String id = client.out().strip();
        Run intake = soapstone(db, "intake", "new", "--client", id, "--cramp-frequency", "3", "--cramp-sites",
                "calf-left,foot-right", "--cramp-severity", "6", "--medications", "Lipitor 20 mg daily",
                "--red-flags", "numbness-tingling", "--water-glasses", "4", "--consent-date", today,
                "--consent-by", first + " " + last, "--consent-explained", "all");
        assertThat(intake.status()).as(intake.describe()).isZero();
        return id;
    }

    // --- running the jar --------------------------------------------------------------------------

    private Run soapstone(Path database, String... args) throws IOException, InterruptedException {
        return soapstone(database, Map.of(), args);
    }

    private Run soapstone(Path database, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        Run run = processes.run(SoapstoneProcesses.jarCommand(jar, args), database, environment);
        assertQuietConsole(run);
        return run;
    }

    /** No banner, no log lines, no stack traces: the console is for results and one-line errors only. */
    private static void assertQuietConsole(Run run) {
        for (String stream : List.of(run.out(), run.err())) {
            assertThat(stream).as(run.describe())
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ")
                    .doesNotContain("Spring Boot")
                    .doesNotContain(":: Spring")
                    .doesNotContain("____")
                    .doesNotContainPattern(LOG_LINE);
        }
    }

    // --- looking inside the database --------------------------------------------------------------

    private static Connection open(Path database) throws SQLException {
        assertThat(database).isRegularFile();
        return DriverManager.getConnection("jdbc:sqlite:" + database);
    }

    /** Every row as text, SQL NULL as "null". */
    private static List<List<String>> rows(Connection connection, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    row.add(String.valueOf(result.getString(c)));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** What SQLite's hex() returns for text stored as UTF-8. */
    private static String hex(String text) {
        return HexFormat.of().withUpperCase().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
