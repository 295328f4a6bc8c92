package app.soapstone.template;

import java.util.Map;

/**
 * The line of each value in one template file, by JSON Pointer, for errors that name the place
 * of a problem: "Template bundled:templates/screening/care-plan-rules.yaml line 47: ...".
 */
public final class TemplateLines {

    private final String origin;
    private final Map<String, Integer> lines;

    TemplateLines(String origin, Map<String, Integer> lines) {
        this.origin = origin;
        this.lines = Map.copyOf(lines);
    }

    /** "Template FILE line N" for the value at {@code pointer} (or its nearest enclosing value). */
    public String at(String pointer) {
        String path = pointer;
        while (!path.isEmpty()) {
            Integer line = lines.get(path);
            if (line != null) {
                return "Template " + origin + " line " + line;
            }
            path = path.substring(0, path.lastIndexOf('/'));
        }
        return "Template " + origin;
    }

    /** An error at {@code pointer}. */
    public InvalidTemplateException error(String pointer, String message) {
        return new InvalidTemplateException(at(pointer) + ": " + message);
    }
}
