package app.soapstone.receipt;

import app.soapstone.client.Client;
import app.soapstone.client.ClientService;
import app.soapstone.clinic.Clinic;
import app.soapstone.clinic.ClinicService;
import app.soapstone.clinic.Practitioner;
import app.soapstone.integrity.AuditTrail;
import app.soapstone.integrity.RecordChain;
import app.soapstone.service.OfferedService;
import app.soapstone.service.ServiceFee;
import app.soapstone.service.Services;
import app.soapstone.storage.SqliteDialect;
import app.soapstone.validation.ConflictException;
import app.soapstone.validation.Fields;
import app.soapstone.validation.InvalidInputException;
import app.soapstone.validation.Money;
import app.soapstone.validation.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Receipts: issuing one for a session, numbered with no gap; recording payments and refunds
 * against it; voiding it. A receipt is final from the moment it is issued - the database refuses
 * any change - so a mistake is put right by voiding it and issuing another, which takes over what
 * was paid on the voided one. Each step is one transaction, audited, and each receipt, void and
 * payment is linked into the record chain.
 */
@Service
public class ReceiptService {

    /** A payer's name and a refund's reason are one line each. */
    static final int LINE_MAX = 200;

    private final JdbcClient jdbc;
    private final ReceiptQueries queries;
    private final ClientService clients;
    private final ClinicService clinic;
    private final Services services;
    private final RecordChain chain;
    private final AuditTrail audit;
    private final Clock clock;

