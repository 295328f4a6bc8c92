package app.soapstone.careplan;

import app.soapstone.client.Client;
import app.soapstone.session.Session;
import org.springframework.data.annotation.Id;
import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;

/** The record that a care plan was given to a client: when, which file, and its SHA-256. */
@Table("care_plan_export")
public record CarePlanExport(@Id Long id, @Column("client_id") AggregateReference<Client, Long> client,
        @Column("session_id") AggregateReference<Session, Long> session, Instant exportedAt, String fileName,
        String sha256, String paper) {
}
