package app.soapstone.superbill;

import app.soapstone.shell.Failure;
import app.soapstone.shell.ShellCompleter;
import app.soapstone.support.RecordsTest;
import app.soapstone.support.SoapstoneTest;
import app.soapstone.support.Tab;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code superbill} through the real command layer: the visits of a period with their codes and
 * units (the 8-minute rule at its boundaries), charges and payments from the receipt tables with
 * exact totals, the visits left out or refused and why, and the PDF read back with PDFBox.
 */
@Tag(SoapstoneTest.POSTGRESQL)
class SuperbillCommandsTest extends RecordsTest {

    private static final LocalDate FROM = TODAY.minusDays(20);

    @Autowired
    private ShellCompleter completer;

    @TempDir
    private Path out;

    private long sam;
    private long client;

    @BeforeEach
    void aClinicAClientAndAnIntake() {
        run("clinic set --name \"Calm Waters Massage\" --address \"1 Main St, Springfield\" --phone \"555 0100\""
                + " --tax-number 12-3456789 --currency USD").expectOk();
        sam = practitioner("Sam Jones");
        run("practitioner edit " + sam + " --registration-number 1234567893").ok();
        client = Long.parseLong(runWords("client", "add", "--first-name", "Ann", "--last-name", "Lee", "--dob",
                "1961-04-12", "--address", "9 Elm St, Springfield", "--phone", "555 0199").expectOk());
        intake(client, "");
    }

    @Test
    void eachSignedVisitWithItsCodesUnitsChargesAndExactTotals() throws IOException {
        long remedial = service("service add --name Remedial --minutes 60 --price 120 --codes 97124");
        long myo = service("service add --name Myo --minutes 45 --price 84.52 --tax-rate 13 --tax-name HST"
                + " --codes 97124");
        long first = visit(1, "60", "--diagnosis", "R25.2,M62.831", "--procedures", "97124:40,97140:20");
        long second = visit(2, "45", "--diagnosis", "M62.831", "--procedures", "97124:45");
        visit(3, "30", "--diagnosis", "R25.2", "--procedures", "97124:30");
        run("receipt issue --session " + first + " --paid 120 --method card --service " + remedial).expectOk();
        // 50.00 paid on a receipt voided for the wrong service moves to its replacement (84.52 + HST 10.99).
        run("receipt issue --session " + second + " --paid 50 --method cash --service " + remedial).expectOk();
        run("receipt void " + receiptId(second) + " --reason \"wrong service\"").expectOk();
        run("receipt issue --session " + second + " --paid 20 --method card --service " + myo).expectOk();
        run("receipt refund " + receiptId(second) + " --amount 3 --method card --reason goodwill").expectOk();

        Result result = superbill("--out", out.toString());

        Path file = out.resolve("Lee-Ann-superbill-" + TODAY + ".pdf");
        assertThat(result.expectOk()).isEqualTo("Wrote " + file + ": 3 visits, charges USD 215.51, paid USD 187.00,"
                + " balance USD 28.51" + result.output().strip().substring(result.output().strip().indexOf(" (")));
        String text = text(file);
        assertThat(text).contains("Calm Waters Massage", "1 Main St, Springfield", "555 0100", "Tax number 12-3456789",
                "Superbill: Ann Lee", "1961-04-12", "9 Elm St, Springfield", "555 0199",
                "Dates of service " + FROM + " to " + TODAY, "11 (Office)");
        assertThat(rows(text)).containsExactly(
                day(1) + " 11 Sam Jones, RMT 97124 x 3 (40 min) R25.2 120.00 120.00",
                day(2) + " 11 Sam Jones, RMT 97124 x 3 (45 min) M62.831 95.51 67.00",
                day(3) + " 11 Sam Jones, RMT 97124 x 2 (30 min) R25.2 - -");
        assertThat(squash(text)).contains("No. 1234567893", "97140 x 1 (20 min)", "M62.831",
                "Total charges (USD) 215.51", "Total paid 187.00", "Balance 28.51",
                "A visit with no receipt shows - for its charge and payment",
                "97124 Massage (effleurage, petrissage, tapotement), each 15 minutes", "R25.2 Cramp and spasm");

        Map<String, Object> audit = jdbc.sql("SELECT * FROM audit_event WHERE record_type = 'superbill'").query()
                .singleRow();
        assertThat(audit).containsEntry("action", "export");
        assertThat(((Number) audit.get("client_id")).longValue()).isEqualTo(client);
        assertThat((String) audit.get("summary")).startsWith("Wrote superbill for " + FROM + " to " + TODAY
                + ", 3 visits to " + file.getFileName());
    }

