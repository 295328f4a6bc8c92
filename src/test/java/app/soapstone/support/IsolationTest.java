package app.soapstone.support;

import app.soapstone.pdf.TestFonts;
import app.soapstone.template.TemplateFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import java.io.File;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tests run apart from the developer's own Soapstone (issue 13: with SOAPSTONE_DB exported,
 * the suite once wrote test clients and stack traces into the therapist's database and log). The
 * test JVMs see none of the variables that say where Soapstone keeps its data, templates, fonts or
 * Java, and have a home of their own in the build folder (pom.xml, surefire and failsafe); the
 * application under test gets every location from the test. Run with those variables pointing at
 * sentinels, as {@code .ci/run} does, this fails if they could still reach a test;
 * {@code src/build/guard-user-data.sh} then proves the sentinels were not touched.
 */
class IsolationTest extends SoapstoneTest {

    @Autowired
    Environment environment;

    @Autowired
    TemplateFiles templates;

    @ParameterizedTest
    @ValueSource(strings = {"SOAPSTONE_DB", "SOAPSTONE_TEMPLATES", "SOAPSTONE_FONTS", "SOAPSTONE_JAVA",
            "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"})
    void theDevelopersVariableDoesNotReachTheTests(String variable) {
        assertThat(System.getenv(variable)).as(variable).isNull();
    }

    @Test
    void theTestsHaveAHomeOfTheirOwnInTheBuildFolder() {
        // Java takes user.home from the password file, not from HOME, so both are set.
        Path build = Path.of("target").toAbsolutePath();
        assertThat(System.getenv("HOME")).as("HOME").isNotNull();
        assertThat(Path.of(System.getenv("HOME")).toAbsolutePath().normalize()).as("HOME").startsWithRaw(build);
        assertThat(Path.of(System.getProperty("user.home")).toAbsolutePath().normalize()).as("user.home").startsWithRaw(build);
    }

    /** The database, log and history are DatabaseTest's; these are the rest. */
    @Test
    void theApplicationTakesItsTemplatesAndFontsFromTheTest() {
        assertThat(environment.getProperty("soapstone.templates")).isEmpty();
        assertThat(templates.origin("screening/red-flags.yaml")).isEqualTo("bundled:templates/screening/red-flags.yaml");
        assertThat(environment.getProperty("soapstone.fonts"))
                .isEqualTo(TestFonts.NOTO + File.pathSeparator + TestFonts.NOTO_CJK);
        assertThat(environment.getProperty("soapstone.system-fonts")).isEqualTo("false");
    }
}
