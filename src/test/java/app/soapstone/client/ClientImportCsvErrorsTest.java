package app.soapstone.client;

import app.soapstone.shell.Failure;
import app.soapstone.support.SoapstoneTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file that is not valid CSV is refused with the line and what is wrong with it, in a
 * therapist's words: never the CSV library's class names or its advice to programmers.
 */
@Tag(SoapstoneTest.POSTGRESQL)
class ClientImportCsvErrorsTest extends SoapstoneTest {

    @TempDir
    Path temp;

    @Test
    void aQuoteThatIsNeverClosedNamesItsLine() throws Exception {
        Path csv = csv("first_name,last_name\nAnn,Lee\nZoë,\"Ng\nBen,Ng\n");

        Result result = run("client import --csv " + csv);

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).isEqualTo("--csv: cannot read " + csv + " as CSV (line 3: a quoted value has no"
                + " closing quote \")");
        assertThat(count()).isZero();
    }

    @Test
    void textAfterAClosingQuoteNamesItsLine() throws Exception {
        Path csv = csv("first_name,last_name\nAnn,Lee\nZoë,\"Ng\"x\n");

        Result result = run("client import --csv " + csv);

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).isEqualTo("--csv: cannot read " + csv + " as CSV (line 3: text after a closing"
                + " quote; inside a quoted value, write a quote as \"\")");
        assertThat(count()).isZero();
    }

    @Test
    void aColumnGivenTwiceIsNamed() throws Exception {
        Path csv = csv("first_name,last_name,last_name\nAnn,Lee,Li\n");

        Result result = run("client import --csv " + csv);

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).isEqualTo("--csv: line 1: the column 'last_name' is there twice");
    }

    @Test
    void twoSpellingsOfOneColumnAreNamed() throws Exception {
        Path csv = csv("first_name,last_name,phone,Mobile\nAnn,Lee,0412 345 678,0412 345 679\n");

        Result result = run("client import --csv " + csv);

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).isEqualTo("--csv: line 1: the columns 'phone' and 'Mobile' give the same field;"
                + " keep one");
    }

    @Test
    void aColumnWithoutANameIsRefused() throws Exception {
        Path csv = csv("first_name,,last_name\nAnn,x,Lee\n");

        Result result = run("client import --csv " + csv);

        assertThat(result.status()).isEqualTo(Failure.USAGE);
        assertThat(result.error()).isEqualTo("--csv: cannot read " + csv + " as CSV (line 1: a column has no name)");
    }

    private Path csv(String text) throws IOException {
        return Files.writeString(temp.resolve("clients-" + System.nanoTime() + ".csv"), text, StandardCharsets.UTF_8);
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM client").query(Long.class).single();
    }
}
