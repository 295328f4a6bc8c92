package app.soapstone.shell;

import app.soapstone.support.SoapstoneTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How typed lines and OS-shell words become commands, seen through {@link #run} and {@link #runWords}. */
@Tag(SoapstoneTest.POSTGRESQL)
class CommandLineParserTest extends SoapstoneTest {

    // ---------------------------------------------------------------- quoting

    @Test
    void doubleQuotesKeepSpacesAndApostrophes() {
        long id = add("client add --first-name \"Mary Ann\" --last-name \"O'Brien\"");

        assertThat(client(id)).containsEntry("first_name", "Mary Ann").containsEntry("last_name", "O'Brien");
    }

    @Test
    void singleQuotesKeepEverythingIncludingDoubleQuotesAndBackslashes() {
        long id = add("client add --first-name 'Jean \"JJ\"' --last-name Lee --notes 'C:\\temp\\x $HOME'");

        assertThat(client(id)).containsEntry("first_name", "Jean \"JJ\"").containsEntry("notes", "C:\\temp\\x $HOME");
    }

    @Test
    void backslashEscapesOutsideAndInsideDoubleQuotes() {
        long id = add("client add --first-name Mary\\ Ann --last-name O\\'Brien --notes \"say \\\"hi\\\" \\\\ bye\"");

        assertThat(client(id)).containsEntry("first_name", "Mary Ann")
                .containsEntry("last_name", "O'Brien")
                .containsEntry("notes", "say \"hi\" \\ bye");
    }

    @Test
    void adjacentQuotedPartsMakeOneWord() {
        long id = add("client add --first-name Mary\" \"Ann --last-name O\"'\"Brien");

        assertThat(client(id)).containsEntry("first_name", "Mary Ann").containsEntry("last_name", "O'Brien");
    }

    @Test
    void extraWhitespaceBetweenWordsIsIgnored() {
        long id = add("  client   add\t--first-name   Ann \t --last-name  Lee  ");

        assertThat(client(id)).containsEntry("first_name", "Ann").containsEntry("last_name", "Lee");
    }

    @Test
    void unclosedQuoteIsAUsageErrorAndRunsNothing() {
        for (String line : List.of("client add --first-name \"Ann --last-name Lee",
                "client add --first-name Ann --last-name O'Brien")) {
            Result result = run(line);
            assertThat(result.status()).as(line).isEqualTo(Failure.USAGE);
            assertThat(result.error()).as(line).containsIgnoringCase("quote");
        }
        assertThat(clientCount()).isZero();
    }

    @Test
    void wordsSplitByTheOperatingSystemAreTakenAsTheyAre() {
        Result result = runWords("client", "add", "--first-name", "Mary Ann", "--last-name", "O'Neil",
                "--notes", "She said \"hi\" \\o/ 'twice'");

        long id = Long.parseLong(result.expectOk());
        assertThat(client(id)).containsEntry("first_name", "Mary Ann")
                .containsEntry("last_name", "O'Neil")
                .containsEntry("notes", "She said \"hi\" \\o/ 'twice'");
        assertThat(run("client show " + id).expectOk()).contains("Mary Ann O'Neil");
    }

    @Test
    void wordsFromTheOperatingSystemAreCheckedLikeTypedOnes() {
        Result unknown = runWords("client", "add", "--first-name", "Ann", "--last-name", "Lee", "--frist-name", "X");
        Result unquoted = runWords("client", "add", "--first-name", "Mary", "Ann", "--last-name", "Lee");

        assertThat(unknown.status()).isEqualTo(Failure.USAGE);
        assertThat(unknown.error()).contains("--frist-name");
        assertThat(unquoted.status()).isEqualTo(Failure.USAGE);
        assertThat(unquoted.error()).contains("'Ann'");
        assertThat(clientCount()).isZero();
    }

    // ---------------------------------------------------------------- options

    @Test
    void optionsMayComeInAnyOrderAndBeforeArguments() {
        long id = add("client add --last-name Lee --first-name Ann");

        run("client edit --phone 0412345678 " + id).expectOk();

        assertThat(client(id)).containsEntry("first_name", "Ann").containsEntry("last_name", "Lee")
                .containsEntry("phone", "0412345678");
    }

    @Test
    void optionValueMayFollowAnEqualsSign() {
        long id = add("client add --first-name=Ann --last-name=\"Lee Smith\" --notes=");

        assertThat(client(id)).containsEntry("first_name", "Ann").containsEntry("last_name", "Lee Smith");
        assertThat(client(id).get("notes")).isNull();
    }

    @Test
    void valueStartingWithADashIsAValueUnlessItIsAnOptionName() {
        long id = add("client add --first-name Ann --last-name -Lee- --notes \"-5 degrees of rotation\"");

        assertThat(client(id)).containsEntry("last_name", "-Lee-").containsEntry("notes", "-5 degrees of rotation");

        Result result = run("client add --first-name Ann --notes --last-name Lee");
        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).contains("--notes").contains("needs a value");
        assertThat(clientCount()).isEqualTo(1);
    }

    @Test
    void unknownOptionsAreNamedWithASuggestion() {
        Result longOption = run("client list --archvied");
        Result shortOption = run("client list -x");
        Result nothingLike = run("client list --colour blue");

        assertThat(longOption.status()).isEqualTo(Failure.USAGE);
        assertThat(longOption.error()).contains("--archvied").contains("did you mean --archived");
        assertThat(shortOption.status()).isEqualTo(Failure.USAGE);
        assertThat(shortOption.error()).contains("-x");
        assertThat(nothingLike.status()).isEqualTo(Failure.USAGE);
        assertThat(nothingLike.error()).contains("--colour").doesNotContain("did you mean");
    }

    @Test
    void flagTakesAnOptionalTrueOrFalse() {
        add("client add --first-name Ann --last-name Lee");
        long archived = add("client add --first-name Bob --last-name Brown");
        run("client archive " + archived).expectOk();

        assertThat(run("client list --archived=true").expectOk()).contains("Brown, Bob");
        assertThat(run("client list --archived=false").expectOk()).contains("Lee, Ann").doesNotContain("Brown");
        Result bad = run("client list --archived=maybe");
        assertThat(bad.status()).isEqualTo(Failure.USAGE);
        assertThat(bad.error()).contains("--archived").contains("maybe");
        Result twice = run("client list --archived --archived");
        assertThat(twice.status()).isEqualTo(Failure.USAGE);
        assertThat(twice.error()).contains("--archived").contains("more than once");
    }

    @Test
    void doubleDashEndsTheOptions() {
        add("client add --first-name Ann --last-name Lee");

        Result result = run("client search -- --archived");

        assertThat(result.status()).isEqualTo(Failure.OK);
        assertThat(result.output().strip()).isEqualTo("No clients match '--archived'.");
    }

    // ---------------------------------------------------------------- arguments

    @Test
    void idArgumentMustBeAWholeNumber() {
        for (String id : List.of("abc", "1.5", "99999999999999999999", "12abc")) {
            Result result = run("client show " + id);
            assertThat(result.status()).as(id).isEqualTo(Failure.USAGE);
            assertThat(result.error()).as(id).contains("CLIENT").contains(id);
        }
    }

    @Test
    void negativeIdIsANumberNotAnOption() {
        Result result = run("client show -5");

        assertThat(result.status()).isEqualTo(Failure.NOT_FOUND);
        assertThat(result.error()).isEqualTo("No client with id -5");
    }

    @Test
    void extraArgumentsAreRefusedNotIgnored() {
        long id = add("client add --first-name Ann --last-name Lee");

        Result result = run("client show " + id + " 2");
        Result unquoted = run("client add --first-name Mary Ann --last-name Lee");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).contains("'2'");
        assertThat(unquoted.status()).isEqualTo(Failure.USAGE);
        assertThat(unquoted.error()).contains("'Ann'").contains("quotes");
        assertThat(clientCount()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- commands

    @Test
    void unknownCommandSuggestsTheNearestOne() {
        Result typo = run("cleint list");
        Result clinic = run("clinc show");

        assertThat(typo.status()).isEqualTo(Failure.USAGE);
        assertThat(typo.error()).isEqualTo("Unknown command 'cleint list'. Did you mean 'client list'?");
        assertThat(clinic.status()).isEqualTo(Failure.USAGE);
        assertThat(clinic.error()).isEqualTo("Unknown command 'clinc show'. Did you mean 'clinic show'?");
        assertThat(typo.output()).isBlank();
    }

    @Test
    void mistypedSubcommandSuggestsTheNearestWholeCommand() {
        Result subcommand = run("client lst");
        Result group = run("sesion list --client 1");

        assertThat(subcommand.status()).isEqualTo(Failure.USAGE);
        assertThat(subcommand.error()).isEqualTo("Unknown command 'client lst'. Did you mean 'client list'?");
        assertThat(group.status()).isEqualTo(Failure.USAGE);
        assertThat(group.error()).isEqualTo("Unknown command 'sesion list'. Did you mean 'session list'?");
    }

    @Test
    void mistypedGroupAloneSuggestsTheGroup() {
        Result result = run("cleint");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).isEqualTo("Unknown command 'cleint'. Did you mean 'client'?");
    }

    @Test
    void optimalStringAlignmentCountsASwapOfNeighboursAsOneEdit() {
        assertThat(CommandLineParser.optimalAlignmentDistance("cleint", "client")).isEqualTo(1);
        assertThat(CommandLineParser.optimalAlignmentDistance("client lst", "client list")).isEqualTo(1);
        assertThat(CommandLineParser.optimalAlignmentDistance("ca", "abc")).isEqualTo(3);
        assertThat(CommandLineParser.optimalAlignmentDistance("", "abc")).isEqualTo(3);
    }

    @Test
    void unknownCommandWithNothingNearHasNoSuggestion() {
        Result result = run("frobnicate now");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).contains("'frobnicate'").doesNotContain("Did you mean").contains("help");
    }

    @Test
    void groupAloneListsItsSubcommandsAsAnError() {
        Result result = run("client");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        for (String command : List.of("client add", "client list", "client search", "client show", "client edit",
                "client archive", "client restore")) {
            assertThat(result.error()).as(command).contains(command);
        }
        assertThat(result.output()).isBlank();
    }

    @Test
    void unknownSubcommandListsTheRealOnes() {
        Result result = run("practitioner remove 1");

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).contains("practitioner remove")
                .contains("practitioner add").contains("practitioner list").contains("practitioner default");
    }

    @Test
    void emptyLineIsAUsageError() {
        assertThat(run("").status()).isEqualTo(Failure.USAGE);
        assertThat(run("   ").status()).isEqualTo(Failure.USAGE);
        assertThat(runWords().status()).isEqualTo(Failure.USAGE);
    }

    @Test
    void wordsAfterTwoDashesAreTextEvenWhenTheyStartWithADash() {
        add("client add --first-name Ann --last-name Lee-Smith");

        Result asOption = run("client search -smith");
        assertThat(asOption.status()).isEqualTo(Failure.USAGE);
        assertThat(asOption.error()).contains("unknown option -smith")
                .endsWith("(a word starting with - goes after --: client search -- -smith)");
        assertThat(run("session search -calf").error()).doesNotContain("did you mean")
                .endsWith("(a word starting with - goes after --: session search -- -calf)");

        assertThat(run("client search -- -smith").expectOk()).contains("Lee-Smith, Ann");
        assertThat(runWords("client", "search", "--", "-x").expectOk()).isEqualTo("No clients match '-x'.");
        assertThat(runWords("client", "search", "--", "--archived").expectOk())
                .isEqualTo("No clients match '--archived'.");
    }

    // ---------------------------------------------------------------- helpers

    private long add(String line) {
        return Long.parseLong(run(line).expectOk());
    }

    private Map<String, Object> client(long id) {
        return jdbc.sql("SELECT * FROM client WHERE id = ?").param(id).query().singleRow();
    }

    private int clientCount() {
        return jdbc.sql("SELECT count(*) FROM client").query(Integer.class).single();
    }
}
