package app.soapstone.report;

import app.soapstone.receipt.Payment;
import app.soapstone.receipt.PaymentKind;
import app.soapstone.receipt.Receipt;
import app.soapstone.receipt.ReceiptService;
import app.soapstone.shell.Failure;
import app.soapstone.storage.SqliteDialect;
import app.soapstone.support.SoapstoneTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code report income} and {@code report outstanding} through the real command layer, their
 * figures checked against sums worked out here, in Java, from the receipts and their ledgers as
 * {@link ReceiptService} reads them back.
 */
@Tag(SoapstoneTest.POSTGRESQL)
class ReportCommandsTest extends SoapstoneTest {

    private static final ZoneId TORONTO = ZoneId.of("America/Toronto");

    @TempDir
    Path temp;

    @Autowired
    private ReceiptService receipts;

    @Autowired
    private ReportService reports;

    private long alex;
    private long sam;
    private long ann;
    private long zoe;
    private long bob;

    @BeforeEach
    void clinicWithServicesWithAndWithoutTax() {
        run("clinic set --name Bodyworks --address \"1 Main St\" --phone \"416 555 0100\" --currency CAD"
                + " --tax-number \"HST 81234 5678 RT0001\"").expectOk();
        alex = Long.parseLong(run("practitioner add --name \"Alex Chen\" --credentials RMT").expectOk());
        sam = Long.parseLong(run("practitioner add --name \"Sam Ng\" --credentials RMT").expectOk());
        ann = Long.parseLong(run("client add --first-name Ann --last-name Lee").expectOk());
        zoe = Long.parseLong(run("client add --first-name Zoë --last-name Brontë").expectOk());
        bob = Long.parseLong(run("client add --first-name Bob --last-name Roy").expectOk());
        run("service add --name \"Massage 60\" --minutes 60 --price 120.00 --tax-rate 13 --tax-name HST").expectOk();
        run("service add --name \"Massage 30\" --minutes 30 --price 65.00").expectOk();
        // 99.99 at 13% is 12.9987: rounded per receipt, so the report must add the receipts' own tax.
        run("service add --name \"Hot stone\" --minutes 90 --price 99.99 --tax-rate 13 --tax-name HST").expectOk();
        run("service add --name \"Cupping\" --minutes 30 --price 50.00 --tax-rate 5 --tax-name GST").expectOk();
    }

