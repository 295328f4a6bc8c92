package app.soapstone.integrity;

import app.soapstone.integrity.AnchorFile.Anchor;

import javax.crypto.Mac;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One check of a database's record chain against itself, the records, the anchors and the key:
 * reads the chain once in order and each kind of final record once in id order (a few queries in
 * all, whatever the size), so that a clinic's whole history is checked in seconds.
 *
 * <p>What it establishes: every link follows from the one before (its hash recomputed, with the
 * key where the link was keyed); every final record has a link and still has the content it was
 * linked with; the chain has every entry every anchor recorded, with the hash recorded; and, when
 * there are anchors, that nothing was added after the last one.
 */
final class ChainCheck {

    /** An anchor from elsewhere than the anchor file: a backup's manifest, a seal typed from paper. */
    record External(String source, Seal seal) {
    }

    private static final HexFormat HEX = HexFormat.of();
    private static final int NAMED = 8;
    /** How long before a check began an unanchored entry may have been linked by a change still writing its anchor. */
    private static final Duration IN_FLIGHT = Duration.ofMinutes(1);

    private final Connection connection;
    private final SealKey key;
    private final Path keyFile;
    private final AnchorFile anchorFile;
    private final Instant started;
    private final List<External> external;
    private AnchorFile.Contents anchors;

    private final List<String> problems = new ArrayList<>();
    private final Map<FinalRecord, Links> links = new EnumMap<>(FinalRecord.class);
    /** Kind (ordinal) and id of each entry, by position (entry n at n - 1), for naming entries in reports. */
    private byte[] kindAt = new byte[1024];
    private long[] idAt = new long[1024];
    /** The hash stored in each entry, by position, for checking anchors after the pass. */
    private byte[] hashAt = new byte[1024 * 32];
    private long entries;
    /** How many entries after the last anchor were linked just before the check began ({@link #linkedJustBefore}). */
    private long inFlight;
    /** Whether the database is shared by several computers (PostgreSQL), each with its own anchor file. */
    private boolean shared;
    /** Entries after this computer's last anchor on a shared database, written from elsewhere. */
    private long sharedAfter;

    /**
     * A check of the database behind {@code connection}, with the clinic's {@code key} (or null), the
     * {@code anchorFile} (or null: not this database's) and {@code external} anchors. {@code started}:
     * now; anchors written later than that for entries the database does not have yet are left to
     * the next check, for they come from changes made by another shell while this one reads.
     */
    ChainCheck(Connection connection, SealKey key, Path keyFile, AnchorFile anchorFile, Instant started,
            List<External> external) {
        this.connection = connection;
        this.key = key;
        this.keyFile = keyFile;
        this.anchorFile = anchorFile;
        this.started = started;
        this.external = external;
    }

    RecordChain.Verification run() throws SQLException {
        shared = Catalog.onPostgres(connection);
        List<FinalRecord> chained = new ArrayList<>();
        // A kind whose table a database of an older version does not have yet (receipts: V026) has no records.
        for (FinalRecord kind : chainsEveryKind() ? List.of(FinalRecord.values()) : FinalRecord.FIRST_CHAINED) {
            if (hasTable(connection, kind.table())) {
                chained.add(kind);
                links.put(kind, new Links());
            }
        }
        KeyUse keyUse = readChain();
        for (FinalRecord kind : chained) {
            checkContent(kind, links.get(kind));
        }
        List<String> anchorLines = new ArrayList<>();
        if (anchorFile != null) {
            // Read after the database: the anchors of the changes this check sees have been written by now.
            try {
                anchors = anchorFile.read();
            } catch (IOException e) {
                anchors = AnchorFile.Contents.NONE;
                problems.add("Cannot read the anchor file " + anchorFile.path() + " (" + e.getMessage() + ")");
            }
            checkAnchorFile(anchorLines);
        }
        for (External anchor : external) {
            checkExternal(anchor, anchorLines);
        }
        String keyLine = keyLine(keyUse);
        Map<FinalRecord, Long> counts = new EnumMap<>(FinalRecord.class);
        links.forEach((kind, kindLinks) -> counts.put(kind, (long) kindLinks.size));
        return new RecordChain.Verification(new Seal(entries, entries == 0 ? RecordChain.GENESIS : hex(hashAt, entries)),
                counts, List.copyOf(problems), List.copyOf(anchorLines), keyLine);
    }

