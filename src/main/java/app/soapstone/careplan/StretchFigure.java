package app.soapstone.careplan;

import app.soapstone.careplan.CarePlanTemplates.Figure;
import app.soapstone.careplan.CarePlanTemplates.Prop;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfTemplate;

import java.util.List;
import java.util.Map;

/**
 * The stick figure of a stretch, drawn from its template's joints: the body in heavy black lines,
 * props (wall, floor, chair) in grey, a towel or band dashed.
 */
final class StretchFigure {

    static final float WIDTH = 100;
    static final float HEIGHT = 80;
    private static final float PAD = 4;

    private StretchFigure() {
    }

    static PdfTemplate draw(PdfContentByte canvas, Figure figure) {
        PdfTemplate template = canvas.createTemplate(WIDTH, HEIGHT);
        Map<String, List<Double>> joints = figure.joints();
        template.setLineCap(PdfContentByte.LINE_CAP_ROUND);
        template.setLineJoin(PdfContentByte.LINE_JOIN_ROUND);
        if (figure.props() != null) {
            for (Prop prop : figure.props()) {
                boolean dashed = Boolean.TRUE.equals(prop.dashed());
                template.saveState();
                template.setLineWidth(dashed ? 1.4f : 1.1f);
                template.setGrayStroke(dashed ? 0.2f : 0.5f);
                if (dashed) {
                    template.setLineDash(3, 2, 0);
                }
                template.moveTo(x(prop.from()), y(prop.from()));
                template.lineTo(x(prop.to()), y(prop.to()));
                template.stroke();
                template.restoreState();
            }
        }
        template.setLineWidth(2.6f);
        template.setGrayStroke(0);
        for (List<String> line : figure.lines()) {
            List<Double> from = joints.get(line.get(0));
            List<Double> to = joints.get(line.get(1));
            template.moveTo(x(from), y(from));
            template.lineTo(x(to), y(to));
        }
        template.stroke();
        if (figure.head() != null) {
            List<Double> head = joints.get(figure.head());
            template.setGrayFill(0);
            template.circle(x(head), y(head), HEIGHT * 0.065f);
            template.fill();
        }
        return template;
    }

    private static float x(List<Double> point) {
        return PAD + point.get(0).floatValue() * (WIDTH - 2 * PAD);
    }

    private static float y(List<Double> point) {
        return PAD + point.get(1).floatValue() * (HEIGHT - 2 * PAD);
    }
}
