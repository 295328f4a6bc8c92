package app.soapstone.appointment;

import java.time.Instant;

/**
 * An appointment as the book shows it: with the client's and practitioner's names.
 *
 * @param service the name of the service it is for; null if booked without one
 */
public record BookEntry(long id, long clientId, String client, long practitionerId, String practitioner,
        Instant startsAt, Instant endsAt, AppointmentStatus status, String note, String cancelReason, String service) {
}
