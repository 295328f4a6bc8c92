package app.soapstone.careplan;

import app.soapstone.screening.ScreeningRules;
import com.fasterxml.jackson.annotation.JsonProperty;
import app.soapstone.template.InvalidTemplateException;
import app.soapstone.template.ReadOnce;
import app.soapstone.template.TemplateFiles;
import app.soapstone.template.TemplateSet;
import app.soapstone.vocabulary.BodySite;
import app.soapstone.vocabulary.Vocabulary;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The care-plan content in {@code templates/careplan/}: the wording of each section, the stretch
 * library with its drawings, and the self-massage techniques. Loaded once and checked: every
 * stretch or region a rule names must exist, every drawing must join joints it defines.
 */
@Component
public class CarePlanTemplates implements TemplateSet {

    static final String PLAN = "careplan/plan.yaml";
    static final String SELF_MASSAGE = "careplan/self-massage.yaml";
    static final String STRETCHES = "careplan/stretches";

    record Hydration(String heading, String targetGlasses, String targetLitres, Integer glassMl, List<String> tips,
            List<String> restrictedConditions, String restricted) {
    }

    record StretchChoice(String heading, String intro, Map<String, List<String>> byRegion,
            @JsonProperty("default") List<String> defaults,
            Integer seatedOverAge, List<String> seatedConditions, Map<String, String> seatedAlternatives, Integer max) {
    }

    record Section(String heading, String intro, Integer max) {
    }

    record Steps(String heading, List<String> steps) {
    }

    record Foods(String heading, String potassium, String calcium, String caution) {
    }

    record Doctor(String heading, String intro, String prescriber, String urgentTop, String routineTop, String cleared) {
    }

    record ProgressText(String heading, String axis) {
    }

    record LogText(String heading, Integer nights, List<String> columns, String restrictedWaterColumn) {
    }

    record NextText(String heading, String noteHeading) {
    }

    /** The wording of the plan and the rules for choosing its content. */
    record PlanText(String title, String intro, Hydration hydration, StretchChoice stretches, Section selfMassage,
            Steps duringACramp, Foods foods, Doctor doctor, ProgressText progress, LogText log, NextText next) {
    }

    /** A line of a drawing that is not part of the body: a wall, floor, chair or towel. */
    public record Prop(List<Double> from, List<Double> to, Boolean dashed) {
    }

    /** A stick figure: named joints in a unit box (y up), the lines between them and the head. */
    public record Figure(String head, Map<String, List<Double>> joints, List<List<String>> lines, List<Prop> props) {
    }

    /** One stretch of the library. */
    public record Stretch(String id, String title, String position, List<String> steps, String hold, String repetitions,
            String howOften, String when, String caution, Figure figure) {
    }

    private record StretchFile(String title, String position, List<String> steps, String hold, String repetitions,
            String howOften, String when, String caution, Figure figure) {
    }

    /** A self-massage technique for some regions of the body, with how long to do it. */
    public record Technique(String id, String title, List<String> regions, String how, String howLong) {
    }

    private record TechniquesFile(List<Technique> techniques) {
    }

    private final TemplateFiles files;
    private final Vocabulary vocabulary;
    private final ScreeningRules rules;
    // Read on first use (see load): most commands print no care plan.
    private final ReadOnce reading = new ReadOnce(this::read);
    private PlanText plan;
    private Map<String, Stretch> stretches;
    private Map<String, Technique> techniques;

    public CarePlanTemplates(TemplateFiles files, Vocabulary vocabulary, ScreeningRules rules) {
        this.files = files;
        this.vocabulary = vocabulary;
        this.rules = rules;
    }

    /** Reads and checks the care plan templates now if they have not been read yet. */
    @Override
    public void load() {
        reading.ensure();
    }

    private void read() {
        this.stretches = new LinkedHashMap<>();
        for (String name : files.list(STRETCHES)) {
            String path = STRETCHES + "/" + name + ".yaml";
            stretches.put(name, checked(files.origin(path), name, files.read(path, StretchFile.class)));
        }
        this.techniques = Vocabulary.index(files.origin(SELF_MASSAGE),
                files.read(SELF_MASSAGE, TechniquesFile.class).techniques(), Technique::id,
                t -> t.title() != null && t.how() != null && t.howLong() != null && t.regions() != null && !t.regions().isEmpty());
        this.plan = files.read(PLAN, PlanText.class);
        Set<String> regions = vocabulary.siteIds().stream().map(id -> vocabulary.site(id).map(BodySite::region).orElseThrow())
                .collect(Collectors.toSet());
        checkPlan(files.origin(PLAN), regions, rules.conditionIds());
        String techniquesFile = files.origin(SELF_MASSAGE);
        techniques.values().forEach(t -> t.regions().forEach(r -> requireKnown(techniquesFile, "region", r, regions)));
    }

