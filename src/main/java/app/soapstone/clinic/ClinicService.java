package app.soapstone.clinic;

import app.soapstone.integrity.AuditTrail;
import app.soapstone.validation.ConflictException;
import app.soapstone.validation.Fields;
import app.soapstone.validation.InvalidInputException;
import app.soapstone.validation.Money;
import app.soapstone.validation.NotFoundException;
import app.soapstone.validation.NotPermittedException;
import app.soapstone.validation.PhoneNumbers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
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
    private final ObjectProvider<CurrencyChangeListener> currencyListeners;
    private final ClinicRoles roles;

    ClinicService(ClinicRepository clinics, PractitionerRepository practitioners, Clock clock, AuditTrail audit,
            ObjectProvider<CountryChangeListener> countryListeners,
            ObjectProvider<CurrencyChangeListener> currencyListeners, ClinicRoles roles) {
        this.currencyListeners = currencyListeners;
        this.roles = roles;
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
        Clinic current = existing.orElse(new Clinic(Clinic.THE_CLINIC, null, null, null, null, null, null, null, null, null,
                null, -1));
        String name = details.name() == null ? current.name() : Fields.requiredLine("name", details.name(), Fields.NAME_MAX);
        String address = details.address() == null ? current.address()
                : Fields.requiredText("address", details.address(), Fields.TEXT_MAX);
        String phone = details.phone() == null ? current.phone() : requiredPhone(details.phone());
        String email = details.email() == null ? current.email() : Fields.email("email", details.email());
        String website = details.website() == null ? current.website()
                : Fields.optionalLine("website", details.website(), Fields.NAME_MAX);
        String country = details.country() == null ? current.country() : PhoneNumbers.country("country", details.country());
        String timeZone = details.timeZone() == null ? current.timeZone() : zoneName(details.timeZone());
        String currency = details.currency() == null ? current.currency()
                : details.currency().isBlank() ? null : Money.currency("currency", details.currency()).getCurrencyCode();
        String taxNumber = details.taxNumber() == null ? current.taxNumber()
                : Fields.optionalLine("tax-number", details.taxNumber(), Fields.NAME_MAX);
        if (!Objects.equals(currency, current.currency())) {
            currencyListeners.orderedStream().forEach(listener -> listener.currencyChanging(currency));
        }
        if (clinics.store(name, address, phone, email, website, country, timeZone, currency, taxNumber, clock.instant(),
                current.version()) != 1) {
            throw audit.changedMeanwhile("The clinic", "clinic", Clinic.THE_CLINIC,
                    "see it with 'clinic show' and set it again");
        }
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

    /** The clinic's currency, in which service prices are set; empty until {@code clinic set --currency}. */
    @Transactional(readOnly = true)
    public Optional<Currency> currency() {
        return clinic().map(Clinic::currency).map(Currency::getInstance);
    }

    /**
     * The clinic's time zone, in which appointments are typed and shown: the one set with
     * {@code clinic set --time-zone}, else the computer's own.
     */
    @Transactional(readOnly = true)
    public ZoneId zone() {
        return clinic().map(Clinic::timeZone).map(ZoneId::of).orElseGet(() -> clock.getZone());
    }

    /**
     * Adds a practitioner; the first one added becomes the default. With {@code dbRole} (PostgreSQL
     * only) they are that login, made if the server has none, and a therapist unless already the
     * owner - in the same transaction, so a refused GRANT adds no practitioner.
     */
    @Transactional
    public Practitioner addPractitioner(String name, String credentials, String registrationNumber, String taxNumber,
            String dbRole) {
        String login = dbRole == null ? null : freeLogin(dbRole, null);
        boolean first = practitioners.count() == 0;
        Practitioner practitioner = practitioners.save(new Practitioner(null, Fields.name("name", name),
                Fields.requiredLine("credentials", credentials, Fields.NAME_MAX),
                Fields.optionalLine("registration-number", registrationNumber, Fields.NAME_MAX), first, clock.instant(),
                login, Fields.optionalLine("tax-number", taxNumber, Fields.NAME_MAX), null));
        if (login != null) {
            admitTherapist(login);
        }
        audit.record("add", "practitioner", practitioner.id(), null, "Added practitioner " + practitioner.id()
                + (login == null ? "" : " as login " + login));
        return practitioner;
    }

    /** Makes {@code dbRole} the login of practitioner {@code id} (PostgreSQL only), as {@link #addPractitioner} does. */
    @Transactional
    public Practitioner setLogin(long id, String dbRole) {
        Practitioner practitioner = practitioner(id);
        String login = freeLogin(dbRole, id);
        Practitioner saved = practitioners.save(practitioner.withDbRole(login));
        admitTherapist(login);
        audit.record("change", "practitioner", id, null, "Practitioner " + id + " is login " + login);
        return saved;
    }

    /**
     * Changes a practitioner's registration number with the regulator or their own tax number, both
     * printed on receipts; what is null stays as it was, an empty value clears it.
     */
    @Transactional
    public Practitioner setNumbers(long id, String registrationNumber, String taxNumber) {
        Practitioner practitioner = practitioner(id);
        String registration = registrationNumber == null ? practitioner.registrationNumber()
                : Fields.optionalLine("registration-number", registrationNumber, Fields.NAME_MAX);
        String tax = taxNumber == null ? practitioner.taxNumber()
                : Fields.optionalLine("tax-number", taxNumber, Fields.NAME_MAX);
        Practitioner saved = practitioners.save(practitioner.withNumbers(registration, tax));
        audit.record("change", "practitioner", id, null, "Changed practitioner " + id + "'s registration or tax number");
        return saved;
    }

    /** Sets up the clinic's roles in this database (PostgreSQL only). */
    @Transactional
    public void initRoles() {
        roles.init();
        audit.record("change", "clinic", null, null, "Set up the clinic's roles");
    }

    /** Puts a login in one of the clinic's roles (PostgreSQL only), e.g. the front desk's in reception. */
    @Transactional
    public String grantRole(ClinicRole role, String login) {
        String name = roles.loginName("login", login);
        practitioners.findByDbRole(name).filter(p -> role == ClinicRole.RECEPTION).ifPresent(p -> {
            throw new ConflictException("Login " + name + " is practitioner " + p.id() + " (" + p.signature()
                    + "), who signs notes: a practitioner is a therapist or the owner, not reception");
        });
        roles.grant(role, name);
        audit.record("change", "clinic", null, null, "Login " + name + " is " + role.word());
        return name;
    }

    private String freeLogin(String dbRole, Long practitionerId) {
        String login = roles.loginName("db-role", dbRole);
        practitioners.findByDbRole(login).filter(p -> !p.id().equals(practitionerId)).ifPresent(p -> {
            throw new ConflictException("Login " + login + " is already practitioner " + p.id() + " (" + p.signature()
                    + "): one login signs as one practitioner");
        });
        return login;
    }

    /** A practitioner's login is a therapist, unless the owner made it the owner (who may sign too). */
    private void admitTherapist(String login) {
        if (!roles.isMember(login, ClinicRole.OWNER)) {
            roles.grant(ClinicRole.THERAPIST, login);
        }
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

    /**
     * The practitioner used when a command names none: on PostgreSQL the one whose login this is,
     * since they may sign only as themselves; else the clinic's default.
     */
    @Transactional(readOnly = true)
    public Optional<Practitioner> defaultPractitioner() {
        Optional<Practitioner> own = roles.login().flatMap(practitioners::findByDbRole);
        return own.isPresent() ? own : practitioners.findByIsDefaultTrue();
    }

    /**
     * Refuses to sign (a note, an addendum) as a practitioner other than this login's, once roles
     * are in use on PostgreSQL: said here in the clinic's words; the database checks the same
     * (trigger signer_is_the_login), so another client cannot skip it.
     */
    @Transactional(readOnly = true)
    public void requireSignsAsThemselves(Practitioner signer) {
        Optional<String> login = roles.login();
        if (login.isEmpty() || login.get().equals(signer.dbRole()) || practitioners.countWithLogin() == 0) {
            return;
        }
        throw new NotPermittedException("Practitioner " + signer.id() + " (" + signer.signature() + ") signs only as "
                + (signer.dbRole() == null ? "a login of their own, and has none yet (practitioner edit "
                + signer.id() + " --db-role LOGIN)" : "login " + signer.dbRole()) + "; this login is " + login.get()
                + ": sign as yourself (leave out --practitioner). Nothing was signed.");
    }

    private static void requiredFirstTime(String option, String value) {
        if (value == null) {
            throw InvalidInputException.forField(option,
                    "is required the first time (clinic set --name ... --address ... --phone ...)");
        }
    }

    /** A region's zone as the IANA database names it ("Australia/Sydney"), not a fixed offset, which knows no summer time. */
    private static String zoneName(String value) {
        String name = value.strip();
        try {
            ZoneId zone = ZoneId.of(name);
            if (name.contains("/") && !(zone instanceof ZoneOffset)) {
                return zone.getId();
            }
        } catch (DateTimeException e) {
            // Unknown: said below.
        }
        throw InvalidInputException.forField("time-zone", "'" + name + "' is not a time zone: give the region's name,"
                + " Area/City as the IANA time zone database has it (Australia/Sydney, Europe/London, America/Toronto)");
    }

    private static String requiredPhone(String value) {
        if (value.isBlank()) {
            throw InvalidInputException.forField("phone", "must not be empty");
        }
        return Fields.phone("phone", value);
    }
}
