package app.soapstone.record;

import app.soapstone.pdf.PdfPages;
import app.soapstone.pdf.PdfPages.Line;
import app.soapstone.pdf.PdfPages.Page;
import app.soapstone.shell.Failure;
import app.soapstone.support.RecordsTest;
import app.soapstone.support.SoapstoneTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code chart export}: the client's record as a PDF, read back with an independent reader
 * (PDFBox, {@link PdfPages}): details, every intake version once with its screening, a table of the
 * sessions, every note with the screening shown then, its signature and numbered addenda, and the
 * care plans given; on every page the client's name, date of birth, id, when it was printed and
 * "page N of M"; 12 pt type at least, no heading at the foot of a page, "(continued)" where a note
 * goes on over a page; a period with --from and --to; owner-only, written whole or not at all.
 */
@Tag(SoapstoneTest.POSTGRESQL)
class ChartExportTest extends RecordsTest {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String ALLERGY_REASON = "Check oils, lotions, gloves (latex) and fragrances before use.";
    private static final Pattern ADDED = Pattern.compile("Added addendum (\\d+) to session (\\d+)");
    private static final Pattern PRINTED = Pattern.compile("printed \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d");
    private static final Pattern BAND = Pattern.compile("^(Session \\d+ ·|Intake version \\d+ ·|Care plan|See-a-doctor).*");

    @TempDir
    Path temp;

    @Test
    void theChartHoldsTheWholeRecord() throws Exception {
        practitioner("Sam Jones");
        clinic();
        long client = client("Анна", "Ковалёва");
        runWords("client", "edit", String.valueOf(client), "--dob", "1961-07-30", "--phone", "+61 412 345 678").expectOk();
        intake(client, "--allergies \"almond oil\" --occupation \"Nurse, night shifts\"");
        intake(client, "--allergies \"latex gloves\" --occupation \"Retired\"");
        long first = session(client, "--subjective", "Night cramps in the left calf, worst 7/10.",
                "--objective", "Left gastrocnemius tone raised.", "--assessment", "Nocturnal calf cramps, settling.",
                "--plan", "Calf stretches before bed.", "--date", TODAY.minusDays(7).toString(), "--time", "09:30",
                "--home-massage-minutes", "10");
        sign(first);
        long addendum = amend(first, "Client phoned: cramp free for three nights.");
        long second = signedSession(client, "Only one cramp this week.", "Review in two weeks.");
        long draft = session(client, "--subjective", "Draft note written today.");
        Path plan = temp.resolve("ковалёва-care-plan.pdf");
        run("plan export --client " + client + " --out " + plan).expectOk();
        Path chart = temp.resolve("chart.pdf");

        Result result = run("chart export --client " + client + " --out " + chart);

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        assertThat(result.output()).contains(chart.toString());
        if (posix()) {
            assertThat(permissions(chart)).isEqualTo("rw-------");
        }
        try (PDDocument pdf = Loader.loadPDF(chart.toFile())) {
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Clinical record - Анна Ковалёва");
            assertThat(pdf.getDocumentInformation().getAuthor()).isEqualTo("Calm Waters Massage");
            assertEmbeddedFonts(pdf);
            String text = flat(new PDFTextStripper().getText(pdf));

            assertThat(text).contains("Clinical record: Анна Ковалёва").contains("Calm Waters Massage")
                    .contains("1961-07-30").contains("+61 412 345 678");
            assertThat(text).contains("Intake version 1").contains("almond oil").contains("Nurse, night shifts")
                    .contains("Intake version 2").contains("latex gloves").contains("Retired");
            assertThat(text.indexOf("Intake version 1")).isLessThan(text.indexOf("almond oil"));
            assertThat(text.indexOf("Intake version 2")).isLessThan(text.indexOf("latex gloves"))
                    .isGreaterThan(text.indexOf("almond oil"));

            assertThat(text).contains("Session " + first).contains("Night cramps in the left calf, worst 7/10.")
                    .contains("Left gastrocnemius tone raised.").contains("Nocturnal calf cramps, settling.")
                    .contains("Calf stretches before bed.").contains("Home self-massage 10 minutes a day")
                    .contains("Signed by Sam Jones, RMT on " + local(signedAt(first)))
                    .contains("Client phoned: cramp free for three nights.")
                    .contains("Addendum 1, " + local(writtenAt(addendum)));
            assertThat(text.indexOf("Client phoned")).as("the addendum follows its note's signature")
                    .isGreaterThan(text.indexOf("Signed by Sam Jones, RMT on " + local(signedAt(first))));
            assertThat(text).contains("Session " + second).contains("Only one cramp this week.")
                    .contains("Review in two weeks.").contains("Signed by Sam Jones, RMT on " + local(signedAt(second)));
            assertThat(text).contains("Session " + draft).contains("Draft note written today.").contains("DRAFT");

            Map<String, Object> export = jdbc.sql("SELECT * FROM care_plan_export WHERE client_id = ?").param(client)
                    .query().singleRow();
            assertThat(text).contains("Care plans given").contains((String) export.get("file_name"))
                    .contains("SHA-256 " + export.get("sha256"))
                    .contains(local(Instant.parse((String) export.get("exported_at"))));
        }
    }

