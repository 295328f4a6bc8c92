package app.soapstone.report;

import app.soapstone.client.ClientService;
import app.soapstone.clinic.ClinicService;
import app.soapstone.integrity.AuditTrail;
import app.soapstone.report.IncomeReport.Charged;
import app.soapstone.report.IncomeReport.ChargedLine;
import app.soapstone.report.IncomeReport.Received;
import app.soapstone.report.IncomeReport.ReceivedLine;
import app.soapstone.report.Outstanding.Owed;
import app.soapstone.storage.PrivateFiles;
import app.soapstone.validation.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The clinic's money reports, read from the receipts and their ledger: income for a period (what
 * was charged for its visits, what was received on its days) and the balances still owing. Every
 * figure is a sum of whole minor units, so it is exact and adds up with the receipts it came from.
 */
@Service
class ReportService {

    /** The payment methods in the order the desk says them: card, cash, transfer, insurance. */
    private static final List<String> METHODS = List.of("card", "cash", "transfer", "insurance");

    private final ReportQueries queries;
    private final ClinicService clinic;
    private final ClientService clients;
    private final AuditTrail audit;
    private final Clock clock;

    ReportService(ReportQueries queries, ClinicService clinic, ClientService clients, AuditTrail audit, Clock clock) {
        this.queries = queries;
        this.clinic = clinic;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    /** The period the options name ({@link ReportPeriod#of}), read against today at the clinic. */
    @Transactional(readOnly = true)
    ReportPeriod period(String month, String from, String to) {
        return ReportPeriod.of(month, from, to, today(clinic.zone()));
    }

    /**
     * Income for {@code period}: receipts in force for visits on its days, and payments less refunds
     * made on its days - both days in the clinic's time zone.
     */
    @Transactional(readOnly = true)
    IncomeReport income(ReportPeriod period) {
        ZoneId zone = clinic.zone();
        LocalDate from = period.from();
        LocalDate to = period.to();
        Charged charged = new Charged(
                byName(queries.chargedTotals(from, to), ChargedLine::total, ChargedLine::name, ChargedLine::id),
                byName(queries.chargedByPractitioner(from, to), ChargedLine::total, ChargedLine::name, ChargedLine::id),
                byName(queries.chargedByService(from, to), ChargedLine::total, ChargedLine::name, ChargedLine::id),
                byName(queries.chargedByTax(from, to), ChargedLine::total, ChargedLine::name, ChargedLine::id),
                queries.voided(from, to));
        Instant start = period.start(zone);
        Instant end = period.end(zone);
        List<ReceivedLine> byMethod = queries.receivedByMethod(start, end).stream()
                .sorted(Comparator.comparing((ReceivedLine line) -> line.payments().currency().getCurrencyCode())
                        .thenComparing(line -> METHODS.indexOf(line.name())))
                .toList();
        Received received = new Received(
                byName(queries.receivedTotals(start, end), ReceivedLine::payments, ReceivedLine::name,
                        ReceivedLine::id),
                byMethod,
                byName(queries.receivedByPractitioner(start, end), ReceivedLine::payments, ReceivedLine::name,
                        ReceivedLine::id));
        return new IncomeReport(period, zone, charged, received);
    }

    /**
     * Lines by currency, then by name as people read a list (case aside), then by id: the same order
     * on both databases, whose collations differ.
     */
    private static <T> List<T> byName(List<T> lines, Function<T, Money> money, Function<T, String> name,
            Function<T, Long> id) {
        return lines.stream().sorted(Comparator.comparing((T line) -> money.apply(line).currency().getCurrencyCode())
                .thenComparing(name, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
                .thenComparing(id, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
    }

    /** The CSV file written, and the report it holds. */
    record Written(Path file, IncomeReport report, int rows) {
    }

    /**
     * Writes the income report for {@code period} as CSV ({@link IncomeCsv}) to {@code csv} (a file,
     * or a folder for income-PERIOD.csv), whole or not at all, readable by the owner only, replacing
     * a file only if {@code force}; recorded in the audit trail, as every export of the clinic's
     * figures is.
     */
    @Transactional
    Written writeIncomeCsv(ReportPeriod period, String csv, boolean force) {
        Path target = PrivateFiles.target("csv", csv, "income-" + period.fileWord() + ".csv");
        PrivateFiles.checkTarget("csv", target, force);
        IncomeReport report = income(period);
        IncomeCsv file = IncomeCsv.of(report);
        audit.record("export", "report", null, null, "Wrote the income report for " + period.said() + ", "
                + file.rows() + " rows, to " + target.getFileName());
        PrivateFiles.write("csv", target, file.text().getBytes(StandardCharsets.UTF_8), force);
        return new Written(target, report, file.rows());
    }

    /** Receipts in force with a balance, of one client if given (who must exist). */
    @Transactional(readOnly = true)
    Outstanding outstanding(Long clientId) {
        if (clientId != null) {
            clients.get(clientId);
        }
        List<Owed> owed = queries.owed(clientId);
        Map<String, Money> totals = new LinkedHashMap<>();
        owed.stream().sorted(Comparator.comparing(o -> o.total().currency().getCurrencyCode()))
                .forEach(o -> totals.merge(o.total().currency().getCurrencyCode(), o.owing(), Money::plus));
        return new Outstanding(today(clinic.zone()), owed, List.copyOf(totals.values()));
    }

    private LocalDate today(ZoneId zone) {
        return LocalDate.now(clock.withZone(zone));
    }
}
