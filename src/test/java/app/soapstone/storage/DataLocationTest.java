package app.soapstone.storage;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link DataLocation#resolve} with made-up environments and homes: nothing real is touched. */
class DataLocationTest {

    private static final String LINUX = "Linux";
    private static final String MAC = "Mac OS X";
    private static final String WINDOWS = "Windows 11";
    private static final String HOME = "/home/zoe";

    @Test
    void soapstoneDbWins() {
        DataLocation location = DataLocation.resolve(
                Map.of("SOAPSTONE_DB", "/srv/clinic/records.db", "XDG_DATA_HOME", "/xdg", "APPDATA", "/appdata"),
                LINUX, HOME);
        assertThat(location.database()).isEqualTo(Path.of("/srv/clinic/records.db"));
    }

    @Test
    void soapstoneDbWinsOnEveryPlatform() {
        for (String os : new String[] {LINUX, MAC, WINDOWS}) {
            assertThat(DataLocation.resolve(Map.of("SOAPSTONE_DB", "/srv/clinic/records.db", "APPDATA", "/appdata"),
                    os, HOME).database()).as(os).isEqualTo(Path.of("/srv/clinic/records.db").toAbsolutePath());
        }
    }

    @Test
    void soapstoneDbExpandsTilde() {
        assertThat(DataLocation.resolve(Map.of("SOAPSTONE_DB", "~/clinic/records.db"), LINUX, HOME).database())
                .isEqualTo(Path.of("/home/zoe/clinic/records.db"));
    }

    @Test
    void tildeOnlyExpandsAtTheStart() {
        assertThat(DataLocation.resolve(Map.of("SOAPSTONE_DB", "/data/~/records.db"), LINUX, HOME).database())
                .isEqualTo(Path.of("/data/~/records.db"));
    }

    @Test
    void soapstoneDbIsStrippedNormalizedAndMadeAbsolute() {
        assertThat(DataLocation.resolve(Map.of("SOAPSTONE_DB", "  /srv/clinic/../clinic/./records.db  "), LINUX, HOME)
                .database()).isEqualTo(Path.of("/srv/clinic/records.db"));
        Path relative = DataLocation.resolve(Map.of("SOAPSTONE_DB", "records.db"), LINUX, HOME).database();
        assertThat(relative).isAbsolute().isEqualTo(Path.of("records.db").toAbsolutePath());
    }

    @Test
    void blankSoapstoneDbIsIgnored() {
        assertThat(DataLocation.resolve(Map.of("SOAPSTONE_DB", "   "), LINUX, HOME).database())
                .isEqualTo(Path.of("/home/zoe/.local/share/soapstone/soapstone.db"));
    }

    @Test
    void absoluteXdgDataHomeIsUsedOnLinux() {
        assertThat(DataLocation.resolve(Map.of("XDG_DATA_HOME", "/data/zoe"), LINUX, HOME).database())
                .isEqualTo(Path.of("/data/zoe/soapstone/soapstone.db"));
    }

    @Test
    void relativeXdgDataHomeIsIgnored() {
        assertThat(DataLocation.resolve(Map.of("XDG_DATA_HOME", "data/zoe"), LINUX, HOME).database())
                .isEqualTo(Path.of("/home/zoe/.local/share/soapstone/soapstone.db"));
    }

    @Test
    void blankXdgDataHomeIsIgnored() {
        assertThat(DataLocation.resolve(Map.of("XDG_DATA_HOME", ""), LINUX, HOME).database())
                .isEqualTo(Path.of("/home/zoe/.local/share/soapstone/soapstone.db"));
    }

    @Test
    void linuxFallsBackToLocalShare() {
        assertThat(DataLocation.resolve(Map.of(), LINUX, HOME).database())
                .isEqualTo(Path.of("/home/zoe/.local/share/soapstone/soapstone.db"));
    }

