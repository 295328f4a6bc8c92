package app.soapstone.session;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

import java.time.Instant;
import java.util.Optional;

/** Sessions: drafts are saved whole; signing is a single update that the database then freezes. */
interface SessionRepository extends Repository<Session, Long> {

    Session save(Session session);

    Optional<Session> findById(Long id);

    @Query("SELECT * FROM session WHERE client_id = :clientId AND plan IS NOT NULL"
            + " ORDER BY started_at DESC, id DESC LIMIT 1")
    Optional<Session> findLatestWithPlan(long clientId);

    @Modifying
    @Query("UPDATE session SET signed_at = :signedAt, signed_by = :practitionerId, updated_at = :signedAt,"
            + " version = version + 1 WHERE id = :id AND signed_at IS NULL AND version = :version")
    int sign(long id, long practitionerId, Instant signedAt, long version);
}
