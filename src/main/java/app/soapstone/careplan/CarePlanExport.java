package app.soapstone.careplan;

import app.soapstone.client.Client;
import app.soapstone.session.Session;
import org.springframework.data.annotation.Id;
import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;
import java.util.List;

/**
 * The record that a care plan (or the see-a-doctor sheet in its place) was given to a client:
 * when, which file and which printer, its SHA-256, and what the screening changed on it (one line
 * each).
 *
 * @param fileName the file written, or {@link #PRINTED_ONLY} for a copy only printed
 * @param printer  the printer a copy was sent to, or null if none was
 */
@Table("care_plan_export")
public record CarePlanExport(@Id Long id, @Column("client_id") AggregateReference<Client, Long> client,
        @Column("session_id") AggregateReference<Session, Long> session, Instant exportedAt, String fileName,
        String sha256, String paper, String kind, String adaptations, boolean largePrint, String printer) {

    public static final String CARE_PLAN = "care-plan";
    public static final String SEE_A_DOCTOR = "see-a-doctor";
    /** The file name of a copy printed without writing a file (schema version 11). */
    public static final String PRINTED_ONLY = "(printed only, no file)";

    /** "Care plan", "Care plan, large print", "See-a-doctor sheet, printed on Office"... */
    public String what() {
        return (SEE_A_DOCTOR.equals(kind) ? "See-a-doctor sheet" : "Care plan") + (largePrint ? ", large print" : "")
                + (printer == null ? "" : ", printed on " + printer);
    }

    /** Whether a file was written (a copy may have been printed only). */
    public boolean hasFile() {
        return !PRINTED_ONLY.equals(fileName);
    }

    /** The adaptations as lines (none for exports recorded before they were kept). */
    public List<String> adaptationLines() {
        return adaptations == null || adaptations.isBlank() ? List.of() : adaptations.lines().toList();
    }
}
