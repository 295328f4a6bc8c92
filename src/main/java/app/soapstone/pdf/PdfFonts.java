package app.soapstone.pdf;

import app.soapstone.storage.DataLocation;
import app.soapstone.validation.InvalidInputException;
import org.openpdf.text.Font;
import org.openpdf.text.pdf.BaseFont;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The fonts of every PDF. Text is set in Liberation Sans (and Liberation Mono) from
 * openpdf-fonts-extra, embedded, which covers Latin (Vietnamese too), Greek and Cyrillic. A
 * character they lack is printed in a fallback font found in the folders named by
 * {@code SOAPSTONE_FONTS} ({@code soapstone.fonts}), then in the usual font folders of the
 * system: Noto Sans CJK for Chinese, Japanese and Korean, Noto Sans Arabic, Hebrew, Devanagari,
 * Thai... Folders are looked through only when a text needs a character the bundled fonts lack,
 * once per process; a care plan in Latin script never looks. What no font has is refused with
 * the field it is in ({@link #requirePrintable}), never dropped.
 */
@Component
public class PdfFonts {

    public static final String FOLDERS_VARIABLE = "SOAPSTONE_FONTS";

    /** The bundled faces of every PdfFonts, so that a {@link Font} made on one finds its fallbacks. */
    private static final Map<BaseFont, WeakReference<PdfFonts>> OWNERS = Collections.synchronizedMap(new WeakHashMap<>());

    private final Bundled regular = new Bundled("LiberationSans-Regular.ttf", 400, false);
    private final Bundled bold = new Bundled("LiberationSans-Bold.ttf", 700, false);
    private final Bundled mono = new Bundled("LiberationMono-Regular.ttf", 400, true);
    private final List<Path> folders;
    private volatile FontCatalog catalog;

    /** The bundled fonts only. */
    public PdfFonts() {
        this(List.of());
    }

    /** The bundled fonts, then fonts found in {@code folders} (and their subfolders), in that order. */
    public PdfFonts(List<Path> folders) {
        this.folders = List.copyOf(folders);
    }

    /**
     * {@code fonts}: folders separated by the path separator ({@code :} or {@code ;}), searched
     * before the system's; {@code system}: whether to search the system's font folders at all.
     */
    @Autowired
    PdfFonts(@Value("${soapstone.fonts:${" + FOLDERS_VARIABLE + ":}}") String fonts,
            @Value("${soapstone.system-fonts:true}") boolean system) {
        this(folders(fonts, system));
    }

    private static List<Path> folders(String fonts, boolean system) {
        List<Path> folders = new ArrayList<>();
        if (fonts != null) {
            for (String folder : fonts.split(File.pathSeparator)) {
                if (!folder.isBlank()) {
                    folders.add(Path.of(folder.strip()));
                }
            }
        }
        if (system) {
            folders.addAll(systemFolders());
        }
        return folders;
    }

    /** Where Linux, macOS and Windows keep fonts, for all users and for this one. */
    public static List<Path> systemFolders() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = DataLocation.home(System.getenv(), os, System.getProperty("user.home", ""));
        List<Path> folders = new ArrayList<>();
        if (os.contains("win")) {
            String windows = System.getenv("WINDIR");
            String local = System.getenv("LOCALAPPDATA");
            folders.add(Path.of(windows == null ? "C:\\Windows" : windows, "Fonts"));
            if (local != null) {
                folders.add(Path.of(local, "Microsoft", "Windows", "Fonts"));
            }
        } else if (os.contains("mac")) {
            folders.add(Path.of("/Library/Fonts"));
            folders.add(Path.of("/System/Library/Fonts"));
            folders.add(Path.of(home, "Library", "Fonts"));
        } else {
            folders.add(Path.of("/usr/share/fonts"));
            folders.add(Path.of("/usr/local/share/fonts"));
            folders.add(Path.of(home, ".local", "share", "fonts"));
            folders.add(Path.of(home, ".fonts"));
        }
        return folders;
    }

    /** The folders searched for fallback fonts, in order. */
    public List<Path> folders() {
        return folders;
    }

    public BaseFont regular() {
        return regular.face().base();
    }

    public BaseFont bold() {
        return bold.face().base();
    }

    /** For records printed as they appear on screen, aligned in columns. */
    public BaseFont mono() {
        return mono.face().base();
    }

    /**
     * Refuses {@code text} if it holds a character no font can print, naming {@code what} it is
     * ("the client's name"), the character and what to install: a printout never loses a
     * character without a word. Spaces, line breaks and invisible formatting marks need no glyph.
     */
    public void requirePrintable(String what, String text) {
        if (text == null) {
            return;
        }
        text.codePoints().filter(PdfFonts::needsGlyph).filter(c -> !regular.face().has(c) && fallback(c, false) == null)
                .findFirst().ifPresent(c -> {
                    throw new InvalidInputException(unprintable(what, c));
                });
    }

    /** The message for a character no font has. */
    static String unprintable(String what, int c) {
        return "Cannot print " + what + ": " + new String(Character.toChars(c)) + " (" + describe(c) + ") is in none"
                + " of the fonts found. " + install(c) + ", or set " + FOLDERS_VARIABLE + " to a folder of fonts"
                + " that has it; nothing was written";
    }

    /** {@code U+738B CJK UNIFIED IDEOGRAPH-738B}. */
    static String describe(int c) {
        String name = Character.getName(c);
        return String.format(Locale.ROOT, "U+%04X %s", c, name == null ? "unassigned" : name);
    }

    /** What to install for a character: the Debian package, and where the other systems have it. */
    static String install(int c) {
        if (Character.getType(c) == Character.PRIVATE_USE) {
            return "A private-use character prints only with the font made for it";
        }
        Character.UnicodeScript script = FontCatalog.script(c);
        String debian = switch (script) {
            case HAN, HIRAGANA, KATAKANA, HANGUL, BOPOMOFO -> "fonts-noto-cjk";
            case COMMON, INHERITED, UNKNOWN -> "fonts-noto-core fonts-symbola";
            default -> "fonts-noto-core";
        };
        return "Install a font that has it (Debian or Ubuntu: apt-get install " + debian + "; macOS and Windows have"
                + " fonts for most scripts, or add a Noto font for " + scriptName(script) + ")";
    }

    static String scriptName(Character.UnicodeScript script) {
        String name = script.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** Whether {@code c} is drawn: spaces, controls and invisible format marks (LRM, ZWJ...) are not. */
    static boolean needsGlyph(int c) {
        return !Character.isWhitespace(c) && !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT;
    }

    /** A stretch of text set in one font. */
    record Piece(int start, int end, Typeface face) {
    }

    /**
     * {@code text}, meant to be set in {@code font}, split into the fonts that have its characters.
     * The bundled font is used wherever it has a character. A word is kept in one font where one
     * has all of it; otherwise each letter goes to the first font that has it and the characters
     * that belong to no script (digits, punctuation, marks) stay in the font of the letter before
     * them, or after them, so that a word does not change font for a hyphen. A font that is not one
     * of the bundled faces is used as it is.
     *
     * @throws InvalidInputException for a character no font has: it would be dropped silently
     */
    List<Piece> pieces(String text, BaseFont font) {
        Bundled bundled = bundled(font);
        if (bundled == null) {
            return List.of(new Piece(0, text.length(), Typeface.bundled(font.getPostscriptFontName(), font, null)));
        }
        Typeface main = bundled.face();
        int first = firstMissing(text, main);
        if (first < 0) {
            return List.of(new Piece(0, text.length(), main));
        }
        Typeface[] at = new Typeface[text.length()];
        int start = 0;
        while (start < text.length()) {
            int c = text.codePointAt(start);
            if (Character.isWhitespace(c)) {
                start += Character.charCount(c);
                continue;
            }
            int end = start;
            while (end < text.length() && !Character.isWhitespace(text.codePointAt(end))) {
                end += Character.charCount(text.codePointAt(end));
            }
            word(text, start, end, bundled, at);
            start = end;
        }
        // Spaces and invisible marks between words go with the word before them.
        Typeface previous = main;
        for (int i = 0; i < at.length; i++) {
            if (at[i] == null) {
                at[i] = previous;
            }
            previous = at[i];
        }
        List<Piece> pieces = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= at.length; i++) {
            if (i == at.length || at[i] != at[from]) {
                pieces.add(new Piece(from, i, at[from]));
                from = i;
            }
        }
        return pieces;
    }

    private static int firstMissing(String text, Typeface face) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (needsGlyph(c) && !face.has(c)) {
                return i;
            }
            i += Character.charCount(c);
        }
        return -1;
    }

    /** Chooses the fonts of the word {@code text[start, end)} into {@code at}. */
    private void word(String text, int start, int end, Bundled bundled, Typeface[] at) {
        Typeface main = bundled.face();
        int missing = firstMissing(text.substring(start, end), main);
        if (missing < 0) {
            fill(at, text, start, end, main);
            return;
        }
        int c0 = text.codePointAt(start + missing);
        Typeface whole = fallback(c0, bundled);
        if (whole == null) {
            throw new InvalidInputException(unprintable("the text \"" + text.substring(start, end) + "\"", c0));
        }
        if (firstMissing(text.substring(start, end), whole) < 0) {
            fill(at, text, start, end, whole);
            return;
        }
        // Letters first, each in the first font that has it; then the rest follow their neighbours.
        for (int i = start; i < end; ) {
            int c = text.codePointAt(i);
            if (Character.isLetter(c) && needsGlyph(c)) {
                at[i] = faceFor(c, bundled, text, start, end);
            }
            i += Character.charCount(c);
        }
        for (int i = start; i < end; ) {
            int c = text.codePointAt(i);
            if (at[i] == null && needsGlyph(c)) {
                Typeface before = i > start ? at[i - 1] : null;
                Typeface after = null;
                for (int j = i + Character.charCount(c); j < end && after == null; j++) {
                    after = Character.isLetter(text.codePointAt(j)) ? at[j] : null;
                }
                at[i] = before != null && before.has(c) ? before
                        : after != null && after.has(c) ? after
                        : faceFor(c, bundled, text, start, end);
                if (Character.charCount(c) == 2) {
                    at[i + 1] = at[i];
                }
            } else if (at[i] != null && Character.charCount(c) == 2) {
                at[i + 1] = at[i];
            } else if (at[i] == null && i > start) {
                at[i] = at[i - 1];
            }
            i += Character.charCount(c);
        }
    }

    private Typeface faceFor(int c, Bundled bundled, String text, int start, int end) {
        if (bundled.face().has(c)) {
            return bundled.face();
        }
        Typeface face = fallback(c, bundled);
        if (face == null) {
            throw new InvalidInputException(unprintable("the text \"" + text.substring(start, end) + "\"", c));
        }
        return face;
    }

    private static void fill(Typeface[] at, String text, int start, int end, Typeface face) {
        for (int i = start; i < end; i++) {
            at[i] = face;
        }
    }

    /** The PdfFonts whose bundled font {@code font} is, or null. */
    static PdfFonts owner(BaseFont font) {
        WeakReference<PdfFonts> owner = font == null ? null : OWNERS.get(font);
        return owner == null ? null : owner.get();
    }

    /** The bundled face {@code font} is set in, or null if it is not one of this PdfFonts'. */
    Bundled bundled(BaseFont font) {
        for (Bundled face : List.of(regular, bold, mono)) {
            if (face.loaded() == font) {
                return face;
            }
        }
        return null;
    }

    /**
     * The fallback to set {@code c} in for text in {@code face} (bold in its family's bold or drawn
     * bold, mono text preferring fixed-width fonts), or null if no font found has it.
     */
    Typeface fallback(int c, Bundled face) {
        return fallback(c, face.weight() >= 600, face.mono());
    }

    private Typeface fallback(int c, boolean boldText) {
        return fallback(c, boldText, false);
    }

    private Typeface fallback(int c, boolean boldText, boolean monoText) {
        if (folders.isEmpty()) {
            return null;
        }
        FontCatalog.Family family = catalog().familyFor(c, monoText);
        if (family == null) {
            return null;
        }
        FontFile member = family.member(boldText ? 700 : 400);
        if (!member.has(c)) {
            member = family.member(400);
        }
        Typeface face = Typeface.of(member);
        return boldText && member.weight() < 600 ? face.fauxBold() : face;
    }

    /** Whether the folders have been looked through (tests check that Latin text never makes them). */
    boolean scanned() {
        return catalog != null;
    }

    FontCatalog catalog() {
        FontCatalog found = catalog;
        if (found == null) {
            found = catalog = FontCatalog.of(folders);
        }
        return found;
    }

    /** One of the bundled Liberation fonts, read from the classpath on first use and created from bytes. */
    final class Bundled {

        private final String file;
        private final int weight;
        private final boolean mono;
        private volatile Typeface face;

        Bundled(String file, int weight, boolean mono) {
            this.file = file;
            this.weight = weight;
            this.mono = mono;
        }

        int weight() {
            return weight;
        }

        boolean mono() {
            return mono;
        }

        /** The font if it is loaded, without loading it. */
        BaseFont loaded() {
            Typeface loaded = face;
            return loaded == null ? null : loaded.base();
        }

        Typeface face() {
            Typeface loaded = face;
            if (loaded == null) {
                synchronized (this) {
                    if (face == null) {
                        BaseFont base = load(file);
                        face = Typeface.bundled(file, base, () -> bytes(file));
                        OWNERS.put(base, new WeakReference<>(PdfFonts.this));
                    }
                    loaded = face;
                }
            }
            return loaded;
        }
    }

    private static BaseFont load(String file) {
        try {
            // Not OpenPDF's cache: each PdfFonts has faces of its own, which lead back to its fallbacks.
            return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes(file), null);
        } catch (IOException e) {
            throw new UncheckedIOException("The PDF font " + file + " cannot be read", e);
        }
    }

    private static byte[] bytes(String file) {
        try (InputStream in = new ClassPathResource("liberation/" + file).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The PDF font " + file + " is missing from the application", e);
        }
    }
}
