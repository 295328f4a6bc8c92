package app.soapstone.shell;

import app.soapstone.support.SoapstoneTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code help}, {@code help COMMAND} and {@code COMMAND --help}. */
@Tag(SoapstoneTest.POSTGRESQL)
class HelpCommandsTest extends SoapstoneTest {

    private static final List<String> CLIENT_COMMANDS = List.of("client add", "client list", "client search",
            "client show", "client edit", "client archive", "client restore");
    private static final List<String> CLINIC_COMMANDS = List.of("clinic set", "clinic show", "practitioner add",
            "practitioner list", "practitioner default");

    @Autowired
    private CommandCatalog catalog;

    @Test
    void helpListsTheGroupsAndEveryCommandWithItsDescription() {
        Result result = run("help");

        assertThat(result.status()).isEqualTo(Failure.OK);
        List<String> lines = result.output().lines().toList();
        assertThat(lines).contains("Clients", "Clinic", "Shell");
        for (String command : concat(CLIENT_COMMANDS, CLINIC_COMMANDS, List.of("help"))) {
            assertThat(lines).as(command).anyMatch(l -> l.matches("  " + command + " {2,}\\S.*"));
        }
        for (CommandSpec spec : catalog.all()) {
            assertThat(lines).as(spec.name()).anyMatch(l -> l.startsWith("  " + spec.name() + " ")
                    && l.endsWith(spec.description()));
        }
    }

    @Test
    void helpPutsEachCommandUnderItsGroup() {
        List<String> lines = run("help").expectOk().lines().toList();
        int clients = lines.indexOf("Clients");
        int clinic = lines.indexOf("Clinic");
        int shell = lines.indexOf("Shell");

        assertThat(clients).isLessThan(clinic);
        assertThat(clinic).isLessThan(shell);
        for (String command : CLIENT_COMMANDS) {
            assertThat(indexOfCommand(lines, command)).as(command).isBetween(clients, clinic);
        }
        for (String command : CLINIC_COMMANDS) {
            assertThat(indexOfCommand(lines, command)).as(command).isBetween(clinic, shell);
        }
        assertThat(indexOfCommand(lines, "help")).isGreaterThan(shell);
    }

    @Test
    void helpForACommandShowsItsOptionsWithRequiredMarkers() {
        Result result = run("help client add");

        assertThat(result.status()).isEqualTo(Failure.OK);
        String text = result.output();
        assertThat(text).startsWith("client add - ");
        String usage = line(text, "Usage:");
        assertThat(usage).contains("--first-name TEXT --last-name TEXT").contains("[--dob YYYY-MM-DD]")
                .contains("[--phone TEXT]");
        assertThat(optionLine(text, "--first-name")).contains("Given name").endsWith("(required)");
        assertThat(optionLine(text, "--last-name")).contains("Family name").endsWith("(required)");
        for (String optional : List.of("--preferred-name", "--dob", "--phone", "--email", "--address",
                "--emergency-contact", "--notes")) {
            assertThat(optionLine(text, optional)).as(optional).doesNotContain("(required)");
        }
        assertThat(text).contains("--help");
    }

    @Test
    void anAmountOfMoneyIsCalledOneInTheUsage() {
        assertThat(line(run("help receipt issue").output(), "Usage:")).contains("--paid AMOUNT")
                .contains("[--method card|cash|transfer|insurance]");
        assertThat(line(run("help receipt pay").output(), "Usage:")).contains("--amount AMOUNT");
        assertThat(line(run("help service add").output(), "Usage:")).contains("[--price AMOUNT]");
    }

