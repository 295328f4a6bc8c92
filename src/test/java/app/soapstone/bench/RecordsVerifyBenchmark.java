package app.soapstone.bench;

import app.soapstone.SoapstoneApplication;
import app.soapstone.shell.CommandRunner;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.shell.core.InputReader;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@code records verify} and {@code db check} alone on a generated clinic, in a running shell: the
 * first run, then {@code soapstone.bench.runs} more (default 3), wall and CPU time of each. Quicker
 * than {@link InShellBenchmark} when only the chain is of interest.
 * <pre>
 * ./mvnw -q -B test -Pbenchmark -Dtest=RecordsVerifyBenchmark -Dsoapstone.bench.dir=/tmp/soapstone-bench
 * </pre>
 * Uses (or generates) {@code clinic-<clients>-<sessions>.db} in {@code soapstone.bench.dir}, as
 * {@link InShellBenchmark} does; the first start applies any pending migration, and is timed.
 */
@Tag("benchmark")
class RecordsVerifyBenchmark {

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    @Test
    void recordsVerifyAtClinicScale() throws Exception {
        int clients = Integer.getInteger("soapstone.bench.clients", 10_000);
        int sessions = Integer.getInteger("soapstone.bench.sessions", 200_000);
        int runs = Integer.getInteger("soapstone.bench.runs", 3);
        Path dir = Path.of(System.getProperty("soapstone.bench.dir", System.getProperty("java.io.tmpdir")
                + "/soapstone-bench"));
        Files.createDirectories(dir);
        Path database = dir.resolve("clinic-" + clients + "-" + sessions + ".db");
        if (!Files.exists(database)) {
            System.out.println(ClinicDataGenerator.generate(database, ClinicDataGenerator.Options.of(clients, sessions)));
        }
        long startNanos = System.nanoTime();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SoapstoneApplication.class)
                .properties("spring.shell.interactive.enabled=false", "soapstone.db=" + database).run()) {
            System.out.printf(Locale.ROOT, "Context started in %,d ms on %s%n", (System.nanoTime() - startNanos) / 1_000_000,
                    database);
            CommandRunner runner = app.getBean(CommandRunner.class);
            for (String line : new String[] {"records verify", "db check"}) {
                long[] wall = new long[runs + 1];
                long[] cpu = new long[runs + 1];
                String output = "";
                for (int r = 0; r <= runs; r++) {
                    StringWriter out = new StringWriter();
                    long cpuStart = CPU.getCurrentThreadCpuTime();
                    long start = System.nanoTime();
                    CommandRunner.Outcome outcome = runner.run(line, new PrintWriter(out), new InputReader() {
                    });
                    wall[r] = (System.nanoTime() - start) / 1_000_000;
                    cpu[r] = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
                    output = outcome.ok() ? out.toString() : "FAILED " + outcome.status() + ": " + outcome.error();
                }
                System.out.printf(Locale.ROOT, "%s: first %,d ms, then %s ms (CPU %s ms)%n%s%n", line, wall[0],
                        Arrays.toString(Arrays.copyOfRange(wall, 1, wall.length)),
                        Arrays.toString(Arrays.copyOfRange(cpu, 1, cpu.length)), output.strip());
            }
        }
    }
}
