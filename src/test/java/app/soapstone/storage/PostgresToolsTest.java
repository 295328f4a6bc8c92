package app.soapstone.storage;

import app.soapstone.validation.UnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * pg_dump and pg_restore as {@code backup} and {@code restore} find them: missing or older than the
 * server, refused in one line that says what to install; the database named for them as Soapstone
 * names it, without a password.
 */
class PostgresToolsTest {

    private static final PostgresAddress SERVER = PostgresAddress.parse(
            "postgresql://alex@db.clinic.lan:5433/clinic?sslmode=verify-full&application_name=soapstone",
            Map.of(), "/home/alex");

    @TempDir
    Path folder;

    @Test
    void missingToolsSayWhatToInstall() {
        UnavailableException refused = catchThrowableOfType(UnavailableException.class,
                () -> PostgresTools.find(SERVER, 15, folder.toString()));
        assertThat(refused.getMessage()).startsWith("pg_dump is not on the PATH: install PostgreSQL 15's client tools"
                + " (Debian: apt-get install postgresql-client-15").doesNotContain("\n");
    }

    @Test
    void toolsOlderThanTheServerAreRefused() throws Exception {
        tool("pg_dump", "13.2");
        tool("pg_restore", "13.2");
        UnavailableException refused = catchThrowableOfType(UnavailableException.class,
                () -> PostgresTools.find(SERVER, 15, folder.toString()));
        assertThat(refused.getMessage()).contains("pg_dump is PostgreSQL 13's, older than the server (15)",
                "apt-get install postgresql-client-15");
    }

    @Test
    void toolsAsNewAsTheServerOrNewerAreTaken() throws Exception {
        tool("pg_dump", "16.1");
        tool("pg_restore", "16.1");
        PostgresTools tools = PostgresTools.find(SERVER, 15, folder + java.io.File.pathSeparator + "/nowhere");
        assertThat(tools.libpqAddress()).isEqualTo(
                "postgresql://db.clinic.lan:5433/clinic?user=alex&sslmode=verify-full&application_name=soapstone");
    }

    /** A stand-in for a PostgreSQL tool that says its version as the real ones do. */
    private void tool(String name, String version) throws Exception {
        Path script = folder.resolve(name);
        Files.writeString(script, "#!/bin/sh\necho '" + name + " (PostgreSQL) " + version + " (Debian " + version + ")'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    }
}