    @Test
    void aClientWithNoRecordsYetGetsAChartSayingSo() throws Exception {
        practitioner("Sam Jones");
        long client = client("Zoë", "Łukasiewicz");
        Path chart = temp.resolve("chart.pdf");

        run("chart export --client " + client + " --out " + chart).expectOk();

        try (PDDocument pdf = Loader.loadPDF(chart.toFile())) {
            String text = flat(new PDFTextStripper().getText(pdf));
            assertThat(text).contains("Clinical record: Zoë Łukasiewicz").contains("No intake recorded.")
                    .contains("No sessions recorded.").contains("Care plans given None.")
                    .contains("date of birth not recorded").contains("page 1 of 1");
            assertThat(pdf.getDocumentInformation().getAuthor()).as("no clinic set yet").isEqualTo("Soapstone");
        }
    }

    // ---------------------------------------------------------------- a client of twelve sessions

    @Test
    void everyPageNamesTheClientTheirBirthAndIdWhenPrintedAndPageNOfM() throws Exception {
        Twelve twelve = twelveSessions();
        Instant before = Instant.now();

        PdfPages pages = export(twelve.client(), "");

        Instant after = Instant.now();
        assertThat(pages.count()).as("a chart of twelve sessions runs over pages").isGreaterThan(3);
        for (Page page : pages.pages()) {
            String footer = footer(page).stream().map(Line::text).collect(Collectors.joining(" "));
            assertThat(footer).as("footer of page %d", page.number()).contains("Анна Ковалёва")
                    .contains("born 1961-07-30").contains("client " + twelve.client())
                    .contains("page " + page.number() + " of " + pages.count());
            Matcher printed = PRINTED.matcher(footer);
            assertThat(printed.find()).as("printed at, on page %d: %s", page.number(), footer).isTrue();
            String at = printed.group().substring("printed ".length());
            assertThat(at).isBetween(local(before.minusSeconds(60)), local(after));
        }
        assertThat(pages.page(1).text()).as("the letterhead").contains("Calm Waters Massage").contains("1 Main St");
    }

