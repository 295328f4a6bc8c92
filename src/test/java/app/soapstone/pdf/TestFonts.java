package app.soapstone.pdf;

import app.soapstone.support.Prerequisites;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Noto fonts the tests of non-Latin printing need, where Debian installs them
 * ({@code fonts-noto-core} and {@code fonts-noto-cjk}): never the user's own font folders. In CI
 * ({@code CI=true}) missing fonts fail the test, so that a green build means every script was
 * printed; elsewhere the test is skipped.
 */
public final class TestFonts {

    public static final Path NOTO = Path.of("/usr/share/fonts/truetype/noto");
    public static final Path NOTO_CJK = Path.of("/usr/share/fonts/opentype/noto");

    private TestFonts() {
    }

    /** The Noto folders, as {@code soapstone.fonts} would name them. */
    public static List<Path> noto() {
        boolean present = Files.isRegularFile(NOTO.resolve("NotoSansArabic-Regular.ttf"))
                && Files.isRegularFile(NOTO_CJK.resolve("NotoSansCJK-Regular.ttc"));
        Prerequisites.require(present, "the Noto fonts are missing: install fonts-noto-core and fonts-noto-cjk"
                + " (they must be in " + NOTO + " and " + NOTO_CJK + ")");
        return List.of(NOTO, NOTO_CJK);
    }

    /** {@link #noto()} as one {@code soapstone.fonts} value. */
    public static String notoProperty() {
        return String.join(java.io.File.pathSeparator, noto().stream().map(Path::toString).toList());
    }

    /** PdfFonts with the bundled fonts and the Noto fonts. */
    public static PdfFonts withNoto() {
        return new PdfFonts(noto());
    }
}
