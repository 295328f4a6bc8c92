package app.soapstone.session;

import app.soapstone.clinic.ClinicService;
import app.soapstone.integrity.AuditTrail;
import app.soapstone.shell.Editor;
import app.soapstone.shell.TestEditors;
import app.soapstone.support.SoapstoneTest;
import app.soapstone.validation.ConflictException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two therapists at once (issue 17): a draft changed or signed by someone else while it is open in
 * the editor is not written over, and concurrent writers keep the record chain and the audit trail
 * numbered without gap or duplicate, and verifiable while they write. The other therapist is
 * another thread on the same database, with connections of its own; each step waits for the one
 * before it (futures and latches, no sleeps).
 */
@Tag(SoapstoneTest.POSTGRESQL)
@Import(TwoTherapistsTest.ActingEditor.class)
class TwoTherapistsTest extends SoapstoneTest {

    /** What the therapist at the editor does while it is open: given the text, returns what they save. */
    private static volatile UnaryOperator<String> atTheEditor = text -> {
        throw new AssertionError("no editor expected");
    };

    @TestConfiguration
    static class ActingEditor {

        @Bean
        @Primary
        Editor actingEditor() {
            return TestEditors.acting(text -> atTheEditor.apply(text));
        }
    }

    @Autowired
    private SessionService sessions;

    @Autowired
    private SessionOptions options;

    @Autowired
    private ClinicService clinic;

    @Autowired
    private AuditTrail audit;

    @Autowired
    private PlatformTransactionManager transactions;

    private final ExecutorService otherShell = Executors.newFixedThreadPool(8);
    private long alex;
    private long bo;
    private long client;

    @BeforeEach
    void clinicWithTwoTherapists() {
        alex = Long.parseLong(run("practitioner add --name \"Alex Chen\" --credentials RMT").expectOk());
        bo = Long.parseLong(run("practitioner add --name \"Bo Lee\" --credentials RMT").expectOk());
        client = Long.parseLong(run("client add --first-name Ann --last-name Lee").expectOk());
    }

