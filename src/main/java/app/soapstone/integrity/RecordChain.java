package app.soapstone.integrity;

import app.soapstone.storage.SqliteDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tamper-evident chain of final records. Signing a note or adding an addendum appends a link
 * whose hash covers the record's content and the previous link; {@link #verify} recomputes
 * every hash from what the database now holds.
 */
@Component
public class RecordChain {

    /** The "previous hash" of the first link. */
    static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;
    private final RecordDigests digests;
    private final Clock clock;

    public RecordChain(JdbcClient jdbc, RecordDigests digests, Clock clock) {
        this.jdbc = jdbc;
        this.digests = digests;
        this.clock = clock;
    }

    /** What {@link #verify} found. */
    public record Verification(int sessions, int addenda, List<String> problems) {

        public boolean intact() {
            return problems.isEmpty();
        }
    }

    private record Link(long seq, String type, long id, String contentHash, String previousHash, String hash) {
    }

    /** Appends the link for a record that has just become final; in the same transaction as that change. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void link(String type, long id) {
        String content = digests.digest(type, id).orElseThrow(() -> new IllegalStateException(type + " " + id + " not found"));
        String previous = jdbc.sql("SELECT hash FROM record_chain ORDER BY seq DESC LIMIT 1").query(String.class)
                .optional().orElse(GENESIS);
        jdbc.sql("""
                        INSERT INTO record_chain (record_type, record_id, content_hash, previous_hash, hash, linked_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .param(type).param(id).param(content).param(previous)
                .param(RecordDigests.linkHash(previous, type, id, content))
                .param(SqliteDialect.INSTANT_TEXT.format(clock.instant()))
                .update();
    }

    /**
     * Recomputes every link from the records as they are now, and checks that every signed note
     * and every addendum has a link. Reports each record whose content no longer matches and each
     * broken link.
     */
    @Transactional(readOnly = true)
    public Verification verify() {
        List<Link> links = jdbc.sql("""
                        SELECT seq, record_type, record_id, content_hash, previous_hash, hash
                        FROM record_chain ORDER BY seq""")
                .query((row, n) -> new Link(row.getLong(1), row.getString(2), row.getLong(3), row.getString(4),
                        row.getString(5), row.getString(6)))
                .list();
        List<String> problems = new ArrayList<>();
        Windows contents = new Windows();
        String expectedPrevious = GENESIS;
        int sessions = 0;
        int addenda = 0;
        for (Link link : links) {
            String name = link.type() + " " + link.id();
            var content = contents.digest(link.type(), link.id());
            if (content.isEmpty()) {
                problems.add(name + " is missing: it was signed, and has been deleted");
            } else if (!content.get().equals(link.contentHash())) {
                problems.add(name + " has changed since it became final (stored SHA-256 " + shortHash(link.contentHash())
                        + ", now " + shortHash(content.get()) + ")");
            }
            if (!link.previousHash().equals(expectedPrevious)
                    || !link.hash().equals(RecordDigests.linkHash(link.previousHash(), link.type(), link.id(), link.contentHash()))) {
                problems.add("chain link " + link.seq() + " (" + name + ") does not follow from the link before it");
            }
            expectedPrevious = link.hash();
            if (link.type().equals("session")) {
                sessions++;
            } else {
                addenda++;
            }
        }
        unlinked("session", "SELECT id FROM session WHERE signed_at IS NOT NULL", problems, "is signed but not in the chain");
        unlinked("addendum", "SELECT id FROM addendum", problems, "is not in the chain");
        return new Verification(sessions, addenda, problems);
    }

    /**
     * Content hashes for {@link #verify}, read a window of ids at a time: links come roughly in id
     * order, so each window serves many links. The few most recent windows are kept.
     */
    private final class Windows {

        private static final int IDS = 1_000;
        private static final int KEPT = 8;

        private final Map<String, Map<Long, String>> windows = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Map<Long, String>> eldest) {
                return size() > KEPT;
            }
        };

        Optional<String> digest(String type, long id) {
            long first = Math.floorDiv(id, IDS) * IDS;
            Map<Long, String> window = windows.get(type + " " + first);
            if (window == null) {
                window = digests.digests(type, first, first + IDS - 1);
                windows.put(type + " " + first, window);
            }
            return Optional.ofNullable(window.get(id));
        }
    }

    private void unlinked(String type, String sql, List<String> problems, String message) {
        Set<Long> linked = new HashSet<>(jdbc.sql("SELECT record_id FROM record_chain WHERE record_type = ?").param(type)
                .query(Long.class).list());
        for (Long id : jdbc.sql(sql).query(Long.class).list()) {
            if (!linked.contains(id)) {
                problems.add(type + " " + id + " " + message);
            }
        }
    }

    private static String shortHash(String hash) {
        return hash.substring(0, 12) + "...";
    }
}
