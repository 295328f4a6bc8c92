package app.soapstone.receipt;

import app.soapstone.shell.Failure;
import app.soapstone.shell.ShellCompleter;
import app.soapstone.support.SoapstoneTest;
import app.soapstone.support.Tab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Receipts ({@code receipt issue|pay|refund|void|list|show}) through the real command layer. */
@Tag(SoapstoneTest.POSTGRESQL)
class ReceiptCommandsTest extends SoapstoneTest {

    @Autowired
    private ReceiptService receipts;
    @Autowired
    private ShellCompleter completer;

    private final ExecutorService desks = Executors.newFixedThreadPool(4);
    private long alex;
    private long ann;

    @BeforeEach
    void clinicWithAPricedService() {
        run("clinic set --name Bodyworks --address \"1 Main St\" --phone \"416 555 0100\" --currency CAD"
                + " --tax-number \"HST 81234 5678 RT0001\"").expectOk();
        alex = Long.parseLong(run("practitioner add --name \"Alex Chen\" --credentials RMT"
                + " --registration-number M1234").expectOk());
        ann = Long.parseLong(run("client add --first-name Ann --last-name Lee").expectOk());
        run("service add --name \"Massage 60\" --minutes 60 --price 120.00 --tax-rate 13 --tax-name HST").expectOk();
        run("service add --name \"Massage 30\" --minutes 30 --price 65.00").expectOk();
    }

    @AfterEach
    void closeDesks() {
        desks.shutdownNow();
    }

    @Test
    void aReceiptHoldsWhatTheRegulatorAsksForAsIssued() {
        long session = session("2026-03-02");

        String out = run("receipt issue --session " + session + " --service 1 --paid 135.60 --method card").expectOk();

        assertThat(out).isEqualTo("Issued receipt 1 for Ann Lee, Massage 60 on 2026-03-02: CAD 135.60; paid in full.");
        Map<String, Object> row = jdbc.sql("SELECT * FROM receipt").query().singleRow();
        assertThat(row).containsEntry("visit_date", "2026-03-02").containsEntry("client_name", "Ann Lee")
                .containsEntry("practitioner_name", "Alex Chen").containsEntry("practitioner_credentials", "RMT")
                .containsEntry("registration_number", "M1234").containsEntry("tax_number", "HST 81234 5678 RT0001")
                .containsEntry("service_name", "Massage 60").containsEntry("currency", "CAD")
                .containsEntry("tax_name", "HST").containsEntry("tax_rate", "13");
        assertThat(((Number) row.get("fee_minor")).longValue()).isEqualTo(12000);
        assertThat(((Number) row.get("tax_minor")).longValue()).isEqualTo(1560);
        assertThat(((Number) row.get("total_minor")).longValue()).isEqualTo(13560);
        assertThat(run("receipt show 1").expectOk()).contains("Therapist:    Alex Chen, RMT, registration M1234")
                .contains("Tax:          CAD 15.60 (HST 13%)").contains("Tax number:   HST 81234 5678 RT0001")
                .contains("Owing:        CAD 0.00");
        // A rename later does not change what the receipt says.
        run("client edit " + ann + " --last-name Park").expectOk();
        assertThat(run("receipt show 1").expectOk()).contains("Client:       Ann Lee");
        assertThat(run("audit list").expectOk()).contains("Issued receipt 1 for session " + session
                + ": CAD 135.60, paid CAD 135.60 by card");
    }

    @Test
    void theFeeIsTheAttendedAppointmentsServiceUnlessOneIsGiven() {
        run("clinic set --time-zone America/Toronto").expectOk();
        run("appointment book --client " + ann + " --practitioner " + alex + " --at \"2026-03-02 10:00\" --service 2")
                .expectOk();
        long session = session("2026-03-02");

        assertThat(run("receipt issue --session " + session + " --paid 0").expectOk())
                .isEqualTo("Issued receipt 1 for Ann Lee, Massage 30 on 2026-03-02: CAD 65.00; paid CAD 0.00,"
                        + " CAD 65.00 owing.");

        long unbooked = session("2026-03-09");
        Result refused = run("receipt issue --session " + unbooked + " --paid 0");
        assertThat(refused.status()).isEqualTo(Failure.USAGE);
        assertThat(refused.error()).startsWith("--service: session " + unbooked + " attended no appointment")
                .doesNotContain("\n");
    }