    @Test
    void otherUnixesUseTheLinuxRules() {
        assertThat(DataLocation.resolve(Map.of(), "FreeBSD", HOME).database())
                .isEqualTo(Path.of("/home/zoe/.local/share/soapstone/soapstone.db"));
    }

    @Test
    void macOsUsesApplicationSupportAndIgnoresXdg() {
        assertThat(DataLocation.resolve(Map.of("XDG_DATA_HOME", "/xdg"), MAC, "/Users/zoe").database())
                .isEqualTo(Path.of("/Users/zoe/Library/Application Support/Soapstone/soapstone.db"));
    }

    @Test
    void windowsUsesAppData() {
        String appData = "/fake/Users/Zoe/AppData/Roaming";
        assertThat(DataLocation.resolve(Map.of("APPDATA", appData, "XDG_DATA_HOME", "/xdg"), WINDOWS, "/fake/Users/Zoe")
                .database()).isEqualTo(Path.of(appData, "Soapstone", "soapstone.db"));
    }

    @Test
    void windowsWithoutAppDataUsesRoamingUnderHome() {
        assertThat(DataLocation.resolve(Map.of(), WINDOWS, "/fake/Users/Zoe").database())
                .isEqualTo(Path.of("/fake/Users/Zoe", "AppData", "Roaming", "Soapstone", "soapstone.db"));
    }

    @Test
    void homeVariableWinsOverTheHomeJavaReadsFromThePasswordFile() {
        // Java's user.home comes from the password file; a therapist who sets HOME means HOME.
        assertThat(DataLocation.resolve(Map.of("HOME", "/data/zoe"), LINUX, HOME).database())
                .isEqualTo(Path.of("/data/zoe/.local/share/soapstone/soapstone.db"));
        assertThat(DataLocation.resolve(Map.of("HOME", "/Volumes/zoe"), MAC, "/Users/zoe").database())
                .isEqualTo(Path.of("/Volumes/zoe/Library/Application Support/Soapstone/soapstone.db"));
    }

    @Test
    void homeVariableExpandsTildeInSoapstoneDb() {
        assertThat(DataLocation.resolve(Map.of("HOME", "/data/zoe", "SOAPSTONE_DB", "~/clinic/records.db"), LINUX, HOME)
                .database()).isEqualTo(Path.of("/data/zoe/clinic/records.db"));
    }

    @Test
    void xdgDataHomeStillWinsOverHome() {
        assertThat(DataLocation.resolve(Map.of("HOME", "/data/zoe", "XDG_DATA_HOME", "/xdg"), LINUX, HOME).database())
                .isEqualTo(Path.of("/xdg/soapstone/soapstone.db"));
    }

    @Test
    void blankOrRelativeHomeIsIgnored() {
        for (String home : new String[] {"", "  ", "zoe", "./zoe"}) {
            assertThat(DataLocation.resolve(Map.of("HOME", home), LINUX, HOME).database()).as("HOME=%s", home)
                    .isEqualTo(Path.of("/home/zoe/.local/share/soapstone/soapstone.db"));
        }
    }

    @Test
    void windowsKeepsItsOwnProfileFolderWhateverHomeSays() {
        // Git Bash and Cygwin set HOME (often as /c/Users/Zoe); Windows programs use the profile folder.
        assertThat(DataLocation.resolve(Map.of("HOME", "/c/Users/Zoe"), WINDOWS, "/fake/Users/Zoe").database())
                .isEqualTo(Path.of("/fake/Users/Zoe", "AppData", "Roaming", "Soapstone", "soapstone.db"));
    }

    @Test
    void logAndHistoryLiveBesideTheDatabase() {
        DataLocation location = DataLocation.resolve(Map.of("SOAPSTONE_DB", "/srv/clinic/records.db"), LINUX, HOME);
        assertThat(location.directory()).isEqualTo(Path.of("/srv/clinic"));
        assertThat(location.logFile()).isEqualTo(Path.of("/srv/clinic/soapstone.log"));
        assertThat(location.historyFile()).isEqualTo(Path.of("/srv/clinic/history"));
    }
}