    @Test
    void theTypeIsTwelvePointOrLargerAndNoPageEndsWithAHeadingWhereverThePagesBreak() throws Exception {
        Twelve twelve = twelveSessions();

        // Longer notes on the client move every page break down, so that each heading comes near a foot.
        for (int lines = 0; lines < 14; lines++) {
            String notes = IntStream.range(0, lines).mapToObj(n -> "Prefers the left side-lying position for"
                    + " treatment, with a pillow between the knees.").collect(Collectors.joining(" "));
            runWords("client", "edit", String.valueOf(twelve.client()), "--notes", notes).expectOk();
            for (String paper : List.of("a4", "letter")) {
                PdfPages pages = export(twelve.client(), "--paper " + paper);

                assertThat(pages.smallestSize()).isGreaterThanOrEqualTo(12f);
                for (Page page : pages.pages()) {
                    Line last = body(page).getLast();
                    String where = "page " + page.number() + " of " + pages.count() + " on " + paper + " with "
                            + lines + " lines of notes";
                    assertThat(last.bold() && last.maxSize() >= 14.9f).as("%s ends with the heading %s", where, last)
                            .isFalse();
                    assertThat(BAND.matcher(last.text()).matches()).as("%s ends with the entry heading %s", where,
                            last).isFalse();
                    assertThat(last.text()).as("%s ends with a subheading", where).doesNotStartWith("Screening as of")
                            .doesNotStartWith("Adapted to the screening");
                }
            }
        }
    }

    @Test
    void eachIntakeVersionAppearsOnceWithItsScreeningAndEachNoteOnlyWhatWasShownThen() throws Exception {
        Twelve twelve = twelveSessions();

        PdfPages pages = export(twelve.client(), "");

        String text = flat(pages.text());
        List<String> lines = pages.pages().stream().flatMap(p -> p.lines().stream()).map(Line::text).toList();
        for (int version : List.of(1, 2)) {
            assertThat(lines.stream().filter(l -> l.startsWith("Intake version " + version + " ·"))
                    .filter(l -> !l.contains("(continued)"))).as("version %d heads the chart once", version).hasSize(1);
        }
        String first = between(text, "Intake version 1 ·", "Intake version 2 ·");
        String second = between(text, "Intake version 2 ·", "Session notes");
        assertThat(first).contains("Screening as of " + TODAY.minusDays(100)).contains("PRECAUTION Allergies: almond oil")
                .contains(ALLERGY_REASON).contains("Warfarin 5 mg daily").doesNotContain("latex gloves");
        assertThat(second).contains("Screening as of " + TODAY.minusDays(55)).contains("PRECAUTION Allergies: latex gloves")
                .contains(ALLERGY_REASON).doesNotContain("almond oil");
        assertThat(count(text, ALLERGY_REASON)).as("the screening's reasons are printed once per version, not per note")
                .isEqualTo(2);

        for (int i = 0; i < twelve.sessions().size(); i++) {
            String note = note(text, twelve.sessions().get(i));
            String shown = i < 6 ? "PRECAUTION: Allergies: almond oil" : "PRECAUTION: Allergies: latex gloves";
            assertThat(note).as("note %d", i + 1).contains("Screening shown").contains(shown)
                    .doesNotContain(i < 6 ? "latex gloves" : "almond oil").doesNotContain(ALLERGY_REASON)
                    .contains("Intake version " + (i < 6 ? 1 : 2) + ", taken ");
        }
        assertThat(note(text, twelve.sessions().get(4))).as("the note that used deep pressure")
                .contains("Warnings shown").contains("Client takes an anticoagulant");
    }

    @Test
    void signedAndDraftNotesArePlainlyMarkedAndAddendaNumberedAsTheShellSaid() throws Exception {
        Twelve twelve = twelveSessions();

        PdfPages pages = export(twelve.client(), "");

        String text = flat(pages.text());
        for (long session : twelve.sessions()) {
            String note = note(text, session);
            if (session == twelve.draft()) {
                assertThat(note).contains("Session " + session + " · ").contains("DRAFT - not signed")
                        .doesNotContain("Signed by");
            } else {
                assertThat(note).contains("Signed by " + signer(session) + " on " + local(signedAt(session)))
                        .doesNotContain("DRAFT");
            }
        }
        assertThat(twelve.added()).hasSize(3);
        for (Map.Entry<String, String> added : twelve.added().entrySet()) {
            Matcher said = ADDED.matcher(added.getKey());
            assertThat(said.matches()).as(added.getKey()).isTrue();
            long session = Long.parseLong(said.group(2));
            long id = jdbc.sql("SELECT id FROM addendum WHERE text = ?").param(added.getValue()).query(Long.class).single();
            assertThat(note(text, session)).as(added.getKey())
                    .contains("Addendum " + said.group(1) + ", " + local(writtenAt(id)) + ", ")
                    .contains(added.getValue());
        }
        assertThat(twelve.added().keySet()).as("numbered per note, not by row id")
                .anyMatch(said -> said.startsWith("Added addendum 2 "))
                .anyMatch(said -> said.startsWith("Added addendum 1 to session " + twelve.sessions().get(7)));
    }

