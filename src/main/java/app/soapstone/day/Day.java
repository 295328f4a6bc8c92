package app.soapstone.day;

import app.soapstone.appointment.AppointmentStatus;
import app.soapstone.appointment.BookEntry;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * One day of the clinic: its appointments by practitioner, each with what needs doing first for
 * the client.
 *
 * @param toDos whether the to-dos were looked for: not for a login that may not read clinical records
 */
public record Day(LocalDate date, ZoneId zone, List<PractitionerDay> practitioners, boolean toDos) {

    /** A practitioner's appointments of the day, in time order. */
    public record PractitionerDay(long practitionerId, String name, List<Visit> visits) {
    }

    /** An appointment and what needs doing first for its client (nothing for one cancelled or missed). */
    public record Visit(BookEntry entry, List<ToDo> toDos) {

        /** Whether the client is still expected, or came: not cancelled, not a no-show. */
        public boolean expected() {
            return expected(entry);
        }

        static boolean expected(BookEntry entry) {
            return entry.status() == AppointmentStatus.BOOKED || entry.status() == AppointmentStatus.DONE;
        }
    }

    /** Appointments the client is still expected at, or came to: the day's count. */
    public long expected() {
        return practitioners.stream().flatMap(p -> p.visits().stream()).filter(Visit::expected).count();
    }
}
