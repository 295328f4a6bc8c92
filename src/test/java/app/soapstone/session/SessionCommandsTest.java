package app.soapstone.session;

import app.soapstone.screening.ScreeningRules;
import app.soapstone.shell.Failure;
import app.soapstone.storage.SqliteDialect;
import app.soapstone.support.SoapstoneTest;
import app.soapstone.template.TemplateFiles;
import app.soapstone.vocabulary.Vocabulary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code session new|list|show|edit|sign|amend|search}, {@code client progress} and the last
 * visit in {@code client list|show}, through the real command layer, checked against the rows in
 * {@code session}, {@code session_modality}, {@code session_area} and {@code addendum}.
 */
@Tag(SoapstoneTest.POSTGRESQL)
class SessionCommandsTest extends SoapstoneTest {

    private static final List<String> TABLES = List.of("session", "session_modality", "session_area", "addendum");
    private static final Pattern INSTANT_TEXT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    private static final String CLEARANCE_SQL = "SELECT count(*) FROM intake_clearance";

    @Autowired
    private Vocabulary vocabulary;

    @Autowired
    private ScreeningRules rules;

    @Autowired
    private TemplateFiles templateFiles;

    @Autowired
    private UnsignedNotesNotice unsignedNotice;

    // ---------------------------------------------------------------- session new: what is stored

    @Test
    void theDateMayBeTodayOrYesterday() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");

        long yesterday = session(client, "--date yesterday --time 09:15 --subjective x");
        long today = session(client, "--date Today --time 00:00 --subjective x");
        run("session edit " + yesterday + " --date today --time 00:00").expectOk();

