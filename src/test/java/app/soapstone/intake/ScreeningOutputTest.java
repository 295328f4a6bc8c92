package app.soapstone.intake;

import app.soapstone.shell.CommandRunner;
import app.soapstone.shell.Failure;
import app.soapstone.support.SoapstoneTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The screening as the terminal shows it: wrapped at a narrow width under the text it continues,
 * REFER and PRECAUTION coloured on a terminal and not otherwise.
 */
@Tag(SoapstoneTest.POSTGRESQL)
class ScreeningOutputTest extends SoapstoneTest {

    private long screenedClient() {
        long client = Long.parseLong(run("client add --first-name Ann --last-name Lee").expectOk());
        run("intake new --client " + client + " --cramp-frequency 2 --cramp-sites calf-left --cramp-severity 6"
                + " --conditions neuropathy --red-flags one-sided-calf-swelling,numbness-tingling"
                + " --consent-date " + LocalDate.now() + " --consent-by \"Ann Lee\" --consent-explained all").expectOk();
        return client;
    }

    private String screening(long client, int width, boolean colour) {
        StringWriter out = new StringWriter();
        CommandRunner.Outcome outcome = runner.run("screening show --client " + client, new PrintWriter(out),
                new org.springframework.shell.core.InputReader() {
                }, () -> width, colour);
        assertThat(outcome.status()).as(outcome.error()).isEqualTo(Failure.OK);
        return out.toString();
    }

    @Test
    void atANarrowWidthReasonsWrapUnderTheirOwnText() {
        long client = screenedClient();

        String shown = screening(client, 50, false);

        List<String> lines = shown.lines().toList();
        assertThat(lines).allMatch(line -> line.length() <= 50 || !line.strip().contains(" "));
        // A reason is indented six spaces; each of its continuation lines starts there too.
        int reason = lines.indexOf(lines.stream().filter(l -> l.startsWith("      Signs of a deep vein")).findFirst().orElseThrow());
        assertThat(lines.get(reason + 1)).startsWith("      ").doesNotStartWith("       ");
        assertThat(lines.get(reason + 1).strip()).isNotEmpty().doesNotStartWith("from ");
        // A flag's title continues under its text, after "- " or "! ".
        assertThat(lines).anyMatch(l -> l.startsWith("  ! Possible DVT"));
        assertThat(shown).doesNotContain("\u001B");
        // The same words as unwrapped, only the line breaks differ.
        assertThat(shown.replaceAll("\\s+", " ")).isEqualTo(screening(client, 0, false).replaceAll("\\s+", " "));
        assertThat(screening(client, 0, false).lines()).anyMatch(line -> line.length() > 50);
    }

    @Test
    void referIsRedAndPrecautionYellowOnlyWhenColourIsOn() {
        long client = screenedClient();

        String coloured = screening(client, 100, true);
        String plain = screening(client, 100, false);

        assertThat(coloured).contains("\u001B[31mREFER\u001B[0m\n").contains("\u001B[33mPRECAUTION\u001B[0m\n");
        assertThat(plain).doesNotContain("\u001B").contains("\nREFER\n").contains("\nPRECAUTION\n");
    }
}
