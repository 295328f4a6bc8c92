package app.soapstone.clinic;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

import java.time.Instant;
import java.util.Optional;

/** The single clinic row. */
interface ClinicRepository extends Repository<Clinic, Long> {

    Optional<Clinic> findById(Long id);

    /**
     * Creates or replaces the clinic row, if it is still at {@code version} (none yet: -1); its id
     * is fixed, so Spring Data's insert-or-update by id does not fit. Returns 0 if someone else
     * stored it meanwhile.
     */
    @Modifying
    @Query("""
            INSERT INTO clinic (id, name, address, phone, email, website, country, time_zone, currency, tax_number,
                updated_at)
            VALUES (1, :name, :address, :phone, :email, :website, :country, :timeZone, :currency, :taxNumber, :updatedAt)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, address = excluded.address, phone = excluded.phone,
                email = excluded.email, website = excluded.website, country = excluded.country, time_zone = excluded.time_zone,
                currency = excluded.currency, tax_number = excluded.tax_number,
                updated_at = excluded.updated_at, version = clinic.version + 1
            WHERE clinic.version = :version
            """)
    int store(String name, String address, String phone, String email, String website, String country,
            String timeZone, String currency, String taxNumber, Instant updatedAt, long version);
}
