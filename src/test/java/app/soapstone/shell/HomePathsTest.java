package app.soapstone.shell;

import app.soapstone.support.SoapstoneTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ~} in every option that names a file or folder is the home folder (the tests' own, never the user's). */
@Tag(SoapstoneTest.POSTGRESQL)
class HomePathsTest extends SoapstoneTest {

    @Autowired
    private CommandCatalog catalog;

    private Path home;

    @BeforeEach
    void home() throws IOException {
        home = Files.createDirectories(DATA_DIR.resolve("home"));
        Files.createDirectories(home.resolve("backups"));
    }

    @Test
    void tildeInAPathOptionIsTheHomeFolder() {
        Path backup = home.resolve("backups").resolve("tilde.db");
        Path inline = home.resolve("backups").resolve("inline.db");

        Result spaced = run("backup --to ~/backups/tilde.db");
        Result equals = run("backup --to=~/backups/inline.db");

        assertThat(spaced.status()).as(spaced.error()).isEqualTo(Failure.OK);
        assertThat(backup).isRegularFile();
        assertThat(equals.status()).as(equals.error()).isEqualTo(Failure.OK);
        assertThat(inline).isRegularFile();
        assertThat(run("records verify --backup ~/backups/tilde.db").status()).isEqualTo(Failure.OK);
    }

    @Test
    void tildeAloneAndInReadPathsToo() {
        Result restore = run("restore --from ~/missing.db");
        Result export = run("export --to ~");

        assertThat(restore.error()).contains(home.resolve("missing.db").toString());
        // The home folder exists and is not empty, so the export refuses it, by its real name.
        assertThat(export.error()).contains(home.toString());
    }

    @Test
    void tildeInTextIsKeptAsTyped() {
        long id = Long.parseLong(run("client add --first-name Ann --last-name Lee --notes ~/x").expectOk());

        assertThat(jdbc.sql("SELECT notes FROM client WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("~/x");
    }

    @Test
    void everyListedPathOptionIsARealOption() {
        for (String entry : CommandSpec.PATH_OPTIONS) {
            int dashes = entry.indexOf(" --");
            CommandSpec spec = catalog.find(entry.substring(0, dashes)).orElseThrow(() -> new AssertionError(entry));
            assertThat(spec.option(entry.substring(dashes + 3))).as(entry).isPresent();
        }
    }
}
