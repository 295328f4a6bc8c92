package app.soapstone.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no EDITOR or VISUAL set, the note opens in nano where it is installed (else vi), and the
 * therapist is told which editor opened and how to save and quit it; a chosen editor opens
 * without a word, as git does.
 */
class EditorTest {

    @TempDir
    Path dir;

    @Test
    void withNoEditorChosenNanoOpensWhereItIsInstalledAndSaysHowToSaveAndQuit() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        // A stand-in nano that appends a line to the file it is given, as a user would type one.
        script(bin.resolve("nano"), "echo 'typed in nano' >> \"$1\"");
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        Editor editor = new Editor(Map.of("PATH", bin.toString()), new PrintStream(shown, true, StandardCharsets.UTF_8));

        String saved = editor.edit("Subjective:\n", ".txt");

        assertThat(editor.command()).isEqualTo(bin.resolve("nano").toString());
        assertThat(saved).contains("typed in nano");
        assertThat(shown.toString(StandardCharsets.UTF_8)).contains("No EDITOR or VISUAL is set, so the note opens in nano")
                .contains("save with Ctrl-O then Enter, and quit with Ctrl-X");
    }

    @Test
    void withoutNanoItIsViWithItsKeys() {
        Editor editor = new Editor(Map.of("PATH", dir.toString()), System.out);

        assertThat(editor.command()).isEqualTo("vi");
        assertThat(editor.howTo("vi")).hasValueSatisfying(line -> assertThat(line).contains("opens in vi")
                .contains("press i to type").contains(":wq"));
    }

    @Test
    void aChosenEditorOpensWithoutAWord() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path mine = script(bin.resolve("my-editor"), "echo 'typed in mine' >> \"$1\"");
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        Editor editor = new Editor(Map.of("EDITOR", mine.toString(), "PATH", bin.toString()),
                new PrintStream(shown, true, StandardCharsets.UTF_8));

        assertThat(editor.edit("Plan:\n", ".txt")).contains("typed in mine");
        assertThat(shown.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(editor.howTo(editor.command())).isEmpty();
    }

    @Test
    void whatTheCommandPrintedIsShownBeforeTheEditorTakesTheTerminal() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path seen = dir.resolve("seen.txt");
        // The editor notes what the terminal showed when it opened.
        Path mine = script(bin.resolve("my-editor"), "cat '" + dir.resolve("terminal.txt") + "' > '" + seen + "'");
        StringWriter terminal = new StringWriter();
        HeldOutput held = new HeldOutput(new Writer() {
            @Override
            public void write(char[] text, int offset, int length) throws IOException {
                terminal.write(text, offset, length);
                Files.writeString(dir.resolve("terminal.txt"), terminal.toString());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        held.write("Screening for Ann Lee:\n  PRECAUTION: Neuropathy\n");
        Editor editor = new Editor(Map.of("EDITOR", mine.toString()), System.out, held::release);

        editor.edit("Plan:\n", ".txt");

        assertThat(Files.readString(seen)).isEqualTo("Screening for Ann Lee:\n  PRECAUTION: Neuropathy\n");
    }

    private static Path script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
