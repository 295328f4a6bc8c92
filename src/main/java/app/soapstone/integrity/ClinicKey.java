package app.soapstone.integrity;

import app.soapstone.storage.DataLocation;
import app.soapstone.storage.FileErrors;
import app.soapstone.validation.ConflictException;
import app.soapstone.validation.UnavailableException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The clinic's key file, {@code soapstone.key} beside the database, made only when the clinic opts
 * in ({@code records key --create}); once read, the key is kept for the life of the process.
 */
@Component
public class ClinicKey {

    private final Path file;
    private volatile SealKey key;

    public ClinicKey(DataLocation location) {
        this.file = location.keyFile();
    }

    public Path file() {
        return file;
    }

    /**
     * The key, if the file exists; a file that is not a key file is refused with what to do. Read
     * once, but looked for every time: a key file taken away means no key.
     */
    Optional<SealKey> key() {
        if (!Files.exists(file)) {
            key = null;
            return Optional.empty();
        }
        SealKey known = key;
        if (known != null) {
            return Optional.of(known);
        }
        try {
            Optional<SealKey> read = SealKey.read(file);
            read.ifPresent(found -> key = found);
            return read;
        } catch (IOException e) {
            throw new UnavailableException("Cannot read the clinic's key " + file + " (" + FileErrors.describe(e)
                    + "). Nothing was changed. Put the key file back as it was.");
        }
    }

    /** Makes the key file; refused if there is one already. */
    SealKey create() {
        try {
            SealKey made = SealKey.create(file);
            key = made;
            return made;
        } catch (FileAlreadyExistsException e) {
            throw new ConflictException("There is a key already: " + file + ". It is kept as it is; a second key would"
                    + " make the records keyed with the first unverifiable.");
        } catch (IOException e) {
            throw new UnavailableException("Cannot write the key file " + file + " (" + FileErrors.describe(e) + ")");
        }
    }
}
