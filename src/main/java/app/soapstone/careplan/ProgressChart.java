package app.soapstone.careplan;

import app.soapstone.careplan.CarePlan.Point;
import app.soapstone.pdf.PdfType;
import app.soapstone.validation.Fields;
import org.openpdf.text.Element;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfTemplate;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cramps per week over time, as a line with a dot at each date. Drawn at its own size, never
 * scaled, so its labels keep their type size (the smallest allowed). With many dates, values and
 * dates are labelled only where the labels do not touch; the first and the last always are.
 */
final class ProgressChart {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final float DOT = 3.5f;

    private ProgressChart() {
    }

    /** A chart {@code width} wide; its height follows the type size. */
    static PdfTemplate draw(PdfContentByte canvas, List<Point> points, PdfType type, float width) {
        float size = type.minimum();
        BaseFont regular = type.regularFace();
        BaseFont bold = type.boldFace();
        float ascent = regular.getFontDescriptor(BaseFont.ASCENT, size);
        float descent = -regular.getFontDescriptor(BaseFont.DESCENT, size);
        float height = type.size() * 10;
        PdfTemplate t = canvas.createTemplate(width, height);

        double top = roundedUp(points.stream().mapToDouble(Point::value).max().orElse(1));
        String topLabel = Fields.number(Math.round(top * 1000) / 1000.0);
        List<String> values = points.stream().map(p -> Fields.number(Math.round(p.value() * 10) / 10.0)).toList();
        List<String> dates = points.stream().map(p -> DATE.format(p.date())).toList();

        float axisX = Math.max(regular.getWidthPoint("0", size), regular.getWidthPoint(topLabel, size)) + size * 0.5f;
        float widest = 0;
        for (int i = 0; i < points.size(); i++) {
            widest = Math.max(widest, Math.max(bold.getWidthPoint(values.get(i), size),
                    regular.getWidthPoint(dates.get(i), size)));
        }
        // The first and last labels are centred on their points and must stay inside the chart.
        float inset = widest / 2 + 3;
        float left = axisX + inset;
        float right = width - inset;
        float dateBaseline = descent + 1;
        float bottom = dateBaseline + ascent + size * 0.6f;
        float plotTop = height - (ascent + descent + 8);

        t.setGrayStroke(0.75f);
        t.setLineWidth(0.6f);
        t.moveTo(axisX, plotTop);
        t.lineTo(width, plotTop);
        t.stroke();
        t.setGrayStroke(0);
        t.setLineWidth(0.9f);
        t.moveTo(axisX, plotTop);
        t.lineTo(axisX, bottom);
        t.lineTo(width, bottom);
        t.stroke();
        t.setGrayFill(0);
        text(t, regular, size, "0", axisX - size * 0.4f, bottom - ascent * 0.35f, Element.ALIGN_RIGHT);
        text(t, regular, size, topLabel, axisX - size * 0.4f, plotTop - ascent * 0.35f, Element.ALIGN_RIGHT);

        long span = Math.max(1, ChronoUnit.DAYS.between(points.getFirst().date(), points.getLast().date()));
        float[] x = new float[points.size()];
        float[] y = new float[points.size()];
        for (int i = 0; i < points.size(); i++) {
            long days = ChronoUnit.DAYS.between(points.getFirst().date(), points.get(i).date());
            x[i] = left + (right - left) * days / span;
            y[i] = bottom + (float) (Math.max(0, points.get(i).value()) / top) * (plotTop - bottom);
        }
        t.setLineWidth(2);
        t.setLineJoin(PdfContentByte.LINE_JOIN_ROUND);
        for (int i = 0; i < x.length; i++) {
            if (i == 0) {
                t.moveTo(x[i], y[i]);
            } else {
                t.lineTo(x[i], y[i]);
            }
        }
        t.stroke();
        for (int i = 0; i < x.length; i++) {
            t.circle(x[i], y[i], DOT);
            t.fill();
        }

        float gap = size * 0.8f;
        List<float[]> dateBoxes = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            float w = regular.getWidthPoint(dates.get(i), size);
            dateBoxes.add(new float[] {x[i] - w / 2, 0, x[i] + w / 2, dateBaseline + ascent});
        }
        List<float[]> valueBoxes = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            float w = bold.getWidthPoint(values.get(i), size);
            float base = y[i] + DOT + 2;
            valueBoxes.add(new float[] {x[i] - w / 2, base, x[i] + w / 2, base + descent + ascent});
        }
        for (int i : shown(valueBoxes, gap)) {
            float[] box = valueBoxes.get(i);
            // Paper under the number, so the line does not run through it.
            t.setGrayFill(1);
            t.rectangle(box[0] - 1.5f, box[1], box[2] - box[0] + 3, box[3] - box[1]);
            t.fill();
            t.setGrayFill(0);
            text(t, bold, size, values.get(i), x[i], box[1] + descent, Element.ALIGN_CENTER);
        }
        for (int i : shown(dateBoxes, gap)) {
            text(t, regular, size, dates.get(i), x[i], dateBaseline, Element.ALIGN_CENTER);
        }
        return t;
    }

    /**
     * The labels to print, by index: the first and the last, and in between each one that keeps
     * {@code gap} clear of every label already chosen.
     */
    static List<Integer> shown(List<float[]> boxes, float gap) {
        List<Integer> shown = new ArrayList<>();
        int last = boxes.size() - 1;
        shown.add(0);
        if (last > 0) {
            shown.add(last);
        }
        for (int i = 1; i < last; i++) {
            float[] box = boxes.get(i);
            if (shown.stream().noneMatch(j -> touch(box, boxes.get(j), gap))) {
                shown.add(i);
            }
        }
        return shown;
    }

    private static boolean touch(float[] a, float[] b, float gap) {
        return a[0] < b[2] + gap && b[0] < a[2] + gap && a[1] < b[3] + gap / 2 && b[1] < a[3] + gap / 2;
    }

    /** The top of the scale: the largest value rounded up to 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten. */
    static double roundedUp(double value) {
        if (value <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8}) {
            if (step * power >= value - 1e-9) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static void text(PdfTemplate t, BaseFont font, float size, String text, float x, float y, int align) {
        t.beginText();
        t.setFontAndSize(font, size);
        t.showTextAligned(align, text, x, y, 0);
        t.endText();
    }
}
