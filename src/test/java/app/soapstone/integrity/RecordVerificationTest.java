package app.soapstone.integrity;

import app.soapstone.support.RecordsTest;
import app.soapstone.support.SoapstoneTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code records verify} recomputes every link from what the database holds: it passes on
 * untouched records and names each signed note or addendum changed, deleted or left out of the
 * chain, and each broken link. The changes are made as another program would, with the
 * protecting triggers removed for the moment (and put back).
 */
@Tag(SoapstoneTest.POSTGRESQL)
class RecordVerificationTest extends RecordsTest {

    @Autowired
    private RecordChain chain;

    @Autowired
    private RecordDigests digests;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private javax.sql.DataSource dataSource;

    private final long[] signed = new long[4];
    private long draft;
    private long addendum;

    @BeforeEach
    void signedNotesWithAnAddendum() {
        run("practitioner add --name \"Sam Jones\" --credentials RMT").expectOk();
        long client = Long.parseLong(run("client add --first-name Ann --last-name Lee").expectOk());
        for (int i = 0; i < signed.length; i++) {
            signed[i] = session(client, "--modalities effleurage,trigger-point --areas calf-left,calf-right"
                    + " --pain-before 6 --pain-after 2 --cramps-per-week " + (i + 1.5)
                    + " --subjective \"Cramps twice\" --plan \"Stretch nightly\"");
            run("session sign " + signed[i]).expectOk();
            if (i == 1) {
                run("session amend " + signed[1] + " --text \"Client phoned: no bruising\"").expectOk();
                addendum = jdbc.sql("SELECT id FROM addendum").query(Long.class).single();
            }
        }
        draft = session(client, "--subjective \"Draft\"");
    }

    @Test
    void untouchedRecordsVerify() {
        assertThat(run("records verify").expectOk())
                .startsWith("Verified the record chain, 17 entries: 4 signed notes, 1 addendum, 12 audit events.\n"
                        + "No final record has changed since it became final, and every link follows from the one before.");
        assertThat(chain.verify().problems()).isEmpty();
    }

    @Test
    void aChangedNoteIsNamed() {
        withoutTriggers(() -> jdbc.sql("UPDATE session SET plan = 'Stop' WHERE id = ?").param(signed[2]).update(),
                "session_signed_is_final_update");

        assertThat(chain.verify().problems()).singleElement().asString()
                .startsWith("session " + signed[2] + " has changed since it became final (stored SHA-256 ");
        assertThat(run("records verify").error()).contains("session " + signed[2] + " has changed");
    }

