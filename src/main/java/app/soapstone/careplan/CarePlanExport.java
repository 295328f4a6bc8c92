package app.soapstone.careplan;

import app.soapstone.client.Client;
import app.soapstone.session.Session;
import org.springframework.data.annotation.Id;
import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;

/**
 * The record that a care plan (or the see-a-doctor sheet in its place) was given to a client:
 * when, which file, its SHA-256, and what the screening changed on it (one line each).
 */
@Table("care_plan_export")
public record CarePlanExport(@Id Long id, @Column("client_id") AggregateReference<Client, Long> client,
        @Column("session_id") AggregateReference<Session, Long> session, Instant exportedAt, String fileName,
        String sha256, String paper, String kind, String adaptations, boolean largePrint) {

    public static final String CARE_PLAN = "care-plan";
    public static final String SEE_A_DOCTOR = "see-a-doctor";

    /** "Care plan", "Care plan, large print" or "See-a-doctor sheet". */
    public String what() {
        return (SEE_A_DOCTOR.equals(kind) ? "See-a-doctor sheet" : "Care plan") + (largePrint ? ", large print" : "");
    }

    /** The adaptations as lines (none for exports recorded before they were kept). */
    public java.util.List<String> adaptationLines() {
        return adaptations == null || adaptations.isBlank() ? java.util.List.of() : adaptations.lines().toList();
    }
}