    @Test
    void theTableOfSessionsListsEverySession() throws Exception {
        Twelve twelve = twelveSessions();

        PdfPages pages = export(twelve.client(), "");

        List<String> lines = pages.pages().stream().flatMap(p -> p.lines().stream()).map(Line::text).toList();
        int from = lines.indexOf("Sessions");
        int to = lines.indexOf("Intake and screening");
        assertThat(from).isNotNegative().isLessThan(to);
        List<String> table = lines.subList(from, to);
        assertThat(table).contains("Session Date and time Practitioner Minutes Status Addenda");
        for (long session : twelve.sessions()) {
            Map<String, Object> row = jdbc.sql("""
                    SELECT s.started_at, p.name, s.duration_minutes, s.signed_at,
                           (SELECT count(*) FROM addendum a WHERE a.session_id = s.id) AS addenda
                    FROM session s JOIN practitioner p ON p.id = s.practitioner_id WHERE s.id = ?""")
                    .param(session).query().singleRow();
            String line = session + " " + ((String) row.get("started_at")).replace('T', ' ') + " " + row.get("name")
                    + ", RMT " + row.get("duration_minutes") + " " + (row.get("signed_at") == null ? "DRAFT" : "Signed")
                    + " " + row.get("addenda");
            assertThat(table).as("the line of session %d", session).contains(line);
        }
    }

    @Test
    void aNoteThatRunsOverAPageIsHeadedContinued() throws Exception {
        Twelve twelve = twelveSessions();

        PdfPages pages = export(twelve.client(), "");

        List<Integer> onPages = pages.pages().stream().filter(p -> flat(p.text()).contains(LONG_SENTENCE))
                .map(Page::number).toList();
        assertThat(onPages).as("the long note runs over a page").hasSizeGreaterThan(1);
        for (int page : onPages.subList(1, onPages.size())) {
            Line top = body(pages.page(page)).getFirst();
            assertThat(top.text()).as("the top of page %d", page)
                    .matches("Session " + twelve.longNote() + " · .* \\(continued\\)");
            List<String> lines = body(pages.page(page)).stream().map(Line::text).toList();
            assertThat(lines.get(1)).as("the section goes on").startsWith("Subjective ").contains(LONG_SENTENCE);
            assertThat(lines.get(2)).startsWith("(continued) ");
        }
    }

    // ---------------------------------------------------------------- --from, --to, --out

