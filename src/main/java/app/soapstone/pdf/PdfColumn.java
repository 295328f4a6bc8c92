package app.soapstone.pdf;

import app.soapstone.pdf.PdfBlock.Unit;
import app.soapstone.validation.PlainText;
import org.openpdf.text.Chunk;
import org.openpdf.text.Font;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.SplitCharacter;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfTemplate;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one column of a printout, composed top to bottom as blocks ({@link PdfBlock}): headings kept
 * with what follows them, paragraphs, list items, and whatever tables a section makes. Spacing
 * between blocks is decided here, so every section is spaced alike.
 */
public final class PdfColumn {

    /**
     * A run of text in one font: a bold label, then regular text; {@code whole}: never broken
     * across lines. All text of a printout is made of runs, so this is where characters that may
     * not be stored - control characters, direction overrides - are made visible ({@code \x1b},
     * {@code <U+202E>}, see {@link PlainText}), as the terminal shows them: on paper they would
     * vanish or turn a name around. A tab is a space: a page has no tab stops.
     */
    public record Run(String text, Font font, boolean whole) {

        public Run {
            text = PlainText.visibleLines(text).replace('\t', ' ');
        }

        public Run(String text, Font font) {
            this(text, font, false);
        }

        /** {@code text} with {@code whole} in it kept on one line (a phone number), where it occurs. */
        public static List<Run> keeping(String text, Font font, String whole) {
            int at = whole == null || whole.isBlank() ? -1 : text.indexOf(whole);
            if (at < 0) {
                return List.of(new Run(text, font));
            }
            List<Run> runs = new ArrayList<>();
            if (at > 0) {
                runs.add(new Run(text.substring(0, at), font));
            }
            runs.add(new Run(whole, font, true));
            if (at + whole.length() < text.length()) {
                runs.add(new Run(text.substring(at + whole.length()), font));
            }
            return runs;
        }
    }

    /** A split character that never splits: for a chunk that must stay on one line. */
    private static final SplitCharacter NEVER = (start, current, end, chars, chunks) -> false;

    private final PdfType type;
    private final float width;
    private final List<PdfBlock> blocks = new ArrayList<>();
    /** The space the last block asks for after it, and whether it is exactly that (after a heading). */
    private float after;
    private boolean exactly;

    public PdfColumn(PdfType type, float width) {
        this.type = type;
        this.width = width;
    }

    public PdfType type() {
        return type;
    }

    public float width() {
        return width;
    }

    public List<PdfBlock> blocks() {
        return List.copyOf(blocks);
    }

    /**
     * Adds a block, with the larger of its space before and the space the block above asks for
     * after it; right under a heading, with the heading's small gap.
     */
    public void add(PdfBlock block) {
        float space = exactly ? after : Math.max(after, block.spaceBefore());
        blocks.add(block.withSpaceBefore(space));
        after = 0;
        exactly = false;
    }

    /** The space after the last block: at least {@code space}, or exactly it. */
    public void spaceAfter(float space, boolean exactly) {
        this.after = space;
        this.exactly = exactly;
    }

    /** Adds a block made of {@code table}, never cut. */
    public void add(PdfPTable table, float spaceBefore) {
        add(PdfBlock.of(table, width, spaceBefore));
    }

    /** The last block goes on the same page as the next one. */
    public void keepWithNext() {
        blocks.set(blocks.size() - 1, blocks.getLast().keptWithNext());
    }

    public void heading(String text) {
        heading(text, type.heading());
    }

    /** A heading in {@code font}, kept with the block after it. */
    public void heading(String text, Font font) {
        PdfRows rows = new PdfRows(type, width, 0);
        rows.line(List.of(new Run(text, font)), 0);
        add(PdfBlock.of(rows.table(), width, type.headingGap()));
        keepWithNext();
        spaceAfter(type.afterHeading(), true);
    }

    public void paragraph(String text) {
        paragraph(List.of(new Run(text, type.body())));
    }

    public void paragraph(List<Run> runs) {
        text(null, runs, type.paragraphGap());
    }

    public void bullets(List<String> items, Font font) {
        for (int i = 0; i < items.size(); i++) {
            text(PdfRows.BULLET, List.of(new Run(items.get(i), font)), i == 0 ? type.paragraphGap() : type.itemGap());
        }
    }

    public void numbered(List<String> items) {
        for (int i = 0; i < items.size(); i++) {
            text((i + 1) + ".", List.of(new Run(items.get(i), type.body())), i == 0 ? type.paragraphGap()
                    : type.itemGap());
        }
    }

    /**
     * A paragraph (a list item when {@code marker} is not null). It is one block; if it is ever
     * taller than a page it is cut between sentences (inside one only when that sentence is taller
     * than a page), the parts after the first without the marker.
     */
    private void text(String marker, List<Run> runs, float spaceBefore) {
        PdfBlock.Layout<Run> layout = (some, continued) -> {
            PdfRows rows = new PdfRows(type, width, marker == null ? 0 : type.indent());
            if (marker == null) {
                rows.line(trimmed(some), 0);
            } else {
                rows.item(continued ? "" : marker, trimmed(some), 0);
            }
            return rows.table();
        };
        add(PdfBlock.cuttable(layout.table(runs, false), width, spaceBefore, () -> words(runs), layout));
    }

