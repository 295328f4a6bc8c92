package app.soapstone.support;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The environment an end-to-end test's child gets: whatever the developer's shell had, none of
 * their Soapstone settings or data folders reach it (issue 13).
 */
class SoapstoneProcessesTest {

    private static final Path DATABASE = Path.of("/tmp/test/practice/soapstone.db");
    private static final Path HOME = Path.of("/tmp/test/home");

    /** A therapist's shell, set up as the README says, and then some. */
    private static final Map<String, String> DEVELOPERS_SHELL = Map.of(
            "SOAPSTONE_DB", "/home/zoe/clinic/soapstone.db",
            "SOAPSTONE_TEMPLATES", "/home/zoe/clinic/templates",
            "SOAPSTONE_FONTS", "/home/zoe/fonts",
            "SOAPSTONE_JAVA", "/opt/jdk-21/bin/java",
            "XDG_DATA_HOME", "/home/zoe/.data",
            "XDG_CONFIG_HOME", "/home/zoe/.config",
            "HOME", "/home/zoe",
            "JAVA_TOOL_OPTIONS", "-Xmx1g",
            "PATH", "/usr/bin:/bin");

    @Test
    void theChildGetsTheTestsDatabaseAndHomeAndNoneOfTheDevelopersSettings() {
        Map<String, String> env = SoapstoneProcesses.environment(DEVELOPERS_SHELL, DATABASE, HOME, Map.of());

        assertThat(env).containsEntry("SOAPSTONE_DB", DATABASE.toString())
                .containsEntry("HOME", HOME.toString())
                .containsEntry("XDG_DATA_HOME", HOME.resolve(".local/share").toString())
                .containsEntry("LC_ALL", "C.UTF-8")
                .containsEntry("PATH", "/usr/bin:/bin")
                .doesNotContainKeys("SOAPSTONE_TEMPLATES", "SOAPSTONE_FONTS", "SOAPSTONE_JAVA", "XDG_CONFIG_HOME",
                        "JAVA_TOOL_OPTIONS");
        assertThat(env.values()).noneMatch(value -> value.contains("/home/zoe"));
    }

    @Test
    void aTestCanStillSetOrRemoveAnyVariable() {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("SOAPSTONE_JAVA", "/opt/jdk-25/bin/java");
        overrides.put("SOAPSTONE_DB", null);

        Map<String, String> env = SoapstoneProcesses.environment(DEVELOPERS_SHELL, DATABASE, HOME, overrides);

        assertThat(env).containsEntry("SOAPSTONE_JAVA", "/opt/jdk-25/bin/java").doesNotContainKey("SOAPSTONE_DB");
    }
}
