package app.soapstone.service;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;

/**
 * What the clinic offers, such as "Remedial massage 60 min", and how long an appointment for it
 * takes unless another length is given. Retired rather than deleted: past appointments name it.
 *
 * @param retiredAt when the clinic stopped offering it; null while it is offered
 */
@Table("service")
public record OfferedService(@Id Long id, String name, int minutes, Instant retiredAt, Instant createdAt,
        Instant updatedAt, @Version Long version) {

    /** Whether it can still be booked and changed. */
    public boolean offered() {
        return retiredAt == null;
    }

    /** "Remedial massage (60 min)". */
    public String label() {
        return name + " (" + minutes + " min)";
    }

    OfferedService edited(String newName, int newMinutes, Instant now) {
        return new OfferedService(id, newName, newMinutes, retiredAt, createdAt, now, version);
    }

    OfferedService retired(Instant now) {
        return new OfferedService(id, name, minutes, now, createdAt, now, version);
    }
}
