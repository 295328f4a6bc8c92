package app.soapstone.appointment;

import app.soapstone.appointment.Reminders.CallList;
import app.soapstone.shell.Screen;
import app.soapstone.shell.Tables;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/** {@code appointment reminders}: the call list of a day's booked appointments, on screen or as CSV. */
@Component
class ReminderCommands {

    private static final char NO_BREAK_SPACE = '\u00A0';

    private final Reminders reminders;
    private final Screen screen;

    ReminderCommands(Reminders reminders, Screen screen) {
        this.reminders = reminders;
        this.screen = screen;
    }

    @Command(name = "appointment reminders", group = "Appointments",
            description = "The call list for a day: booked clients with their phone, time and practitioner",
            help = """
                    Lists the day's booked appointments in time order (cancelled, missed and done ones aside), in
                    the clinic's time zone; a client with no phone number on file is listed as "no phone".
                    --csv writes the list as a CSV file for a texting service instead (one row an appointment,
                    with phone_digits, the number in international form without the +), readable by you only;
                    an existing file is replaced only with --force.""")
    String reminders(@Option(longName = "for", required = true,
                    description = "The day: tomorrow, today, a weekday (mon) or YYYY-MM-DD") String day,
            @Option(longName = "practitioner", description = "Practitioner id (default: all)") Long practitioner,
            @Option(longName = "csv", description = "CSV file (or folder, for reminders-<date>.csv) to write")
            String csv,
            @Option(longName = "force", description = "Replace the CSV file if it exists") boolean force) {
        LocalDate date = reminders.day("for", day);
        if (csv != null) {
            Reminders.Written written = reminders.writeCsv(date, practitioner, csv, force);
            int rows = written.list().calls().size();
            return "Wrote " + rows + (rows == 1 ? " row" : " rows") + " to " + written.file() + " (" + title(written.list())
                    + ")" + noPhone(written.list());
        }
        CallList list = reminders.calls(date, practitioner);
        if (list.calls().isEmpty()) {
            return "No booked appointments " + title(list) + ".";
        }
        return "Call list " + title(list) + ":\n" + table(list, screen.width()) + noPhone(list);
    }

    /**
     * The call list as a table {@code width} wide. A phone number is what the desk reads from it, so
     * it is kept on one line (laid out with spaces that do not break, which are plain spaces again
     * in the output); a long name wraps or is cut instead.
     */
    static String table(CallList list, int width) {
        List<List<String>> rows = list.calls().stream().map(c -> List.of(ClinicTime.show(c.startsAt(), list.zone())
                .substring(11), c.client() + " (" + c.clientId() + ")",
                c.phone() == null ? "no phone" : c.phone().replace(' ', NO_BREAK_SPACE), c.practitioner())).toList();
        return Tables.render(List.of("Time", "Client", "Phone", "Practitioner"), rows, width)
                .replace(NO_BREAK_SPACE, ' ');
    }

    /** "for Saturday 2026-12-05, times in Australia/Sydney". */
    private static String title(CallList list) {
        return "for " + list.day().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + list.day()
                + ", times in " + list.zone().getId();
    }

    private static String noPhone(CallList list) {
        List<String> none = list.withoutPhone().stream().map(c -> c.client() + " (client " + c.clientId() + ")")
                .distinct().toList();
        if (none.isEmpty()) {
            return "";
        }
        return "\n" + (none.size() == 1 ? "1 client has" : none.size() + " clients have") + " no phone number on file: "
                + String.join(", ", none) + ".";
    }
}
