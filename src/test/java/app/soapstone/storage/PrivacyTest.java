package app.soapstone.storage;

import app.soapstone.SoapstoneApplication;
import app.soapstone.client.ClientDetails;
import app.soapstone.client.ClientService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health records on disk are for the practitioner's eyes only: a new database file is created
 * 0600 (SQLite gives its WAL and shared-memory files the same), and the folders Soapstone creates
 * for it 0700. Every application started here is closed.
 */
@EnabledIf("posix")
class PrivacyTest {

    @TempDir
    Path temp;

    @Test
    void aNewDatabaseAndItsFoldersAreOwnerOnly() throws Exception {
        Path database = temp.resolve("practice").resolve("records").resolve("soapstone.db");
        assertThat(database.getParent().getParent()).doesNotExist();

        try (ConfigurableApplicationContext app = start(database)) {
            app.getBean(ClientService.class).add(new ClientDetails("Zoë", "Łukasiewicz", null, null, null, null, null,
                    null, null, null));

            assertThat(permissions(database)).isEqualTo("rw-------");
            for (String sidecar : new String[] {"-wal", "-shm"}) {
                Path file = database.resolveSibling(database.getFileName() + sidecar);
                if (Files.exists(file)) {
                    assertThat(permissions(file)).as(file.toString()).isEqualTo("rw-------");
                }
            }
        }

        assertThat(permissions(database)).isEqualTo("rw-------");
        assertThat(permissions(database.getParent())).isEqualTo("rwx------");
        assertThat(permissions(database.getParent().getParent())).isEqualTo("rwx------");
        assertThat(Files.size(database)).isPositive();
    }

    @Test
    void aNewDatabaseInAnExistingSharedFolderIsStillOwnerOnly() throws Exception {
        Path folder = Files.createDirectory(temp.resolve("shared"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path database = folder.resolve("soapstone.db");

        try (ConfigurableApplicationContext app = start(database)) {
            app.getBean(ClientService.class).add(new ClientDetails("Ann", "Lee", null, null, null, null, null, null, null, null));
        }

        assertThat(permissions(database)).isEqualTo("rw-------");
        assertThat(permissions(folder.resolve("soapstone.log"))).as("the log").isEqualTo("rw-------");
        assertThat(folder.resolve("history")).as("the shell history is made by the interactive shell, owner-only too")
                .doesNotExist();
        assertThat(permissions(folder)).as("a folder that was there already is the user's business")
                .isEqualTo("rwxr-xr-x");
    }

    private static ConfigurableApplicationContext start(Path database) {
        return new SpringApplicationBuilder(SoapstoneApplication.class)
                .properties("spring.shell.interactive.enabled=false", "soapstone.db=" + database)
                .run();
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
