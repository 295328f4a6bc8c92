package app.soapstone.template;

import java.util.Map;

/**
 * A component built from template files. Most read them on first use, so that a command that
 * needs none of them starts faster; {@link #load()} reads them now ({@code template list} shows
 * every template in use, and a broken override fails there).
 */
public interface TemplateSet {

    void load();

    /**
     * How commands name the templates of this set, by file: {@code soap/general.yaml} is taken as
     * {@code --template general}. Shown by {@code template list}; empty for files no option names.
     */
    default Map<String, String> takenAs() {
        return Map.of();
    }
}
