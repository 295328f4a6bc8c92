package app.soapstone.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A PDF read back page by page with an independent reader (PDFBox), for tests that check what a
 * printout really shows: each page's text, its lines top to bottom with their type sizes and
 * weight, the glyphs with their positions, and the runs of text drawn together ({@link Span}s,
 * such as the labels of a chart).
 *
 * <p>Sizes are as printed: the font size times every scaling in force (text matrix, current
 * transformation matrix, and the matrix of any form XObject the text is drawn in). PDFBox's
 * {@code TextPosition.getFontSizeInPt()} is not that: it multiplies the font size by the text
 * matrix only, leaves out the CTM (so text in a scaled form XObject or image keeps its nominal
 * size), and truncates to a whole number. The size here is the vertical scaling of the text
 * rendering matrix, {@code getTextMatrix().getScalingFactorY()}, which includes all of them.
 *
 * <p>Coordinates are PDFBox's "direction adjusted" ones: x from the left edge, y from the top edge
 * down to the baseline, in points.
 */
public final class PdfPages {

    /** One character as drawn; {@code inForm} when drawn inside a form XObject (a drawing, a chart). */
    public record Glyph(String text, float x, float y, float width, float height, float size, boolean bold, String font,
            boolean inForm, int textObject) {

        public boolean blank() {
            return text.isBlank();
        }
    }

