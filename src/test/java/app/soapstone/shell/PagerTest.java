package app.soapstone.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class PagerTest {

    @TempDir
    Path dir;

    /** A pager that keeps what it was given in {@code paged.txt}. */
    private Pager recordingPager() throws IOException {
        Path script = dir.resolve("pager.sh");
        Files.writeString(script, "#!/bin/sh\ncat > '" + dir.resolve("paged.txt") + "'\n");
        script.toFile().setExecutable(true);
        return new Pager(Map.of("PAGER", script.toString()));
    }

    @Test
    void outputLongerThanTheScreenGoesThroughThePagerAndShorterOutputDoesNot() throws IOException {
        Pager pager = recordingPager();
        String longText = IntStream.rangeClosed(1, 30).mapToObj(i -> "line " + i).collect(Collectors.joining("\n", "", "\n"));

        StringWriter terminal = new StringWriter();
        HeldOutput held = new HeldOutput(terminal);
        held.write(longText);
        held.finish(24, pager);

        assertThat(Files.readString(dir.resolve("paged.txt"))).isEqualTo(longText);
        assertThat(terminal.toString()).isEmpty();

        Files.delete(dir.resolve("paged.txt"));
        HeldOutput shortOutput = new HeldOutput(terminal);
        shortOutput.write("one\ntwo\n");
        shortOutput.finish(24, pager);

        assertThat(dir.resolve("paged.txt")).doesNotExist();
        assertThat(terminal.toString()).isEqualTo("one\ntwo\n");
    }

    @Test
    void outputOfACommandThatAsksIsShownBeforeTheQuestionAndNeverPaged() throws IOException {
        Pager pager = recordingPager();
        StringWriter terminal = new StringWriter();
        HeldOutput held = new HeldOutput(terminal);
        PrintWriter out = new PrintWriter(held);
        out.println("Screening for Ann Lee:");
        out.flush();
        assertThat(terminal.toString()).as("held until the command ends or asks").isEmpty();

        held.release(); // what the shell does before reading an answer
        assertThat(terminal.toString()).isEqualTo("Screening for Ann Lee:\n");
        IntStream.rangeClosed(1, 30).forEach(i -> out.println("line " + i));
        out.flush();
        held.finish(24, pager);

        assertThat(dir.resolve("paged.txt")).doesNotExist();
        assertThat(terminal.toString()).contains("line 30");
    }

    @Test
    void lessIsTheDefaultWhenPagerIsUnsetAndCatOrEmptyTurnsPagingOff() throws IOException {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path less = bin.resolve("less");
        Files.writeString(less, "#!/bin/sh\n");
        less.toFile().setExecutable(true);

        assertThat(new Pager(Map.of("PATH", bin.toString())).command()).contains("less -FRX");
        assertThat(new Pager(Map.of("PATH", dir.resolve("empty").toString())).command()).isEmpty();
        assertThat(new Pager(Map.of("PAGER", "cat", "PATH", bin.toString())).command()).isEmpty();
        assertThat(new Pager(Map.of("PAGER", " ", "PATH", bin.toString())).command()).isEmpty();
        assertThat(new Pager(Map.of("PAGER", "more", "PATH", bin.toString())).command()).contains("more");
    }

    @Test
    void withoutAPagerLongOutputIsPrintedAsItIs() throws IOException {
        Pager none = new Pager(Map.of("PAGER", ""));
        String longText = "x\n".repeat(50);
        StringWriter terminal = new StringWriter();
        HeldOutput held = new HeldOutput(terminal);
        held.write(longText);
        held.finish(24, none);

        assertThat(terminal.toString()).isEqualTo(longText);
    }
}
