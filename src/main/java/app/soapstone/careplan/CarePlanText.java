package app.soapstone.careplan;

import app.soapstone.careplan.CarePlan.Food;
import app.soapstone.careplan.CarePlan.Group;
import app.soapstone.careplan.CarePlan.Massage;
import app.soapstone.careplan.CarePlan.Point;
import app.soapstone.careplan.CarePlanTemplates.Stretch;
import app.soapstone.validation.Fields;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A care plan or see-a-doctor sheet as plain text, for {@code plan preview}: the same content as
 * the PDF, in the same order.
 */
final class CarePlanText {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    static final DateTimeFormatter APPOINTMENT = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.ENGLISH);

    /** The next appointment as the plan says it: "Tuesday 1 December 2026 at 14:30 with Sam Ng". */
    static String appointment(CarePlan.Next next) {
        return APPOINTMENT.format(next.appointment()) + (next.with() == null ? "" : " with " + next.with());
    }

    private CarePlanText() {
    }

    static String render(Handout handout) {
        StringBuilder out = new StringBuilder();
        letterhead(out, handout);
        switch (handout) {
            case CarePlan plan -> plan(out, plan);
            case DoctorSheet sheet -> sheet(out, sheet);
        }
        return out.toString().stripTrailing();
    }

    private static void letterhead(StringBuilder out, Handout handout) {
        var head = handout.letterhead();
        out.append(head.clinicName()).append('\n').append(head.address()).append(" | ").append(head.phone());
        if (head.email() != null) {
            out.append(" | ").append(head.email());
        }
        if (head.website() != null) {
            out.append(" | ").append(head.website());
        }
        out.append("\n\n").append(handout.title().toUpperCase(Locale.ROOT)).append('\n')
                .append("For ").append(handout.clientName()).append(", ")
                .append(CarePlanComposer.LONG_DATE.format(handout.date()))
                .append(", from ").append(head.practitioner()).append('\n');
    }

    private static void plan(StringBuilder out, CarePlan plan) {
        if (plan.cleared() != null) {
            out.append("\n! ").append(plan.cleared().heading()).append('\n');
            plan.cleared().lines().forEach(line -> out.append("   ").append(line).append('\n'));
        }
        if (plan.doctor().first()) {
            doctor(out, plan.doctor());
        }
        out.append('\n').append(plan.intro()).append('\n').append(plan.evidence()).append('\n');
        if (plan.keepSafe() != null) {
            heading(out, plan.keepSafe().heading());
            plan.keepSafe().cautions().forEach(line -> out.append("- ").append(line).append('\n'));
            if (plan.keepSafe().contacts() != null) {
                out.append(plan.keepSafe().contacts()).append('\n');
            }
        }

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

        if (!plan.selfMassage().items().isEmpty()) {
            heading(out, plan.selfMassage().heading());
            out.append(plan.selfMassage().intro()).append('\n');
            for (Massage massage : plan.selfMassage().items()) {
                out.append("- ").append(massage.title()).append(": ").append(massage.how());
                if (massage.howLong() != null) {
                    out.append(" How long: ").append(massage.howLong()).append('.');
                }
                out.append('\n');
            }
        }

        numbered(out, plan.duringACramp().heading(), plan.duringACramp().items());
        if (plan.advice() != null && !plan.advice().items().isEmpty()) {
            heading(out, plan.advice().heading());
            plan.advice().items().forEach(line -> out.append("- ").append(line).append('\n'));
        }

        heading(out, plan.hydration().heading());
        out.append(plan.hydration().restricted() ? "" : "Daily target: ").append(plan.hydration().target()).append('\n');
        if (plan.hydration().current() != null) {
            out.append(plan.hydration().current()).append('\n');
        }
        plan.hydration().tips().forEach(tip -> out.append("- ").append(tip).append('\n'));

        heading(out, plan.foods().heading());
        for (Food food : plan.foods().items()) {
            out.append(food.label() == null ? "" : food.label() + ": ").append(food.text()).append('\n');
        }

        if (!plan.doctor().first()) {
            doctor(out, plan.doctor());
        }

        heading(out, plan.log().heading());
        out.append(String.format("%-12s", ""));
        plan.log().rows().forEach(row -> out.append(row).append("  "));
        out.append('\n');
        for (int day = 0; day < plan.log().days(); day++) {
            LocalDate date = plan.log().firstDay().plusDays(day);
            out.append(String.format("%-12s", DAY.format(date)));
            plan.log().rows().forEach(row -> out.append(String.format("%-" + (row.length() + 2) + "s", "[ ]")));
            out.append('\n');
        }

        if (plan.progress() != null) {
            heading(out, plan.progress().heading());
            for (Point point : plan.progress().points()) {
                out.append(CarePlanComposer.LONG_DATE.format(point.date())).append("  ")
                        .append(Fields.number(Math.round(point.value() * 10) / 10.0)).append(' ')
                        .append(lowerFirst(plan.progress().axis())).append('\n');
            }
        }

        heading(out, plan.next().heading());
        out.append(plan.next().appointment() == null ? plan.next().none() : appointment(plan.next())).append('\n');
        if (plan.next().note() != null) {
            out.append('\n').append(plan.next().noteHeading()).append(":\n").append(plan.next().note()).append('\n');
        }
    }

    private static void sheet(StringBuilder out, DoctorSheet sheet) {
        out.append('\n').append(sheet.intro()).append('\n');
        sheet.symptoms().forEach(symptom -> out.append("- ").append(symptom).append('\n'));
        out.append('\n').append(sheet.why()).append("\n\n").append(sheet.noHomeCare()).append('\n');
        heading(out, sheet.tellHeading());
        sheet.tell().forEach(line -> out.append("- ").append(line).append('\n'));
        group(out, sheet.emergency());
        out.append('\n').append(sheet.contact()).append('\n');
    }

    private static void doctor(StringBuilder out, CarePlan.Doctor doctor) {
        heading(out, doctor.heading());
        doctor.now().forEach(line -> out.append("* ").append(line).append('\n'));
        doctor.groups().forEach(group -> group(out, group));
    }

    private static void group(StringBuilder out, Group group) {
        out.append('\n').append(group.heading()).append('\n');
        group.lines().forEach(line -> out.append("- ").append(line).append('\n'));
    }

    private static void numbered(StringBuilder out, String heading, List<String> items) {
        heading(out, heading);
        int number = 1;
        for (String item : items) {
            out.append(number++).append(". ").append(item).append('\n');
        }
    }

    private static void heading(StringBuilder out, String heading) {
        out.append('\n').append(heading.toUpperCase(Locale.ROOT)).append('\n');
    }

    static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
