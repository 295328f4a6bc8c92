package app.soapstone.audit;

import app.soapstone.shell.Failure;
import app.soapstone.storage.SqliteDialect;
import app.soapstone.support.RecordsTest;
import app.soapstone.support.SoapstoneTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every change to the records writes one append-only audit row in the same transaction: when,
 * who (the default practitioner), what action on which record of which client, and a short
 * summary that names fields and ids but no health details. Failed commands write nothing.
 */
@Tag(SoapstoneTest.POSTGRESQL)
class AuditTrailTest extends RecordsTest {

    @TempDir
    Path temp;

    /** One audit row as stored. */
    record Event(long id, Instant at, Long practitionerId, String action, String recordType, Long recordId,
            Long clientId, String summary) {
    }

    // ---------------------------------------------------------------- one row per action

    @Test
    void clientAddEditArchiveAndRestoreEachWriteOneRow() {
        long sam = practitioner("Sam Jones");

        long before = lastEventId();
        long client = client("Zoë", "Łukasiewicz");
        Event added = onlyEventSince(before);
        assertEvent(added, "add", "client", client, client, sam);

        before = lastEventId();
        runWords("client", "edit", String.valueOf(client), "--phone", "0412 999 888", "--notes", "Prefers mornings")
                .expectOk();
        Event changed = onlyEventSince(before);
        assertEvent(changed, "change", "client", client, client, sam);
        assertThat(changed.summary()).contains("phone").contains("notes")
                .as("the summary names fields, not their values")
                .doesNotContain("0412 999 888").doesNotContain("Prefers mornings");

        before = lastEventId();
        run("client archive " + client).expectOk();
        assertEvent(onlyEventSince(before), "archive", "client", client, client, sam);

        before = lastEventId();
        run("client restore " + client).expectOk();
        assertEvent(onlyEventSince(before), "restore", "client", client, client, sam);
    }

    @Test
    void clinicDetailsAndPractitionersEachWriteOneRow() {
        long before = lastEventId();
        long sam = practitioner("Sam Jones");
        // The first practitioner becomes the default, so the row is theirs.
        assertEvent(onlyEventSince(before), "add", "practitioner", sam, null, sam);

        before = lastEventId();
        clinic();
        long clinicId = jdbc.sql("SELECT id FROM clinic").query(Long.class).single();
        assertEvent(onlyEventSince(before), "add", "clinic", clinicId, null, sam);

        before = lastEventId();
        run("clinic set --phone \"03 9111 1111\"").expectOk();
        assertEvent(onlyEventSince(before), "change", "clinic", clinicId, null, sam);

        before = lastEventId();
        long kim = practitioner("Kim Park");
        assertEvent(onlyEventSince(before), "add", "practitioner", kim, null, sam);

        before = lastEventId();
        run("practitioner default " + kim).expectOk();
        assertThat(defaultPractitioner()).isEqualTo(kim);
        assertEvent(onlyEventSince(before), "change", "practitioner", kim, null, defaultPractitioner());
    }

    @Test
    void intakeNewAndClearEachWriteOneRow() {
        long sam = practitioner("Sam Jones");
        long client = client("Ann", "Lee");

        long before = lastEventId();
        long first = intake(client, "--allergies \"almond oil\"");
        Event recorded = onlyEventSince(before);
        assertEvent(recorded, "add", "intake", first, client, sam);
        assertThat(recorded.summary()).doesNotContain("almond");

        before = lastEventId();
        long second = intake(client, "--red-flags one-sided-calf-swelling");
        assertThat(second).isNotEqualTo(first);
        assertEvent(onlyEventSince(before), "add", "intake", second, client, sam);

        before = lastEventId();
        run("intake clear --client " + client + " --note \"GP: DVT excluded by ultrasound\"").expectOk();
        Event cleared = onlyEventSince(before);
        assertEvent(cleared, "clear", "intake", second, client, sam);
        assertThat(cleared.summary()).doesNotContain("DVT");
    }