    @AfterEach
    void stop() throws InterruptedException {
        otherShell.shutdownNow();
        assertThat(otherShell.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    // ---------------------------------------------------------------- a draft open in the editor

    @Test
    void savingADraftSomeoneElseChangedWhileItWasOpenIsRefusedNamingWhoAndWhenAndKeepsTheText() throws Exception {
        long id = draft("Cramps at night");
        atTheEditor = text -> {
            // Meanwhile, at the other workstation, Bo edits the same draft.
            done(otherShell.submit(() -> {
                clinic.makeDefault(bo);
                return sessions.edit(id, options.read().note("Bo's words", null, null, null).draft());
            }));
            return text.replace("Cramps at night", "Alex's words, written slowly");
        };

        Result result = run("session edit " + id + " --edit");

        assertThat(result.status()).isEqualTo(4);
        String time = audit.lastChange("session", id).map(c -> c.at().atZone(ZoneId.systemDefault()))
                .map(t -> DateTimeFormatter.ofPattern("HH:mm").format(t)).orElseThrow();
        assertThat(result.error()).startsWith("Session " + id + " was changed by Bo Lee at " + time
                + " since you opened it; nothing was saved - open it again with 'session edit " + id + "'");
        assertThat(subjective(id)).isEqualTo("Bo's words");
        Path kept = keptFile(result.error());
        assertThat(Files.readString(kept)).contains("Alex's words, written slowly");
        assertThat(Files.getPosixFilePermissions(kept)).map(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
        Files.delete(kept);
    }

    @Test
    void savingADraftSomeoneSignedWhileItWasOpenIsRefusedNamingTheSigner() throws Exception {
        long id = draft("Cramps at night");
        atTheEditor = text -> {
            done(otherShell.submit(() -> sessions.sign(id, bo, false)));
            return text.replace("Cramps at night", "A late thought");
        };

        Result result = run("session edit " + id + " --edit");

        assertThat(result.status()).isEqualTo(4);
        assertThat(result.error()).startsWith("Session " + id + " was signed by Bo Lee at ")
                .contains("nothing was saved - it is final now: add what you meant as an addendum with 'session amend "
                        + id + " --edit'");
        assertThat(subjective(id)).isEqualTo("Cramps at night");
        Path kept = keptFile(result.error());
        assertThat(Files.readString(kept)).contains("A late thought");
        Files.delete(kept);
    }

    @Test
    void aDraftNobodyElseTouchedIsSavedFromTheEditor() {
        long id = draft("Cramps at night");
        atTheEditor = text -> text.replace("Cramps at night", "Cramps twice a week");

        run("session edit " + id + " --edit").expectOk();

        assertThat(subjective(id)).isEqualTo("Cramps twice a week");
        run("session sign " + id).expectOk();
    }

    @Test
    void anEditOfADraftReadBeforeTwoOtherChangesIsRefusedNamingWhoChangedItLast() {
        long id = draft("Cramps at night");
        Session read = sessions.get(id);
        sessions.edit(id, read.version(), options.read().note("Changed", null, null, null).draft());
        run("session edit " + id + " --plan \"Stretch\"").expectOk();
        assertThat(sessions.get(id).version()).isEqualTo(read.version() + 2);

        assertThatThrownBy(() -> sessions.edit(id, read.version(), options.read().note("Stale", null, null, null).draft()))
                .isInstanceOf(ConflictException.class)
                .hasMessageStartingWith("Session " + id + " was changed by Alex Chen at ");
        assertThat(subjective(id)).isEqualTo("Changed");
        assertThat(jdbc.sql("SELECT plan FROM session WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("Stretch");
    }

    // ---------------------------------------------------------------- concurrent writers

    @Test
    void concurrentWritersNumberTheChainAndTheAuditTrailWithoutGapOrDuplicate() throws Exception {
        int writers = 4;
        int each = 3;
        long eventsBefore = count("audit_event");
        long linksBefore = count("record_chain");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> work = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            work.add(otherShell.submit(() -> {
                start.await();
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    long id = sessions.record(sessions.preflight(client, note("Written concurrently")),
                            note("Written concurrently")).session().id();
                    sessions.sign(id, alex, false);
                    sessions.amend(id, "Late entry", alex);
                    ids.add(id);
                }
                return ids;
            }));
        }
        start.countDown();
        List<Long> sessionIds = new ArrayList<>();
        for (Future<List<Long>> writer : work) {
            sessionIds.addAll(writer.get(120, TimeUnit.SECONDS));
        }

        assertThat(sessionIds).doesNotHaveDuplicates().hasSize(writers * each);
        assertGapFree("SELECT seq FROM record_chain ORDER BY seq");
        assertGapFree("SELECT id FROM audit_event ORDER BY id");
        assertGapFree("SELECT id FROM session ORDER BY id");
        // Each session: recorded, signed, amended (3 audit events); each signed note, addendum and event linked.
        assertThat(count("audit_event") - eventsBefore).isEqualTo(3L * writers * each);
        assertThat(count("record_chain") - linksBefore).isEqualTo(5L * writers * each);
        assertThat(run("records verify").expectOk()).contains("No final record has changed since it became final");
    }

    @Test
    void aWriteThatRollsBackLeavesNoGapInTheAuditTrailOrTheChain() {
        long id = draft("Cramps at night");
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            sessions.sign(id, alex, false);
            status.setRollbackOnly();
        });
        run("session sign " + id).expectOk();

        assertGapFree("SELECT id FROM audit_event ORDER BY id");
        assertGapFree("SELECT seq FROM record_chain ORDER BY seq");
        assertThat(run("records verify").expectOk()).contains("No final record has changed since it became final");
    }

    @Test
    // Were the wait endless, the test would hang: it fails instead.
    @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aWriterKeptWaitingTooLongIsToldTheDatabaseIsBusyAndNothingChanges() throws Exception {
        long id = draft("Cramps at night");
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> other = otherShell.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            // A write that has begun holds the database's write lock (SQLite's, or soapstone_write_lock) to its end.
            jdbc.sql("UPDATE session SET products = 'oil' WHERE id = ?").param(id).update();
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(holding.await(60, TimeUnit.SECONDS)).isTrue();
        Result waited;
        try {
            waited = run("session edit " + id + " --plan \"Stretch\"");
        } finally {
            release.countDown();
        }
        done(other);

        assertThat(waited.status()).isEqualTo(5);
        assertThat(waited.error()).startsWith("The database is busy: another Soapstone is writing to it. Nothing was"
                + " changed");
        assertThat(jdbc.sql("SELECT plan FROM session WHERE id = ?").param(id).query(String.class).optional())
                .isEmpty();
    }

    @Test
    void recordsVerifyWhileOthersWriteSeesOneConsistentChain() throws Exception {
        int writers = 3;
        int each = 4;
        CountDownLatch firstWritten = new CountDownLatch(1);
        CountDownLatch allDone = new CountDownLatch(writers);
        List<Future<Integer>> work = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            work.add(otherShell.submit(() -> {
                try {
                    for (int i = 0; i < each; i++) {
                        long id = sessions.record(sessions.preflight(client, note("Busy day")), note("Busy day")).session()
                                .id();
                        sessions.sign(id, alex, false);
                        firstWritten.countDown();
                    }
                    return each;
                } finally {
                    allDone.countDown();
                }
            }));
        }
        assertThat(firstWritten.await(120, TimeUnit.SECONDS)).isTrue();
        List<String> failures = new ArrayList<>();
        int checks = 0;
        // Checks while the writers write, at least once, until the last of them is done.
        do {
            Result verify = run("records verify");
            checks++;
            if (!verify.ok()) {
                failures.add(verify.error());
            }
        } while (!allDone.await(0, TimeUnit.SECONDS));
        for (Future<Integer> writer : work) {
            assertThat(writer.get(120, TimeUnit.SECONDS)).isEqualTo(each);
        }

        assertThat(checks).isPositive();
        assertThat(failures).isEmpty();
        assertThat(run("records verify").expectOk()).contains("No final record has changed since it became final");
        assertGapFree("SELECT seq FROM record_chain ORDER BY seq");
    }

    // ---------------------------------------------------------------- helpers

    private long draft(String subjective) {
        Result result = run("session new --client " + client + " --practitioner " + alex + " --subjective \""
                + subjective + "\"");
        List<String> lines = result.expectOk().lines().toList();
        return Long.parseLong(lines.get(lines.size() - 1));
    }

    private SessionDraft note(String subjective) {
        return options.read().note(subjective, null, null, null).draft();
    }

    private String subjective(long id) {
        return jdbc.sql("SELECT subjective FROM session WHERE id = ?").param(id).query(String.class).single();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    /** The numbers {@code query} gives follow each other, none left out or given twice (ids on SQLite need not start at 1). */
    private void assertGapFree(String query) {
        List<Long> numbers = jdbc.sql(query).query(Long.class).list();
        assertThat(numbers).as(query).isNotEmpty();
        long first = numbers.getFirst();
        assertThat(numbers).as(query).containsExactlyElementsOf(LongStream.range(first, first + numbers.size()).boxed().toList());
    }

    private static Path keptFile(String error) {
        Matcher kept = Pattern.compile("What you wrote is kept in (\\S+)$").matcher(error.strip());
        assertThat(kept.find()).as(error).isTrue();
        return Path.of(kept.group(1));
    }

    private static <T> T done(Future<T> future) {
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the other therapist's change failed", e);
        }
    }
}
