package app.soapstone.receipt;

import app.soapstone.pdf.DrawnFonts;
import app.soapstone.pdf.Paper;
import app.soapstone.pdf.PdfFonts;
import app.soapstone.pdf.PdfPages;
import app.soapstone.pdf.PdfPages.Glyph;
import app.soapstone.pdf.PdfPages.Line;
import app.soapstone.pdf.PdfPages.Page;
import app.soapstone.pdf.TestFonts;
import app.soapstone.receipt.ReceiptPdf.Letterhead;
import app.soapstone.receipt.ReceiptPdf.Printout;
import app.soapstone.validation.Money;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The receipt as a client and their insurer get it, read back with PDFBox ({@link PdfPages}):
 * every field Ontario's regulator asks for, the charges, payments and balance, dates in the
 * clinic's time zone, DUPLICATE on reprints only, VOID on void receipts only, long and CJK names,
 * and both paper sizes.
 */
class ReceiptPdfTest {

    static final Currency CAD = Currency.getInstance("CAD");
    static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    static final Letterhead LETTERHEAD = new Letterhead("Bloor Street Massage", "410 Bloor St W, Toronto ON M5S 1X5",
            List.of("416 555 0142", "front@bloormassage.example", "bloormassage.example"));
    /** 22:30 on 28 November in Toronto, already the 29th in UTC. */
    static final Instant ISSUED = Instant.parse("2026-11-29T03:30:00Z");
    static final LocalDate REPRINTED = LocalDate.of(2026, 12, 14);

    private static ReceiptPdf pdf;

    @BeforeAll
    static void setUp() {
        pdf = new ReceiptPdf(new PdfFonts());
    }

    static Money cad(String amount) {
        return new Money(new BigDecimal(amount), CAD);
    }

    /** Receipt 42: a 60-minute remedial massage with HST, not yet paid. */
    static Receipt receipt(String clientName, List<Payment> payments, Receipt.Voided voided) {
        return new Receipt(7, 42, 11, 3, 2, 5L, LocalDate.of(2026, 11, 28), clientName, "Sam Jones", "RMT",
                "A1234", "81234 5678 RT0001", "Remedial massage 60 min", 60, cad("120.00"), "HST",
                new BigDecimal("13"), cad("15.60"), cad("135.60"), ISSUED, voided, payments);
    }

    /** Two payments (card, then the insurer) and a refund of what was paid twice: paid in full. */
    static List<Payment> paidWithARefund() {
        return List.of(
                new Payment(1, PaymentKind.PAYMENT, cad("100.00"), PaymentMethod.CARD, null, null, ISSUED),
                new Payment(2, PaymentKind.PAYMENT, cad("45.60"), PaymentMethod.INSURANCE, "Sun Life", null,
                        Instant.parse("2026-12-03T15:00:00Z")),
                new Payment(3, PaymentKind.REFUND, cad("10.00"), PaymentMethod.CASH, null, "paid twice",
                        Instant.parse("2026-12-04T16:00:00Z")));
    }

    static Printout original(Receipt receipt) {
        return new Printout(receipt, LETTERHEAD, TORONTO, null);
    }

    static Printout reprint(Receipt receipt) {
        return new Printout(receipt, LETTERHEAD, TORONTO, REPRINTED);
    }

    private static PdfPages render(Printout printout, Paper paper) {
        return PdfPages.read(pdf.render(printout, paper));
    }

    /** The text with every run of white space as one space. */
    private static String flat(PdfPages pages) {
        return pages.text().replaceAll("\\s+", " ");
    }

