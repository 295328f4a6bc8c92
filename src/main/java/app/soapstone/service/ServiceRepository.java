package app.soapstone.service;

import org.springframework.data.repository.Repository;

import java.util.List;
import java.util.Optional;

/** The clinic's services, written as aggregates. */
interface ServiceRepository extends Repository<OfferedService, Long> {

    OfferedService save(OfferedService service);

    Optional<OfferedService> findById(Long id);

    List<OfferedService> findAllByOrderByIdAsc();

    List<OfferedService> findByRetiredAtIsNullOrderByIdAsc();
}
