package app.soapstone.session;

import app.soapstone.template.InvalidTemplateException;
import app.soapstone.template.TemplateFiles;
import app.soapstone.validation.InvalidInputException;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The SOAP note templates in {@code templates/soap/}, e.g. {@code nocturnal-calf-cramps}. */
@Component
class SoapTemplates {

    static final String FOLDER = "soap";

    /** Prefilled text for each section of a note. */
    record SoapTemplate(String title, String description, String subjective, String objective, String assessment,
            String plan) {
    }

    private final Map<String, SoapTemplate> templates = new LinkedHashMap<>();

    SoapTemplates(TemplateFiles files) {
        for (String name : files.list(FOLDER)) {
            SoapTemplate template = files.read(FOLDER + "/" + name + ".yaml", SoapTemplate.class);
            if (template.title() == null || template.title().isBlank()) {
                throw new InvalidTemplateException("Template " + files.origin(FOLDER + "/" + name + ".yaml") + " needs a title");
            }
            templates.put(name, template);
        }
    }

    Set<String> names() {
        return templates.keySet();
    }

    SoapTemplate get(String name) {
        SoapTemplate template = templates.get(name);
        if (template == null) {
            throw InvalidInputException.forField("template", "'" + name + "' is not a SOAP template; use "
                    + String.join(", ", templates.keySet()));
        }
        return template;
    }
}
