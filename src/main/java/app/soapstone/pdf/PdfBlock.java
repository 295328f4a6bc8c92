package app.soapstone.pdf;

import org.openpdf.text.pdf.PdfPTable;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One piece of a printed column - a paragraph, a list item, a stretch, a box, a grid - as a table
 * of the column's width, measured once when it is made. {@link PdfPageFlow} never splits a block
 * across pages; it cuts a cuttable one (long text, the doctor box) only when it is taller than a
 * page or moving it on would leave most of the page empty, and then only where the block allows
 * ({@link Cuts}): between sentences, groups or lines.
 */
public final class PdfBlock {

    /**
     * How good a place is to cut a block: the latest place of the best rank that fits is used,
     * unless it leaves more than a fifth of the space empty and a lesser rank fills more.
     */
    public static final int PREFERRED = 2;
    public static final int ACCEPTABLE = 1;
    /** Only when nothing better fits on a whole page: inside a sentence that is itself taller than a page. */
    public static final int LAST_RESORT = 0;

    private final PdfPTable table;
    private final float height;
    private final float spaceBefore;
    private final boolean keepWithNext;
    private final Cuts<?> cuts;

    private PdfBlock(PdfPTable table, float height, float spaceBefore, boolean keepWithNext, Cuts<?> cuts) {
        this.table = table;
        this.height = height;
        this.spaceBefore = spaceBefore;
        this.keepWithNext = keepWithNext;
        this.cuts = cuts;
    }

    /** A block that is never cut. */
    public static PdfBlock of(PdfPTable table, float width, float spaceBefore) {
        return new PdfBlock(table, measure(table, width), spaceBefore, false, null);
    }

    /**
     * A block that may be cut between its units, laid out by {@code layout}; {@code units} are worked
     * out only if it is cut.
     */
    public static <T> PdfBlock cuttable(PdfPTable whole, float width, float spaceBefore, Supplier<List<Unit<T>>> units,
            Layout<T> layout) {
        return new PdfBlock(whole, measure(whole, width), spaceBefore, false,
                new Cuts<>(units, layout, width, false));
    }

    private static float measure(PdfPTable table, float width) {
        table.setTotalWidth(width);
        table.setLockedWidth(true);
        return table.getTotalHeight();
    }

    public PdfPTable table() {
        return table;
    }

    public float height() {
        return height;
    }

    public float spaceBefore() {
        return spaceBefore;
    }

    /** A heading, or an introduction to a list: the next block goes on the same page as this one. */
    public boolean keepWithNext() {
        return keepWithNext;
    }

    public PdfBlock keptWithNext() {
        return new PdfBlock(table, height, spaceBefore, true, cuts);
    }

    public PdfBlock withSpaceBefore(float space) {
        return new PdfBlock(table, height, space, keepWithNext, cuts);
    }

    public boolean cuttable() {
        return cuts != null;
    }

    /**
     * The first part of this block that fits in {@code available} points, cut at the best place,
     * and the rest; null when no part fits. {@code wholePage}: {@code available} is a whole page,
     * so a last-resort cut is allowed.
     */
    public Cut cut(float available, boolean wholePage) {
        return cuts == null ? null : cuts.cut(available, wholePage, this);
    }

    public record Cut(PdfBlock head, PdfBlock tail) {
    }

    /** A piece of a block, and how good a place the start of it is to cut the block. */
    public record Unit<T>(T value, int cutBefore) {
    }

    /** Lays out some units of a block as a table; {@code continued}: they are not the start of it. */
    public interface Layout<T> {
        PdfPTable table(List<T> units, boolean continued);
    }

    /** The units of a block (worked out only when it must be cut) and how to lay out a run of them. */
    private record Cuts<T>(Supplier<List<Unit<T>>> units, Layout<T> layout, float width, boolean continued) {

        Cut cut(float available, boolean wholePage, PdfBlock whole) {
            List<Unit<T>> all = units.get();
            PdfBlock head = null;
            int at = -1;
            for (int rank = PREFERRED; rank >= (wholePage ? LAST_RESORT : ACCEPTABLE); rank--) {
                List<Integer> places = new ArrayList<>();
                for (int i = 1; i < all.size(); i++) {
                    if (all.get(i).cutBefore() >= rank) {
                        places.add(i);
                    }
                }
                // Heights grow with the number of units, so the last place that fits is found by halving.
                int low = 0;
                int high = places.size() - 1;
                while (low <= high) {
                    int middle = (low + high) >>> 1;
                    int place = places.get(middle);
                    PdfBlock candidate = place <= at ? null : part(all.subList(0, place), whole.spaceBefore);
                    if (candidate == null || candidate.height <= available) {
                        if (candidate != null) {
                            head = candidate;
                            at = place;
                        }
                        low = middle + 1;
                    } else {
                        high = middle - 1;
                    }
                }
                // A better place is worth a little empty space at the foot of the page, not a fifth of it.
                if (head != null && head.height >= available * 0.8f) {
                    break;
                }
            }
            if (head == null) {
                return null;
            }
            List<Unit<T>> rest = List.copyOf(all.subList(at, all.size()));
            PdfPTable table = layout.table(values(rest), true);
            PdfBlock tail = new PdfBlock(table, measure(table, width), whole.spaceBefore, whole.keepWithNext,
                    new Cuts<>(() -> rest, layout, width, true));
            return new Cut(head, tail);
        }

        private PdfBlock part(List<Unit<T>> some, float spaceBefore) {
            PdfPTable table = layout.table(values(some), continued);
            return new PdfBlock(table, measure(table, width), spaceBefore, false, null);
        }

        private static <T> List<T> values(List<Unit<T>> units) {
            return units.stream().map(Unit::value).toList();
        }
    }
}
