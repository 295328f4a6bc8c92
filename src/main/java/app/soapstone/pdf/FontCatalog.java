package app.soapstone.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The fonts found in a list of folders, grouped into families, and the choice of a family for a
 * character the bundled fonts lack. A folder is looked through once per process, the first time
 * a character needs it; the result is kept for every {@link PdfFonts} given the same folders.
 */
final class FontCatalog {

    private static final Map<List<Path>, FontCatalog> SCANNED = new ConcurrentHashMap<>();
    /** Deep enough for /usr/share/fonts/truetype/noto and ~/Library/Fonts/Some Collection/Sub. */
    private static final int DEPTH = 6;

    /** The fonts of one family, regular and bold first, with the folder (0 = the first given) it was found in. */
    record Family(String name, int folder, List<FontFile> members) {

        /** The upright member nearest {@code weight}. */
        FontFile member(int weight) {
            return members.stream().filter(f -> !f.italic())
                    .min(Comparator.comparingInt(f -> Math.abs(f.weight() - weight))).orElse(null);
        }

        boolean hasBold() {
            return members.stream().anyMatch(f -> !f.italic() && f.weight() >= 600);
        }

        boolean has(int c) {
            FontFile regular = member(400);
            return regular != null && regular.has(c);
        }
    }

    private final List<Family> families;
    private final Map<Long, Family> chosen = new ConcurrentHashMap<>();

    private FontCatalog(List<Family> families) {
        this.families = families;
    }

    /** The catalog of {@code folders}, scanned on the first call for them in this process. */
    static FontCatalog of(List<Path> folders) {
        return SCANNED.computeIfAbsent(List.copyOf(folders), FontCatalog::scan);
    }

    private static FontCatalog scan(List<Path> folders) {
        Map<String, Family> byName = new LinkedHashMap<>();
        for (int i = 0; i < folders.size(); i++) {
            for (Path file : fontFiles(folders.get(i))) {
                for (FontFile font : FontFile.read(file)) {
                    String key = font.family().toLowerCase(Locale.ROOT);
                    Family family = byName.get(key);
                    if (family == null) {
                        byName.put(key, new Family(font.family(), i, new ArrayList<>(List.of(font))));
                    } else if (family.folder() == i) {
                        // The same family from a later folder is a copy: the first folder's fonts win.
                        family.members().add(font);
                    }
                }
            }
        }
        List<Family> families = byName.values().stream()
                .map(f -> new Family(f.name(), f.folder(), List.copyOf(f.members())))
                .filter(f -> f.member(400) != null).toList();
        return new FontCatalog(families);
    }

