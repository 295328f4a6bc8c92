package app.soapstone.client;

import app.soapstone.clinic.ClinicService;
import app.soapstone.integrity.AuditTrail;
import app.soapstone.validation.ConflictException;
import app.soapstone.validation.Fields;
import app.soapstone.validation.InvalidInputException;
import app.soapstone.validation.NotFoundException;
import app.soapstone.validation.PhoneNumbers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Lazy;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Adding, changing, archiving and finding clients. */
@Service
public class ClientService {

    private final ClientRepository clients;
    private final ClientDirectory directory;
    private final Clock clock;
    private final ObjectProvider<LastVisits> lastVisits;
    private final AuditTrail audit;
    private final ObjectProvider<DatedRecords> datedRecords;
    private final ObjectProvider<ClinicService> clinic;

    // The repository is looked up on first use: lists and searches go through the directory, so
    // they do not wait for Spring Data to set up the mapping of clients. The clinic likewise: only
    // a client's phone number needs its country. (A provider, not @Lazy: a lazy proxy of a class
    // breaks under the distribution's AOT processing.)
    ClientService(@Lazy ClientRepository clients, ClientDirectory directory, Clock clock,
            ObjectProvider<LastVisits> lastVisits, AuditTrail audit, ObjectProvider<DatedRecords> datedRecords,
            ObjectProvider<ClinicService> clinic) {
        this.clients = clients;
        this.directory = directory;
        this.clock = clock;
        this.lastVisits = lastVisits;
        this.audit = audit;
        this.datedRecords = datedRecords;
        this.clinic = clinic;
    }

    /** Adds a client, refusing a likely duplicate (see below). */
    @Transactional
    public Client add(ClientDetails details) {
        return add(details, false);
    }

    /**
     * Adds a client, refusing one that likely repeats a client already stored (archived ones too)
     * unless {@code allowDuplicate}: a second record splits one person's history in two.
     */
    @Transactional
    public Client add(ClientDetails details, boolean allowDuplicate) {
        Client checked = check(details);
        if (!allowDuplicate) {
            List<String> likely = known().likely(checked);
            if (!likely.isEmpty()) {
                String first = likely.getFirst();
                throw new ConflictException("A client like this exists already: " + String.join("; ", likely)
                        + ". Add anyway with --allow-duplicate, or use client show " + first.substring(0, first.indexOf(' ')));
            }
        }
        Client client = clients.save(checked);
        audit.record("add", "client", client.id(), client.id(), "Added client " + client.id());
        return client;
    }

    /** The client {@code details} describe, checked by the rules of {@code client add}, not stored. */
    public Client check(ClientDetails details) {
        if (details.firstName() == null) {
            throw InvalidInputException.forField("first-name", "is required");
        }
        if (details.lastName() == null) {
            throw InvalidInputException.forField("last-name", "is required");
        }
        Instant now = clock.instant();
        Client blank = new Client(null, null, null, null, null, null, null, null, null, null, null, null, null, null, now,
                now, null);
        return apply(blank, details);
    }

    /** Every client stored, archived ones too, to compare a new client with. */
    @Transactional(readOnly = true)
    KnownClients known() {
        return new KnownClients(clients.findAll());
    }

    /** Changes only the fields given; an empty value clears an optional field. */
    @Transactional
    public Client edit(long id, ClientDetails changes) {
        if (changes.isEmpty()) {
            throw new InvalidInputException("Nothing to change: give at least one option, e.g. --phone \"0412 345 678\""
                    + " (see 'help client edit')");
        }
        Client client = save(apply(get(id), changes));
        audit.record("change", "client", id, id, "Changed " + String.join(", ", changes.given()));
        return client;
    }

    @Transactional
    public Client archive(long id) {
        Client client = get(id);
        if (client.archived()) {
            return client;
        }
        audit.record("archive", "client", id, id, "Archived client " + id);
        return save(withArchivedAt(client, clock.instant()));
    }

    @Transactional
    public Client restore(long id) {
        Client client = get(id);
        if (!client.archived()) {
            return client;
        }
        audit.record("restore", "client", id, id, "Restored client " + id);
        return save(withArchivedAt(client, null));
    }

    /** Saves a change to a client read in this transaction, unless someone else changed them since. */
    private Client save(Client changed) {
        try {
            return clients.save(changed);
        } catch (OptimisticLockingFailureException e) {
            throw audit.changedMeanwhile("Client " + changed.id(), "client", changed.id(),
                    "see them with 'client show " + changed.id() + "' and make your change again");
        }
    }