    @Test
    void everyFieldTheRegulatorAsksForIsPrinted() {
        PdfPages pages = render(original(receipt("Zoë Łukasiewicz", paidWithARefund(), null)), Paper.A4);
        String text = flat(pages);

        assertThat(text).contains("Receipt 42")
                .contains("Date of appointment 28 November 2026")
                .contains("Client Zoë Łukasiewicz")
                .contains("Therapist Sam Jones, RMT")
                .contains("Registration number A1234")
                .contains("HST number 81234 5678 RT0001")
                .contains("Total CAD 135.60");
        assertThat(text).as("the letterhead").startsWith("Bloor Street Massage 410 Bloor St W, Toronto ON M5S 1X5"
                + " 416 555 0142 | front@bloormassage.example bloormassage.example Issued 28 November 2026 Sam Jones, RMT"
                + " Receipt 42");
    }

    @Test
    void theTitleIsTheReceiptsNumberInTheLargestType() {
        PdfPages pages = render(original(receipt("Zoë Łukasiewicz", List.of(), null)), Paper.A4);

        Line largest = pages.page(1).lines().stream().max((a, b) -> Float.compare(a.maxSize(), b.maxSize()))
                .orElseThrow();
        assertThat(largest.text()).isEqualTo("Receipt 42");
        assertThat(largest.maxSize()).isEqualTo(ReceiptPdf.BODY + 8);
        assertThat(pages.smallestSize()).as("nothing under the body size").isGreaterThanOrEqualTo(ReceiptPdf.BODY);
    }