    // ---------------------------------------------------------------- the chain itself

    /** How the key was used along the chain: from which entry links are keyed, and with what. */
    private record KeyUse(long firstKeyed, long keyed, String otherKey, long unverifiable) {
    }

    private KeyUse readChain() throws SQLException {
        boolean keyColumn = Catalog.hasColumn(connection, "record_chain", "key_id");
        // One value per link, read as the bytes the database holds: far fewer calls into the driver
        // than a column at a time, and no strings made. The fields are fixed in form (the table's
        // checks), which parse() checks again.
        String sql = "SELECT seq || '|' || record_type || '|' || record_id || '|' || content_hash || '|' || previous_hash"
                + " || '|' || hash || '|' || " + (keyColumn ? "coalesce(key_id, '')" : "''")
                + " FROM record_chain ORDER BY seq";
        MessageDigest sha = RecordDigests.sha256();
        Mac mac = key == null ? null : key.mac();
        byte[] keyId = key == null ? null : key.id().getBytes(StandardCharsets.US_ASCII);
        byte[] previous = RecordChain.GENESIS.getBytes(StandardCharsets.US_ASCII);
        byte[] stored = new byte[32];
        byte[] content = new byte[32];
        long expectedSeq = 1;
        long firstKeyed = 0;
        long keyed = 0;
        long unverifiable = 0;
        String otherKey = null;
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                byte[] row = rows.getBytes(1);
                Link link = Link.parse(row);
                if (link == null) {
                    problems.add("chain entry " + new String(row, StandardCharsets.UTF_8) + " is not a link Soapstone makes");
                    continue;
                }
                long seq = link.seq;
                FinalRecord kind = link.kind;
                if (!links.containsKey(kind)) {
                    problems.add("chain entry " + seq + " links a " + kind.type() + ", which this database did not chain yet");
                    continue;
                }
                long id = link.id;
                if (seq != expectedSeq) {
                    problems.add(seq > expectedSeq
                            ? "chain " + range(expectedSeq, seq - 1) + have(expectedSeq, seq - 1) + " been removed from"
                                    + " the chain (the entry after is " + kind.name(id) + ")"
                            : "chain entry " + seq + " is out of order");
                }
                expectedSeq = seq + 1;
                boolean follows = Arrays.equals(row, link.previous, link.previous + 64, previous, 0, 64);
                if (!Hex.decode(row, link.hash, stored) || !Hex.decode(row, link.content, content)) {
                    problems.add("chain entry " + seq + " is not a link Soapstone makes (its hashes are not hex)");
                    continue;
                }
                byte[] recomputed;
                if (link.keyLength == 0) {
                    recomputed = link.hashOver(sha, row);
                    if (firstKeyed > 0) {
                        problems.add("chain link " + seq + " (" + kind.name(id) + ") is not keyed, though the links before it"
                                + " are: it was made or recomputed without the clinic's key");
                    }
                } else {
                    firstKeyed = firstKeyed == 0 ? seq : firstKeyed;
                    keyed++;
                    if (keyId != null && Arrays.equals(row, link.key, link.key + link.keyLength, keyId, 0, keyId.length)) {
                        recomputed = link.hashOver(mac, row);
                    } else {
                        // Without that key the link cannot be recomputed; only its place in the chain is checked.
                        recomputed = stored;
                        unverifiable++;
                        otherKey = new String(row, link.key, link.keyLength, StandardCharsets.US_ASCII);
                    }
                }
                if (!follows || !Arrays.equals(recomputed, stored)) {
                    problems.add("chain link " + seq + " (" + kind.name(id) + ") does not follow from the link before it");
                }
                System.arraycopy(row, link.hash, previous, 0, 64);
                record(seq, kind, id, content, stored);
            }
        }
        return new KeyUse(firstKeyed, keyed, otherKey, unverifiable);
    }

    /** Where the fields of one link are in its bytes ({@code seq|type|id|content|previous|hash|key}). */
    private static final class Link {
        long seq;
        FinalRecord kind;
        long id;
        int type;
        int typeLength;
        int idStart;
        int idLength;
        int content;
        int previous;
        int hash;
        int key;
        int keyLength;

        /** The link's fields, or null if it is not in the form Soapstone writes (hashes are checked on decoding). */
        static Link parse(byte[] row) {
            int[] bars = new int[6];
            int found = 0;
            for (int i = 0; i < row.length; i++) {
                if (row[i] == '|') {
                    if (found == 6) {
                        return null;
                    }
                    bars[found++] = i;
                }
            }
            if (found != 6 || bars[3] - bars[2] != 65 || bars[4] - bars[3] != 65 || bars[5] - bars[4] != 65) {
                return null;
            }
            Link link = new Link();
            link.seq = number(row, 0, bars[0]);
            link.type = bars[0] + 1;
            link.typeLength = bars[1] - bars[0] - 1;
            link.idStart = bars[1] + 1;
            link.idLength = bars[2] - bars[1] - 1;
            link.id = number(row, link.idStart, bars[2]);
            link.kind = kind(row, link.type, link.typeLength);
            link.content = bars[2] + 1;
            link.previous = bars[3] + 1;
            link.hash = bars[4] + 1;
            link.key = bars[5] + 1;
            link.keyLength = row.length - link.key;
            return link.kind == null || link.seq < 0 || link.id < 0 ? null : link;
        }

        private static final byte[][] TYPES = Arrays.stream(FinalRecord.values())
                .map(kind -> kind.type().getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);

        private static FinalRecord kind(byte[] row, int from, int length) {
            for (int i = 0; i < TYPES.length; i++) {
                if (Arrays.equals(row, from, from + length, TYPES[i], 0, TYPES[i].length)) {
                    return FinalRecord.values()[i];
                }
            }
            return null;
        }

        /** The decimal number in {@code row} from {@code from} to {@code to}, or -1 if it is not one. */
        private static long number(byte[] row, int from, int to) {
            if (to <= from || to - from > 18) {
                return -1;
            }
            long n = 0;
            for (int i = from; i < to; i++) {
                if (row[i] < '0' || row[i] > '9') {
                    return -1;
                }
                n = n * 10 + (row[i] - '0');
            }
            return n;
        }

        /** The hash the link should have: over the previous hash, the type, the id and the content hash. */
        byte[] hashOver(MessageDigest sha, byte[] row) {
            sha.update(row, previous, 64);
            sha.update((byte) '\n');
            sha.update(row, type, typeLength);
            sha.update((byte) '\n');
            sha.update(row, idStart, idLength);
            sha.update((byte) '\n');
            sha.update(row, content, 64);
            return sha.digest();
        }

        byte[] hashOver(Mac mac, byte[] row) {
            mac.update(row, previous, 64);
            mac.update((byte) '\n');
            mac.update(row, type, typeLength);
            mac.update((byte) '\n');
            mac.update(row, idStart, idLength);
            mac.update((byte) '\n');
            mac.update(row, content, 64);
            return mac.doFinal();
        }
    }

    /** Lower-case hex, as the chain stores hashes, decoded from bytes without making strings. */
    private static final class Hex {

        private static final byte[] DIGITS = new byte[128];

        static {
            Arrays.fill(DIGITS, (byte) -1);
            for (int i = 0; i < 16; i++) {
                DIGITS["0123456789abcdef".charAt(i)] = (byte) i;
            }
        }

        /** Decodes the 64 digits at {@code from} into {@code into}; false if they are not lower-case hex. */
        static boolean decode(byte[] text, int from, byte[] into) {
            int bad = 0;
            for (int i = 0; i < 32; i++) {
                int high = DIGITS[text[from + 2 * i] & 0x7f];
                int low = DIGITS[text[from + 2 * i + 1] & 0x7f];
                bad |= high | low | (text[from + 2 * i] | text[from + 2 * i + 1]) & 0x80;
                into[i] = (byte) (high << 4 | low);
            }
            return bad >= 0 && (bad & 0x80) == 0;
        }
    }

    private void record(long seq, FinalRecord kind, long id, byte[] content, byte[] hash) {
        links.get(kind).add(id, seq, content);
        entries = Math.max(entries, seq);
        int at = (int) (seq - 1);
        if (at >= kindAt.length) {
            int size = Math.max(at + 1, kindAt.length * 2);
            kindAt = Arrays.copyOf(kindAt, size);
            idAt = Arrays.copyOf(idAt, size);
            hashAt = Arrays.copyOf(hashAt, size * 32);
        }
        kindAt[at] = (byte) (kind.ordinal() + 1);
        idAt[at] = id;
        System.arraycopy(hash, 0, hashAt, at * 32, 32);
    }

    // ---------------------------------------------------------------- the records

    /** The links of one kind: record ids, their entries and the content hashes they were linked with. */
    private static final class Links {
        long[] ids = new long[256];
        long[] seqs = new long[256];
        byte[] contents = new byte[256 * 32];
        int size;

        void add(long id, long seq, byte[] content) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                seqs = Arrays.copyOf(seqs, size * 2);
                contents = Arrays.copyOf(contents, size * 2 * 32);
            }
            ids[size] = id;
            seqs[size] = seq;
            System.arraycopy(content, 0, contents, size * 32, 32);
            size++;
        }

        boolean contentIs(int link, byte[] digest) {
            return Arrays.equals(contents, link * 32, link * 32 + 32, digest, 0, 32);
        }

        String content(int link) {
            return HEX.formatHex(contents, link * 32, link * 32 + 32);
        }

        /** Orders the links by record id (they come in the order records became final, nearly the same). */
        void sortById() {
            boolean sorted = true;
            for (int i = 1; i < size && sorted; i++) {
                sorted = ids[i - 1] <= ids[i];
            }
            if (sorted) {
                return;
            }
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingLong(i -> ids[i]));
            long[] newIds = new long[size];
            long[] newSeqs = new long[size];
            byte[] newContents = new byte[size * 32];
            for (int i = 0; i < size; i++) {
                newIds[i] = ids[order[i]];
                newSeqs[i] = seqs[order[i]];
                System.arraycopy(contents, order[i] * 32, newContents, i * 32, 32);
            }
            ids = newIds;
            seqs = newSeqs;
            contents = newContents;
        }
    }

    /**
     * Reads every record of {@code kind} in id order beside its links in id order: a record whose
     * content no longer gives its link's hash, a link whose record is gone, a final record with no link.
     */
    private void checkContent(FinalRecord kind, Links kindLinks) throws SQLException {
        kindLinks.sortById();
        int[] next = {0};
        RecordDigests.scan(connection, kind, Long.MIN_VALUE, Long.MAX_VALUE, (id, isFinal, digest) -> {
            while (next[0] < kindLinks.size && kindLinks.ids[next[0]] < id) {
                missing(kind, kindLinks.ids[next[0]++]);
            }
            boolean linked = false;
            while (next[0] < kindLinks.size && kindLinks.ids[next[0]] == id) {
                if (linked) {
                    problems.add(kind.name(id) + " is linked twice (chain entry " + kindLinks.seqs[next[0]] + ")");
                } else if (!kindLinks.contentIs(next[0], digest)) {
                    problems.add(kind == FinalRecord.SESSION && !isFinal
                            ? kind.name(id) + " is no longer signed: it was signed when it was linked (chain entry "
                                    + kindLinks.seqs[next[0]] + "), and its signature has been removed"
                            : kind.name(id) + " has changed since it became final (stored SHA-256 "
                                    + shortHash(kindLinks.content(next[0])) + ", now " + shortHash(HEX.formatHex(digest)) + ")");
                }
                linked = true;
                next[0]++;
            }
            if (!linked && isFinal) {
                problems.add(kind.name(id) + (kind == FinalRecord.SESSION ? " is signed but not in the chain"
                        : " is not in the chain"));
            }
        });
        while (next[0] < kindLinks.size) {
            missing(kind, kindLinks.ids[next[0]++]);
        }
    }

    private void missing(FinalRecord kind, long id) {
        problems.add(kind.name(id) + " is missing: it was " + (kind == FinalRecord.SESSION ? "signed" : "final")
                + ", and has been deleted");
    }

    // ---------------------------------------------------------------- anchors

    private void checkAnchorFile(List<String> lines) {
        String where = "Anchor file " + anchorFile.path();
        if (!anchors.unreadable().isEmpty()) {
            problems.add("The anchor file " + anchorFile.path() + " has lines that are not anchors (line "
                    + anchors.unreadable().stream().limit(NAMED).map(String::valueOf).collect(Collectors.joining(", "))
                    + (anchors.unreadable().size() > NAMED ? " and " + (anchors.unreadable().size() - NAMED) + " more" : "")
                    + "): it has been edited");
        }
        int from = anchors.currentFrom();
        int considered = 0;
        int failing = 0;
        int firstFailing = -1;
        int latest = -1;
        List<Integer> beyond = new ArrayList<>();
        for (int i = from; i < anchors.size(); i++) {
            long at = anchors.entries(i);
            if (at > entries) {
                // An anchor of a change another shell committed after this check began reading is left to the next.
                if (Instant.parse(anchors.anchor(i).at()).isAfter(started)) {
                    continue;
                }
                beyond.add(i);
            } else if (!matchesAnchor(i)) {
                failing++;
                if (firstFailing < 0 || at < anchors.entries(firstFailing)) {
                    firstFailing = i;
                }
            }
            considered++;
            if (latest < 0 || at >= anchors.entries(latest)) {
                latest = i;
            }
        }
        if (considered == 0) {
            lines.add(where + (anchorFile.exists() ? ": no anchors in it." : ": none yet (it is written at the first"
                    + " change to the records)."));
            return;
        }
        Anchor restore = anchors.restore();
        // A copy into an empty database (db copy) starts the file over as a restore does.
        boolean copy = restore != null && restore.summary().startsWith(DatabaseCopy.ANCHOR_SUMMARY);
        String since = restore == null ? "" : ", since the " + (copy ? "copy" : "restore") + " of "
                + restore.at().replace('T', ' ').replaceFirst("\\.\\d+Z$", " UTC").replaceFirst("Z$", " UTC")
                + (from == 0 ? "" : " (" + from + " earlier anchors belong to the database that "
                + (copy ? "copy" : "restore") + " replaced)");
        if (firstFailing >= 0) {
            long to = anchors.entries(firstFailing);
            int lastGood = -1;
            for (int i = from; i < anchors.size(); i++) {
                long at = anchors.entries(i);
                if (at < to && (lastGood < 0 || at > anchors.entries(lastGood)) && matchesAnchor(i)) {
                    lastGood = i;
                }
            }
            long start = lastGood < 0 ? 1 : anchors.entries(lastGood) + 1;
            problems.add("The chain does not match " + anchors.anchor(firstFailing).describe() + " at entry " + count(to)
                    + ": " + (lastGood < 0 ? "" : "it matches " + anchors.anchor(lastGood).describe() + " at entry "
                    + count(anchors.entries(lastGood)) + ", so ")
                    + "a record in " + range(start, to) + " (now " + names(start, to) + ") was changed, removed or"
                    + " inserted, and the chain recomputed" + (failing == 2 ? "; 1 later anchor does not match either"
                    : failing > 2 ? "; " + count(failing - 1) + " later anchors do not match either" : ""));
        }
        Anchor last = anchors.anchor(latest);
        if (!beyond.isEmpty()) {
            beyond.sort(Comparator.comparingLong(anchors::entries));
            problems.add("The chain has " + count(entries) + " entries, but " + last.describe() + " recorded "
                    + count(last.seal().entries()) + ": " + range(entries + 1, last.seal().entries())
                    + have(entries + 1, last.seal().entries()) + " been removed."
                    + " Changes anchored after entry " + count(entries) + ": " + beyond.stream().limit(NAMED)
                    .map(i -> anchors.anchor(i).summary()).collect(Collectors.joining("; "))
                    + (beyond.size() > NAMED ? "; and " + (beyond.size() - NAMED) + " more" : ""));
        } else if (last.seal().entries() < entries && linkedJustBefore(last.seal().entries())) {
            // Another shell's change committed as this check began: its anchor is written just after its commit.
            inFlight = entries - last.seal().entries();
        } else if (last.seal().entries() < entries && shared && madeByOtherLogins(last.seal().entries())) {
            // A shared database: the shells of other computers write too, each anchoring its own
            // changes in its own anchor file, so this one need not cover the latest. Their anchors
            // check those entries; the chain's hashes (and the key) still cover them here.
            sharedAfter = entries - last.seal().entries();
        } else if (last.seal().entries() < entries) {
            problems.add(range(last.seal().entries() + 1, entries) + " (" + names(last.seal().entries() + 1, entries)
                    + ") came after the last anchor, " + last.describe() + ", at entry " + count(last.seal().entries())
                    + ". Soapstone anchors every change as it makes it: these were added by something else,"
                    + " or their anchor could not be written"
                    + (shared ? " (on a shared database the changes of other logins are anchored on their"
                    + " computers; these were made by this login, or by none)" : ""));
        }
        String anchorsCount = count(considered) + " anchor" + (considered == 1 ? "" : "s") + since;
        if (firstFailing < 0 && beyond.isEmpty() && last.seal().entries() == entries) {
            lines.add(where + ": " + anchorsCount + "; all match, and the latest, " + last.describe() + ", covers all "
                    + count(entries) + " entries.");
        } else if (firstFailing < 0 && beyond.isEmpty() && inFlight > 0) {
            lines.add(where + ": " + anchorsCount + "; all match, and the latest, " + last.describe() + ", covers "
                    + count(last.seal().entries()) + " entries; the " + count(inFlight) + " after it were linked"
                    + " moments before this check began, and their anchor is left to the next check.");
        } else if (firstFailing < 0 && beyond.isEmpty() && sharedAfter > 0) {
            lines.add(where + ": " + anchorsCount + "; all match, and the latest, " + last.describe() + ", covers "
                    + count(last.seal().entries()) + " entries; the " + count(sharedAfter) + " after it have no anchor"
                    + " here: on a shared database each computer anchors only the changes made from it.");
        } else {
            lines.add(where + ": " + anchorsCount + "; the database does NOT match them (see above).");
        }
    }

    /**
     * Whether the entries after {@code anchored} are changes made by other logins, as the database
     * recorded them (audit_event.login, from session_user): each change links an audit event, so
     * entries without one, or with one of this login or of none, were not made from another
     * computer's shell and still need an anchor here.
     */
    private boolean madeByOtherLogins(long anchored) {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT count(*) FILTER (WHERE c.record_type = 'audit') > 0
                       AND bool_and(c.record_type <> 'audit' OR (a.login IS NOT NULL AND a.login <> session_user))
                FROM record_chain c LEFT JOIN audit_event a ON c.record_type = 'audit' AND a.id = c.record_id
                WHERE c.seq > ?""")) {
            statement.setLong(1, anchored);
            try (ResultSet made = statement.executeQuery()) {
                return made.next() && made.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read who made the latest entries: " + e.getMessage(), e);
        }
    }

    /**
     * Whether the entries after {@code anchored} were all linked less than {@link #IN_FLIGHT} before
     * this check began: a change another shell committed just before, whose anchor it appends
     * only after the commit, so this check may read the chain before the anchor is written.
     */
    private boolean linkedJustBefore(long anchored) {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT min(linked_at) FROM record_chain WHERE seq > ?")) {
            statement.setLong(1, anchored);
            try (ResultSet first = statement.executeQuery()) {
                String linked = first.next() ? first.getString(1) : null;
                return linked != null && !Instant.parse(linked).isBefore(started.minus(IN_FLIGHT));
            }
        } catch (SQLException | DateTimeParseException e) {
            return false;
        }
    }

    /** Whether the chain has anchor {@code i}'s entry, with its head. */
    private boolean matchesAnchor(int i) {
        return matches(anchors, i);
    }

    /** After {@link #run}: whether the chain has the entry of anchor {@code i} of {@code contents}, with its head. */
    boolean matches(AnchorFile.Contents contents, int i) {
        long at = contents.entries(i);
        return at == 0 || at <= entries && kindAt[(int) at - 1] != 0 && contents.headIs(i, hashAt, (int) (at - 1) * 32);
    }

    private void checkExternal(External anchor, List<String> lines) {
        Seal seal = anchor.seal();
        if (seal.entries() > entries) {
            problems.add("The chain has " + count(entries) + " entries, but " + anchor.source() + " recorded "
                    + count(seal.entries()) + ": " + range(entries + 1, seal.entries())
                    + have(entries + 1, seal.entries()) + " been removed");
            lines.add(sentence(anchor.source()) + ": " + count(seal.entries()) + " entries - does NOT match.");
        } else if (!matchesEntry(seal)) {
            problems.add("The chain does not match " + anchor.source() + " at entry " + seal.entries()
                    + ": a record up to that entry was changed, removed or inserted, and the chain recomputed");
            lines.add(sentence(anchor.source()) + ": " + count(seal.entries()) + " entries - does NOT match.");
        } else {
            lines.add(sentence(anchor.source()) + ": " + count(seal.entries()) + " entries - matches"
                    + (seal.entries() < entries ? " (the " + count(entries - seal.entries()) + " entries after it came later)"
                    : "") + ".");
        }
    }

    /** After {@link #run}: whether the chain has {@code seal}'s entry with its head. */
    boolean matches(Seal seal) {
        return seal.entries() <= entries && matchesEntry(seal);
    }

    /** Whether entry {@code seal.entries()} has the seal's head (or one starting with its digits). */
    private boolean matchesEntry(Seal seal) {
        if (seal.entries() == 0) {
            return true;
        }
        return hex(hashAt, seal.entries()).startsWith(seal.head()) && kindAt[(int) seal.entries() - 1] != 0;
    }

    // ---------------------------------------------------------------- the key

    private String keyLine(KeyUse use) {
        String where = keyFile == null ? "" : " (" + keyFile + ")";
        if (use.keyed() == 0) {
            if (key != null && entries > 0) {
                problems.add("The clinic's key" + where + " is present, but no entry of the chain is keyed with it:"
                        + " the chain was recomputed without the key since it was made, or the key belongs to"
                        + " another database");
            }
            return key == null
                    ? "Key: none" + where + ". The chain is plain SHA-256: someone able to write the database can"
                            + " recompute it, which only the anchors then show. 'records key --create' keys it from now on."
                    : "Key: " + key.id() + where + "; no entry is keyed with it.";
        }
        String keyedRange = range(use.firstKeyed(), entries);
        if (use.unverifiable() > 0) {
            problems.add(count(use.unverifiable()) + " chain entries are keyed with the key " + use.otherKey()
                    + (key == null ? ", and there is no key file" + where : ", not with the key" + where)
                    + ": they could not be recomputed. Put that key file back and verify again");
            return "Key: entries are keyed with " + use.otherKey() + ", which was not found" + where + ".";
        }
        return "Key: " + key.id() + where + ": " + keyedRange + " keyed and recomputed with it"
                + (use.firstKeyed() > 1 ? "; the " + count(use.firstKeyed() - 1) + " before it are plain SHA-256" : "")
                + ".";
    }

    // ---------------------------------------------------------------- helpers

    private boolean chainsEveryKind() throws SQLException {
        // Flyway's success column is an integer on SQLite and a boolean on PostgreSQL.
        String succeeded = Catalog.onPostgres(connection) ? "success" : "success = 1";
        try (Statement statement = connection.createStatement();
             ResultSet version = statement.executeQuery(
                     "SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE " + succeeded)) {
            return version.next() && version.getInt(1) >= RecordChain.EVERY_KIND_SINCE;
        }
    }

    static boolean hasTable(Connection connection, String table) throws SQLException {
        return Catalog.hasTable(connection, table);
    }

    /** "session 12, audit event 40 and 3 more" for the entries from {@code from} to {@code to} of the chain. */
    private String names(long from, long to) {
        List<String> names = new ArrayList<>();
        long shown = 0;
        for (long n = from; n <= Math.min(to, entries); n++) {
            int at = (int) (n - 1);
            if (kindAt[at] == 0) {
                continue;
            }
            if (shown++ < NAMED) {
                names.add(FinalRecord.values()[kindAt[at] - 1].name(idAt[at]));
            }
        }
        if (shown > NAMED) {
            names.add("and " + (shown - NAMED) + " more");
        }
        return names.isEmpty() ? "no entries" : String.join(", ", names);
    }

    /** "entry 7", "entries 7 to 9" */
    private static String range(long from, long to) {
        return from == to ? "entry " + count(from) : "entries " + count(from) + " to " + count(to);
    }

    private static String have(long from, long to) {
        return from == to ? " has" : " have";
    }

    private static String hex(byte[] hashes, long entry) {
        return HEX.formatHex(hashes, (int) (entry - 1) * 32, (int) entry * 32);
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** "The printed seal ...": a source named mid-sentence, starting a line of the report. */
    private static String sentence(String source) {
        return Character.toUpperCase(source.charAt(0)) + source.substring(1);
    }

    private static String shortHash(String hash) {
        return (hash.length() > 12 ? hash.substring(0, 12) : hash) + "...";
    }
}