    @Test
    void sessionNewEditSignAndAmendEachWriteOneRow() {
        long sam = practitioner("Sam Jones");
        long client = client("Ann", "Lee");

        long before = lastEventId();
        long session = session(client, "--subjective", "Night cramps, worst 7/10");
        assertEvent(onlyEventSince(before), "add", "session", session, client, sam);

        before = lastEventId();
        runWords("session", "edit", String.valueOf(session), "--plan", "Stretch the soleus nightly").expectOk();
        Event edited = onlyEventSince(before);
        assertEvent(edited, "change", "session", session, client, sam);
        assertThat(edited.summary()).contains("plan").doesNotContain("soleus");

        before = lastEventId();
        sign(session);
        assertEvent(onlyEventSince(before), "sign", "session", session, client, sam);

        before = lastEventId();
        long addendum = amend(session, "Client phoned: cramp free since the session.");
        Event amended = onlyEventSince(before);
        assertEvent(amended, "amend", "addendum", addendum, client, sam);
        assertThat(amended.summary()).doesNotContain("cramp free");
    }

    @Test
    void carePlanAndChartExportsEachWriteOneRow() {
        long sam = practitioner("Sam Jones");
        clinic();
        long client = client("Ann", "Lee");
        intake(client, "");
        signedSession(client, "Cramps at night", "Stretch nightly");

        long before = lastEventId();
        run("plan export --client " + client + " --out " + temp.resolve("plan.pdf")).expectOk();
        long export = jdbc.sql("SELECT id FROM care_plan_export WHERE client_id = ?").param(client)
                .query(Long.class).single();
        assertEvent(onlyEventSince(before), "export", "care-plan", export, client, sam);

        before = lastEventId();
        run("chart export --client " + client + " --out " + temp.resolve("chart.pdf")).expectOk();
        assertEvent(onlyEventSince(before), "export", "chart", client, client, sam);
    }

    @Test
    void clientImportWritesOneRowPerClientAndOneForTheImport() throws Exception {
        long sam = practitioner("Sam Jones");
        Path csv = temp.resolve("clients.csv");
        Files.writeString(csv, "first_name,last_name\nZoë,Łukasiewicz\nАнна,Иванова\n", StandardCharsets.UTF_8);

        long before = lastEventId();
        run("client import --csv " + csv).expectOk();

        List<Event> events = eventsSince(before);
        List<Long> imported = jdbc.sql("SELECT id FROM client ORDER BY id").query(Long.class).list();
        assertThat(imported).hasSize(2);
        assertThat(events).hasSize(3);
        for (int i = 0; i < 2; i++) {
            assertEvent(events.get(i), "add", "client", imported.get(i), imported.get(i), sam);
        }
        Event importEvent = events.get(2);
        assertEvent(importEvent, "import", "client", null, null, sam);
        assertThat(importEvent.summary()).contains("2").contains("clients.csv");
    }

    @Test
    void backupExportAndRestoreEachWriteOneRow() {
        long sam = practitioner("Sam Jones");
        client("Ann", "Lee");
        Path backup = temp.resolve("backup.db");

        // The snapshot is taken before its own audit row is written.
        List<Event> inBackup = eventsSince(0);
        long before = lastEventId();
        run("backup --to " + backup).expectOk();
        assertEvent(onlyEventSince(before), "backup", "database", null, null, sam);

        before = lastEventId();
        run("export --to " + temp.resolve("export")).expectOk();
        assertEvent(onlyEventSince(before), "export", "database", null, null, sam);

        client("Ben", "Ng");
        if (ON_POSTGRES) {
            // There a backup is restored into an empty database only.
            emptyPostgresForRestore();
        }
        run("restore --from " + backup).expectOk();

        // The trail is the backup's own, then the restore.
        List<Event> after = eventsSince(0);
        assertThat(after).hasSize(inBackup.size() + 1);
        assertThat(after.subList(0, inBackup.size())).isEqualTo(inBackup);
        Event restored = after.get(after.size() - 1);
        assertEvent(restored, "restore", "database", null, null, sam);
        assertThat(restored.summary()).contains(backup.toString());
    }

