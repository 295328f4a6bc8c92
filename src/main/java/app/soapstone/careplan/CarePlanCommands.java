package app.soapstone.careplan;

import app.soapstone.pdf.Paper;
import app.soapstone.pdf.Print;
import app.soapstone.printing.Destination;
import app.soapstone.validation.DateTimes;
import app.soapstone.validation.Fields;
import app.soapstone.validation.InvalidInputException;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/** {@code plan export}, {@code plan print} and {@code plan preview}. */
@Component
class CarePlanCommands {

    private static final String GROUP = "Care plans";
    private static final DateTimeFormatter NEXT = DateTimes.MINUTE;
    static final int MAX_MASSAGE_MINUTES = 60;
    private static final String NEXT_DESCRIPTION = "Next appointment, \"YYYY-MM-DD HH:MM\""
            + " (default: the next one booked in the appointment book)";

    private final CarePlanService plans;
    private final Clock clock;

    CarePlanCommands(CarePlanService plans, Clock clock) {
        this.plans = plans;
        this.clock = clock;
    }

    @Command(name = "plan export", group = GROUP,
            description = "Write the client's take-home care plan as a PDF (default <last>-<first>-care-plan-<date>.pdf here)",
            help = """
                    The plan follows the client's screening: items that are unsafe for them are left out or replaced,
                    and cautions, contacts and doctor lines are added; one line per change is printed here and kept
                    with the export. While an urgent referral is not cleared (intake clear), a one-page "see a doctor
                    today" sheet is written instead, whatever the options.""")
    String export(@Option(longName = "client", required = true, description = "Client id") long client,
            @Option(longName = "session", description = "Session whose Plan goes on the care plan (default: the latest)") Long session,
            @Option(longName = "out", description = "File or folder to write to") String out,
            @Option(longName = "stretches", description = "Stretch ids instead of the automatic choice, e.g. soleus-wall,hamstring-towel") String stretches,
            @Option(longName = "water-litres", description = "Daily water target in litres, instead of the default") Double waterLitres,
            @Option(longName = "massage-minutes", description = "Self-massage minutes a day for each leg, 1-60 (default: the session's --home-massage-minutes)") Integer massageMinutes,
            @Option(longName = "paper", description = "Paper size (default a4)") Paper paper,
            @Option(longName = "large-print", description = "16 pt text, nothing under 14 pt (default 14 pt, nothing under 12 pt)") boolean largePrint,
            @Option(longName = "next", description = NEXT_DESCRIPTION) String next,
            @Option(longName = "force", description = "Replace the file if it exists") boolean force,
            @Option(longName = "print", description = "Print it too, on the default printer or --printer") boolean print,
            @Option(longName = "printer", description = "Print it too, on this printer (see 'printer list')") String printer) {
        PlanOptions plan = options(stretches, waterLitres, next, massageMinutes);
        Paper size = paper == null ? Paper.A4 : paper;
        Print type = largePrint ? Print.LARGE : Print.STANDARD;
        CarePlanService.Exported exported = plans.give(client, session, plan, size, type,
                Destination.file(out, force, print, printer));
        return summary(client, exported.handout()) + "Wrote " + exported.file() + " (" + exported.bytes() / 1024
                + " KB, SHA-256 " + exported.sha256() + ")"
                + (exported.printer() == null ? "" : "\nSent it to the printer " + exported.printer());
    }

