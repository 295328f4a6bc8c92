package app.soapstone.shell;

import app.soapstone.storage.DataLocation;
import app.soapstone.storage.StorageEnvironment;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The user's home folder, for {@code ~} in the paths given to Soapstone: the one its data folder
 * is found under ({@code $HOME} when set). The OS shell expands {@code ~} only at the start of an
 * unquoted word, so the interactive shell, scripts, {@code --to=~/x} and {@code @~/day.txt} need
 * Soapstone to do it.
 */
@Component
public class UserHome {

    private final String home;

    public UserHome(@Value("${" + StorageEnvironment.HOME_PROPERTY + "}") String home) {
        this.home = home;
    }

    /** {@code path} with a leading {@code ~} or {@code ~/} read as the home folder; other paths as they are. */
    public String expand(String path) {
        String given = path.strip();
        String expanded = DataLocation.expandHome(given, home);
        return expanded.equals(given) ? path : expanded;
    }
}