    @ParameterizedTest(name = "{0} minutes make {1} units")
    @CsvSource({"8, 1", "22, 1", "23, 2", "37, 2", "38, 3", "52, 3", "53, 4"})
    void unitsFollowTheEightMinuteRuleAtItsBoundaries(int minutes, int units) throws IOException {
        visit(1, "60", "--diagnosis", "R25.2", "--procedures", "97124:" + minutes);

        superbill("--out", out.toString()).expectOk();

        assertThat(squash(text(single()))).contains("97124 x " + units + " (" + minutes + " min)");
    }

    @Test
    void sevenMinutesBillNoUnitAndNoLineOfNoUnits() throws IOException {
        visit(1, "60", "--diagnosis", "R25.2", "--procedures", "97124:7");

        superbill("--out", out.toString()).expectOk();

        String text = squash(text(single()));
        assertThat(text).contains("none (under 8 timed minutes)").doesNotContain("x 0").doesNotContain("97124");
    }

    @Test
    void timedCodesShareTheUnitsOfTheirMinutesTogether() throws IOException {
        // 7 + 8 = 15 minutes make one unit, which goes to the code with more minutes.
        visit(1, "60", "--diagnosis", "R25.2", "--procedures", "97124:7,97140:8");

        superbill("--out", out.toString()).expectOk();

        String text = text(single());
        assertThat(rows(text)).containsExactly(day(1) + " 11 Sam Jones, RMT 97140 x 1 (8 min) R25.2 - -");
        assertThat(squash(text)).doesNotContain("97124 x 0");
    }

    @Test
    void unsignedNotesAreLeftOutAndNamed() throws IOException {
        visit(1, "60", "--diagnosis", "R25.2", "--procedures", "97124:60");
        long draft = session(client, "--date", day(2).toString(), "--time", "10:00", "--subjective", "x");

        String output = superbill("--out", out.toString()).expectOk();

        assertThat(output).startsWith("Left out session " + draft + ", not signed yet: sign it first (session sign ID)"
                + " to bill it\nWrote ").contains(": 1 visit, none with a receipt");
        assertThat(text(single())).doesNotContain(day(2).toString());
    }

    @Test
    void aVisitWithoutDiagnosisCodesTakesThoseTypedAndIsRefusedWithout() throws IOException {
        long session = visit(1, "60", "--procedures", "97124:60");

        Result refused = superbill("--out", out.toString());

        assertThat(refused.status()).isEqualTo(Failure.USAGE);
        assertThat(refused.error()).isEqualTo("--diagnosis: session " + session + " on " + day(1) + " has no diagnosis"
                + " codes; confirm them with --diagnosis (suggested from the intake: R25.2, M62.831)");
        assertThat(Files.list(out)).as("nothing written").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE record_type = 'superbill'").query(Long.class)
                .single()).isZero();

