package app.soapstone.integrity;

import app.soapstone.storage.PostgresTools;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The state of the record chain at one moment: how many entries it had and the hash of the last.
 * Written outside the database - into the anchor file, a backup's manifest, the foot of a printed
 * chart or plan - it lets {@code records verify} tell whether the chain has since been cut short
 * or rewritten up to that point.
 */
public record Seal(long entries, String head) {

    /** The seal of the chain in a pg_dump archive (read with pg_restore): its last entry's seq and hash. */
    public static Seal inArchive(PostgresTools tools, Path archive) {
        long entries = 0;
        String head = RecordChain.GENESIS;
        for (String row : tools.rows(archive, "record_chain")) {
            // seq, record_type, record_id, content_hash, previous_hash, hash, ...: as the table is made.
            String[] columns = row.split("\t", -1);
            long seq = Long.parseLong(columns[0]);
            if (seq > entries) {
                entries = seq;
                head = columns[5];
            }
        }
        return new Seal(entries, head);
    }

    /** The head as printed: enough of it to tell one chain from another at a glance and by hand. */
    static final int PRINTED_DIGITS = 16;

    /** The seal of an empty chain. */
    static final Seal EMPTY = new Seal(0, RecordChain.GENESIS);

    private static final Pattern TYPED = Pattern.compile(
            "(?i)\\s*(?:record seal:?)?\\s*([0-9][0-9,. ]*)\\s*(?:entries|entry)?\\s*[,;:·\\s]\\s*([0-9a-f]{8,64})\\s*");

    /** "Record seal: 206,018 entries, 3f9a2c71d0e4b8a5", as printed on charts and plans. */
    public String printed() {
        return "Record seal: " + String.format(Locale.ROOT, "%,d", entries) + (entries == 1 ? " entry, " : " entries, ")
                + head.substring(0, PRINTED_DIGITS);
    }

    /**
     * A seal as someone types it from paper: "206,018 3f9a2c71d0e4b8a5", "206018:3f9a...", or the
     * printed line itself; the hash may be the whole head or the first 8 or more of its digits.
     */
    static Optional<Seal> parse(String typed) {
        Matcher matcher = TYPED.matcher(typed);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String digits = matcher.group(1).replaceAll("[,. ]", "");
        if (digits.isEmpty() || digits.length() > 12) {
            return Optional.empty();
        }
        return Optional.of(new Seal(Long.parseLong(digits), matcher.group(2).toLowerCase(Locale.ROOT)));
    }

    /** Whether the head {@code hash} is this seal's, which may be given by its first digits only. */
    boolean matches(String hash) {
        return hash != null && hash.startsWith(head);
    }
}
