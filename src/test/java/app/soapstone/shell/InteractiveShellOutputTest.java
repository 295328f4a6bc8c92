package app.soapstone.shell;

import app.soapstone.storage.DataLocation;
import app.soapstone.support.SoapstoneTest;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.jline.reader.Candidate;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interactive shell's output: what is longer than the screen goes through $PAGER, what fits
 * is printed (the pager is a script that keeps what it is given; the screen is 12 lines), and
 * NO_COLOR leaves errors and the prompt plain.
 */
@Tag(SoapstoneTest.POSTGRESQL)
class InteractiveShellOutputTest extends SoapstoneTest {

    @TempDir
    Path dir;

    @Autowired
    private DataLocation location;

    @Autowired
    private ObjectProvider<StartupNotice> notices;

    @Autowired
    private ObjectProvider<ShellCompleter> completer;

    /** Whether each shell run turned JLine's highlighting of the typed line off. */
    private final List<Boolean> highlighterOff = new ArrayList<>();

    /** What TAB offered after "calf-l" at each prompt. */
    private final List<List<String>> offered = new ArrayList<>();

    /** The prompts the shell showed, as given to the line reader. */
    private final List<String> prompts = new ArrayList<>();

    @Test
    void longOutputGoesThroughThePagerAndShortOutputDoesNot() throws IOException {
        Path script = dir.resolve("pager.sh");
        Files.writeString(script, "#!/bin/sh\ncat >> '" + dir.resolve("paged.txt") + "'\n");
        script.toFile().setExecutable(true);
        String printed = typedInto("help\nversion\nquit\n", Map.of(), new Pager(Map.of("PAGER", script.toString())));

        assertThat(dir.resolve("paged.txt")).as(printed).exists();
        String paged = Files.readString(dir.resolve("paged.txt"));
        assertThat(paged).contains("Soapstone - practice records for massage therapists").contains("client add")
                .doesNotContain("Soapstone " + HelpCommands.VERSION);
        assertThat(printed).contains("Soapstone " + HelpCommands.VERSION)
                .doesNotContain("practice records for massage therapists");
    }

    @Test
    void noColourLeavesErrorsAndThePromptPlain() {
        String coloured = typedInto("client show 999\nquit\n", Map.of(), new Pager(Map.of("PAGER", "")));
        assertThat(coloured).contains("\u001B[31mError: No client with id 999");
        assertThat(prompts).first().asString().contains("\u001B[36m");

        prompts.clear();
        String plain = typedInto("client show 999\nquit\n", Map.of("NO_COLOR", "1"), new Pager(Map.of("PAGER", "")));
        assertThat(plain).contains("Error: No client with id 999").doesNotContain("\u001B");
        assertThat(prompts).isNotEmpty().allMatch("soapstone:>"::equals);
        assertThat(highlighterOff).containsExactly(false, true);
    }

    @Test
    void tabAtAFormsQuestionOffersTheValuesOfTheFieldAsked() {
        String client = run("client add --first-name Ann --last-name Lee").expectOk();
        String shown = typedInto("""
                intake new %s --cramp-frequency 2 --cramp-severity 5 --consent-date today --consent-by Ann
                calf-left
                quit
                """.formatted(client), Map.of(), new Pager(Map.of("PAGER", "")));

        assertThat(prompts.get(1)).as(shown).contains("Where the cramps are");
        assertThat(offered.get(1)).containsExactly("calf-left");
        assertThat(offered.get(0)).isEmpty();
        assertThat(offered.get(2)).isEmpty();
    }

    /**
     * What the shell showed when the lines of {@code typed} were typed into it, with the given
     * environment. The line reader is a stand-in that gives the lines in turn: what is tested is
     * what the shell writes, not JLine's line editing.
     */
    private String typedInto(String typed, Map<String, String> environment, Pager pager) {
        StringWriter shown = new StringWriter();
        Terminal terminal = org.mockito.Mockito.mock(Terminal.class);
        org.mockito.Mockito.when(terminal.getType()).thenReturn("xterm-256color");
        org.mockito.Mockito.when(terminal.getWidth()).thenReturn(100);
        org.mockito.Mockito.when(terminal.getHeight()).thenReturn(12);
        org.mockito.Mockito.when(terminal.writer()).thenReturn(new PrintWriter(shown));
        LineReader reader = org.mockito.Mockito.mock(LineReader.class);
        boolean[] off = {false};
        org.mockito.Mockito.doAnswer(call -> {
            off[0] = call.getArgument(1);
            return reader;
        }).when(reader).option(LineReader.Option.DISABLE_HIGHLIGHTER, true);
        org.mockito.Mockito.when(reader.getTerminal()).thenReturn(terminal);
        Iterator<String> lines = typed.lines().iterator();
        org.mockito.Mockito.when(reader.readLine(org.mockito.ArgumentMatchers.anyString()))
                .thenAnswer(call -> {
                    prompts.add(call.getArgument(0));
                    List<Candidate> candidates = new ArrayList<>();
                    completer.getObject().complete(reader, new DefaultParser().parse("calf-l", 6,
                            Parser.ParseContext.COMPLETE), candidates);
                    offered.add(candidates.stream().map(Candidate::value).toList());
                    return lines.hasNext() ? lines.next() : "quit";
                });
        ObjectProvider<Terminal> provider = new ObjectProvider<>() {
            @Override
            public Terminal getObject() {
                return terminal;
            }
        };
        InteractiveShell shell = new InteractiveShell(reader,
                () -> new AttributedString("soapstone:>", AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN)),
                runner, location, notices, new Screen(provider, true, environment), pager, completer);

        assertThat(shell.run()).isEqualTo(Failure.OK);
        highlighterOff.add(off[0]);
        return shown.toString();
    }
}
