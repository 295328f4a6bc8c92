package app.soapstone.template;

/**
 * A component built from template files. Most read them on first use, so that a command that
 * needs none of them starts faster; {@link #load()} reads them now ({@code template list} shows
 * every template in use, and a broken override fails there).
 */
public interface TemplateSet {

    void load();
}
