package app.soapstone.client;

import org.springframework.data.repository.Repository;

import java.util.List;
import java.util.Optional;

/** Loads and stores {@link Client} aggregates. Lists and searches are in {@link ClientDirectory}. */
interface ClientRepository extends Repository<Client, Long> {

    Client save(Client client);

    Optional<Client> findById(Long id);

    List<Client> findAll();
}
