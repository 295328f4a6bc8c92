package app.soapstone.session;

import app.soapstone.clinic.Practitioner;
import org.springframework.data.annotation.Id;
import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;

/** A dated correction or late entry added to a signed note; permanent once written. */
@Table("addendum")
public record Addendum(@Id Long id, @Column("session_id") AggregateReference<Session, Long> session,
        @Column("practitioner_id") AggregateReference<Practitioner, Long> practitioner, Instant writtenAt,
        String text) {
}
