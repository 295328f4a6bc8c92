package app.soapstone.careplan;

import app.soapstone.screening.ScreeningRules;
import app.soapstone.template.InvalidTemplateException;
import app.soapstone.template.ReadOnce;
import app.soapstone.template.TemplateFiles;
import app.soapstone.template.TemplateLines;
import app.soapstone.template.TemplateSet;
import app.soapstone.vocabulary.BodySite;
import app.soapstone.vocabulary.Vocabulary;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The care-plan content in {@code templates/careplan/}: the wording of each section with its items,
 * the kinds of cramps, the doctor box, the see-a-doctor sheet, the stretch library with its
 * drawings, and the self-massage techniques. Loaded once and checked: every stretch, region, item
 * or line a template names must exist, every drawing must join joints it defines. What the
 * screening rules may withhold or add is checked by {@link PlanRules}.
 */
@Component
public class CarePlanTemplates implements TemplateSet {

    static final String PLAN = "careplan/plan.yaml";
    static final String SELF_MASSAGE = "careplan/self-massage.yaml";
    static final String STRETCHES = "careplan/stretches";
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern GLASSES = Pattern.compile("\\d+(\\.\\d+)?(-\\d+(\\.\\d+)?)?");

    /**
     * One line of a section: a step, tip, food, log row or piece of advice. {@code uses} says what
     * it involves, so a rule can withhold it; {@code instead} is the item printed in its place; an
     * {@code extra} item is printed only when a rule adds it or it stands in for another.
     */
    public record Item(String id, String label, String text, List<String> uses, String instead, Boolean extra) {

        boolean isExtra() {
            return Boolean.TRUE.equals(extra);
        }

        List<String> usesOrNone() {
            return uses == null ? List.of() : uses;
        }
    }

    record ItemList(String heading, List<Item> items) {
    }

    /** How the intake picks a kind of cramps: a condition ticked, the cramp timing, or a word in the triggers. */
    record ChosenWhen(List<String> conditions, List<String> timing, List<String> triggerWords) {
    }

    record LogText(String heading, List<Item> rows) {
    }

    /** A kind of cramps (night, at rest, exercise, pregnancy) and what the plan says for it. */
    record CrampType(String id, ChosenWhen chosenWhen, String intro, String evidence, String stretchWhen,
            ItemList advice, LogText log) {
    }

    record StretchChoice(String heading, String intro, Map<String, List<String>> byRegion,
            @JsonProperty("default") List<String> defaults, Map<String, String> seatedAlternatives, Integer max) {
    }

    record SelfMassageText(String heading, String intro, String therapistTime, Integer max) {
    }

    record Restricted(String heading, String text) {
    }

    /**
     * The fluids section: {@code targetGlasses} ("6-8") is printed in litres too, with the glass of
     * {@code vocabulary/measures.yaml}. {@code targetLitres} and {@code glassMl} are read only to
     * refuse them, saying where they went, in a clinic's copy made before the glass moved there.
     */
    record Hydration(String heading, String target, String targetGlasses, String targetLitres, Integer glassMl,
            List<Item> items, Restricted restricted) {
    }

    record KeepSafe(String heading, String contacts, Map<String, String> cautions, Map<String, String> contactNames) {
    }

    /**
     * A sign in the doctor box; {@code now} is its wording when it applies to the client now, which
     * puts the box at the top of the plan unless {@code opensPlan} is false.
     */
    record DoctorLine(String id, String group, Boolean always, String text, String now, String replaces,
            Boolean opensPlan) {
    }

    record DoctorText(String heading, Map<String, String> nowHeadings, Map<String, String> groups,
            List<DoctorLine> lines) {
    }

    record Tell(String symptoms, String medicines, String conditions, String surgeries, String bring) {
    }

    record SeeADoctorText(String title, String intro, String why, String noHomeCare, String tellHeading, Tell tell,
            String emergencyHeading, String clinic, String cleared) {
    }

    record ProgressText(String heading, String axis) {
    }

    record NextText(String heading, String none, String noteHeading) {
    }

    /** The wording of the plan and the rules for choosing its content. */
    record PlanText(String title, Integer logNights, List<CrampType> crampTypes, StretchChoice stretches,
            SelfMassageText selfMassage, ItemList duringACramp, Hydration hydration, ItemList foods, KeepSafe keepSafe,
            DoctorText doctor, SeeADoctorText seeADoctor, ProgressText progress, NextText next) {
    }