    @Test
    void partPaymentsAreRecordedUpToTheBalanceAndRefundsUpToWhatWasPaid() {
        long session = session("2026-03-02");
        run("receipt issue --session " + session + " --service 1 --paid 35.60 --method cash").expectOk();

        assertThat(run("receipt pay 1 --amount 100 --method insurance --payer \"Sun Life\"").expectOk())
                .isEqualTo("Recorded the payment on receipt 1; paid in full.");
        Result over = run("receipt pay 1 --amount 0.01 --method cash");
        assertThat(over.status()).isEqualTo(Failure.USAGE);
        assertThat(over.error()).isEqualTo("Error: --amount: CAD 0.01 is more than the balance of receipt 1, CAD 0.00"
                .substring("Error: ".length()));

        assertThat(run("receipt refund 1 --amount 35.60 --method cash --reason \"Paid twice\"").expectOk())
                .isEqualTo("Recorded the refund on receipt 1: paid now CAD 100.00.");
        Result tooMuch = run("receipt refund 1 --amount 100.01 --method card --reason x");
        assertThat(tooMuch.error()).startsWith("--amount: CAD 100.01 is more than was paid on receipt 1, CAD 100.00");
        assertThat(run("receipt show 1").expectOk()).containsPattern("payment +insurance +CAD 100.00 +Sun Life")
                .containsPattern("refund +cash +CAD 35.60 +Paid twice").contains("Owing:        CAD 35.60");
    }

    @Test
    void badInputIsOneLineNamingTheOptionAndNothingIsStored() {
        long session = session("2026-03-02");
        Map<String, String> refused = Map.of(
                "receipt issue --session " + session + " --service 1 --paid 140 --method card",
                "--paid: CAD 140.00 is more than what is owed, CAD 135.60",
                "receipt issue --session " + session + " --service 1 --paid 10", "--method: is required with --paid",
                "receipt issue --session " + session + " --service 1 --paid 1.234 --method card", "--paid: 1.234 has more",
                "receipt issue --session " + session + " --service 1 --paid -1 --method card", "--paid: ",
                "receipt issue --session " + session + " --service 9 --paid 0", "--service: no service with id 9",
                "receipt issue --session " + session + " --service 1 --paid 1 --method cheque", "--method");
        refused.forEach((line, error) -> {
            Result result = run(line);
            assertThat(result.status()).as(line).isNotZero();
            assertThat(result.error()).as(line).startsWith(error).doesNotContain("\n");
        });
        run("service add --name Free --minutes 10").expectOk();
        assertThat(run("receipt issue --session " + session + " --service 3 --paid 0").error())
                .isEqualTo("--service: service 3 (Free) has no price: set one with 'service edit 3 --price AMOUNT'");
        assertThat(run("receipt issue --session 99 --service 1 --paid 0").status()).isEqualTo(Failure.NOT_FOUND);
        assertThat(count("receipt") + count("receipt_payment")).isZero();
    }

    @Test
    void aVoidedReceiptStaysAndItsReplacementTakesOverWhatWasPaid() {
        long session = session("2026-03-02");
        run("receipt issue --session " + session + " --service 2 --paid 65 --method card").expectOk();
        Result second = run("receipt issue --session " + session + " --service 1 --paid 0");
        assertThat(second.status()).isEqualTo(Failure.CONFLICT);
        assertThat(second.error()).startsWith("Session " + session + " already has receipt 1");

        assertThat(run("receipt void 1 --reason \"Wrong service\"").expectOk()).startsWith("Voided receipt 1. CAD 65.00"
                + " paid on it goes to the receipt issued in its place");
        assertThat(run("receipt void 1 --reason again").status()).isEqualTo(Failure.CONFLICT);
        Result unknown = run("receipt void 9 --reason x");
        assertThat(unknown.status()).isEqualTo(Failure.NOT_FOUND);
        assertThat(unknown.error()).isEqualTo("No receipt numbered 9 (see receipt list)");
        assertThat(run("receipt pay 1 --amount 1 --method cash").status()).isEqualTo(Failure.CONFLICT);
        assertThat(run("receipt issue --session " + session + " --service 1 --paid 70.60 --method cash").expectOk())
                .isEqualTo("Issued receipt 2 for Ann Lee, Massage 60 on 2026-03-02: CAD 135.60; paid in full.");

        assertThat(run("receipt show 1").expectOk()).startsWith("Receipt 1  VOID").contains("Wrong service")
                .containsPattern("moved-out +card +CAD 65.00 +moved to receipt 2").contains("Paid:         CAD 0.00");
        assertThat(run("receipt show 2").expectOk()).containsPattern("moved-in +card +CAD 65.00 +moved from receipt 1")
                .containsPattern("payment +cash +CAD 70.60");
        assertThat(run("receipt list --client " + ann).expectOk()).startsWith("Amounts in CAD.")
                .containsPattern("1 +2026-03-02 .* void").containsPattern("2 +2026-03-02 .* 135.60 +135.60 +paid");
        assertThat(run("records verify").expectOk()).contains("No final record has changed since it became final");
    }