    // ---------------------------------------------------------------- failures write nothing

    @Test
    void aFailedCommandWritesNoAuditRow() throws Exception {
        practitioner("Sam Jones");
        clinic();
        long client = client("Ann", "Lee");
        long signed = signedSession(client, "Cramps", "Stretch");
        long draft = session(client, "--subjective", "Draft");
        Path existing = Files.writeString(temp.resolve("existing.pdf"), "already here");
        Path text = Files.writeString(temp.resolve("notes.txt"), "not a database");
        Path badCsv = Files.writeString(temp.resolve("bad.csv"), "first_name,last_name,dob\nZoë,Ng,2026-02-30\n");
        Path fullFolder = Files.createDirectories(temp.resolve("full"));
        Files.writeString(fullFolder.resolve("keep.txt"), "x");
        Path missingFolder = temp.resolve("missing").resolve("file");

        Map<String, Integer> commands = new LinkedHashMap<>();
        commands.put("client add --first-name Ann --last-name Lee --dob 2026-02-30", Failure.USAGE);
        commands.put("client edit " + client + " --email nope", Failure.USAGE);
        commands.put("client edit 999999 --phone \"0412 345 678\"", Failure.NOT_FOUND);
        commands.put("client archive 999999", Failure.NOT_FOUND);
        commands.put("practitioner default 999999", Failure.NOT_FOUND);
        commands.put("practitioner add --name \"\" --credentials RMT", Failure.USAGE);
        commands.put("intake clear --client " + client + " --note \"GP cleared\"", Failure.CONFLICT);
        commands.put("intake new --client 999999 --cramp-frequency 3 --cramp-sites calf-left --cramp-severity 6"
                + " --consent-date " + TODAY + " --consent-by client", Failure.NOT_FOUND);
        commands.put("session edit " + signed + " --plan \"Changed\"", Failure.CONFLICT);
        commands.put("session sign " + signed, Failure.CONFLICT);
        commands.put("session amend " + draft + " --text \"Late entry\"", Failure.CONFLICT);
        commands.put("plan export --client " + client + " --out " + existing, Failure.CONFLICT);
        commands.put("chart export --client " + client + " --out " + existing, Failure.CONFLICT);
        commands.put("chart export --client 999999 --out " + temp.resolve("none.pdf"), Failure.NOT_FOUND);
        commands.put("client import --csv " + badCsv, Failure.USAGE);
        commands.put("backup --to " + existing, Failure.CONFLICT);
        commands.put("backup --to " + missingFolder, Failure.USAGE);
        commands.put("restore --from " + text, Failure.VERIFICATION);
        commands.put("export --to " + fullFolder, Failure.CONFLICT);

        long events = count("audit_event");
        for (Map.Entry<String, Integer> command : commands.entrySet()) {
            Result result = run(command.getKey());
            assertThat(result.status()).as(command.getKey() + ": " + result.error()).isEqualTo(command.getValue());
            assertThat(count("audit_event")).as(command.getKey()).isEqualTo(events);
        }
        assertThat(Files.readString(existing)).isEqualTo("already here");
    }

    // ---------------------------------------------------------------- append-only

