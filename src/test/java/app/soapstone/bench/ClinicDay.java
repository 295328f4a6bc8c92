package app.soapstone.bench;

import app.soapstone.SoapstoneApplication;
import app.soapstone.shell.CommandRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.shell.core.InputReader;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Several therapists at once on one clinic record: each "shell" is an application context of its
 * own (its own connection pool, as a running interactive shell has) with a practitioner of its own,
 * and types a clinic day through the same command runner the shell uses - find the client, list
 * their sessions, write a note and sign it, give them their care plan - round after round, all
 * shells at the same time. Every command's wall time is kept (warm-up rounds left out), and every
 * failure with its message: on SQLite, shells that wait too long for the write lock fail with
 * "database is locked", and that is part of the result, not an error of the benchmark.
 *
 * <p>Afterwards {@link Outcome#check} counts what was written: every note a shell was told it wrote
 * and signed is there once, signed by that shell's practitioner, none that it was told failed, no
 * two with one marker; the record chain runs 1..n without a gap; {@code records verify} passes.
 */
final class ClinicDay {

    private static final InputReader NO_INPUT = new InputReader() {
    };

    /** The commands of a clinic day, in the order a therapist runs them. */
    static final List<String> COMMANDS = List.of("client search", "session list", "session new", "session sign",
            "plan export");

    /** How many shells, rounds and warm-up rounds; where the care plans go. */
    record Settings(int shells, int rounds, int warmup, Path folder) {
    }

    /** One shell's client: who a therapist looks up and treats. */
    private record Client(long id, String name) {
    }

    /** A note a shell wrote: its marker, the id it was given, and whether signing it succeeded. */
    private record Written(String marker, long id, long practitioner, boolean signed) {
    }

    /** One failed command: which, in which shell, and what it said. */
    record Failure(String command, int shell, String message) {

        boolean busy() {
            String text = message.toLowerCase(Locale.ROOT);
            return text.contains("locked") || text.contains("busy");
        }
    }

    private ClinicDay() {
    }

    /**
     * Starts {@code settings.shells()} application contexts with {@code properties} (each its own
     * pool), gives each a practitioner, runs the rounds in all of them at once and closes them.
     */
    static Outcome run(String[] properties, Settings settings) throws Exception {
        String runId = Long.toString(System.currentTimeMillis(), 36);
        List<ConfigurableApplicationContext> shells = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(settings.shells());
        boolean handedOver = false;
        try {
            long startNanos = System.nanoTime();
            for (int s = 0; s < settings.shells(); s++) {
                shells.add(new SpringApplicationBuilder(SoapstoneApplication.class).properties(properties).run());
            }
            long started = System.nanoTime() - startNanos;
            JdbcClient jdbc = shells.getFirst().getBean(JdbcClient.class);
            List<Client> clients = clients(jdbc, settings.shells() * (settings.warmup() + settings.rounds()));
            long[] practitioners = new long[settings.shells()];
            for (int s = 0; s < settings.shells(); s++) {
                practitioners[s] = practitioner(jdbc, shells.getFirst().getBean(CommandRunner.class), s + 1);
            }
            Files.createDirectories(settings.folder());
            long chainBefore = jdbc.sql("SELECT count(*) FROM record_chain").query(Long.class).single();

            Map<String, List<Long>> nanos = new LinkedHashMap<>();
            COMMANDS.forEach(command -> nanos.put(command, Collections.synchronizedList(new ArrayList<>())));
            List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
            List<Written> written = Collections.synchronizedList(new ArrayList<>());
            // All shells start their timed rounds together, once every shell finished its warm-up.
            CyclicBarrier timed = new CyclicBarrier(settings.shells());
            AtomicLong timedStart = new AtomicLong();
            List<Future<?>> results = new ArrayList<>();
            for (int s = 0; s < settings.shells(); s++) {
                int shell = s;
                CommandRunner runner = shells.get(s).getBean(CommandRunner.class);
                results.add(threads.submit(() -> {
                    SplittableRandom random = new SplittableRandom(shell);
                    Path pdf = settings.folder().resolve("plan-" + (shell + 1) + ".pdf");
                    for (int round = 0; round < settings.warmup() + settings.rounds(); round++) {
                        if (round == settings.warmup()) {
                            timed.await();
                            timedStart.compareAndSet(0, System.nanoTime());
                        }
                        boolean timing = round >= settings.warmup();
                        Client client = clients.get(round * settings.shells() + shell);
                        String marker = "Load " + runId + " shell " + (shell + 1) + " round " + (round + 1);
                        String time = String.format(Locale.ROOT, "%02d:%02d", 8 + (round % 10), random.nextInt(60));
                        Map<String, String> day = new LinkedHashMap<>();
                        day.put("client search", "client search " + client.name());
                        day.put("session list", "session list --client " + client.id());
                        day.put("session new", "session new --client " + client.id() + " --practitioner "
                                + practitioners[shell] + " --date " + LocalDate.now() + " --time " + time
                                + " --duration 45 --modalities effleurage,petrissage --areas calf-left,calf-right"
                                + " --pressure moderate --pain-before 5 --pain-after 2 --subjective \"" + marker + "\""
                                + " --plan \"Calf stretch twice daily, review in 2 weeks\"");
                        Long session = null;
                        for (Map.Entry<String, String> step : day.entrySet()) {
                            String command = step.getKey();
                            Result result = type(runner, step.getValue());
                            record(nanos, failures, command, shell, timing, result);
                            if (command.equals("session new")) {
                                if (result.ok()) {
                                    session = Long.parseLong(result.output().strip().lines().toList().getLast().strip());
                                } else {
                                    // Told it failed: the marker must not be in the database (checked).
                                    written.add(new Written(marker, -1, practitioners[shell], false));
                                }
                            }
                        }
                        if (session != null) {
                            Result signed = type(runner, "session sign " + session + " --practitioner " + practitioners[shell]);
                            record(nanos, failures, "session sign", shell, timing, signed);
                            written.add(new Written(marker, session, practitioners[shell], signed.ok()));
                        }
                        Result plan = type(runner, "plan export --client " + client.id() + " --out " + pdf + " --force");
                        record(nanos, failures, "plan export", shell, timing, plan);
                    }
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get();
            }
            long wall = System.nanoTime() - timedStart.get();
            Outcome outcome = new Outcome(runId, settings, started, wall, nanos, failures, written, chainBefore,
                    shells.getFirst());
            handedOver = true;
            return outcome;
        } finally {
            threads.shutdownNow();
            // The first shell is closed by the caller, after the checks (it runs them).
            for (int s = handedOver ? 1 : 0; s < shells.size(); s++) {
                shells.get(s).close();
            }
        }
    }

    /** What a command printed, or its error. */
    private record Result(boolean ok, String output, String error, long nanos) {
    }

    private static Result type(CommandRunner runner, String line) {
        StringWriter out = new StringWriter();
        long start = System.nanoTime();
        CommandRunner.Outcome outcome;
        try {
            outcome = runner.run(line, new PrintWriter(out), NO_INPUT);
        } catch (RuntimeException e) {
            return new Result(false, out.toString(), String.valueOf(e), System.nanoTime() - start);
        }
        long nanos = System.nanoTime() - start;
        return new Result(outcome.ok(), out.toString(), outcome.ok() ? null : outcome.status() + " " + outcome.error(), nanos);
    }

    private static void record(Map<String, List<Long>> nanos, List<Failure> failures, String command, int shell,
            boolean timing, Result result) {
        if (!result.ok()) {
            failures.add(new Failure(command, shell + 1, result.error() == null ? result.output() : result.error()));
        } else if (timing) {
            nanos.get(command).add(result.nanos());
        }
    }

    /**
     * Clients a therapist would see: not archived, with an intake without red flags (no referral to
     * override), a plain-letter name to search by; spread over the clinic, as many as the day needs.
     */
    private static List<Client> clients(JdbcClient jdbc, int needed) {
        List<Client> all = jdbc.sql("""
                        SELECT c.id, c.first_name, c.last_name FROM client c
                        WHERE c.archived_at IS NULL
                          AND EXISTS (SELECT 1 FROM session s WHERE s.client_id = c.id)
                          AND EXISTS (SELECT 1 FROM intake i WHERE i.client_id = c.id)
                          AND NOT EXISTS (SELECT 1 FROM intake i JOIN intake_red_flag f ON f.intake_id = i.id
                                          WHERE i.client_id = c.id)
                        ORDER BY c.id""")
                .query((row, n) -> new Client(row.getLong(1), row.getString(2) + " " + row.getString(3))).list()
                .stream().filter(c -> c.name().matches("[A-Za-z]+ [A-Za-z]+")).toList();
        if (all.isEmpty()) {
            throw new IllegalStateException("no client to treat in the generated clinic");
        }
        List<Client> chosen = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(17);
        for (int i = 0; i < needed; i++) {
            chosen.add(all.get(random.nextInt(all.size())));
        }
        return chosen;
    }

    /** Practitioner "Load therapist {@code n}": found from an earlier run, or added now. */
    private static long practitioner(JdbcClient jdbc, CommandRunner runner, int n) {
        String name = "Load therapist " + n;
        return jdbc.sql("SELECT id FROM practitioner WHERE name = ?").param(name).query(Long.class).optional()
                .orElseGet(() -> {
                    Result added = type(runner, "practitioner add --name \"" + name + "\" --credentials RMT");
                    if (!added.ok()) {
                        throw new IllegalStateException("cannot add " + name + ": " + added.error());
                    }
                    return Long.parseLong(added.output().strip());
                });
    }

    /** What a run measured and what it wrote. */
    record Outcome(String runId, Settings settings, long startNanos, long wallNanos, Map<String, List<Long>> nanos,
            List<Failure> failures, List<Written> written, long chainBefore, ConfigurableApplicationContext first)
            implements AutoCloseable {

        /** Commands that succeeded in the timed rounds. */
        long timedCommands() {
            return nanos.values().stream().mapToLong(List::size).sum();
        }

        /** Failures of {@code command}. */
        long failures(String command) {
            return failures.stream().filter(f -> f.command().equals(command)).count();
        }

        long busy(String command) {
            return failures.stream().filter(f -> f.command().equals(command) && f.busy()).count();
        }

        /** Nearest-rank percentile {@code p} (0-100) of {@code command}'s times, in ms; NaN without any. */
        double percentile(String command, double p) {
            long[] sorted = nanos.get(command).stream().mapToLong(Long::longValue).sorted().toArray();
            if (sorted.length == 0) {
                return Double.NaN;
            }
            return sorted[Math.max(0, (int) Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
        }

        /**
         * Checks what was written against what the shells were told, in the first shell's
         * database: the findings, one line each; {@link Check#problems()} empty when all is well.
         */
        Check check() {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            List<String> problems = new ArrayList<>();
            Map<String, List<Map<String, Object>>> byMarker = new LinkedHashMap<>();
            for (Map<String, Object> row : jdbc.sql("""
                            SELECT id, subjective, practitioner_id, signed_by FROM session
                            WHERE subjective LIKE ? ORDER BY id""")
                    .param("Load " + runId + " shell %").query().listOfRows()) {
                byMarker.computeIfAbsent((String) row.get("subjective"), k -> new ArrayList<>()).add(row);
            }
            int found = byMarker.values().stream().mapToInt(List::size).sum();
            long duplicated = byMarker.values().stream().filter(rows -> rows.size() > 1).count();
            long lost = 0;
            List<String> phantom = new ArrayList<>();
            long signedWrong = 0;
            for (Written note : written) {
                List<Map<String, Object>> rows = byMarker.getOrDefault(note.marker(), List.of());
                if (note.id() < 0) {
                    rows.forEach(row -> phantom.add(note.marker() + " (session " + row.get("id") + ")"));
                    continue;
                }
                if (rows.size() != 1 || ((Number) rows.getFirst().get("id")).longValue() != note.id()) {
                    lost++;
                    continue;
                }
                Object signedBy = rows.getFirst().get("signed_by");
                boolean signedThere = signedBy != null && ((Number) signedBy).longValue() == note.practitioner();
                if (signedThere != note.signed()) {
                    signedWrong++;
                }
            }
            long told = written.stream().filter(w -> w.id() >= 0).count();
            if (lost > 0) {
                problems.add(lost + " notes reported written are missing or have another id");
            }
            if (duplicated > 0) {
                problems.add(duplicated + " markers are on more than one note");
            }
            if (!phantom.isEmpty()) {
                problems.add(phantom.size() + " notes are in the database although their session new reported a"
                        + " failure: " + String.join(", ", phantom));
            }
            if (signedWrong > 0) {
                problems.add(signedWrong + " notes are signed (or not) otherwise than session sign reported");
            }
            if (found != told) {
                problems.add(found + " notes carry this run's markers, " + told + " were reported written");
            }
            long ids = jdbc.sql("SELECT count(*) FROM session").query(Long.class).single();
            long distinct = jdbc.sql("SELECT count(DISTINCT id) FROM session").query(Long.class).single();
            if (ids != distinct) {
                problems.add((ids - distinct) + " duplicated session ids");
            }
            long links = jdbc.sql("SELECT count(*) FROM record_chain").query(Long.class).single();
            long lastSeq = jdbc.sql("SELECT coalesce(max(seq), 0) FROM record_chain").query(Long.class).single();
            if (links != lastSeq) {
                problems.add("the record chain has " + links + " links but its last seq is " + lastSeq);
            }
            long sessionLinks = jdbc.sql("SELECT count(*) FROM record_chain r JOIN session s ON s.id = r.record_id"
                    + " AND r.record_type = 'session' WHERE s.subjective LIKE ?").param("Load " + runId + " shell %")
                    .query(Long.class).single();
            long signed = written.stream().filter(Written::signed).count();
            if (sessionLinks != signed) {
                problems.add(sessionLinks + " of this run's notes are in the chain, " + signed + " were reported signed");
            }
            Result verify = type(first.getBean(CommandRunner.class), "records verify");
            if (!verify.ok()) {
                problems.add("records verify failed: " + verify.error() + "\n" + verify.output());
            }
            return new Check(told, signed, found, duplicated, lost, phantom.size(), links - chainBefore, verify.ok(),
                    verify.output().strip().lines().filter(l -> !l.isBlank()).limit(3).toList(), problems);
        }

        /** The p50/p95 table, throughput and failures, as printed. */
        String table() {
            StringBuilder text = new StringBuilder();
            String format = "%-16s %7s %9s %9s %9s %9s %8s%n";
            text.append(String.format(Locale.ROOT, format, "command", "runs", "p50 ms", "p95 ms", "max ms", "failed", "busy"));
            for (String command : COMMANDS) {
                List<Long> times = nanos.get(command);
                text.append(String.format(Locale.ROOT, format, command, times.size(), ms(percentile(command, 50)),
                        ms(percentile(command, 95)), ms(percentile(command, 100)), failures(command), busy(command)));
            }
            double seconds = wallNanos / 1e9;
            text.append(String.format(Locale.ROOT, "%d shells x %d timed rounds (%d warm-up) in %.1f s: %.1f commands/s,"
                            + " %.2f clinic days (rounds)/s; %d shells started in %,d ms%n", settings.shells(),
                    settings.rounds(), settings.warmup(), seconds, timedCommands() / seconds,
                    settings.shells() * settings.rounds() / seconds, settings.shells(), startNanos / 1_000_000));
            Map<String, Long> kinds = new LinkedHashMap<>();
            for (Failure failure : failures) {
                String message = failure.message().lines().findFirst().orElse("").replaceAll("\\d+", "N");
                kinds.merge(failure.command() + ": " + message, 1L, Long::sum);
            }
            kinds.forEach((kind, count) -> text.append(String.format(Locale.ROOT, "  %4d x %s%n", count, kind)));
            return text.toString();
        }

        private static String ms(double value) {
            return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, value < 10 ? "%.2f" : value < 100 ? "%.1f" : "%,.0f", value);
        }

        @Override
        public void close() {
            first.close();
        }
    }

    /** What was found after a run. */
    record Check(long written, long signed, long found, long duplicated, long lost, long failedButWritten,
            long newLinks, boolean verified, List<String> verifyLines, List<String> problems) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Notes reported written %d (signed %d), found %d; duplicated %d, lost %d,"
                    + " reported failed but written %d; %d new chain links; records verify %s%s%n", written, signed, found,
                    duplicated, lost, failedButWritten, newLinks,
                    verified ? "passed" : "FAILED", problems.isEmpty() ? "" : "\n  PROBLEMS: " + String.join("\n  ", problems))
                    + verifyLines.stream().map(l -> "  " + l + "\n").reduce("", String::concat);
        }
    }

    /**
     * The properties of a shell on {@code database} (a SQLite file or a PostgreSQL address, with
     * {@code more} of its own): no interactive shell, the bundled templates and Debian's Noto
     * fonts only, and {@code home} for {@code ~} - never the user's.
     */
    static String[] properties(String database, Path home, String... more) {
        List<String> properties = new ArrayList<>(List.of("spring.shell.interactive.enabled=false",
                "soapstone.db=" + database, "soapstone.home=" + home, "soapstone.templates=",
                "soapstone.fonts=/usr/share/fonts/truetype/noto:/usr/share/fonts/opentype/noto",
                "soapstone.system-fonts=false"));
        properties.addAll(List.of(more));
        return properties.toArray(String[]::new);
    }
}
