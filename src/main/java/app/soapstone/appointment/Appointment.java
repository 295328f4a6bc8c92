package app.soapstone.appointment;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;

/**
 * A client's slot with a practitioner. {@code startsAt} and {@code endsAt} are instants (UTC), so
 * the time is unambiguous across daylight saving; {@code timeZone} is the clinic's zone the local
 * time was typed in.
 *
 * @param serviceId what it is for (a service the clinic offers); null if booked without one
 * @param cancelReason why it was cancelled; null unless cancelled
 */
@Table("appointment")
public record Appointment(@Id Long id, long clientId, long practitionerId, Long serviceId, Instant startsAt, Instant endsAt,
        String timeZone, AppointmentStatus status, String note, String cancelReason, Instant createdAt,
        Instant updatedAt, @Version Long version) {

    Appointment movedTo(Instant start, Instant end, String zone, Instant now) {
        return new Appointment(id, clientId, practitionerId, serviceId, start, end, zone, status, note, cancelReason, createdAt,
                now, version);
    }

    Appointment withStatus(AppointmentStatus next, String reason, Instant now) {
        return new Appointment(id, clientId, practitionerId, serviceId, startsAt, endsAt, timeZone, next, note, reason, createdAt,
                now, version);
    }
}
