package app.soapstone.pdf;

import org.springframework.stereotype.Service;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which scripts a printout can be in, and with which font: the bundled Liberation Sans, a
 * fallback font found on this machine (the family chosen for the script's letters, where its
 * file is, and whether it has a bold or bold is drawn), or none, with what to install.
 */
@Service
public class PrintableScripts {

    /** A script and letters of it that a name or a note in it would have. */
    private record Script(String name, String letters) {
    }

    /** Names and notes come in these; the first ones are those the bundled fonts cover. */
    private static final List<Script> SCRIPTS = List.of(
            new Script("Latin", "AZaz"), new Script("Latin (Vietnamese)", "ễựĐơ"),
            new Script("Latin (Central European)", "ŁŐŠžğ"), new Script("Greek", "ΩωΆ"),
            new Script("Cyrillic", "ЖжЁёЇ"), new Script("Armenian", "Աա"), new Script("Georgian", "აბ"),
            new Script("Hebrew", "אבש"), new Script("Arabic", "عبلا"), new Script("Persian", "پچژگی"),
            new Script("Urdu", "ٹڈڑے"), new Script("Devanagari (Hindi, Marathi, Nepali)", "अकक्ष"),
            new Script("Bengali", "অক"), new Script("Gurmukhi (Punjabi)", "ਅਕ"), new Script("Gujarati", "અક"),
            new Script("Tamil", "அக"), new Script("Telugu", "అక"), new Script("Kannada", "ಅಕ"),
            new Script("Malayalam", "അക"), new Script("Sinhala", "අක"), new Script("Thai", "กขเ"),
            new Script("Lao", "ກຂ"), new Script("Khmer", "កខ"), new Script("Myanmar (Burmese)", "ကခ"),
            new Script("Ethiopic (Amharic)", "አበ"), new Script("Chinese (simplified)", "王简体"),
            new Script("Chinese (traditional)", "體與"), new Script("Japanese", "あアカ"),
            new Script("Korean", "한글"));

    /**
     * One script: the font it prints in ("Liberation Sans" and "bundled" as its file), the bold (the
     * bold font, "drawn" when the family has none), or, when no font has all its letters, null font
     * and what to install.
     */
    public record Row(String script, String font, String file, String bold, String install) {

        public boolean printable() {
            return font != null;
        }
    }

    private final PdfFonts fonts;

    public PrintableScripts(PdfFonts fonts) {
        this.fonts = fonts;
    }

    /** Every script, printable or not, in the order above. */
    public List<Row> list() {
        return SCRIPTS.stream().map(this::row).toList();
    }

    /** The folders looked through for fallback fonts, in order. */
    public List<Path> folders() {
        return fonts.folders();
    }

    private Row row(Script script) {
        Typeface bundled = fonts.bundled(fonts.regular()).face();
        if (script.letters().codePoints().allMatch(bundled::has)) {
            return new Row(script.name(), "Liberation Sans", "bundled", "Liberation Sans Bold", null);
        }
        Set<Typeface> regular = new LinkedHashSet<>();
        Set<Typeface> bold = new LinkedHashSet<>();
        for (int c : script.letters().codePoints().toArray()) {
            Typeface face = bundled.has(c) ? bundled : fonts.fallback(c, fonts.bundled(fonts.regular()));
            if (face == null) {
                return new Row(script.name(), null, null, null, PdfFonts.install(c));
            }
            regular.add(face);
            bold.add(face == bundled ? fonts.bundled(fonts.bold()).face()
                    : fonts.fallback(c, fonts.bundled(fonts.bold())));
        }
        return new Row(script.name(), names(regular), String.join(", ", regular.stream().map(Typeface::origin).toList()),
                bold.stream().anyMatch(Typeface::isFauxBold) ? "drawn" : names(bold), null);
    }

    private static String names(Set<Typeface> faces) {
        return String.join(", ", faces.stream().map(f -> f.name().replaceAll(" Regular$", "")).distinct().toList());
    }
}
