package app.soapstone.clinic;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

import java.util.List;
import java.util.Optional;

/** Practitioners of the clinic. */
interface PractitionerRepository extends Repository<Practitioner, Long> {

    Practitioner save(Practitioner practitioner);

    Optional<Practitioner> findById(Long id);

    List<Practitioner> findAllByOrderByIdAsc();

    Optional<Practitioner> findByIsDefaultTrue();

    Optional<Practitioner> findByDbRole(String dbRole);

    long count();

    @Query("SELECT count(*) FROM practitioner WHERE db_role IS NOT NULL")
    long countWithLogin();

    @Modifying
    // Boolean words, which both SQLite (1 and 0) and PostgreSQL (a boolean column) read.
    @Query("UPDATE practitioner SET is_default = FALSE WHERE is_default")
    void clearDefault();
}