    /** A line of a drawing that is not part of the body: a wall, floor, chair or towel. */
    public record Prop(List<Double> from, List<Double> to, Boolean dashed) {
    }

    /** A stick figure: named joints in a unit box (y up), the lines between them and the head. */
    public record Figure(String head, Map<String, List<Double>> joints, List<List<String>> lines, List<Prop> props) {
    }

    /** One stretch of the library. */
    public record Stretch(String id, String title, String position, List<String> steps, String hold, String repetitions,
            String howOften, String when, String caution, List<String> uses, Figure figure) {

        Stretch doneAt(String when) {
            return new Stretch(id, title, position, steps, hold, repetitions, howOften, when, caution, uses, figure);
        }

        List<String> usesOrNone() {
            return uses == null ? List.of() : uses;
        }
    }

    private record StretchFile(String title, String position, List<String> steps, String hold, String repetitions,
            String howOften, String when, String caution, List<String> uses, Figure figure) {
    }

    /**
     * A self-massage technique for some regions of the body. How long: {@code howLong} where a
     * source gives it, or the therapist's minutes when {@code timedByTherapist}.
     */
    public record Technique(String id, String title, List<String> regions, String how, String howLong,
            Boolean timedByTherapist, List<String> uses, String instead, Boolean extra) {

        boolean isExtra() {
            return Boolean.TRUE.equals(extra);
        }

        List<String> usesOrNone() {
            return uses == null ? List.of() : uses;
        }
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
                t -> t.title() != null && t.how() != null && t.regions() != null && !t.regions().isEmpty());
        this.plan = files.read(PLAN, PlanText.class);
        Set<String> regions = vocabulary.siteIds().stream().map(id -> vocabulary.site(id).map(BodySite::region).orElseThrow())
                .collect(Collectors.toSet());
        checkPlan(files.lines(PLAN), regions);
        checkTechniques(files.lines(SELF_MASSAGE), regions);
    }

    PlanText plan() {
        load();
        return plan;
    }

    /** The size of a glass the plan counts water in, in millilitres: the vocabulary's, which the intake uses too. */
    int glassMl() {
        return vocabulary.glassMl();
    }

    @Override
    public Map<String, String> takenAs() {
        Map<String, String> uses = new LinkedHashMap<>();
        stretches().keySet().forEach(id -> uses.put(STRETCHES + "/" + id + ".yaml", "--stretches " + id));
        return uses;
    }

    public Map<String, Stretch> stretches() {
        load();
        return stretches;
    }

    Map<String, Technique> techniques() {
        load();
        return techniques;
    }

    /** Every item list of the plan, by where it is in {@code plan.yaml} (a JSON Pointer). */
    Map<String, List<Item>> itemLists() {
        load();
        return lists();
    }

    private Map<String, List<Item>> lists() {
        Map<String, List<Item>> lists = new LinkedHashMap<>();
        lists.put("/during-a-cramp/items", plan.duringACramp().items());
        lists.put("/hydration/items", plan.hydration().items());
        lists.put("/foods/items", plan.foods().items());
        for (int i = 0; i < plan.crampTypes().size(); i++) {
            CrampType type = plan.crampTypes().get(i);
            if (type.advice() != null) {
                lists.put("/cramp-types/" + i + "/advice/items", type.advice().items());
            }
            lists.put("/cramp-types/" + i + "/log/rows", type.log().rows());
        }
        return lists;
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
                s.caution(), s.uses(), s.figure());
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
            line.forEach(joint -> requireKnown("Template " + file, "joint", joint, figure.joints().keySet()));
        }
        if (figure.head() != null) {
            requireKnown("Template " + file, "joint", figure.head(), figure.joints().keySet());
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

    private void checkPlan(TemplateLines at, Set<String> regions) {
        if (Stream.of(plan.title(), plan.logNights(), plan.crampTypes(), plan.stretches(), plan.selfMassage(),
                plan.duringACramp(), plan.hydration(), plan.foods(), plan.keepSafe(), plan.doctor(), plan.seeADoctor(),
                plan.progress(), plan.next()).anyMatch(v -> v == null)) {
            throw at.error("", "needs title, log-nights, cramp-types, stretches, self-massage, during-a-cramp,"
                    + " hydration, foods, keep-safe, doctor, see-a-doctor, progress and next");
        }
        if (plan.logNights() < 1 || plan.logNights() > 31) {
            throw at.error("/log-nights", "log-nights must be 1 to 31");
        }
        checkCrampTypes(at);
        StretchChoice choice = plan.stretches();
        if (choice.byRegion() == null || choice.defaults() == null || choice.seatedAlternatives() == null) {
            throw at.error("/stretches", "stretches needs by-region, default and seated-alternatives");
        }
        choice.byRegion().forEach((region, ids) -> {
            requireKnown(at.at("/stretches/by-region/" + region), "region", region, regions);
            ids.forEach(id -> requireKnown(at.at("/stretches/by-region/" + region), "stretch", id, stretches.keySet()));
        });
        choice.defaults().forEach(id -> requireKnown(at.at("/stretches/default"), "stretch", id, stretches.keySet()));
        choice.seatedAlternatives().forEach((standing, seated) -> {
            String where = at.at("/stretches/seated-alternatives/" + standing);
            requireKnown(where, "stretch", standing, stretches.keySet());
            requireKnown(where, "stretch", seated, stretches.keySet());
            if (!stretches.get(seated).position().equals("seated") && !stretches.get(seated).position().equals("lying")) {
                throw at.error("/stretches/seated-alternatives/" + standing, "'" + seated + "' is a standing stretch");
            }
        });
        checkHydration(at, plan.hydration());
        lists().forEach((pointer, items) -> checkItems(at, pointer, items));
        checkDoctor(at);
        if (plan.keepSafe().cautions() == null || plan.keepSafe().contactNames() == null) {
            throw at.error("/keep-safe", "keep-safe needs cautions and contact-names");
        }
        plan.keepSafe().cautions().keySet().forEach(id -> requireId(at, "/keep-safe/cautions/" + id, id));
        plan.keepSafe().contactNames().keySet().forEach(id -> requireId(at, "/keep-safe/contact-names/" + id, id));
        SeeADoctorText sheet = plan.seeADoctor();
        if (Stream.of(sheet.title(), sheet.intro(), sheet.why(), sheet.noHomeCare(), sheet.tellHeading(), sheet.tell(),
                sheet.emergencyHeading(), sheet.clinic(), sheet.cleared()).anyMatch(v -> v == null)) {
            throw at.error("/see-a-doctor", "see-a-doctor needs title, intro, why, no-home-care, tell-heading, tell,"
                    + " emergency-heading, clinic and cleared");
        }
    }

    private static void checkHydration(TemplateLines at, Hydration hydration) {
        if (hydration.items() == null || hydration.restricted() == null || hydration.target() == null
                || hydration.targetGlasses() == null) {
            throw at.error("/hydration", "hydration needs target, target-glasses, items and restricted");
        }
        if (hydration.glassMl() != null || hydration.targetLitres() != null) {
            throw at.error(hydration.glassMl() != null ? "/hydration/glass-ml" : "/hydration/target-litres",
                    "the size of a glass is now glass-ml in vocabulary/measures.yaml, for the intake and the plan"
                            + " alike, and the litres are worked out from target-glasses with it: remove glass-ml"
                            + " and target-litres from hydration");
        }
        if (!GLASSES.matcher(hydration.targetGlasses().strip()).matches()) {
            throw at.error("/hydration/target-glasses", "target-glasses is a number of glasses or a range such as 6-8"
                    + " (got " + hydration.targetGlasses() + ")");
        }
    }

    private void checkCrampTypes(TemplateLines at) {
        List<CrampType> types = plan.crampTypes();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < types.size(); i++) {
            CrampType type = types.get(i);
            String where = "/cramp-types/" + i;
            if (type.id() == null || type.intro() == null || type.evidence() == null || type.log() == null
                    || type.log().heading() == null || type.log().rows() == null) {
                throw at.error(where, "each cramp type needs id, intro, evidence and a log with heading and rows");
            }
            requireId(at, where, type.id());
            if (!ids.add(type.id())) {
                throw at.error(where, "cramp type '" + type.id() + "' appears twice");
            }
            boolean last = i == types.size() - 1;
            if (last != (type.chosenWhen() == null)) {
                throw at.error(where, "only the last cramp type, the default, has no chosen-when");
            }
            if (type.chosenWhen() != null) {
                ChosenWhen when = type.chosenWhen();
                nonNull(when.conditions()).forEach(c -> requireKnown(at.at(where + "/chosen-when"), "condition", c,
                        rules.conditionIds()));
                nonNull(when.timing()).forEach(t -> requireKnown(at.at(where + "/chosen-when"), "cramp timing", t,
                        vocabulary.crampTimings()));
            }
        }
    }

    private void checkDoctor(TemplateLines at) {
        DoctorText doctor = plan.doctor();
        if (doctor.heading() == null || doctor.groups() == null || doctor.groups().isEmpty() || doctor.lines() == null
                || doctor.nowHeadings() == null) {
            throw at.error("/doctor", "doctor needs heading, now-headings, groups and lines");
        }
        doctor.nowHeadings().keySet().forEach(g -> requireKnown(at.at("/doctor/now-headings/" + g), "group", g,
                doctor.groups().keySet()));
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < doctor.lines().size(); i++) {
            DoctorLine line = doctor.lines().get(i);
            String where = "/doctor/lines/" + i;
            if (line.id() == null || line.text() == null || line.group() == null) {
                throw at.error(where, "each doctor line needs id, group and text");
            }
            requireId(at, where, line.id());
            if (!ids.add(line.id())) {
                throw at.error(where, "doctor line '" + line.id() + "' appears twice");
            }
            requireKnown(at.at(where + "/group"), "group", line.group(), doctor.groups().keySet());
            if (line.now() != null && !doctor.nowHeadings().containsKey(line.group())) {
                throw at.error(where + "/now", "a line in group '" + line.group() + "' cannot apply now: now-headings"
                        + " has no heading for it");
            }
        }
        for (int i = 0; i < doctor.lines().size(); i++) {
            String replaces = doctor.lines().get(i).replaces();
            if (replaces != null) {
                requireKnown(at.at("/doctor/lines/" + i + "/replaces"), "doctor line", replaces, ids);
            }
        }
    }

    private static void checkItems(TemplateLines at, String pointer, List<Item> items) {
        Map<String, Item> byId = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            String where = pointer + "/" + i;
            if (item == null || item.id() == null || item.text() == null || item.text().isBlank()) {
                throw at.error(where, "each item needs an id and a text");
            }
            requireId(at, where, item.id());
            if (byId.put(item.id(), item) != null) {
                throw at.error(where, "item '" + item.id() + "' appears twice in this list");
            }
        }
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (item.instead() != null) {
                Item instead = byId.get(item.instead());
                requireKnown(at.at(pointer + "/" + i + "/instead"), "item", item.instead(), byId.keySet());
                if (!instead.isExtra()) {
                    throw at.error(pointer + "/" + i + "/instead", "'" + item.instead()
                            + "' stands in for another item, so it needs extra: true");
                }
            }
        }
    }

    private void checkTechniques(TemplateLines at, Set<String> regions) {
        List<Technique> list = List.copyOf(techniques.values());
        for (int i = 0; i < list.size(); i++) {
            Technique t = list.get(i);
            String where = "/techniques/" + i;
            t.regions().forEach(r -> requireKnown(at.at(where + "/regions"), "region", r, regions));
            if ((t.howLong() == null) == !Boolean.TRUE.equals(t.timedByTherapist())) {
                throw at.error(where, "a technique needs either how-long (from a source) or timed-by-therapist: true");
            }
            if (t.instead() != null) {
                requireKnown(at.at(where + "/instead"), "technique", t.instead(), techniques.keySet());
                if (!techniques.get(t.instead()).isExtra()) {
                    throw at.error(where + "/instead", "'" + t.instead() + "' stands in for another technique, so it"
                            + " needs extra: true");
                }
            }
        }
    }

    private static void requireId(TemplateLines at, String pointer, String id) {
        if (!ID.matcher(id).matches()) {
            throw at.error(pointer, "'" + id + "' is not an id (lower-case words joined by hyphens)");
        }
    }

    static void requireKnown(String where, String what, String id, Collection<String> known) {
        if (!known.contains(id)) {
            throw new InvalidTemplateException(where + " refers to " + what + " '" + id
                    + "', which does not exist (known: " + String.join(", ", known) + ")");
        }
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
