package app.soapstone.support;

import app.soapstone.storage.DataLocation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shell tests run on the database the build asked for: in the {@code postgresql} execution
 * on the test PostgreSQL server, not quietly on SQLite; and each test starts, on either, from a
 * database that looks new (nothing left by the test before, the chain from 1 again).
 */
@Tag(SoapstoneTest.POSTGRESQL)
class TestDatabaseTest extends SoapstoneTest {

    @Autowired
    private DataLocation location;

    @Test
    void theContextRunsOnTheDatabaseTheBuildAskedFor() {
        String product = jdbc.sql(ON_POSTGRES ? "SELECT version()" : "SELECT 'SQLite ' || sqlite_version()")
                .query(String.class).single();

        assertThat(product).startsWith(ON_POSTGRES ? "PostgreSQL" : "SQLite");
        assertThat(ON_POSTGRES).isEqualTo(POSTGRESQL.equals(System.getProperty(VENDOR_PROPERTY)));
        // The log and anchors stay in the tests' folder, not under the user's data folder.
        assertThat(location.logFile()).startsWith(DATA_DIR).exists();
        if (ON_POSTGRES) {
            assertThat(jdbc.sql("SELECT current_database()").query(String.class).single()).startsWith("soapstone_test_");
        }
    }

    @Test
    void eachTestStartsFromANewLookingDatabaseFirst() {
        startsFresh();
    }

    @Test
    void eachTestStartsFromANewLookingDatabaseSecond() {
        startsFresh();
    }

    /** Whichever of the two runs second finds what the first left emptied, and its ids begun again. */
    private void startsFresh() {
        assertThat(jdbc.sql("SELECT count(*) FROM client").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM record_chain").query(Integer.class).single()).isZero();

        String client = run("client add --first-name Ann --last-name Lee").expectOk();
        run("practitioner add --name Alex --credentials RMT").expectOk();
        // The chain numbers its links from 1 on both; PostgreSQL's identities start again too.
        assertThat(jdbc.sql("SELECT min(seq) FROM record_chain").query(Long.class).single()).isEqualTo(1L);
        if (ON_POSTGRES) {
            assertThat(client).isEqualTo("1");
            assertThat(jdbc.sql("SELECT min(id) FROM audit_event").query(Long.class).single()).isEqualTo(1L);
        }
    }
}
