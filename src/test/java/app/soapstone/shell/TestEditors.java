package app.soapstone.shell;

import java.util.Map;

/**
 * Builds a real {@link Editor} that reads {@code VISUAL}/{@code EDITOR} from a given map instead
 * of the process environment, so tests can point it at a fake editor script.
 */
public final class TestEditors {

    private TestEditors() {
    }

    public static Editor withEnvironment(Map<String, String> environment) {
        return new Editor(Map.copyOf(environment), System.out);
    }
}
