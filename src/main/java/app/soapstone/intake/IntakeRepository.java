package app.soapstone.intake;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

import java.util.List;
import java.util.Optional;

/** Intake versions; they are only ever added. */
interface IntakeRepository extends Repository<Intake, Long> {

    Intake save(Intake intake);

    @Query("SELECT * FROM intake WHERE client_id = :clientId ORDER BY version DESC LIMIT 1")
    Optional<Intake> findCurrent(long clientId);

    @Query("SELECT * FROM intake WHERE client_id = :clientId AND version = :version")
    Optional<Intake> findVersion(long clientId, int version);

    @Query("SELECT * FROM intake WHERE client_id = :clientId ORDER BY version")
    List<Intake> findAllVersions(long clientId);

    @Query("SELECT coalesce(max(version), 0) FROM intake WHERE client_id = :clientId")
    int latestVersion(long clientId);
}
