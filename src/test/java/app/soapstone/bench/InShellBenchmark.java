package app.soapstone.bench;

import app.soapstone.SoapstoneApplication;
import app.soapstone.shell.CommandRunner;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.shell.core.InputReader;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Soapstone at clinic scale, as a therapist meets it: one application context started on a
 * generated database (like a running shell), then each command typed through the same runner the
 * shell uses, warmed up and timed many times, medians and 90th percentiles printed as a table.
 * Nothing is asserted about the timings; only that each command works.
 *
 * <pre>
 * ./mvnw -q -B test -Pbenchmark -Dtest=InShellBenchmark -Dsoapstone.bench.dir=/tmp/soapstone-bench
 * </pre>
 * System properties: {@code soapstone.bench.dir} (where the database is kept and reused; default
 * a temp folder, deleted afterwards), {@code soapstone.bench.clients} (10000),
 * {@code soapstone.bench.sessions} (200000), {@code soapstone.bench.runs} (50),
 * {@code soapstone.bench.warmup} (10), {@code soapstone.bench.extra-runs} (5, for the heavy
 * commands measured besides the goals: {@code client list} and {@code records verify}; 0 skips them),
 * {@code soapstone.bench.label} (a name for the results file, written to {@code target/benchmarks/}).
 */
@Tag("benchmark")
class InShellBenchmark {

    private static final InputReader NO_INPUT = new InputReader() {
    };

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    /** One command to time: its line for each run (0, 1, ...), and the goal from the issue (ms, median), if any. */
    private record Case(String name, IntFunction<String> lines, Double goalMs) {

        Case(String name, String line, Double goalMs) {
            this(name, run -> line, goalMs);
        }

        String line(int run) {
            return lines.apply(run);
        }
    }

    /**
     * Timings of one case, in nanoseconds: wall-clock, and the CPU time of the thread that ran the
     * command (SQLite runs in it too), which other work on a busy machine does not inflate and
     * which leaves out waiting for the disk.
     */
    private record Timings(Case command, long firstNanos, long[] nanos, long[] cpuNanos, String sample) {

        double median() {
            return median(nanos);
        }

        double cpuMedian() {
            return median(cpuNanos);
        }

        private static double median(long[] values) {
            long[] sorted = values.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            return (n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0) / 1e6;
        }

        /** Nearest-rank 90th percentile. */
        double p90() {
            long[] sorted = sorted();
            return sorted[(int) Math.ceil(0.9 * sorted.length) - 1] / 1e6;
        }

        double min() {
            return sorted()[0] / 1e6;
        }

        double max() {
            long[] sorted = sorted();
            return sorted[sorted.length - 1] / 1e6;
        }

        private long[] sorted() {
            long[] copy = nanos.clone();
            Arrays.sort(copy);
            return copy;
        }
    }

    @Test
    void commandsAtClinicScale() throws Exception {
        int clients = Integer.getInteger("soapstone.bench.clients", 10_000);
        int sessions = Integer.getInteger("soapstone.bench.sessions", 200_000);
        int runs = Integer.getInteger("soapstone.bench.runs", 50);
        int warmup = Integer.getInteger("soapstone.bench.warmup", 10);
        int extraRuns = Integer.getInteger("soapstone.bench.extra-runs", 5);
        String configured = System.getProperty("soapstone.bench.dir");
        boolean temporary = configured == null || configured.isBlank();
        Path dir = temporary ? Files.createTempDirectory("soapstone-bench-") : Path.of(configured);
        Files.createDirectories(dir);
        Path database = dir.resolve("clinic-" + clients + "-" + sessions + ".db");
        StringBuilder report = new StringBuilder();
        try {
            if (Files.exists(database)) {
                report.append("Reusing ").append(database).append('\n');
            } else {
                ClinicDataGenerator.Summary summary = ClinicDataGenerator.generate(database,
                        ClinicDataGenerator.Options.of(clients, sessions));
                report.append(summary).append("\n  database ").append(database).append('\n');
            }
            // Started twice: the first start also applies any migration the database has not had yet.
            for (int start = 1; start <= 2; start++) {
                long startNanos = System.nanoTime();
                try (ConfigurableApplicationContext app = start(database)) {
                    report.append(String.format(Locale.ROOT, "Application context started on it in %,d ms (%s)%n",
                            (System.nanoTime() - startNanos) / 1_000_000,
                            start == 1 ? "first start, with any pending migrations" : "second start"));
                    if (start == 2) {
                        measure(app, dir, runs, warmup, extraRuns, report);
                    }
                }
            }
        } finally {
            System.out.println(report);
            writeResults("in-shell", report);
            if (temporary) {
                try (var files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
                }
            }
        }
    }

