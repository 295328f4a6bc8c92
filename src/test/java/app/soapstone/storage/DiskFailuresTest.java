package app.soapstone.storage;

import app.soapstone.validation.UnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.UncategorizedSQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** How the errors a read-only file or a full disk cause on their way up are recognised. */
class DiskFailuresTest {

    @TempDir
    Path dir;

    @Test
    void sqliteReadOnlyIsARefusalThatSaysWhatToCheck() {
        Path database = dir.resolve("soapstone.db");
        for (SQLiteErrorCode code : new SQLiteErrorCode[] {SQLiteErrorCode.SQLITE_READONLY,
                SQLiteErrorCode.SQLITE_READONLY_DBMOVED, SQLiteErrorCode.SQLITE_READONLY_CANTINIT}) {
            RuntimeException failure = DiskFailures.ofDatabase(springWrapped(code), database);

            assertThat(failure).as(code.name()).isInstanceOf(DatabaseRefusedException.class);
            assertThat(failure.getMessage()).isEqualTo("The database file " + database + " is read-only: check its"
                    + " permissions (ls -l " + database + ") and its folder's (ls -ld " + dir + "), which you must both be"
                    + " able to write, or point SOAPSTONE_DB at a copy you can write. Nothing was changed.");
        }
    }

    @Test
    void sqliteFullIsAFullDisk() {
        Path database = dir.resolve("soapstone.db");

        RuntimeException failure = DiskFailures.ofDatabase(springWrapped(SQLiteErrorCode.SQLITE_FULL), database);

        assertThat(failure).isInstanceOf(UnavailableException.class)
                .hasMessage("The disk holding " + database + " is full: free space and try again; nothing was changed.");
    }

    @Test
    void noSpaceLeftOnDeviceIsAFullDiskWhereverItIsSaid() {
        Path file = dir.resolve("plan.pdf");
        for (Exception thrown : new Exception[] {new IOException("No space left on device"),
                new FileSystemException(file.toString(), null, "No space left on device"),
                new UncheckedIOException(new IOException("No space left on device")),
                new IOException("There is not enough space on the disk")}) {
            assertThat(DiskFailures.diskFull(thrown, file)).as(thrown.toString())
                    .hasMessage("The disk holding " + file + " is full: free space and try again; nothing was changed.");
        }
    }

    @Test
    void otherFailuresAreLeftAlone() {
        Path database = dir.resolve("soapstone.db");
        assertThat(DiskFailures.ofDatabase(springWrapped(SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE), database)).isNull();
        assertThat(DiskFailures.ofDatabase(new IllegalStateException("no"), database)).isNull();
        assertThat(DiskFailures.diskFull(new IOException("Permission denied"), dir.resolve("plan.pdf")))
                .as("on a disk with room to spare").isNull();
    }

    private static RuntimeException springWrapped(SQLiteErrorCode code) {
        SQLException sqlite = new SQLiteException("[" + code.name() + "] " + code.message, code);
        return new UncategorizedSQLException("PreparedStatementCallback", "INSERT INTO client ...", sqlite);
    }
}
