package app.soapstone.audit;

import app.soapstone.shell.Screen;
import app.soapstone.shell.Tables;
import app.soapstone.validation.Fields;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** {@code audit list}. */
@Component
class AuditCommands {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AuditLog log;
    private final Screen screen;
    private final Clock clock;

    AuditCommands(AuditLog log, Screen screen, Clock clock) {
        this.log = log;
        this.screen = screen;
        this.clock = clock;
    }

    @Command(name = "audit list", group = "Records and data",
            description = "Show the audit trail: who changed, signed or exported what, and when")
    String list(@Option(longName = "client", description = "Only events for this client") Long client,
            @Option(longName = "since", description = "From this date on, YYYY-MM-DD") String since,
            @Option(longName = "limit", description = "At most this many of the newest events (default 200)") Integer limit) {
        LocalDate from = since == null ? null : Fields.pastDate("since", since, LocalDate.now(clock));
        int max = limit == null ? 200 : Fields.wholeNumber("limit", String.valueOf(limit), 1, 100_000);
        List<AuditLog.Event> events = log.events(client, from == null ? null
                : from.atStartOfDay(clock.getZone()).toInstant(), max);
        if (events.isEmpty()) {
            return "No audit events.";
        }
        return Tables.render(List.of("When", "Who", "Action", "Record", "Client", "Summary"), events.stream()
                .map(e -> List.of(WHEN.format(e.at().atZone(ZoneId.systemDefault())),
                        e.who(), e.action(),
                        e.recordType() + (e.recordId() == null ? "" : " " + e.recordId()),
                        e.clientId() == null ? "" : e.clientId().toString(), e.summary()))
                .toList(), screen.width());
    }
}