    @Test
    void fromAndToLimitTheSessionsIntakesAndCarePlansToThePeriod() throws Exception {
        Twelve twelve = twelveSessions();
        run("plan export --client " + twelve.client() + " --out " + temp.resolve("plan.pdf")).expectOk();
        LocalDate from = TODAY.minusDays(91);
        LocalDate to = TODAY.minusDays(49);

        PdfPages pages = export(twelve.client(), "--from " + from + " --to " + to);

        String text = flat(pages.text());
        List<Long> inPeriod = new ArrayList<>();
        for (long session : twelve.sessions()) {
            LocalDate day = LocalDate.parse(((String) jdbc.sql("SELECT started_at FROM session WHERE id = ?")
                    .param(session).query().singleValue()).substring(0, 10));
            if (day.isBefore(from) || day.isAfter(to)) {
                assertThat(text).as("session %d on %s", session, day).doesNotContain("Session " + session + " ·")
                        .doesNotContain(session + " " + day + " ");
            } else {
                assertThat(text).contains("Session " + session + " ·");
                inPeriod.add(session);
            }
        }
        assertThat(inPeriod).as("the second to the seventh").hasSize(6);
        assertThat(text).as("the addenda of the sessions in the period").contains("Addendum 1, ").contains("Addendum 2, ");
        assertThat(text).as("the version in force when the period began, and the one taken in it")
                .contains("Intake version 1 · taken " + TODAY.minusDays(100) + " · in force on " + from)
                .contains("Intake version 2 · taken " + TODAY.minusDays(55));
        assertThat(text).as("the care plan given today").contains("Care plans given None.");
        assertThat(text).contains("Part of the record, " + from + " to " + to);
        for (Page page : pages.pages()) {
            assertThat(footer(page).stream().map(Line::text).collect(Collectors.joining(" ")))
                    .contains("Clinical record, " + from + " to " + to);
        }
        assertThat(text).contains("Анна Ковалёва").contains("+61 412 345 678");

        PdfPages later = export(twelve.client(), "--from " + TODAY.minusDays(10));

        String laterText = flat(later.text());
        assertThat(laterText).contains("Session " + twelve.sessions().getLast() + " ·")
                .doesNotContain("Session " + twelve.sessions().get(9) + " ·")
                .contains("Intake version 2 · taken " + TODAY.minusDays(55) + " · in force on " + TODAY.minusDays(10))
                .doesNotContain("Intake version 1").contains("SHA-256 ").contains("Part of the record, from ");

        String earlier = flat(export(twelve.client(), "--to " + TODAY.minusDays(95)).text());

        assertThat(earlier).contains("Session " + twelve.sessions().getFirst() + " ·")
                .doesNotContain("Session " + twelve.sessions().get(1) + " ·").contains("Intake version 1 · taken ")
                .doesNotContain("Intake version 2").doesNotContain("in force on")
                .contains("Part of the record, up to " + TODAY.minusDays(95));
    }

    @Test
    void outTakesAFolderForTheDefaultNameOrAFile() throws Exception {
        practitioner("Sam Jones");
        long client = client("Zoë", "Łukasiewicz");
        Path folder = Files.createDirectory(temp.resolve("charts"));

        Result inFolder = run("chart export --client " + client + " --out " + folder);

        Path named = folder.resolve("Łukasiewicz-Zoë-chart-" + TODAY + ".pdf");
        assertThat(inFolder.status()).as(inFolder.error()).isEqualTo(Failure.OK);
        assertThat(inFolder.expectOk()).isEqualTo("Wrote " + named + " (1 page)");
        assertThat(named).exists();
        if (posix()) {
            assertThat(permissions(named)).isEqualTo("rw-------");
        }

        Path file = temp.resolve("for-the-insurer.pdf");
        assertThat(run("chart export --client " + client + " --out " + file).expectOk()).isEqualTo("Wrote " + file
                + " (1 page)");
        assertThat(PdfPages.read(Files.readAllBytes(file)).text()).contains("Clinical record: Zoë Łukasiewicz");

        Result again = run("chart export --client " + client + " --out " + folder);
        assertThat(again.status()).isEqualTo(Failure.CONFLICT);
        assertThat(again.error()).contains(named.toString()).contains("--force");
        assertThat(run("chart export --client " + client + " --out " + folder + " --force").status()).isEqualTo(Failure.OK);

        Result noFolder = run("chart export --client " + client + " --out " + temp.resolve("missing") + "/");
        assertThat(noFolder.status()).isEqualTo(Failure.USAGE);
        assertThat(noFolder.error()).startsWith("--out: the folder ").contains("does not exist");
        assertThat(temp.resolve("missing")).doesNotExist();
    }

