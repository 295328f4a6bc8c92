package app.soapstone.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs Soapstone as a separate process for the end-to-end tests (*IT), the packaged jar or the
 * launcher script, the way a therapist or a script runs it. Every process gets the database the
 * test chooses, a HOME in the test's temp folder and none of the developer's SOAPSTONE_* or XDG_*
 * settings, so nothing touches the real home, the default database or the developer's templates
 * and fonts; stdin is empty, and stdout and stderr go to files in the temp folder (no pipe that
 * could fill up and block the child).
 */
public final class SoapstoneProcesses {

    private final Path temp;
    private final long timeoutSeconds;
    private final AtomicInteger runs = new AtomicInteger();

    /** Processes that work in {@code temp} and are killed after {@code timeoutSeconds}. */
    public SoapstoneProcesses(Path temp, long timeoutSeconds) {
        this.temp = temp;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Anything that looks like a log line (Spring's console format, JUL warnings) or a stack trace. */
    public static final Pattern LOG_LINE = Pattern.compile("\\b(TRACE|DEBUG|INFO|WARN|WARNING|ERROR|SEVERE)\\b");

    /** The jar {@code package} built (the ITs run after it), or the one named by {@code -Dsoapstone.jar}. */
    public static Path packagedJar() {
        Path jar = Path.of(System.getProperty("soapstone.jar", "target/soapstone.jar")).toAbsolutePath();
        assertThat(jar).as("the packaged jar (run 'mvnw verify', which packages before the ITs)").isRegularFile();
        return jar;
    }

    /** The java running the tests, to run the jar with. */
    public static String currentJava() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * {@code java -jar JAR ARGS...} with the java running the tests. The two -XX options only make
     * these short runs start faster (C1 only, one GC thread).
     */
    public static List<String> jarCommand(Path jar, String... args) {
        List<String> command = new ArrayList<>(List.of(currentJava(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** Runs {@code command} to the end; see {@link #start}. */
    public Run run(List<String> command, Path database, Map<String, String> environment)
            throws IOException, InterruptedException {
        return start(command, database, environment).finish();
    }

    /** Starts {@code command} in the temp folder, in the {@link #environment} of a child. */
    public Started start(List<String> command, Path database, Map<String, String> environment) throws IOException {
        int number = runs.incrementAndGet();
        Path out = temp.resolve("run-" + number + ".out");
        Path err = temp.resolve("run-" + number + ".err");
        Path home = Files.createDirectories(temp.resolve("home"));

        ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> env = builder.environment();
        Map<String, String> wanted = environment(env, database, home, environment);
        env.clear();
        env.putAll(wanted);

        Process process = builder.start();
        process.getOutputStream().close();
        return new Started(List.copyOf(command), process, out, err, timeoutSeconds);
    }

    /**
     * What a child gets: {@code inherited} without any SOAPSTONE_* or XDG_* variable (the
     * developer's own database, templates, fonts, Java and data folders) and without
     * JAVA_TOOL_OPTIONS or JDK_JAVA_OPTIONS (Java would announce them on stderr); then
     * SOAPSTONE_DB={@code database}, HOME={@code home}, XDG_DATA_HOME inside it and a UTF-8 locale.
     * {@code overrides} come last and can change any of it; a null value removes the variable.
     */
    static Map<String, String> environment(Map<String, String> inherited, Path database, Path home,
            Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(inherited);
        env.keySet().removeIf(name -> name.startsWith("SOAPSTONE_") || name.startsWith("XDG_"));
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("JDK_JAVA_OPTIONS");
        env.put("SOAPSTONE_DB", database.toString());
        env.put("HOME", home.toString());
        env.put("XDG_DATA_HOME", home.resolve(".local").resolve("share").toString());
        env.put("LC_ALL", "C.UTF-8");
        overrides.forEach((name, value) -> {
            if (value == null) {
                env.remove(name);
            } else {
                env.put(name, value);
            }
        });
        return env;
    }

    /** What one run printed and returned. */
    public record Run(List<String> command, int status, String out, String err) {

        /** The one line a failure prints: "Error: ...", nothing more. */
        public String errorLine() {
            assertThat(err.lines().toList()).as(describe()).hasSize(1);
            assertThat(err).as(describe()).startsWith("Error: ");
            return err.strip();
        }

        public String describe() {
            return String.join(" ", command) + "\n--- exit " + status + "\n--- stdout:\n" + out + "\n--- stderr:\n" + err;
        }
    }

    /** What {@link Started#waitUntil} waits for; may look at files that come and go. */
    public interface Condition {
        boolean holds() throws IOException;
    }

    /** A process started and not yet waited for. */
    public record Started(List<String> command, Process process, Path out, Path err, long timeoutSeconds) {

        /** Waits for the end (killing the process after the timeout) and reads what it printed. */
        public Run finish() throws IOException, InterruptedException {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                fail("timed out after " + timeoutSeconds + " s: " + String.join(" ", command)
                        + "\n--- stdout:\n" + Files.readString(out) + "\n--- stderr:\n" + Files.readString(err));
            }
            return new Run(command, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        }

        /**
         * Polls (every millisecond, so a kill can land in a short window) until {@code condition}
         * holds; fails if the process ends first or the timeout passes, killing it then.
         */
        public void waitUntil(Condition condition, String what) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            while (!condition.holds()) {
                if (!process.isAlive()) {
                    fail("the process ended before " + what + ":\n" + finish().describe());
                }
                if (System.nanoTime() > deadline) {
                    kill();
                    fail("timed out waiting for " + what);
                }
                Thread.sleep(1);
            }
        }

        /** SIGKILL: no shutdown hooks, no clean-up, like a power cut for the process. */
        public void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("killed").isTrue();
        }
    }
}
