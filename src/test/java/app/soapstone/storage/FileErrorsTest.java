package app.soapstone.storage;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;

/** File-system failures in a user's words, never a Java class name. */
class FileErrorsTest {

    @Test
    void knownFailuresInWords() {
        assertThat(FileErrors.describe(new AccessDeniedException("/x"))).isEqualTo("permission denied");
        assertThat(FileErrors.describe(new MalformedInputException(1))).isEqualTo("not UTF-8 text");
    }

    @Test
    void aFailureWithoutAMessageIsNotNamedByItsClass() {
        assertThat(FileErrors.describe(new IOException())).isEqualTo("an input/output error");
        assertThat(FileErrors.describe(new java.io.EOFException())).isEqualTo("an input/output error");
    }
}
