package app.soapstone.intake;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

import java.util.Optional;

/** Medical clearances; they are only ever added. */
interface ClearanceRepository extends Repository<Clearance, Long> {

    Clearance save(Clearance clearance);

    @Query("SELECT * FROM intake_clearance WHERE intake_id = :intakeId ORDER BY id DESC LIMIT 1")
    Optional<Clearance> findLatest(long intakeId);
}
