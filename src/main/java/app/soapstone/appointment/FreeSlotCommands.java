package app.soapstone.appointment;

import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code appointment free}: a practitioner's next free starts, as TAB offers them after {@code --at}. */
@Component
class FreeSlotCommands {

    private static final int SHOWN = 8;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private final FreeSlots slots;
    private final AppointmentService appointments;
    private final Clock clock;

    FreeSlotCommands(FreeSlots slots, AppointmentService appointments, Clock clock) {
        this.slots = slots;
        this.appointments = appointments;
        this.clock = clock;
    }

    @Command(name = "appointment free", group = "Appointments",
            description = "Show a practitioner's next free starts within their working hours",
            help = """
                    Starts where an appointment of --minutes fits (every 30 minutes, or 15 for other lengths) without
                    overlapping a booked one; cancelled ones leave their slot free. With no working hours set
                    (practitioner hours), Monday to Friday 09:00-17:00 is assumed. TAB after --at of appointment book
                    and move offers the same starts.""")
    String free(@Option(longName = "practitioner",
                    description = "Practitioner id (default: the login's own practitioner, else the default one)")
            Long practitioner,
            @Option(longName = "day",
                    description = "One day: YYYY-MM-DD, today, tomorrow, mon... (default: the next free from now)")
            String day,
            @Option(longName = "minutes",
                    description = "Length in minutes, 5 to 480 (default: the service's, else 60)") Integer minutes,
            @Option(longName = "service", description = "Service id: its length, unless --minutes is given")
            Long service) {
        FreeSlots.Offer offer = slots.next(new FreeSlots.Request(practitioner, day == null ? null
                : ClinicTime.day("day", day, ClinicTime.today(clock, appointments.zone())), minutes, service, null,
                SHOWN));
        String title = offer.practitioner().name() + ", free for " + offer.minutes() + " min"
                + (day == null ? "" : " on " + day) + ", times in " + offer.zone().getId()
                + (offer.assumedHours() ? " (no working hours set: Monday to Friday 09:00-17:00 assumed)" : "") + ":";
        if (offer.starts().isEmpty()) {
            return title + " none" + (day == null ? " in the next " + FreeSlots.DAYS_AHEAD + " days." : ".");
        }
        return title + "\n" + offer.starts().stream()
                .map(start -> "  " + ClinicTime.show(start, offer.zone()) + "  " + DAY.format(start.atZone(offer.zone())))
                .collect(Collectors.joining("\n"));
    }

    /** What TAB shows beside a start: "Tue 1 Dec, free 60 min", and when the hours were assumed. */
    static String described(Instant start, FreeSlots.Offer offer) {
        return DAY.format(start.atZone(offer.zone())) + ", free " + offer.minutes() + " min"
                + (offer.assumedHours() ? " (no hours set: Mon-Fri 09:00-17:00)" : "");
    }
}
