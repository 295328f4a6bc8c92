package app.soapstone.shell;

import app.soapstone.shell.CommandSpec.OptionSpec;
import app.soapstone.support.SoapstoneTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.ParsedInput;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command about one client (or session, or practitioner) takes its id as a word or as an option. */
@Tag(SoapstoneTest.POSTGRESQL)
class CommandSubjectsTest extends SoapstoneTest {

    @Autowired
    private CommandCatalog catalog;

    @Autowired
    private CommandLineParser parser;

    @Test
    void everyCommandWithAnIdOptionTakesTheIdAloneToo() {
        List<String> checked = new ArrayList<>();
        for (CommandSpec spec : catalog.all()) {
            if (spec.subjectOption().isEmpty()) {
                continue;
            }
            OptionSpec subject = spec.subjectOption().get();
            ParsedInput alone = parser.parse(words(spec, "7")).input();
            ParsedInput named = parser.parse(words(spec, "--" + subject.longName(), "7")).input();

            assertThat(value(alone, subject.longName())).as(spec.name()).isEqualTo("7");
            assertThat(value(named, subject.longName())).as(spec.name()).isEqualTo("7");
            checked.add(spec.name());
        }
        assertThat(checked).contains("intake new", "intake show", "screening show", "plan export", "chart export",
                "session new", "session list", "audit list");
    }

    @Test
    void everyCommandWithAnIdWordTakesTheIdAsAnOptionToo() {
        List<String> checked = new ArrayList<>();
        for (CommandSpec spec : catalog.all()) {
            if (spec.arguments().size() != 1 || spec.argumentFor(spec.arguments().get(0).name().toLowerCase()).isEmpty()) {
                continue;
            }
            String option = "--" + spec.arguments().get(0).name().toLowerCase();
            ParsedInput alone = parser.parse(words(spec, "7")).input();
            ParsedInput named = parser.parse(words(spec, option, "7")).input();
            ParsedInput inline = parser.parse(words(spec, option + "=7")).input();

            assertThat(alone.arguments()).as(spec.name()).hasSize(1);
            for (ParsedInput input : List.of(named, inline)) {
                assertThat(input.arguments()).as(spec.name()).hasSize(1);
                assertThat(input.arguments().get(0).value()).as(spec.name()).isEqualTo(alone.arguments().get(0).value());
            }
            checked.add(spec.name());
        }
        assertThat(checked).contains("client show", "client edit", "client archive", "client restore",
                "client progress", "session show", "session edit", "session sign", "session amend", "practitioner default");
    }

    @Test
    void everyCommandAboutOneClientNamesItOneOfTheTwoWays() {
        for (CommandSpec spec : catalog.all()) {
            boolean aboutClient = spec.option("client").isPresent() || spec.arguments().stream()
                    .anyMatch(a -> a.name().equals("CLIENT"));
            if (aboutClient && spec.remainingArguments() == null) {
                assertThat(spec.subjectOption().isPresent() || spec.argumentFor("client").isPresent())
                        .as(spec.name()).isTrue();
            }
        }
    }

    @Test
    void sessionListTakesTheClientAsAWord() {
        run("practitioner add --name \"Sam Park\" --credentials RMT").expectOk();
        long client = Long.parseLong(run("client add --first-name Ann --last-name Lee").expectOk());
        run("session new --client " + client + " --subjective \"Calf cramps\"").expectOk();

        String byWord = run("session list " + client).expectOk();
        String byOption = run("session list --client " + client).expectOk();

        assertThat(byWord).isEqualTo(byOption).contains("Sam Park").contains("draft");
    }

    @Test
    void clientShowTakesTheClientAsAnOption() {
        long client = Long.parseLong(run("client add --first-name Ann --last-name Lee").expectOk());

        assertThat(run("client show --client " + client).expectOk()).isEqualTo(run("client show " + client).expectOk());
    }

    @Test
    void anIdGivenBothWaysIsRefused() {
        Result word = run("session list 3 --client 4");
        Result argument = run("client show 3 --client 4");

        assertThat(word.status()).isEqualTo(Failure.USAGE);
        assertThat(word.error()).contains("given twice").contains("'3'").contains("--client");
        assertThat(argument.status()).isEqualTo(Failure.USAGE);
        assertThat(argument.error()).contains("given twice").contains("'3'").contains("--client");
    }

    @Test
    void aMissingIdSaysBothWays() {
        Result result = run("intake show");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).contains("--client is required (intake show CLIENT");
    }

    @Test
    void helpShowsTheIdFirst() {
        String help = run("help intake show").expectOk();

        assertThat(help).contains("Usage: intake show CLIENT ").doesNotContain("Usage: intake show --client");
        assertThat(help).containsPattern("--client CLIENT +Client id, or alone after the command");
    }

    /** The command's name, the given words, and a value for each other required option. */
    private static List<String> words(CommandSpec spec, String... given) {
        List<String> words = new ArrayList<>(Arrays.asList(spec.name().split(" ")));
        words.addAll(List.of(given));
        for (OptionSpec option : spec.options()) {
            if (option.required() && !spec.subjectOption().equals(java.util.Optional.of(option))) {
                words.add("--" + option.longName());
                words.add(option.type().isEnum() ? option.type().getEnumConstants()[0].toString() : "1");
            }
        }
        return words;
    }

    private static Object value(ParsedInput input, String longName) {
        return input.options().stream().filter(o -> longName.equals(o.longName())).map(CommandOption::value)
                .findFirst().orElse(null);
    }
}