    @Test
    void moreCarriedFromAVoidedReceiptThanTheNewTotalMustBeRefundedFirst() {
        long session = session("2026-03-02");
        run("receipt issue --session " + session + " --service 1 --paid 135.60 --method card").expectOk();
        run("receipt void 1 --reason \"Should have been the 30 minutes\"").expectOk();

        Result refused = run("receipt issue --session " + session + " --service 2 --paid 0");
        assertThat(refused.status()).isEqualTo(Failure.CONFLICT);
        assertThat(refused.error()).isEqualTo("More was paid on the voided receipt (CAD 135.60) than this receipt's"
                + " total, CAD 65.00: refund the CAD 70.60 over first with 'receipt refund 1 --amount 70.60 --method ..."
                + " --reason ...'");
        assertThat(count("receipt")).isEqualTo(1);

        run("receipt refund 1 --amount 70.60 --method card --reason \"Charged the 60 minutes\"").expectOk();
        assertThat(run("receipt issue --session " + session + " --service 2 --paid 0").expectOk())
                .isEqualTo("Issued receipt 2 for Ann Lee, Massage 30 on 2026-03-02: CAD 65.00; paid in full.");
        assertThat(receipts.byNumber(1).paid().amount()).isEqualByComparingTo("0");
    }

    @Test
    void moneyIsNeverMovedAcrossCurrencies() {
        long session = session("2026-03-02");
        run("receipt issue --session " + session + " --service 2 --paid 65 --method cash").expectOk();
        run("receipt void 1 --reason \"Charged in the old currency\"").expectOk();
        // The clinic moves to US dollars: prices cleared, currency changed, priced again.
        run("service edit 1 --price ''").expectOk();
        run("service edit 2 --price ''").expectOk();
        run("clinic set --currency USD").expectOk();
        run("service edit 2 --price 50").expectOk();

        Result refused = run("receipt issue --session " + session + " --service 2 --paid 0");

        assertThat(refused.status()).isEqualTo(Failure.CONFLICT);
        assertThat(refused.error()).isEqualTo("Voided receipt 1 has CAD 65.00 paid on it, in another currency than"
                + " this receipt's USD: refund it on that receipt first with 'receipt refund 1'");
        run("receipt refund 1 --amount 65 --method cash --reason \"Repaid in USD\"").expectOk();
        assertThat(run("receipt issue --session " + session + " --service 2 --paid 50 --method cash").expectOk())
                .isEqualTo("Issued receipt 2 for Ann Lee, Massage 30 on 2026-03-02: USD 50.00; paid in full.");
    }

