package app.soapstone.appointment;

import app.soapstone.storage.PrivateFiles;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

/** {@code appointment ics}: a client's coming appointments as a calendar file they can import. */
@Component
class CalendarCommands {

    private final AppointmentService appointments;
    private final Clock clock;

    CalendarCommands(AppointmentService appointments, Clock clock) {
        this.appointments = appointments;
        this.clock = clock;
    }

    @Command(name = "appointment ics", group = "Appointments",
            description = "Write a client's booked appointments from now on as an iCalendar (.ics) file, to stdout"
                    + " or --out",
            help = """
                    One event per booked appointment that has not begun, in UTC, with the clinic's address and
                    phone: any calendar imports it. Importing it again updates the same events (each keeps its
                    UID), but does not remove one since cancelled. Without --out the calendar goes to standard
                    output, for a script; with no booked appointments nothing is written and the exit status is 3.""")
    String ics(@Option(longName = "client", required = true, description = "Client id") long client,
            @Option(longName = "out", description = "File or folder to write to (default: standard output)") String out,
            @Option(longName = "force", description = "Replace the file if it exists") boolean force) {
        AppointmentService.Calendar calendar = appointments.calendar(client);
        if (out == null) {
            // The calendar itself, CRLF line ends and all, less the last line feed: the shell ends every
            // command's output with one, which completes the last CRLF rather than adding a blank line.
            return calendar.text().substring(0, calendar.text().length() - 1);
        }
        Path file = PrivateFiles.target("out", out,
                calendar.client().fileName("appointments", LocalDate.now(clock), "ics"));
        PrivateFiles.write("out", file, calendar.text().getBytes(StandardCharsets.UTF_8), force);
        int visits = calendar.visits().size();
        return "Wrote " + file + " (" + visits + (visits == 1 ? " visit" : " visits") + ", from "
                + ClinicTime.spoken(calendar.visits().get(0).startsAt(), appointments.zone()) + ")";
    }
}
