package app.soapstone.careplan;

import app.soapstone.careplan.CarePlan.Alert;
import app.soapstone.careplan.CarePlan.Point;
import app.soapstone.careplan.CarePlanTemplates.Stretch;
import app.soapstone.careplan.CarePlanTemplates.Technique;
import app.soapstone.validation.Fields;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** A care plan as plain text, for {@code plan preview}: the same content as the PDF, in the same order. */
final class CarePlanText {

    static final DateTimeFormatter NIGHT = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    static final DateTimeFormatter APPOINTMENT = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.ENGLISH);

    private CarePlanText() {
    }

    static String render(CarePlan plan) {
        StringBuilder out = new StringBuilder();
        var head = plan.letterhead();
        out.append(head.clinicName()).append('\n').append(head.address()).append(" | ").append(head.phone());
        if (head.email() != null) {
            out.append(" | ").append(head.email());
        }
        if (head.website() != null) {
            out.append(" | ").append(head.website());
        }
        out.append("\n\n").append(plan.title().toUpperCase(Locale.ROOT)).append('\n')
                .append("For ").append(plan.clientName()).append(", ").append(plan.date())
                .append(", from ").append(head.practitioner()).append('\n');
        for (Alert alert : plan.alerts()) {
            out.append('\n').append(alert.urgent() ? "!! " : "! ").append(alert.heading()).append("\n   ")
                    .append(alert.text()).append('\n');
        }
        out.append('\n').append(plan.intro()).append('\n');

        heading(out, plan.stretches().heading());
        out.append(plan.stretches().intro()).append('\n');
        int number = 1;
        for (Stretch stretch : plan.stretches().items()) {
            out.append('\n').append(number++).append(". ").append(stretch.title()).append(" (").append(stretch.position())
                    .append(")\n");
            int step = 1;
            for (String line : stretch.steps()) {
                out.append("   ").append(step++).append(") ").append(line).append('\n');
            }
            out.append("   Hold ").append(stretch.hold()).append("; ").append(stretch.repetitions()).append(". ")
                    .append(stretch.howOften()).append(", ").append(lowerFirst(stretch.when())).append(".\n")
                    .append("   Caution: ").append(stretch.caution()).append('\n');
        }

        heading(out, plan.selfMassage().heading());
        out.append(plan.selfMassage().intro()).append('\n');
        for (Technique technique : plan.selfMassage().items()) {
            out.append("- ").append(technique.title()).append(": ").append(technique.how()).append(" (")
                    .append(technique.howLong()).append(")\n");
        }

        heading(out, plan.duringACramp().heading());
        number = 1;
        for (String step : plan.duringACramp().items()) {
            out.append(number++).append(". ").append(step).append('\n');
        }

        heading(out, plan.hydration().heading());
        out.append(plan.hydration().restricted() ? "" : "Daily target: ").append(plan.hydration().target()).append('\n');
        if (plan.hydration().current() != null) {
            out.append(plan.hydration().current()).append('\n');
        }
        plan.hydration().tips().forEach(tip -> out.append("- ").append(tip).append('\n'));

        heading(out, plan.foods().heading());
        out.append("Potassium: ").append(plan.foods().potassium()).append('\n')
                .append("Calcium: ").append(plan.foods().calcium()).append('\n')
                .append("Caution: ").append(plan.foods().caution()).append('\n');

        heading(out, plan.doctor().heading());
        out.append(plan.doctor().intro()).append('\n');
        plan.doctor().redFlags().forEach(flag -> out.append("- ").append(flag).append('\n'));
        plan.doctor().personal().forEach(line -> out.append("* ").append(line).append('\n'));

        if (plan.progress() != null) {
            heading(out, plan.progress().heading());
            for (Point point : plan.progress().points()) {
                out.append(point.date()).append("  ").append(Fields.number(Math.round(point.value() * 10) / 10.0))
                        .append(' ').append(lowerFirst(plan.progress().axis())).append('\n');
            }
        }

        heading(out, plan.log().heading());
        out.append(String.format("%-12s", "Night"));
        plan.log().columns().forEach(c -> out.append(String.format("%-" + (c.length() + 2) + "s", c)));
        out.append('\n');
        for (int night = 0; night < plan.log().nights(); night++) {
            LocalDate date = plan.log().firstNight().plusDays(night);
            out.append(String.format("%-12s", NIGHT.format(date)));
            plan.log().columns().forEach(c -> out.append(String.format("%-" + (c.length() + 2) + "s", "[ ]")));
            out.append('\n');
        }

        heading(out, plan.next().heading());
        out.append(plan.next().appointment() == null ? "Book your next visit with the clinic."
                : APPOINTMENT.format(plan.next().appointment())).append('\n');
        if (plan.next().note() != null) {
            out.append('\n').append(plan.next().noteHeading()).append(":\n").append(plan.next().note()).append('\n');
        }
        return out.toString().stripTrailing();
    }

    private static void heading(StringBuilder out, String heading) {
        out.append('\n').append(heading.toUpperCase(Locale.ROOT)).append('\n');
    }

    static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