    ReceiptService(JdbcClient jdbc, ReceiptQueries queries, ClientService clients,
            ClinicService clinic, Services services, RecordChain chain, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.clients = clients;
        this.clinic = clinic;
        this.services = services;
        this.chain = chain;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What to issue a receipt for, as typed: the session, the service whose fee it charges (null:
     * the service of the appointment the session attended), what was paid now ({@code paid}, an
     * amount; "0" for nothing yet) and how, and who paid if not the client.
     */
    public record Issue(long sessionId, Long serviceId, String paid, PaymentMethod method, String payer) {
    }

    /**
     * Issues the next receipt for a session: the service's fee and tax, the names and numbers as
     * they are today, what was paid on a voided receipt of the session moved over, then what is
     * paid now. A session has one receipt in force at a time.
     */
    @Transactional
    public Receipt issue(Issue issue) {
        // Only what the receipt needs of the session: the front desk may not read its note.
        ReceiptQueries.Visit session = queries.visit(issue.sessionId())
                .orElseThrow(() -> NotFoundException.of("session", issue.sessionId()));
        long clientId = session.clientId();
        long practitionerId = session.practitionerId();
        List<Receipt> earlier = queries.ofSession(session.id());
        earlier.stream().filter(r -> !r.isVoid()).findFirst().ifPresent(r -> {
            throw new ConflictException("Session " + session.id() + " already has receipt " + r.number() + " ("
                    + r.total() + ", paid " + r.paid() + "): record a payment on it with 'receipt pay " + r.number()
                    + "', or void it first with 'receipt void " + r.number() + " --reason ...'");
        });
        OfferedService service = service(issue.serviceId(), session);
        ServiceFee fee = service.fee();
        if (!fee.priced()) {
            throw InvalidInputException.forField("service", "service " + service.id() + " (" + service.name()
                    + ") has no price: set one with 'service edit " + service.id() + " --price AMOUNT'");
        }
        Currency currency = fee.price().currency();
        Money paid = Money.parse("paid", issue.paid(), currency);
        PaymentMethod method = method(paid, issue.method());
        String payer = payer(issue.payer());
        Client client = clients.get(clientId);
        Practitioner practitioner = clinic.practitioner(practitionerId);
        Clinic theClinic = clinic.clinic().orElseThrow(() -> new InvalidInputException(
                "The clinic's details are not set: set them with 'clinic set' before issuing receipts"));
        String taxNumber = practitioner.taxNumber() != null ? practitioner.taxNumber() : theClinic.taxNumber();
        Money tax = fee.tax();
        Money total = fee.price().plus(tax);
        Instant now = clock.instant();
        long number = queries.nextNumber();
        long id = jdbc.sql("""
                        INSERT INTO receipt (number, session_id, client_id, practitioner_id, service_id, visit_date,
                            client_name, practitioner_name, practitioner_credentials, registration_number, tax_number,
                            service_name, minutes, currency, fee_minor, tax_name, tax_rate, tax_minor, total_minor,
                            issued_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        RETURNING id""")
                .param(number).param(session.id()).param(clientId).param(practitionerId).param(service.id())
                .param(session.startedAt().toLocalDate().toString()).param(client.printedName())
                .param(practitioner.name()).param(practitioner.credentials() == null ? "" : practitioner.credentials())
                .param(practitioner.registrationNumber()).param(taxNumber).param(service.name())
                .param(session.minutes()).param(currency.getCurrencyCode()).param(fee.price().minor())
                .param(fee.taxName()).param(fee.taxRate() == null ? null : fee.taxRate().toPlainString())
                .param(tax.minor()).param(total.minor()).param(instant(now))
                .query(Long.class).single();
        chain.link("receipt", id);
        Money moved = moveFromVoided(earlier, id, number, total, now);
        if (paid.isMoreThan(total.minus(moved))) {
            throw InvalidInputException.forField("paid", paid + " is more than what is owed, " + total.minus(moved)
                    + (moved.isPositive() ? " (" + moved + " was carried from the voided receipt)" : ""));
        }
        if (paid.isPositive()) {
            ledger(id, PaymentKind.PAYMENT, paid, method, payer, null, now);
        }
        audit.record("issue", "receipt", id, clientId, "Issued receipt " + number + " for session " + session.id()
                + ": " + total + (paid.isPositive() ? ", paid " + paid + " by " + method.word() : "")
                + (moved.isPositive() ? ", " + moved + " carried from a voided receipt" : ""));
        return receipt(id);
    }

    /**
     * Records a payment on a receipt in force: no more than its balance; {@code payer} when not
     * the client.
     */
    @Transactional
    public Receipt pay(long number, String amount, PaymentMethod method, String payer) {
        Receipt receipt = byNumber(number);
        if (receipt.isVoid()) {
            throw new ConflictException("Receipt " + number + " is void: record the payment on the receipt issued"
                    + " in its place (see receipt list --client " + receipt.clientId() + ")");
        }
        Money paid = Money.parse("amount", amount, receipt.total().currency());
        if (!paid.isPositive()) {
            throw InvalidInputException.forField("amount", "give the amount paid, more than nothing");
        }
        if (paid.isMoreThan(receipt.balance())) {
            throw InvalidInputException.forField("amount", paid + " is more than the balance of receipt " + number
                    + ", " + receipt.balance());
        }
        ledger(receipt.id(), PaymentKind.PAYMENT, paid, method, payer(payer), null, clock.instant());
        audit.record("payment", "receipt", receipt.id(), receipt.clientId(), "Recorded a payment of " + paid + " by "
                + method.word() + " on receipt " + number);
        return receipt(receipt.id());
    }

    /** Records money given back on a receipt (voided or not): no more than was paid on it. */
    @Transactional
    public Receipt refund(long number, String amount, PaymentMethod method, String reason) {
        Receipt receipt = byNumber(number);
        Money back = Money.parse("amount", amount, receipt.total().currency());
        if (!back.isPositive()) {
            throw InvalidInputException.forField("amount", "give the amount refunded, more than nothing");
        }
        if (back.isMoreThan(receipt.paid())) {
            throw InvalidInputException.forField("amount", back + " is more than was paid on receipt " + number
                    + ", " + receipt.paid());
        }
        String why = Fields.requiredLine("reason", reason == null ? null : reason.strip(), LINE_MAX);
        ledger(receipt.id(), PaymentKind.REFUND, back, method, null, why, clock.instant());
        audit.record("refund", "receipt", receipt.id(), receipt.clientId(), "Recorded a refund of " + back + " by "
                + method.word() + " on receipt " + number);
        return receipt(receipt.id());
    }

    /**
     * Voids a receipt, with the reason: it stays as issued, marked void. What was paid on it stays
     * there until a new receipt for the session takes it over (or it is refunded).
     */
    @Transactional
    public Receipt voidReceipt(long number, String reason) {
        Receipt receipt = byNumber(number);
        if (receipt.isVoid()) {
            throw new ConflictException("Receipt " + number + " was voided already, on "
                    + LocalDate.ofInstant(receipt.voided().at(), clinic.zone()) + " (" + receipt.voided().reason() + ")");
        }
        String why = Fields.requiredLine("reason", reason == null ? null : reason.strip(), LINE_MAX);
        long id = jdbc.sql("INSERT INTO receipt_void (receipt_id, voided_at, reason) VALUES (?, ?, ?) RETURNING id")
                .param(receipt.id()).param(instant(clock.instant())).param(why).query(Long.class).single();
        chain.link("receipt-void", id);
        audit.record("void", "receipt", receipt.id(), receipt.clientId(), "Voided receipt " + number);
        return receipt(receipt.id());
    }

    /** A receipt by its number. */
    @Transactional(readOnly = true)
    public Receipt byNumber(long number) {
        return jdbc.sql("SELECT id FROM receipt WHERE number = ?").param(number).query(Long.class).optional()
                .map(this::receipt)
                .orElseThrow(() -> new NotFoundException("No receipt numbered " + number + " (see receipt list)"));
    }

    /** Receipts by number: of one client if given (who must exist), for visits in the dates given (null: open). */
    @Transactional(readOnly = true)
    public List<Receipt> list(Long clientId, LocalDate from, LocalDate to) {
        if (clientId != null) {
            clients.get(clientId);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw InvalidInputException.forField("to", to + " is before --from " + from);
        }
        return queries.list(clientId, from, to);
    }

    /** The clinic's time zone, in which receipts' times are said. */
    public ZoneId zone() {
        return clinic.zone();
    }

    private Receipt receipt(long id) {
        return queries.receipt(id).orElseThrow(() -> new IllegalStateException("receipt " + id + " not found"));
    }

    /** The service given, or else the one of the appointment the session attended. */
    private OfferedService service(Long serviceId, ReceiptQueries.Visit session) {
        if (serviceId != null) {
            return services.get("service", serviceId);
        }
        ZoneId zone = clinic.zone();
        LocalDate day = session.startedAt().toLocalDate();
        Optional<Long> visit = queries.serviceOfVisit(session.clientId(), session.practitionerId(),
                day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant());
        return services.get("service", visit.orElseThrow(() -> InvalidInputException.forField("service",
                "session " + session.id() + " attended no appointment booked for a service, so the fee is not"
                + " known: give --service ID (see service list)")));
    }

    /**
     * What was paid on the session's voided receipts, moved onto the new one (receipt {@code id},
     * number {@code number}), method by method; refused when it is more than the new total.
     */
    private Money moveFromVoided(List<Receipt> voided, long id, long number, Money total, Instant now) {
        Money moved = Money.zero(total.currency());
        for (Receipt old : voided) {
            if (!old.total().currency().equals(total.currency()) && old.paid().isPositive()) {
                // The clinic changed its currency since: money is not moved across currencies.
                throw new ConflictException("Voided receipt " + old.number() + " has " + old.paid() + " paid on it, in"
                        + " another currency than this receipt's " + total.currency().getCurrencyCode() + ": refund"
                        + " it on that receipt first with 'receipt refund " + old.number() + "'");
            }
            Map<PaymentMethod, Money> left = new EnumMap<>(PaymentMethod.class);
            for (Payment payment : old.payments()) {
                left.merge(payment.method(), payment.signed(), Money::plus);
            }
            Money owed = old.paid();
            for (Map.Entry<PaymentMethod, Money> net : left.entrySet()) {
                Money part = net.getValue().isMoreThan(owed) ? owed : net.getValue();
                if (!part.isPositive()) {
                    continue;
                }
                ledger(old.id(), PaymentKind.MOVED_OUT, part, net.getKey(), null, "moved to receipt " + number, now);
                ledger(id, PaymentKind.MOVED_IN, part, net.getKey(), null, "moved from receipt " + old.number(), now);
                owed = owed.minus(part);
                moved = moved.plus(part);
            }
        }
        if (moved.isMoreThan(total)) {
            Money over = moved.minus(total);
            long last = voided.getLast().number();
            throw new ConflictException("More was paid on the voided receipt (" + moved + ") than this receipt's total, "
                    + total + ": refund the " + over + " over first with 'receipt refund " + last + " --amount "
                    + over.amount().toPlainString() + " --method ... --reason ...'");
        }
        return moved;
    }

    private void ledger(long receiptId, PaymentKind kind, Money amount, PaymentMethod method, String payer, String note,
            Instant at) {
        long id = jdbc.sql("""
                        INSERT INTO receipt_payment (receipt_id, kind, amount_minor, method, payer, note, paid_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .param(receiptId).param(kind.word()).param(amount.minor()).param(method.word()).param(payer)
                .param(note).param(instant(at)).query(Long.class).single();
        chain.link("payment", id);
    }

    private static PaymentMethod method(Money paid, PaymentMethod method) {
        if (paid.isPositive() && method == null) {
            throw InvalidInputException.forField("method", "is required with --paid: card, cash, transfer or insurance");
        }
        return method;
    }

    private static String payer(String payer) {
        return Fields.optionalLine("payer", payer == null ? null : payer.strip(), LINE_MAX);
    }

    private static String instant(Instant at) {
        return SqliteDialect.INSTANT_TEXT.format(at);
    }
}
