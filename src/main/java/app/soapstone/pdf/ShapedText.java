package app.soapstone.pdf;

import app.soapstone.pdf.PdfColumn.Run;
import app.soapstone.pdf.PdfFonts.Piece;
import org.openpdf.text.Font;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.GlyphLayoutManager;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfGlyphArray;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfString;

import java.awt.Color;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.text.BreakIterator;
import java.text.Bidi;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lines of text that OpenPDF cannot set by itself: a script whose letters change shape with their
 * neighbours (Arabic joining, Devanagari conjuncts, Thai marks), or text that runs right to left.
 * Java's own text layout shapes each run of one font; lines are broken here, at the places the
 * Unicode line-breaking rules allow (Thai between words, found with a dictionary), measuring the
 * shaped glyphs; each line is put in visual order with the Unicode bidirectional algorithm. A
 * paragraph whose first letter runs right to left is right-aligned.
 *
 * <p>The lines are drawn by a cell event into a cell as tall as OpenPDF would make it for the same
 * text (first line's ascender at the top, the last line's descender at the bottom, the leading
 * between), so that such a paragraph sits among the others exactly as they do. The PDF keeps the
 * text: each glyph is mapped to its characters, and where shaping reorders or merges glyphs of
 * left-to-right text the run carries its characters as ActualText.
 */
final class ShapedText {

    /**
     * Liberation Sans's ascent and descent as OpenPDF reads them (its typographic ascender and
     * descender), as fractions of the type size: where OpenPDF puts the first baseline of a cell.
     */
    private static final float LATIN_ASCENT = 0.728f;
    private static final float LATIN_DESCENT = 0.2104f;

    private static final FontRenderContext CONTEXT = new FontRenderContext(new AffineTransform(), false, true);

    private ShapedText() {
    }