    /** The client, if they are not archived: new clinical records are only made for active clients. */
    @Transactional(readOnly = true)
    public Client active(long id) {
        Client client = get(id);
        if (client.archived()) {
            throw new ConflictException("Client " + id + " is archived; restore them first with 'client restore " + id + "'");
        }
        return client;
    }

    @Transactional(readOnly = true)
    public Client get(long id) {
        return clients.findById(id).orElseThrow(() -> NotFoundException.of("client", id));
    }

    @Transactional(readOnly = true)
    public List<ClientSummary> list(boolean includeArchived) {
        return directory.list(includeArchived);
    }

    /**
     * What a search found, and how many archived clients it matches that it leaves out (0 when
     * they are included), so a therapist looking for a client they archived is told where they are.
     */
    public record Found(List<ClientSummary> clients, int archivedLeftOut) {
    }

    @Transactional(readOnly = true)
    public Found search(String text, boolean includeArchived) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("TEXT: give a name, phone number or email to search for");
        }
        return new Found(directory.search(text, includeArchived), includeArchived ? 0 : directory.archivedMatches(text));
    }

    /** The date of the client's latest session, if any. */
    @Transactional(readOnly = true)
    public Optional<LocalDate> lastVisit(long id) {
        LastVisits visits = lastVisits.getIfAvailable();
        return visits == null ? Optional.empty() : visits.of(id);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private Client apply(Client client, ClientDetails changes) {
        String firstName = given(changes.firstName(), client.firstName(), v -> Fields.name("first-name", v));
        String lastName = given(changes.lastName(), client.lastName(), v -> Fields.name("last-name", v));
        String preferredName = given(changes.preferredName(), client.preferredName(),
                v -> v.isBlank() ? null : Fields.name("preferred-name", v));
        String printName = given(changes.printName(), client.printName(),
                v -> v.isBlank() ? null : Fields.name("print-name", v));
        LocalDate dateOfBirth = given(changes.dateOfBirth(), client.dateOfBirth(),
                v -> v.isBlank() ? null : Fields.dateOfBirth("dob", v, today()));
        if (client.id() != null && changes.dateOfBirth() != null && dateOfBirth != null) {
            requireNoRecordBefore(client.id(), dateOfBirth);
        }
        String phone = given(changes.phone(), client.phone(), v -> Fields.phone("phone", v));
        String phoneE164 = changes.phone() == null ? client.phoneE164()
                : PhoneNumbers.international(phone, clinic.getObject().country().orElse(null));
        String email = given(changes.email(), client.email(), v -> Fields.email("email", v));
        String address = given(changes.address(), client.address(), v -> Fields.optionalText("address", v, Fields.TEXT_MAX));
        String emergencyContact = given(changes.emergencyContact(), client.emergencyContact(),
                v -> Fields.optionalLine("emergency-contact", v, Fields.TEXT_MAX));
        String notes = given(changes.notes(), client.notes(), v -> Fields.optionalText("notes", v, Fields.LONG_TEXT_MAX));
        return new Client(client.id(), firstName, lastName, preferredName, printName, dateOfBirth, phone, phoneE164, email, address,
                emergencyContact, notes, null, client.archivedAt(), client.createdAt(), clock.instant(), client.version());
    }

    /**
     * Refuses a date of birth after the client's earliest dated record: either is wrong, and the
     * record may be signed and final, so the date of birth is what to check.
     */
    private void requireNoRecordBefore(long id, LocalDate dateOfBirth) {
        datedRecords.orderedStream().map(records -> records.earliest(id)).flatMap(Optional::stream)
                .min(Comparator.comparing(DatedRecords.DatedRecord::date))
                .filter(earliest -> earliest.date().isBefore(dateOfBirth))
                .ifPresent(earliest -> {
                    throw InvalidInputException.forField("dob", dateOfBirth + " is after " + earliest.what() + " ("
                            + earliest.date() + "); a client cannot have records from before their birth - check the"
                            + " date of birth");
                });
    }

    private static Client withArchivedAt(Client c, Instant archivedAt) {
        return new Client(c.id(), c.firstName(), c.lastName(), c.preferredName(), c.printName(), c.dateOfBirth(), c.phone(), c.phoneE164(), c.email(),
                c.address(), c.emergencyContact(), c.notes(), null, archivedAt, c.createdAt(), c.updatedAt(), c.version());
    }

    private static <T> T given(String value, T current, Function<String, T> check) {
        return value == null ? current : check.apply(value);
    }
}
