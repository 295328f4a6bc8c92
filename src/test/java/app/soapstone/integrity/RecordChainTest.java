package app.soapstone.integrity;

import app.soapstone.shell.Failure;
import app.soapstone.support.RecordsTest;
import app.soapstone.support.SoapstoneTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The tamper-evident chain: signing a note and adding an addendum each append a link whose hash
 * covers the record's content and the link before it; {@code records verify} and {@code db check}
 * recompute it from what the database holds now and name every record that was changed behind
 * the application's back (triggers dropped, raw SQL).
 */
@Tag(SoapstoneTest.POSTGRESQL)
class RecordChainTest extends RecordsTest {

    private static final String GENESIS = "0".repeat(64);

    @Autowired
    private RecordDigests digests;

    @Autowired
    private Flyway flyway;

    /** One row of record_chain. */
    record Link(long seq, String type, long id, String contentHash, String previousHash, String hash) {
    }

    // ---------------------------------------------------------------- linking

    @Test
    void signingLinksTheNoteAndAmendingLinksTheAddendum() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        long first = signedSession(client, "Night cramps", "Stretch nightly");

        List<Link> links = links("session", "addendum");
        assertThat(links).hasSize(1);
        Link one = links.get(0);
        assertThat(one.type()).isEqualTo("session");
        assertThat(one.id()).isEqualTo(first);
        assertThat(links().get(0).previousHash()).as("the first link follows the genesis hash").isEqualTo(GENESIS);
        assertThat(one.contentHash()).matches("[0-9a-f]{64}").isEqualTo(digests.digest("session", first).orElseThrow());
        assertThat(one.hash()).isEqualTo(linkHash(one.previousHash(), "session", first, one.contentHash()));

        long addendum = amend(first, "Client phoned: cramp free.");
        long second = signedSession(client, "Better this week", "Keep stretching");

