package app.soapstone.appointment;

import java.time.Instant;
import java.time.ZoneId;

/**
 * An appointment as the book shows it: with the client's and practitioner's names.
 *
 * @param service the name of the service it is for; null if booked without one
 */
public record BookEntry(long id, long clientId, String client, long practitionerId, String practitioner,
        Instant startsAt, Instant endsAt, AppointmentStatus status, String note, String cancelReason, String service) {

    /** "09:00-10:00" in {@code zone}; the end's date too when it falls on another day. */
    public String times(ZoneId zone) {
        return ClinicTime.show(startsAt, zone).substring(11) + "-" + ClinicTime.end(startsAt, endsAt, zone);
    }

    /** Its status as the book says it, a cancellation with its reason: "cancelled: client unwell". */
    public String statusSaid() {
        return cancelReason == null ? status.word() : status.word() + ": " + cancelReason;
    }
}
