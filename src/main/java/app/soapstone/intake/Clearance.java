package app.soapstone.intake;

import app.soapstone.clinic.Practitioner;
import org.springframework.data.annotation.Id;
import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;
import java.time.LocalDate;

/** A doctor's clearance of the urgent referrals on an intake, recorded by the therapist. */
@Table("intake_clearance")
public record Clearance(@Id Long id, @Column("intake_id") AggregateReference<Intake, Long> intake, LocalDate clearedOn,
        String note, @Column("practitioner_id") AggregateReference<Practitioner, Long> practitioner,
        Instant recordedAt) {
}