        assertThat(links("session", "addendum")).extracting(Link::type, Link::id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("session", first),
                        org.assertj.core.groups.Tuple.tuple("addendum", addendum),
                        org.assertj.core.groups.Tuple.tuple("session", second));
        assertThat(links("addendum").get(0).contentHash()).isEqualTo(digests.digest("addendum", addendum).orElseThrow());
        // Between them, the audit events of each change: every link follows the one before.
        links = links();
        for (int i = 1; i < links.size(); i++) {
            Link link = links.get(i);
            assertThat(link.previousHash()).as("link " + i + " follows the one before").isEqualTo(links.get(i - 1).hash());
            assertThat(link.hash()).isEqualTo(linkHash(link.previousHash(), link.type(), link.id(), link.contentHash()));
        }
        assertThat(links.stream().map(Link::hash).distinct()).hasSize(links.size());
    }

    @Test
    void draftsAreNotInTheChain() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        session(client, "--subjective", "Draft only");

        assertThat(links("session", "addendum")).isEmpty();
        assertThat(links()).extracting(Link::type).containsOnly("audit");
        assertThat(run("records verify").expectOk()).contains(": 0 signed notes, 3 audit events");
    }

    @Test
    void theContentHashCoversEveryPartOfTheNote() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        long a = session(client, "--subjective", "Same words", "--plan", "Same plan", "--modalities", "effleurage",
                "--areas", "calf-left", "--date", TODAY.minusDays(1).toString(), "--time", "10:00");
        long b = session(client, "--subjective", "Same words", "--plan", "Same plan", "--modalities", "effleurage",
                "--areas", "calf-right", "--date", TODAY.minusDays(1).toString(), "--time", "10:00");
        sign(a);
        sign(b);

        assertThat(links()).extracting(Link::contentHash).doesNotHaveDuplicates();
    }

    // ---------------------------------------------------------------- verifying

    @Test
    void recordsVerifyPassesOnAnIntactChain() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        long first = signedSession(client, "Night cramps", "Stretch nightly");
        amend(first, "Late entry: used arnica oil.");
        signedSession(client, "Better", "Keep going");
        session(client, "--subjective", "A draft is not checked");

        Result result = run("records verify");

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        assertThat(result.output()).contains(signedSessions() + " signed notes, " + count("addendum") + " addendum, "
                + count("audit_event") + " audit events").contains("No final record has changed");
    }

    @Test
    void aSignedNoteChangedWithRawSqlIsNamed() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        long untouched = signedSession(client, "Night cramps", "Stretch nightly");
        long changed = signedSession(client, "Calf tight", "Review in 2 weeks");

        withoutTrigger("session_signed_is_final_update", () -> assertThat(
                jdbc.sql("UPDATE session SET plan = 'Review in 6 weeks' WHERE id = ?").param(changed).update()).isOne());

        Result result = run("records verify");
        assertThat(result.status()).isEqualTo(Failure.VERIFICATION);
        assertThat(result.error()).contains("session " + changed + " has changed since it became final")
                .doesNotContain("session " + untouched + " has changed");
        // Putting the words back makes it pass again: it is the content that is checked.
        withoutTrigger("session_signed_is_final_update", () -> jdbc.sql(
                "UPDATE session SET plan = 'Review in 2 weeks' WHERE id = ?").param(changed).update());
        assertThat(run("records verify").status()).isEqualTo(Failure.OK);
    }

    @Test
    void aChangedSignatureOrModalityOfASignedNoteIsNamed() {
        long sam = practitioner("Sam Jones");
        long kim = practitioner("Kim Park");
        long client = client("Ann", "Lee");
        long bySam = session(client, "--subjective", "Cramps", "--modalities", "effleurage,petrissage");
        sign(bySam);
        long other = signedSession(client, "Other", "Other plan");

        withoutTrigger("session_signed_is_final_update", () -> jdbc.sql("UPDATE session SET signed_by = ? WHERE id = ?")
                .param(kim).param(bySam).update());
        assertThat(run("records verify").error()).contains("session " + bySam + " has changed");
        withoutTrigger("session_signed_is_final_update", () -> jdbc.sql("UPDATE session SET signed_by = ? WHERE id = ?")
                .param(sam).param(bySam).update());
        assertThat(run("records verify").status()).isEqualTo(Failure.OK);

        withoutTrigger("session_modality_signed_delete", () -> jdbc.sql(
                "DELETE FROM session_modality WHERE session_id = ? AND modality = 'petrissage'").param(bySam).update());
        Result result = run("records verify");
        assertThat(result.status()).isEqualTo(Failure.VERIFICATION);
        assertThat(result.error()).contains("session " + bySam + " has changed")
                .doesNotContain("session " + other + " has changed");
    }

    @Test
    void anAddendumChangedWithRawSqlIsNamed() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        long session = signedSession(client, "Night cramps", "Stretch nightly");
        long kept = amend(session, "Client phoned: better.");
        long changed = amend(session, "Client phoned: cramp free.");

        withoutTrigger("addendum_is_permanent_update", () -> assertThat(
                jdbc.sql("UPDATE addendum SET text = 'Client phoned: worse.' WHERE id = ?").param(changed).update()).isOne());

        Result result = run("records verify");
        assertThat(result.status()).isEqualTo(Failure.VERIFICATION);
        assertThat(result.error()).contains("addendum " + changed + " has changed since it became final")
                .doesNotContain("addendum " + kept + " has changed")
                .doesNotContain("session " + session + " has changed");
    }

    @Test
    void aDeletedSignedNoteIsReportedMissing() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        long deleted = signedSession(client, "Night cramps", "Stretch nightly");

        withoutTrigger("session_signed_is_final_delete", () -> withoutTrigger("session_modality_signed_delete",
                () -> withoutTrigger("session_area_signed_delete", () -> jdbc.sql("DELETE FROM session WHERE id = ?")
                        .param(deleted).update())));

        Result result = run("records verify");
        assertThat(result.status()).isEqualTo(Failure.VERIFICATION);
        assertThat(result.error()).contains("session " + deleted + " is missing");
    }

    @Test
    void aDeletedChainLinkIsDetected() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        long first = signedSession(client, "One", "Plan one");
        long middle = signedSession(client, "Two", "Plan two");
        long last = signedSession(client, "Three", "Plan three");
        long middleSeq = seqOf("session", middle);

        withoutTrigger("record_chain_is_append_only_delete", () -> assertThat(
                jdbc.sql("DELETE FROM record_chain WHERE seq = ?").param(middleSeq).update()).isOne());

        Result result = run("records verify");
        assertThat(result.status()).isEqualTo(Failure.VERIFICATION);
        assertThat(result.error()).contains("session " + middle + " is signed but not in the chain")
                .contains("chain entry " + middleSeq + " has been removed from the chain")
                .contains("chain link " + (middleSeq + 1) + " (audit event ")
                .doesNotContain("session " + first + " is").doesNotContain("session " + last + " is");
    }

    @Test
    void deletingTheLastLinkIsDetectedToo() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        long session = signedSession(client, "One", "Plan one");
        long addendum = amend(session, "Late entry.");
        long addendumSeq = seqOf("addendum", addendum);

        withoutTrigger("record_chain_is_append_only_delete", () -> jdbc.sql("DELETE FROM record_chain WHERE seq = ?")
                .param(addendumSeq).update());

        Result result = run("records verify");
        assertThat(result.status()).isEqualTo(Failure.VERIFICATION);
        assertThat(result.error()).contains("addendum " + addendum + " is not in the chain");
    }

    @Test
    void anEditedLinkHashIsDetected() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        long first = signedSession(client, "One", "Plan one");
        signedSession(client, "Two", "Plan two");
        long seq = seqOf("session", first);

        withoutTrigger("record_chain_is_append_only_update", () -> jdbc.sql(
                "UPDATE record_chain SET hash = ? WHERE seq = ?").param("f".repeat(64)).param(seq).update());

        Result result = run("records verify");
        assertThat(result.status()).isEqualTo(Failure.VERIFICATION);
        assertThat(result.error()).contains("chain link " + seq + " (session " + first + ") does not follow");
    }

    @Test
    void aNoteAndItsLinkChangedTogetherStillBreakTheChain() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        long first = signedSession(client, "One", "Plan one");
        signedSession(client, "Two", "Plan two");
        long seq = seqOf("session", first);
        String previous = links().get((int) seq - 1).previousHash();

        // A careful tamperer also stores the new content hash and a matching link hash.
        withoutTrigger("session_signed_is_final_update", () -> jdbc.sql("UPDATE session SET plan = 'Other' WHERE id = ?")
                .param(first).update());
        String content = digests.digest("session", first).orElseThrow();
        withoutTrigger("record_chain_is_append_only_update", () -> jdbc.sql(
                        "UPDATE record_chain SET content_hash = ?, hash = ? WHERE seq = ?")
                .param(content).param(linkHash(previous, "session", first, content)).param(seq).update());

        Result result = run("records verify");
        assertThat(result.status()).isEqualTo(Failure.VERIFICATION);
        // The link after it (the audit event of the signing) no longer follows.
        assertThat(result.error()).contains("chain link " + (seq + 1) + " (audit event ")
                .contains(") does not follow from the link before it").doesNotContain("session " + first + " has changed");
    }

    @Test
    void aSignedNoteMissingFromTheChainIsReported() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        long linked = signedSession(client, "One", "Plan one");
        long draft = session(client, "--subjective", "Signed behind the application's back");
        long signer = defaultPractitioner();

        jdbc.sql("UPDATE session SET signed_at = '2026-01-01T00:00:00.000Z', signed_by = ? WHERE id = ?")
                .param(signer).param(draft).update();

        Result result = run("records verify");
        assertThat(result.status()).isEqualTo(Failure.VERIFICATION);
        assertThat(result.error()).contains("session " + draft + " is signed but not in the chain")
                .doesNotContain("session " + linked + " ");
    }

    // ---------------------------------------------------------------- columns added after the chain began

    @Test
    void aNoteSignedWithoutHomeMassageMinutesIsLinkedWithTheHashOfTheOldColumns() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        long id = session(client, "--subjective", "Night cramps", "--plan", "Stretch nightly", "--duration", "45",
                "--modalities", "effleurage,petrissage", "--areas", "calf-left");
        sign(id);

        String old = hashOfTheColumnsWhenTheChainBegan(id, "");
        assertThat(digests.digest("session", id)).contains(old);
        assertThat(links("session")).singleElement().extracting(Link::contentHash).isEqualTo(old);
    }

    @Test
    void homeMassageMinutesAreHashedAfterTheOldColumnsWhenSet() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        long id = session(client, "--subjective", "Night cramps", "--plan", "Stretch nightly", "--areas", "calf-left");
        assertThat(jdbc.sql("UPDATE session SET home_massage_minutes = 10 WHERE id = ?").param(id).update()).isOne();
        sign(id);

        assertThat(links("session")).singleElement().extracting(Link::contentHash)
                .isEqualTo(hashOfTheColumnsWhenTheChainBegan(id, "home_massage_minutes=10\n"))
                .isNotEqualTo(hashOfTheColumnsWhenTheChainBegan(id, ""));
        assertThat(run("records verify").status()).isEqualTo(Failure.OK);
    }

    @Test
    void changedHomeMassageMinutesOfASignedNoteAreNamed() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        long without = signedSession(client, "One", "Plan one");
        long with = session(client, "--subjective", "Two");
        jdbc.sql("UPDATE session SET home_massage_minutes = 10 WHERE id = ?").param(with).update();
        sign(with);

        // Set on a note signed without it.
        setHomeMassageMinutes(without, 15);
        Result result = run("records verify");
        assertThat(result.status()).isEqualTo(Failure.VERIFICATION);
        assertThat(result.error()).contains("session " + without + " has changed since it became final")
                .doesNotContain("session " + with + " has changed");
        setHomeMassageMinutes(without, null);
        assertThat(run("records verify").status()).isEqualTo(Failure.OK);

        // Changed, or removed, on a note signed with it.
        for (Integer value : java.util.Arrays.asList(20, null)) {
            setHomeMassageMinutes(with, value);
            result = run("records verify");
            assertThat(result.status()).as("set to " + value).isEqualTo(Failure.VERIFICATION);
            assertThat(result.error()).contains("session " + with + " has changed")
                    .doesNotContain("session " + without + " has changed");
        }
        setHomeMassageMinutes(with, 10);
        assertThat(run("records verify").status()).isEqualTo(Failure.OK);
    }

    // ---------------------------------------------------------------- db check

    @Test
    void dbCheckReportsEveryCheckAndTheCounts() {
        practitioner("Sam Jones");
        clinic();
        long client = client("Ann", "Lee");
        intake(client, "");
        long session = signedSession(client, "One", "Plan one");
        amend(session, "Late entry.");
        client("Ben", "Ng");

        Result result = run("db check");

        assertThat(result.status()).as(result.error()).isEqualTo(Failure.OK);
        String output = result.output();
        assertThat(line(output, "Database:")).contains(ON_POSTGRES ? "postgresql://" : DATA_DIR.resolve("soapstone.db").toString())
                .containsPattern("\\((\\d+ KB|\\d+\\.\\d MB|\\d+ MB)\\)");
        // PostgreSQL checks its own pages and foreign keys, which SQLite leaves to PRAGMAs that db check runs.
        assertThat(line(output, "Integrity:")).endsWith(INTEGRITY_OK);
        assertThat(line(output, "Foreign keys:")).endsWith(ON_POSTGRES ? "enforced by the PostgreSQL server" : "ok");
        assertThat(line(output, "Schema:")).contains("version " + flyway.info().current().getVersion())
                .contains("up to date");
        assertThat(line(output, "Guards:")).startsWith("Guards:        ok (");
        assertThat(line(output, "Record chain:")).contains("intact").contains(count("record_chain") + " entries: "
                + signedSessions() + " signed note, " + count("addendum") + " addendum, " + count("intake")
                + " intake version, " + count("audit_event") + " audit events)");
        assertThat(line(output, "Anchors:")).contains("soapstone.anchors").contains("all match");
        assertThat(line(output, "Records:")).contains("clients " + count("client"))
                .contains("intakes " + count("intake")).contains("sessions " + count("session"))
                .contains("addenda " + count("addendum")).contains("care plans " + count("care_plan_export"))
                .contains("audit events " + count("audit_event"));
    }

    @Test
    void dbCheckCanBeRunAgainAndAgainInOneShell() {
        practitioner("Sam Jones");
        // More runs than the connection pool has connections: none may be kept by a check.
        for (int i = 0; i < 6; i++) {
            Result result = run("db check");
            assertThat(result.status()).as("run " + (i + 1) + ": " + result.error()).isEqualTo(Failure.OK);
        }
        assertThat(client("Ann", "Lee")).isPositive();
    }

    @Test
    void dbCheckFailsWhenTheChainIsBroken() {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        long session = signedSession(client, "One", "Plan one");
        withoutTrigger("session_signed_is_final_update", () -> jdbc.sql("UPDATE session SET subjective = 'Two' WHERE id = ?")
                .param(session).update());

        Result result = run("db check");

        assertThat(result.status()).isEqualTo(Failure.VERIFICATION);
        assertThat(result.error()).contains("Integrity:     " + INTEGRITY_OK).contains("Record chain:  1 problem (")
                .contains("session " + session + " has changed");
    }

    @Test
    void dbCheckReportsRowsPointingAtMissingRecords() throws Exception {
        assumeFalse(ON_POSTGRES, "PostgreSQL enforces foreign keys on every connection: no other program can leave"
                + " rows pointing at missing records, and db check leaves that check to the server");
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        session(client, "--subjective", "Draft");
        // Another program, with foreign keys off (SQLite's default), deletes the client under the session.
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + DATA_DIR.resolve("soapstone.db"));
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 5000");
            assertThat(statement.executeUpdate("DELETE FROM client WHERE id = " + client)).isOne();
        }

        Result result = run("db check");

        assertThat(result.status()).isEqualTo(Failure.VERIFICATION);
        assertThat(result.error()).containsPattern("Foreign keys:  \\d+ rows point at missing records")
                .contains("Record chain:  intact");
    }

    // ---------------------------------------------------------------- helpers

    /** The Integrity line of a sound database: SQLite's integrity_check, or the server's own care on PostgreSQL. */
    private static final String INTEGRITY_OK = ON_POSTGRES
            ? "kept by the PostgreSQL server (its files are checked with pg_amcheck)" : "ok";

    /** The session columns hashed when the chain began (schema version 5), in their order. */
    private static final List<String> COLUMNS_WHEN_THE_CHAIN_BEGAN = List.of("id", "client_id", "practitioner_id",
            "intake_id", "started_at", "duration_minutes", "pressure", "products", "pain_before", "pain_after",
            "cramps_per_week", "cramp_severity", "sleep_disturbance", "subjective", "objective", "assessment", "plan",
            "template", "screening_shown", "warnings_shown", "override_reason", "created_at", "signed_at", "signed_by");

    /**
     * A note's content hash in the form the chain began with, computed here independently: one
     * {@code column=value} line per column of that time ({@code \0} for NULL), then {@code later}
     * (lines of columns added since), then the modalities and areas.
     */
    private String hashOfTheColumnsWhenTheChainBegan(long id, String later) {
        Map<String, Object> row = jdbc.sql("SELECT * FROM session WHERE id = ?").param(id).query().singleRow();
        StringBuilder text = new StringBuilder();
        for (String column : COLUMNS_WHEN_THE_CHAIN_BEGAN) {
            Object value = row.get(column);
            text.append(column).append('=').append(value == null ? "\\0" : escape(value.toString())).append('\n');
        }
        text.append(later)
                .append("modalities=").append(String.join(",", jdbc.sql(
                        "SELECT modality FROM session_modality WHERE session_id = ? ORDER BY position").param(id)
                        .query(String.class).list()))
                .append("\nareas=").append(String.join(",", jdbc.sql(
                        "SELECT site FROM session_area WHERE session_id = ? ORDER BY position").param(id)
                        .query(String.class).list()))
                .append('\n');
        return sha256(text.toString());
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    /** Changes a signed note's home_massage_minutes as another program would, the trigger dropped. */
    private void setHomeMassageMinutes(long session, Integer minutes) {
        withoutTrigger("session_signed_is_final_update", () -> assertThat(jdbc.sql(
                "UPDATE session SET home_massage_minutes = ? WHERE id = ?").param(minutes).param(session).update()).isOne());
    }

    private List<Link> links() {
        return jdbc.sql("SELECT seq, record_type, record_id, content_hash, previous_hash, hash FROM record_chain ORDER BY seq")
                .query((row, n) -> new Link(row.getLong(1), row.getString(2), row.getLong(3), row.getString(4),
                        row.getString(5), row.getString(6)))
                .list();
    }

    /** The links of records of the given types, in chain order. */
    private List<Link> links(String... types) {
        return links().stream().filter(link -> List.of(types).contains(link.type())).toList();
    }

    private long seqOf(String type, long id) {
        return jdbc.sql("SELECT seq FROM record_chain WHERE record_type = ? AND record_id = ?").param(type).param(id)
                .query(Long.class).single();
    }

    private long signedSessions() {
        return jdbc.sql("SELECT count(*) FROM session WHERE signed_at IS NOT NULL").query(Long.class).single();
    }

    /** The link hash, computed here independently: SHA-256 of previous, type, id and content hash, one per line. */
    private static String linkHash(String previous, String type, long id, String content) {
        return sha256(previous + "\n" + type + "\n" + id + "\n" + content);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String line(String output, String label) {
        return output.lines().filter(l -> l.startsWith(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + label + "' line in\n" + output)).strip();
    }
}