    @Test
    void theDatabaseRefusesAnyChangeToAReceiptItsVoidOrItsPayments() {
        run("receipt issue --session " + session("2026-03-02") + " --service 1 --paid 10 --method card").expectOk();
        run("receipt void 1 --reason Mistake").expectOk();

        for (String change : List.of("UPDATE receipt SET fee_minor = 1", "DELETE FROM receipt",
                "UPDATE receipt_payment SET amount_minor = 1", "DELETE FROM receipt_payment",
                "UPDATE receipt_void SET reason = 'x'", "DELETE FROM receipt_void")) {
            assertThatThrownBy(() -> jdbc.sql(change).update()).as(change).hasMessageContaining("final");
        }
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO receipt (number, session_id, client_id, practitioner_id, visit_date, client_name,
                    practitioner_name, practitioner_credentials, service_name, currency, fee_minor, tax_minor,
                    total_minor, issued_at)
                SELECT 5, session_id, client_id, practitioner_id, visit_date, client_name, practitioner_name,
                    practitioner_credentials, service_name, currency, 0, 0, 0, issued_at FROM receipt""").update())
                .hasMessageContaining("next number");
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO receipt_payment (receipt_id, kind, amount_minor, method, paid_at)
                SELECT id, 'payment', 100, 'cash', issued_at FROM receipt""").update())
                .hasMessageContaining("a voided receipt takes no payment");
        assertThat(jdbc.sql("SELECT record_type FROM record_chain WHERE record_type <> 'audit' ORDER BY seq")
                .query(String.class).list()).containsExactly("receipt", "payment", "receipt-void");
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void twoDesksIssuingAtOnceGetEveryNumberOnceWithNoGap() throws Exception {
        int each = 6;
        List<Long> sessions = new ArrayList<>();
        for (int day = 1; day <= 2 * each; day++) {
            sessions.add(session(String.format("2026-03-%02d", day)));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> work = new ArrayList<>();
        for (int desk = 0; desk < 2; desk++) {
            List<Long> mine = sessions.subList(desk * each, (desk + 1) * each);
            work.add(desks.submit(() -> {
                start.await();
                List<Long> numbers = new ArrayList<>();
                for (long session : mine) {
                    numbers.add(receipts.issue(new ReceiptService.Issue(session, 1L, "135.60", PaymentMethod.CARD,
                            null)).number());
                }
                return numbers;
            }));
        }
        start.countDown();
        List<Long> numbers = new ArrayList<>();
        for (Future<List<Long>> desk : work) {
            numbers.addAll(desk.get(150, TimeUnit.SECONDS));
        }

        assertThat(numbers).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 2 * each).boxed().toList());
        assertThat(jdbc.sql("SELECT number FROM receipt ORDER BY id").query(Long.class).list())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 2 * each).boxed().toList());
        assertThat(run("records verify").expectOk()).contains("No final record has changed since it became final");
    }

    @Test
    void aFailedIssueTakesNoNumber() {
        long session = session("2026-03-02");
        assertThat(run("receipt issue --session " + session + " --service 1 --paid 999 --method card").ok()).isFalse();

        assertThat(run("receipt issue --session " + session + " --service 1 --paid 0").expectOk())
                .startsWith("Issued receipt 1 ");
    }

    @Test
    void tabOffersTheReceiptsEachCommandTakesWithWhatIsOwing() {
        for (String date : List.of("2026-03-02", "2026-03-09", "2026-03-16")) {
            run("receipt issue --session " + session(date) + " --service 1 --paid 100 --method card").expectOk();
        }
        run("receipt pay 2 --amount 35.60 --method cash").expectOk();
        run("receipt void 3 --reason Mistake").expectOk();

        List<org.jline.reader.Candidate> all = Tab.press(completer, "receipt show ");
        assertThat(Tab.values(all)).containsExactly("3", "2", "1");
        assertThat(all.getFirst().displ()).isEqualTo("3  2026-03-16 Ann Lee");
        assertThat(all.getFirst().descr()).isEqualTo("void");
        assertThat(all.get(2).descr()).isEqualTo("CAD 35.60 owing");
        assertThat(Tab.values(Tab.press(completer, "receipt pay "))).containsExactly("1");
        assertThat(Tab.values(Tab.press(completer, "receipt void "))).containsExactly("2", "1");
        assertThat(Tab.values(Tab.press(completer, "receipt refund "))).containsExactly("3", "2", "1");
        // The receipt as an option too, as other commands take their subject.
        assertThat(run("receipt show --receipt 2").expectOk()).startsWith("Receipt 2 ");
    }

    @Test
    void tabAfterSessionOffersTheVisitsWithNoReceiptFirst() {
        long paid = session("2026-03-02");
        long later = session("2026-03-09");
        long latest = session("2026-03-16");
        run("receipt issue --session " + paid + " --service 1 --paid 0").expectOk();

        List<org.jline.reader.Candidate> offered = Tab.press(completer, "receipt issue --client " + ann + " --session ");

        assertThat(Tab.values(offered)).containsExactly(String.valueOf(latest), String.valueOf(later),
                String.valueOf(paid));
        assertThat(offered.getFirst().displ()).isEqualTo(latest + "  2026-03-16 10:00  Ann Lee");
        assertThat(offered.getFirst().descr()).isEqualTo("no receipt");
        assertThat(offered.getLast().descr()).isEqualTo("receipt 1");
    }

    @Test
    void aLongNameNeverCutsAnAmountInTheList() {
        run("client edit " + ann + " --first-name \"Benedict Alexander\" --last-name Park-Wolfeschlegelsteinhausenbergerdorff")
                .expectOk();
        run("receipt issue --session " + session("2026-03-02") + " --service 1 --paid 100 --method card").expectOk();
        List<Receipt> list = receipts.list(null, null, null);

        for (int width : List.of(60, 100)) {
            String table = ReceiptCommands.table(list, width);
            assertThat(table.lines()).as(table).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(width));
            assertThat(table).as(table).contains("135.60").contains("100.00").contains("35.60").contains("2026-03-02");
        }
    }

    private long session(String date) {
        List<String> out = run("session new --client " + ann + " --date " + date + " --time 10:00 --practitioner "
                + alex + " --duration 60 --subjective \"Calves tight\"").expectOk().lines().toList();
        return Long.parseLong(out.getLast().strip());
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
