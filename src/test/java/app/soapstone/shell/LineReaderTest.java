package app.soapstone.shell;

import org.jline.reader.Candidate;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.shell.jline.ExtendedDefaultParser;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The line reader the shell reads with: Soapstone's name and completer, Spring Shell's other settings. */
class LineReaderTest {

    @Test
    void theReaderIsRebuiltUnderSoapstonesNameWithItsCompleterAndTheSameSettings() throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().dumb(true).streams(new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream()).build()) {
            LineReader spring = LineReaderBuilder.builder().terminal(terminal).appName("Spring Shell")
                    .variable(LineReader.HISTORY_SIZE, 42).build();
            spring.unsetOpt(LineReader.Option.HISTORY_BEEP);
            StaticListableBeanFactory beans = new StaticListableBeanFactory();
            ShellCompleter completer = new ShellCompleter(null, beans.getBeanProvider(OptionValues.class), null) {
                @Override
                public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
                    candidates.add(new Candidate("ours"));
                }
            };
            beans.addBean("completer", completer);

            Object rebuilt = ShellConfiguration.soapstoneLineReader(beans.getBeanProvider(ShellCompleter.class))
                    .postProcessAfterInitialization(spring, "lineReader");

            LineReader reader = (LineReader) rebuilt;
            assertThat(reader).isNotSameAs(spring);
            assertThat(reader.getAppName()).isEqualTo("soapstone").doesNotContainIgnoringCase("spring");
            assertThat(reader.getTerminal()).isSameAs(terminal);
            assertThat(reader.getHistory()).isSameAs(spring.getHistory());
            assertThat(reader.getVariable(LineReader.HISTORY_SIZE)).isEqualTo(42);
            assertThat(reader.isSet(LineReader.Option.HISTORY_BEEP)).isFalse();
            List<Candidate> candidates = new ArrayList<>();
            ((LineReaderImpl) reader).getCompleter().complete(reader, null, candidates);
            assertThat(candidates).extracting(Candidate::value).containsExactly("ours");
        }
    }

    @Test
    void theMatcherKeepsValuesFoundByNameThatDoNotStartWithTheTypedWord() {
        ShellCompleter.OfferedMatcher matcher = new ShellCompleter.OfferedMatcher();
        CompletingParsedLine line = (CompletingParsedLine) new DefaultParser()
                .parse("intake show --client zo", 23, Parser.ParseContext.COMPLETE);

        matcher.compile(new HashMap<>(), false, line, true, 2, null);

        Candidate zoe = new Candidate("12", "12  Zoë Łukasiewicz", null, null, null, null, true);
        assertThat(matcher.matches(List.of(zoe))).containsExactly(zoe);
        assertThat(matcher.getCommonPrefix()).isEqualTo("12");
    }

    @Test
    void aValueWithASpaceGoesIntoTheLineAsOneWord() {
        // Spring Shell's parser, as the shell reads with it: it escapes nothing itself.
        ExtendedDefaultParser parser = new ExtendedDefaultParser();
        ParsedLine bare = parser.parse("appointment book --at 2026", 26, Parser.ParseContext.COMPLETE);
        ParsedLine quoted = parser.parse("appointment book --at \"2026", 27, Parser.ParseContext.COMPLETE);
        assertThat(ShellCompleter.openedQuote(bare)).isEqualTo((char) 0);
        assertThat(ShellCompleter.openedQuote(quoted)).isEqualTo('"');

        Candidate start = new Candidate("2026-12-01 09:00", "2026-12-01 09:00", null, "Tue 1 Dec", null, null, true);
        assertThat(ShellCompleter.oneWord(start, (char) 0).value()).isEqualTo("\"2026-12-01 09:00\"");
        assertThat(ShellCompleter.oneWord(start, '"').value()).isEqualTo("2026-12-01 09:00\"");
        assertThat(ShellCompleter.oneWord(start, '\'').value()).isEqualTo("2026-12-01 09:00'");
        assertThat(ShellCompleter.oneWord(start, (char) 0).displ()).isEqualTo("2026-12-01 09:00");
        Candidate folder = new Candidate("~/my notes/", "my notes/", null, null, null, null, false);
        assertThat(ShellCompleter.oneWord(folder, (char) 0).value()).as("open to go on").isEqualTo("\"~/my notes/");
        Candidate id = new Candidate("12");
        assertThat(ShellCompleter.oneWord(id, (char) 0)).isSameAs(id);
        assertThat(CommandLine.split("x --at " + ShellCompleter.oneWord(start, (char) 0).value()))
                .containsExactly("x", "--at", "2026-12-01 09:00");
    }
}