    /**
     * A month of the desk's work: part payments, refunds, a void whose replacement takes over what
     * was paid, a void refunded in full, a visit of the month before paid in this one. The report's
     * totals, each way, are the sums of the receipts.
     */
    @Test
    void incomeReconcilesWithTheReceiptsEveryWay() throws IOException {
        YearMonth month = YearMonth.from(TODAY);
        LocalDate first = month.atDay(1);
        LocalDate before = first.minusDays(3);
        issue(session(ann, alex, first), 1, "100", "card");
        run("receipt refund 1 --amount 10 --method card --reason \"Late start\"").expectOk();
        issue(session(zoe, sam, first), 2, "65", "cash");
        run("receipt void 2 --reason \"Wrong service\"").expectOk();
        issue(sessionOf(2), 1, "20", "card");
        run("receipt pay 3 --amount 50.60 --method insurance --payer \"Sun Life\"").expectOk();
        issue(session(ann, sam, TODAY), 3, "0", null);
        run("receipt pay 4 --amount 50 --method transfer").expectOk();
        issue(session(bob, alex, TODAY), 4, "52.50", "card");
        issue(session(bob, sam, TODAY), 2, "65", "card");
        run("receipt void 6 --reason \"Not treated\"").expectOk();
        run("receipt refund 6 --amount 65 --method card --reason \"Not treated\"").expectOk();
        issue(session(zoe, alex, before), 2, "20", "cash");
        run("receipt pay 7 --amount 45 --method cash").expectOk();
        issue(session(zoe, alex, first.minusMonths(1)), 3, "0", null);

        Path file = temp.resolve("income.csv");
        assertThat(run("report income --month " + month + " --csv " + file).expectOk())
                .startsWith("Wrote ").contains(file.toString());
        List<CSVRecord> rows = csv(file);

        // Worked out here from the receipts: in force, for visits in the month.
        List<Receipt> all = receipts.list(null, null, null);
        List<Receipt> charged = all.stream().filter(r -> !r.isVoid() && !r.visitDate().isBefore(first)
                && !r.visitDate().isAfter(month.atEndOfMonth())).toList();
        assertThat(charged).extracting(Receipt::number).containsExactlyInAnyOrder(1L, 3L, 4L, 5L);
        Figures expected = Figures.of(charged);
        assertThat(figures(rows, "charged")).isEqualTo(Map.of("all", expected));
        assertThat(figures(rows, "charged-by-practitioner")).isEqualTo(byKey(charged,
                r -> String.valueOf(r.practitionerId())));
        assertThat(figures(rows, "charged-by-service")).isEqualTo(byKey(charged, r -> String.valueOf(r.serviceId())));
        assertThat(figures(rows, "charged-by-tax")).isEqualTo(byKey(charged,
                r -> r.taxRate() == null ? "no tax" : r.taxLabel()));
        for (String section : List.of("charged-by-practitioner", "charged-by-service", "charged-by-tax")) {
            assertThat(figures(rows, section).values().stream().reduce(Figures.NONE, Figures::plus)).as(section)
                    .isEqualTo(expected);
        }
        assertThat(cell(rows, "voided", "receipts")).isEqualTo(String.valueOf(all.stream()
                .filter(r -> r.isVoid() && !r.visitDate().isBefore(first)).count()));

        // Received: the ledgers' payments less refunds made this month, moves aside.
        ZoneId zone = receipts.zone();
        List<Line> ledger = new ArrayList<>();
        for (Receipt receipt : all) {
            for (Payment p : receipt.payments()) {
                if ((p.kind() == PaymentKind.PAYMENT || p.kind() == PaymentKind.REFUND)
                        && YearMonth.from(p.at().atZone(zone)).equals(month)) {
                    ledger.add(new Line(receipt.practitionerId(), p.method().word(), p.signed().amount()));
                }
            }
        }
        BigDecimal received = ledger.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(received).isPositive();
        assertThat(new BigDecimal(cell(rows, "received", "received"))).isEqualTo(received);
        assertThat(received(rows, "received-by-method")).isEqualTo(ledger.stream().collect(Collectors.groupingBy(
                Line::method, TreeMap::new, Collectors.reducing(BigDecimal.ZERO, Line::amount, BigDecimal::add))));
        assertThat(received(rows, "received-by-practitioner")).isEqualTo(ledger.stream().collect(Collectors.groupingBy(
                l -> String.valueOf(l.practitionerId()), TreeMap::new,
                Collectors.reducing(BigDecimal.ZERO, Line::amount, BigDecimal::add))));
        for (String section : List.of("received-by-method", "received-by-practitioner")) {
            assertThat(received(rows, section).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).as(section)
                    .isEqualTo(received);
        }

        // The table says the same.
        String table = run("report income --month " + month).expectOk();
        assertThat(table).contains("(2 receipts voided, left out)")
                .containsPattern("All +4 +CAD " + expected.fees() + " +CAD " + expected.tax() + " +CAD "
                        + expected.total())
                .containsPattern("All +CAD [0-9.]+ +CAD [0-9.]+ +CAD " + received.toPlainString());
    }

    @Test
    void theMonthsEdgesAreTheClinicsMidnights() throws IOException {
        run("clinic set --time-zone America/Toronto").expectOk();
        long lastDay = issue(session(ann, alex, LocalDate.parse("2025-11-30")), 2, "0", null);
        long dayBefore = issue(session(zoe, alex, LocalDate.parse("2025-10-31")), 2, "0", null);
        issue(session(bob, sam, LocalDate.parse("2025-12-01")), 2, "0", null);
        // Paid at the desk at these local times; the test's clock cannot be set, so the ledger is
        // written as the service writes it, an instant in UTC text.
        paid(lastDay, "1.00", "2025-11-30T23:30");   // 2025-12-01T04:30Z: November in Toronto
        paid(lastDay, "2.00", "2025-12-01T00:00");   // December
        paid(lastDay, "4.00", "2025-11-01T00:00");   // November's first moment
        paid(dayBefore, "8.00", "2025-10-31T23:59"); // October, though 2025-11-01 in UTC

        String november = "report income --month 2025-11 --csv ";
        List<CSVRecord> rows = csv(write(november));
        assertThat(cell(rows, "received", "received")).isEqualTo("5.00");
        assertThat(cell(rows, "charged", "receipts")).isEqualTo("1");
        assertThat(figures(rows, "charged-by-practitioner")).containsOnlyKeys(String.valueOf(alex));
        List<CSVRecord> fromTo = csv(write("report income --from 2025-10-31 --to 2025-12-01 --csv "));
        assertThat(cell(fromTo, "received", "received")).isEqualTo("15.00");
        assertThat(cell(fromTo, "charged", "receipts")).isEqualTo("3");
        List<CSVRecord> december = csv(write("report income --from 2025-12-01 --to 2025-12-01 --csv "));
        assertThat(cell(december, "received", "received")).isEqualTo("2.00");
        assertThat(figures(december, "charged-by-practitioner")).containsOnlyKeys(String.valueOf(sam));
    }

