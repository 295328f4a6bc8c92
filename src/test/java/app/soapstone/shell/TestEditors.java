package app.soapstone.shell;

import java.util.Map;
import java.util.function.UnaryOperator;

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

    /**
     * An editor that runs no program: {@code user} gets the text the editor would open and
     * returns what they save, so a test can do things while the editor is open.
     */
    public static Editor acting(UnaryOperator<String> user) {
        return new Editor(Map.of(), System.out) {
            @Override
            public String edit(String text, String fileSuffix) {
                return user.apply(text);
            }
        };
    }
}
