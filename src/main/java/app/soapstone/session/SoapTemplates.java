package app.soapstone.session;

import app.soapstone.session.Session.SoapNote;
import app.soapstone.template.InvalidTemplateException;
import app.soapstone.template.TemplateFiles;
import app.soapstone.template.TemplateSet;
import app.soapstone.validation.InvalidInputException;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The SOAP note templates in {@code templates/soap/}, e.g. {@code nocturnal-calf-cramps}. */
@Component
class SoapTemplates implements TemplateSet {

    static final String FOLDER = "soap";

    /**
     * Prefilled text for each section of a note; {@code {option}} marks a blank that option fills
     * (see {@link SoapBlanks}).
     */
    record SoapTemplate(String title, String description, String subjective, String objective, String assessment,
            String plan) {

        /** The note a new draft starts from: named blanks filled from {@code measures}, the rest left blank. */
        SoapNote draft(Map<String, String> measures) {
            return new SoapNote(SoapBlanks.draft(subjective, measures), SoapBlanks.draft(objective, measures),
                    SoapBlanks.draft(assessment, measures), SoapBlanks.draft(plan, measures));
        }

        /** {@code note}, a draft written from this template, with the blanks {@code measures} name filled. */
        SoapNote fill(SoapNote note, Map<String, String> measures) {
            return new SoapNote(SoapBlanks.fill(note.subjective(), subjective, measures),
                    SoapBlanks.fill(note.objective(), objective, measures),
                    SoapBlanks.fill(note.assessment(), assessment, measures),
                    SoapBlanks.fill(note.plan(), plan, measures));
        }

        private Set<String> blankNames() {
            Set<String> names = new LinkedHashSet<>();
            Stream.of(subjective, objective, assessment, plan).forEach(text -> names.addAll(SoapBlanks.names(text)));
            return names;
        }
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
            for (String blank : template.blankNames()) {
                if (!SoapBlanks.OPTIONS.contains(blank)) {
                    throw new InvalidTemplateException("Template " + files.origin(FOLDER + "/" + name + ".yaml")
                            + " has a blank {" + blank + "} that no option fills; use "
                            + SoapBlanks.OPTIONS.stream().map(o -> "{" + o + "}").collect(Collectors.joining(", ")));
                }
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

    /** The template a session was written from, if it is still there (a clinic may remove one). */
    Optional<SoapTemplate> find(String name) {
        return Optional.ofNullable(name == null ? null : templates.obtain().get(name));
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