    @Test
    void theCsvIsOneTableASpreadsheetCanPivotWrittenOwnerOnlyAndAudited() throws IOException {
        long evil = Long.parseLong(run("practitioner add --name \"=HYPERLINK(\\\"http://x\\\")\" --credentials RMT")
                .expectOk());
        issue(session(ann, evil, LocalDate.parse("2025-11-03")), 1, "135.60", "card");
        issue(session(zoe, alex, LocalDate.parse("2025-11-04")), 2, "0", null);
        run("receipt refund 1 --amount 35.60 --method card --reason Discount").expectOk();

        Result written = run("report income --month 2025-11 --csv " + temp + "/");
        Path file = temp.resolve("income-2025-11.csv");
        assertThat(written.expectOk()).isEqualTo("Wrote 8 rows to " + file + ": income for November 2025 (2025-11-01"
                + " to 2025-11-30), days in " + receipts.zone().getId() + ".");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String period = "\"2025-11-01\",\"2025-11-30\",";
        String evilId = "\"" + evil + "\"";
        assertThat(text.lines().toList()).containsExactly(
                "\"from\",\"to\",\"section\",\"id\",\"name\",\"currency\",\"receipts\",\"fees\",\"tax\",\"total\","
                        + "\"payments\",\"refunds\",\"received\"",
                period + "\"charged\",,\"all\",\"CAD\",\"2\",\"185.00\",\"15.60\",\"200.60\",,,",
                period + "\"charged-by-practitioner\"," + evilId + ",\"'=HYPERLINK(\"\"http://x\"\")\",\"CAD\",\"1\","
                        + "\"120.00\",\"15.60\",\"135.60\",,,",
                period + "\"charged-by-practitioner\",\"" + alex + "\",\"Alex Chen\",\"CAD\",\"1\",\"65.00\",\"0.00\","
                        + "\"65.00\",,,",
                period + "\"charged-by-service\",\"2\",\"Massage 30\",\"CAD\",\"1\",\"65.00\",\"0.00\",\"65.00\",,,",
                period + "\"charged-by-service\",\"1\",\"Massage 60\",\"CAD\",\"1\",\"120.00\",\"15.60\",\"135.60\",,,",
                period + "\"charged-by-tax\",,\"HST 13%\",\"CAD\",\"1\",\"120.00\",\"15.60\",\"135.60\",,,",
                period + "\"charged-by-tax\",,\"no tax\",\"CAD\",\"1\",\"65.00\",\"0.00\",\"65.00\",,,",
                period + "\"voided\",,,,\"0\",,,,,,");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(run("audit list").expectOk()).contains("Wrote the income report for November 2025");

        Result again = run("report income --month 2025-11 --csv " + file);
        assertThat(again.status()).isEqualTo(Failure.CONFLICT);
        assertThat(again.error()).contains("already exists; give --force");
        issue(session(bob, alex, LocalDate.parse("2025-11-05")), 2, "0", null);
        run("report income --month 2025-11 --csv " + file + " --force").expectOk();
        assertThat(Files.readString(file)).contains(period + "\"charged\",,\"all\",\"CAD\",\"3\",\"250.00\"");
    }

