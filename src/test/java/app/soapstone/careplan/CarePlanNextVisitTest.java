package app.soapstone.careplan;

import app.soapstone.support.SoapstoneTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** "Your next visit" on the care plan: from the appointment book unless {@code --next} says otherwise. */
@Tag(SoapstoneTest.POSTGRESQL)
class CarePlanNextVisitTest extends SoapstoneTest {

    @TempDir
    Path out;

    private long ann;
    private long jo;

    @BeforeEach
    void clientWithASession() {
        run("clinic set --name \"Bondi Body Works\" --address \"12 Beach Rd, Bondi NSW 2026\" --phone \"02 9130 1234\""
                + " --time-zone Australia/Sydney").expectOk();
        run("practitioner add --name \"Sam Jones\" --credentials RMT").expectOk();
        jo = Long.parseLong(run("practitioner add --name \"Jo Bell\" --credentials RMT").expectOk());
        ann = Long.parseLong(run("client add --first-name Ann --last-name Lee").expectOk());
        run("intake new --client " + ann + " --date " + LocalDate.now().minusDays(30) + " --cramp-frequency 4"
                + " --cramp-sites calf-left --cramp-severity 6 --consent-date " + LocalDate.now().minusDays(30)
                + " --consent-by client --consent-explained all").expectOk();
        run("session new --client " + ann + " --cramps-per-week 2 --subjective \"Fewer cramps\""
                + " --plan \"Stretch every night.\"").expectOk();
    }

    @Test
    void theNextBookedAppointmentIsTheNextVisitWithItsPractitioner() throws Exception {
        run("appointment book --client " + ann + " --at \"2020-01-06 10:00\"").expectOk();
        run("appointment book --client " + ann + " --at \"2099-01-05 10:00\" --practitioner " + jo).expectOk();
        run("appointment book --client " + ann + " --at \"2099-02-01 09:00\" --practitioner " + jo).expectOk();
        run("appointment book --client " + ann + " --at \"2099-01-12 14:30\"").expectOk();
        // The first one to come is cancelled: the one after it is the next visit.
        run("appointment cancel 2 --reason \"Away\"").expectOk();

        String preview = run("plan preview --client " + ann).expectOk();

        assertThat(after(preview, "YOUR NEXT VISIT")).startsWith("Monday 12 January 2099 at 14:30 with Sam Jones");
        assertThat(preview).doesNotContain("5 January 2099").doesNotContain("2020");

        run("plan export --client " + ann + " --out " + out.resolve("plan.pdf")).expectOk();
        try (PDDocument document = Loader.loadPDF(out.resolve("plan.pdf").toFile())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Your next visit").contains("Monday 12 January 2099 at 14:30 with Sam Jones");
        }
    }

    @Test
    void nextStillWinsOverTheBook() {
        run("appointment book --client " + ann + " --at \"2099-01-12 14:30\"").expectOk();

        String preview = run("plan preview --client " + ann + " --next \"2099-03-02 09:00\"").expectOk();

        assertThat(after(preview, "YOUR NEXT VISIT")).startsWith("Monday 2 March 2099 at 09:00\n");
        assertThat(preview).doesNotContain("12 January 2099").doesNotContain("with Sam Jones");
    }

    @Test
    void withoutABookedAppointmentThePlanSaysNoneIsBooked() {
        run("appointment book --client " + ann + " --at \"2099-01-12 14:30\"").expectOk();
        run("appointment cancel 1 --reason \"Away\"").expectOk();
        String none = run("plan preview --client " + ann).expectOk();
        run("appointment book --client " + ann + " --at \"2099-01-19 14:30\"").expectOk();
        run("appointment done 2").expectOk();

        assertThat(after(none, "YOUR NEXT VISIT")).doesNotContain("2099");
        assertThat(after(run("plan preview --client " + ann).expectOk(), "YOUR NEXT VISIT")).isEqualTo(
                after(none, "YOUR NEXT VISIT"));
    }

    /** What the preview says after a heading, from its next line on. */
    private static String after(String preview, String heading) {
        int at = preview.indexOf(heading);
        assertThat(at).as(heading + " in:\n" + preview).isNotNegative();
        String rest = preview.substring(at + heading.length());
        return rest.substring(rest.indexOf('\n') + 1).stripLeading();
    }
}
