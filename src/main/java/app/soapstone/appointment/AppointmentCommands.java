package app.soapstone.appointment;

import app.soapstone.shell.Screen;
import app.soapstone.shell.Tables;
import app.soapstone.validation.InvalidInputException;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code appointment book|list|move|cancel|no-show|done}: the appointment book, in the clinic's time zone. */
@Component
class AppointmentCommands {

    private static final String GROUP = "Appointments";
    private static final String AT = "Start: \"YYYY-MM-DD HH:MM\", \"today 14:30\", \"tomorrow 9:00\", \"mon 10:00\""
            + " (the next Monday after today) or \"9:30\" (today), in the clinic's time zone (see clinic show);"
            + " in the hour the clocks go back, add the offset: \"... 02:30 +11:00\"";

    private static final DateTimeFormatter WEEKDAY_DATE = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd", Locale.ENGLISH);
    /** A day of the week shown: the title names the year, so the rows keep their width for names. */
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private final AppointmentService appointments;
    private final Screen screen;
    private final Clock clock;

    AppointmentCommands(AppointmentService appointments, Screen screen, Clock clock) {
        this.appointments = appointments;
        this.screen = screen;
        this.clock = clock;
    }

    @Command(name = "appointment book", group = GROUP,
            description = "Book a client in with a practitioner and print the appointment's id",
            help = """
                    Refuses a time that overlaps another appointment of the practitioner (cancelled ones aside),
                    naming it; --allow-overlap books both, for a deliberate double slot. A time the clocks skip
                    is refused; one that happens twice needs its offset. The time is said back with its weekday
                    and date; one already past is booked with a note saying so.""")
    String book(@Option(longName = "client", required = true, description = "Client id") long client,
            @Option(longName = "at", required = true, description = AT) String at,
            @Option(longName = "minutes",
                    description = "Length in minutes, 5 to 480 (default: the service's, else 60)") Integer minutes,
            @Option(longName = "practitioner",
                    description = "Practitioner id (default: the login's own practitioner, else the default one)")
            Long practitioner,
            @Option(longName = "service", description = "Service id: what the appointment is for (see service list)")
            Long service,
            @Option(longName = "note", description = "A note for the front desk (not a clinical note)") String note,
            @Option(longName = "allow-overlap", description = "Book even if the practitioner is booked then")
            boolean allowOverlap) {
        ZoneId zone = appointments.zone();
        AppointmentService.Booked booked = appointments.book(new AppointmentService.Booking(client, at(at, zone),
                minutes, practitioner, service, note, allowOverlap));
        return "Booked appointment " + booked.entry().id() + ": " + line(booked, zone) + past(booked.entry(), zone);
    }

    @Command(name = "appointment list", group = GROUP,
            description = "List appointments: from today on, or of one day or week; of one practitioner or client")
    String list(@Option(longName = "day",
                    description = "One day: YYYY-MM-DD, today, tomorrow, mon... (default: today and after)")
            String day,
            @Option(longName = "week",
                    description = "The week, Monday to Sunday, holding this day: YYYY-MM-DD, today, mon...")
            String week,
            @Option(longName = "practitioner", description = "Practitioner id") Long practitioner,
            @Option(longName = "client", description = "Client id") Long client) {
        if (day != null && week != null) {
            throw InvalidInputException.forField("week", "give --day or --week, not both");
        }
        if (week != null) {
            AppointmentService.Week book = appointments.week(ClinicTime.day("week", week,
                    ClinicTime.today(clock, appointments.zone())), practitioner, client);
            return table("Week of " + WEEKDAY_DATE.format(book.monday()) + " to " + WEEKDAY_DATE.format(book.sunday()),
                    book.entries(), book.zone(), WEEKDAY);
        }
        LocalDate date = day == null ? null : ClinicTime.day("day", day, ClinicTime.today(clock, appointments.zone()));
        AppointmentService.Book book = appointments.list(date, practitioner, client);
        // One day's list leaves out the day: narrow screens keep the columns that differ.
        return table(book.day() == null ? "From today on" : "On " + book.day(), book.entries(), book.zone(),
                book.day() == null ? DateTimeFormatter.ISO_LOCAL_DATE : null);
    }