    /** Whether {@code text} must be laid out here: it holds a right-to-left letter or a script that is shaped. */
    static boolean needed(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (c >= 0x0590 && needsShaping(c)) {
                return true;
            }
            i += Character.charCount(c);
        }
        return false;
    }

    static boolean needed(List<Run> runs) {
        for (Run run : runs) {
            if (needed(run.text())) {
                return true;
            }
        }
        return false;
    }

    private static boolean needsShaping(int c) {
        byte direction = Character.getDirectionality(c);
        if (direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
            return true;
        }
        return !FontCatalog.SIMPLE.contains(FontCatalog.script(c)) && FontCatalog.script(c)
                != Character.UnicodeScript.INHERITED;
    }

    /**
     * {@code text} without the invisible marks that steer direction or joining (LRM, ZWJ...): they
     * have done their work in the layout, and a font may draw a box for them.
     */
    static String visible(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (invisible(text.charAt(i))) {
                StringBuilder visible = new StringBuilder(text.length());
                text.chars().filter(c -> !invisible(c)).forEach(c -> visible.append((char) c));
                return visible.toString();
            }
        }
        return text;
    }

    /** {@code text} without the marks that only steer the direction of text (LRM, RLM, isolates). */
    private static String withoutDirectionMarks(String text) {
        return text.replaceAll("[\\u200e\\u200f\\u061c\\u202a-\\u202e\\u2066-\\u2069]", "");
    }

    private static boolean invisible(int c) {
        return Character.getType(c) == Character.FORMAT && c != 0x00AD;
    }

    /** Text in the form the fonts map: composed, so that Vietnamese letters are single glyphs. */
    static String normalized(String text) {
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** The width of {@code text} in {@code font} as it will be printed, shaped where it must be. */
    static float width(String text, Font font) {
        text = normalized(text);
        PdfFonts fonts = PdfFonts.owner(font.getBaseFont());
        if (fonts == null) {
            return font.getBaseFont().getWidthPoint(text, font.getSize());
        }
        Paragraph paragraph = new Paragraph(List.of(new Run(text, font)), false);
        return paragraph.width(0, paragraph.text.length());
    }

    /**
     * A cell holding {@code runs} in lines {@code width} wide, {@code leading} apart, below
     * {@code spaceBefore}; right-aligned when the text runs right to left.
     */
    static PdfPCell cell(List<Run> runs, float width, float leading, float spaceBefore) {
        return cell(runs, width, leading, spaceBefore, false);
    }

    /** The same, left to right whatever letter it starts with when {@code leftToRight}. */
    static PdfPCell cell(List<Run> runs, float width, float leading, float spaceBefore, boolean leftToRight) {
        Block block = layout(runs, width, leftToRight);
        return block.cell(leading, spaceBefore, block.firstAscent(), block.rightToLeft());
    }

    /** {@code runs} broken into lines {@code width} wide, to be put in a cell. */
    static Block layout(List<Run> runs, float width) {
        return layout(runs, width, false);
    }

    private static Block layout(List<Run> runs, float width, boolean leftToRight) {
        Paragraph paragraph = new Paragraph(runs, leftToRight);
        return new Block(paragraph.lines(width), paragraph.rightToLeft());
    }

    /** A paragraph laid out in lines. */
    record Block(List<Line> lines, boolean rightToLeft) {

        /** The ascent of the fonts of the first line: where its baseline is below the top. */
        float firstAscent() {
            return lines.isEmpty() ? 0 : lines.getFirst().ascent;
        }

        /**
         * A cell as tall as the lines, their first baseline {@code firstAscent} below the top (at
         * least the first line's ascent; more to share a baseline with a cell beside it), aligned
         * right or left.
         */
        PdfPCell cell(float leading, float spaceBefore, float firstAscent, boolean alignRight) {
            float first = Math.max(firstAscent, firstAscent());
            float height = lines.isEmpty() ? 0 : first + (lines.size() - 1) * leading - lines.getLast().descent;
            PdfPCell cell = PdfColumn.cell();
            cell.setPaddingTop(spaceBefore);
            cell.setMinimumHeight(spaceBefore + height);
            cell.setCellEvent((c, position, canvases) -> {
                PdfContentByte canvas = canvases[PdfPTable.TEXTCANVAS];
                float y = position.getTop() - spaceBefore;
                for (int i = 0; i < lines.size(); i++) {
                    Line line = lines.get(i);
                    y -= i == 0 ? first : leading;
                    float x = alignRight ? position.getRight() - line.width : position.getLeft();
                    line.draw(canvas, x, y);
                }
            });
            return cell;
        }
    }

    /** One run of glyphs in one font and direction, shaped, ready to draw at a position. */
    record Glyphs(String text, Typeface face, Font font, boolean rtl, GlyphVector shaped, float width) {

        float ascent() {
            return lineAscent(face, font);
        }

        float descent() {
            return lineDescent(face, font);
        }

        void draw(PdfContentByte canvas, float x, float y) {
            float size = font.getSize();
            canvas.setFontAndSize(face.base(), size);
            canvas.setTextMatrix(x, y);
            if (face.isFauxBold()) {
                canvas.setTextRenderingMode(PdfContentByte.TEXT_RENDER_MODE_FILL_STROKE);
                canvas.setLineWidth(size / 30);
            }
            if (shaped == null) {
                canvas.showText(text);
            } else {
                showGlyphs(canvas, size);
            }
            if (face.isFauxBold()) {
                canvas.setTextRenderingMode(PdfContentByte.TEXT_RENDER_MODE_FILL);
            }
        }

        private void showGlyphs(PdfContentByte canvas, float size) {
            Cmap.complete(canvas, face.base(), text, shaped);
            // Readers put right-to-left glyphs back in reading order themselves, and map each glyph to its
            // letters; left-to-right text whose glyphs are merged or moved needs its characters spelled out.
            boolean actualText = !rtl && !oneToOne(shaped, text);
            if (actualText) {
                PdfDictionary span = new PdfDictionary();
                span.put(PdfName.ACTUALTEXT, new PdfString(withoutDirectionMarks(text), PdfObject.TEXT_UNICODE));
                canvas.beginMarkedContentSequence(PdfName.SPAN, span, true);
            }
            PdfGlyphArray glyphs = new PdfGlyphArray();
            float lastX = 0;
            float advance = 0;
            for (int i = 0; i < shaped.getNumGlyphs(); i++) {
                int code = shaped.getGlyphCode(i);
                Point2D at = shaped.getGlyphPosition(i);
                float dx = (float) at.getX() - lastX - advance;
                float rise = (float) -at.getY();
                if (code >= 0xFFFE) {
                    // Java's invisible glyph (a joiner, a direction mark): it has no place in the font.
                    continue;
                }
                if (Math.abs(rise) > 1e-4f) {
                    if (!glyphs.isEmpty()) {
                        canvas.showText(glyphs);
                        glyphs.clear();
                    }
                    canvas.setTextRise(rise);
                }
                if (Math.abs(dx) > 1e-4f) {
                    glyphs.add(-dx * 1000 / size);
                }
                glyphs.add(code);
                if (Math.abs(rise) > 1e-4f) {
                    canvas.showText(glyphs);
                    glyphs.clear();
                    canvas.setTextRise(0);
                }
                lastX = (float) at.getX();
                advance = shaped.getGlyphMetrics(i).getAdvanceX();
            }
            if (!glyphs.isEmpty()) {
                canvas.showText(glyphs);
            }
            if (actualText) {
                canvas.endMarkedContentSequence();
            }
        }

        private static boolean oneToOne(GlyphVector shaped, String text) {
            if (shaped.getNumGlyphs() != text.length()) {
                return false;
            }
            for (int i = 0; i < shaped.getNumGlyphs(); i++) {
                if (shaped.getGlyphCharIndex(i) != i) {
                    return false;
                }
            }
            return true;
        }
    }

    /** One line: its runs of glyphs left to right, and its width and the ascent and descent of its fonts. */
    record Line(List<Glyphs> glyphs, float width, float ascent, float descent) {

        void draw(PdfContentByte canvas, float x, float y) {
            // The colour, and the stroke of text drawn bold, stay inside the line.
            canvas.saveState();
            canvas.beginText();
            Color color = null;
            for (Glyphs run : glyphs) {
                Color wanted = run.font().getColor() == null ? Color.BLACK : run.font().getColor();
                if (!wanted.equals(color)) {
                    canvas.setColorFill(wanted);
                    color = wanted;
                }
                run.draw(canvas, x, y);
                x += run.width();
            }
            canvas.endText();
            canvas.restoreState();
        }
    }

    /** The runs of a paragraph as one text, each character with its run, font and bidi level. */
    private static final class Paragraph {

        final String text;
        final Font[] fonts;
        final Typeface[] faces;
        final boolean[] whole;
        final Bidi bidi;

        /** {@code leftToRight}: the paragraph runs left to right; else its first strong letter decides. */
        Paragraph(List<Run> runs, boolean leftToRight) {
            StringBuilder all = new StringBuilder();
            List<String> texts = new ArrayList<>();
            for (Run run : runs) {
                String text = normalized(run.text());
                texts.add(text);
                all.append(text);
            }
            text = all.toString();
            fonts = new Font[text.length()];
            faces = new Typeface[text.length()];
            whole = new boolean[text.length()];
            int offset = 0;
            for (int r = 0; r < runs.size(); r++) {
                Run run = runs.get(r);
                String part = texts.get(r);
                BaseFont base = run.font().getBaseFont();
                PdfFonts owner = PdfFonts.owner(base);
                List<Piece> pieces = owner == null
                        ? List.of(new Piece(0, part.length(), Typeface.bundled(base.getPostscriptFontName(), base, null)))
                        : owner.pieces(part, base);
                for (Piece piece : pieces) {
                    for (int i = piece.start(); i < piece.end(); i++) {
                        faces[offset + i] = piece.face();
                    }
                }
                for (int i = 0; i < part.length(); i++) {
                    fonts[offset + i] = run.font();
                    whole[offset + i] = run.whole();
                }
                offset += part.length();
            }
            bidi = new Bidi(text, leftToRight ? Bidi.DIRECTION_LEFT_TO_RIGHT : Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
        }

        boolean rightToLeft() {
            return !bidi.baseIsLeftToRight();
        }

        /** The width of {@code text[start, end)}, shaped, in logical order (the order does not change it). */
        float width(int start, int end) {
            float width = 0;
            for (Glyphs glyphs : glyphs(start, end, bidi)) {
                width += glyphs.width();
            }
            return width;
        }

        /**
         * The glyph runs of {@code text[start, end)}, in logical order: one per stretch of one font,
         * run and bidi level.
         */
        private List<Glyphs> glyphs(int start, int end, Bidi levels) {
            List<Glyphs> runs = new ArrayList<>();
            int from = start;
            for (int i = start + 1; i <= end; i++) {
                if (i == end || faces[i] != faces[from] || fonts[i] != fonts[from]
                        || level(levels, i, start) != level(levels, from, start)) {
                    if (!Character.isLowSurrogate(i < end ? text.charAt(i) : 'x')) {
                        runs.add(shape(from, i, (level(levels, from, start) & 1) == 1));
                        from = i;
                    }
                }
            }
            return runs;
        }

        private int level(Bidi levels, int i, int start) {
            return levels == bidi ? bidi.getLevelAt(i) : levels.getLevelAt(i - start);
        }

        private Glyphs shape(int start, int end, boolean rtl) {
            String part = text.substring(start, end);
            Typeface face = faces[start];
            Font font = fonts[start];
            if (!rtl && !needed(part)) {
                String visible = visible(part);
                return new Glyphs(visible, face, font, false, null, face.base().getWidthPoint(visible, font.getSize()));
            }
            java.awt.Font shaper = face.shaper().deriveFont(font.getSize());
            char[] chars = text.toCharArray();
            // Shaped with the text around it, so that letters join across a change of run.
            GlyphVector shaped = shaper.layoutGlyphVector(CONTEXT, chars, start, end,
                    rtl ? java.awt.Font.LAYOUT_RIGHT_TO_LEFT : java.awt.Font.LAYOUT_LEFT_TO_RIGHT);
            float width = (float) shaped.getGlyphPosition(shaped.getNumGlyphs()).getX();
            return new Glyphs(part, face, font, rtl, shaped, width);
        }

        /** The lines of the paragraph, broken to fit {@code width}. */
        List<Line> lines(float width) {
            List<Integer> breaks = breaks();
            List<Line> lines = new ArrayList<>();
            int lineStart = 0;
            float used = 0;
            int lineEnd = 0;
            for (int b = 1; b < breaks.size(); b++) {
                int start = breaks.get(b - 1);
                int end = breaks.get(b);
                float segment = width(start, trimmedEnd(start, end));
                if (lineEnd > lineStart && used + segment > width) {
                    lines.add(line(lineStart, lineEnd));
                    lineStart = start;
                    used = 0;
                }
                if (lineEnd == lineStart && segment > width) {
                    // A word wider than the line: broken between its letters, as a last resort.
                    lineStart = longWord(lines, start, end, width);
                    used = width(lineStart, end);
                } else {
                    used += width(start, end);
                }
                lineEnd = end;
                if (mandatory(end)) {
                    lines.add(line(lineStart, lineEnd));
                    lineStart = end;
                    lineEnd = end;
                    used = 0;
                }
            }
            if (lineEnd > lineStart || lines.isEmpty()) {
                lines.add(line(lineStart, lineEnd));
            }
            return lines;
        }

        private int longWord(List<Line> lines, int start, int end, float width) {
            BreakIterator characters = BreakIterator.getCharacterInstance();
            characters.setText(text);
            int lineStart = start;
            int last = start;
            for (int at = characters.following(start); at != BreakIterator.DONE && at <= end;
                    at = characters.next()) {
                if (at > lineStart && width(lineStart, at) > width && last > lineStart) {
                    lines.add(line(lineStart, last));
                    lineStart = last;
                }
                last = at;
            }
            return lineStart;
        }

        private boolean mandatory(int end) {
            if (end == 0 || end >= text.length()) {
                return false;
            }
            char c = text.charAt(end - 1);
            return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
        }

        private int trimmedEnd(int start, int end) {
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            return end;
        }

        /** The places a line may end: the line-breaking rules' opportunities, none inside a run kept whole. */
        private List<Integer> breaks() {
            BreakIterator iterator = BreakIterator.getLineInstance(dictionaryLocale());
            iterator.setText(text);
            List<Integer> breaks = new ArrayList<>();
            breaks.add(0);
            for (int at = iterator.next(); at != BreakIterator.DONE; at = iterator.next()) {
                if (at < text.length() && whole[at] && at > 0 && whole[at - 1] && fonts[at] == fonts[at - 1]) {
                    continue;
                }
                breaks.add(at);
            }
            if (breaks.getLast() != text.length()) {
                breaks.add(text.length());
            }
            return breaks;
        }

        /** Thai and its neighbours write no spaces between words; Java finds the words with a dictionary. */
        private Locale dictionaryLocale() {
            for (int i = 0; i < text.length(); i++) {
                Character.UnicodeScript script = FontCatalog.script(text.charAt(i));
                if (script == Character.UnicodeScript.THAI || script == Character.UnicodeScript.LAO
                        || script == Character.UnicodeScript.KHMER || script == Character.UnicodeScript.MYANMAR) {
                    return Locale.forLanguageTag("th");
                }
            }
            return Locale.ROOT;
        }

        private Line line(int start, int end) {
            end = trimmedEnd(start, end);
            while (start < end && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            if (start == end) {
                Typeface face = faces.length == 0 ? null : faces[Math.min(start, faces.length - 1)];
                Font font = fonts.length == 0 ? null : fonts[Math.min(start, fonts.length - 1)];
                return new Line(List.of(), 0, face == null ? 0 : lineAscent(face, font), face == null ? 0 : lineDescent(face, font));
            }
            Bidi line = bidi.createLineBidi(start, end);
            List<Glyphs> logical = glyphs(start, end, line);
            // Runs in visual order: the levels of the runs, reordered by the bidirectional algorithm.
            byte[] levels = new byte[logical.size()];
            Glyphs[] visual = logical.toArray(Glyphs[]::new);
            int offset = start;
            for (int i = 0; i < visual.length; i++) {
                levels[i] = (byte) line.getLevelAt(offset - start);
                offset += visual[i].text().length();
            }
            Bidi.reorderVisually(levels, 0, visual, 0, visual.length);
            float width = 0;
            float ascent = 0;
            float descent = 0;
            for (Glyphs glyphs : visual) {
                width += glyphs.width();
                ascent = Math.max(ascent, glyphs.ascent());
                descent = Math.min(descent, glyphs.descent());
            }
            return new Line(List.of(visual), width, ascent, descent);
        }
    }

    /**
     * Adds the glyphs that shaping made (joined forms, conjuncts) to the font's map from glyphs to
     * characters, so that the printed text can be copied and searched. OpenPDF keeps that map to
     * itself and offers it to its glyph layout only.
     */
    private static final class Cmap extends GlyphLayoutManager {

        private Cmap() {
        }

        static void complete(PdfContentByte canvas, BaseFont font, String text, GlyphVector shaped) {
            completeCmap(canvas, font, text, shaped);
        }
    }

    /**
     * How far a font reaches above the baseline, for placing lines: its own ascent, but no more than
     * Liberation Sans's, so a line of it shares the baseline of the Latin text beside it (a label and
     * its value). Arabic, Thai and CJK fonts declare room for tall marks that would push it lower.
     */
    private static float lineAscent(Typeface face, Font font) {
        return Math.min(face.base().getFontDescriptor(BaseFont.ASCENT, font.getSize()), font.getSize() * LATIN_ASCENT);
    }

    /** How far a font reaches below the baseline, no further than Liberation Sans's. */
    private static float lineDescent(Typeface face, Font font) {
        return Math.max(face.base().getFontDescriptor(BaseFont.DESCENT, font.getSize()), -font.getSize() * LATIN_DESCENT);
    }
}