        superbill("--out", out.toString(), "--diagnosis", "m62.831").expectOk();
        assertThat(rows(text(single()))).containsExactly(day(1) + " 11 Sam Jones, RMT 97124 x 4 (60 min) M62.831 - -");
    }

    @Test
    void withoutMinutesByCodeTheServicesOneTimedCodeTakesTheSessionsMinutes() throws IOException {
        long service = service("service add --name Remedial --minutes 60 --price 120 --codes 97124");
        long byReceipt = visit(1, "50", "--diagnosis", "R25.2");
        run("receipt issue --session " + byReceipt + " --paid 0 --service " + service).expectOk();
        long byAppointment = visit(2, "38", "--diagnosis", "R25.2");
        appointmentDone(day(2), service);

        superbill("--out", out.toString()).expectOk();

        assertThat(rows(text(single()))).containsExactly(
                day(1) + " 11 Sam Jones, RMT 97124 x 3 (50 min) R25.2 120.00 0.00",
                day(2) + " 11 Sam Jones, RMT 97124 x 3 (38 min) R25.2 - -");
        assertThat(byAppointment).isPositive();
    }

    @Test
    void aVisitWithNoMinutesToBillIsRefusedNamingItUntilTheyAreConfirmed() throws IOException {
        long service = service("service add --name Mixed --minutes 60 --price 120 --codes 97124,97140");
        long session = visit(1, "60", "--diagnosis", "R25.2");
        run("receipt issue --session " + session + " --paid 0 --service " + service).expectOk();

        Result result = superbill("--out", out.toString());

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).startsWith("--procedures: session " + session + " on " + day(1) + " has no minutes"
                + " by procedure code, and no service with exactly one timed code to give its 60 minutes to; confirm"
                + " them with --procedures").doesNotContain("\n");
        Result tooLong = superbill("--out", out.toString(), "--procedures", "97124:45,97140:20");
        assertThat(tooLong.error()).isEqualTo("--procedures: 65 minutes is more than session " + session + " on "
                + day(1) + " lasted (60 minutes)");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE record_type = 'superbill'").query(Long.class)
                .single()).isZero();

        superbill("--out", out.toString(), "--procedures", "97124:40,97140:20").expectOk();
        String text = text(single());
        // 60 minutes are 4 units: one for each full 15 of each code, the last to the 10 left of 97124.
        assertThat(rows(text)).containsExactly(day(1) + " 11 Sam Jones, RMT 97124 x 3 (40 min) R25.2 120.00 0.00");
        assertThat(text).contains("97140 x 1 (20 min)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --to 2020-01-01              | --to: 2020-01-01 is before --from
            --diagnosis Z99.9            | --diagnosis: 'Z99.9' is not one of the clinic's diagnosis codes; use R25.2
            --paper legal                | --paper
            """)
    void badOptionsAreRefusedByName(String options, String message) {
        String line = "superbill --client " + client + " --from " + FROM + (options.startsWith("--to") ? ""
                : " --to " + TODAY) + " " + options + " --out " + out;

        Result result = run(line);

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).startsWith(message);
    }

    @Test
    void aPeriodWithNothingSignedIsRefused() {
        long draft = session(client, "--date", day(1).toString(), "--time", "10:00", "--subjective", "x");

        Result result = superbill("--out", out.toString());

        assertThat(result.status()).isEqualTo(Failure.CONFLICT);
        assertThat(result.error()).isEqualTo("Client " + client + " has no signed session from " + FROM + " to " + TODAY
                + "; sign session " + draft + " first (session sign ID), so there is nothing to bill");
    }

    @Test
    void tabOffersTheDiagnosisCodesTheIntakeSuggestsFirst() {
        List<String> offered = Tab.values(Tab.press(completer, "superbill --client " + client + " --diagnosis "));

        assertThat(offered.subList(0, 2)).containsExactly("R25.2", "M62.831");
    }

    // ---------------------------------------------------------------- helpers

    private static LocalDate day(int n) {
        return FROM.plusDays(n);
    }

    /** A signed session on day {@code n} of the period, {@code minutes} long, with the options given. */
    private long visit(int n, String minutes, String... options) {
        List<String> words = new ArrayList<>(List.of("--date", day(n).toString(), "--time", "09:00", "--duration",
                minutes, "--subjective", "Calf cramps"));
        words.addAll(List.of(options));
        long id = session(client, words.toArray(String[]::new));
        sign(id);
        return id;
    }

    private Result superbill(String... options) {
        List<String> words = new ArrayList<>(List.of("superbill", "--client", String.valueOf(client), "--from",
                FROM.toString(), "--to", TODAY.toString()));
        words.addAll(List.of(options));
        return runWords(words.toArray(String[]::new));
    }

    /** The service a {@code service add} line adds. */
    private long service(String line) {
        run(line).expectOk();
        return jdbc.sql("SELECT max(id) FROM service").query(Long.class).single();
    }

    /** The number of the session's receipt that is not voided, as the receipt commands take it. */
    private long receiptId(long session) {
        return jdbc.sql("SELECT number FROM receipt WHERE session_id = ? AND id NOT IN (SELECT receipt_id FROM receipt_void)")
                .param(session).query(Long.class).single();
    }

    /** An appointment of the client marked done on {@code day} at 09:00 UTC, for {@code service}. */
    private void appointmentDone(LocalDate day, long service) {
        jdbc.sql("""
                        INSERT INTO appointment (client_id, practitioner_id, starts_at, ends_at, time_zone, status,
                            created_at, updated_at, service_id)
                        VALUES (?, ?, ?, ?, 'UTC', 'DONE', '2026-11-01T08:00:00.000Z', '2026-11-01T08:00:00.000Z', ?)""")
                .params(client, sam, day + "T09:00:00Z", day + "T10:00:00Z", service).update();
    }

    private Path single() throws IOException {
        try (var files = Files.list(out)) {
            return files.toList().getFirst();
        }
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            // By position: a row's cells side by side on one line, as a reader sees them.
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        }
    }

    /** The table's rows as lines that start with a date, each with the lines of its cells run together. */
    private static List<String> rows(String text) {
        List<String> rows = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (String line : lines) {
            if (line.matches("\\d{4}-\\d{2}-\\d{2} 11 .*")) {
                rows.add(line.strip());
            }
        }
        return rows;
    }

    private static String squash(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