    @Test
    void anOptionTooLongForItsColumnHasItsDescriptionOnTheNextLineInTheColumn() {
        List<String> lines = run("help appointment book").expectOk().lines().toList();

        int at = lines.indexOf("  --practitioner PRACTITIONER");
        assertThat(at).as(String.join("\n", lines)).isPositive();
        assertThat(lines.get(at + 1)).startsWith(" ".repeat(28) + "Practitioner id");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("  --minutes N" + " ".repeat(15) + "Length"));
    }

    @Test
    void commandHelpOptionShowsTheSameHelpAndRunsNothing() {
        String viaHelp = run("help client add").expectOk();

        Result viaOption = run("client add --help");
        Result withOtherOptions = run("client add --first-name Ann --help");

        assertThat(viaOption.status()).isEqualTo(Failure.OK);
        assertThat(viaOption.output().strip()).isEqualTo(viaHelp);
        assertThat(withOtherOptions.output().strip()).isEqualTo(viaHelp);
        assertThat(jdbc.sql("SELECT count(*) FROM client").query(Integer.class).single()).isZero();
    }

    @Test
    void helpForACommandWithAnArgumentNamesIt() {
        String text = run("client show --help").expectOk();

        assertThat(line(text, "Usage:")).contains("client show CLIENT");
        assertThat(text).contains("Arguments:");
        assertThat(line(text, "  CLIENT ")).contains("Client id").contains("--client CLIENT");
    }

    @Test
    void everyCommandHelpPointsAtExistsAndRuns() {
        Pattern see = Pattern.compile("\\(see ([a-z]+ [a-z]+)( [a-z-]+)?");
        List<String> checked = new ArrayList<>();
        for (CommandSpec spec : catalog.all()) {
            String text = spec.help() + " " + spec.options().stream().map(CommandSpec.OptionSpec::description)
                    .collect(Collectors.joining(" "));
            Matcher match = see.matcher(text);
            while (match.find()) {
                String command = match.group(1);
                assertThat(catalog.find(command)).as(spec.name() + " points at " + command).isPresent();
                String line = command + (match.group(2) == null ? "" : match.group(2));
                assertThat(run(line).status()).as(line).isEqualTo(Failure.OK);
                checked.add(line);
            }
        }
        assertThat(checked).contains("vocabulary list conditions", "vocabulary list sites",
                "vocabulary list modalities", "vocabulary list red-flags");
    }

    @Test
    void helpForEveryCommandWorks() {
        for (CommandSpec spec : catalog.all()) {
            Result viaHelp = run("help " + spec.name());
            assertThat(viaHelp.status()).as(spec.name()).isEqualTo(Failure.OK);
            assertThat(viaHelp.output()).as(spec.name()).startsWith(spec.name() + " - ").contains("Usage: " + spec.name());
            for (CommandSpec.OptionSpec option : spec.options()) {
                assertThat(viaHelp.output()).as(spec.name()).contains("--" + option.longName());
            }
        }
    }

    @Test
    void helpForAGroupListsItsCommands() {
        Result result = run("help client");

        assertThat(result.status()).isEqualTo(Failure.OK);
        for (String command : CLIENT_COMMANDS) {
            assertThat(result.output()).as(command).contains(command);
        }
        assertThat(result.output()).doesNotContain("practitioner");
    }

    @Test
    void helpForAnUnknownCommandIsAnError() {
        Result result = run("help nosuch");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).contains("nosuch");
        assertThat(run("help client nosuch").status()).isEqualTo(Failure.USAGE);
    }

    private static int indexOfCommand(List<String> lines, String command) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("  " + command + "  ")) {
                return i;
            }
        }
        throw new AssertionError(command + " not in " + lines);
    }

    private static String line(String text, String containing) {
        List<String> lines = text.lines().filter(l -> l.contains(containing)).toList();
        assertThat(lines).as(containing + " in\n" + text).hasSize(1);
        return lines.get(0);
    }

    /** The line describing {@code option} under "Options:". */
    private static String optionLine(String text, String option) {
        List<String> lines = text.lines().filter(l -> l.startsWith("  " + option + " ")).toList();
        assertThat(lines).as(option + " in\n" + text).hasSize(1);
        return lines.get(0);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
