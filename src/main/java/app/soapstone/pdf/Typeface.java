package app.soapstone.pdf;

import org.openpdf.text.pdf.BaseFont;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One font text is set in: a bundled Liberation font or a fallback found on the machine. The PDF
 * font is made from the file's bytes once; the Java font that shapes complex scripts (Arabic
 * joining, Devanagari conjuncts, Thai marks) and lays out right-to-left text only when a text
 * needs it. {@code fauxBold}: the family has no bold, so the regular is drawn with a stroke.
 */
final class Typeface {

    /** Fallback fonts loaded in this process, by file and index: a CJK font is 20 MB and is read once. */
    private static final Map<String, Typeface> LOADED = new ConcurrentHashMap<>();

    private final String name;
    private final BaseFont base;
    private final FontFile file;
    private final Supplier<byte[]> bytes;
    private final boolean fauxBold;
    private volatile Font shaper;
    private volatile Typeface asFauxBold;

    private Typeface(String name, BaseFont base, FontFile file, Supplier<byte[]> bytes, boolean fauxBold) {
        this.name = name;
        this.base = base;
        this.file = file;
        this.bytes = bytes;
        this.fauxBold = fauxBold;
    }

    /** A bundled font; {@code bytes} gives the file again if it must be shaped. */
    static Typeface bundled(String name, BaseFont base, Supplier<byte[]> bytes) {
        return new Typeface(name, base, null, bytes, false);
    }

    /** {@code file}, loaded once per process. */
    static Typeface of(FontFile file) {
        return LOADED.computeIfAbsent(file.path() + "#" + file.index(), key -> load(file));
    }

    private static Typeface load(FontFile file) {
        byte[] bytes = read(file);
        try {
            BaseFont base = BaseFont.createFont(file.openPdfName(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false,
                    bytes, null);
            return new Typeface(file.toString(), base, file, () -> read(file), false);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Cannot use the font " + file.path() + ": " + e.getMessage(), e);
        }
    }

    private static byte[] read(FontFile file) {
        try {
            return Files.readAllBytes(file.path());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the font " + file.path(), e);
        }
    }

    /** This font drawn with a stroke, for bold text in a family that has no bold. */
    Typeface fauxBold() {
        Typeface bold = asFauxBold;
        if (bold == null) {
            bold = asFauxBold = new Typeface(name, base, file, bytes, true);
        }
        return bold;
    }

    BaseFont base() {
        return base;
    }

    boolean isFauxBold() {
        return fauxBold;
    }

    /** Where the font comes from: "bundled" or its file. */
    String origin() {
        return file == null ? "bundled" : file.path() + (file.collection() ? "," + file.index() : "");
    }

    String name() {
        return file == null ? name : file.family() + " " + file.style();
    }

    boolean has(int c) {
        if (file != null) {
            return file.has(c);
        }
        return c >= 0x20 && c < 0x7F || base.charExists(c);
    }

    /** The Java font of the same file, for shaping; loaded on first use. */
    Font shaper() {
        Font font = shaper;
        if (font == null) {
            synchronized (this) {
                if (shaper == null) {
                    shaper = loadShaper();
                }
                font = shaper;
            }
        }
        return font;
    }

    private Font loadShaper() {
        try {
            Font[] fonts = Font.createFonts(new ByteArrayInputStream(bytes.get()));
            int index = file == null ? 0 : file.index();
            if (index >= fonts.length) {
                throw new IllegalStateException("the collection " + origin() + " has " + fonts.length + " fonts");
            }
            return fonts[index];
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("Cannot shape text with the font " + origin() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return name() + (fauxBold ? " (drawn bold)" : "");
    }
}
