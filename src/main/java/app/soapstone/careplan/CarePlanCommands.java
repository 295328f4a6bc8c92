package app.soapstone.careplan;

import app.soapstone.careplan.CarePlanPdf.Paper;
import app.soapstone.validation.Fields;
import app.soapstone.validation.InvalidInputException;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.List;

/** {@code plan export} and {@code plan preview}. */
@Component
class CarePlanCommands {

    private static final String GROUP = "Care plans";
    private static final DateTimeFormatter NEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm")
            .withResolverStyle(ResolverStyle.STRICT);

    private final CarePlanService plans;
    private final Clock clock;

    CarePlanCommands(CarePlanService plans, Clock clock) {
        this.plans = plans;
        this.clock = clock;
    }

    @Command(name = "plan export", group = GROUP,
            description = "Write the client's take-home care plan as a PDF (default <last>-<first>-care-plan-<date>.pdf here)")
    String export(@Option(longName = "client", required = true, description = "Client id") long client,
            @Option(longName = "session", description = "Session whose Plan goes on the care plan (default: the latest)") Long session,
            @Option(longName = "out", description = "File or folder to write to") String out,
            @Option(longName = "stretches", description = "Stretch ids instead of the automatic choice, e.g. soleus-wall,hamstring-towel") String stretches,
            @Option(longName = "water-litres", description = "Daily water target in litres, instead of the default") Double waterLitres,
            @Option(longName = "paper", description = "Paper size (default a4)") Paper paper,
            @Option(longName = "next", description = "Next appointment, \"YYYY-MM-DD HH:MM\"") String next,
            @Option(longName = "force", description = "Replace the file if it exists") boolean force) {
        CarePlanService.Exported exported = plans.export(client, session, options(stretches, waterLitres, next), out,
                paper == null ? Paper.A4 : paper, force);
        return "Wrote " + exported.file() + " (" + exported.bytes() / 1024 + " KB, SHA-256 " + exported.sha256() + ")";
    }

    @Command(name = "plan preview", group = GROUP, description = "Show the client's care plan as text")
    String preview(@Option(longName = "client", required = true, description = "Client id") long client,
            @Option(longName = "session", description = "Session whose Plan goes on the care plan (default: the latest)") Long session,
            @Option(longName = "stretches", description = "Stretch ids instead of the automatic choice") String stretches,
            @Option(longName = "water-litres", description = "Daily water target in litres") Double waterLitres,
            @Option(longName = "next", description = "Next appointment, \"YYYY-MM-DD HH:MM\"") String next) {
        return plans.preview(client, session, options(stretches, waterLitres, next));
    }

    private PlanOptions options(String stretches, Double waterLitres, String next) {
        List<String> ids = stretches == null ? null
                : Arrays.stream(stretches.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (ids != null && ids.isEmpty()) {
            throw InvalidInputException.forField("stretches", "give one or more stretch ids");
        }
        Double litres = waterLitres == null ? null : Fields.decimal("water-litres", String.valueOf(waterLitres), 0.5, 6);
        return new PlanOptions(ids, litres, next == null ? null : appointment(next));
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
