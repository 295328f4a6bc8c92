package app.soapstone.session;

import app.soapstone.template.InvalidTemplateException;
import app.soapstone.template.TemplateFiles;
import app.soapstone.template.TemplateSet;
import app.soapstone.validation.InvalidInputException;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The SOAP note templates in {@code templates/soap/}, e.g. {@code nocturnal-calf-cramps}. */
@Component
class SoapTemplates implements TemplateSet {

    static final String FOLDER = "soap";

    /** Prefilled text for each section of a note. */
    record SoapTemplate(String title, String description, String subjective, String objective, String assessment,
            String plan) {
    }

    private final TemplateFiles files;
    /** Read on first use (see load), like the other templates. */
    private final SingletonSupplier<Map<String, SoapTemplate>> templates;

    SoapTemplates(TemplateFiles files) {
        this.files = files;
        this.templates = SingletonSupplier.of(this::read);
    }

    private Map<String, SoapTemplate> read() {
        Map<String, SoapTemplate> read = new LinkedHashMap<>();
        for (String name : files.list(FOLDER)) {
            SoapTemplate template = files.read(FOLDER + "/" + name + ".yaml", SoapTemplate.class);
            if (template.title() == null || template.title().isBlank()) {
                throw new InvalidTemplateException("Template " + files.origin(FOLDER + "/" + name + ".yaml") + " needs a title");
            }
            read.put(name, template);
        }
        return read;
    }

    @Override
    public void load() {
        templates.obtain();
    }

    @Override
    public Map<String, String> takenAs() {
        Map<String, String> uses = new LinkedHashMap<>();
        names().forEach(name -> uses.put(FOLDER + "/" + name + ".yaml", "--template " + name));
        return uses;
    }

    Set<String> names() {
        return templates.obtain().keySet();
    }

    SoapTemplate get(String name) {
        SoapTemplate template = templates.obtain().get(name);
        if (template == null) {
            throw InvalidInputException.forField("template", "'" + name + "' is not a SOAP template; use "
                    + String.join(", ", templates.obtain().keySet()));
        }
        return template;
    }
}
