package app.soapstone.integrity;

import app.soapstone.storage.PrivateFiles;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The append-only file of anchors beside the database: after every change recorded in the audit
 * trail, a line with the time, the number of entries in the record chain, the hash of the last,
 * and what the change was - so that cutting the chain short, or rewriting it and recomputing every
 * hash, shows against the file. Owner-only; one line per anchor, written whole with one append.
 *
 * <p>A restore starts the file over in effect: the anchors before the last {@code restore} line
 * belong to the database as it was before it, which the restore replaced.
 */
public final class AnchorFile {

    /** The change that starts the file over: a restore of the database (the audit trail's action and record). */
    static final String RESTORE = "restore database";

    private static final String HEADER = """
            # Soapstone anchor file: the record seal after every change to the records, one line each:
            # time (UTC), entries in the record chain, hash of the last entry, the change.
            # Append-only: 'records verify' checks the database against every line. Copy it elsewhere
            # now and then; someone who can change this file can hide changes to the database.
            """;

    /** One line: when, the seal, and the audit trail's action and summary of the change that made it. */
    public record Anchor(int line, String at, Seal seal, String action, String summary) {

        /** "the anchor of 2026-12-01 10:00:00 UTC (Signed session 12 by practitioner 1)" */
        String describe() {
            return "the anchor of " + at.replace('T', ' ').replaceFirst("\\.\\d+Z$", " UTC").replaceFirst("Z$", " UTC")
                    + " (" + summary + ")";
        }
    }

    /**
     * What the file holds, kept compact (a large clinic writes hundreds of thousands of anchors):
     * each anchor's entries and head, its line, and its place in the file for the rest when a
     * report needs it. The anchors since the last restore are the {@code current} ones; those
     * before belong to the database that restore replaced.
     */
    public static final class Contents {

        static final Contents NONE = new Contents(new byte[0], new int[0], new int[0], new long[0], new byte[0], 0, 0,
                List.of());

        private final byte[] text;
        private final int[] offsets;
        private final int[] lines;
        private final long[] entries;
        private final byte[] heads;
        private final int size;
        private final int currentFrom;
        private final List<Integer> unreadable;

        private Contents(byte[] text, int[] offsets, int[] lines, long[] entries, byte[] heads, int size,
                int currentFrom, List<Integer> unreadable) {
            this.text = text;
            this.offsets = offsets;
            this.lines = lines;
            this.entries = entries;
            this.heads = heads;
            this.size = size;
            this.currentFrom = currentFrom;
            this.unreadable = unreadable;
        }

        /** All anchors in the file, oldest first; those from {@link #currentFrom} on are the current ones. */
        int size() {
            return size;
        }

        /** The index of the first anchor since the last restore (0 if there was none). */
        int currentFrom() {
            return currentFrom;
        }

        long entries(int anchor) {
            return entries[anchor];
        }

        /** Whether anchor {@code anchor}'s head is the 32 bytes in {@code hashes} from {@code at}. */
        boolean headIs(int anchor, byte[] hashes, int at) {
            return Arrays.equals(heads, anchor * 32, anchor * 32 + 32, hashes, at, at + 32);
        }

        /** The whole anchor, read again from its line. */
        Anchor anchor(int anchor) {
            int end = offsets[anchor];
            while (end < text.length && text[end] != '\n') {
                end++;
            }
            return parse(lines[anchor], new String(text, offsets[anchor], end - offsets[anchor], StandardCharsets.UTF_8));
        }

        /** The anchor of the last restore, or null if there was none. */
        Anchor restore() {
            if (currentFrom == size) {
                return null;
            }
            Anchor first = anchor(currentFrom);
            return first.action().equals(RESTORE) ? first : null;
        }

        /** Lines that are not anchors (not comments either). */
        List<Integer> unreadable() {
            return unreadable;
        }
    }

    private final Path file;

    public AnchorFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    public boolean exists() {
        return Files.exists(file);
    }

    /** Appends an anchor, creating the file (owner-only) if it does not exist yet. */
    void append(Instant at, Seal seal, String action, String summary) throws IOException {
        if (!Files.exists(file)) {
            try {
                PrivateFiles.createNew(file);
                Files.writeString(file, HEADER, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            } catch (FileAlreadyExistsException e) {
                // Another shell made it first.
            }
        }
        byte[] line = line(at, seal, action, summary).getBytes(StandardCharsets.UTF_8);
        // One write of the whole line in append mode: two shells appending at once do not interleave.
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            out.write(line);
        }
    }

