package app.soapstone.integrity;

import app.soapstone.shell.Failure;
import app.soapstone.support.RecordsTest;
import app.soapstone.support.SoapstoneTest;
import app.soapstone.support.Tamperer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clinic's key ({@code records key --create}): from then on every link is an HMAC under a
 * secret outside the database, so someone who can rewrite the file but not read the key cannot
 * recompute the chain - caught even with no anchor left to compare with.
 */
@Tag(SoapstoneTest.POSTGRESQL)
class ClinicKeyTest extends RecordsTest {

    private Path keyFile() {
        return DATA_DIR.resolve("soapstone.key");
    }

    @Test
    void theKeyIsMadeOnceOwnerOnlyAndKeysEveryLinkFromThen() throws Exception {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        long before = signedSession(client, "Night cramps", "Stretch nightly");
        assertThat(run("records key").expectOk()).startsWith("No key: the record chain is plain SHA-256");

        String made = run("records key --create").expectOk();

        assertThat(keyFile()).isRegularFile();
        if (posix()) {
            assertThat(permissions(keyFile())).isEqualTo("rw-------");
        }
        assertThat(Files.readAllLines(keyFile()).stream().filter(l -> !l.startsWith("#")).toList()).singleElement()
                .asString().matches("[0-9a-f]{64}");
        String id = jdbc.sql("SELECT key_id FROM record_chain ORDER BY seq DESC LIMIT 1").query(String.class).single();
        assertThat(id).matches("[0-9a-f]{16}");
        assertThat(made).contains("Made the clinic's key " + id + " in " + keyFile());
        long after = signedSession(client, "Better", "Keep going");
        assertThat(jdbc.sql("SELECT key_id FROM record_chain WHERE record_type = 'session' AND record_id = ?")
                .param(before).query(String.class).optional()).isEmpty();
        assertThat(jdbc.sql("SELECT key_id FROM record_chain WHERE record_type = 'session' AND record_id = ?")
                .param(after).query(String.class).single()).isEqualTo(id);
        assertThat(run("records key").expectOk()).contains(id).contains(keyFile().toString());

        Result verify = run("records verify");
        assertThat(verify.status()).as(verify.error()).isEqualTo(Failure.OK);
        assertThat(verify.output()).containsPattern("Key: " + id + " \\(.*\\): entries \\d+ to \\d+ keyed and recomputed");

        Result again = run("records key --create");
        assertThat(again.status()).isEqualTo(Failure.CONFLICT);
        assertThat(again.error()).contains("There is a key already");
    }

    @Test
    void withTheKeyARewriteIsCaughtWithoutAnyAnchor() throws Exception {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        long first = signedSession(client, "Night cramps", "Stretch nightly");
        run("records key --create").expectOk();
        signedSession(client, "Better", "Keep going");
        Tamperer tamperer = tamperer();

        // Rewritten and recomputed from the note on, the anchors gone: the links after the key are plain SHA-256 now.
        tamperer.sql("UPDATE session SET plan = 'No stretching' WHERE id = ?", first);
        tamperer.recomputeChainFrom(tamperer.seqOf("session", first));
        Files.delete(DATA_DIR.resolve("soapstone.anchors"));

        Result verify = run("records verify");
        assertThat(verify.status()).isEqualTo(Failure.VERIFICATION);
        assertThat(verify.error()).contains("The clinic's key (" + keyFile() + ") is present, but no entry of the chain"
                + " is keyed with it");

        // Marking the links as keyed does not help: their hashes are not HMACs under the key.
        tamperer.sql("UPDATE record_chain SET key_id = ? WHERE seq > ?", "0123456789abcdef",
                tamperer.seqOf("session", first));
        verify = run("records verify");
        assertThat(verify.status()).isEqualTo(Failure.VERIFICATION);
        assertThat(verify.error()).contains("keyed with the key 0123456789abcdef");
    }

    @Test
    void aKeyedChainIsNotContinuedOrCheckedWithoutItsKey() throws Exception {
        practitioner("Sam Jones");
        long client = client("Ann", "Lee");
        run("records key --create").expectOk();
        long draft = session(client, "--subjective", "Night cramps");
        Path aside = Files.move(keyFile(), DATA_DIR.resolve("key-put-aside"));

        Result sign = run("session sign " + draft);
        assertThat(sign.status()).isEqualTo(Failure.UNAVAILABLE);
        assertThat(sign.error()).contains("The record chain is keyed with the clinic's key").contains(keyFile().toString())
                .contains("Nothing was changed. Put the key file back");
        assertThat(jdbc.sql("SELECT signed_at FROM session WHERE id = ?").param(draft).query(String.class).optional())
                .isEmpty();

        Result verify = run("records verify");
        assertThat(verify.status()).isEqualTo(Failure.VERIFICATION);
        assertThat(verify.error()).contains("there is no key file").contains("Put that key file back");

        Files.move(aside, keyFile());
        sign(draft);
        assertThat(run("records verify").status()).isEqualTo(Failure.OK);
    }
}
