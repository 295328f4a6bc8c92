package app.soapstone.clinic;

import app.soapstone.shell.Screen;
import app.soapstone.shell.Tables;
import app.soapstone.validation.InvalidInputException;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code practitioner hours}: show the practitioners' working weeks, or set or clear one. */
@Component
class HoursCommands {

    private final WorkingHours hours;
    private final Screen screen;

    HoursCommands(WorkingHours hours, Screen screen) {
        this.hours = hours;
        this.screen = screen;
    }

    @Command(name = "practitioner hours", group = "Clinic",
            description = "Show working hours (all practitioners, or one), or set or clear a practitioner's week",
            help = """
                    Hours are local times in the clinic's time zone. --set replaces the whole week: days (mon, or a span
                    mon-fri) then one or more ranges, groups apart by commas, e.g.
                    practitioner hours 2 --set "mon-thu 09:00-17:00, fri 09:00-12:00 13:00-17:00".
                    Booking outside them still books, with a note; free slots (appointment free, TAB after --at) are
                    offered within them. On PostgreSQL only the clinic's owner sets them.""")
    String hours(@Option(longName = "practitioner", description = "Practitioner id (default: all, to show)")
            Long practitioner,
            @Option(longName = "set", description = "The week, replacing it: \"mon-thu 09:00-17:00, fri 09:00-12:00"
                    + " 13:00-17:00\"") String set,
            @Option(longName = "clear", description = "Remove the practitioner's hours") boolean clear) {
        if (set != null || clear) {
            if (set != null && clear) {
                throw InvalidInputException.forField("clear", "give --set or --clear, not both");
            }
            if (practitioner == null) {
                throw InvalidInputException.forField(clear ? "clear" : "set", "say whose hours:"
                        + " practitioner hours ID " + (clear ? "--clear" : "--set \"mon-fri 09:00-17:00\""));
            }
            WeeklyHours week = clear ? WeeklyHours.NONE : WeeklyHours.parse("set", set);
            WeeklyHours saved = hours.set(practitioner, week);
            return saved.isEmpty() ? "Cleared practitioner " + practitioner + "'s working hours."
                    : "Working hours of practitioner " + practitioner + ": " + saved.written();
        }
        Map<Practitioner, WeeklyHours> week = hours.week(practitioner);
        if (week.isEmpty()) {
            return "No practitioners yet. Add one with: practitioner add --name ... --credentials ...";
        }
        // Days down, practitioners across: seven short rows fit a narrow terminal better than seven columns.
        List<String> header = new ArrayList<>(List.of("Day"));
        week.keySet().forEach(p -> header.add(p.name() + " (" + p.id() + ")"));
        List<List<String>> rows = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<String> row = new ArrayList<>(List.of(day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)));
            week.values().forEach(h -> row.add(h.isEmpty() ? "not set" : h.shown(day)));
            rows.add(row);
        }
        String table = Tables.render(header, rows, screen.width());
        return week.values().stream().allMatch(WeeklyHours::isEmpty)
                ? table + "\nNo working hours set. Set them with: practitioner hours ID --set \"mon-fri 09:00-17:00\""
                : table;
    }
}