    private static void measure(ConfigurableApplicationContext app, Path dir, int runs, int warmup, int extraRuns,
            StringBuilder report) throws IOException {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        CommandRunner runner = app.getBean(CommandRunner.class);
        // A client a therapist would look up: about 20 visits, not archived, with an intake.
        var regular = jdbc.sql("""
                        SELECT s.client_id AS id, c.first_name, c.last_name, count(*) AS visits
                        FROM session s JOIN client c ON c.id = s.client_id
                        WHERE c.archived_at IS NULL AND c.first_name GLOB '[A-Za-z]*' AND c.last_name GLOB '[A-Za-z]*'
                        GROUP BY s.client_id ORDER BY abs(count(*) - 20), s.client_id LIMIT 1""")
                .query().singleRow();
        long clientId = ((Number) regular.get("id")).longValue();
        Path pdf = dir.resolve("care-plan-benchmark.pdf");
        report.append(String.format(Locale.ROOT, "Client for session list and plan export: %d (%s %s, %s sessions)%n",
                clientId, regular.get("first_name"), regular.get("last_name"), regular.get("visits")));
        report.append(counts(jdbc)).append('\n');
        // A draft note of that client, to edit: the first run adds it, later runs on the same database reuse it.
        Long draft = jdbc.sql("SELECT id FROM session WHERE client_id = ? AND signed_at IS NULL ORDER BY id LIMIT 1")
                .param(clientId).query(Long.class).optional().orElse(null);
        if (draft == null) {
            List<String> created = run(runner, "session new --client " + clientId + " --date " + java.time.LocalDate.now()
                    + " --time 09:00 --modalities effleurage --areas calf-left --subjective \"Cramps twice this week\""
                    + " --plan \"Stretch nightly\"").strip().lines().toList();
            draft = Long.parseLong(created.getLast().strip());
        }
        long draftId = draft;

        List<Case> cases = List.of(
                new Case("client search <common name part>", "client search smith", 5.0),
                new Case("client search <first and last name>", "client search " + regular.get("first_name") + " "
                        + regular.get("last_name"), 5.0),
                new Case("session list --client <~20 sessions>", "session list --client " + clientId, 5.0),
                new Case("session search <common word>", "session search calf", 20.0),
                new Case("session search <less common word>", "session search hamstring", 20.0),
                new Case("session search <rare word>", "session search chilblains", 20.0),
                // The same words ranked among every match, not only the most recent (--all).
                new Case("session search --all <common word>", "session search --all calf", 20.0),
                new Case("session search --all <less common>", "session search --all hamstring", 20.0),
                new Case("plan export (after the first)", "plan export --client " + clientId + " --out " + pdf
                        + " --force", 20.0),
                new Case("session edit <draft> --plan ...", run -> "session edit " + draftId + " --plan \"Stretch nightly,"
                        + " review in " + (run % 2 + 2) + " weeks\"", null));

        // Each command once, cold, as the first of its kind after the shell started.
        long[] first = new long[cases.size()];
        String[] samples = new String[cases.size()];
        for (int i = 0; i < cases.size(); i++) {
            long start = System.nanoTime();
            samples[i] = run(runner, cases.get(i).line(0));
            first[i] = System.nanoTime() - start;
        }
        for (int w = 0; w < warmup; w++) {
            for (Case c : cases) {
                run(runner, c.line(w + 1));
            }
        }
        // Round-robin, so that no command runs only on a cache another one just warmed.
        long[][] nanos = new long[cases.size()][runs];
        long[][] cpu = new long[cases.size()][runs];
        for (int r = 0; r < runs; r++) {
            for (int i = 0; i < cases.size(); i++) {
                long cpuStart = CPU.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                run(runner, cases.get(i).line(r));
                nanos[i][r] = System.nanoTime() - start;
                cpu[i][r] = CPU.getCurrentThreadCpuTime() - cpuStart;
            }
        }
        List<Timings> results = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            results.add(new Timings(cases.get(i), first[i], nanos[i], cpu[i], samples[i]));
        }
        report.append(String.format(Locale.ROOT, "%d warm-up rounds, then %d timed runs of each command (round-robin)%n",
                warmup, runs));
        report.append(table(results));