    PlanText plan() {
        load();
        return plan;
    }

    public Map<String, Stretch> stretches() {
        load();
        return stretches;
    }

    Collection<Technique> techniques() {
        load();
        return techniques.values();
    }

    private static Stretch checked(String file, String id, StretchFile s) {
        if (Stream.of(s.title(), s.position(), s.hold(), s.repetitions(), s.howOften(), s.when(), s.caution())
                .anyMatch(v -> v == null || v.isBlank())) {
            throw new InvalidTemplateException("Template " + file + " needs title, position, hold, repetitions,"
                    + " how-often, when and caution");
        }
        if (!List.of("standing", "seated", "lying").contains(s.position())) {
            throw new InvalidTemplateException("Template " + file + ": position is '" + s.position()
                    + "'; use standing, seated or lying");
        }
        if (s.steps() == null || s.steps().size() < 2 || s.steps().size() > 4) {
            throw new InvalidTemplateException("Template " + file + " needs 2 to 4 steps");
        }
        checkFigure(file, s.figure());
        return new Stretch(id, s.title(), s.position(), s.steps(), s.hold(), s.repetitions(), s.howOften(), s.when(),
                s.caution(), s.figure());
    }

    private static void checkFigure(String file, Figure figure) {
        if (figure == null || figure.joints() == null || figure.joints().isEmpty() || figure.lines() == null) {
            throw new InvalidTemplateException("Template " + file + " needs a figure with joints and lines");
        }
        figure.joints().forEach((name, point) -> requirePoint(file, "joint " + name, point));
        for (List<String> line : figure.lines()) {
            if (line == null || line.size() != 2) {
                throw new InvalidTemplateException("Template " + file + ": each figure line joins two joints");
            }
            line.forEach(joint -> requireKnown(file, "joint", joint, figure.joints().keySet()));
        }
        if (figure.head() != null) {
            requireKnown(file, "joint", figure.head(), figure.joints().keySet());
        }
        if (figure.props() != null) {
            for (Prop prop : figure.props()) {
                requirePoint(file, "prop", prop.from());
                requirePoint(file, "prop", prop.to());
            }
        }
    }

    private static void requirePoint(String file, String what, List<Double> point) {
        if (point == null || point.size() != 2 || point.stream().anyMatch(v -> v == null || v < 0 || v > 1)) {
            throw new InvalidTemplateException("Template " + file + ": " + what + " needs [x, y] between 0 and 1");
        }
    }

    private void checkPlan(String file, Set<String> regions, Collection<String> conditions) {
        if (plan.title() == null || plan.hydration() == null || plan.stretches() == null || plan.selfMassage() == null
                || plan.duringACramp() == null || plan.foods() == null || plan.doctor() == null || plan.progress() == null
                || plan.log() == null || plan.next() == null) {
            throw new InvalidTemplateException("Template " + file + " needs title, hydration, stretches, self-massage,"
                    + " during-a-cramp, foods, doctor, progress, log and next");
        }
        StretchChoice choice = plan.stretches();
        if (choice.byRegion() == null || choice.defaults() == null || choice.seatedAlternatives() == null) {
            throw new InvalidTemplateException("Template " + file + ": stretches needs by-region, default and seated-alternatives");
        }
        choice.byRegion().forEach((region, ids) -> {
            requireKnown(file, "region", region, regions);
            ids.forEach(id -> requireKnown(file, "stretch", id, stretches.keySet()));
        });
        choice.defaults().forEach(id -> requireKnown(file, "stretch", id, stretches.keySet()));
        choice.seatedAlternatives().forEach((standing, seated) -> {
            requireKnown(file, "stretch", standing, stretches.keySet());
            requireKnown(file, "stretch", seated, stretches.keySet());
        });
        if (choice.seatedConditions() != null) {
            choice.seatedConditions().forEach(c -> requireKnown(file, "condition", c, conditions));
        }
        plan.hydration().restrictedConditions().forEach(c -> requireKnown(file, "condition", c, conditions));
        if (plan.log().columns() == null || plan.log().columns().size() != 3 || plan.log().nights() == null
                || plan.log().nights() < 1 || plan.log().nights() > 31) {
            throw new InvalidTemplateException("Template " + file + ": log needs 3 columns and 1 to 31 nights");
        }
    }

    private static void requireKnown(String file, String what, String id, Collection<String> known) {
        if (!known.contains(id)) {
            throw new InvalidTemplateException("Template " + file + " refers to " + what + " '" + id
                    + "', which does not exist (known: " + String.join(", ", known) + ")");
        }
    }
}