    /** An anchor as a line of the file. */
    public static String line(Instant at, Seal seal, String action, String summary) {
        return at + "\t" + seal.entries() + "\t" + seal.head() + "\t" + oneLine(action) + "\t" + oneLine(summary) + "\n";
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\t\\r\\n\\p{Cc}]", " ");
    }

    /** The anchors in the file; none if it does not exist. */
    Contents read() throws IOException {
        byte[] text;
        try {
            text = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Contents.NONE;
        }
        int capacity = Math.max(16, text.length / 120);
        int[] offsets = new int[capacity];
        int[] lines = new int[capacity];
        long[] entries = new long[capacity];
        byte[] heads = new byte[capacity * 32];
        int size = 0;
        int currentFrom = 0;
        List<Integer> unreadable = new ArrayList<>();
        byte[] restore = ("\t" + RESTORE + "\t").getBytes(StandardCharsets.US_ASCII);
        int line = 0;
        for (int start = 0; start < text.length; ) {
            int end = start;
            while (end < text.length && text[end] != '\n') {
                end++;
            }
            line++;
            if (end > start && text[start] != '#') {
                if (size == offsets.length) {
                    offsets = Arrays.copyOf(offsets, size * 2);
                    lines = Arrays.copyOf(lines, size * 2);
                    entries = Arrays.copyOf(entries, size * 2);
                    heads = Arrays.copyOf(heads, size * 64);
                }
                long count = quickParse(text, start, end, heads, size * 32);
                if (count < 0) {
                    unreadable.add(line);
                } else {
                    if (size > 0 && contains(text, start, end, restore)) {
                        currentFrom = size;
                    }
                    offsets[size] = start;
                    lines[size] = line;
                    entries[size] = count;
                    size++;
                }
            }
            start = end + 1;
        }
        return new Contents(text, offsets, lines, entries, heads, size, currentFrom, List.copyOf(unreadable));
    }

    /**
     * The entries of the anchor on the line from {@code start} to {@code end}, its head decoded into
     * {@code heads} at {@code at}; -1 if the line is not an anchor. The rest is read when needed.
     */
    private static long quickParse(byte[] text, int start, int end, byte[] heads, int at) {
        int first = indexOf(text, start, end, (byte) '\t');
        int second = first < 0 ? -1 : indexOf(text, first + 1, end, (byte) '\t');
        int third = second < 0 ? -1 : indexOf(text, second + 1, end, (byte) '\t');
        int fourth = third < 0 ? -1 : indexOf(text, third + 1, end, (byte) '\t');
        if (fourth < 0 || first - start < 20 || first - start > 35 || third - second != 65 || second - first < 2
                || second - first > 13 || text[start] < '0' || text[start] > '9') {
            return -1;
        }
        long entries = 0;
        for (int i = first + 1; i < second; i++) {
            if (text[i] < '0' || text[i] > '9') {
                return -1;
            }
            entries = entries * 10 + (text[i] - '0');
        }
        for (int i = 0; i < 32; i++) {
            int high = Character.digit(text[second + 1 + 2 * i], 16);
            int low = Character.digit(text[second + 2 + 2 * i], 16);
            if (high < 0 || low < 0 || text[second + 1 + 2 * i] > 'f' || text[second + 2 + 2 * i] > 'f'
                    || text[second + 1 + 2 * i] >= 'A' && text[second + 1 + 2 * i] <= 'F'
                    || text[second + 2 + 2 * i] >= 'A' && text[second + 2 + 2 * i] <= 'F') {
                return -1;
            }
            heads[at + i] = (byte) (high << 4 | low);
        }
        return entries;
    }

    private static int indexOf(byte[] text, int from, int end, byte b) {
        for (int i = from; i < end; i++) {
            if (text[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean contains(byte[] text, int start, int end, byte[] what) {
        outer:
        for (int i = start; i + what.length <= end; i++) {
            for (int j = 0; j < what.length; j++) {
                if (text[i + j] != what[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static Anchor parse(int number, String text) {
        String[] fields = text.split("\t", 5);
        if (fields.length != 5 || !fields[1].matches("[0-9]{1,12}") || !fields[2].matches("[0-9a-f]{64}")) {
            return null;
        }
        try {
            Instant.parse(fields[0]);
        } catch (DateTimeParseException e) {
            return null;
        }
        return new Anchor(number, fields[0], new Seal(Long.parseLong(fields[1]), fields[2]), fields[3], fields[4]);
    }
}