    @Test
    void anEmptyPeriodSaysSoAndRefusalsNameTheOption() {
        assertThat(run("report income --month 2025-02").expectOk()).isEqualTo("Income for February 2025 (2025-02-01"
                + " to 2025-02-28), days in " + receipts.zone().getId() + ".\n\nCharged for visits in the period: no"
                + " receipts.\n\nReceived in the period: payments less refunds, on the days they were made (money"
                + " moved from a voided receipt to its replacement is not income): nothing.");
        assertThat(run("report income").expectOk()).startsWith("Income for " + YearMonth.from(TODAY).getMonth()
                .getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        Map<String, String> refused = Map.of(
                "report income --month 2026-13", "--month: '2026-13' is not a month: use YYYY-MM",
                "report income --month 11-2026", "--month: '11-2026' is not a month",
                "report income --month 2026-11 --from 2026-11-01", "--month: give a month or --from and --to, not both",
                "report income --from 2026-11-05 --to 2026-11-01", "--to: 2026-11-01 is before --from 2026-11-05",
                "report income --to 2026-11-01", "--to: give --from too",
                "report income --from 2026-02-30", "--from: 2026-02-30 is not a valid date",
                "report income --from " + TODAY.plusDays(1), "--from: " + TODAY.plusDays(1) + " is after today");
        refused.forEach((line, error) -> {
            Result result = run(line);
            assertThat(result.status()).as(line).isEqualTo(Failure.USAGE);
            assertThat(result.error()).as(line).startsWith(error).doesNotContain("\n");
        });
        assertThat(run("report outstanding --client 999999999").status()).isEqualTo(Failure.NOT_FOUND);
    }

    @Test
    void outstandingListsTheReceiptsInForceWithABalanceAndTheTotalOwing() {
        assertThat(run("report outstanding").expectOk()).isEqualTo("Nothing is owing.");
        issue(session(ann, alex, LocalDate.parse("2025-11-03")), 1, "100", "card");
        issue(session(zoe, sam, LocalDate.parse("2025-11-04")), 2, "65", "cash");
        issue(session(bob, alex, LocalDate.parse("2025-11-05")), 2, "30", "cash");
        run("receipt void 3 --reason \"Wrong service\"").expectOk();
        issue(sessionOf(3), 1, "0", null);
        issue(session(ann, sam, LocalDate.parse("2025-10-01")), 3, "50", "card");
        run("receipt refund 5 --amount 20 --method card --reason Discount").expectOk();

        String out = run("report outstanding").expectOk();

        List<Receipt> owing = receipts.list(null, null, null).stream()
                .filter(r -> !r.isVoid() && r.balance().isPositive()).toList();
        assertThat(owing).extracting(Receipt::number).containsExactlyInAnyOrder(1L, 4L, 5L);
        assertThat(out).startsWith("Owing on 3 receipts in force, as of " + TODAY + ":");
        List<String> rows = out.lines().filter(l -> l.matches(" *\\d+ +\\d{4}-.*")).toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.getFirst()).containsPattern("^ +5 +2025-10-01 +Ann Lee \\(" + ann + "\\) +Sam Ng +CAD 112.99"
                + " +CAD 30.00 +CAD 82.99 +" + ChronoUnit.DAYS.between(LocalDate.parse("2025-10-01"), TODAY) + "$");
        for (Receipt receipt : owing) {
            assertThat(out).containsPattern("(?m)^ +" + receipt.number() + " +" + receipt.visitDate() + " .* "
                    + receipt.total() + " +" + receipt.paid() + " +" + receipt.balance() + " +\\d+$");
        }
        BigDecimal total = owing.stream().map(r -> r.balance().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(out).endsWith("\nTotal owing: CAD " + total.toPlainString() + ".");

        assertThat(run("report outstanding --client " + zoe).expectOk()).isEqualTo("Nothing is owing on client " + zoe
                + "'s receipts.");
        assertThat(run("report outstanding " + bob).expectOk()).contains("Owing on 1 receipt in force")
                .endsWith("Total owing: CAD 105.60.");
    }

    @Test
    void theTablesAreReadableAtSixtyAndAHundredColumns() {
        long samantha = Long.parseLong(run("practitioner add --name \"Samantha Ng-Whitfield\" --credentials RMT")
                .expectOk());
        issue(session(ann, alex, LocalDate.parse("2025-11-03")), 1, "100", "card");
        issue(session(zoe, samantha, LocalDate.parse("2025-11-04")), 4, "0", null);
        ReportPeriod november = reports.period("2025-11", null, null);

        for (int width : List.of(60, 100)) {
            String income = ReportCommands.income(reports.income(november), width);
            String owing = ReportCommands.outstanding(reports.outstanding(null), width);
            // The headings are prose, which the shell wraps at the screen's width; the tables are laid out here.
            for (String line : (income + "\n" + owing).lines().filter(l -> !l.matches(
                    "(Income for|Charged for|Received in|Owing on|Total owing) .*")).toList()) {
                assertThat(line.length()).as(width + ": " + line).isLessThanOrEqualTo(width);
                // Amounts are never cut or split over two lines.
                assertThat(line).as(line).doesNotContain("…").doesNotMatch(".*CAD *$");
            }
            assertThat(income).contains("CAD 135.60").contains("CAD 52.50");
            assertThat(owing).contains("Total owing: CAD 88.10.");
        }
        assertThat(ReportCommands.outstanding(reports.outstanding(null), 100)).containsPattern(
                "\\d +2025-11-04 +Zoë Brontë \\(" + zoe + "\\) +Samantha Ng-Whitfield +CAD 52.50 +CAD 0.00"
                        + " +CAD 52.50");
        assertThat(ReportCommands.outstanding(reports.outstanding(null), 60))
                .contains("amounts in CAD:").containsPattern("2025-11-04 +Zoë Brontë .* 52.50 +0.00 +52.50");
    }

    /** Fees, tax and totals of some receipts, and how many. */
    private record Figures(long receipts, BigDecimal fees, BigDecimal tax, BigDecimal total) {

        static final Figures NONE = new Figures(0, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2),
                BigDecimal.ZERO.setScale(2));

        static Figures of(List<Receipt> receipts) {
            return receipts.stream().map(r -> new Figures(1, r.fee().amount(), r.tax().amount(), r.total().amount()))
                    .reduce(NONE, Figures::plus);
        }

        Figures plus(Figures other) {
            return new Figures(receipts + other.receipts, fees.add(other.fees), tax.add(other.tax),
                    total.add(other.total));
        }
    }

