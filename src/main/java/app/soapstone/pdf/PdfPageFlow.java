package app.soapstone.pdf;

import app.soapstone.pdf.PdfBlock.Cut;
import org.openpdf.text.Document;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfWriter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Puts a column of blocks on pages, all breaks decided before anything is drawn: a block that does
 * not fit on the rest of a page goes to the next one, taking with it the headings before it; only a
 * block taller than a whole page is cut, where it allows.
 */
public final class PdfPageFlow {

    private PdfPageFlow() {
    }

    /** The blocks of each page, in order; {@code pageHeight} is the height of the text area. */
    public static List<List<PdfBlock>> paginate(List<PdfBlock> blocks, float pageHeight) {
        List<List<PdfBlock>> pages = new ArrayList<>();
        List<PdfBlock> page = new ArrayList<>();
        float used = 0;
        Deque<PdfBlock> queue = new ArrayDeque<>(blocks);
        while (!queue.isEmpty()) {
            PdfBlock block = queue.pollFirst();
            float gap = page.isEmpty() ? 0 : block.spaceBefore();
            if (used + gap + block.height() <= pageHeight) {
                page.add(block);
                used += gap + block.height();
                continue;
            }
            int kept = page.size();
            float keptHeight = used;
            while (kept > 0 && page.get(kept - 1).keepWithNext()) {
                kept--;
                keptHeight -= page.get(kept).height() + (kept == 0 ? 0 : page.get(kept).spaceBefore());
            }
            // Cut what is taller than a page, or what, moved on, would leave a fifth of this page or more
            // empty: a long note or the doctor box continues on the next page rather than leave a gap.
            float left = pageHeight - used - gap;
            if (block.cuttable() && (block.height() > pageHeight || keptHeight < pageHeight / 3
                    || left >= pageHeight / 5)) {
                // Only headings before it on this page: a cut inside a sentence is allowed, nothing better will come.
                Cut cut = block.cut(left, kept == 0);
                if (cut != null) {
                    page.add(cut.head());
                    used += gap + cut.head().height();
                    queue.addFirst(cut.tail());
                    continue;
                }
            }
            if (page.isEmpty()) {
                // Taller than a page and not cuttable: no content the plan is made of gives one; print it as it is.
                pages.add(List.of(block));
                continue;
            }
            // To the next page, with the headings before it (unless they are all this page holds).
            queue.addFirst(block);
            if (kept > 0) {
                List<PdfBlock> moved = page.subList(kept, page.size());
                for (int i = moved.size() - 1; i >= 0; i--) {
                    queue.addFirst(moved.get(i));
                }
                moved.clear();
            }
            pages.add(page);
            page = new ArrayList<>();
            used = 0;
        }
        if (!page.isEmpty()) {
            pages.add(page);
        }
        return pages;
    }

    /**
     * Draws the pages with their tops at {@code top} and left edges at {@code left}, then calls
     * {@code footer} with each page's canvas and number (from 1).
     */
    public static void draw(List<List<PdfBlock>> pages, Document document, PdfWriter writer, float left, float top,
            BiConsumer<PdfContentByte, Integer> footer) {
        for (int i = 0; i < pages.size(); i++) {
            if (i > 0) {
                document.newPage();
            }
            PdfContentByte canvas = writer.getDirectContent();
            float y = top;
            boolean first = true;
            for (PdfBlock block : pages.get(i)) {
                if (!first) {
                    y -= block.spaceBefore();
                }
                block.table().writeSelectedRows(0, -1, left, y, canvas);
                y -= block.height();
                first = false;
            }
            footer.accept(canvas, i + 1);
        }
    }
}
