package app.soapstone.careplan;

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

    private volatile BaseFont regular;
    private volatile BaseFont bold;
    private volatile BaseFont mono;

    public BaseFont regular() {
        BaseFont font = regular;
        if (font == null) {
            synchronized (this) {
                font = regular == null ? (regular = load("LiberationSans-Regular.ttf")) : regular;
            }
        }
        return font;
    }

    public BaseFont bold() {
        BaseFont font = bold;
        if (font == null) {
            synchronized (this) {
                font = bold == null ? (bold = load("LiberationSans-Bold.ttf")) : bold;
            }
        }
        return font;
    }

    /** For records printed as they appear on screen, aligned in columns. */
    public BaseFont mono() {
        BaseFont font = mono;
        if (font == null) {
            synchronized (this) {
                font = mono == null ? (mono = load("LiberationMono-Regular.ttf")) : mono;
            }
        }
        return font;
    }

    private static BaseFont load(String file) {
        try (InputStream in = new ClassPathResource("liberation/" + file).getInputStream()) {
            return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("The PDF font " + file + " is missing from the application", e);
        }
    }
}
