package app.soapstone.careplan;

import app.soapstone.pdf.PdfPages;
import app.soapstone.pdf.TestFonts;
import app.soapstone.shell.Failure;
import app.soapstone.support.SoapstoneTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * {@code plan export} and {@code plan preview} through the real command layer: the file written
 * (name, place, content, paper), the export recorded with the file's SHA-256, and every refusal
 * leaving neither a file nor a record behind.
 */
@Tag(SoapstoneTest.POSTGRESQL)
class CarePlanCommandsTest extends SoapstoneTest {

    private static final String SESSION_PLAN = "Stretch both calves every night and drink a glass of water with each meal.";

    @TempDir
    Path out;

    // ---------------------------------------------------------------- plan export: the file and its record

    @Test
    void exportWritesTheDefaultFileNameIntoTheFolderAndRecordsItsSha256() throws Exception {
        practice();
        long client = client("Mary Ann", "O'Brien", null);
        intake(client, "calf-left,calf-right", "");
        session(client, SESSION_PLAN);
        Path expected = out.resolve("O-Brien-Mary-Ann-care-plan-" + LocalDate.now() + ".pdf");

        Result result = export(client, "--out", out.toString());

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        assertThat(expected).isRegularFile();
        byte[] bytes = Files.readAllBytes(expected);
        String sha256 = sha256(bytes);
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(result.output()).contains("Wrote " + expected).contains(sha256);
        assertThat(filesIn(out)).containsExactly(expected.getFileName().toString());

        Map<String, Object> row = jdbc.sql("SELECT * FROM care_plan_export").query().singleRow();
        // An id column is a Java int on SQLite and a long on PostgreSQL (bigint): compared as a long.
        assertThat(((Number) row.get("client_id")).longValue()).isEqualTo(client);
        assertThat(row).containsEntry("file_name", expected.toString())
                .containsEntry("sha256", sha256)
                .containsEntry("paper", "a4");
        assertThat(row.get("session_id")).as("no --session given").isNull();
        assertThat(row.get("exported_at")).isNotNull();
        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(squash(text(document))).contains(squash("For Mary Ann O'Brien")).contains(squash(SESSION_PLAN));
            assertThat(document.getNumberOfPages()).isBetween(1, 3);
        }
    }

    @Test
    void aNonLatinNameMakesTheFileNameAndPrints() throws Exception {
        assumeThat(Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8")))
                .as("file names in any script need a UTF-8 locale").isEqualTo(StandardCharsets.UTF_8);
        practice();
        long zoe = client("Zoë", "Łukasiewicz", null);
        long anna = client("Анна", "Петрова", null);

        export(zoe, "--out", out.toString()).expectOk();
        export(anna, "--out", out.toString()).expectOk();

        Path zoeFile = out.resolve("Łukasiewicz-Zoë-care-plan-" + LocalDate.now() + ".pdf");
        Path annaFile = out.resolve("Петрова-Анна-care-plan-" + LocalDate.now() + ".pdf");
        assertThat(filesIn(out)).containsExactlyInAnyOrder(zoeFile.getFileName().toString(),
                annaFile.getFileName().toString());
        try (PDDocument document = Loader.loadPDF(zoeFile.toFile())) {
            assertThat(text(document)).contains("Zoë Łukasiewicz");
        }
        try (PDDocument document = Loader.loadPDF(annaFile.toFile())) {
            assertThat(text(document)).contains("Анна Петрова");
        }
    }

    @Test
    void aClientInChineseArabicOrDevanagariPrintsWithTheFontsFound() throws Exception {
        assumeThat(Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8")))
                .as("file names in any script need a UTF-8 locale").isEqualTo(StandardCharsets.UTF_8);
        TestFonts.noto();
        practice();
        for (String[] name : List.of(new String[] {"秀英", "王"}, new String[] {"فاطمة", "الزهراء"},
                new String[] {"अनीता", "शर्मा"})) {
            long client = client(name[0], name[1], null);
            String note = name[1] + " " + name[0];
            session(client, note);

            export(client, "--out", out.toString()).expectOk();

            try (PDDocument document = Loader.loadPDF(single(out).toFile())) {
                assertThat(text(document)).contains("For " + name[0] + " " + name[1] + "\n").contains(note + "\n");
            }
            Files.delete(single(out));
        }
    }

    @Test
    void aNameWithACharacterNoFontHasIsRefusedNamingItAndNothingIsWrittenOrRecorded() {
        practice();
        long client = client("Mei\uE000", "Lin", null);

        Result result = export(client, "--out", out.toString());

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).startsWith("Cannot print the client's name: \uE000 (U+E000 PRIVATE USE AREA E000)")
                .contains("SOAPSTONE_FONTS").contains("nothing was written");
        assertNothingWritten();
    }

    @Test
    void aNoteWithACharacterNoFontHasIsRefusedNamingTheNote() {
        practice();
        long client = client("Mei", "Lin", null);
        session(client, "Stretch \uDB80\uDC00 twice a day");

        Result result = export(client, "--out", out.toString());

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).startsWith("Cannot print the therapist's note: \uDB80\uDC00 (U+F0000 ");
        assertNothingWritten();
    }

    @Test
    void anOutFileNameIsUsedAsGiven() throws Exception {
        practice();
        long client = client("Ann", "Lee", null);
        Path file = out.resolve("for Ann.pdf");

        Result result = export(client, "--out", file.toString());

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        assertThat(result.output()).contains("Wrote " + file);
        assertThat(filesIn(out)).containsExactly("for Ann.pdf");
        assertThat(jdbc.sql("SELECT file_name FROM care_plan_export").query(String.class).single())
                .isEqualTo(file.toString());
        assertThat(jdbc.sql("SELECT sha256 FROM care_plan_export").query(String.class).single())
                .isEqualTo(sha256(Files.readAllBytes(file)));
    }

    @Test
    void theClientsPreferredNameAndTheLetterheadArePrinted() throws Exception {
        practice();
        long client = Long.parseLong(run("client add --first-name Elizabeth --last-name Taylor --preferred-name Liz")
                .expectOk());

        export(client, "--out", out.toString()).expectOk();

        try (PDDocument document = Loader.loadPDF(single(out).toFile())) {
            String text = text(document);
            assertThat(text).contains("Liz Taylor").contains("Bondi Body Works").contains("12 Beach Rd, Bondi NSW 2026")
                    .contains("02 9130 1234").contains("Sam Jones, RMT")
                    .contains(LocalDate.now().format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)));
            assertThat(document.getDocumentInformation().getAuthor()).isEqualTo("Sam Jones, RMT");
        }
    }

    @Test
    void theIntakeAndSessionsShapeThePlan() throws Exception {
        practice();
        long client = client("Ann", "Lee", LocalDate.now().minusYears(50).toString());
        intake(client, "foot-left,hamstring-right", " --medications \"Lipitor 20 mg daily; Eliquis 5 mg\""
                + " --water-glasses 3 --red-flags numbness-tingling");
        session(client, "First visit plan.");
        session(client, SESSION_PLAN);

        export(client, "--out", out.toString(), "--water-litres", "2.5").expectOk();

        try (PDDocument document = Loader.loadPDF(single(out).toFile())) {
            String all = squash(text(document));
            assertThat(all).contains(squash("Sole of the foot stretch")).contains(squash("Toe stretch"))
                    .contains(squash("Hamstring stretch lying down with a towel"))
                    .doesNotContain(squash("Calf stretch against a wall"));
            assertThat(all).contains(squash("2.5 litres (about 10 glasses)"))
                    .contains(squash("You told us you drink about 3 glasses a day."));
            assertThat(all).contains(squash("You take Lipitor 20 mg daily.")).doesNotContain("Eliquis");
            assertThat(all).contains(squash("Please see your GP about this"))
                    .contains(squash("You told us your legs or feet feel numb or tingle."));
            assertThat(all).as("the latest session's Plan").contains(squash(SESSION_PLAN))
                    .doesNotContain(squash("First visit plan."));
            assertThat(all).as("intake and two sessions: a chart").contains(squash("Your cramps so far"));
        }
    }

    @Test
    void theSessionOptionPutsThatSessionsPlanOnTheCarePlanAndInTheRecord() throws Exception {
        practice();
        long client = client("Ann", "Lee", null);
        long first = session(client, "First visit plan.");
        session(client, SESSION_PLAN);

        export(client, "--session", String.valueOf(first), "--out", out.toString()).expectOk();

        try (PDDocument document = Loader.loadPDF(single(out).toFile())) {
            assertThat(squash(text(document))).contains(squash("First visit plan.")).doesNotContain(squash(SESSION_PLAN));
        }
        assertThat(jdbc.sql("SELECT session_id FROM care_plan_export").query(Long.class).single()).isEqualTo(first);
    }

    @Test
    void theNextAppointmentIsPrinted() throws Exception {
        practice();
        long client = client("Ann", "Lee", null);
        LocalDateTime next = LocalDate.now().plusDays(14).atTime(10, 15);

        export(client, "--out", out.toString(), "--next", next.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                .expectOk();

        try (PDDocument document = Loader.loadPDF(single(out).toFile())) {
            assertThat(squash(text(document))).contains(squash(next.format(
                    DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.ENGLISH))));
        }
    }

    // ---------------------------------------------------------------- paper

    @Test
    void theDefaultPaperIsA4AndLetterGivesALetterPage() throws Exception {
        practice();
        long client = client("Ann", "Lee", null);
        Path a4 = out.resolve("a4.pdf");
        Path letter = out.resolve("letter.pdf");

        export(client, "--out", a4.toString()).expectOk();
        export(client, "--out", letter.toString(), "--paper", "letter").expectOk();

        assertThat(pageSizes(a4)).isNotEmpty().containsOnly(List.of(595f, 842f));
        assertThat(pageSizes(letter)).isNotEmpty().containsOnly(List.of(612f, 792f));
        assertThat(jdbc.sql("SELECT paper FROM care_plan_export ORDER BY id").query(String.class).list())
                .containsExactly("a4", "letter");
    }

    @Test
    void anUnknownPaperIsRefused() {
        practice();
        long client = client("Ann", "Lee", null);

        Result result = export(client, "--out", out.toString(), "--paper", "legal");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertNothingWritten();
    }

    // ---------------------------------------------------------------- overwriting

    @Test
    void anExistingFileIsNotReplacedWithoutForce() throws Exception {
        practice();
        long client = client("Ann", "Lee", null);
        export(client, "--out", out.toString()).expectOk();
        Path file = single(out);
        byte[] before = Files.readAllBytes(file);

        Result again = export(client, "--out", out.toString(), "--paper", "letter");
        Result byName = export(client, "--out", file.toString());

        for (Result result : List.of(again, byName)) {
            assertThat(result.status()).isEqualTo(Failure.CONFLICT);
            assertThat(result.error()).contains(file.toString()).contains("already exists").contains("--force");
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(filesIn(out)).containsExactly(file.getFileName().toString());
        assertThat(exports()).isOne();
    }

    @Test
    void forceReplacesTheFileAndRecordsTheNewOne() throws Exception {
        practice();
        long client = client("Ann", "Lee", null);
        export(client, "--out", out.toString()).expectOk();
        Path file = single(out);
        String first = sha256(Files.readAllBytes(file));

        Result result = export(client, "--out", out.toString(), "--paper", "letter", "--force");

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        String second = sha256(Files.readAllBytes(file));
        assertThat(second).isNotEqualTo(first);
        assertThat(pageSizes(file)).containsOnly(List.of(612f, 792f));
        assertThat(filesIn(out)).containsExactly(file.getFileName().toString());
        assertThat(jdbc.sql("SELECT sha256 FROM care_plan_export ORDER BY id").query(String.class).list())
                .containsExactly(first, second);
    }

    // ---------------------------------------------------------------- folders that cannot be used

    @Test
    void aFolderThatDoesNotExistIsRefusedAndNotCreated() {
        practice();
        long client = client("Ann", "Lee", null);
        Path missing = out.resolve("not-there");

        Result asFolder = export(client, "--out", missing.resolve("").toString() + "/");
        Result asFile = export(client, "--out", missing.resolve("plan.pdf").toString());

        for (Result result : List.of(asFolder, asFile)) {
            assertThat(result.status()).isEqualTo(Failure.USAGE);
            assertThat(result.error()).startsWith("--out:").contains("does not exist");
        }
        assertThat(asFolder.error()).contains(missing.toString());
        assertThat(asFile.error()).contains(missing.toString());
        assertThat(missing).doesNotExist();
        assertNothingWritten();
    }

    @Test
    void aFolderThatCannotBeWrittenIsRefusedLeavingNoPartialFile() throws Exception {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        practice();
        long client = client("Ann", "Lee", null);
        Path locked = Files.createDirectory(out.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        // Root may write whatever the permissions say; an immutable folder (chattr +i) it may not.
        boolean immutable = Files.isWritable(locked) && chattr("+i", locked);
        try {
            app.soapstone.support.Prerequisites.require(!canCreateIn(locked), "the folder " + locked
                    + " stays writable (running as root on a file system without chattr +i)");

            Result result = export(client, "--out", locked.toString());

            assertThat(result.status()).isEqualTo(Failure.USAGE);
            assertThat(result.error()).startsWith("--out:").contains("cannot write").contains(locked.toString());
            assertThat(filesIn(locked)).isEmpty();
            assertNothingWritten();
        } finally {
            if (immutable) {
                chattr("-i", locked);
            }
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Whether a file can be made in {@code folder}: the test of what the user may really do there. */
    private static boolean canCreateIn(Path folder) {
        try {
            Files.delete(Files.createFile(folder.resolve(".probe")));
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static boolean chattr(String change, Path path) {
        try {
            return new ProcessBuilder("chattr", change, path.toString()).redirectErrorStream(true).start().waitFor() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void anOutThatIsAFolderNamedLikeThePlanIsRefused() throws Exception {
        practice();
        long client = client("Ann", "Lee", null);
        Path folder = Files.createDirectory(out.resolve("Lee-Ann-care-plan-" + LocalDate.now() + ".pdf"));

        Result result = export(client, "--out", out.toString(), "--force");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).startsWith("--out:").contains(folder.toString()).contains("is a folder");
        assertThat(folder).isDirectory().isEmptyDirectory();
        assertThat(filesIn(out)).containsExactly(folder.getFileName().toString());
        assertThat(exports()).isZero();
    }

    // ---------------------------------------------------------------- other refusals

    @Test
    void aSessionOfAnotherClientIsRefused() {
        practice();
        long ann = client("Ann", "Lee", null);
        long bob = client("Bob", "Ng", null);
        long bobs = session(bob, SESSION_PLAN);

        Result result = export(ann, "--session", String.valueOf(bobs), "--out", out.toString());

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).startsWith("--session:").contains(String.valueOf(bobs));
        assertNothingWritten();
        assertThat(run("plan preview --client " + ann + " --session " + bobs).status()).isEqualTo(Failure.USAGE);
    }

    @Test
    void anUnknownClientOrSessionIsNotFound() {
        practice();
        long client = client("Ann", "Lee", null);

        Result unknownClient = export(client + 100, "--out", out.toString());
        Result unknownSession = export(client, "--session", "999", "--out", out.toString());

        assertThat(unknownClient.status()).isEqualTo(Failure.NOT_FOUND);
        assertThat(unknownClient.error()).contains(String.valueOf(client + 100));
        assertThat(unknownSession.status()).isEqualTo(Failure.NOT_FOUND);
        assertThat(run("plan preview --client " + (client + 100)).status()).isEqualTo(Failure.NOT_FOUND);
        assertNothingWritten();
    }

    @Test
    void withoutClinicDetailsThereIsNoLetterheadSoNothingIsWritten() {
        run("practitioner add --name \"Sam Jones\" --credentials RMT").expectOk();
        long client = client("Ann", "Lee", null);

        Result result = export(client, "--out", out.toString());

        assertThat(result.status()).isEqualTo(Failure.CONFLICT);
        assertThat(result.error()).contains("clinic set");
        assertNothingWritten();
        assertThat(run("plan preview --client " + client).status()).isEqualTo(Failure.CONFLICT);
    }

    @Test
    void withoutAPractitionerNothingIsWritten() {
        run("clinic set --name \"Bondi Body Works\" --address \"12 Beach Rd\" --phone \"02 9130 1234\"").expectOk();
        long client = client("Ann", "Lee", null);

        Result result = export(client, "--out", out.toString());

        assertThat(result.status()).isEqualTo(Failure.CONFLICT);
        assertThat(result.error()).contains("practitioner add");
        assertNothingWritten();
    }

    @ParameterizedTest
    @ValueSource(strings = {"past", "yesterday", "2026-12-05", "2026-13-05 10:00", "2026-02-30 10:00", "05/12/2026 10:00",
            "2026-12-05 25:00"})
    void aNextAppointmentInThePastOrMalformedIsRefused(String next) {
        practice();
        long client = client("Ann", "Lee", null);
        String value = next.equals("past")
                ? LocalDateTime.now().minusHours(1).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) : next;

        Result result = export(client, "--out", out.toString(), "--next", value);

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).startsWith("--next:").contains(value);
        assertNothingWritten();
        assertThat(runWords("plan", "preview", "--client", String.valueOf(client), "--next", value).status())
                .isEqualTo(Failure.USAGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.2", "7", "lots"})
    void aWaterTargetOutOfRangeIsRefused(String litres) {
        practice();
        long client = client("Ann", "Lee", null);

        Result result = export(client, "--out", out.toString(), "--water-litres", litres);

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).contains("--water-litres");
        assertNothingWritten();
    }

    @Test
    void unknownOrTooManyStretchesAreRefused() {
        practice();
        long client = client("Ann", "Lee", null);

        Result unknown = export(client, "--out", out.toString(), "--stretches", "soleus-wall,calf-raises");
        Result tooMany = export(client, "--out", out.toString(), "--stretches",
                "gastrocnemius-wall,soleus-wall,plantar-fascia,toe-stretch,hamstring-towel");
        Result empty = export(client, "--out", out.toString(), "--stretches", " , ");

        assertThat(unknown.status()).isEqualTo(Failure.USAGE);
        assertThat(unknown.error()).startsWith("--stretches:").contains("calf-raises").contains("soleus-wall")
                .contains("seated-towel-calf").contains("hamstring-towel");
        assertThat(tooMany.status()).isEqualTo(Failure.USAGE);
        assertThat(tooMany.error()).startsWith("--stretches:").contains("at most 4");
        assertThat(empty.status()).isEqualTo(Failure.USAGE);
        assertNothingWritten();
    }

    // ---------------------------------------------------------------- the record in client show

    @Test
    void clientShowListsEveryExport() throws Exception {
        practice();
        long client = client("Ann", "Lee", null);
        export(client, "--out", out.resolve("first.pdf").toString()).expectOk();
        export(client, "--out", out.resolve("second.pdf").toString(), "--paper", "letter").expectOk();

        String show = run("client show " + client).expectOk();

        assertThat(show).contains("Care plans given:");
        for (String name : List.of("first.pdf", "second.pdf")) {
            Path file = out.resolve(name);
            assertThat(show).contains(file + "  (SHA-256 " + sha256(Files.readAllBytes(file)).substring(0, 12));
        }
        assertThat(show.indexOf("first.pdf")).isLessThan(show.indexOf("second.pdf"));
        long other = client("Bob", "Ng", null);
        assertThat(run("client show " + other).expectOk()).doesNotContain("Care plans given");
    }

    @Test
    void theExportRecordIsPermanent() {
        practice();
        long client = client("Ann", "Lee", null);
        export(client, "--out", out.toString()).expectOk();

        assertThat(Stream.of("UPDATE care_plan_export SET sha256 = '" + "0".repeat(64) + "'", "DELETE FROM care_plan_export")
                .filter(sql -> {
                    try {
                        jdbc.sql(sql).update();
                        return true;
                    } catch (RuntimeException refused) {
                        return false;
                    }
                }).toList()).isEmpty();
        assertThat(exports()).isOne();
    }

    // ---------------------------------------------------------------- plan preview

    @Test
    void previewPrintsThePlanAsTextAndWritesNothing() {
        practice();
        long client = client("Zoë", "Łukasiewicz", LocalDate.now().minusYears(80).toString());
        intake(client, "calf-left", " --medications \"Lasix 40 mg\" --conditions heart-failure --water-litres 1.2");
        session(client, SESSION_PLAN);

        String preview = run("plan preview --client " + client + " --water-litres 3").expectOk();

        assertThat(preview).contains("For Zoë Łukasiewicz").contains("Bondi Body Works").contains("Sam Jones, RMT")
                .contains("Seated calf stretch with a towel").doesNotContain("Calf stretch against a wall")
                .contains("Drink the amount of fluid your doctor").doesNotContain("3 litres")
                .doesNotContain("You told us you drink")
                .contains("You take Lasix 40 mg.").contains("PLEASE SEE YOUR GP ABOUT THIS")
                .contains("Fluids as your team advised?").contains(SESSION_PLAN);
        assertThat(preview).startsWith("Adapted to the screening:\n"
                + "  Fluids and potassium foods deferred to the heart team; weight-gain warning: Heart failure (intake v1)\n");
        assertThat(preview).contains("  Seated stretches instead of standing ones: age 80 (date of birth)");
        assertNothingWritten();
    }

    @Test
    void thePrintNameIsTheNameOnThePlan() throws Exception {
        practice();
        long client = Long.parseLong(run("client add --first-name Anh --last-name Nguyen --preferred-name Annie"
                + " --print-name \"Nguyễn Thị Ánh\"").expectOk());

        export(client, "--out", out.toString()).expectOk();

        try (PDDocument document = Loader.loadPDF(single(out).toFile())) {
            assertThat(text(document)).contains("For Nguyễn Thị Ánh").doesNotContain("Annie");
            assertThat(document.getDocumentInformation().getTitle()).contains("Nguyễn Thị Ánh");
        }
        assertThat(single(out).getFileName().toString()).startsWith("Nguyen-Anh-care-plan-");
    }

    // ---------------------------------------------------------------- the screening shapes the plan

    @Test
    void anUrgentReferralWritesTheSeeADoctorSheetAndSaysSoEvenWithForce() throws Exception {
        practice();
        long client = client("Ann", "Lee", null);
        intake(client, "calf-left", " --red-flags one-sided-calf-swelling --medications \"Eliquis 5 mg bd\"");
        runWords("session", "new", "--client", String.valueOf(client), "--override", "upper body only",
                "--plan", SESSION_PLAN).expectOk();

        Result first = export(client, "--out", out.toString());
        Result forced = export(client, "--out", out.toString(), "--force");

        Path sheet = out.resolve("Lee-Ann-see-a-doctor-" + LocalDate.now() + ".pdf");
        for (Result result : List.of(first, forced)) {
            assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
            assertThat(result.output()).startsWith("Urgent referral not cleared").contains("instead of the care plan")
                    .contains("intake clear --client " + client)
                    .contains("See-a-doctor sheet instead of a care plan: Swelling of one calf (intake v1)")
                    .contains("Wrote " + sheet);
        }
        assertThat(filesIn(out)).containsExactly(sheet.getFileName().toString());
        try (PDDocument document = Loader.loadPDF(sheet.toFile())) {
            String text = squash(text(document));
            assertThat(document.getNumberOfPages()).isOne();
            assertThat(text).contains(squash("Please see a doctor today")).contains(squash("Swelling of one calf"))
                    .contains(squash("Eliquis 5 mg twice a day")).contains(squash("02 9130 1234"))
                    .doesNotContain(squash("Calf stretch against a wall")).doesNotContain(squash("Self-massage"))
                    .doesNotContain(squash(SESSION_PLAN));
        }
        assertThat(jdbc.sql("SELECT kind FROM care_plan_export").query(String.class).list())
                .containsExactly("see-a-doctor", "see-a-doctor");
        assertThat(run("plan preview --client " + client).expectOk()).contains("PLEASE SEE A DOCTOR TODAY")
                .doesNotContain("YOUR STRETCHES");
    }

    @Test
    void afterTheDoctorsClearanceTheCarePlanIsPrintedWithTheClearedLine() throws Exception {
        practice();
        long client = client("Ann", "Lee", null);
        intake(client, "calf-left", " --red-flags one-sided-calf-swelling");
        run("intake clear --client " + client + " --note \"GP: ultrasound clear\"").expectOk();

        Result result = export(client, "--out", out.toString());

        assertThat(result.output()).doesNotContain("Urgent referral not cleared")
                .contains("Urgent referral cleared by a doctor on");
        try (PDDocument document = Loader.loadPDF(single(out).toFile())) {
            assertThat(squash(text(document))).contains(squash("Your doctor checked this on"))
                    .contains(squash("Your stretches"));
        }
        assertThat(jdbc.sql("SELECT kind FROM care_plan_export").query(String.class).single()).isEqualTo("care-plan");
    }

    @Test
    void eachAdaptationIsPrintedKeptWithTheExportAndShownInTheRecord() throws Exception {
        practice();
        long client = client("Ann", "Lee", null);
        intake(client, "calf-left,foot-left", " --conditions neuropathy --medications \"warfarin 3 mg\"");

        Result result = export(client, "--out", out.toString());

        List<String> expected = List.of(
                "No heat, cold or ball pressure; daily foot checks: Peripheral neuropathy (intake v1)",
                "Blood thinner - gentle stroking only; bruising and bleeding signs: warfarin (intake v1)",
                "GP line for cramps most nights: 4 cramps a week (intake v1)");
        assertThat(result.output()).startsWith("Adapted to the screening:\n  " + String.join("\n  ", expected) + "\n");
        assertThat(jdbc.sql("SELECT adaptations FROM care_plan_export").query(String.class).single())
                .isEqualTo(String.join("\n", expected));
        try (PDDocument document = Loader.loadPDF(single(out).toFile())) {
            String text = text(document).toLowerCase(Locale.ROOT);
            assertThat(text).doesNotContain("ball").doesNotContain("cold").doesNotContain("warm bath")
                    .doesNotContain("knead").contains("anticoagulant clinic");
        }
        assertThat(run("client show " + client).expectOk()).contains("adapted: " + expected.get(0));
        Path chart = out.resolve("chart.pdf");
        run("chart export --client " + client + " --out " + chart).expectOk();
        try (PDDocument document = Loader.loadPDF(chart.toFile())) {
            assertThat(squash(text(document))).contains(squash("Adapted to the screening: • " + expected.get(0)))
                    .contains(squash("• " + expected.get(1)));
        }
    }

    @Test
    void theTherapistsSelfMassageMinutesComeFromTheSessionOrThePlanOption() {
        practice();
        long client = client("Ann", "Lee", null);
        intake(client, "calf-left", "");
        String none = run("plan preview --client " + client).expectOk();
        runWords("session", "new", "--client", String.valueOf(client), "--home-massage-minutes", "8",
                "--plan", SESSION_PLAN).expectOk();

        assertThat(none).doesNotContain("minutes a day");
        assertThat(run("plan preview --client " + client).expectOk())
                .contains("8 minutes a day for each leg, as your therapist suggested");
        assertThat(run("plan preview --client " + client + " --massage-minutes 15").expectOk())
                .contains("15 minutes a day for each leg, as your therapist suggested");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "61", "ten"})
    void selfMassageMinutesOutOfRangeAreRefused(String minutes) {
        practice();
        long client = client("Ann", "Lee", null);

        Result result = export(client, "--out", out.toString(), "--massage-minutes", minutes);

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).startsWith("--massage-minutes:");
        assertNothingWritten();
    }

    @Test
    void largePrintIsRecordedWithTheExport() throws Exception {
        practice();
        long client = client("Ann", "Lee", null);

        export(client, "--out", out.resolve("standard.pdf").toString()).expectOk();
        export(client, "--out", out.resolve("large.pdf").toString(), "--large-print").expectOk();

        // The flag is 0 or 1 on SQLite and a boolean on PostgreSQL; read as a boolean on both.
        assertThat(jdbc.sql("SELECT large_print FROM care_plan_export ORDER BY id").query(Boolean.class).list())
                .containsExactly(false, true);
        assertThat(PdfPages.read(Files.readAllBytes(out.resolve("large.pdf"))).smallestSize())
                .isGreaterThanOrEqualTo(14f);
        assertThat(PdfPages.read(Files.readAllBytes(out.resolve("standard.pdf"))).smallestSize())
                .isGreaterThanOrEqualTo(12f).isLessThan(14f);
        assertThat(run("client show " + client).expectOk()).contains("Care plan, large print");
    }

    // ---------------------------------------------------------------- helpers

    private void practice() {
        run("clinic set --name \"Bondi Body Works\" --address \"12 Beach Rd, Bondi NSW 2026\" --phone \"02 9130 1234\"")
                .expectOk();
        run("practitioner add --name \"Sam Jones\" --credentials RMT").expectOk();
    }

    private long client(String first, String last, String dob) {
        List<String> words = new ArrayList<>(List.of("client", "add", "--first-name", first, "--last-name", last));
        if (dob != null) {
            words.addAll(List.of("--dob", dob));
        }
        return Long.parseLong(runWords(words.toArray(String[]::new)).expectOk());
    }

    private void intake(long client, String sites, String more) {
        run("intake new --client " + client + " --date " + LocalDate.now().minusDays(30) + " --cramp-frequency 4"
                + " --cramp-sites " + sites + " --cramp-severity 6 --consent-date " + LocalDate.now().minusDays(30)
                + " --consent-by client --consent-explained all" + more).expectOk();
    }

    /** Records a session with a cramp count and a Plan; returns its id (the last line printed). */
    private long session(long client, String plan) {
        List<String> lines = runWords("session", "new", "--client", String.valueOf(client), "--cramps-per-week", "2",
                "--subjective", "Fewer cramps", "--plan", plan).expectOk().lines().toList();
        return Long.parseLong(lines.get(lines.size() - 1).strip());
    }

    private Result export(long client, String... options) {
        List<String> words = new ArrayList<>(List.of("plan", "export", "--client", String.valueOf(client)));
        words.addAll(List.of(options));
        return runWords(words.toArray(String[]::new));
    }

    private void assertNothingWritten() {
        try {
            assertThat(filesIn(out)).as("files in " + out).allSatisfy(name -> assertThat(name).doesNotEndWith(".pdf")
                    .doesNotEndWith(".part"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(exports()).isZero();
    }

    private int exports() {
        return jdbc.sql("SELECT count(*) FROM care_plan_export").query(Integer.class).single();
    }

    /** Every file name in a folder and below it, hidden ones too. */
    private static List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> !f.equals(folder)).map(f -> folder.relativize(f).toString()).sorted().toList();
        }
    }

    private static Path single(Path folder) throws IOException {
        List<String> names = filesIn(folder);
        assertThat(names).hasSize(1);
        return folder.resolve(names.get(0));
    }

    private static List<List<Float>> pageSizes(Path file) throws IOException {
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            List<List<Float>> sizes = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                sizes.add(List.of((float) Math.round(page.getMediaBox().getWidth()),
                        (float) Math.round(page.getMediaBox().getHeight())));
            }
            return sizes;
        }
    }

    private static String text(PDDocument document) throws IOException {
        return new PDFTextStripper().getText(document);
    }

    private static String squash(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
