package app.soapstone.session;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

import java.util.List;

/** Addenda; they are only ever added. */
interface AddendumRepository extends Repository<Addendum, Long> {

    Addendum save(Addendum addendum);

    @Query("SELECT * FROM addendum WHERE session_id = :sessionId ORDER BY written_at, id")
    List<Addendum> findBySession(long sessionId);
}
