package app.soapstone.session;

import app.soapstone.billing.ProcedureMinutes;
import app.soapstone.client.Client;
import app.soapstone.clinic.Practitioner;
import app.soapstone.intake.Intake;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;

/**
 * One treatment session and its SOAP note. A draft can be edited; once signed the note and all
 * its fields are final (enforced by the database too) and corrections are {@link Addendum}s.
 * {@code homeMassageMinutes} is the self-massage a day the therapist suggests for home, for the
 * care plan; null unless they gave one. {@code diagnosisCodes} ("R25.2,M62.831") and
 * {@code procedureMinutes} ("97124:40,97140:20") are what a superbill bills: the clinic's codes the
 * therapist gave, null unless given.
 */
@Table("session")
public record Session(
        @Id Long id,
        @Column("client_id") AggregateReference<Client, Long> client,
        @Column("practitioner_id") AggregateReference<Practitioner, Long> practitioner,
        @Column("intake_id") AggregateReference<Intake, Long> intake,
        LocalDateTime startedAt,
        Integer durationMinutes,
        @MappedCollection(idColumn = "session_id", keyColumn = "position") List<SessionModality> modalities,
        @MappedCollection(idColumn = "session_id", keyColumn = "position") List<SessionArea> areas,
        String pressure,
        String products,
        Integer homeMassageMinutes,
        @Embedded.Empty(prefix = "pain_") Pain pain,
        @Embedded.Empty Outcomes outcomes,
        @Embedded.Empty SoapNote note,
        String template,
        String screeningShown,
        String warningsShown,
        String overrideReason,
        String diagnosisCodes,
        String procedureMinutes,
        Instant createdAt,
        Instant updatedAt,
        Instant signedAt,
        @Column("signed_by") AggregateReference<Practitioner, Long> signedBy,
        @Version Long version) {

    public record SessionModality(String modality) {
    }

    public record SessionArea(String site) {
    }

    /** Pain 0-10 before and after treatment. */
    public record Pain(Integer before, Integer after) {
    }

    /** The client's measures since the last visit. */
    public record Outcomes(Double crampsPerWeek, Integer crampSeverity, Integer sleepDisturbance) {
    }

    /** Subjective, Objective, Assessment, Plan. */
    public record SoapNote(String subjective, String objective, String assessment, String plan) {

        public boolean isEmpty() {
            return Stream.of(subjective, objective, assessment, plan).allMatch(s -> s == null || s.isBlank());
        }
    }

    public boolean signed() {
        return signedAt != null;
    }

    public List<String> modalityIds() {
        return modalities.stream().map(SessionModality::modality).toList();
    }

    public List<String> areaIds() {
        return areas.stream().map(SessionArea::site).toList();
    }

    /** The diagnosis codes given, in order; empty when none. */
    public List<String> diagnoses() {
        return diagnosisCodes == null ? List.of() : List.of(diagnosisCodes.split(","));
    }

    /** The minutes by procedure code given, or null when none. */
    public ProcedureMinutes procedures() {
        return ProcedureMinutes.stored(procedureMinutes);
    }
}
