package app.soapstone.pdf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One font in a TrueType/OpenType file or collection, as far as choosing a fallback needs it:
 * family, weight, slant and which characters it has. Read straight from the file's tables (a few
 * kilobytes each, the glyphs are never read), so that looking through a folder of hundreds of
 * fonts takes a fraction of a second.
 *
 * @param index    the font's place in a collection ({@code .ttc}), 0 otherwise
 * @param coverage the characters with a glyph, as sorted inclusive ranges {@code [first, last, first, last...]}
 */
record FontFile(Path path, int index, boolean collection, String family, String style, int weight, boolean italic,
        int[] coverage) {

    /** The name OpenPDF knows the font by: the file name, with {@code ,index} in a collection. */
    String openPdfName() {
        String name = path.getFileName().toString();
        return collection ? name + "," + index : name;
    }

    boolean has(int c) {
        int low = 0;
        int high = coverage.length / 2 - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (c < coverage[2 * middle]) {
                high = middle - 1;
            } else if (c > coverage[2 * middle + 1]) {
                low = middle + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /** How many of the characters from {@code first} to {@code last} it has. */
    int count(int first, int last) {
        int count = 0;
        for (int i = 0; i < coverage.length; i += 2) {
            int from = Math.max(first, coverage[i]);
            int to = Math.min(last, coverage[i + 1]);
            if (from <= to) {
                count += to - from + 1;
            }
        }
        return count;
    }

    @Override
    public String toString() {
        return family + " " + style + " (" + path + (collection ? "," + index : "") + ")";
    }

    /**
     * The fonts in {@code file} that can be embedded in a PDF: with outlines (not bitmaps only),
     * not variable, and whose licence allows embedding. Empty if the file is not a font or cannot
     * be read.
     */
    static List<FontFile> read(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = read(channel, 0, 12);
            int tag = head.getInt(0);
            List<FontFile> fonts = new ArrayList<>();
            if (tag == 0x74746366) { // 'ttcf'
                int count = head.getInt(8);
                ByteBuffer offsets = read(channel, 12, 4 * count);
                for (int i = 0; i < count; i++) {
                    FontFile font = font(channel, file, offsets.getInt(4 * i), i, true);
                    if (font != null) {
                        fonts.add(font);
                    }
                }
            } else {
                FontFile font = font(channel, file, 0, 0, false);
                if (font != null) {
                    fonts.add(font);
                }
            }
            return fonts;
        } catch (IOException | RuntimeException e) {
            // Not a font, or a damaged one: it is simply not offered.
            return List.of();
        }
    }

    private static FontFile font(FileChannel channel, Path file, long offset, int index, boolean collection)
            throws IOException {
        ByteBuffer header = read(channel, offset, 12);
        int version = header.getInt(0);
        if (version != 0x00010000 && version != 0x4F54544F && version != 0x74727565) { // 1.0, 'OTTO', 'true'
            return null;
        }
        int tables = header.getShort(4) & 0xFFFF;
        ByteBuffer directory = read(channel, offset + 12, 16 * tables);
        long cmap = -1;
        long name = -1;
        long os2 = -1;
        int nameLength = 0;
        int cmapLength = 0;
        int os2Length = 0;
        boolean outlines = false;
        for (int i = 0; i < tables; i++) {
            int at = 16 * i;
            int tableTag = directory.getInt(at);
            long tableOffset = directory.getInt(at + 8) & 0xFFFFFFFFL;
            int length = directory.getInt(at + 12);
            switch (tableTag) {
                case 0x636D6170 -> { // 'cmap'
                    cmap = tableOffset;
                    cmapLength = length;
                }
                case 0x6E616D65 -> { // 'name'
                    name = tableOffset;
                    nameLength = length;
                }
                case 0x4F532F32 -> { // 'OS/2'
                    os2 = tableOffset;
                    os2Length = length;
                }
                case 0x676C7966, 0x43464620 -> outlines = true; // 'glyf', 'CFF '
                case 0x66766172 -> { // 'fvar': OpenPDF embeds only the default instance of a variable font
                    return null;
                }
                default -> {
                }
            }
        }
        if (!outlines || cmap < 0 || name < 0) {
            return null;
        }
        int weight = 400;
        boolean italic = false;
        if (os2 >= 0 && os2Length >= 64) {
            ByteBuffer table = read(channel, os2, 64);
            weight = table.getShort(4) & 0xFFFF;
            int fsType = table.getShort(8) & 0xFFFF;
            if ((fsType & 0x000F) == 0x0002) {
                // Restricted licence: the font may not be embedded, and OpenPDF refuses it.
                return null;
            }
            italic = (table.getShort(62) & 0x0001) != 0;
        }
        String[] names = names(read(channel, name, nameLength));
        if (names[0] == null) {
            return null;
        }
        String style = names[1] == null ? "Regular" : names[1];
        italic |= style.toLowerCase(Locale.ROOT).contains("italic") || style.toLowerCase(Locale.ROOT).contains("oblique");
        int[] coverage = coverage(read(channel, cmap, cmapLength));
        if (coverage.length == 0) {
            return null;
        }
        return new FontFile(file, index, collection, names[0], style, weight, italic, coverage);
    }

    private static ByteBuffer read(FileChannel channel, long offset, int length) throws IOException {
        if (length < 0 || length > 64 * 1024 * 1024) {
            throw new IOException("implausible table length " + length);
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                throw new IOException("the file ends early");
            }
        }
        return buffer.flip();
    }

    /** Family and style: the typographic names (16, 17) if there are any, else the legacy ones (1, 2). */
    private static String[] names(ByteBuffer table) {
        int count = table.getShort(2) & 0xFFFF;
        int strings = table.getShort(4) & 0xFFFF;
        String[] found = new String[18];
        int[] rank = new int[18];
        for (int i = 0; i < count; i++) {
            int at = 6 + 12 * i;
            int platform = table.getShort(at) & 0xFFFF;
            int encoding = table.getShort(at + 2) & 0xFFFF;
            int language = table.getShort(at + 4) & 0xFFFF;
            int id = table.getShort(at + 6) & 0xFFFF;
            int length = table.getShort(at + 8) & 0xFFFF;
            int offset = table.getShort(at + 10) & 0xFFFF;
            if (id != 1 && id != 2 && id != 16 && id != 17) {
                continue;
            }
            // English on Windows first, then any Unicode name, then Mac Roman.
            int quality = platform == 3 && language == 0x409 ? 3 : platform == 3 || platform == 0 ? 2
                    : platform == 1 && encoding == 0 && language == 0 ? 1 : 0;
            if (quality <= rank[id] || strings + offset + length > table.limit()) {
                continue;
            }
            byte[] bytes = new byte[length];
            table.get(strings + offset, bytes);
            found[id] = new String(bytes, quality == 1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16BE);
            rank[id] = quality;
        }
        return new String[] {found[16] != null ? found[16] : found[1], found[17] != null ? found[17] : found[2]};
    }

    /** The characters the best Unicode subtable maps to a glyph other than 0, as ranges. */
    private static int[] coverage(ByteBuffer table) {
        int count = table.getShort(2) & 0xFFFF;
        int best = -1;
        int bestRank = 0;
        for (int i = 0; i < count; i++) {
            int at = 4 + 8 * i;
            int platform = table.getShort(at) & 0xFFFF;
            int encoding = table.getShort(at + 2) & 0xFFFF;
            int offset = table.getInt(at + 4);
            int format = table.getShort(offset) & 0xFFFF;
            int rank = format == 12 && (platform == 3 && encoding == 10 || platform == 0) ? 3
                    : format == 4 && (platform == 3 && encoding == 1 || platform == 0) ? 2
                    : 0;
            if (rank > bestRank) {
                best = offset;
                bestRank = rank;
            }
        }
        if (best < 0) {
            return new int[0];
        }
        Ranges ranges = new Ranges();
        if (bestRank == 3) {
            int groups = table.getInt(best + 12);
            for (int g = 0; g < groups; g++) {
                int at = best + 16 + 12 * g;
                int first = table.getInt(at);
                int last = table.getInt(at + 4);
                int glyph = table.getInt(at + 8);
                ranges.add(glyph == 0 ? first + 1 : first, last);
            }
        } else {
            int segments = (table.getShort(best + 6) & 0xFFFF) / 2;
            int ends = best + 14;
            int starts = ends + 2 * segments + 2;
            int deltas = starts + 2 * segments;
            int rangeOffsets = deltas + 2 * segments;
            for (int s = 0; s < segments; s++) {
                int end = table.getShort(ends + 2 * s) & 0xFFFF;
                int start = table.getShort(starts + 2 * s) & 0xFFFF;
                int delta = table.getShort(deltas + 2 * s);
                int rangeOffset = table.getShort(rangeOffsets + 2 * s) & 0xFFFF;
                for (int c = start; c <= end && c != 0xFFFF; c++) {
                    int glyph;
                    if (rangeOffset == 0) {
                        glyph = (c + delta) & 0xFFFF;
                    } else {
                        int at = rangeOffsets + 2 * s + rangeOffset + 2 * (c - start);
                        glyph = at + 1 < table.limit() ? table.getShort(at) & 0xFFFF : 0;
                        glyph = glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
                    }
                    if (glyph != 0) {
                        ranges.add(c, c);
                    }
                }
            }
        }
        return ranges.toArray();
    }

    /** Inclusive ranges added in any order, merged. */
    private static final class Ranges {

        private int[] values = new int[64];
        private int size;

        void add(int first, int last) {
            if (first > last) {
                return;
            }
            if (size + 2 > values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = first;
            values[size++] = last;
        }

        int[] toArray() {
            long[] packed = new long[size / 2];
            for (int i = 0; i < packed.length; i++) {
                packed[i] = ((long) values[2 * i] << 32) | (values[2 * i + 1] & 0xFFFFFFFFL);
            }
            Arrays.sort(packed);
            int[] merged = new int[size];
            int n = 0;
            for (long range : packed) {
                int first = (int) (range >>> 32);
                int last = (int) range;
                if (n > 0 && first <= merged[n - 1] + 1) {
                    merged[n - 1] = Math.max(merged[n - 1], last);
                } else {
                    merged[n++] = first;
                    merged[n++] = last;
                }
            }
            return Arrays.copyOf(merged, n);
        }
    }
}
