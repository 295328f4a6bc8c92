package app.soapstone.pdf;

import app.soapstone.validation.InvalidInputException;
import org.openpdf.text.pdf.BaseFont;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The Unicode font of every PDF: Liberation Sans from openpdf-fonts-extra, embedded, so names
 * such as Zoë Łukasiewicz or Анна Петрова print. Read from the classpath once, on first use, and
 * created from bytes, which is many times faster than from a file path.
 */
@Component
public class PdfFonts {

    private final Font regular = new Font("LiberationSans-Regular.ttf");
    private final Font bold = new Font("LiberationSans-Bold.ttf");
    private final Font mono = new Font("LiberationMono-Regular.ttf");

    /**
     * Refuses {@code text} if it holds a character no font can print, naming {@code what} it is
     * ("the client's name"), the character and what to install: a printout never loses a
     * character without a word. Spaces and line breaks need no glyph.
     */
    public void requirePrintable(String what, String text) {
        if (text == null) {
            return;
        }
        text.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isISOControl(c))
                .filter(c -> !regular().charExists(c) || !bold().charExists(c)).findFirst()
                .ifPresent(c -> {
                    throw new InvalidInputException("Cannot print " + what + ": " + new String(Character.toChars(c))
                            + " (U+" + String.format("%04X", c) + " " + Character.getName(c) + ") is in none of the"
                            + " fonts found. Install a font that has it (on Debian: fonts-noto-cjk for Chinese,"
                            + " Japanese and Korean, fonts-noto-core for most other scripts) or set SOAPSTONE_FONTS"
                            + " to a folder of fonts; nothing was written");
                });
    }

    public BaseFont regular() {
        return regular.get();
    }

    public BaseFont bold() {
        return bold.get();
    }

    /** For records printed as they appear on screen, aligned in columns. */
    public BaseFont mono() {
        return mono.get();
    }

    /** One font file, loaded on first use and kept. */
    private static final class Font {

        private final String file;
        private volatile BaseFont font;

        Font(String file) {
            this.file = file;
        }

        public BaseFont get() {
            BaseFont loaded = font;
            if (loaded == null) {
                synchronized (this) {
                    loaded = font == null ? (font = load(file)) : font;
                }
            }
            return loaded;
        }
    }

    private static BaseFont load(String file) {
        try (InputStream in = new ClassPathResource("liberation/" + file).getInputStream()) {
            return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("The PDF font " + file + " is missing from the application", e);
        }
    }
}
