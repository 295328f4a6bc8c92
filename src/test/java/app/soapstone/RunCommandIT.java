package app.soapstone;

import app.soapstone.support.Prerequisites;
import app.soapstone.support.SoapstoneProcesses;
import app.soapstone.support.SoapstoneProcesses.Run;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end through {@code src/bin/soapstone}, the README's run command: it builds the
 * distribution with Maven when it is missing or older than the sources, and otherwise runs its
 * launcher with no Maven at all, passing arguments and exit status through. The decision is tested
 * on a copy of the script in a project of a few files, with a stand-in for {@code mvnw} that notes
 * each call (or fails the test's way when it must not be called) and a stand-in launcher; running
 * the real distribution through it is tested with the project's {@code target/soapstone} linked in.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class RunCommandIT {

    private static final String RUN_COMMAND = "src/bin/soapstone";
    private static final long TIMEOUT_SECONDS = 60;
    /** Long before the stand-in distribution is made: sources of this age are not news to it. */
    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

    /** A stand-in launcher: shows its arguments, each in brackets; exits with 7 when the first is "fail". */
    private static final String LAUNCHER = """
            #!/bin/sh
            [ "$1" = fail ] && exit 7
            printf 'launcher:'; printf ' [%s]' "$@"; echo
            """;

    private static final Path ROOT = Path.of("").toAbsolutePath();

    @TempDir
    Path temp;

    private Path project;
    private Path mavenCalls;
    private SoapstoneProcesses processes;

    @BeforeEach
    void aProjectOfAFewFiles() throws IOException {
        assertThat(ROOT.resolve("pom.xml")).as("the ITs run in the project's folder").isRegularFile();
        project = Files.createDirectories(temp.resolve("project")).toRealPath();
        Path script = project.resolve(RUN_COMMAND);
        Files.createDirectories(script.getParent());
        Files.copy(ROOT.resolve(RUN_COMMAND), script);
        write("pom.xml", "<project/>\n");
        write("src/main/java/app/Clinic.java", "class Clinic {}\n");
        write("src/main/resources/application.properties", "spring.main.banner-mode=off\n");
        write("src/build/make-distribution.sh", "#!/bin/sh\n");
        write("src/test/java/app/ClinicTest.java", "class ClinicTest {}\n");
        write("templates/careplan/plan.yaml", "title: Care plan\n");
        mavenCalls = project.resolve("mvnw-calls.txt");
        processes = new SoapstoneProcesses(temp, TIMEOUT_SECONDS);
    }

    // ---------------------------------------------------------------- the README

    @Test
    void theReadmeStartsWithTheRunCommandAndTheTestCommand() throws IOException {
        List<String> readme = Files.readAllLines(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("```sh");
        assertThat(start).as("the README's first shell block").isNotNegative();
        assertThat(readme.subList(0, start)).as("no code block before it").noneMatch(line -> line.startsWith("```"));
        List<String> commands = readme.subList(start + 1, readme.size()).stream()
                .takeWhile(line -> !line.startsWith("```"))
                .map(line -> line.replaceFirst("\\s+#.*$", "").strip()).toList();
        assertThat(commands).as("run, then test").containsExactly(RUN_COMMAND, "./mvnw verify");
        assertThat(ROOT.resolve(RUN_COMMAND)).as("the run command, executable on a fresh clone").isExecutable();
    }

    // ---------------------------------------------------------------- building when needed

    @Test
    void aFreshCloneIsBuiltSayingSoThenTheCommandRuns() throws Exception {
        mavenBuilds();

        Run run = runCommand("client", "list");

        assertThat(run.status()).as(run.describe()).isZero();
        assertThat(mavenCalls()).as("one build, tests left to the test command")
                .containsExactly(project + " -B package -Dmaven.test.skip=true");
        assertThat(run.err().lines().toList()).as(run.describe())
                .startsWith("Building Soapstone (first run: a minute or two)...")
                .anyMatch(line -> line.matches(" +\\d+ s  compiling"))
                .anyMatch(line -> line.matches(" +\\d+ s  making target/soapstone: .*"))
                .anyMatch(line -> line.strip().equals("[soapstone] built " + project.resolve("target/soapstone")))
                .noneMatch(line -> line.contains("[INFO]"));
        assertThat(run.out()).as("only the command's output on stdout").isEqualTo("launcher: [client] [list]\n");
        assertThat(project.resolve("target/run-build.log")).content().contains("[INFO] BUILD SUCCESS");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pom.xml", "src/main/java/app/Clinic.java", "src/main/resources/application.properties",
            "templates/careplan/plan.yaml", "src/build/make-distribution.sh"})
    void aChangedSourceMakesItRebuild(String source) throws Exception {
        builtLongAgo();
        Files.setLastModifiedTime(project.resolve(source), FileTime.from(Instant.now()));
        mavenBuilds();

        Run run = runCommand("version");

        assertThat(run.status()).as(run.describe()).isZero();
        assertThat(mavenCalls()).hasSize(1);
        assertThat(run.err().lines().toList()).as(run.describe()).first().asString()
                .isEqualTo("Rebuilding Soapstone: " + source + " changed since the last build (a minute or two)...");
        assertThat(run.out()).isEqualTo("launcher: [version]\n");
    }

    @Test
    void aNewOrDeletedSourceMakesItRebuild() throws Exception {
        builtLongAgo();
        write("src/main/java/app/Room.java", "class Room {}\n");
        mavenBuilds();
        assertThat(mavenCalls(runCommand("version"))).as("after a new file").hasSize(1);

        builtLongAgo();
        Files.delete(project.resolve("templates/careplan/plan.yaml"));
        Files.delete(mavenCalls);
        assertThat(mavenCalls(runCommand("version"))).as("after a deleted file").hasSize(1);
    }

    @Test
    void aFailedBuildShowsMavensErrorsAndRunsNothing() throws Exception {
        mavenScript("""
                echo '[INFO] --- compiler:3.15.0:compile (default-compile) @ soapstone ---'
                echo '[ERROR] /p/src/main/java/app/Clinic.java:[3] reached end of file while parsing'
                echo '[INFO] BUILD FAILURE'
                exit 1
                """);

        Run run = runCommand("client", "list");

        assertThat(run.status()).as(run.describe()).isEqualTo(1);
        assertThat(run.out()).as("the launcher did not run").isEmpty();
        assertThat(run.err()).contains("soapstone: the build failed (exit 1)")
                .contains("[ERROR] /p/src/main/java/app/Clinic.java:[3] reached end of file while parsing")
                .contains("[INFO] BUILD FAILURE");
    }

    // ---------------------------------------------------------------- up to date: the launcher alone

    @Test
    void upToDateItRunsTheLauncherWithoutMaven() throws Exception {
        builtLongAgo();
        // Tests are not part of the distribution: a change there needs no build to run Soapstone.
        Files.setLastModifiedTime(project.resolve("src/test/java/app/ClinicTest.java"), FileTime.from(Instant.now()));
        mavenMustNotRun();

        Run run = runCommand("client", "show", "Zoë Łukasiewicz", "");

        assertThat(run.err()).as(run.describe()).isEmpty();
        assertThat(mavenCalls).as("mvnw was not called").doesNotExist();
        assertThat(run.out()).isEqualTo("launcher: [client] [show] [Zoë Łukasiewicz] []\n");
        assertThat(run.status()).isZero();

        Run failed = runCommand("fail");
        assertThat(failed.status()).as("the launcher's exit status\n" + failed.describe()).isEqualTo(7);
    }

    /**
     * The real distribution, {@code target/soapstone} of this build, run through the script: no
     * Maven (the stand-in fails), one-shot commands with their output, non-ASCII arguments and
     * exit statuses as the launcher gives them.
     */
    @Test
    void theRealDistributionRunsThroughItWithArgumentsAndExitStatus() throws Exception {
        Path distribution = Path.of(System.getProperty("soapstone.jar", "target/soapstone.jar")).toAbsolutePath()
                .resolveSibling("soapstone");
        Prerequisites.require(Files.isExecutable(distribution.resolve("bin/soapstone")), distribution
                + "/bin/soapstone was not built: packaged with -Dsoapstone.skipDistribution=true, or no JDK 21+");
        age(project);
        Files.createDirectories(project.resolve("target"));
        Path link = Files.createSymbolicLink(project.resolve("target/soapstone"), distribution);
        mavenMustNotRun();
        try {
            runsTheRealDistribution();
        } finally {
            Files.delete(link);
        }
    }

    private void runsTheRealDistribution() throws Exception {
        Path db = temp.resolve("clinic").resolve("soapstone.db");

        Run version = processes.run(command("version"), db, Map.of());
        assertThat(version.status()).as(version.describe()).isZero();
        assertThat(version.out()).startsWith("Soapstone ");
        assertThat(version.err()).isEmpty();

        Run added = processes.run(command("client", "add", "--first-name", "Zoë", "--last-name", "Łukasiewicz",
                "--dob", "1958-03-14"), db, Map.of());
        assertThat(added.status()).as(added.describe()).isZero();
        assertThat(added.out()).isEqualTo("1\n");
        assertThat(processes.run(command("client", "show", "1"), db, Map.of()).out()).contains("Zoë Łukasiewicz");

        Run missing = processes.run(command("client", "show", "999"), db, Map.of());
        assertThat(missing.status()).as(missing.describe()).isEqualTo(3);
        assertThat(missing.errorLine()).contains("No client with id 999");
        assertThat(mavenCalls).as("mvnw was not called").doesNotExist();
    }

    // ---------------------------------------------------------------- the stand-ins

    private Run runCommand(String... args) throws IOException, InterruptedException {
        return processes.run(command(args), temp.resolve("db").resolve("soapstone.db"),
                Map.of("JAVA_HOME", System.getProperty("java.home")));
    }

    private List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(project.resolve(RUN_COMMAND).toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** A stand-in mvnw that notes its folder and arguments, prints what Maven would, and makes a launcher. */
    private void mavenBuilds() throws IOException {
        mavenScript("""
                echo '[INFO] Downloading from central: https://repo.maven.apache.org/maven2/x.pom'
                echo '[INFO] --- compiler:3.15.0:compile (default-compile) @ soapstone ---'
                echo '[INFO] --- jar:3.4.2:jar (default-jar) @ soapstone ---'
                echo '[INFO] --- antrun:3.2.0:run (distribution) @ soapstone ---'
                echo "     [exec] [soapstone] built $PWD/target/soapstone"
                mkdir -p target/soapstone/bin
                cat > target/soapstone/bin/soapstone <<'EOF'
                """ + LAUNCHER + """
                EOF
                chmod 755 target/soapstone/bin/soapstone
                echo '[INFO] BUILD SUCCESS'
                """);
    }

    private void mavenMustNotRun() throws IOException {
        mavenScript("""
                echo 'mvnw must not run when the distribution is up to date' >&2
                exit 99
                """);
    }

    private void mavenScript(String body) throws IOException {
        Path mvnw = write("mvnw", "#!/bin/sh\necho \"$PWD $*\" >> '" + mavenCalls + "'\n" + body);
        assertThat(mvnw.toFile().setExecutable(true, true)).isTrue();
    }

    /** A stand-in distribution made after every source was last changed. */
    private void builtLongAgo() throws IOException {
        mavenBuilds();
        Path launcher = project.resolve("target/soapstone/bin/soapstone");
        Files.createDirectories(launcher.getParent());
        Files.writeString(launcher, LAUNCHER, StandardCharsets.UTF_8);
        assertThat(launcher.toFile().setExecutable(true, true)).isTrue();
        age(project);
        Files.setLastModifiedTime(launcher, FileTime.from(LONG_AGO.toInstant().plus(Duration.ofDays(1))));
    }

    /** Every file and folder of {@code folder} dated {@link #LONG_AGO}. */
    private static void age(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.toList()) {
                Files.setLastModifiedTime(path, LONG_AGO);
            }
        }
    }

    private List<String> mavenCalls() throws IOException {
        return Files.exists(mavenCalls) ? Files.readAllLines(mavenCalls) : List.of();
    }

    private List<String> mavenCalls(Run run) throws IOException {
        assertThat(run.status()).as(run.describe()).isZero();
        return mavenCalls();
    }

    private Path write(String name, String text) throws IOException {
        Path path = project.resolve(name);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text, StandardCharsets.UTF_8);
        return path;
    }
}