        assertThat(row(yesterday)).containsEntry("started_at", TODAY + "T00:00");
        assertThat(row(today)).containsEntry("started_at", TODAY + "T00:00");
        long older = session(client, "--date yesterday --time 09:15 --subjective y");
        assertThat(row(older)).containsEntry("started_at", TODAY.minusDays(1) + "T09:15");
    }

    @Test
    void newStoresEveryFieldOfTheSessionAndItsLists() {
        long practitioner = practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        LocalDate date = TODAY.minusDays(2);

        Result result = runWords("session", "new", "--client", String.valueOf(client), "--date", date.toString(),
                "--time", "14:30", "--duration", "60", "--modalities", "effleurage, Trigger-Point petrissage",
                "--areas", "calf-left,calf-right", "--pressure", "Moderate", "--products", "arnica oil",
                "--home-massage-minutes", "10",
                "--pain-before", "6", "--pain-after", "2", "--cramps-per-week", "3.5", "--cramp-severity", "7",
                "--sleep-disturbance", "5",
                "--subjective", "Night cramps twice this week.\nWorst 7/10.",
                "--objective", "Right calf tone raised.", "--assessment", "Good response.",
                "--plan", "Calf stretches nightly.\nReview in 2 weeks.");

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        long id = lastLineId(result);
        Map<String, Object> row = row(id);
        assertThat(id(row, "client_id")).isEqualTo(client);
        assertThat(id(row, "practitioner_id")).isEqualTo(practitioner);
        assertThat(row).containsEntry("started_at", date + "T14:30")
                .containsEntry("duration_minutes", 60)
                .containsEntry("pressure", "moderate")
                .containsEntry("products", "arnica oil")
                .containsEntry("home_massage_minutes", 10)
                .containsEntry("pain_before", 6)
                .containsEntry("pain_after", 2)
                .containsEntry("cramp_severity", 7)
                .containsEntry("sleep_disturbance", 5)
                .containsEntry("subjective", "Night cramps twice this week.\nWorst 7/10.")
                .containsEntry("objective", "Right calf tone raised.")
                .containsEntry("assessment", "Good response.")
                .containsEntry("plan", "Calf stretches nightly.\nReview in 2 weeks.")
                .containsEntry("screening_shown", "No intake on file");
        assertThat(((Number) row.get("cramps_per_week")).doubleValue()).isEqualTo(3.5);
        for (String column : List.of("intake_id", "template", "warnings_shown", "override_reason", "signed_at", "signed_by")) {
            assertThat(row.get(column)).as(column).isNull();
        }
        assertThat((String) row.get("created_at")).matches(INSTANT_TEXT);
        assertThat(modalities(id)).containsExactly("effleurage", "trigger-point", "petrissage");
        assertThat(areas(id)).containsExactly("calf-left", "calf-right");
        assertThat(result.output()).contains("no intake on file for this client (intake new --client " + client + ")");
    }

    @Test
    void newDefaultsToNowAndTheDefaultPractitionerAndLeavesTheRestEmpty() {
        long practitioner = practitioner("Sam Jones");
        practitioner("Kim Park");
        long client = client("Ann", "Lee");
        LocalDateTime before = LocalDateTime.now().truncatedTo(ChronoUnit.MINUTES);

        long id = session(client, "--subjective \"Cramps less often\"");

        LocalDateTime after = LocalDateTime.now();
        Map<String, Object> row = row(id);
        assertThat(LocalDateTime.parse((String) row.get("started_at"))).isBetween(before, after);
        assertThat(id(row, "practitioner_id")).isEqualTo(practitioner);
        assertThat(row).containsEntry("subjective", "Cramps less often");
        // Home massage minutes included: research sets no duration, so there is no default to give.
        for (String column : List.of("duration_minutes", "pressure", "products", "home_massage_minutes", "pain_before",
                "pain_after", "cramps_per_week", "cramp_severity", "sleep_disturbance", "objective", "assessment", "plan")) {
            assertThat(row.get(column)).as(column).isNull();
        }
        assertThat(counts()).containsEntry("session", 1).containsEntry("session_modality", 0)
                .containsEntry("session_area", 0);
    }

    @Test
    void newPrintsTheIdAsItsLastLine() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");

        Result result = run("session new --client " + client + " --subjective x");

        List<String> lines = result.expectOk().lines().toList();
        assertThat(lines.get(lines.size() - 1)).matches("\\d+");
        assertThat(jdbc.sql("SELECT id FROM session").query(Long.class).single())
                .isEqualTo(Long.parseLong(lines.get(lines.size() - 1)));
    }

    @Test
    void anotherPractitionerCanBeNamed() {
        practitioner("Sam Jones");
        long kim = practitioner("Kim Park");
        long client = client("Ann", "Lee");

        long id = session(client, "--practitioner " + kim + " --subjective x");

        assertThat(id(row(id), "practitioner_id")).isEqualTo(kim);
    }

    @Test
    void aTemplateWithoutTheEditorFillsTheNoteFromTheTemplate() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        Session.SoapNote template = templateFiles.read("soap/foot-cramps.yaml", SoapTemplates.SoapTemplate.class)
                .draft(Map.of());

        long id = session(client, "--template foot-cramps --duration 30");

        assertThat(row(id)).containsEntry("template", "foot-cramps")
                .containsEntry("subjective", template.subjective().strip())
                .containsEntry("objective", template.objective().strip())
                .containsEntry("assessment", template.assessment().strip())
                .containsEntry("plan", template.plan().strip());
    }

    @Test
    void aTemplateFillsOnlyTheSectionsNotGivenAsOptions() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        Session.SoapNote template = templateFiles.read("soap/foot-cramps.yaml", SoapTemplates.SoapTemplate.class)
                .draft(Map.of());

        long id = session(client, "--template foot-cramps --assessment \"Arch much softer\"");

        assertThat(row(id)).containsEntry("template", "foot-cramps")
                .containsEntry("subjective", template.subjective().strip())
                .containsEntry("objective", template.objective().strip())
                .containsEntry("assessment", "Arch much softer")
                .containsEntry("plan", template.plan().strip());
    }

    @Test
    void measuresGivenFillTheTemplatesNamedBlanks() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");

        long id = session(client, "--template nocturnal-calf-cramps --pain-before 6 --pain-after 3"
                + " --cramps-per-week 2.5 --sleep-disturbance 4");

        Map<String, Object> row = row(id);
        assertThat((String) row.get("assessment")).contains("Pain before 6/10, after 3/10.");
        assertThat((String) row.get("subjective"))
                .contains("Night cramps since last visit: 2.5 per week, worst __/10, lasting about __ min.")
                .contains("Sleep disturbance 4/10.").doesNotContain("{");
    }

    @Test
    void aMeasureGivenToSessionEditFillsItsBlankAndKeepsWhatWasWritten() {
        practitioner("Sam Jones");
        long id = session(client("Ann", "Lee"), "--template nocturnal-calf-cramps --pain-before 6");
        String subjective = (String) row(id).get("subjective");

        run("session edit " + id + " --pain-after 2 --cramp-severity 7 --cramps-per-week 3").expectOk();

        Map<String, Object> row = row(id);
        assertThat((String) row.get("assessment")).contains("Pain before 6/10, after 2/10.");
        assertThat((String) row.get("subjective")).isEqualTo(subjective.replace(
                "visit: __ per week, worst __/10", "visit: 3 per week, worst 7/10"));
        assertThat(row).containsEntry("pain_after", 2).containsEntry("cramp_severity", 7);
        // A number already written is the therapist's to change; the blank is filled once.
        run("session edit " + id + " --pain-before 8").expectOk();
        assertThat((String) row(id).get("assessment")).contains("Pain before 6/10, after 2/10.");
        assertThat(row(id)).containsEntry("pain_before", 8);
    }

    // ---------------------------------------------------------------- session new: refusals

    static Stream<Arguments> badNewSessions() {
        return Stream.of(
                Arguments.of("--modalities reiki", "--modalities: 'reiki' is not allowed; use "),
                Arguments.of("--modalities \"effleurage, reiki\"", "--modalities: 'reiki' is not allowed; use "),
                Arguments.of("--areas elbow", "--areas: 'elbow' is not allowed; use "),
                Arguments.of("--areas calf", "--areas: 'calf' is not allowed; use calf-left or calf-right"),
                Arguments.of("--pain-before 11", "--pain-before: 11 is out of range (use 0-10)"),
                Arguments.of("--pain-after 12", "--pain-after: 12 is out of range (use 0-10)"),
                Arguments.of("--cramp-severity 11", "--cramp-severity: 11 is out of range (use 0-10)"),
                Arguments.of("--sleep-disturbance 11", "--sleep-disturbance: 11 is out of range (use 0-10)"),
                Arguments.of("--duration 0", "--duration: 0 is out of range (use 1-600)"),
                Arguments.of("--duration 601", "--duration: 601 is out of range (use 1-600)"),
                Arguments.of("--home-massage-minutes 0", "--home-massage-minutes: 0 is out of range (use 1-60)"),
                Arguments.of("--home-massage-minutes 61", "--home-massage-minutes: 61 is out of range (use 1-60)"),
                Arguments.of("--home-massage-minutes ten", "--home-massage-minutes: 'ten' is not a whole number"),
                Arguments.of("--pressure hard", "--pressure: 'hard' is not allowed; use light, moderate, firm, deep"),
                Arguments.of("--date " + TODAY.plusDays(1), "--date: " + TODAY.plusDays(1) + " is in the future"),
                Arguments.of("--date " + TODAY.plusDays(1) + " --time 10:00", "is in the future"),
                Arguments.of("--date 2025-02-30 --time 10:00", "--date: 2025-02-30 is not a valid date"),
                Arguments.of("--date " + TODAY.minusDays(3), "--time: give the start time (HH:MM)"),
                Arguments.of("--time 25:00", "--time: 25:00 is not a valid time"),
                Arguments.of("--template nope", "--template: 'nope' is not a SOAP template; use "),
                Arguments.of("--products \"oil\u0007\"", "--products: contains U+0007 BEL (character 4)"),
                Arguments.of("--cramps-per-week lots", "--cramps-per-week"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badNewSessions")
    void newRefusesBadInputAndStoresNothing(String options, String message) {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");

        Result result = run("session new --client " + client + " --subjective \"Cramps\" " + options);

        assertThat(result.status()).as(result.output()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).contains(message);
        assertNothingStored();
    }

    @Test
    void anUnknownModalityOrAreaIsReportedWithTheValidOnes() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");

        Result modality = run("session new --client " + client + " --modalities reiki --subjective x");
        Result area = run("session new --client " + client + " --areas elbow --subjective x");

        assertThat(modality.error()).contains(vocabulary.modalityIds());
        assertThat(area.error()).contains(vocabulary.siteIds());
        assertNothingStored();
    }

    @Test
    void anUnknownClientIsNotFound() {
        practitioner("Sam Jones");

        Result result = run("session new --client 999 --subjective x");

        assertThat(result.status()).isEqualTo(Failure.NOT_FOUND);
        assertThat(result.error()).contains("No client with id 999");
        assertNothingStored();
    }

    @Test
    void anArchivedClientIsRefused() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        run("client archive " + client).expectOk();

        Result result = run("session new --client " + client + " --subjective x");

        assertThat(result.status()).isEqualTo(Failure.CONFLICT);
        assertThat(result.error()).contains("archived").contains("client restore " + client);
        assertNothingStored();
    }

    @Test
    void anUnknownPractitionerIsNotFound() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");

        Result result = run("session new --client " + client + " --practitioner 999 --subjective x");

        assertThat(result.status()).isEqualTo(Failure.NOT_FOUND);
        assertThat(result.error()).contains("999");
        assertNothingStored();
    }

    @Test
    void withoutAnyPractitionerNothingIsStored() {
        long client = client("Ann", "Lee");

        Result result = run("session new --client " + client + " --subjective x");

        assertThat(result.status()).isEqualTo(Failure.CONFLICT);
        assertThat(result.error()).contains("practitioner add");
        assertNothingStored();
    }

    // ---------------------------------------------------------------- screening before a session

    @Test
    void anUnclearedUrgentReferralRefusesTheSession() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        intake(client, " --red-flags one-sided-calf-swelling");
        String title = rules.redFlag("one-sided-calf-swelling").orElseThrow().title();

        Result result = run("session new --client " + client + " --modalities effleurage --areas calf-left"
                + " --subjective \"Calf swollen\"");

        assertThat(result.status()).isEqualTo(Failure.CONFLICT);
        assertThat(result.error()).contains("urgent referral").contains(title).contains("--override")
                .contains("intake clear --client " + client).contains("nothing was stored");
        assertThat(result.output()).contains("Screening for Ann Lee:").contains("!! REFER (urgent): " + title);
        assertNothingStored();
    }

    @Test
    void anOverrideReasonLetsTheSessionBeRecordedAndIsStored() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        intake(client, " --red-flags one-sided-calf-swelling");
        String title = rules.redFlag("one-sided-calf-swelling").orElseThrow().title();
        long intake = jdbc.sql("SELECT id FROM intake").query(Long.class).single();

        long id = session(client, "--override \"GP phoned: ultrasound booked, upper body only\" --areas upper-back"
                + " --subjective \"Calf swollen\"");

        Map<String, Object> row = row(id);
        assertThat(row).containsEntry("override_reason", "GP phoned: ultrasound booked, upper body only");
        assertThat(id(row, "intake_id")).isEqualTo(intake);
        assertThat((String) row.get("screening_shown")).contains("REFER (urgent): " + title);
        assertThat(run("session show " + id).expectOk()).contains("GP phoned: ultrasound booked, upper body only");
    }

    @Test
    void aBlankOverrideIsNoOverride() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        intake(client, " --red-flags one-sided-calf-swelling");

        Result result = run("session new --client " + client + " --override \"  \" --subjective x");

        assertThat(result.status()).isEqualTo(Failure.CONFLICT);
        assertNothingStored();
    }

    @Test
    void afterAMedicalClearanceNoOverrideIsNeeded() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        intake(client, " --red-flags one-sided-calf-swelling");
        run("intake clear --client " + client + " --note \"GP: DVT excluded by ultrasound\"").expectOk();
        assertThat(jdbc.sql(CLEARANCE_SQL).query(Integer.class).single()).isOne();

        long id = session(client, "--subjective x");

        Map<String, Object> row = row(id);
        assertThat(row.get("override_reason")).isNull();
        assertThat((String) row.get("screening_shown")).contains("REFER (urgent, cleared)");
    }

    @Test
    void theFlagsShownAreStoredWithTheNote() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        intake(client, " --conditions diabetes,neuropathy");
        String diabetes = conditionFlagTitle("diabetes");
        String neuropathy = conditionFlagTitle("neuropathy");

        Result result = run("session new --client " + client + " --modalities effleurage --subjective x");

        long id = lastLineId(result);
        String shown = (String) row(id).get("screening_shown");
        assertThat(shown).contains(diabetes).contains(neuropathy);
        assertThat(result.output()).contains(diabetes).contains(neuropathy);
        assertThat(row(id).get("warnings_shown")).as("effleurage conflicts with nothing").isNull();
        assertThat(result.output()).doesNotContain("WARNING");
    }

    static Stream<Arguments> conflicts() {
        return Stream.of(
                Arguments.of(" --medications \"Eliquis 5mg bd\"", "medication-class", "anticoagulant", "deep-tissue", null),
                Arguments.of(" --medications \"Eliquis 5mg bd\"", "medication-class", "anticoagulant", "friction", null),
                Arguments.of(" --medications \"Eliquis 5mg bd\"", "medication-class", "anticoagulant", "effleurage", "deep"),
                Arguments.of(" --conditions neuropathy", "condition", "neuropathy", "hot-stone", null),
                Arguments.of(" --conditions neuropathy", "condition", "neuropathy", "heat", null),
                Arguments.of(" --conditions bleeding-disorder", "condition", "bleeding-disorder", "cupping", null));
    }

    @ParameterizedTest(name = "{2} + {3}")
    @MethodSource("conflicts")
    void aConflictingModalityWarnsAndTheNoteKeepsTheWarning(String intakeOptions, String kind, String when,
            String modality, String pressure) {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        intake(client, intakeOptions);
        String used = pressure == null ? modality : pressure + " pressure";
        String warning = conflictWarning(kind, when) + " [used: " + used + "]";

        Result result = run("session new --client " + client + " --modalities " + modality
                + (pressure == null ? "" : " --pressure " + pressure) + " --subjective x");

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        assertThat(result.output()).contains("WARNING: " + warning);
        long id = lastLineId(result);
        assertThat((String) row(id).get("warnings_shown")).contains(warning);
        assertThat(run("session show " + id).expectOk()).contains(warning);
    }

    @Test
    void aModalityThatIsSafeForThePrecautionGivesNoWarning() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        intake(client, " --medications \"Eliquis 5mg bd\"");

        Result result = run("session new --client " + client + " --modalities effleurage,petrissage --pressure light"
                + " --subjective x");

        long id = lastLineId(result);
        assertThat(result.output()).doesNotContain("WARNING");
        assertThat(row(id).get("warnings_shown")).isNull();
        assertThat((String) row(id).get("screening_shown")).containsIgnoringCase("anticoagulant");
    }

    @Test
    void everyConflictingModalityIsNamedInTheWarning() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        intake(client, " --medications \"Eliquis 5mg bd\"");

        long id = session(client, "--modalities deep-tissue,effleurage,cupping --pressure deep --subjective x");

        assertThat((String) row(id).get("warnings_shown"))
                .contains(conflictWarning("medication-class", "anticoagulant") + " [used: deep-tissue, cupping, deep pressure]");
    }

    // ---------------------------------------------------------------- session list

    @Test
    void listShowsAClientsSessionsNewestFirst() {
        practitioner("Sam Jones");
        long ann = client("Ann", "Lee");
        long bob = client("Bob", "Stone");
        long older = session(ann, "--date " + TODAY.minusDays(10) + " --time 09:00 --duration 45"
                + " --modalities effleurage,petrissage --pain-before 6 --pain-after 2 --subjective x");
        long newer = session(ann, "--date " + TODAY.minusDays(3) + " --time 16:15 --subjective y");
        long bobs = session(bob, "--subjective z");
        run("session sign " + older).expectOk();

        String list = run("session list --client " + ann).expectOk();

        List<List<String>> rows = tableRows(list);
        assertThat(rows).extracting(r -> r.get(0)).containsExactly(String.valueOf(newer), String.valueOf(older));
        assertThat(rows.get(1)).containsExactly(String.valueOf(older), TODAY.minusDays(10) + " 09:00", "45",
                "effleurage, petrissage", "6 -> 2", "Sam Jones", "signed");
        assertThat(rows.get(0)).startsWith(String.valueOf(newer), TODAY.minusDays(3) + " 16:15").endsWith("draft");
        assertThat(list).doesNotContain(TODAY.toString());
        assertThat(rows).extracting(r -> r.get(0)).doesNotContain(String.valueOf(bobs));
    }

    @Test
    void listSaysWhenThereAreNoSessions() {
        long client = client("Ann", "Lee");

        assertThat(run("session list --client " + client).expectOk()).isEqualTo("No sessions yet.");
    }

    @Test
    void listNeedsAClientOrUnsigned() {
        Result result = run("session list");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).contains("--client").contains("--unsigned");
    }

    @Test
    void listOfAnUnknownClientIsNotFound() {
        assertThat(run("session list --client 999").status()).isEqualTo(Failure.NOT_FOUND);
        assertThat(run("session list --unsigned --client 999").status()).isEqualTo(Failure.NOT_FOUND);
    }

    @Test
    void listUnsignedShowsOnlyDraftsOfEveryClient() {
        practitioner("Sam Jones");
        long ann = client("Ann", "Lee");
        long bob = client("Bob", "Stone");
        long annDraft = session(ann, "--subjective a");
        long annSigned = session(ann, "--subjective b");
        long bobDraft = session(bob, "--subjective c");
        run("session sign " + annSigned).expectOk();

        String all = run("session list --unsigned").expectOk();
        String bobs = run("session list --unsigned --client " + bob).expectOk();

        assertThat(tableRows(all)).extracting(r -> r.get(0))
                .containsExactly(String.valueOf(annDraft), String.valueOf(bobDraft));
        assertThat(all).contains("Ann Lee (" + ann + ")").contains("Bob Stone (" + bob + ")").contains("0 hours");
        assertThat(tableRows(bobs)).extracting(r -> r.get(0)).containsExactly(String.valueOf(bobDraft));

        run("session sign " + annDraft).expectOk();
        run("session sign " + bobDraft).expectOk();
        assertThat(run("session list --unsigned").expectOk()).isEqualTo("No unsigned notes.");
    }

    @Test
    void listUnsignedSaysHowLongANoteHasWaited() {
        practitioner("Sam Jones");
        long ann = client("Ann", "Lee");
        long draft = session(ann, "--subjective a");
        setCreatedAt(draft, Instant.now().minus(java.time.Duration.ofHours(75)));

        assertThat(run("session list --unsigned").expectOk()).contains("3 days");
    }

    // ---------------------------------------------------------------- session show

    @Test
    void showPrintsTheWholeDraftNote() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        Result created = runWords("session", "new", "--client", String.valueOf(client), "--date",
                TODAY.minusDays(1).toString(), "--time", "10:05", "--duration", "50", "--modalities",
                "trigger-point,effleurage", "--areas", "calf-right", "--pressure", "firm", "--products", "arnica",
                "--home-massage-minutes", "10", "--pain-before", "6", "--pain-after", "3", "--cramps-per-week", "2", "--cramp-severity", "5",
                "--sleep-disturbance", "4", "--subjective", "Cramps twice.\nWoke once.", "--objective", "Tight calf.",
                "--plan", "Stretch.");
        long id = lastLineId(created);

        String note = run("session show " + id).expectOk();

        assertThat(note).contains("Session:").contains(id + " (DRAFT - not signed)")
                .contains("Ann Lee (" + client + ")")
                .contains(TODAY.minusDays(1) + " 10:05, 50 min")
                .contains("Sam Jones, RMT")
                .contains(vocabulary.site("calf-right").orElseThrow().label())
                .contains(vocabulary.modality("trigger-point").orElseThrow().label() + ", "
                        + vocabulary.modality("effleurage").orElseThrow().label())
                .contains("firm").contains("arnica").contains("6 -> 3")
                .contains("2 cramps a week, severity 5/10, sleep disturbance 4/10")
                .contains("Home self-massage:  10 minutes a day")
                .contains("No intake on file")
                .contains("Subjective\n  Cramps twice.\n  Woke once.")
                .contains("Objective\n  Tight calf.")
                .contains("Assessment\n  (none)")
                .contains("Plan\n  Stretch.")
                .endsWith("DRAFT - not signed. Sign with: session sign " + id);
    }

    @Test
    void showLeavesOutHomeSelfMassageWhenNoneWasSuggested() {
        practitioner("Sam Jones");
        long id = session(client("Ann", "Lee"), "--duration 50 --subjective x");

        String note = run("session show " + id).expectOk();

        assertThat(note).contains("50 min").doesNotContain("self-massage").doesNotContain("minutes a day");
    }

    @Test
    void amendReportsTheNumberSessionShowPrintsNotTheRowId() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        long first = session(client, "--subjective x");
        long second = session(client, "--subjective y");
        run("session sign " + first).expectOk();
        run("session sign " + second).expectOk();
        run("session amend " + first + " --text \"First note's first addendum.\"").expectOk();
        run("session amend " + first + " --text \"First note's second addendum.\"").expectOk();

        String added = run("session amend " + second + " --text \"Second note's only addendum.\"").expectOk();

        long rowId = jdbc.sql("SELECT id FROM addendum WHERE session_id = ?").param(second).query(Long.class).single();
        assertThat(rowId).as("the third addendum written, so its row id is not its number").isGreaterThan(2L);
        assertThat(added).isEqualTo("Added addendum 1 to session " + second);
        assertThat(run("session show " + second).expectOk()).contains("Addendum 1, ").doesNotContain("Addendum 2")
                .doesNotContain("Addendum " + rowId);
        assertThat(run("session amend " + first + " --text \"Third.\"").expectOk())
                .isEqualTo("Added addendum 3 to session " + first);
        assertThat(run("session show " + first).expectOk()).contains("Addendum 3, ").contains("Third.");
    }

    @Test
    void showPrintsTheSignatureAndTheAddendaInOrder() {
        practitioner("Sam Jones");
        long kim = practitioner("Kim Park");
        long client = client("Ann", "Lee");
        long id = session(client, "--subjective \"Cramps twice\"");
        run("session sign " + id).expectOk();
        run("session amend " + id + " --text \"Client phoned: cramp free since.\"").expectOk();
        runWords("session", "amend", String.valueOf(id), "--text", "Late entry:\nbruise noted on left calf.",
                "--practitioner", String.valueOf(kim)).expectOk();
        String signedAt = (String) row(id).get("signed_at");

        String note = run("session show " + id).expectOk();

        String signedLocal = SessionView.WHEN.format(Instant.parse(signedAt).atZone(java.time.ZoneId.systemDefault()));
        assertThat(note).contains(id + " (signed)").doesNotContain("DRAFT")
                .contains("Signed by Sam Jones, RMT on " + signedLocal);
        int first = note.indexOf("Addendum 1, ");
        int second = note.indexOf("Addendum 2, ");
        assertThat(first).isGreaterThan(note.indexOf("Signed by"));
        assertThat(second).isGreaterThan(first);
        assertThat(note.substring(first, second)).contains("Sam Jones, RMT:\n  Client phoned: cramp free since.");
        assertThat(note.substring(second)).contains("Kim Park, RMT:\n  Late entry:\n  bruise noted on left calf.");
    }

    @Test
    void showOfAnUnknownSessionIsNotFound() {
        Result result = run("session show 999");

        assertThat(result.status()).isEqualTo(Failure.NOT_FOUND);
        assertThat(result.error()).contains("No session with id 999");
    }

    // ---------------------------------------------------------------- session edit

    @Test
    void editChangesOnlyTheOptionsGiven() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        long id = session(client, "--date " + TODAY.minusDays(1) + " --time 10:00 --duration 60"
                + " --modalities effleurage,petrissage --areas calf-left --pressure moderate --products oil"
                + " --home-massage-minutes 10 --pain-before 6 --pain-after 2 --subjective \"First S\" --plan \"First P\"");
        Map<String, Object> before = row(id);

        Result result = run("session edit " + id + " --duration 45 --modalities trigger-point --time 08:15"
                + " --products \"\" --plan \"Second P\" --cramp-severity 3");

        assertThat(result.expectOk()).isEqualTo("Updated draft session " + id);
        Map<String, Object> after = row(id);
        assertThat(after).containsEntry("duration_minutes", 45)
                .containsEntry("started_at", TODAY.minusDays(1) + "T08:15")
                .containsEntry("plan", "Second P")
                .containsEntry("cramp_severity", 3)
                .containsEntry("subjective", "First S")
                .containsEntry("pressure", "moderate")
                .containsEntry("home_massage_minutes", 10)
                .containsEntry("pain_before", 6)
                .containsEntry("pain_after", 2)
                .containsEntry("created_at", before.get("created_at"))
                .containsEntry("screening_shown", before.get("screening_shown"));
        assertThat(after.get("products")).isNull();
        assertThat(after.get("signed_at")).isNull();
        assertThat(modalities(id)).containsExactly("trigger-point");
        assertThat(areas(id)).containsExactly("calf-left");
        assertThat(counts()).containsEntry("session", 1).containsEntry("session_modality", 1)
                .containsEntry("session_area", 1);
    }

    @Test
    void editChangesTheHomeMassageMinutes() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        long suggested = session(client, "--home-massage-minutes 10 --subjective x");
        long none = session(client, "--subjective y");

        run("session edit " + suggested + " --home-massage-minutes 15").expectOk();
        run("session edit " + none + " --home-massage-minutes 5").expectOk();

        assertThat(row(suggested)).containsEntry("home_massage_minutes", 15);
        assertThat(row(none)).containsEntry("home_massage_minutes", 5);
        assertThat(run("session show " + suggested).expectOk()).contains("15 minutes a day");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0   | --home-massage-minutes: 0 is out of range (use 1-60)
            61  | --home-massage-minutes: 61 is out of range (use 1-60)
            -5  | --home-massage-minutes: -5 is out of range (use 1-60)
            ten | --home-massage-minutes: 'ten' is not a whole number
            """)
    void editRefusesHomeMassageMinutesOutsideOneToSixtyAndKeepsTheOldValue(String value, String message) {
        practitioner("Sam Jones");
        long id = session(client("Ann", "Lee"), "--home-massage-minutes 10 --subjective x");
        Map<String, Object> before = row(id);

        Result result = runWords("session", "edit", String.valueOf(id), "--plan", "New plan", "--home-massage-minutes", value);

        assertThat(result.status()).as(result.output()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).contains(message);
        assertThat(row(id)).isEqualTo(before).containsEntry("home_massage_minutes", 10);
    }

    @Test
    void editCanMoveTheDateAndClearTheAreas() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        long id = session(client, "--date " + TODAY.minusDays(1) + " --time 10:00 --areas calf-left,foot-left"
                + " --subjective x");

        run("session edit " + id + " --date " + TODAY.minusDays(5) + " --areas \"\"").expectOk();

        assertThat(row(id)).containsEntry("started_at", TODAY.minusDays(5) + "T10:00");
        assertThat(areas(id)).isEmpty();
    }

    @Test
    void editWithNothingToChangeIsRefused() {
        practitioner("Sam Jones");
        long id = session(client("Ann", "Lee"), "--subjective x");
        Map<String, Object> before = row(id);

        Result result = run("session edit " + id);

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).contains("Nothing to change");
        assertThat(row(id)).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--pain-after 11", "--duration 0", "--duration 601", "--modalities reiki", "--areas elbow",
            "--pressure hard", "--sleep-disturbance 11", "--date 2999-01-01", "--time 7pm"})
    void editRefusesBadInputAndChangesNothing(String options) {
        practitioner("Sam Jones");
        long id = session(client("Ann", "Lee"), "--modalities effleurage --areas calf-left --pain-after 2 --duration 30"
                + " --subjective x");
        Map<String, Object> before = row(id);

        Result result = run("session edit " + id + " --plan \"New plan\" " + options);

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(row(id)).isEqualTo(before);
        assertThat(modalities(id)).containsExactly("effleurage");
        assertThat(areas(id)).containsExactly("calf-left");
    }

    @Test
    void editOfASignedNoteIsRefused() {
        practitioner("Sam Jones");
        long id = session(client("Ann", "Lee"), "--modalities effleurage --subjective x");
        run("session sign " + id).expectOk();
        Map<String, Object> before = row(id);

        Result result = run("session edit " + id + " --plan \"Changed my mind\" --modalities cupping");

        assertThat(result.status()).isEqualTo(Failure.CONFLICT);
        assertThat(result.error()).contains("signed and final").contains("session amend " + id);
        assertThat(row(id)).isEqualTo(before);
        assertThat(modalities(id)).containsExactly("effleurage");
    }

    @Test
    void editOfAnUnknownSessionIsNotFound() {
        Result result = run("session edit 999 --plan x");

        assertThat(result.status()).isEqualTo(Failure.NOT_FOUND);
        assertNothingStored();
    }

    // ---------------------------------------------------------------- session sign

    @Test
    void signRecordsTheDefaultPractitionerAndTheTime() {
        long sam = practitioner("Sam Jones");
        practitioner("Kim Park");
        long id = session(client("Ann", "Lee"), "--subjective x");
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        String output = run("session sign " + id).expectOk();

        Instant after = Instant.now();
        Map<String, Object> row = row(id);
        assertThat(id(row, "signed_by")).isEqualTo(sam);
        String signedAt = (String) row.get("signed_at");
        assertThat(signedAt).matches(INSTANT_TEXT);
        assertThat(Instant.parse(signedAt)).isBetween(before, after);
        assertThat(output).isEqualTo("Signed session " + id + " at "
                + SessionView.WHEN.format(Instant.parse(signedAt).atZone(java.time.ZoneId.systemDefault())));
    }

    @Test
    void signCanNameThePractitioner() {
        practitioner("Sam Jones");
        long kim = practitioner("Kim Park");
        long id = session(client("Ann", "Lee"), "--subjective x");

        run("session sign " + id + " --practitioner " + kim).expectOk();

        assertThat(id(row(id), "signed_by")).isEqualTo(kim);
        assertThat(run("session show " + id).expectOk()).contains("Signed by Kim Park, RMT on ");
    }

    @Test
    void aNoteWithBlanksLeftIsNotSignedAndTheBlanksAreListed() {
        practitioner("Sam Jones");
        long id = session(client("Ann", "Lee"), "--template foot-cramps --cramps-per-week 2"
                + " --objective \"Arch tight __/10\"");
        Map<String, Object> before = row(id);

        Result result = run("session sign " + id);

        assertThat(result.status()).isEqualTo(Failure.CONFLICT);
        assertThat(result.error()).isEqualTo("Session " + id + " has 2 unfilled blanks (__):\n"
                + "  Subjective: Foot or toe cramps since last visit: 2 per week, worst __/10, when (night / day / exercise):\n"
                + "  Objective: Arch tight __/10\n"
                + "Fill them with 'session edit " + id + "', or sign anyway with --allow-blanks; nothing was signed");
        assertThat(row(id)).isEqualTo(before);
        assertThat(row(id).get("signed_at")).isNull();
    }

    @Test
    void allowBlanksSignsAndSaysHowManyWereLeft() {
        practitioner("Sam Jones");
        long id = session(client("Ann", "Lee"), "--template nocturnal-calf-cramps --pain-before 6 --pain-after 3");

        String output = run("session sign " + id + " --allow-blanks").expectOk();

        assertThat(row(id).get("signed_at")).isNotNull();
        assertThat(output).startsWith("Signed session " + id + " at ").endsWith(", with 6 blanks left unfilled");
        // Signed with its blanks, the note is as final as any other.
        Result edit = run("session edit " + id + " --cramp-severity 5");
        assertThat(edit.status()).isEqualTo(Failure.CONFLICT);
        assertThat(edit.error()).contains("signed and final");
    }

    @Test
    void signingASignedNoteIsAConflict() {
        practitioner("Sam Jones");
        long id = session(client("Ann", "Lee"), "--subjective x");
        run("session sign " + id).expectOk();
        Map<String, Object> before = row(id);

        Result result = run("session sign " + id);

        assertThat(result.status()).isEqualTo(Failure.CONFLICT);
        assertThat(result.error()).contains("already signed").contains("session amend " + id);
        assertThat(row(id)).isEqualTo(before);
    }

    @Test
    void aDraftWithNoSoapTextCannotBeSigned() {
        practitioner("Sam Jones");
        long id = session(client("Ann", "Lee"), "--duration 30");

        Result result = run("session sign " + id);

        assertThat(result.status()).isEqualTo(Failure.CONFLICT);
        assertThat(result.error()).contains("no SOAP text");
        assertThat(row(id).get("signed_at")).isNull();
    }

    @Test
    void signingAnUnknownSessionOrWithAnUnknownPractitionerIsNotFound() {
        practitioner("Sam Jones");
        long id = session(client("Ann", "Lee"), "--subjective x");

        assertThat(run("session sign 999").status()).isEqualTo(Failure.NOT_FOUND);
        Result practitioner = run("session sign " + id + " --practitioner 999");

        assertThat(practitioner.status()).isEqualTo(Failure.NOT_FOUND);
        assertThat(row(id).get("signed_at")).isNull();
        assertThat(row(id).get("signed_by")).isNull();
    }

    // ---------------------------------------------------------------- session amend

    @Test
    void amendAddsADatedAddendumToASignedNote() {
        long sam = practitioner("Sam Jones");
        long id = session(client("Ann", "Lee"), "--subjective x");
        run("session sign " + id).expectOk();
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        String output = run("session amend " + id + " --text \"  Client phoned: no bruising.  \"").expectOk();

        Map<String, Object> addendum = jdbc.sql("SELECT * FROM addendum").query().singleRow();
        assertThat(output).isEqualTo("Added addendum 1 to session " + id);
        assertThat(id(addendum, "session_id")).isEqualTo(id);
        assertThat(id(addendum, "practitioner_id")).isEqualTo(sam);
        assertThat(addendum).containsEntry("text", "Client phoned: no bruising.");
        assertThat((String) addendum.get("written_at")).matches(INSTANT_TEXT);
        assertThat(Instant.parse((String) addendum.get("written_at"))).isBetween(before, Instant.now());
    }

    @Test
    void amendingADraftIsAConflict() {
        practitioner("Sam Jones");
        long id = session(client("Ann", "Lee"), "--subjective x");

        Result result = run("session amend " + id + " --text \"Late entry\"");

        assertThat(result.status()).isEqualTo(Failure.CONFLICT);
        assertThat(result.error()).contains("draft").contains("session edit " + id);
        assertThat(counts()).containsEntry("addendum", 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--text \"\"", "--text \"   \"", "--text \"\n\t\""})
    void anEmptyAddendumIsRefused(String options) {
        practitioner("Sam Jones");
        long id = session(client("Ann", "Lee"), "--subjective x");
        run("session sign " + id).expectOk();

        Result result = run("session amend " + id + " " + options);

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).contains("--text");
        assertThat(counts()).containsEntry("addendum", 0);
    }

    @Test
    void anAddendumNeedsText() {
        practitioner("Sam Jones");
        long id = session(client("Ann", "Lee"), "--subjective x");
        run("session sign " + id).expectOk();

        assertThat(run("session amend " + id).status()).isEqualTo(Failure.USAGE);
        assertThat(counts()).containsEntry("addendum", 0);
    }

    @Test
    void amendingAnUnknownSessionIsNotFound() {
        Result result = run("session amend 999 --text \"Late entry\"");

        assertThat(result.status()).isEqualTo(Failure.NOT_FOUND);
        assertThat(result.error()).contains("No session with id 999");
        assertNothingStored();
    }

    // ---------------------------------------------------------------- session search

    @Test
    void searchRanksANoteThatMentionsTheWordMoreOftenFirst() {
        practitioner("Sam Jones");
        long ann = client("Ann", "Lee");
        long bob = client("Bob", "Stone");
        // Created first and dated later, so neither id nor date order would put the better match first.
        long once = session(bob, "--date " + TODAY.minusDays(1) + " --time 10:00"
                + " --subjective \"Calf stretch advised tonight. Walk daily. Massage hamstrings too.\"");
        long thrice = session(ann, "--date " + TODAY.minusDays(9) + " --time 10:00"
                + " --subjective \"Calf stretch advised tonight. Stretch daily. Stretch hamstrings too.\"");
        session(ann, "--subjective \"Nothing about it here at all, only cramps.\"");

        String output = run("session search stretch").expectOk();

        List<List<String>> rows = tableRows(output);
        assertThat(rows).extracting(r -> r.get(0)).containsExactly(String.valueOf(thrice), String.valueOf(once));
        assertThat(rows.get(0)).containsSequence("Ann Lee (" + ann + ")", TODAY.minusDays(9) + " 10:00");
        assertThat(rows.get(0).get(3)).contains("[Stretch]").contains("[stretch]");
        assertThat(rows.get(1)).containsSequence("Bob Stone (" + bob + ")", TODAY.minusDays(1) + " 10:00");
    }

    @Test
    void searchNeedsEveryWord() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        long both = session(client, "--subjective \"Left calf cramps at night\"");
        session(client, "--subjective \"Left foot cramps at night\"");

        assertThat(tableRows(run("session search calf night").expectOk())).extracting(r -> r.get(0))
                .containsExactly(String.valueOf(both));
    }

    @Test
    void searchIgnoresAccentsAndCase() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        long accented = session(client, "--subjective \"Crampes la nuit; boit un café avant de dormir\"");
        long plain = session(client, "--subjective \"Drinks cafe latte at work; naive about stretching\"");

        assertThat(ids(run("session search cafe").expectOk())).containsExactlyInAnyOrder(accented, plain);
        assertThat(ids(run("session search CAFÉ").expectOk())).containsExactlyInAnyOrder(accented, plain);
        assertThat(ids(run("session search naïve").expectOk())).containsExactly(plain);
        assertThat(ids(run("session search crampes").expectOk())).containsExactly(accented);
    }

    @Test
    void searchLooksInEverySectionAndInAddenda() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        long objective = session(client, "--subjective x --objective \"Soleus trigger point\"");
        long plan = session(client, "--subjective y --plan \"Roll the soleus nightly\"");
        long signed = session(client, "--subjective z");
        run("session sign " + signed).expectOk();
        run("session amend " + signed + " --text \"Phoned: peroneal tenderness resolved\"").expectOk();

        assertThat(ids(run("session search soleus").expectOk())).containsExactlyInAnyOrder(objective, plan);
        String addendum = run("session search peroneal").expectOk();
        assertThat(tableRows(addendum)).hasSize(1);
        assertThat(tableRows(addendum).get(0).get(0)).isEqualTo(signed + " (addendum)");
        assertThat(addendum).contains("[peroneal]");
    }

    @Test
    void searchFollowsEditsOfADraft() {
        practitioner("Sam Jones");
        long id = session(client("Ann", "Lee"), "--subjective \"Gastrocnemius tight\"");

        run("session edit " + id + " --subjective \"Hamstring tight\"").expectOk();

        assertThat(run("session search gastrocnemius").expectOk()).isEqualTo("No notes match 'gastrocnemius'.");
        assertThat(ids(run("session search hamstring").expectOk())).containsExactly(id);
    }

    @Test
    void searchFindsWordsByTheirBeginningAndInOtherForms() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        long cramping = session(client, "--subjective \"Cramping less; gastrocnemius tight\"");
        long stretches = session(client, "--subjective \"Stretches twice daily\" --plan \"Calf stretching\"");

        assertThat(ids(run("session search cramp*").expectOk())).containsExactly(cramping);
        assertThat(ids(run("session search cramp").expectOk())).containsExactly(cramping);
        assertThat(ids(run("session search cramps").expectOk())).containsExactly(cramping);
        assertThat(ids(run("session search gastroc").expectOk())).containsExactly(cramping);
        assertThat(ids(run("session search stretch").expectOk())).containsExactly(stretches);
        String found = run("session search stretched").expectOk();
        assertThat(ids(found)).containsExactly(stretches);
        assertThat(found).contains("[Stretches]");
        assertThat(runWords("session", "search", "\"gastroc tight\"").expectOk()).startsWith("No notes match");
        assertThat(ids(runWords("session", "search", "\"gastrocnemius tight\"").expectOk())).containsExactly(cramping);
    }

    @Test
    void aSearchForAWordStartingWithADashComesAfterTwoDashes() {
        practitioner("Sam Jones");
        long id = session(client("Ann", "Lee"), "--subjective \"Right calf cramps\"");

        Result asOption = runWords("session", "search", "-calf");
        assertThat(asOption.status()).isEqualTo(Failure.USAGE);
        assertThat(asOption.error()).contains("unknown option -calf");

        Result result = runWords("session", "search", "--", "-calf");
        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        assertThat(ids(result.output())).containsExactly(id);
        assertThat(ids(runWords("session", "search", "--all", "--", "-calf", "--all").expectOk())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"calf", "calf\"", "(calf", "calf)", "right -calf", "calf:", "^calf", "{calf}", "'calf'",
            "calf*", "calf;", "calf,", "calf \"", "calf *", "+calf", "calf's", "\"right calf\"", "right:calf"})
    void punctuationInTheQueryIsNoError(String word) {
        practitioner("Sam Jones");
        long id = session(client("Ann", "Lee"), "--subjective \"Right calf's cramps\"");

        Result result = runWords("session", "search", word);

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        assertThat(ids(result.output())).containsExactly(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"OR", "AND", "NOT", "NEAR", "calf OR knee", "calf NOT right", "NEAR(calf", "-", "a:b", "x*y"})
    void ftsSyntaxInTheQueryIsNoError(String text) {
        practitioner("Sam Jones");
        session(client("Ann", "Lee"), "--subjective \"Right calf cramps\"");

        Result result = runWords(Stream.concat(Stream.of("session", "search"), Stream.of(text.split(" ")))
                .toArray(String[]::new));

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        assertThat(result.output()).startsWith("No notes match");
    }

    @Test
    void searchWithoutWordsIsAUsageError() {
        assertThat(run("session search").status()).isEqualTo(Failure.USAGE);
        assertThat(runWords("session", "search", "\"").status()).isEqualTo(Failure.USAGE);
        assertThat(runWords("session", "search", "*").status()).isEqualTo(Failure.USAGE);
    }

    // ---------------------------------------------------------------- client progress

    @Test
    void progressShowsTheIntakeThenEachSessionWithTrends() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        run("intake new --client " + client + " --date " + TODAY.minusDays(30) + " --cramp-frequency 2"
                + " --cramp-frequency-unit night --cramp-sites calf-left --cramp-severity 8 --sleep-disturbance 9"
                + " --consent-date " + TODAY.minusDays(30) + " --consent-by client").expectOk();
        // Recorded out of date order: the table is in date order.
        long third = session(client, "--date " + TODAY.minusDays(1) + " --time 10:00 --cramps-per-week 1.5"
                + " --cramp-severity 2 --sleep-disturbance 1 --pain-before 3 --pain-after 1");
        long first = session(client, "--date " + TODAY.minusDays(20) + " --time 10:00 --cramps-per-week 10"
                + " --cramp-severity 6 --sleep-disturbance 6 --pain-before 7 --pain-after 3");
        long second = session(client, "--date " + TODAY.minusDays(10) + " --time 10:00 --cramps-per-week 5"
                + " --cramp-severity 4 --sleep-disturbance 3 --pain-before 5 --pain-after 2");
        long empty = session(client, "--date " + TODAY.minusDays(5) + " --time 10:00 --subjective \"No measures\"");

        String output = run("client progress " + client).expectOk();

        assertThat(tableRows(output)).containsExactly(
                List.of(TODAY.minusDays(30).toString(), "intake v1", "14", "8/10", "9/10"),
                List.of(TODAY.minusDays(20).toString(), "session " + first, "10", "6/10", "6/10", "7 -> 3"),
                List.of(TODAY.minusDays(10).toString(), "session " + second, "5", "4/10", "3/10", "5 -> 2"),
                List.of(TODAY.minusDays(5).toString(), "session " + empty),
                List.of(TODAY.minusDays(1).toString(), "session " + third, "1.5", "2/10", "1/10", "3 -> 1"));
        assertTrend(output, "Cramps/wk", List.of(14.0, 10.0, 5.0, 1.5), "14 -> 1.5");
        assertTrend(output, "Severity", List.of(8, 6, 4, 2), "8 -> 2");
        assertTrend(output, "Sleep", List.of(9, 6, 3, 1), "9 -> 1");
        assertTrend(output, "Pain before", List.of(7, 5, 3), "7 -> 3");
        assertTrend(output, "Pain after", List.of(3, 2, 1), "3 -> 1");
    }

    @Test
    void progressOfAClientWithNothingRecordedSaysSo() {
        long client = client("Ann", "Lee");

        assertThat(run("client progress " + client).expectOk()).isEqualTo("No intake or sessions yet, so no progress to show.");
    }

    @Test
    void progressOfAnUnknownClientIsNotFound() {
        assertThat(run("client progress 999").status()).isEqualTo(Failure.NOT_FOUND);
    }

    // ---------------------------------------------------------------- last visit

    @Test
    void clientListAndShowGiveTheLastVisit() {
        practitioner("Sam Jones");
        long ann = client("Ann", "Lee");
        long bob = client("Bob", "Stone");
        session(ann, "--date " + TODAY.minusDays(3) + " --time 09:00 --subjective x");
        session(ann, "--date " + TODAY.minusDays(10) + " --time 09:00 --subjective y");

        String list = run("client list").expectOk();

        String annLine = list.lines().filter(l -> l.startsWith(ann + " ")).findFirst().orElseThrow();
        String bobLine = list.lines().filter(l -> l.startsWith(bob + " ")).findFirst().orElseThrow();
        assertThat(annLine).contains(TODAY.minusDays(3).toString()).doesNotContain(TODAY.minusDays(10).toString());
        assertThat(bobLine).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        assertThat(list.lines().findFirst().orElseThrow()).contains("Last visit");
        assertThat(run("client show " + ann).expectOk()).containsPattern("Last visit:\\s+" + TODAY.minusDays(3) + "\n");
        assertThat(run("client show " + bob).expectOk()).containsPattern("Last visit:\\s+none yet");
    }

    // ---------------------------------------------------------------- unsigned notes at start-up

    @Test
    void noNoticeWithoutOldUnsignedNotes() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        assertThat(unsignedNotice.message()).isNull();

        session(client, "--subjective \"Written just now\"");

        assertThat(unsignedNotice.message()).as("a note written today is not overdue").isNull();
    }

    @Test
    void aNoteUnsignedForOverADayGivesTheNotice() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        long old = session(client, "--subjective a");
        setCreatedAt(old, Instant.now().minus(java.time.Duration.ofHours(25)));

        assertThat(unsignedNotice.message())
                .isEqualTo("1 note has been unsigned for over 24 hours: see 'session list --unsigned'");

        long older = session(client, "--subjective b");
        setCreatedAt(older, Instant.now().minus(java.time.Duration.ofDays(4)));
        long signedOld = session(client, "--subjective c");
        setCreatedAt(signedOld, Instant.now().minus(java.time.Duration.ofDays(5)));
        run("session sign " + signedOld).expectOk();

        assertThat(unsignedNotice.message())
                .isEqualTo("2 notes have been unsigned for over 24 hours: see 'session list --unsigned'");

        run("session sign " + old).expectOk();
        run("session sign " + older).expectOk();
        assertThat(unsignedNotice.message()).isNull();
    }

    @Test
    void aNoteJustUnderADayOldGivesNoNotice() {
        practitioner("Sam Jones");
        long id = session(client("Ann", "Lee"), "--subjective a");
        setCreatedAt(id, Instant.now().minus(java.time.Duration.ofHours(23)));

        assertThat(unsignedNotice.message()).isNull();
    }

    // ---------------------------------------------------------------- helpers

    private long practitioner(String name) {
        return Long.parseLong(run("practitioner add --name \"" + name + "\" --credentials RMT").expectOk());
    }

    private long client(String first, String last) {
        return Long.parseLong(run("client add --first-name " + first + " --last-name " + last).expectOk());
    }

    private void intake(long client, String options) {
        run("intake new --client " + client + " --cramp-frequency 3 --cramp-sites calf-left --cramp-severity 6"
                + " --consent-date " + TODAY + " --consent-by client" + options).expectOk();
    }

    private long session(long client, String options) {
        return lastLineId(run("session new --client " + client + " " + options));
    }

    private static long lastLineId(Result result) {
        List<String> lines = result.expectOk().lines().toList();
        return Long.parseLong(lines.get(lines.size() - 1));
    }

    /** An id is a Java int from SQLite and a long from PostgreSQL: compared as a number. */
    private static long id(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    private Map<String, Object> row(long id) {
        return jdbc.sql("SELECT * FROM session WHERE id = ?").param(id).query().singleRow();
    }

    private List<String> modalities(long id) {
        return jdbc.sql("SELECT modality FROM session_modality WHERE session_id = ? ORDER BY position").param(id)
                .query(String.class).list();
    }

    private List<String> areas(long id) {
        return jdbc.sql("SELECT site FROM session_area WHERE session_id = ? ORDER BY position").param(id)
                .query(String.class).list();
    }

    private void setCreatedAt(long id, Instant createdAt) {
        assertThat(jdbc.sql("UPDATE session SET created_at = ? WHERE id = ?")
                .param(SqliteDialect.INSTANT_TEXT.format(createdAt)).param(id).update()).isOne();
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

    /** The bundled warning for a modality conflict, read from the conflicts template. */
    private String conflictWarning(String kind, String id) {
        ConflictsFile file = templateFiles.read("screening/modality-conflicts.yaml", ConflictsFile.class);
        return file.conflicts().stream()
                .filter(c -> id.equals(kind.equals("condition") ? c.when().condition() : c.when().medicationClass()))
                .map(Conflict::warning).findFirst().orElseThrow();
    }

    /** The title of the flag a condition raises, read from the conditions template. */
    private String conditionFlagTitle(String id) {
        return templateFiles.read("screening/conditions.yaml", ConditionsFile.class).conditions().stream()
                .filter(c -> c.id().equals(id)).map(c -> c.flag().title()).findFirst().orElseThrow();
    }

    record ConditionsFile(List<Condition> conditions) {
    }

    record Condition(String id, String label, FlagRule flag) {
    }

    record FlagRule(String level, String title, String reason) {
    }

    record ConflictsFile(List<Conflict> conflicts) {
    }

    record Conflict(When when, List<String> modalities, List<String> pressures, String warning) {
    }

    record When(String condition, String medicationClass, String redFlag) {
    }

    /** The cells of each data row of a table (below the header's rule); wrapped continuation lines are left out;
     * the table ends at the first blank line. */
    private static List<List<String>> tableRows(String table) {
        return table.lines().skip(2).takeWhile(line -> !line.isBlank()).filter(line -> !line.startsWith(" "))
                .map(line -> List.of(line.strip().split(" {2,}"))).toList();
    }

    /** The session ids of a search's hits, best first. */
    private static List<Long> ids(String output) {
        if (output.startsWith("No notes match")) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        for (List<String> row : tableRows(output)) {
            ids.add(Long.parseLong(row.get(0).replace(" (addendum)", "")));
        }
        return ids;
    }

    private static void assertTrend(String output, String label, List<? extends Number> series, String range) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(label) + " +(\\S+)  (.+)$").matcher(output);
        assertThat(line.find()).as(label + " trend in\n" + output).isTrue();
        String sparkline = line.group(1);
        assertThat(sparkline).isEqualTo(Sparkline.of(series)).hasSize(series.size());
        assertThat(sparkline.charAt(0)).as("a falling measure starts high").isEqualTo('█');
        assertThat(sparkline.charAt(sparkline.length() - 1)).as("and ends low").isEqualTo('▁');
        assertThat(line.group(2)).isEqualTo(range);
        assertThat(series.get(0).doubleValue()).isCloseTo(Double.parseDouble(range.split(" -> ")[0]), within(0.001));
    }
}
