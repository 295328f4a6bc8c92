package app.soapstone.clinic;

import app.soapstone.integrity.AuditTrail;
import app.soapstone.validation.Fields;
import app.soapstone.validation.InvalidInputException;
import app.soapstone.validation.NotFoundException;
import app.soapstone.validation.PhoneNumbers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The clinic's details and its practitioners. */
@Service
public class ClinicService {

    private final ClinicRepository clinics;
    private final PractitionerRepository practitioners;
    private final Clock clock;
    private final AuditTrail audit;
    private final ObjectProvider<CountryChangeListener> countryListeners;

    ClinicService(ClinicRepository clinics, PractitionerRepository practitioners, Clock clock, AuditTrail audit,
            ObjectProvider<CountryChangeListener> countryListeners) {
        this.clinics = clinics;
        this.practitioners = practitioners;
        this.clock = clock;
        this.audit = audit;
        this.countryListeners = countryListeners;
    }

    /**
     * Sets the clinic's details. The first time, name, address and phone are required; after
     * that only the options given change. A new country reads every client's phone number again,
     * in the same transaction.
     */
    @Transactional
    public Clinic set(ClinicDetails details) {
        Optional<Clinic> existing = clinics.findById(Clinic.THE_CLINIC);
        if (existing.isEmpty()) {
            requiredFirstTime("name", details.name());
            requiredFirstTime("address", details.address());
            requiredFirstTime("phone", details.phone());
        }
        Clinic current = existing.orElse(new Clinic(Clinic.THE_CLINIC, null, null, null, null, null, null, null));
        String name = details.name() == null ? current.name() : Fields.requiredLine("name", details.name(), Fields.NAME_MAX);
        String address = details.address() == null ? current.address()
                : Fields.requiredText("address", details.address(), Fields.TEXT_MAX);
        String phone = details.phone() == null ? current.phone() : requiredPhone(details.phone());
        String email = details.email() == null ? current.email() : Fields.email("email", details.email());
        String website = details.website() == null ? current.website()
                : Fields.optionalLine("website", details.website(), Fields.NAME_MAX);
        String country = details.country() == null ? current.country() : PhoneNumbers.country("country", details.country());
        clinics.store(name, address, phone, email, website, country, clock.instant());
        if (!Objects.equals(country, current.country())) {
            countryListeners.orderedStream().forEach(listener -> listener.countryChanged(country));
        }
        audit.record(existing.isEmpty() ? "add" : "change", "clinic", Clinic.THE_CLINIC, null, "Clinic details saved");
        return clinics.findById(Clinic.THE_CLINIC).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<Clinic> clinic() {
        return clinics.findById(Clinic.THE_CLINIC);
    }

    /** Where the clinic is, for reading phone numbers; empty until {@code clinic set --country}. */
    @Transactional(readOnly = true)
    public Optional<String> country() {
        return clinic().map(Clinic::country);
    }

    /** Adds a practitioner; the first one added becomes the default. */
    @Transactional
    public Practitioner addPractitioner(String name, String credentials, String registrationNumber) {
        boolean first = practitioners.count() == 0;
        Practitioner practitioner = practitioners.save(new Practitioner(null, Fields.name("name", name),
                Fields.requiredLine("credentials", credentials, Fields.NAME_MAX),
                Fields.optionalLine("registration-number", registrationNumber, Fields.NAME_MAX), first, clock.instant()));
        audit.record("add", "practitioner", practitioner.id(), null, "Added practitioner " + practitioner.id());
        return practitioner;
    }

    @Transactional(readOnly = true)
    public List<Practitioner> practitioners() {
        return practitioners.findAllByOrderByIdAsc();
    }

    @Transactional
    public Practitioner makeDefault(long id) {
        Practitioner practitioner = practitioner(id);
        practitioners.clearDefault();
        Practitioner saved = practitioners.save(practitioner.asDefault(true));
        audit.record("change", "practitioner", id, null, "Made practitioner " + id + " the default");
        return saved;
    }

    @Transactional(readOnly = true)
    public Practitioner practitioner(long id) {
        return practitioners.findById(id).orElseThrow(() -> NotFoundException.of("practitioner", id));
    }

    /** The practitioner used when a command names none. */
    @Transactional(readOnly = true)
    public Optional<Practitioner> defaultPractitioner() {
        return practitioners.findByIsDefaultTrue();
    }

    private static void requiredFirstTime(String option, String value) {
        if (value == null) {
            throw InvalidInputException.forField(option,
                    "is required the first time (clinic set --name ... --address ... --phone ...)");
        }
    }

    private static String requiredPhone(String value) {
        if (value.isBlank()) {
            throw InvalidInputException.forField("phone", "must not be empty");
        }
        return Fields.phone("phone", value);
    }
}
