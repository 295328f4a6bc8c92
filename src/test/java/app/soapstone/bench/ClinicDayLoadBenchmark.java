package app.soapstone.bench;

import app.soapstone.support.TestPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17's load: ten therapists' shells doing a clinic day at the same time (see {@link ClinicDay})
 * on the generated clinic, first on one SQLite file, then on PostgreSQL, the same data in both
 * (the SQLite file copied by {@link PostgresClinic}). Prints p50/p95 per command, throughput and
 * failures; asserts only that nothing written was lost or duplicated and that the chain verifies,
 * never a timing.
 *
 * <pre>
 * SOAPSTONE_TEST_POSTGRES='jdbc:postgresql://127.0.0.1:5432/postgres?user=...&amp;password=...' \
 * ./mvnw -q -B test -Pbenchmark -Dtest=ClinicDayLoadBenchmark -Dsoapstone.bench.dir=/tmp/soapstone-load
 * </pre>
 * System properties: {@code soapstone.bench.dir} (the SQLite clinic, the PostgreSQL database's
 * folder and the care plans; reused between runs; default a temp folder),
 * {@code soapstone.bench.clients} (10000), {@code soapstone.bench.sessions} (200000),
 * {@code soapstone.bench.shells} (10), {@code soapstone.bench.rounds} (20),
 * {@code soapstone.bench.warmup} (3), {@code soapstone.bench.vendors} ({@code sqlite,postgresql}),
 * {@code soapstone.bench.postgres} (the PostgreSQL database, kept and reused; default
 * {@code soapstone_bench_<clients>_<sessions>}), {@code soapstone.bench.label}.
 */
@Tag("benchmark")
class ClinicDayLoadBenchmark {

    @Test
    void tenTherapistsAtOnce() throws Exception {
        int clients = Integer.getInteger("soapstone.bench.clients", 10_000);
        int sessions = Integer.getInteger("soapstone.bench.sessions", 200_000);
        int shells = Integer.getInteger("soapstone.bench.shells", 10);
        int rounds = Integer.getInteger("soapstone.bench.rounds", 20);
        int warmup = Integer.getInteger("soapstone.bench.warmup", 3);
        List<String> vendors = Arrays.asList(System.getProperty("soapstone.bench.vendors", "sqlite,postgresql").split(","));
        String configured = System.getProperty("soapstone.bench.dir");
        Path dir = configured == null || configured.isBlank() ? Files.createTempDirectory("soapstone-load-")
                : Path.of(configured);
        Files.createDirectories(dir);
        Path database = dir.resolve("clinic-" + clients + "-" + sessions + ".db");
        StringBuilder report = new StringBuilder();
        List<String> problems = new ArrayList<>();
        try {
            if (Files.exists(database)) {
                report.append("Reusing ").append(database).append('\n');
            } else {
                report.append(ClinicDataGenerator.generate(database, ClinicDataGenerator.Options.of(clients, sessions)))
                        .append('\n');
            }
            PostgresClinic.Address postgres = null;
            Path postgresFolder = dir.resolve("postgresql");
            if (vendors.contains("postgresql")) {
                // Loaded before the SQLite run adds to the file: both start from the generated clinic.
                postgres = PostgresClinic.load(database, TestPostgres.adminUrl(),
                        System.getProperty("soapstone.bench.postgres", "soapstone_bench_" + clients + "_" + sessions),
                        postgresFolder, report);
            }
            report.append(String.format(Locale.ROOT, "Load average before: %s%n", loadAverage()));
            if (vendors.contains("sqlite")) {
                run("SQLite " + database.getFileName(), ClinicDay.properties(database.toString(), dir.resolve("home")),
                        new ClinicDay.Settings(shells, rounds, warmup, dir.resolve("plans-sqlite")), report, problems);
            }
            if (postgres != null) {
                run("PostgreSQL " + postgres.name(), PostgresClinic.properties(postgres, postgresFolder),
                        new ClinicDay.Settings(shells, rounds, warmup, dir.resolve("plans-postgresql")), report, problems);
            }
        } finally {
            System.out.println(report);
            InShellBenchmark.writeResults("clinic-day", report);
        }
        assertThat(problems).as("lost, duplicated or unverifiable writes").isEmpty();
    }

    private static void run(String name, String[] properties, ClinicDay.Settings settings, StringBuilder report,
            List<String> problems) throws Exception {
        report.append(String.format(Locale.ROOT, "%n== %s: %d shells, %d rounds after %d warm-up, started %s,"
                + " load average %s%n", name, settings.shells(), settings.rounds(), settings.warmup(),
                LocalDateTime.now().withNano(0), loadAverage()));
        try (ClinicDay.Outcome outcome = ClinicDay.run(properties, settings)) {
            report.append(outcome.table());
            report.append(String.format(Locale.ROOT, "Load average after: %s%n", loadAverage()));
            ClinicDay.Check check = outcome.check();
            report.append(check);
            check.problems().forEach(problem -> problems.add(name + ": " + problem));
        }
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }
}
