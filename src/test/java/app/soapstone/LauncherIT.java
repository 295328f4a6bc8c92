package app.soapstone;

import app.soapstone.support.Prerequisites;
import app.soapstone.support.SoapstoneProcesses;
import app.soapstone.support.SoapstoneProcesses.Run;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static app.soapstone.support.SoapstoneProcesses.LOG_LINE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end through {@code target/soapstone/bin/soapstone}, the launcher script of the
 * distribution that {@code src/build/make-distribution.sh} builds in the package phase: the
 * extracted application with Spring AOT, the JDK 25 AOT cache and the unpacked native libraries.
 * Each test runs the script as a separate process, like a therapist's terminal does, with the
 * database in a temp folder, HOME there too and LANG=C.UTF-8. Skipped when the distribution was
 * not built (-Dsoapstone.skipDistribution=true, or no JDK 21+ when packaging), and the cache tests
 * when there is no AOT cache (no JDK 25+); in CI each of these fails instead ({@link Prerequisites}).
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class LauncherIT {

    private static final long TIMEOUT_SECONDS = 60;

    /** Anything that looks like a log line (Spring's console format, JUL warnings) or a stack trace. */
    /** The JVM's own log lines ("[0.020s][warning][aot] ..."), which it writes to stdout by default. */
    private static final Pattern JVM_LOG_LINE = Pattern.compile("\\[(trace|debug|info|warning|error) *\\]");
    private static final Pattern ID_LINE = Pattern.compile("\\d+\\R");
    /** A command's name in the overview of {@code help}: two spaces, one or two words, then the padding. */
    private static final Pattern HELP_ENTRY = Pattern.compile("^  ([a-z-]+(?: [a-z-]+)?) {2,}\\S.*$");
    /** What a JDK prints at start when java.io.tmpdir names no folder: expected where a test arranges that. */
    private static final String NO_TEMP_FOLDER_WARNING = "WARNING: java.io.tmpdir directory does not exist";

    private static Path distribution;
    private static Path launcher;
    private static Path app;
    /** Why there is no distribution to test, or null. */
    private static String notBuilt;

    @TempDir
    Path temp;

    private SoapstoneProcesses processes;

    @BeforeAll
    static void locateTheDistribution() throws IOException {
        Path jar = Path.of(System.getProperty("soapstone.jar", "target/soapstone.jar")).toAbsolutePath();
        distribution = jar.resolveSibling("soapstone");
        app = distribution.resolve("app");
        launcher = distribution.resolve("bin").resolve("soapstone");
        notBuilt = null;
        if (!Files.isRegularFile(launcher)) {
            notBuilt = launcher + " was not built: packaged with -Dsoapstone.skipDistribution=true, or no JDK 21+"
                    + " was found (see make-distribution.sh)";
        } else if (Files.exists(jar) && Files.getLastModifiedTime(jar).toInstant()
                .isAfter(Files.getLastModifiedTime(launcher).toInstant())) {
            // Packaging with -Dsoapstone.skipDistribution=true after a full build leaves the old one behind.
            notBuilt = distribution + " is older than " + jar + ": left from an earlier build";
        }
        // Non-ASCII arguments reach the child only if this JVM encodes them as UTF-8 (see the failsafe config).
        assertThat(System.getProperty("sun.jnu.encoding", "UTF-8"))
                .as("the test JVM must run in a UTF-8 locale to pass names like Zoë as arguments")
                .isEqualToIgnoringCase("UTF-8");
    }

    /** Each test is reported as skipped (failed in CI), with the reason, when there is no distribution to test. */
    @BeforeEach
    void processesInTheTempFolder() {
        Prerequisites.require(notBuilt == null, notBuilt);
        assertThat(launcher).as("the launcher script").isExecutable();
        processes = new SoapstoneProcesses(temp, TIMEOUT_SECONDS);
    }

    // ---------------------------------------------------------------- what the build made

    @Test
    void theDistributionHasSpringAotTheNativeLibrariesAndAnAotCacheForItsJdk() throws Exception {
        assertThat(app.resolve("spring-aot")).as("Spring AOT marker: the launcher adds -Dspring.aot.enabled=true")
                .isRegularFile();
        try (ZipFile jar = new ZipFile(app.resolve("soapstone.jar").toFile())) {
            assertThat(jar.getEntry("app/soapstone/SoapstoneApplication__ApplicationContextInitializer.class"))
                    .as("the bean definitions Spring AOT generated, compiled into the application's jar").isNotNull();
        }

        List<Path> sqlite = files(app.resolve("native").resolve("sqlite"));
        assertThat(sqlite).as("SQLite's native library for this machine").hasSize(1);
        assertThat(sqlite.get(0).getFileName().toString()).matches(".*sqlitejdbc\\.(so|dylib|jnilib|dll)");
        assertThat(Files.size(sqlite.get(0))).isPositive();
        Path jansi = app.resolve("native").resolve("jansi");
        if (Files.exists(jansi)) {
            List<Path> libraries = files(jansi);
            assertThat(libraries).as("Jansi's native library for this machine").hasSize(1);
            assertThat(libraries.get(0).getFileName().toString()).matches(".*jansi\\.(so|dylib|jnilib|dll)");
        }

        Optional<Path> trained = trainedJava();
        if (trained.isPresent() && Files.isExecutable(trained.get()) && javaVersion(trained.get()) >= 25) {
            assertThat(app.resolve("soapstone.aot")).as("the AOT cache made with " + trained.get()).isRegularFile();
            assertThat(Files.size(app.resolve("soapstone.aot"))).isPositive();
        } else if (trained.isEmpty()) {
            assertThat(app.resolve("soapstone.aot")).as("a cache is only kept with the JDK that made it").doesNotExist();
        }
    }

    // ---------------------------------------------------------------- a day's work

    @Test
    void aDaysWorkRunsThroughTheLauncherQuietly() throws Exception {
        Path db = temp.resolve("practice").resolve("soapstone.db");
        String today = LocalDate.now().toString();

        assertThat(ok(soapstone(db, "practitioner", "add", "--name", "Sam Jones", "--credentials", "RMT")).out())
                .matches(ID_LINE);
        assertThat(ok(soapstone(db, "clinic", "set", "--name", "Bondi Body Works", "--address",
                "12 Beach Rd, Bondi NSW 2026", "--phone", "02 9130 1234")).out()).contains("Bondi Body Works");

        Run client = ok(soapstone(db, "client", "add", "--first-name", "Zoë", "--last-name", "Łukasiewicz",
                "--dob", "1960-01-01"));
        assertThat(client.out()).as("the first client's id, alone").matches("1\\R");

        assertThat(ok(soapstone(db, "client", "list")).out()).contains("Łukasiewicz, Zoë").contains("1960-01-01");
        assertThat(ok(soapstone(db, "client", "show", "1")).out()).contains("Zoë Łukasiewicz").contains("1960-01-01")
                .contains("No intake yet");

        Run intake = ok(soapstone(db, "intake", "new", "--client", "1", "--cramp-frequency", "3",
                "--cramp-sites", "calf-left,foot-right", "--cramp-severity", "5", "--medications",
                "Lipitor 20 mg daily", "--consent-date", today, "--consent-by", "Zoë Łukasiewicz",
                "--consent-explained", "all"));
        assertThat(intake.out()).contains("Recorded intake version 1 for client 1")
                .contains("Statin: Lipitor 20 mg daily (atorvastatin)");

        Run session = ok(soapstone(db, "session", "new", "--client", "1", "--duration", "50",
                "--modalities", "effleurage,trigger-point", "--areas", "calf-left", "--pain-before", "6",
                "--pain-after", "2", "--subjective", "Night cramps twice this week.",
                "--objective", "Left calf hypertonic, tender over the soleus.", "--assessment", "Good response.",
                "--plan", "Stretch nightly."));
        List<String> sessionLines = session.out().lines().toList();
        assertThat(sessionLines).as("the session id, last").last().isEqualTo("1");

        assertThat(ok(soapstone(db, "session", "sign", "1")).out()).startsWith("Signed session 1 at ");

        Run search = ok(soapstone(db, "session", "search", "hypertonic"));
        assertThat(search.out().lines().filter(line -> line.startsWith("1 ")).toList())
                .as("the signed session, found by a word of its objective").singleElement().asString()
                .contains("Zoë Łukasiewicz (1)").contains("hypertonic");

        Path pdf = temp.resolve("plans").resolve("plan.pdf");
        Files.createDirectories(pdf.getParent());
        Run export = ok(soapstone(db, "plan", "export", "--client", "1", "--out", pdf.toString()));
        assertThat(export.out()).contains("Adapted to the screening:");
        assertThat(export.out().lines().toList().getLast()).startsWith("Wrote " + pdf + " (").contains(sha256(pdf));
        byte[] bytes = Files.readAllBytes(pdf);
        assertThat(new String(bytes, 0, Math.min(5, bytes.length), StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(new PDFTextStripper().getText(document)).contains("For Zoë Łukasiewicz")
                    .contains("Bondi Body Works");
        }

        assertThat(ok(soapstone(db, "template", "list")).out().lines())
                .anyMatch(line -> line.matches("careplan/plan\\.yaml\\s+-\\s+bundled\\s*"));

        assertThat(ok(soapstone(db, "records", "verify")).out())
                .contains("Verified the record chain").contains("1 signed note, 1 intake version, 1 care plan given")
                .contains("No final record has changed").contains("soapstone.anchors: ").contains("all match");

        assertThat(db.resolveSibling("soapstone.log")).as("the log goes beside the database").isRegularFile();
        assertThat(files(temp.resolve("home"))).as("nothing is written to HOME").isEmpty();
    }

    // ---------------------------------------------------------------- failures

    @Test
    void failuresKeepTheirExitStatusAndOneLineThroughTheLauncher() throws Exception {
        Path db = temp.resolve("errors").resolve("soapstone.db");

        Run unknown = soapstone(db, "frobnicate", "--now");
        assertThat(unknown.status()).as(unknown.describe()).isEqualTo(2);
        assertThat(unknown.out()).isEmpty();
        assertThat(unknown.errorLine()).contains("Unknown command 'frobnicate'");

        Run missing = soapstone(db, "client", "show", "999");
        assertThat(missing.status()).as(missing.describe()).isEqualTo(3);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.errorLine()).contains("No client with id 999");

        Path notes = temp.resolve("notes.txt");
        Files.writeString(notes, "Appointments\nMon 09:00 Zoë Łukasiewicz\n", StandardCharsets.UTF_8);
        String before = sha256(notes);
        Run refused = soapstone(notes, "client", "list");
        assertThat(refused.status()).as(refused.describe()).isEqualTo(5);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.errorLine()).contains(notes.toString()).contains("is not a SQLite database")
                .contains("left untouched");
        assertThat(sha256(notes)).as("the text file is not modified").isEqualTo(before);
        for (String suffix : List.of("-wal", "-shm", "-journal")) {
            assertThat(notes.resolveSibling("notes.txt" + suffix)).doesNotExist();
        }
    }

    @Test
    void oneShotModeOffersNoInteractiveOnlyCommands() throws Exception {
        Path db = temp.resolve("one-shot").resolve("soapstone.db");

        for (String command : List.of("history", "quit")) {
            Run run = soapstone(db, command);
            assertThat(run.status()).as(run.describe()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.errorLine()).contains("Unknown command '" + command + "'");
        }

        Run help = ok(soapstone(db, "help"));
        List<String> commands = help.out().lines().map(HELP_ENTRY::matcher).filter(Matcher::matches)
                .map(m -> m.group(1)).toList();
        assertThat(commands).as(help.out()).contains("help", "client add", "intake history", "records verify")
                .doesNotContain("history", "quit", "exit", "clear");
    }

    // ---------------------------------------------------------------- native libraries

    /**
     * A stand-in for java notes the launcher's arguments and runs the real one with a temp folder
     * that does not exist, where nothing could be copied: SQLite still opens the database, from
     * the library unpacked at build time. Run without those arguments, the same jar cannot.
     */
    @Test
    void theNativeLibrariesAreLoadedFromTheDistributionNotCopiedToTheTempFolder() throws Exception {
        Path noTempFolder = temp.resolve("no-temp-folder");
        Path arguments = temp.resolve("java-arguments.txt");
        Path java = script("java-without-temp-folder", """
                #!/bin/sh
                # Stands in for java: notes its arguments, then runs it with a temp folder that does not exist.
                { echo '---'; printf '%%s\\n' "$@"; } >> '%s'
                exec '%s' -Djava.io.tmpdir='%s' "$@"
                """.formatted(arguments, SoapstoneProcesses.currentJava(), noTempFolder));

        Path db = temp.resolve("native").resolve("soapstone.db");
        Run added = processes.run(List.of(launcher.toString(), "client", "add", "--first-name", "Zoë", "--last-name",
                "Łukasiewicz"), db, environment(Map.of("SOAPSTONE_JAVA", java.toString())));
        assertThat(added.status()).as(added.describe()).isZero();
        assertThat(added.out()).as(added.describe()).matches("1\\R");
        assertThat(added.err().lines().filter(line -> !line.equals(NO_TEMP_FOLDER_WARNING)).toList())
                .as("nothing on stderr but the JDK's warning about the missing temp folder\n" + added.describe())
                .isEmpty();
        assertThat(noTempFolder).doesNotExist();

        String[] runs = Files.readString(arguments, StandardCharsets.UTF_8).split("---\n");
        List<String> last = List.of(runs[runs.length - 1].split("\n"));
        assertThat(last).as("java's arguments from the launcher").endsWith("-jar", app.resolve("soapstone.jar").toString(),
                "client", "add", "--first-name", "Zoë", "--last-name", "Łukasiewicz");
        List<String> options = last.subList(0, last.indexOf("-jar"));
        Path sqlite = files(app.resolve("native").resolve("sqlite")).get(0);
        assertThat(options).contains("-Dorg.sqlite.lib.path=" + sqlite.getParent(),
                "-Dorg.sqlite.lib.name=" + sqlite.getFileName());
        if (Files.exists(app.resolve("spring-aot"))) {
            assertThat(options).as("Spring AOT, since the build made it").contains("-Dspring.aot.enabled=true");
        } else {
            assertThat(options).noneMatch(option -> option.startsWith("-Dspring.aot.enabled"));
        }
        Path jansi = app.resolve("native").resolve("jansi");
        if (Files.exists(jansi)) {
            Path library = files(jansi).get(0);
            assertThat(options).contains("-Dlibrary.jansi.path=" + jansi, "-Dlibrary.jansi.name=" + library.getFileName());
        }
        assertThat(options).as("the AOT cache only with the JDK that made it")
                .noneMatch(option -> option.startsWith("-XX:AOTCache"));

        // The control: without the launcher's options SQLite needs the temp folder, so the run above proves something.
        Path other = temp.resolve("control").resolve("soapstone.db");
        Run control = processes.run(List.of(SoapstoneProcesses.currentJava(), "-Djava.io.tmpdir=" + noTempFolder,
                "-jar", app.resolve("soapstone.jar").toString(), "client", "list"), other, environment(Map.of()));
        assertThat(control.status()).as("SQLite without a temp folder or an unpacked library\n" + control.describe())
                .isNotZero();
    }

    // ---------------------------------------------------------------- the AOT cache

    @Test
    void aStaleOrForeignAotCacheIsIgnoredWithoutAWord() throws Exception {
        Path copy = copyOfTheDistribution(temp.resolve("copied"), false);
        Path jar = copy.resolve("app").resolve("soapstone.jar");
        assertThat(Files.getLastModifiedTime(jar)).as("a copy made now, not when the cache was")
                .isNotEqualTo(Files.getLastModifiedTime(app.resolve("soapstone.jar")));
        Path db = temp.resolve("stale").resolve("soapstone.db");

        Path moved = copy.resolve("bin").resolve("soapstone");

        // The JVM's own notices go to stdout unless told otherwise, where they would spoil what scripts read.
        assertThat(ok(launch(moved, db, Map.of(), "client", "add", "--first-name", "Zoë", "--last-name",
                "Łukasiewicz")).out()).matches("1\\R");
        String list = ok(soapstone(db, "client", "list")).out();
        assertThat(list).contains("Łukasiewicz, Zoë");
        assertThat(ok(launch(moved, db, Map.of(), "client", "list")).out())
                .as("the same as from the distribution whose cache fits").isEqualTo(list);

        // Not a cache at all, as a half-finished copy or another program might leave.
        byte[] garbage = new byte[64 * 1024];
        new Random(25).nextBytes(garbage);
        Files.write(copy.resolve("app").resolve("soapstone.aot"), garbage);
        assertThat(ok(launch(moved, db, Map.of(), "client", "list")).out()).isEqualTo(list);
    }

    /**
     * The cache is of use only if the JVM accepts it with the launcher's options: a stand-in for
     * the trained java adds -XX:AOTMode=on, under which a cache that cannot be used stops the JVM.
     * The distribution is moved (times kept), which the cache allows.
     */
    @Test
    void theLauncherRunsWithTheAotCacheWhenItFits() throws Exception {
        Optional<Path> trained = trainedJava();
        Prerequisites.require(trained.isPresent() && Files.isExecutable(trained.get()) && javaVersion(trained.get()) >= 25
                && Files.isRegularFile(app.resolve("soapstone.aot")), "no AOT cache (needs JDK 25+ when packaging)");
        Path copy = copyOfTheDistribution(temp.resolve("moved"), true);
        Path strict = script("java-aot-mode-on", """
                #!/bin/sh
                exec '%s' -XX:AOTMode=on "$@"
                """.formatted(trained.get()));
        Files.writeString(copy.resolve("app").resolve("trained-with"), strict + "\n", StandardCharsets.UTF_8);
        Path db = temp.resolve("cached").resolve("soapstone.db");

        Run cached = ok(launch(copy.resolve("bin").resolve("soapstone"), db, Map.of(), "client", "add",
                "--first-name", "Zoë", "--last-name", "Łukasiewicz"));
        assertThat(cached.out()).matches("1\\R");

        // The control: once the jar differs from the one the cache was made with, -XX:AOTMode=on refuses.
        Path jar = copy.resolve("app").resolve("soapstone.jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        Run refused = processes.run(List.of(copy.resolve("bin").resolve("soapstone").toString(), "client", "list"),
                db, environment(Map.of()));
        assertThat(refused.status()).as(refused.describe()).isNotZero();
        // The JVM reports a failure to start on stdout.
        assertThat(refused.out() + refused.err()).as(refused.describe()).contains("Unable to use AOT cache");
    }

    // ---------------------------------------------------------------- finding java

    @Test
    void refusesAJavaOlderThan21WithOneLine() throws Exception {
        Path db = temp.resolve("old-java").resolve("soapstone.db");

        Path none = temp.resolve("no-such-jdk").resolve("bin").resolve("java");
        Run missing = soapstone(db, Map.of("SOAPSTONE_JAVA", none.toString()), "client", "list");
        assertThat(missing.status()).as(missing.describe()).isNotZero();
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err().lines().toList()).as(missing.describe()).singleElement().asString()
                .contains("no Java found").contains("21");

        Optional<Path> old = javasUnder(Path.of("/usr/lib/jvm")).stream().filter(java -> javaVersion(java) < 21)
                .findFirst();
        Prerequisites.require(old.isPresent(), "no Java older than 21 under /usr/lib/jvm to refuse");
        Run refused = soapstone(db, Map.of("SOAPSTONE_JAVA", old.get().toString()), "client", "list");
        assertThat(refused.status()).as(refused.describe()).isNotZero();
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err().lines().toList()).as(refused.describe()).singleElement().asString()
                .contains(old.get().toString()).contains("is Java " + specificationVersion(old.get()))
                .contains("21 or newer");
        assertThat(db.getParent()).as("the application never started").doesNotExist();
    }

    @Test
    void runsThroughASymbolicLinkOnThePath() throws Exception {
        Path link = Files.createDirectories(temp.resolve("bin")).resolve("soapstone");
        Files.createSymbolicLink(link, launcher);
        Path db = temp.resolve("linked").resolve("soapstone.db");

        assertThat(ok(launch(link, db, Map.of(), "client", "add", "--first-name", "Zoë", "--last-name",
                "Łukasiewicz")).out()).matches("1\\R");
        assertThat(ok(launch(link, db, Map.of(), "client", "search", "zoe")).out()).contains("Łukasiewicz, Zoë");
        Files.delete(link); // JUnit would warn about a link out of the temp folder
    }

    // ---------------------------------------------------------------- running the launcher

    private Run soapstone(Path database, String... args) throws IOException, InterruptedException {
        return launch(launcher, database, Map.of(), args);
    }

    private Run soapstone(Path database, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        return launch(launcher, database, environment, args);
    }

    /** Runs a launcher script with {@code args}; no log line or stack trace may reach the console. */
    private Run launch(Path script, Path database, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(Arrays.asList(args));
        Run run = processes.run(command, database, environment(environment));
        assertQuiet(run);
        return run;
    }

    /**
     * A terminal's environment: LANG=C.UTF-8 rather than the LC_ALL the failsafe JVM runs with.
     * SoapstoneProcesses passes on no SOAPSTONE_JAVA, so the launcher picks its java itself unless
     * the test sets one.
     */
    private static Map<String, String> environment(Map<String, String> overrides) {
        Map<String, String> environment = new HashMap<>();
        environment.put("LC_ALL", null);
        environment.put("LANG", "C.UTF-8");
        environment.putAll(overrides);
        return environment;
    }

    private static Run ok(Run run) {
        assertThat(run.status()).as(run.describe()).isZero();
        assertThat(run.err()).as("nothing on stderr: the launcher keeps the JVM's notices off the console\n"
                + run.describe()).isEmpty();
        return run;
    }

    /** No banner, no log lines, no stack traces: the console is for results and one-line errors only. */
    private static void assertQuiet(Run run) {
        for (String stream : List.of(run.out(), run.err())) {
            assertThat(stream).as(run.describe())
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ")
                    .doesNotContain(":: Spring")
                    .doesNotContainPattern(LOG_LINE)
                    .doesNotContainPattern(JVM_LOG_LINE);
        }
    }

    /** An executable shell script in the temp folder. */
    private Path script(String name, String text) throws IOException {
        Path script = temp.resolve(name);
        Files.writeString(script, text, StandardCharsets.UTF_8);
        assertThat(script.toFile().setExecutable(true, true)).isTrue();
        return script;
    }

    /** A copy of target/soapstone at {@code destination}, with or without the files' times. */
    private static Path copyOfTheDistribution(Path destination, boolean keepTimes) throws IOException {
        CopyOption[] options = keepTimes ? new CopyOption[] {StandardCopyOption.COPY_ATTRIBUTES} : new CopyOption[0];
        try (Stream<Path> paths = Files.walk(distribution)) {
            for (Path source : paths.toList()) {
                Path target = destination.resolve(distribution.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, options);
                }
            }
        }
        assertThat(destination.resolve("bin").resolve("soapstone")).isExecutable();
        return destination;
    }

    // ---------------------------------------------------------------- the JDKs

    /** The java named in app/trained-with: the one the AOT cache was made with. */
    private static Optional<Path> trainedJava() throws IOException {
        Path trainedWith = app.resolve("trained-with");
        if (!Files.isRegularFile(trainedWith)) {
            return Optional.empty();
        }
        return Files.readAllLines(trainedWith, StandardCharsets.UTF_8).stream().findFirst().map(String::strip)
                .filter(line -> !line.isEmpty()).map(Path::of);
    }

    private static List<Path> javasUnder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> jdks = Files.list(folder)) {
            return jdks.sorted().map(jdk -> jdk.resolve("bin").resolve("java")).filter(Files::isExecutable).toList();
        }
    }

    /** The feature version (17, 21, 25...) of a java; 0 if it does not say. */
    private static int javaVersion(Path java) {
        String version = specificationVersion(java);
        Matcher numbers = Pattern.compile("(\\d+)(?:\\.(\\d+))?").matcher(version);
        if (!numbers.matches()) {
            return 0;
        }
        // Java 8 and older say 1.8.
        int major = Integer.parseInt(numbers.group(1));
        return major == 1 && numbers.group(2) != null ? Integer.parseInt(numbers.group(2)) : major;
    }

    /** A java's java.specification.version, worked out the way the launcher does; "" if it does not say. */
    private static String specificationVersion(Path java) {
        try {
            Process process = new ProcessBuilder(java.toString(), "-XshowSettings:properties", "-version")
                    .redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "";
            }
            Matcher version = Pattern.compile("(?m)^\\s*java\\.specification\\.version = (\\S+)").matcher(output);
            return version.find() ? version.group(1) : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    // ---------------------------------------------------------------- files

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