    /** The entries under {@code title}, with a Day column written by {@code days} unless that is null. */
    private String table(String title, List<BookEntry> entries, ZoneId zone, DateTimeFormatter days) {
        String heading = title + ", times in " + zone.getId() + ":";
        if (entries.isEmpty()) {
            return heading + " no appointments. Book one with: appointment book --client N --at \"YYYY-MM-DD HH:MM\"";
        }
        List<List<String>> rows = entries.stream().map(e -> {
            List<String> row = new ArrayList<>(List.of(String.valueOf(e.id())));
            if (days != null) {
                row.add(days.format(LocalDate.ofInstant(e.startsAt(), zone)));
            }
            // The service goes under the client rather than in a column of its own, which a narrow screen has no room for.
            row.addAll(List.of(e.times(zone), e.client() + " (" + e.clientId() + ")"
                    + (e.service() == null ? "" : "\n" + e.service()), e.practitioner(), e.statusSaid(),
                    e.note() == null ? "" : e.note()));
            return row;
        }).toList();
        List<String> header = new ArrayList<>(List.of("ID"));
        if (days != null) {
            header.add("Day");
        }
        header.addAll(List.of("Time", "Client", "Practitioner", "Status", "Note"));
        return heading + "\n" + Tables.render(header, rows, screen.width());
    }

    @Command(name = "appointment move", group = GROUP, description = "Move a booked appointment to another start")
    String move(@Argument(index = 0, description = "Appointment id") long appointment,
            @Option(longName = "at", required = true, description = AT) String at,
            @Option(longName = "allow-overlap", description = "Move even if the practitioner is booked then")
            boolean allowOverlap) {
        ZoneId zone = appointments.zone();
        AppointmentService.Booked moved = appointments.move(appointment, at(at, zone), allowOverlap);
        return "Moved appointment " + moved.entry().id() + ": " + line(moved, zone) + past(moved.entry(), zone);
    }

    @Command(name = "appointment cancel", group = GROUP,
            description = "Cancel a booked appointment (it stays in the book, with the reason)")
    String cancel(@Argument(index = 0, description = "Appointment id") long appointment,
            @Option(longName = "reason", required = true, description = "Why, e.g. \"client unwell\"") String reason) {
        return "Cancelled appointment " + appointments.cancel(appointment, reason).id() + ".";
    }

    @Command(name = "appointment no-show", group = GROUP,
            description = "Mark a booked appointment as missed: the client did not come")
    String noShow(@Argument(index = 0, description = "Appointment id") long appointment) {
        return "Appointment " + appointments.noShow(appointment).id() + " marked no-show.";
    }

    @Command(name = "appointment done", group = GROUP, description = "Mark a booked appointment as attended")
    String done(@Argument(index = 0, description = "Appointment id") long appointment) {
        return "Appointment " + appointments.done(appointment).id() + " marked done.";
    }

    /** {@code --at} read against today at the clinic, so "tomorrow 9:00" is the clinic's tomorrow. */
    private ClinicTime at(String at, ZoneId zone) {
        return ClinicTime.parse("at", at, ClinicTime.today(clock, zone));
    }

    /**
     * The appointment in one line, said back in full, weekday and date, so a misheard "tue" is
     * caught at the desk; and the note on a second when it lies outside the practitioner's hours.
     */
    private static String line(AppointmentService.Booked booked, ZoneId zone) {
        BookEntry entry = booked.entry();
        return entry.client() + " (client " + entry.clientId() + ")"
                + (entry.service() == null ? "" : " for " + entry.service()) + " with " + entry.practitioner() + ", "
                + ClinicTime.spoken(entry.startsAt(), zone) + " to "
                + ClinicTime.spokenEnd(entry.startsAt(), entry.endsAt(), zone) + " " + zone.getId()
                + (booked.outsideHours() == null ? "" : "\n" + booked.outsideHours());
    }

    /**
     * A warning when the slot has already begun: kept, not refused, since a visit is sometimes
     * entered after it happened (a walk-in), but said, since it is more often a wrong day.
     */
    private String past(BookEntry entry, ZoneId zone) {
        return entry.startsAt().isBefore(clock.instant()) ? "\nNote: that is in the past (it is now "
                + ClinicTime.spoken(clock.instant(), zone) + " " + zone.getId() + ")." : "";
    }
}