    @Test
    void thereIsRoomToSignAboveTheTherapistsNameAndRegistrationNumber() {
        Page page = render(original(receipt("Zoë Łukasiewicz", List.of(), null)), Paper.A4).page(1);

        Line caption = line(page, "Signature");
        Line name = page.lines().stream().filter(l -> l.text().equals("Sam Jones, RMT") && l.bold()).reduce((a, b) -> b)
                .orElseThrow();
        Line registration = page.lines().stream().filter(l -> l.text().equals("Registration number A1234"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(name.y() - caption.y()).as("blank space to sign in, over three lines").isGreaterThan(ReceiptPdf.BODY * 4);
        assertThat(registration.y()).as("the registration number under the name").isGreaterThan(name.y());
        assertThat(page.text()).as("a printed name is not a signature").doesNotContain("Issued electronically");
    }

    @Test
    void theChargesShowTheServiceItsMinutesTheFeeTheTaxByNameAndRateAndTheTotal() {
        Page page = render(original(receipt("Zoë Łukasiewicz", List.of(), null)), Paper.A4).page(1);

        assertThat(line(page, "Remedial massage 60 min 60 min CAD 120.00")).isNotNull();
        assertThat(line(page, "HST 13% CAD 15.60")).isNotNull();
        Line total = line(page, "Total CAD 135.60");
        assertThat(total.bold()).isTrue();
        assertThat(page.text()).contains("No payment recorded.").contains("Balance due CAD 135.60")
                .doesNotContain("Paid in full");
    }

    @Test
    void aReceiptWithoutTaxHasNoTaxLineAndItsTaxNumberStillPrints() {
        Receipt untaxed = new Receipt(7, 43, 11, 3, 2, null, LocalDate.of(2026, 11, 28), "Zoë Łukasiewicz",
                "Sam Jones", "RMT", "A1234", "81234 5678 RT0001", "Hot stone 30 min", null, cad("60.00"), null, null,
                cad("0.00"), cad("60.00"), ISSUED, null, List.of());
        String text = flat(render(original(untaxed), Paper.A4));

        assertThat(text).contains("Hot stone 30 min CAD 60.00").contains("Total CAD 60.00")
                .contains("Tax number 81234 5678 RT0001").doesNotContain("HST").doesNotContain("%");
    }

    @Test
    void eachPaymentAndRefundIsListedWithItsDateMethodAndPayerThenPaidInFull() {
        Page page = render(original(receipt("Zoë Łukasiewicz", paidWithARefund(), null)), Paper.A4).page(1);

        assertThat(line(page, "28 November 2026 Payment Card CAD 100.00")).isNotNull();
        assertThat(line(page, "3 December 2026 Payment Insurance Sun Life CAD 45.60")).isNotNull();
        assertThat(line(page, "4 December 2026 Refund (paid twice) Cash -CAD 10.00")).isNotNull();
        assertThat(line(page, "Paid CAD 135.60")).isNotNull();
        assertThat(line(page, "Paid in full").bold()).isTrue();
        assertThat(page.text()).doesNotContain("Balance due");
    }

    @Test
    void moneyCarriedFromAVoidReceiptSaysFromWhich() {
        Receipt replacement = receipt("Zoë Łukasiewicz", List.of(new Payment(1, PaymentKind.MOVED_IN, cad("135.60"),
                PaymentMethod.CARD, null, "moved from receipt 41", ISSUED)), null);
        Page page = render(original(replacement), Paper.A4).page(1);

        assertThat(line(page, "28 November 2026 Moved from receipt 41 Card CAD 135.60")).isNotNull();
        assertThat(line(page, "Paid in full")).isNotNull();
    }

    @Test
    void aPartPaymentLeavesTheBalanceDue() {
        Receipt part = receipt("Zoë Łukasiewicz", List.of(new Payment(1, PaymentKind.PAYMENT, cad("100.00"),
                PaymentMethod.TRANSFER, null, null, ISSUED)), null);
        Page page = render(original(part), Paper.A4).page(1);

        assertThat(line(page, "Paid CAD 100.00")).isNotNull();
        assertThat(line(page, "Balance due CAD 35.60")).isNotNull();
    }

    @Test
    void datesArePrintedInTheClinicsTimeZone() {
        Receipt receipt = receipt("Zoë Łukasiewicz", paidWithARefund(), null);

        String toronto = flat(render(original(receipt), Paper.A4));
        String sydney = flat(render(new Printout(receipt, LETTERHEAD, ZoneId.of("Australia/Sydney"), null), Paper.A4));

        assertThat(toronto).contains("Date issued 28 November 2026").contains("Issued 28 November 2026");
        assertThat(sydney).contains("Date issued 29 November 2026").contains("29 November 2026 Payment Card");
        assertThat(sydney).as("the appointment's date is a date, the same anywhere")
                .contains("Date of appointment 28 November 2026");
    }

    @Test
    void onlyAReprintIsMarkedDuplicateWithItsDateUnderTheTitleAndInTheFooter() {
        Receipt receipt = receipt("Zoë Łukasiewicz", paidWithARefund(), null);

        String first = flat(render(original(receipt), Paper.A4));
        Page again = render(reprint(receipt), Paper.A4).page(1);

        assertThat(first).doesNotContain("DUPLICATE").doesNotContain("Reprinted").doesNotContain("14 December 2026");
        Line title = line(again, "Receipt 42");
        Line banner = line(again, "DUPLICATE");
        assertThat(banner.y()).as("right under the title").isBetween(title.y(), title.y() + ReceiptPdf.BODY * 4);
        assertThat(banner.bold()).isTrue();
        assertThat(again.text().replaceAll("\\s+", " "))
                .contains("Reprinted on 14 December 2026. The original was issued on 28 November 2026.");
        assertThat(footer(again)).startsWith("Receipt 42 · DUPLICATE, reprinted on 14 December 2026 ·")
                .endsWith("page 1 of 1");
        assertThat(flat(render(reprint(receipt), Paper.A4))).doesNotContain("VOID");
    }

    @Test
    void aVoidReceiptSaysVoidWithWhenAndWhyAndAReprintOfItSaysBoth() {
        Receipt.Voided voided = new Receipt.Voided(Instant.parse("2026-11-30T04:00:00Z"), "wrong client");
        Receipt receipt = receipt("Zoë Łukasiewicz", List.of(), voided);

        Page page = render(original(receipt), Paper.A4).page(1);
        String again = flat(render(reprint(receipt), Paper.A4));

        assertThat(page.text().replaceAll("\\s+", " "))
                .contains("This receipt was voided on 29 November 2026: wrong client.")
                .contains("Void: nothing is owed on this receipt").doesNotContain("Balance due")
                .doesNotContain("DUPLICATE");
        assertThat(line(page, "VOID").bold()).isTrue();
        assertThat(page.glyphs()).as("VOID across the page, in large type")
                .anyMatch(g -> g.text().equals("V") && g.size() > 100);
        assertThat(footer(page)).startsWith("Receipt 42 · VOID ·").endsWith("page 1 of 1");
        assertThat(again).contains("This receipt was voided on 29 November 2026").contains("DUPLICATE")
                .contains("Reprinted on 14 December 2026");
        assertThat(flat(render(original(receipt("Zoë Łukasiewicz", List.of(), null)), Paper.A4)))
                .doesNotContain("VOID").doesNotContain("voided");
    }

    @ParameterizedTest
    @EnumSource(Paper.class)
    void aLongNameWrapsInsideTheMarginsOnBothPaperSizes(Paper paper) {
        String name = "Benedict Alexander Park-Wolfeschlegelsteinhausenbergerdorff";
        PdfPages pages = render(reprint(receipt(name, paidWithARefund(), null)), paper);

        assertThat(pages.count()).isEqualTo(1);
        Page page = pages.page(1);
        assertThat(page.width()).isEqualTo(paper.size().getWidth());
        assertThat(page.height()).isEqualTo(paper.size().getHeight());
        for (Glyph glyph : page.glyphs()) {
            if (glyph.size() < 100) {
                assertThat(glyph.x()).as(glyph.text()).isGreaterThanOrEqualTo(49);
                assertThat(glyph.x() + glyph.width()).as(glyph.text()).isLessThanOrEqualTo(page.width() - 49);
            }
        }
        assertThat(flat(pages)).contains("Client " + name).contains(name + " · page 1 of 1");
    }

    @Test
    void aChineseNameIsPrintedInAnEmbeddedFont() throws IOException {
        String name = "陳 美玲";
        ReceiptPdf withNoto = new ReceiptPdf(TestFonts.withNoto());
        byte[] bytes = withNoto.render(original(receipt(name, paidWithARefund(), null)), Paper.LETTER);

        assertThat(PdfPages.read(bytes).text().replaceAll("\\s+", " ")).contains("Client " + name)
                .contains(name + " · page 1 of 1");
        assertThat(DrawnFonts.of(bytes).fonts()).as("a CJK font").anyMatch(font -> font.contains("CJK"));
        DrawnFonts.assertEveryGlyphIsEmbeddedAndMapped(bytes);
    }

    @Test
    void theDocumentIsDescribedForViewers() {
        PdfPages.Info info = render(reprint(receipt("Zoë Łukasiewicz", List.of(), null)), Paper.A4).info();

        assertThat(info.title()).isEqualTo("Receipt 42 - Zoë Łukasiewicz");
        assertThat(info.author()).isEqualTo("Bloor Street Massage");
        assertThat(info.subject()).contains("28 November 2026").contains("duplicate");
    }

    /** The lines under the signature, where the footer is, as one line (not the VOID across the page). */
    private static String footer(Page page) {
        Line signed = page.lines().stream().filter(l -> l.text().equals("Sam Jones, RMT") && l.bold())
                .reduce((a, b) -> b).orElseThrow();
        return String.join(" ", page.lines().stream().filter(l -> l.y() > signed.y() + ReceiptPdf.BODY * 3 && l.maxSize() < 100)
                .map(Line::text).toList()).replaceAll("\\s+", " ");
    }

    /** The one line whose text is {@code text}. */
    private static Line line(Page page, String text) {
        List<Line> found = page.lines().stream().filter(l -> l.text().equals(text)).toList();
        assertThat(found).as("a line '%s' in %s", text, page.lines()).hasSize(1);
        return found.getFirst();
    }
}
