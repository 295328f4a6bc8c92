package app.soapstone.shell;

import app.soapstone.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineTest {

    @Test
    void hashAndDoubleSlashLinesAreComments() {
        assertThat(CommandLine.isBlankOrComment("# a comment")).isTrue();
        assertThat(CommandLine.isBlankOrComment("   #client list")).isTrue();
        assertThat(CommandLine.isBlankOrComment("\t// a comment")).isTrue();
        assertThat(CommandLine.isBlankOrComment(" \t ")).isTrue();
        assertThat(CommandLine.isBlankOrComment("client add --first-name Bo --last-name \"#1\"")).isFalse();
    }

    @Test
    void splitsPlainWordsOnWhitespace() {
        assertThat(CommandLine.split("client add --first-name Zoë --last-name Łukasiewicz"))
                .containsExactly("client", "add", "--first-name", "Zoë", "--last-name", "Łukasiewicz");
    }

    @Test
    void ignoresExtraLeadingTrailingAndRepeatedWhitespace() {
        assertThat(CommandLine.split("  client \t list   --archived \n")).containsExactly("client", "list", "--archived");
    }

    @Test
    void emptyOrBlankLineHasNoWords() {
        assertThat(CommandLine.split("")).isEmpty();
        assertThat(CommandLine.split("   \t ")).isEmpty();
    }

    @Test
    void doubleQuotesKeepSpaces() {
        assertThat(CommandLine.split("--first-name \"Mary Ann\" --last-name \"van  der Berg\""))
                .containsExactly("--first-name", "Mary Ann", "--last-name", "van  der Berg");
    }

    @Test
    void singleQuotesKeepSpacesAndEverythingElse() {
        assertThat(CommandLine.split("--notes 'left \"shoulder\" \\ tight'"))
                .containsExactly("--notes", "left \"shoulder\" \\ tight");
    }

    @Test
    void apostropheInsideDoubleQuotes() {
        assertThat(CommandLine.split("--last-name \"O'Brien\"")).containsExactly("--last-name", "O'Brien");
    }

    @Test
    void escapedQuoteAndBackslashInsideDoubleQuotes() {
        assertThat(CommandLine.split("--notes \"said \\\"ouch\\\" twice\"")).containsExactly("--notes", "said \"ouch\" twice");
        assertThat(CommandLine.split("\"C:\\\\temp\"")).containsExactly("C:\\temp");
    }

    @Test
    void otherBackslashesInsideDoubleQuotesAreKept() {
        assertThat(CommandLine.split("\"a\\nb\"")).containsExactly("a\\nb");
    }

    @Test
    void backslashOutsideQuotesKeepsTheNextCharacter() {
        assertThat(CommandLine.split("O\\'Brien")).containsExactly("O'Brien");
        assertThat(CommandLine.split("Mary\\ Ann Smith")).containsExactly("Mary Ann", "Smith");
        assertThat(CommandLine.split("a\\\\b")).containsExactly("a\\b");
        assertThat(CommandLine.split("\\\"quoted\\\"")).containsExactly("\"quoted\"");
    }

    @Test
    void emptyQuotedStringIsAnEmptyWord() {
        assertThat(CommandLine.split("client edit 3 --phone \"\"")).containsExactly("client", "edit", "3", "--phone", "");
        assertThat(CommandLine.split("--email '' --phone \"\" x")).containsExactly("--email", "", "--phone", "", "x");
    }

    @Test
    void adjacentQuotedAndUnquotedPartsFormOneWord() {
        assertThat(CommandLine.split("ab\"c d\"'e f'g")).containsExactly("abc de fg");
    }

    @Test
    void sqlInANameIsJustText() {
        assertThat(CommandLine.split("--first-name \"Robert'); DROP TABLE client;--\""))
                .containsExactly("--first-name", "Robert'); DROP TABLE client;--");
    }

    @Test
    void unclosedDoubleQuoteIsRefused() {
        assertThatThrownBy(() -> CommandLine.split("--first-name \"Mary Ann"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Unclosed double quote");
    }

    @Test
    void unclosedSingleQuoteIsRefusedWithAHintAboutApostrophes() {
        assertThatThrownBy(() -> CommandLine.split("--last-name O'Brien"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Unclosed single quote")
                .hasMessageContaining("\"O'Brien\"");
    }

    @Test
    void escapedClosingQuoteLeavesTheQuoteOpen() {
        assertThatThrownBy(() -> CommandLine.split("\"abc\\\""))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Unclosed double quote");
    }
}