    /**
     * The words of {@code runs}, each with its trailing space; a word that starts a sentence is
     * an acceptable place to cut, any other only a last resort.
     */
    public static List<Unit<Run>> words(List<Run> runs) {
        StringBuilder all = new StringBuilder();
        runs.forEach(run -> all.append(run.text()));
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        sentences.setText(all.toString());
        Set<Integer> starts = new HashSet<>();
        for (int at = sentences.first(); at != BreakIterator.DONE; at = sentences.next()) {
            starts.add(at);
        }
        List<Unit<Run>> words = new ArrayList<>();
        int offset = 0;
        for (Run run : runs) {
            String text = run.text();
            if (run.whole()) {
                words.add(new Unit<>(run, starts.contains(offset) ? PdfBlock.ACCEPTABLE : PdfBlock.LAST_RESORT));
                offset += text.length();
                continue;
            }
            int start = 0;
            for (int i = 1; i <= text.length(); i++) {
                boolean end = i == text.length()
                        || Character.isWhitespace(text.charAt(i - 1)) && !Character.isWhitespace(text.charAt(i));
                if (end && i > start) {
                    words.add(new Unit<>(new Run(text.substring(start, i), run.font(), false),
                            starts.contains(offset + start) ? PdfBlock.ACCEPTABLE : PdfBlock.LAST_RESORT));
                    start = i;
                }
            }
            offset += text.length();
        }
        return words;
    }

    /** The runs without the space at either end (left where a part was cut). */
    private static List<Run> trimmed(List<Run> runs) {
        List<Run> out = new ArrayList<>(runs);
        if (!out.isEmpty()) {
            Run first = out.getFirst();
            out.set(0, new Run(first.text().stripLeading(), first.font(), first.whole()));
            Run last = out.getLast();
            out.set(out.size() - 1, new Run(last.text().stripTrailing(), last.font(), last.whole()));
        }
        return out;
    }

    /**
     * The runs as a phrase OpenPDF can set: neighbouring runs in one font become one chunk, and
     * each chunk is split into the fonts that have its characters ({@link PdfFonts}), a whole run's
     * parts never broken across lines. Text that must be shaped or runs right to left is set by
     * {@link PdfRows} instead; here it would come out unjoined, so use rows for text from records.
     */
    public static Phrase phrase(List<Run> runs) {
        Phrase phrase = new Phrase();
        StringBuilder text = new StringBuilder();
        Font font = null;
        // Neighbouring runs in one font become one chunk, so a cut part reads as the whole did.
        for (Run run : runs) {
            if (run.whole()) {
                if (font != null) {
                    add(phrase, text.toString(), font, false);
                    text.setLength(0);
                    font = null;
                }
                add(phrase, run.text(), run.font(), true);
                continue;
            }
            if (font != null && run.font() != font) {
                add(phrase, text.toString(), font, false);
                text.setLength(0);
            }
            font = run.font();
            text.append(run.text());
        }
        if (font != null) {
            add(phrase, text.toString(), font, false);
        }
        return phrase;
    }

    /** {@code text} in {@code font} and, for what it lacks, the fallback fonts. */
    private static void add(Phrase phrase, String text, Font font, boolean whole) {
        text = ShapedText.visible(ShapedText.normalized(text));
        PdfFonts fonts = PdfFonts.owner(font.getBaseFont());
        List<PdfFonts.Piece> pieces = fonts == null ? List.of() : fonts.pieces(text, font.getBaseFont());
        if (pieces.isEmpty() || pieces.size() == 1 && pieces.getFirst().face().base() == font.getBaseFont()) {
            Chunk chunk = new Chunk(text, font);
            phrase.add(whole ? chunk.setSplitCharacter(NEVER) : chunk);
            return;
        }
        for (PdfFonts.Piece piece : pieces) {
            Typeface face = piece.face();
            Chunk chunk = new Chunk(text.substring(piece.start(), piece.end()), face.base() == font.getBaseFont() ? font
                    : new Font(face.base(), font.getSize(), font.getStyle(), font.getColor()));
            if (face.isFauxBold()) {
                chunk.setTextRenderMode(PdfContentByte.TEXT_RENDER_MODE_FILL_STROKE, font.getSize() / 30, null);
            }
            phrase.add(whole ? chunk.setSplitCharacter(NEVER) : chunk);
        }
    }

    /** A cell holding nothing else: no border, no padding. */
    public static PdfPCell cell() {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        return cell;
    }

    /** A cell holding another table, which takes its width. */
    public static PdfPCell cell(PdfPTable table) {
        PdfPCell cell = new PdfPCell(table);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        return cell;
    }

    /**
     * A one-cell table framing {@code inside} with a {@code border} points wide, {@code padding}
     * inside it.
     */
    public static PdfPTable frame(PdfPTable inside, float border, float padding) {
        PdfPTable table = new PdfPTable(1);
        table.setWidthPercentage(100);
        PdfPCell cell = new PdfPCell(inside);
        cell.setBorderWidth(border);
        cell.setPadding(padding);
        cell.setUseBorderPadding(true);
        table.addCell(cell);
        return table;
    }

    /**
     * A cell at least as tall as {@code drawing} that draws it at its top left at its own size (as
     * an image it would be scaled to the cell, and the text in it with it).
     */
    public static PdfPCell drawing(PdfTemplate drawing) {
        PdfPCell cell = cell();
        cell.setMinimumHeight(drawing.getHeight());
        cell.setCellEvent((c, position, canvases) -> canvases[PdfPTable.BASECANVAS].addTemplate(drawing,
                position.getLeft(), position.getTop() - drawing.getHeight()));
        return cell;
    }

    /**
     * Greedy line breaking between whole items: as many items per line as fit in {@code width},
     * joined by {@code separator}, so that a phone number or a name is never broken in two.
     */
    public static List<String> lines(List<String> items, String separator, Font font, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String item : items) {
            String candidate = line.isEmpty() ? item : line + separator + item;
            if (line.isEmpty() || ShapedText.width(candidate, font) <= width) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(item);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