    @Test
    void aChangedModalityOrAreaIsNamed() {
        withoutTriggers(() -> {
            jdbc.sql("UPDATE session_modality SET modality = 'cupping' WHERE session_id = ? AND position = 1")
                    .param(signed[0]).update();
            jdbc.sql("UPDATE session_area SET site = 'neck' WHERE session_id = ? AND position = 0")
                    .param(signed[3]).update();
        }, "session_modality_signed_update", "session_area_signed_update");

        assertThat(chain.verify().problems()).hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("session " + signed[0] + " has changed"))
                .anySatisfy(p -> assertThat(p).startsWith("session " + signed[3] + " has changed"));
    }

    @Test
    void aChangedAddendumIsNamed() {
        withoutTriggers(() -> jdbc.sql("UPDATE addendum SET text = 'Bruised' WHERE id = ?").param(addendum).update(),
                "addendum_is_permanent_update");

        assertThat(chain.verify().problems()).singleElement().asString()
                .startsWith("addendum " + addendum + " has changed since it became final");
    }

    @Test
    void aDeletedNoteIsNamed() {
        withoutTriggers(() -> {
            jdbc.sql("DELETE FROM session_modality WHERE session_id = ?").param(signed[3]).update();
            jdbc.sql("DELETE FROM session_area WHERE session_id = ?").param(signed[3]).update();
            jdbc.sql("DELETE FROM session WHERE id = ?").param(signed[3]).update();
        }, "session_signed_is_final_delete", "session_modality_signed_delete", "session_area_signed_delete");

        assertThat(chain.verify().problems())
                .containsExactly("session " + signed[3] + " is missing: it was signed, and has been deleted");
    }

    @Test
    void aBrokenLinkIsNamed() {
        long seq = jdbc.sql("SELECT seq FROM record_chain WHERE record_type = 'session' AND record_id = ?")
                .param(signed[2]).query(Long.class).single();
        withoutTriggers(() -> jdbc.sql("UPDATE record_chain SET hash = ? WHERE seq = ?").param("f".repeat(64)).param(seq)
                .update(), "record_chain_is_append_only_update");

        long audit = jdbc.sql("SELECT record_id FROM record_chain WHERE seq = ?").param(seq + 1).query(Long.class).single();
        assertThat(chain.verify().problems()).containsExactly(
                "chain link " + seq + " (session " + signed[2] + ") does not follow from the link before it",
                "chain link " + (seq + 1) + " (audit event " + audit + ") does not follow from the link before it");
    }

    @Test
    void recordsLeftOutOfTheChainAreNamed() {
        withoutTriggers(() -> {
            jdbc.sql("DELETE FROM record_chain WHERE record_type = 'addendum'").update();
            jdbc.sql("UPDATE session SET signed_at = created_at, signed_by = practitioner_id WHERE id = ?")
                    .param(draft).update();
        }, "record_chain_is_append_only_delete");

        List<String> problems = chain.verify().problems();
        assertThat(problems).contains("session " + draft + " is signed but not in the chain",
                "addendum " + addendum + " is not in the chain");
        assertThat(chain.verify().sessions()).isEqualTo(4);
        assertThat(chain.verify().addenda()).isZero();
    }

    @Test
    void hashesReadForARangeAreThoseReadOneByOne() {
        long client = jdbc.sql("SELECT id FROM client").query(Long.class).single();
        for (int i = 0; i < 5; i++) {
            long id = session(client, "--areas foot-left --plan \"Plan " + i + "\"");
            run("session sign " + id).expectOk();
            run("session amend " + id + " --text \"Note " + i + "\"").expectOk();
        }
        List<Long> sessions = jdbc.sql("SELECT id FROM session ORDER BY id").query(Long.class).list();
        List<Long> addenda = jdbc.sql("SELECT id FROM addendum ORDER BY id").query(Long.class).list();

        for (var records : java.util.Map.of(FinalRecord.SESSION, sessions, FinalRecord.ADDENDUM, addenda).entrySet()) {
            FinalRecord kind = records.getKey();
            List<Long> ids = records.getValue();
            var all = scan(kind, 0, ids.getLast() + 10);
            assertThat(all).hasSize(ids.size());
            for (long id : ids) {
                assertThat(all.get(id)).as(kind + " " + id).isEqualTo(digests.digest(kind.type(), id).orElseThrow());
            }
            var some = scan(kind, ids.get(1), ids.get(3));
            assertThat(some.keySet()).containsExactlyInAnyOrderElementsOf(ids.subList(1, 4));
            assertThat(scan(kind, ids.getLast() + 1, ids.getLast() + 1000)).isEmpty();
        }
    }

    /** The content hashes of the records with ids from {@code first} to {@code last}, read at once. */
    private java.util.Map<Long, String> scan(FinalRecord kind, long first, long last) {
        java.util.Map<Long, String> hashes = new java.util.HashMap<>();
        try (java.sql.Connection connection = dataSource.getConnection()) {
            RecordDigests.scan(connection, kind, first, last,
                    (id, isFinal, digest) -> hashes.put(id, java.util.HexFormat.of().formatHex(digest)));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return hashes;
    }

    private long session(long client, String options) {
        List<String> lines = run("session new --client " + client + " --date 2026-01-05 --time 10:00 " + options)
                .expectOk().lines().toList();
        return Long.parseLong(lines.getLast().strip());
    }

    /** Runs {@code change} with the named triggers dropped (disabled), in one transaction, and puts them back. */
    private void withoutTriggers(Runnable change, String... triggers) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> without(change, List.of(triggers)));
    }

    private void without(Runnable change, List<String> triggers) {
        if (triggers.isEmpty()) {
            change.run();
        } else {
            withoutTrigger(triggers.getFirst(), () -> without(change, triggers.subList(1, triggers.size())));
        }
    }
}
