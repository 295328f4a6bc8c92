package app.soapstone.day;

import app.soapstone.appointment.AppointmentService;
import app.soapstone.appointment.AppointmentStatus;
import app.soapstone.appointment.BookEntry;
import app.soapstone.appointment.ClinicTime;
import app.soapstone.shell.StartupNotice;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The line the interactive shell starts with when the book has appointments today: how many, and
 * the first, or once the day has begun the next. It reads the book alone, so the front desk sees it
 * too, and reads it once: the clinic's zone, then the day's appointments.
 */
@Component
@Order(0)
class DayNotice implements StartupNotice {

    private final AppointmentService appointments;
    private final Clock clock;

    DayNotice(AppointmentService appointments, Clock clock) {
        this.appointments = appointments;
        this.clock = clock;
    }

    @Override
    public String message() {
        AppointmentService.Book book = appointments.list(ClinicTime.today(clock, appointments.zone()), null, null);
        List<BookEntry> expected = book.entries().stream().filter(Day.Visit::expected).toList();
        if (expected.isEmpty()) {
            return null;
        }
        Instant now = clock.instant();
        String count = "Today: " + expected.size() + (expected.size() == 1 ? " appointment" : " appointments");
        boolean begun = !expected.get(0).startsAt().isAfter(now);
        Optional<BookEntry> next = expected.stream()
                .filter(e -> e.status() == AppointmentStatus.BOOKED && !e.startsAt().isBefore(now)).findFirst();
        if (next.isEmpty()) {
            return count + ", none still to come; see 'today'";
        }
        String which = expected.size() == 1 ? "" : begun ? " the next" : " the first";
        return count + "," + which + " at " + time(next.get(), book.zone()) + " (" + next.get().client() + " with "
                + next.get().practitioner() + "); see 'today'";
    }

    private static String time(BookEntry entry, ZoneId zone) {
        return ClinicTime.show(entry.startsAt(), zone).substring(11);
    }
}
