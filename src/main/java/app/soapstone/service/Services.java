package app.soapstone.service;

import app.soapstone.billing.BillingCodes;
import app.soapstone.billing.ProcedureCode;
import app.soapstone.clinic.ClinicService;
import app.soapstone.integrity.AuditTrail;
import app.soapstone.validation.ConflictException;
import app.soapstone.validation.Fields;
import app.soapstone.validation.InvalidInputException;
import app.soapstone.validation.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The services the clinic offers: adding, renaming, changing their length and retiring them.
 * One offered service by each name, case aside. A service is never deleted, so appointments that
 * name it keep their meaning; a retired one cannot be booked or changed. Every change is audited
 * in its own transaction.
 */
@Service
public class Services {

    /** The shortest and the longest length, as for an appointment: five minutes to a working day. */
    public static final int MIN_MINUTES = 5;
    public static final int MAX_MINUTES = 8 * 60;

    private final ServiceRepository services;
    private final AuditTrail audit;
    private final Clock clock;
    private final ClinicService clinic;
    private final BillingCodes billing;

    Services(ServiceRepository services, AuditTrail audit, Clock clock, ClinicService clinic, BillingCodes billing) {
        this.services = services;
        this.clinic = clinic;
        this.billing = billing;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Adds a service the clinic offers, with its fee as typed (see {@link ServiceFee}; all null: no
     * price) and the procedure codes it is billed under ({@code codes}, comma-separated; null: none).
     */
    @Transactional
    public OfferedService add(String name, int minutes, String price, String taxRate, String taxName, String codes) {
        String checked = freeName(name, null);
        int length = minutes(minutes);
        ServiceFee fee = ServiceFee.NONE.changed(price, taxRate, taxName, clinic.currency());
        List<String> billed = codes == null ? List.of() : codes(codes);
        OfferedService saved = services.save(OfferedService.added(checked, length, fee, clock.instant())
                .billedAs(billed));
        audit.record("add", "service", saved.id(), null, "Added service " + saved.id() + ": " + saved.described());
        return saved;
    }

    /**
     * Renames a service, changes its length, its fee or its codes; what is null stays as it was, ''
     * clears a fee's part or the codes.
     */
    @Transactional
    public OfferedService edit(long id, String name, Integer minutes, String price, String taxRate, String taxName,
            String codes) {
        if (name == null && minutes == null && price == null && taxRate == null && taxName == null && codes == null) {
            throw new InvalidInputException("Nothing to change: give --name, --minutes, --price, --tax-rate, --tax-name"
                    + " or --codes");
        }
        OfferedService service = offered(id, "changed");
        String newName = name == null ? service.name() : freeName(name, id);
        int newMinutes = minutes == null ? service.minutes() : minutes(minutes);
        ServiceFee fee = service.fee().changed(price, taxRate, taxName, clinic.currency());
        OfferedService edited = service.edited(newName, newMinutes, clock.instant()).priced(fee);
        OfferedService saved = services.save(codes == null ? edited : edited.billedAs(codes(codes)));
        audit.record("change", "service", id, null, "Changed service " + id + " from " + service.described() + " to "
                + saved.described());
        return saved;
    }

    /** Stops offering a service: it stays, with the appointments booked for it, and cannot be booked again. */
    @Transactional
    public OfferedService retire(long id) {
        OfferedService service = offered(id, "retired again");
        OfferedService saved = services.save(service.retired(clock.instant()));
        audit.record("retire", "service", id, null, "Retired service " + id + ": " + service.label());
        return saved;
    }

    /** The services offered, or all of them, retired ones too, when {@code all}; in the order added. */
    @Transactional(readOnly = true)
    public List<OfferedService> list(boolean all) {
        return all ? services.findAllByOrderByIdAsc() : services.findByRetiredAtIsNullOrderByIdAsc();
    }

    /**
     * The service an appointment is booked for, which must exist and still be offered; a failure
     * names {@code option} (the command's, e.g. {@code service}).
     */
    @Transactional(readOnly = true)
    public OfferedService bookable(String option, long id) {
        OfferedService service = services.findById(id).orElseThrow(() -> InvalidInputException.forField(option,
                "no service with id " + id + " (see service list)"));
        if (!service.offered()) {
            throw InvalidInputException.forField(option, "service " + id + " (" + service.name()
                    + ") is retired and cannot be booked (see service list)");
        }
        return service;
    }

    /** A service by its id, retired or not; a failure names {@code option}. */
    @Transactional(readOnly = true)
    public OfferedService get(String option, long id) {
        return services.findById(id).orElseThrow(() -> InvalidInputException.forField(option,
                "no service with id " + id + " (see service list --all)"));
    }

    private OfferedService offered(long id, String done) {
        OfferedService service = services.findById(id).orElseThrow(() -> NotFoundException.of("service", id));
        if (!service.offered()) {
            throw new ConflictException("Service " + id + " (" + service.name() + ") is retired, so it cannot be " + done
                    + " (add a new one with 'service add')");
        }
        return service;
    }

    /**
     * {@code text} as procedure codes of the clinic's billing codes ("97124, 97140"), in order,
     * each once; '' is none. An unknown code is refused naming --codes and the codes there are.
     */
    private List<String> codes(String text) {
        List<String> codes = new ArrayList<>();
        for (String part : text.split(",")) {
            String code = part.strip().toUpperCase(Locale.ROOT);
            if (code.isEmpty()) {
                continue;
            }
            ProcedureCode known = billing.procedure(code).orElseThrow(() -> InvalidInputException.forField("codes",
                    Fields.quote(part.strip()) + " is not one of the clinic's procedure codes: use "
                    + billing.procedures().stream().map(ProcedureCode::code).collect(Collectors.joining(", "))
                    + " (see billing codes)"));
            if (codes.contains(known.code())) {
                throw InvalidInputException.forField("codes", known.code() + " is given twice");
            }
            codes.add(known.code());
        }
        return codes;
    }

    private static int minutes(int minutes) {
        return Fields.range("minutes", minutes, MIN_MINUTES, MAX_MINUTES);
    }

    /** A one-line name no other offered service has, case aside ({@code except} is the one being renamed). */
    private String freeName(String name, Long except) {
        String checked = Fields.requiredLine("name", name == null ? null : name.strip(), Fields.NAME_MAX);
        String folded = checked.toLowerCase(Locale.ROOT);
        services.findByRetiredAtIsNullOrderByIdAsc().stream()
                .filter(other -> !other.id().equals(except) && other.name().toLowerCase(Locale.ROOT).equals(folded))
                .findFirst().ifPresent(other -> {
                    throw InvalidInputException.forField("name", Fields.quote(checked) + " is taken by service "
                            + other.id() + " (" + other.name() + "); choose another name, or retire that one first");
                });
        return checked;
    }
}
