package app.soapstone.bench;

import app.soapstone.support.SoapstoneTest;
import app.soapstone.support.TestPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load benchmark's machinery kept from rotting, at a small size: two shells at once on a small
 * generated clinic (on PostgreSQL in the build's {@code postgresql} run, the same clinic copied
 * there), two rounds each, and the checks that count what was written. Asserts what the benchmark
 * asserts - nothing lost or duplicated, the chain verifies - and that the commands were timed;
 * never how long they took.
 */
@Tag(SoapstoneTest.POSTGRESQL)
class ClinicDayTest {

    private static final boolean ON_POSTGRES = SoapstoneTest.POSTGRESQL.equals(
            System.getProperty(SoapstoneTest.VENDOR_PROPERTY, "sqlite"));

    @TempDir
    Path dir;

    @Test
    void twoShellsWriteEveryNoteOnceAndTheChainVerifies() throws Exception {
        Path file = dir.resolve("clinic.db");
        ClinicDataGenerator.generate(file, new ClinicDataGenerator.Options(40, 400, 7L, LocalDate.now().minusDays(1),
                2, 0.05, true, false));
        ClinicDay.Settings settings = new ClinicDay.Settings(2, 2, 1, dir.resolve("plans"));
        if (ON_POSTGRES) {
            try (TestPostgres.Database database = TestPostgres.newDatabase()) {
                Path folder = dir.resolve("postgresql");
                StringBuilder report = new StringBuilder();
                PostgresClinic.Address address = PostgresClinic.load(file, database.adminUrl(), database.name(), folder,
                        report);
                assertThat(report).contains("Loaded clinic.db", "session 400");
                check(PostgresClinic.properties(address, folder), settings);
            }
        } else {
            check(ClinicDay.properties(file.toString(), dir.resolve("home")), settings);
        }
    }

    private static void check(String[] properties, ClinicDay.Settings settings) throws Exception {
        try (ClinicDay.Outcome outcome = ClinicDay.run(properties, settings)) {
            ClinicDay.Check check = outcome.check();
            String shown = outcome.table() + check;
            assertThat(check.problems()).as(shown).isEmpty();
            assertThat(check.verified()).as(shown).isTrue();
            // Reads never wait for a writer: each timed round timed them once in each shell.
            int timed = settings.shells() * settings.rounds();
            assertThat(outcome.nanos().get("client search")).as(shown).hasSize(timed);
            assertThat(outcome.nanos().get("session list")).as(shown).hasSize(timed);
            assertThat(check.written()).as(shown).isPositive();
            assertThat(check.found()).isEqualTo(check.written());
            assertThat(outcome.table()).contains("plan export", "commands/s");
        }
    }
}