    private static List<Path> fontFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder, DEPTH, FileVisitOption.FOLLOW_LINKS)) {
            return files.filter(FontCatalog::isFontFile).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            // An unreadable folder holds no fonts we can use.
            return List.of();
        }
    }

    private static boolean isFontFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return (name.endsWith(".ttf") || name.endsWith(".otf") || name.endsWith(".ttc")) && Files.isRegularFile(file);
    }

    List<Family> families() {
        return families;
    }

    /**
     * The family to print {@code c} in, or null if no font found has it; {@code mono} prefers
     * fixed-width families. Chosen once per character.
     */
    Family familyFor(int c, boolean mono) {
        long key = (long) c << 1 | (mono ? 1 : 0);
        Family family = chosen.get(key);
        if (family == null) {
            family = choose(c, mono);
            if (family == null) {
                return null;
            }
            chosen.put(key, family);
        }
        return family;
    }

    /**
     * The fonts of the first folder that has {@code c} win (SOAPSTONE_FONTS before the system's).
     * Among them, those that cover at least half as much of the character's script (its Unicode
     * block) as the best; of these the better is a sans serif like the bundled Liberation Sans (or
     * fixed-width for mono text), has a bold, covers more, and has the plainer name ("Noto Sans
     * Arabic" before "Noto Sans Arabic UI"); among the CJK families, the one of the user's region.
     */
    private Family choose(int c, boolean mono) {
        int[] block = scriptRange(c);
        List<Family> candidates = families.stream().filter(f -> f.has(c)).toList();
        if (candidates.isEmpty()) {
            return null;
        }
        int folder = candidates.stream().mapToInt(Family::folder).min().orElseThrow();
        candidates = candidates.stream().filter(f -> f.folder() == folder).toList();
        int most = candidates.stream().mapToInt(f -> f.member(400).count(block[0], block[1])).max().orElseThrow();
        return candidates.stream().filter(f -> 2 * f.member(400).count(block[0], block[1]) >= most)
                .max(Comparator.comparingLong(f -> score(f, FontCatalog.script(c), block, mono))).orElseThrow();
    }

    private static long score(Family family, Character.UnicodeScript script, int[] block, boolean mono) {
        String name = family.name().toLowerCase(Locale.ROOT);
        long score = 0;
        boolean isMono = name.contains("mono") || name.contains("code") || name.contains("courier");
        if (isMono == mono) {
            score += 1L << 40;
        }
        if (name.contains("sans") || name.contains("gothic") || name.contains("hei")) {
            score += 1L << 39;
        }
        if (family.hasBold()) {
            score += 1L << 38;
        }
        if ((script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL)
                && name.endsWith(" " + CJK_REGION)) {
            score += 1L << 37;
        }
        score += (long) Math.min(family.member(400).count(block[0], block[1]), 0xFFFFF) << 8;
        score -= Math.min(name.length(), 0xFF);
        return score;
    }

    /** The region of the CJK fonts to prefer, from the user's locale: the glyph shapes differ. */
    private static final String CJK_REGION = cjkRegion(Locale.getDefault());

    static String cjkRegion(Locale locale) {
        return switch (locale.getLanguage()) {
            case "ja" -> "jp";
            case "ko" -> "kr";
            case "zh" -> switch (locale.getCountry()) {
                case "TW" -> "tc";
                case "HK", "MO" -> "hk";
                default -> "Hant".equals(locale.getScript()) ? "tc" : "sc";
            };
            default -> "sc";
        };
    }

    static Character.UnicodeScript script(int c) {
        try {
            return Character.UnicodeScript.of(c);
        } catch (IllegalArgumentException e) {
            return Character.UnicodeScript.UNKNOWN;
        }
    }

    /** The Unicode block of {@code c} (its neighbourhood, for counting how much of a script a font has). */
    private static int[] scriptRange(int c) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
        return block == null ? new int[] {c, c} : BLOCKS.computeIfAbsent(block, b -> blockRange(b, c));
    }

    private static final Map<Character.UnicodeBlock, int[]> BLOCKS = new ConcurrentHashMap<>();

    private static int[] blockRange(Character.UnicodeBlock block, int c) {
        int first = c;
        while (first > 0 && Character.UnicodeBlock.of(first - 1) == block && c - first < 0x10000) {
            first--;
        }
        int last = c;
        while (last < Character.MAX_CODE_POINT && Character.UnicodeBlock.of(last + 1) == block && last - c < 0x10000) {
            last++;
        }
        return new int[] {first, last};
    }

    /** Scripts never shaped by {@link PdfFonts}: each character is its own glyph, left to right. */
    static final EnumSet<Character.UnicodeScript> SIMPLE = EnumSet.of(Character.UnicodeScript.LATIN,
            Character.UnicodeScript.GREEK, Character.UnicodeScript.CYRILLIC, Character.UnicodeScript.COMMON,
            Character.UnicodeScript.HAN, Character.UnicodeScript.HIRAGANA, Character.UnicodeScript.KATAKANA,
            Character.UnicodeScript.HANGUL, Character.UnicodeScript.BOPOMOFO, Character.UnicodeScript.ARMENIAN,
            Character.UnicodeScript.GEORGIAN, Character.UnicodeScript.ETHIOPIC, Character.UnicodeScript.CHEROKEE,
            Character.UnicodeScript.YI, Character.UnicodeScript.UNKNOWN);
}