    /**
     * Glyphs on one baseline, left to right, with a space where there is a gap between words;
     * {@code minSize} and {@code maxSize} and {@code bold} (every character bold) leave out spaces.
     */
    public record Line(String text, float y, float x, float minSize, float maxSize, boolean bold, List<Glyph> glyphs) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "'%s' at y %.1f, %.1f-%.1f pt%s", text, y, minSize, maxSize,
                    bold ? " bold" : "");
        }
    }

    /**
     * The glyphs of one text object ({@code BT ... ET}) on one baseline, in drawing order: a label
     * of a chart, or a line of a paragraph. The box is from the top of the tallest glyph to the
     * baseline.
     */
    public record Span(String text, float left, float top, float right, float bottom, float size, boolean bold,
            boolean inForm) {

        public boolean overlaps(Span other) {
            return left < other.right && other.left < right && top < other.bottom && other.top < bottom;
        }
    }

    /** One page: its size in points, its text as PDFBox extracts it, and its lines and glyphs. */
    public record Page(int number, float width, float height, String text, List<Line> lines, List<Glyph> glyphs) {

        /** The smallest type on the page, spaces left out; infinite on a page without text. */
        public float smallestSize() {
            return (float) glyphs.stream().filter(g -> !g.blank()).mapToDouble(Glyph::size).min()
                    .orElse(Double.POSITIVE_INFINITY);
        }

        public List<Span> spans() {
            List<Span> spans = new ArrayList<>();
            List<Glyph> run = new ArrayList<>();
            for (Glyph glyph : glyphs) {
                if (!run.isEmpty() && (run.getLast().textObject() != glyph.textObject()
                        || run.getLast().inForm() != glyph.inForm() || Math.abs(run.getLast().y() - glyph.y()) > 0.5f)) {
                    spans.add(span(run));
                    run.clear();
                }
                run.add(glyph);
            }
            if (!run.isEmpty()) {
                spans.add(span(run));
            }
            return spans;
        }

        private static Span span(List<Glyph> glyphs) {
            StringBuilder text = new StringBuilder();
            float left = Float.MAX_VALUE;
            float right = -Float.MAX_VALUE;
            float top = Float.MAX_VALUE;
            float bottom = -Float.MAX_VALUE;
            float size = Float.MAX_VALUE;
            boolean bold = true;
            for (Glyph glyph : glyphs) {
                text.append(glyph.text());
                if (glyph.blank()) {
                    continue;
                }
                left = Math.min(left, glyph.x());
                right = Math.max(right, glyph.x() + glyph.width());
                top = Math.min(top, glyph.y() - glyph.height());
                bottom = Math.max(bottom, glyph.y());
                size = Math.min(size, glyph.size());
                bold &= glyph.bold();
            }
            return new Span(text.toString(), left, top, right, bottom, size, bold, glyphs.getFirst().inForm());
        }
    }

    /** The document information dictionary. */
    public record Info(String title, String author, String subject, String creator) {
    }

    private final List<Page> pages;
    private final Info info;

    private PdfPages(List<Page> pages, Info info) {
        this.pages = pages;
        this.info = info;
    }

    public static PdfPages read(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<Page> pages = new ArrayList<>();
            for (int number = 1; number <= document.getNumberOfPages(); number++) {
                Reader reader = new Reader();
                reader.setStartPage(number);
                reader.setEndPage(number);
                String text = reader.getText(document);
                PDRectangle box = document.getPage(number - 1).getMediaBox();
                pages.add(new Page(number, box.getWidth(), box.getHeight(), text, lines(reader.glyphs),
                        List.copyOf(reader.glyphs)));
            }
            PDDocumentInformation information = document.getDocumentInformation();
            return new PdfPages(List.copyOf(pages), new Info(information.getTitle(), information.getAuthor(),
                    information.getSubject(), information.getCreator()));
        } catch (IOException e) {
            throw new UncheckedIOException("Not a readable PDF", e);
        }
    }

    public List<Page> pages() {
        return pages;
    }

    /** Page {@code number}, counted from 1. */
    public Page page(int number) {
        return pages.get(number - 1);
    }

    public int count() {
        return pages.size();
    }

    public Info info() {
        return info;
    }

    /** The smallest type in the document, spaces left out. */
    public float smallestSize() {
        return (float) pages.stream().mapToDouble(Page::smallestSize).min().orElse(Double.POSITIVE_INFINITY);
    }

    /** The text of every page, one after the other. */
    public String text() {
        StringBuilder all = new StringBuilder();
        pages.forEach(page -> all.append(page.text()));
        return all.toString();
    }

    /** The glyphs in lines by baseline, top to bottom; within a line left to right. */
    private static List<Line> lines(List<Glyph> glyphs) {
        List<Glyph> sorted = new ArrayList<>(glyphs);
        sorted.sort(Comparator.comparingDouble(Glyph::y).thenComparingDouble(Glyph::x));
        List<Line> lines = new ArrayList<>();
        List<Glyph> line = new ArrayList<>();
        for (Glyph glyph : sorted) {
            if (!line.isEmpty() && glyph.y() - line.getFirst().y() > 1f) {
                lines.add(line(line));
                line = new ArrayList<>();
            }
            line.add(glyph);
        }
        if (!line.isEmpty()) {
            lines.add(line(line));
        }
        return List.copyOf(lines);
    }

    private static Line line(List<Glyph> glyphs) {
        glyphs.sort(Comparator.comparingDouble(Glyph::x));
        StringBuilder text = new StringBuilder();
        float end = Float.NaN;
        float min = Float.MAX_VALUE;
        float max = 0;
        boolean bold = true;
        for (Glyph glyph : glyphs) {
            boolean gap = !Float.isNaN(end) && glyph.x() - end > glyph.size() * 0.2f;
            if (gap && !text.isEmpty() && text.charAt(text.length() - 1) != ' ' && !glyph.blank()) {
                text.append(' ');
            }
            text.append(glyph.text());
            end = glyph.x() + glyph.width();
            if (!glyph.blank()) {
                min = Math.min(min, glyph.size());
                max = Math.max(max, glyph.size());
                bold &= glyph.bold();
            }
        }
        return new Line(text.toString().strip(), glyphs.getFirst().y(), glyphs.getFirst().x(),
                max == 0 ? 0 : min, max, bold, List.copyOf(glyphs));
    }

    /** PDFBox's text extraction, also keeping every glyph with where and how it was drawn. */
    private static final class Reader extends PDFTextStripper {

        final List<Glyph> glyphs = new ArrayList<>();
        private int forms;
        private int textObjects;

        @Override
        public void showForm(PDFormXObject form) throws IOException {
            forms++;
            try {
                super.showForm(form);
            } finally {
                forms--;
            }
        }

        @Override
        public void beginText() throws IOException {
            textObjects++;
            super.beginText();
        }

        @Override
        protected void processTextPosition(TextPosition position) {
            PDFont font = position.getFont();
            glyphs.add(new Glyph(position.getUnicode(), position.getXDirAdj(), position.getYDirAdj(),
                    position.getWidthDirAdj(), position.getHeightDir(),
                    Math.abs(position.getTextMatrix().getScalingFactorY()), bold(font), font.getName(), forms > 0,
                    textObjects));
            super.processTextPosition(position);
        }

        @Override
        protected void startPage(PDPage page) throws IOException {
            glyphs.clear();
            super.startPage(page);
        }

        private static boolean bold(PDFont font) {
            PDFontDescriptor descriptor = font.getFontDescriptor();
            return font.getName().toLowerCase(Locale.ROOT).contains("bold")
                    || descriptor != null && (descriptor.isForceBold() || descriptor.getFontWeight() >= 600);
        }
    }
}