    @Command(name = "plan print", group = GROUP,
            description = "Print the client's take-home care plan on the default printer or --printer (see 'printer list')",
            help = """
                    The same plan as 'plan export' (or, while an urgent referral is not cleared, the "see a doctor
                    today" sheet), sent to the printer as a PDF without writing a file. The printed copy is recorded
                    with the client (client show); nothing is recorded if there is no printer or it refuses the job.""")
    String print(@Option(longName = "client", required = true, description = "Client id") long client,
            @Option(longName = "session", description = "Session whose Plan goes on the care plan (default: the latest)") Long session,
            @Option(longName = "printer", description = "Printer name (default: the default printer)") String printer,
            @Option(longName = "stretches", description = "Stretch ids instead of the automatic choice, e.g. soleus-wall,hamstring-towel") String stretches,
            @Option(longName = "water-litres", description = "Daily water target in litres, instead of the default") Double waterLitres,
            @Option(longName = "massage-minutes", description = "Self-massage minutes a day for each leg, 1-60 (default: the session's --home-massage-minutes)") Integer massageMinutes,
            @Option(longName = "paper", description = "Paper size (default a4)") Paper paper,
            @Option(longName = "large-print", description = "16 pt text, nothing under 14 pt (default 14 pt, nothing under 12 pt)") boolean largePrint,
            @Option(longName = "next", description = NEXT_DESCRIPTION) String next) {
        CarePlanService.Exported printed = plans.give(client, session,
                options(stretches, waterLitres, next, massageMinutes), paper == null ? Paper.A4 : paper,
                largePrint ? Print.LARGE : Print.STANDARD, Destination.printer(printer));
        return summary(client, printed.handout()) + "Sent the "
                + (printed.handout() instanceof DoctorSheet ? "see-a-doctor sheet" : "care plan") + " to the printer "
                + printed.printer() + " (" + printed.bytes() / 1024 + " KB, SHA-256 " + printed.sha256() + ")";
    }

    @Command(name = "plan preview", group = GROUP, description = "Show the client's care plan as text, after what the screening changed")
    String preview(@Option(longName = "client", required = true, description = "Client id") long client,
            @Option(longName = "session", description = "Session whose Plan goes on the care plan (default: the latest)") Long session,
            @Option(longName = "stretches", description = "Stretch ids instead of the automatic choice") String stretches,
            @Option(longName = "water-litres", description = "Daily water target in litres") Double waterLitres,
            @Option(longName = "massage-minutes", description = "Self-massage minutes a day for each leg, 1-60") Integer massageMinutes,
            @Option(longName = "next", description = NEXT_DESCRIPTION) String next) {
        Handout handout = plans.compose(client, session, options(stretches, waterLitres, next, massageMinutes));
        return summary(client, handout) + "\n" + plans.text(handout);
    }

    /** What the therapist must know before handing it over: the sheet in place of a plan, and each adaptation. */
    private static String summary(long client, Handout handout) {
        StringBuilder out = new StringBuilder();
        if (handout instanceof DoctorSheet) {
            out.append("Urgent referral not cleared: this is a one-page \"see a doctor today\" sheet instead of the"
                    + " care plan (no stretches or self-massage).\n");
        } else if (!handout.adaptations().isEmpty()) {
            out.append("Adapted to the screening:\n");
        }
        handout.adaptations().forEach(line -> out.append("  ").append(line).append('\n'));
        if (handout instanceof DoctorSheet) {
            out.append("Record the doctor's clearance with 'intake clear --client ").append(client)
                    .append(" --note \"...\"' to print the care plan.\n");
        }
        return out.toString();
    }

    private PlanOptions options(String stretches, Double waterLitres, String next, Integer massageMinutes) {
        List<String> ids = stretches == null ? null
                : Arrays.stream(stretches.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (ids != null && ids.isEmpty()) {
            throw InvalidInputException.forField("stretches", "give one or more stretch ids");
        }
        Double litres = waterLitres == null ? null : Fields.decimal("water-litres", String.valueOf(waterLitres), 0.5, 6);
        Integer minutes = massageMinutes == null ? null
                : Fields.wholeNumber("massage-minutes", String.valueOf(massageMinutes), 1, MAX_MASSAGE_MINUTES);
        return new PlanOptions(ids, litres, next == null ? null : appointment(next), minutes);
    }

    private LocalDateTime appointment(String text) {
        LocalDateTime when;
        try {
            when = LocalDateTime.parse(text.strip(), NEXT);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.forField("next", text.strip() + " is not a date and time (use \"YYYY-MM-DD HH:MM\")");
        }
        if (when.isBefore(LocalDateTime.now(clock))) {
            throw InvalidInputException.forField("next", text.strip() + " is in the past");
        }
        return when;
    }
}