    @Test
    void letterPaperWhenAsked() throws Exception {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");

        PdfPages pages = export(client, "--paper letter");

        assertThat(pages.page(1).width()).isEqualTo(612f);
        assertThat(pages.page(1).height()).isEqualTo(792f);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--from 2026-02-30|--from: 2026-02-30 is not a valid date (use YYYY-MM-DD)",
            "--to 10/03/2026|--to: 10/03/2026 is not a valid date (use YYYY-MM-DD)",
            "--from 2025-05-02 --to 2025-05-01|--from: 2025-05-02 is after --to 2025-05-01",
            "--from TOMORROW|--from: TOMORROW is in the future"})
    void badDatesAreRefusedNamingTheOptionAndNothingIsWritten(String options, String error) throws Exception {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        String tomorrow = TODAY.plusDays(1).toString();
        Path chart = temp.resolve("chart.pdf");
        long events = count("audit_event");

        Result result = run("chart export --client " + client + " --out " + chart + " "
                + options.replace("TOMORROW", tomorrow));

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).startsWith(error.replace("TOMORROW", tomorrow)).doesNotContain("\n");
        assertThat(chart).doesNotExist();
        assertThat(leftovers()).isEmpty();
        assertThat(count("audit_event")).as("no export recorded").isEqualTo(events);
    }

    @Test
    void textNoFontCanPrintIsRefusedNamingWhereItIsAndNothingIsWritten() throws Exception {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        long session = session(client, "--subjective", "Cramps \uE000 at night.");
        Path chart = temp.resolve("chart.pdf");

        Result result = run("chart export --client " + client + " --out " + chart);

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).startsWith("Cannot print session " + session + " Subjective: \uE000 (U+E000");
        assertThat(chart).doesNotExist();
        assertThat(leftovers()).isEmpty();

        long other = client("Ann", "Lee\uE000");
        Result name = run("chart export --client " + other + " --out " + chart);
        assertThat(name.error()).startsWith("Cannot print the client's last name: ");
        assertThat(chart).doesNotExist();
    }

    @Test
    void theClientsPrintNameHeadsTheChartAndEveryPage() throws Exception {
        practitioner("Sam Jones");
        clinic();
        long client = Long.parseLong(run("client add --first-name Anh --last-name Nguyen --dob 1970-05-01"
                + " --print-name \"Nguyễn Thị Ánh\"").expectOk());
        session(client, "--subjective", "Cramps at night.");

        PdfPages pages = export(client, "");

        for (Page page : pages.pages()) {
            assertThat(page.text()).as("page %d", page.number()).contains("Nguyễn Thị Ánh");
        }
        assertThat(pages.text()).contains("Anh Nguyen");
    }

    @Test
    void aRightToLeftValueSharesTheBaselineOfItsLabel() throws Exception {
        app.soapstone.pdf.TestFonts.noto();
        practitioner("Sam Jones");
        clinic();
        long client = Long.parseLong(runWords("client", "add", "--first-name", "فاطمة", "--last-name", "الزهراء")
                .expectOk());

        Page first = export(client, "").page(1);

        // Lines are glyphs on one baseline (within a point): label and value together.
        Line name = first.lines().stream().filter(l -> l.text().startsWith("Name")).findFirst().orElseThrow();
        assertThat(name.text()).as("the value is on the label's line").hasSizeGreaterThan("Name".length() + 5);
    }

    // ---------------------------------------------------------------- kept from before

    @Test
    void anExistingFileIsReplacedOnlyWithForce() throws Exception {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        Path chart = Files.writeString(temp.resolve("chart.pdf"), "an older chart");

        Result refused = run("chart export --client " + client + " --out " + chart);

        assertThat(refused.status()).isEqualTo(Failure.CONFLICT);
        assertThat(refused.error()).contains(chart.toString()).contains("--force");
        assertThat(Files.readString(chart)).isEqualTo("an older chart");

        Result forced = run("chart export --client " + client + " --out " + chart + " --force");

        assertThat(forced.status()).as(forced.error()).isEqualTo(Failure.OK);
        try (PDDocument pdf = Loader.loadPDF(chart.toFile())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Clinical record: Ann Lee");
        }
        if (posix()) {
            assertThat(permissions(chart)).isEqualTo("rw-------");
        }
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void anUnknownClientIsNotFoundAndNothingIsWritten() throws Exception {
        Path chart = temp.resolve("chart.pdf");

        Result result = run("chart export --client 999999 --out " + chart);

        assertThat(result.status()).isEqualTo(Failure.NOT_FOUND);
        assertThat(result.error()).contains("999999");
        assertThat(chart).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aMissingFolderIsAUsageError() {
        long client = client("Ann", "Lee");
        Path chart = temp.resolve("nowhere").resolve("chart.pdf");

        Result result = run("chart export --client " + client + " --out " + chart);

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(chart.getParent()).doesNotExist();
    }

    // ---------------------------------------------------------------- the twelve sessions

    static final String LONG_SENTENCE = "The cramps woke her at three in the morning and again before dawn.";

    /**
     * The client, their sessions oldest first, the draft, the note long enough to run over a page,
     * and what {@code session amend} said for each addendum, with the addendum's text.
     */
    record Twelve(long client, List<Long> sessions, long draft, long longNote, Map<String, String> added) {
    }

    /**
     * Анна Ковалёва: intake version 1 (allergic to almond oil, on warfarin), six sessions, version 2
     * (latex gloves), six more; two practitioners; the last note a draft; the fifth long and with
     * deep pressure (a warning); two addenda on the third note and one on the eighth.
     */
    private Twelve twelveSessions() {
        practitioner("Sam Jones");
        long kim = practitioner("Kim Park");
        clinic();
        long client = client("Анна", "Ковалёва");
        runWords("client", "edit", String.valueOf(client), "--dob", "1961-07-30", "--phone", "+61 412 345 678").expectOk();
        intakeOn(client, TODAY.minusDays(100), "--allergies", "almond oil", "--medications", "Warfarin 5 mg daily in"
                + " the evening, dose set by the anticoagulation clinic after each INR test; Metformin 500 mg twice"
                + " daily with breakfast and the evening meal; Magnesium citrate 300 mg at night, started by the"
                + " client without advice", "--occupation", "Nurse, night shifts");
        List<Long> sessions = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            if (i == 6) {
                intakeOn(client, TODAY.minusDays(55), "--allergies", "latex gloves", "--medications",
                        "Metformin 500 mg twice daily", "--occupation", "Retired");
            }
            LocalDate day = TODAY.minusDays(98 - 8L * i);
            String subjective = i == 4 ? IntStream.range(0, 40).mapToObj(n -> LONG_SENTENCE).collect(Collectors.joining(" "))
                    : "Night cramps " + (7 - i / 2) + " times this week, worst in the left calf.";
            List<String> words = new ArrayList<>(List.of("session", "new", "--client", String.valueOf(client),
                    "--date", day.toString(), "--time", "09:30", "--duration", String.valueOf(45 + 15 * (i % 2)),
                    "--modalities", "effleurage,petrissage", "--areas", "calf-left,calf-right",
                    "--pressure", i == 4 ? "deep" : "moderate", "--pain-before", "5", "--pain-after", "2",
                    "--subjective", subjective, "--objective", "Left gastrocnemius tone raised; tender at the"
                            + " musculotendinous junction.", "--assessment", "Nocturnal calf cramps, settling.",
                    "--plan", "Calf stretches before bed; review in two weeks."));
            if (i % 3 == 2) {
                words.addAll(List.of("--practitioner", String.valueOf(kim)));
            }
            List<String> out = runWords(words.toArray(String[]::new)).expectOk().lines().toList();
            long session = Long.parseLong(out.getLast());
            sessions.add(session);
            if (i < 11) {
                sign(session);
            }
        }
        Map<String, String> added = new LinkedHashMap<>();
        for (var addendum : List.of(Map.entry(2, "Client phoned: cramp free for three nights."),
                Map.entry(2, "Late entry: bruise noted on the left calf, not from treatment."),
                Map.entry(7, "Client reported mild soreness the next day, settled in 24 hours."))) {
            long session = sessions.get(addendum.getKey());
            String said = runWords("session", "amend", String.valueOf(session), "--text", addendum.getValue()).expectOk();
            added.put(said, addendum.getValue());
        }
        return new Twelve(client, sessions, sessions.getLast(), sessions.get(4), added);
    }

    private void intakeOn(long client, LocalDate day, String... options) {
        List<String> words = new ArrayList<>(List.of("intake", "new", "--client", String.valueOf(client), "--date",
                day.toString(), "--cramp-frequency", "3", "--cramp-sites", "calf-left", "--cramp-severity", "6",
                "--consent-date", day.toString(), "--consent-by", "client", "--consent-explained", "all"));
        words.addAll(List.of(options));
        runWords(words.toArray(String[]::new)).expectOk();
    }

    // ---------------------------------------------------------------- helpers

    private PdfPages export(long client, String options) throws IOException {
        Path chart = temp.resolve("chart-" + System.nanoTime() + ".pdf");
        run("chart export --client " + client + " --out " + chart + " " + options).expectOk();
        return PdfPages.read(Files.readAllBytes(chart));
    }

    /** The footer's lines: from the last line naming the client down. */
    private static List<Line> footer(Page page) {
        List<Line> lines = page.lines();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).text().startsWith("Анна Ковалёва") || lines.get(i).text().contains("· client ")) {
                return lines.subList(i, lines.size());
            }
        }
        throw new AssertionError("no footer on page " + page.number() + ": " + lines);
    }

    /** The lines above the footer. */
    private static List<Line> body(Page page) {
        return page.lines().subList(0, page.lines().size() - footer(page).size());
    }

    /** The text of one session's note: from its heading to the next note's or the care plans. */
    private static String note(String text, long session) {
        int start = text.indexOf("Session " + session + " · ");
        assertThat(start).as("the note of session %d", session).isNotNegative();
        Matcher next = Pattern.compile("Session (\\d+) · |Care plans given").matcher(text);
        int end = text.length();
        int from = start + 1;
        while (next.find(from)) {
            if (next.group(1) == null || Long.parseLong(next.group(1)) != session) {
                end = next.start();
                break;
            }
            from = next.end();
        }
        return text.substring(start, end);
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        int end = text.indexOf(to, start + 1);
        assertThat(start).as(from).isNotNegative();
        assertThat(end).as(to).isGreaterThan(start);
        return text.substring(start, end);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    /** Every font on every page is embedded, so the chart prints the same anywhere. */
    private static void assertEmbeddedFonts(PDDocument pdf) throws IOException {
        List<String> fonts = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                var font = resources.getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                fonts.add(font.getName());
            }
        }
        assertThat(fonts).isNotEmpty();
    }

    private String signer(long session) {
        return jdbc.sql("SELECT p.name FROM session s JOIN practitioner p ON p.id = s.signed_by WHERE s.id = ?")
                .param(session).query(String.class).single() + ", RMT";
    }

    private Instant signedAt(long session) {
        return Instant.parse(jdbc.sql("SELECT signed_at FROM session WHERE id = ?").param(session).query(String.class).single());
    }

    private Instant writtenAt(long addendum) {
        return Instant.parse(jdbc.sql("SELECT written_at FROM addendum WHERE id = ?").param(addendum).query(String.class)
                .single());
    }

    private static String local(Instant instant) {
        return WHEN.format(instant.atZone(ZoneId.systemDefault()));
    }

    /** The text with every run of white space (line breaks of wrapped lines included) as one space. */
    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private List<Path> leftovers() throws IOException {
        try (var files = Files.list(temp)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".")).toList();
        }
    }
}