    /** A payment (positive) or refund (negative) of the ledger, with the practitioner of its receipt. */
    private record Line(long practitionerId, String method, BigDecimal amount) {
    }

    private static Map<String, Figures> byKey(List<Receipt> receipts, Function<Receipt, String> key) {
        return receipts.stream().collect(Collectors.groupingBy(key, Collectors.collectingAndThen(Collectors.toList(),
                Figures::of)));
    }

    /** A section's charged figures by id (or by name, for a tax or a total). */
    private static Map<String, Figures> figures(List<CSVRecord> rows, String section) {
        Map<String, Figures> figures = new TreeMap<>();
        for (CSVRecord row : rows) {
            if (row.get("section").equals(section)) {
                assertThat(row.get("currency")).isEqualTo("CAD");
                Figures line = new Figures(Long.parseLong(row.get("receipts")), new BigDecimal(row.get("fees")),
                        new BigDecimal(row.get("tax")), new BigDecimal(row.get("total")));
                assertThat(figures.put(row.get("id").isEmpty() ? row.get("name") : row.get("id"), line)).isNull();
            }
        }
        return figures;
    }

    /** A section's received amounts by id (or by name, for a method). */
    private static Map<String, BigDecimal> received(List<CSVRecord> rows, String section) {
        Map<String, BigDecimal> received = new TreeMap<>();
        for (CSVRecord row : rows) {
            if (row.get("section").equals(section)) {
                BigDecimal net = new BigDecimal(row.get("received"));
                assertThat(net).isEqualTo(new BigDecimal(row.get("payments"))
                        .subtract(new BigDecimal(row.get("refunds"))));
                received.put(row.get("id").isEmpty() ? row.get("name") : row.get("id"), net);
            }
        }
        return received;
    }

    private static String cell(List<CSVRecord> rows, String section, String column) {
        List<String> cells = rows.stream().filter(r -> r.get("section").equals(section)).map(r -> r.get(column))
                .toList();
        assertThat(cells).as(section).hasSize(1);
        return cells.getFirst();
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            return parser.getRecords();
        }
    }

    private Path write(String command) {
        Path file = temp.resolve("report-" + System.nanoTime() + ".csv");
        run(command + file).expectOk();
        return file;
    }

    /** Records a payment on receipt {@code id} made at {@code local} in the clinic's zone, as the service stores it. */
    private void paid(long id, String amount, String local) {
        jdbc.sql("""
                        INSERT INTO receipt_payment (receipt_id, kind, amount_minor, method, paid_at)
                        VALUES (?, 'payment', ?, 'cash', ?)""")
                .param(id).param(new BigDecimal(amount).movePointRight(2).longValueExact())
                .param(SqliteDialect.INSTANT_TEXT.format(LocalDateTime.parse(local).atZone(TORONTO).toInstant()))
                .update();
    }

    /** Issues a receipt for {@code session} at service {@code service}'s fee; its id. */
    private long issue(long session, long service, String paid, String method) {
        run("receipt issue --session " + session + " --service " + service + " --paid " + paid
                + (method == null ? "" : " --method " + method)).expectOk();
        return jdbc.sql("SELECT max(id) FROM receipt").query(Long.class).single();
    }

    private long sessionOf(long receiptNumber) {
        return receipts.byNumber(receiptNumber).sessionId();
    }

    private long session(long client, long practitioner, LocalDate date) {
        List<String> out = run("session new --client " + client + " --date " + date + " --time 10:00 --practitioner "
                + practitioner + " --duration 60 --subjective \"Calves tight\"").expectOk().lines().toList();
        return Long.parseLong(out.getLast().strip());
    }
}