        if (extraRuns > 0) {
            List<Timings> extra = new ArrayList<>();
            for (Case c : List.of(new Case("client list (all clients)", "client list", null),
                    new Case("records verify (whole chain)", "records verify", null))) {
                long start = System.nanoTime();
                String sample = run(runner, c.line(0));
                long cold = System.nanoTime() - start;
                long[] times = new long[extraRuns];
                long[] cpuTimes = new long[extraRuns];
                for (int r = 0; r < extraRuns; r++) {
                    long cpuStart = CPU.getCurrentThreadCpuTime();
                    start = System.nanoTime();
                    run(runner, c.line(r));
                    times[r] = System.nanoTime() - start;
                    cpuTimes[r] = CPU.getCurrentThreadCpuTime() - cpuStart;
                }
                extra.add(new Timings(c, cold, times, cpuTimes, sample));
            }
            report.append(String.format(Locale.ROOT, "%nHeavier commands, %d runs each after a first one%n", extraRuns));
            report.append(table(extra));
        }
    }

    private static ConfigurableApplicationContext start(Path database) {
        return new SpringApplicationBuilder(SoapstoneApplication.class)
                .properties("spring.shell.interactive.enabled=false", "soapstone.db=" + database)
                .run();
    }

    private static String counts(JdbcClient jdbc) {
        StringBuilder text = new StringBuilder("Database:");
        for (String table : List.of("client", "intake", "session", "addendum", "note_search", "record_chain", "audit_event")) {
            text.append(String.format(Locale.ROOT, " %s %,d;", table,
                    jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single()));
        }
        return text.toString();
    }

    private static String table(List<Timings> results) {
        StringBuilder text = new StringBuilder();
        String format = "%-38s %9s %10s %9s %9s %9s %8s %8s  %s%n";
        text.append(String.format(Locale.ROOT, format, "command", "first ms", "median ms", "p90 ms", "min ms", "max ms",
                "CPU med", "goal ms", "output"));
        for (Timings t : results) {
            text.append(String.format(Locale.ROOT, format, t.command().name(), ms(t.firstNanos() / 1e6), ms(t.median()),
                    ms(t.p90()), ms(t.min()), ms(t.max()), ms(t.cpuMedian()),
                    t.command().goalMs() == null ? "-" : "<= " + t.command().goalMs().intValue(), describe(t.sample())));
        }
        return text.toString();
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, value < 10 ? "%.2f" : value < 100 ? "%.1f" : "%,.0f", value);
    }

    /** How much a command printed: its lines, or its one line if short. */
    private static String describe(String output) {
        List<String> lines = output.strip().lines().toList();
        if (lines.size() == 1 && lines.get(0).length() <= 60) {
            return lines.get(0);
        }
        return lines.size() + " lines";
    }

    private static String run(CommandRunner runner, String line) {
        StringWriter out = new StringWriter();
        CommandRunner.Outcome outcome = runner.run(line, new PrintWriter(out), NO_INPUT);
        if (!outcome.ok()) {
            throw new AssertionError("'" + line + "' failed with status " + outcome.status() + ": " + outcome.error());
        }
        return out.toString();
    }

    /** Writes {@code report} to {@code target/benchmarks/<prefix>-<time>[-<soapstone.bench.label>].txt}. */
    static void writeResults(String prefix, StringBuilder report) throws IOException {
        String label = System.getProperty("soapstone.bench.label", "");
        Path folder = Path.of("target", "benchmarks");
        Files.createDirectories(folder);
        String stamp = LocalDateTime.now().withNano(0).toString().replace(':', '-');
        Files.writeString(folder.resolve(prefix + "-" + stamp + (label.isBlank() ? "" : "-" + label) + ".txt"),
                report.toString());
    }
}
