package app.soapstone.session;

import app.soapstone.session.Session.SoapNote;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The editable text form of a SOAP note: written with headings and comments, read back without them. */
class SoapFormTest {

    private static final SoapNote NOTE = new SoapNote(
            "Night cramps twice this week.\nWorst 6/10, woke once.",
            "Right calf tone raised; trigger point medial gastrocnemius.",
            "Good response: pain 6 -> 2.",
            "Calf stretches nightly, 3 x 10 s.\nReview in 2 weeks.");

    @Test
    void aWrittenNoteReadsBackUnchanged() {
        String form = SoapForm.write(List.of("SOAP note for Ann Lee", "PRECAUTION: Anticoagulant"), NOTE);

        assertThat(SoapForm.read(form)).isEqualTo(NOTE);
    }

    @Test
    void theFormHasEachHeadingOnceInOrderWithTheCommentsAsHashLines() {
        String form = SoapForm.write(List.of("SOAP note for Ann Lee", "two\nlines"), NOTE);

        List<String> lines = form.lines().toList();
        assertThat(lines).contains("# SOAP note for Ann Lee", "# two", "# lines");
        List<String> headings = lines.stream().filter(l -> l.startsWith("--- ")).toList();
        assertThat(headings).containsExactly("--- Subjective ---", "--- Objective ---", "--- Assessment ---",
                "--- Plan ---");
        assertThat(form.indexOf("Worst 6/10")).isBetween(form.indexOf("--- Subjective ---"), form.indexOf("--- Objective ---"));
        assertThat(form.indexOf("Review in 2 weeks")).isGreaterThan(form.indexOf("--- Plan ---"));
    }

    @Test
    void emptySectionsReadBackAsNull() {
        SoapNote partial = new SoapNote(null, "Calf tone raised.", null, null);

        SoapNote read = SoapForm.read(SoapForm.write(List.of(), partial));

        assertThat(read).isEqualTo(partial);
        assertThat(read.isEmpty()).isFalse();
    }

    @Test
    void commentLinesAreDroppedWhereverTheyAre() {
        SoapNote read = SoapForm.read("""
                # context for the therapist
                --- Subjective ---
                Cramps at night.
                # a comment inside a section
                Worse after standing.
                --- Plan ---
                # Plan prefilled from the previous session (4)
                Stretch nightly.
                """);

        assertThat(read.subjective()).isEqualTo("Cramps at night.\nWorse after standing.");
        assertThat(read.plan()).isEqualTo("Stretch nightly.");
        assertThat(read.objective()).isNull();
        assertThat(read.assessment()).isNull();
    }

    @Test
    void headingsAreFoundWhateverTheirCaseAndSpacing() {
        SoapNote read = SoapForm.read("""
                ---SUBJECTIVE---
                S text
                ---   objective   ---
                O text
                --- AsSeSsMeNt ---
                A text
                  --- plan ---  \r
                P text
                """);

        assertThat(read).isEqualTo(new SoapNote("S text", "O text", "A text", "P text"));
    }

    @Test
    void textBeforeTheFirstHeadingGoesToSubjective() {
        SoapNote read = SoapForm.read("""
                Client reports fewer cramps.
                --- Objective ---
                Calves soft.
                """);

        assertThat(read.subjective()).isEqualTo("Client reports fewer cramps.");
        assertThat(read.objective()).isEqualTo("Calves soft.");
    }

    @Test
    void textWithNoHeadingAtAllIsTheSubjective() {
        assertThat(SoapForm.read("Just one line\nand another")).isEqualTo(
                new SoapNote("Just one line\nand another", null, null, null));
    }

    @Test
    void windowsLineEndingsAreRead() {
        SoapNote read = SoapForm.read("--- Subjective ---\r\nLine one\r\nLine two\r\n--- Plan ---\r\nStretch\r\n");

        assertThat(read).isEqualTo(new SoapNote("Line one\nLine two", null, null, "Stretch"));
    }

    @Test
    void anEmptyFormIsEmpty() {
        String blank = SoapForm.write(List.of("SOAP note for Ann Lee"), new SoapNote(null, null, null, null));

        assertThat(SoapForm.read(blank).isEmpty()).isTrue();
        assertThat(SoapForm.read("").isEmpty()).isTrue();
        assertThat(SoapForm.read("# only a comment\n\n   \n--- Plan ---\n\t\n").isEmpty()).isTrue();
    }

    @Test
    void aNoteWithOnlyBlankSectionsIsEmpty() {
        assertThat(new SoapNote(" ", "\n", null, "").isEmpty()).isTrue();
        assertThat(new SoapNote(null, null, null, "x").isEmpty()).isFalse();
    }
}