    @Test
    void theTrailCannotBeChangedOrDeleted() {
        practitioner("Sam Jones");
        client("Ann", "Lee");
        List<Event> before = eventsSince(0);
        assertThat(before).isNotEmpty();

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET summary = 'nothing happened'").update())
                .hasMessageContaining("the audit trail is append-only");
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET practitioner_id = NULL WHERE id = ?")
                .param(before.get(0).id()).update())
                .hasMessageContaining("the audit trail is append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event").update())
                .hasMessageContaining("the audit trail is append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE id = ?").param(before.get(0).id()).update())
                .hasMessageContaining("the audit trail is append-only");

        assertThat(eventsSince(0)).isEqualTo(before);
    }

    @Test
    void theTrailCannotBeChangedFromAnotherConnectionEither() throws Exception {
        practitioner("Sam Jones");
        List<Event> before = eventsSince(0);
        try (Connection connection = otherConnection(); Statement statement = connection.createStatement()) {
            if (!ON_POSTGRES) {
                statement.execute("PRAGMA busy_timeout = 5000");
            }
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE audit_event SET action = 'x'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM audit_event"))
                    .hasMessageContaining("append-only");
        }
        assertThat(eventsSince(0)).isEqualTo(before);
    }

    // ---------------------------------------------------------------- audit list

    @Test
    void auditListShowsEveryEventWithWhoDidIt() {
        practitioner("Sam Jones");
        long ann = client("Ann", "Lee");
        long ben = client("Ben", "Ng");

        String output = run("audit list").expectOk();

        List<String> lines = output.lines().toList();
        assertThat(lines.get(0)).contains("When").contains("Who").contains("Action").contains("Record")
                .contains("Client").contains("Summary");
        for (Event event : eventsSince(0)) {
            assertThat(line(output, event.summary())).as(event.summary()).contains("Sam Jones").contains(event.action());
        }
        assertThat(line(output, summaryOf(ann))).contains("client " + ann);
        assertThat(line(output, summaryOf(ben))).contains("client " + ben);
    }

    @Test
    void auditListFiltersByClient() {
        practitioner("Sam Jones");
        long ann = client("Ann", "Lee");
        long ben = client("Ben", "Ng");
        runWords("client", "edit", String.valueOf(ann), "--phone", "0412 345 678").expectOk();
        long session = session(ben, "--subjective", "Cramps");

        String forAnn = run("audit list --client " + ann).expectOk();
        String forBen = run("audit list --client " + ben).expectOk();

        List<Event> all = eventsSince(0);
        for (Event event : all) {
            if (event.clientId() != null && event.clientId() == ann) {
                assertThat(lineOrNull(forAnn, event.summary())).as(event.summary()).isNotNull();
                assertThat(lineOrNull(forBen, event.summary())).as(event.summary()).isNull();
            } else if (event.clientId() != null && event.clientId() == ben) {
                assertThat(lineOrNull(forBen, event.summary())).as(event.summary()).isNotNull();
                assertThat(lineOrNull(forAnn, event.summary())).as(event.summary()).isNull();
            } else {
                assertThat(lineOrNull(forAnn, event.summary())).as(event.summary()).isNull();
                assertThat(lineOrNull(forBen, event.summary())).as(event.summary()).isNull();
            }
        }
        assertThat(lineOrNull(forBen, "Recorded session " + session)).isNotNull();
        assertThat(run("audit list --client 999999").expectOk()).isEqualTo("No audit events.");
    }

    @Test
    void auditListFiltersBySinceDate() {
        long sam = practitioner("Sam Jones");
        long ann = client("Ann", "Lee");
        Instant now = Instant.now();
        insertEvent(now.minus(Duration.ofDays(10)), sam, ann, "Ten days ago");
        insertEvent(now.minus(Duration.ofDays(3)), sam, ann, "Three days ago");

        String all = run("audit list").expectOk();
        assertThat(lineOrNull(all, "Ten days ago")).isNotNull();
        assertThat(lineOrNull(all, "Three days ago")).isNotNull();

        String sinceFive = run("audit list --since " + TODAY.minusDays(5)).expectOk();
        assertThat(lineOrNull(sinceFive, "Ten days ago")).isNull();
        assertThat(lineOrNull(sinceFive, "Three days ago")).isNotNull();
        assertThat(lineOrNull(sinceFive, summaryOf(ann))).isNotNull();

        String sinceToday = run("audit list --since " + TODAY + " --client " + ann).expectOk();
        assertThat(lineOrNull(sinceToday, "Ten days ago")).isNull();
        assertThat(lineOrNull(sinceToday, "Three days ago")).isNull();
        assertThat(lineOrNull(sinceToday, summaryOf(ann))).isNotNull();
    }

    @Test
    void auditListLimitShowsTheNewestEventsOldestFirst() {
        practitioner("Sam Jones");
        long a = client("Ann", "Lee");
        long b = client("Ben", "Ng");
        long c = client("Cat", "Oh");

        String output = run("audit list --limit 2").expectOk();

        assertThat(lineOrNull(output, summaryOf(a))).isNull();
        assertThat(output.indexOf(summaryOf(b))).isPositive().isLessThan(output.indexOf(summaryOf(c)));
    }

    @Test
    void auditListRejectsABadDate() {
        for (String since : List.of("2026-02-30", "tomorrow", TODAY.plusDays(1).toString())) {
            Result result = run("audit list --since " + since);
            assertThat(result.status()).as(since).isEqualTo(Failure.USAGE);
            assertThat(result.error()).startsWith("--since: ");
        }
        assertThat(run("audit list --limit 0").status()).isEqualTo(Failure.USAGE);
    }

    // ---------------------------------------------------------------- helpers

    private long lastEventId() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_event").query(Long.class).single();
    }

    private List<Event> eventsSince(long id) {
        return jdbc.sql("SELECT * FROM audit_event WHERE id > ? ORDER BY id").param(id)
                .query((row, n) -> new Event(row.getLong("id"), Instant.parse(row.getString("at")),
                        nullableLong(row.getObject("practitioner_id")), row.getString("action"),
                        row.getString("record_type"), nullableLong(row.getObject("record_id")),
                        nullableLong(row.getObject("client_id")), row.getString("summary")))
                .list();
    }

    private static Long nullableLong(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private Event onlyEventSince(long id) {
        List<Event> events = eventsSince(id);
        assertThat(events).as("exactly one audit row").hasSize(1);
        return events.get(0);
    }

    private static void assertEvent(Event event, String action, String recordType, Long recordId, Long clientId,
            Long practitioner) {
        assertThat(event.action()).isEqualTo(action);
        assertThat(event.recordType()).isEqualTo(recordType);
        assertThat(event.recordId()).as("record id").isEqualTo(recordId);
        assertThat(event.clientId()).as("client id").isEqualTo(clientId);
        assertThat(event.practitionerId()).as("practitioner").isNotNull().isEqualTo(practitioner);
        assertThat(event.summary()).isNotBlank();
        assertThat(event.at()).isBetween(Instant.now().minus(Duration.ofMinutes(2)), Instant.now());
    }

    private String summaryOf(long client) {
        return jdbc.sql("SELECT summary FROM audit_event WHERE action = 'add' AND record_type = 'client' AND record_id = ?")
                .param(client).query(String.class).single();
    }

    private void insertEvent(Instant at, long practitioner, long client, String summary) {
        jdbc.sql("""
                        INSERT INTO audit_event (at, practitioner_id, action, record_type, record_id, client_id, summary)
                        VALUES (?, ?, 'change', 'client', ?, ?, ?)""")
                .param(SqliteDialect.INSTANT_TEXT.format(at)).param(practitioner).param(client).param(client)
                .param(summary).update();
    }

    /** The table row whose last cell is exactly {@code summary}. */
    private static String line(String table, String summary) {
        String line = lineOrNull(table, summary);
        assertThat(line).as("a row for '" + summary + "' in\n" + table).isNotNull();
        return line;
    }

    private static String lineOrNull(String table, String summary) {
        return table.lines().map(String::stripTrailing).filter(l -> l.endsWith("  " + summary)).findFirst().orElse(null);
    }
}
