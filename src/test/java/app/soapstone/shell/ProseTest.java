package app.soapstone.shell;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProseTest {

    @Test
    void aListItemContinuesUnderItsTextNotUnderItsMark() {
        String wrapped = Prose.wrap("  - Possible DVT one-sided calf swelling needs a same-day assessment", 30);

        assertThat(wrapped.lines()).containsExactly(
                "  - Possible DVT one-sided",
                "    calf swelling needs a",
                "    same-day assessment");
        assertThat(wrapped.lines()).allMatch(line -> line.length() <= 30);
    }

    @Test
    void anOptionsDescriptionContinuesUnderTheDescription() {
        String wrapped = Prose.wrap("  --client N      Client whose sessions are listed, newest first", 40);

        assertThat(wrapped.lines()).containsExactly(
                "  --client N      Client whose sessions",
                "                  are listed, newest",
                "                  first");
    }

    @Test
    void aLabelledLineContinuesAfterItsLabel() {
        assertThat(Prose.wrap("REFER (urgent): Possible DVT one-sided calf swelling", 40).lines()).containsExactly(
                "REFER (urgent): Possible DVT one-sided",
                "                calf swelling");
        assertThat(Prose.wrap("Usage: intake new --client N [--date YYYY-MM-DD]", 30)).isEqualTo("""
                Usage: intake new --client N
                       [--date YYYY-MM-DD]""".stripTrailing());
    }

    @Test
    void anOptionInSquareBracketsIsNotBrokenAcrossLines() {
        assertThat(Prose.wrap("Usage: intake new --client N [--cramp-frequency-unit TEXT] [--date YYYY-MM-DD]", 40).lines())
                .containsExactly(
                        "Usage: intake new --client N",
                        "       [--cramp-frequency-unit TEXT]",
                        "       [--date YYYY-MM-DD]");
        assertThat(Prose.wrap("see [the note that never closes its bracket at all", 20).lines())
                .containsExactly("see [the note that", "never closes its", "bracket at all");
    }

    @Test
    void indentedProseKeepsItsIndentation() {
        assertThat(Prose.wrap("      Signs of a deep vein thrombosis need a same-day medical assessment.", 36).lines())
                .containsExactly(
                        "      Signs of a deep vein",
                        "      thrombosis need a same-day",
                        "      medical assessment.");
    }

    @Test
    void datesAndIdsAreNeverSplitAndAWordWiderThanTheLineHasALineOfItsOwn() {
        String wrapped = Prose.wrap("- seen 2026-11-29 for trigger-point,effleurage a-very-long-unbreakable-word-wider-than-all end", 20);

        assertThat(wrapped.lines()).containsExactly("- seen 2026-11-29", "  for", "  trigger-point,effleurage",
                "  a-very-long-unbreakable-word-wider-than-all", "  end");
    }

    @Test
    void aLineOfExactlyTheWidthStaysWholeAndOneMoreCharacterWraps() {
        String line = "alpha beta gamma";

        assertThat(Prose.wrap(line, 16)).isEqualTo(line);
        assertThat(Prose.wrap(line, 15)).isEqualTo("alpha beta\ngamma");
    }

    @Test
    void widthZeroLeavesTheTextAsItIsAndLineBreaksAreKept() {
        String text = "one very long line that would be wrapped at any width\n\n  - second";

        assertThat(Prose.wrap(text, 0)).isEqualTo(text);
        assertThat(Prose.wrap(text, 30)).isEqualTo("one very long line that would\nbe wrapped at any width\n\n  - second");
    }

    @Test
    void aHangTooDeepForTheWidthFallsBackToTheIndentation() {
        String line = "  --consent-explained TEXT                         Elements explained to the client";

        assertThat(Prose.wrap(line, 40).lines()).containsExactly(
                "  --consent-explained TEXT Elements",
                "  explained to the client");
    }

    @Test
    void wideCharactersCountTwoColumns() {
        String wrapped = Prose.wrap("- 王小明 王小明 王小明", 15);

        assertThat(wrapped).isEqualTo("- 王小明 王小明\n  王小明");
    }

    @Test
    void unwrapJoinsHandWrappedLinesButKeepsLabelsAndBlankLinesAsBreaks() {
        String help = """
                Required: --client, --date.
                Lists: --medications "a; b" and --surgeries "right knee
                replacement 2019" are separated by semicolons.

                Second paragraph
                continues here.""";

        assertThat(Prose.unwrap(help)).isEqualTo("""
                Required: --client, --date.
                Lists: --medications "a; b" and --surgeries "right knee replacement 2019" are separated by semicolons.

                Second paragraph continues here.""");
    }
}
