package app.soapstone.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Checks the database path before SQLite touches it: a file that is not a SQLite database is
 * refused without being opened, and a missing folder is created readable by the owner only.
 */
public final class DatabaseFile {

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private DatabaseFile() {
    }

    static void prepare(Path database) {
        if (Files.isDirectory(database)) {
            throw new DatabaseRefusedException(database + " is a folder, not a database file. Set "
                    + DataLocation.DATABASE_VARIABLE + " to a file path, e.g. " + database.resolve(DataLocation.FILE_NAME));
        }
        if (Files.exists(database)) {
            requireSqlite(database);
            return;
        }
        createDirectory(database.toAbsolutePath().getParent());
        createOwnerOnly(database);
    }

    /**
     * Creates the empty database file readable by the owner only; SQLite gives its journal and
     * WAL files the same permissions.
     */
    private static void createOwnerOnly(Path database) {
        try {
            PrivateFiles.createNew(database);
        } catch (FileAlreadyExistsException e) {
            // Another shell created it first; fine.
        } catch (IOException e) {
            throw new DatabaseRefusedException("Cannot create the database " + database + " (" + FileErrors.describe(e)
                    + "). Set " + DataLocation.DATABASE_VARIABLE + " to a file in a folder you can write.", e);
        }
    }

    /** Whether {@code file} starts with SQLite's file header; an empty file does not. */
    public static boolean isSqlite(Path file) throws IOException {
        byte[] header = new byte[SQLITE_HEADER.length];
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(header, 0, header.length) == header.length && Arrays.equals(header, SQLITE_HEADER);
        }
    }

    private static void requireSqlite(Path database) {
        boolean sqlite;
        try {
            // An empty file is what SQLite itself creates for a new database.
            sqlite = Files.size(database) == 0 || isSqlite(database);
        } catch (IOException e) {
            throw new DatabaseRefusedException("Cannot read the database " + database + " (" + FileErrors.describe(e) + ")", e);
        }
        if (!sqlite) {
            throw new DatabaseRefusedException(database + " is not a SQLite database, so it is not a Soapstone"
                    + " database. It was left untouched; point " + DataLocation.DATABASE_VARIABLE
                    + " at another file.");
        }
    }

    static void createDirectory(Path directory) {
        if (Files.isDirectory(directory)) {
            return;
        }
        try {
            PrivateFiles.createFolder(directory);
        } catch (IOException e) {
            throw new DatabaseRefusedException("Cannot create the data folder " + directory + " (" + FileErrors.describe(e)
                    + "). Set " + DataLocation.DATABASE_VARIABLE + " to a file in a folder you can write.", e);
        }
    }
}
