package app.soapstone.careplan;

import app.soapstone.careplan.CarePlan.Alert;
import app.soapstone.careplan.CarePlan.Doctor;
import app.soapstone.careplan.CarePlan.Food;
import app.soapstone.careplan.CarePlan.Group;
import app.soapstone.careplan.CarePlan.Hydration;
import app.soapstone.careplan.CarePlan.KeepSafe;
import app.soapstone.careplan.CarePlan.Log;
import app.soapstone.careplan.CarePlan.Massage;
import app.soapstone.careplan.CarePlan.Next;
import app.soapstone.careplan.CarePlan.Point;
import app.soapstone.careplan.CarePlan.Progress;
import app.soapstone.careplan.CarePlan.Section;
import app.soapstone.careplan.CarePlanTemplates.ChosenWhen;
import app.soapstone.careplan.CarePlanTemplates.CrampType;
import app.soapstone.careplan.CarePlanTemplates.DoctorLine;
import app.soapstone.careplan.CarePlanTemplates.DoctorText;
import app.soapstone.careplan.CarePlanTemplates.Item;
import app.soapstone.careplan.CarePlanTemplates.PlanText;
import app.soapstone.careplan.CarePlanTemplates.SeeADoctorText;
import app.soapstone.careplan.CarePlanTemplates.Stretch;
import app.soapstone.careplan.CarePlanTemplates.StretchChoice;
import app.soapstone.careplan.CarePlanTemplates.Technique;
import app.soapstone.screening.Finding;
import app.soapstone.screening.Flag;
import app.soapstone.screening.Level;
import app.soapstone.screening.ScreeningRules;
import app.soapstone.validation.Fields;
import app.soapstone.validation.InvalidInputException;
import app.soapstone.vocabulary.DoseWords;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Composes what a client takes home from their records and the clinic's templates. The screening
 * findings, the client's age, the kind of cramps and the latest measures go through the care-plan
 * rules ({@link PlanRules}); what they withhold, add and warn about shapes every section. An urgent
 * referral no doctor has cleared gives the see-a-doctor sheet instead of a plan.
 */
@Component
public class CarePlanComposer {

    static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    /** Uses the code itself acts on: standing stretches become seated; withheld fluid advice defers to the doctor. */
    static final String STANDING = "standing";
    static final String GENERIC_HYDRATION = "generic-hydration";

    private final CarePlanTemplates templates;
    private final PlanRules planRules;
    private final ScreeningRules screening;
    private final DoseWords doseWords;

    public CarePlanComposer(CarePlanTemplates templates, PlanRules planRules, ScreeningRules screening,
            DoseWords doseWords) {
        this.templates = templates;
        this.planRules = planRules;
        this.screening = screening;
        this.doseWords = doseWords;
    }

    public Handout compose(PlanInputs in, PlanOptions options) {
        PlanText text = templates.plan();
        CrampType type = crampType(in, text);
        Adaptations changes = planRules.apply(facts(in, type));
        Map<String, List<String>> watch = watch(changes, text.doctor());
        if (changes.seeADoctor()) {
            return sheet(in, changes, watch, text);
        }
        Alert cleared = cleared(in, text.seeADoctor());
        List<String> adaptations = new ArrayList<>();
        if (cleared != null) {
            adaptations.add("Urgent referral cleared by a doctor on " + LONG_DATE.format(in.clearedOn()) + ": "
                    + String.join(", ", cleared.lines()) + " (intake v" + in.intakeVersion() + ")");
        }
        adaptations.addAll(changes.lines());
        var selfMassage = text.selfMassage();
        return new CarePlan(text.title(), in.today(), in.letterhead(), in.clientName(), cleared, type.intro(),
                type.evidence(), doctor(changes, text.doctor(), watch), keepSafe(in, changes, text),
                new Section<>(text.stretches().heading(), text.stretches().intro(), stretches(in, options, changes, type)),
                new Section<>(selfMassage.heading(), selfMassage.intro(), selfMassage(in, options, changes)),
                new Section<>(text.duringACramp().heading(), null, texts(items(text.duringACramp().items(), changes))),
                type.advice() == null ? null
                        : new Section<>(type.advice().heading(), null, texts(items(type.advice().items(), changes))),
                hydration(in, options, changes, text),
                new Section<>(text.foods().heading(), null, items(text.foods().items(), changes).stream()
                        .map(i -> new Food(i.label(), i.text())).toList()),
                progress(in, text),
                new Log(type.log().heading(), in.today(), text.logNights(), texts(items(type.log().rows(), changes))),
                new Next(text.next().heading(), options.next(), options.nextWith(), text.next().none(), text.next().noteHeading(),
                        blankToNull(in.therapistNote())),
                List.copyOf(adaptations));
    }

    /** The first kind of cramps whose chosen-when the intake matches; the last kind otherwise. */
    CrampType crampType(PlanInputs in, PlanText text) {
        for (CrampType type : text.crampTypes()) {
            ChosenWhen when = type.chosenWhen();
            if (when == null || matches(when, in)) {
                return type;
            }
        }
        throw new IllegalStateException("the last cramp type is the default");
    }

    private static boolean matches(ChosenWhen when, PlanInputs in) {
        if (when.conditions() != null && in.conditions().stream().anyMatch(when.conditions()::contains)) {
            return true;
        }
        if (when.timing() != null && in.crampTiming() != null && when.timing().contains(in.crampTiming())) {
            return true;
        }
        // Words in the triggers decide only when the timing does not ("night" cramps after sport stay night cramps).
        boolean timingSilent = in.crampTiming() == null || in.crampTiming().equals("mixed");
        if (timingSilent && when.triggerWords() != null && in.triggers() != null && !when.triggerWords().isEmpty()) {
            Pattern words = Pattern.compile("\\b(" + when.triggerWords().stream().map(Pattern::quote)
                    .collect(Collectors.joining("|")) + ")\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
            return words.matcher(in.triggers()).find();
        }
        return false;
    }

    /** The facts the rules look at: the screening's findings and the client's measures, each with its source. */
    private static List<Fact> facts(PlanInputs in, CrampType type) {
        List<Fact> facts = new ArrayList<>();
        String intake = in.intakeVersion() == null ? "no intake" : "intake v" + in.intakeVersion();
        in.flags().forEach(flag -> facts.add(Fact.of(flag, intake)));
        if (in.age() != null) {
            facts.add(Fact.measure(Fact.AGE, in.age(), "age " + in.age(), "date of birth"));
        }
        facts.add(Fact.crampType(type.id(), type.id() + " cramps", intake));
        if (in.sleep() != null) {
            facts.add(Fact.measure(Fact.SLEEP_DISTURBANCE, in.sleep().value(),
                    "sleep disturbance " + Fields.number(in.sleep().value()) + "/10", in.sleep().source()));
        }
        if (in.crampsPerWeek() != null) {
            facts.add(Fact.measure(Fact.CRAMPS_PER_WEEK, in.crampsPerWeek().value(),
                    Fields.number(in.crampsPerWeek().value()) + " cramps a week", in.crampsPerWeek().source()));
        }
        return facts;
    }

    /**
     * The signs to watch for, by group id in the template's order (most urgent first): every line
     * marked {@code always} and every line a rule adds, less those a more specific line replaces and
     * those that apply to the client now.
     */
    private static Map<String, List<String>> watch(Adaptations changes, DoctorText text) {
        Set<String> shown = new LinkedHashSet<>(changes.doctor().keySet());
        text.lines().stream().filter(l -> Boolean.TRUE.equals(l.always())).forEach(l -> shown.add(l.id()));
        Set<String> replaced = text.lines().stream()
                .filter(l -> l.replaces() != null && (shown.contains(l.id()) || changes.now().containsKey(l.id())))
                .map(DoctorLine::replaces).collect(Collectors.toSet());
        Map<String, List<String>> watch = new LinkedHashMap<>();
        text.groups().keySet().forEach(group -> watch.put(group, new ArrayList<>()));
        text.lines().stream().filter(l -> shown.contains(l.id()) && !replaced.contains(l.id())
                && !changes.now().containsKey(l.id())).forEach(l -> watch.get(l.group()).add(l.text()));
        return watch;
    }

    /**
     * The doctor box: lines that apply now (rules' {@code now}) at the top, under a heading as
     * urgent as the most urgent of them, the box itself opening the plan unless they are all
     * questions for the next appointment; then the signs to watch for, by group.
     */
    private Doctor doctor(Adaptations changes, DoctorText text, Map<String, List<String>> watch) {
        List<Group> groups = watch.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> new Group(text.groups().get(e.getKey()) + ":", List.copyOf(e.getValue()))).toList();
        List<String> urgency = List.copyOf(text.groups().keySet());
        List<DoctorLine> now = text.lines().stream().filter(l -> changes.now().containsKey(l.id()))
                .sorted(Comparator.comparingInt(l -> urgency.indexOf(l.group()))).toList();
        if (now.isEmpty()) {
            return new Doctor(text.heading(), List.of(), groups, false);
        }
        return new Doctor(text.nowHeadings().get(now.getFirst().group()),
                now.stream().map(l -> fill(l.now(), changes.now().get(l.id()))).toList(), groups,
                now.stream().anyMatch(l -> !Boolean.FALSE.equals(l.opensPlan())));
    }

    /** A line's wording with {@code {medicines}} as the medicines that raised it, in plain words. */
    private String fill(String wording, List<Fact> causes) {
        List<String> medicines = causes.stream().flatMap(f -> f.written().stream()).distinct().map(doseWords::plain)
                .toList();
        return wording.replace("{medicines}", medicines.isEmpty() ? "your medicines" : joinAnd(medicines));
    }

    private Alert cleared(PlanInputs in, SeeADoctorText text) {
        List<String> cleared = in.flags().stream()
                .filter(f -> f.level() == Level.REFER && f.urgent() && f.clearance() != null)
                .map(f -> f.finding().subject()).toList();
        if (cleared.isEmpty() || in.clearedOn() == null) {
            return null;
        }
        return new Alert(text.cleared().replace("{date}", LONG_DATE.format(in.clearedOn())), cleared);
    }

    private DoctorSheet sheet(PlanInputs in, Adaptations changes, Map<String, List<String>> watch, PlanText text) {
        SeeADoctorText sheet = text.seeADoctor();
        String noticed = LONG_DATE.format(in.intakeDate());
        List<String> tell = new ArrayList<>();
        tell.add(sheet.tell().symptoms().replace("{date}", noticed));
        if (!in.medicines().isEmpty()) {
            tell.add(sheet.tell().medicines().replace("{medicines}",
                    in.medicines().stream().map(doseWords::plain).collect(Collectors.joining("; "))));
        }
        List<String> conditions = new ArrayList<>(in.conditions().stream()
                .map(id -> screening.condition(id).map(ScreeningRules.Condition::label).orElse(id)).toList());
        if (in.otherConditions() != null && !in.otherConditions().isBlank()) {
            conditions.add(in.otherConditions().strip());
        }
        if (!conditions.isEmpty()) {
            tell.add(sheet.tell().conditions().replace("{conditions}", String.join("; ", conditions)));
        }
        List<String> surgeries = in.flags().stream().map(Flag::finding)
                .filter(f -> f.kind().equals(Finding.SURGERY) && f.id().equals(Finding.RECENT_SURGERY))
                .map(Finding::subject).toList();
        if (!surgeries.isEmpty()) {
            tell.add(sheet.tell().surgeries().replace("{surgeries}", String.join("; ", surgeries)));
        }
        tell.add(sheet.tell().bring());
        String mostUrgent = text.doctor().groups().keySet().iterator().next();
        var head = in.letterhead();
        return new DoctorSheet(sheet.title(), in.today(), head, in.clientName(), sheet.intro().replace("{date}", noticed),
                changes.sheet().stream().map(Fact::subject).toList(), sheet.why(), sheet.noHomeCare(),
                sheet.tellHeading(), List.copyOf(tell), new Group(sheet.emergencyHeading() + ":", watch.get(mostUrgent)),
                sheet.clinic().replace("{clinic}", head.clinicName()).replace("{phone}", head.phone()), changes.lines());
    }

    private static KeepSafe keepSafe(PlanInputs in, Adaptations changes, PlanText text) {
        var keepSafe = text.keepSafe();
        List<String> cautions = keepSafe.cautions().entrySet().stream()
                .filter(e -> changes.cautions().contains(e.getKey()))
                .map(e -> e.getValue().replace("{allergies}", in.allergies() == null ? "" : in.allergies().strip()))
                .toList();
        List<String> contacts = keepSafe.contactNames().entrySet().stream()
                .filter(e -> changes.contacts().contains(e.getKey())).map(Map.Entry::getValue).toList();
        if (cautions.isEmpty() && contacts.isEmpty()) {
            return null;
        }
        return new KeepSafe(keepSafe.heading(), cautions,
                contacts.isEmpty() ? null : keepSafe.contacts().replace("{contacts}", String.join("; ", contacts)));
    }

    /**
     * The therapist's stretches if given, otherwise by cramp site; standing ones become seated
     * when a rule withholds standing, and any using something else withheld are left out.
     */
    List<Stretch> stretches(PlanInputs in, PlanOptions options, Adaptations changes, CrampType type) {
        var library = templates.stretches();
        StretchChoice choice = templates.plan().stretches();
        int max = choice.max() == null ? 4 : choice.max();
        Set<String> ids = new LinkedHashSet<>();
        if (options.stretches() != null && !options.stretches().isEmpty()) {
            ids.addAll(options.stretches());
            // The plan has room for this many.
            if (ids.size() > max) {
                throw InvalidInputException.forField("stretches", "give at most " + max + " stretches, not " + ids.size());
            }
            for (String id : ids) {
                if (!library.containsKey(id)) {
                    throw InvalidInputException.forField("stretches", "'" + id + "' is not a stretch; use "
                            + String.join(", ", library.keySet()));
                }
            }
        } else {
            in.regions().forEach(region -> ids.addAll(choice.byRegion().getOrDefault(region, List.of())));
            if (ids.isEmpty()) {
                ids.addAll(choice.defaults());
            }
        }
        boolean seated = changes.withheld().contains(STANDING);
        Set<String> result = new LinkedHashSet<>();
        for (String id : ids) {
            if (!seated || !library.get(id).position().equals("standing")) {
                result.add(id);
            } else if (choice.seatedAlternatives().containsKey(id)) {
                result.add(choice.seatedAlternatives().get(id));
            }
        }
        return result.stream().map(library::get).filter(s -> usable(s.usesOrNone(), changes)).limit(max)
                .map(s -> type.stretchWhen() == null ? s : s.doneAt(type.stretchWhen())).toList();
    }

    /**
     * Techniques for the cramp sites (the calf when none matches), each replaced by its gentler
     * {@code instead} when a rule withholds what it uses; minutes only where a source or the
     * therapist gives them.
     */
    private List<Massage> selfMassage(PlanInputs in, PlanOptions options, Adaptations changes) {
        var text = templates.plan().selfMassage();
        Map<String, Technique> all = templates.techniques();
        List<Technique> forSites = techniquesFor(all, in.regions());
        List<Technique> chosen = new ArrayList<>();
        for (Technique technique : forSites.isEmpty() ? techniquesFor(all, List.of("calf")) : forSites) {
            Technique usable = usable(technique.usesOrNone(), changes) ? technique
                    : technique.instead() != null && usable(all.get(technique.instead()).usesOrNone(), changes)
                            ? all.get(technique.instead()) : null;
            if (usable != null && !chosen.contains(usable)) {
                chosen.add(usable);
            }
        }
        all.values().stream().filter(t -> t.isExtra() && changes.added().contains(t.id()) && !chosen.contains(t))
                .forEach(chosen::add);
        Integer minutes = options.massageMinutes() != null ? options.massageMinutes() : in.massageMinutes();
        return chosen.stream().limit(text.max() == null ? 3 : text.max())
                .map(t -> new Massage(t.title(), t.how(), t.howLong() != null ? t.howLong()
                        : minutes == null ? null : text.therapistTime().replace("{minutes}", String.valueOf(minutes))))
                .toList();
    }

    private static List<Technique> techniquesFor(Map<String, Technique> all, List<String> regions) {
        return all.values().stream().filter(t -> !t.isExtra() && t.regions().stream().anyMatch(regions::contains))
                .toList();
    }

    /**
     * The items of a list as printed for this client: extras only when added or standing in,
     * withheld items replaced by their {@code instead} when that is allowed, else dropped.
     */
    static List<Item> items(List<Item> all, Adaptations changes) {
        Map<String, Item> byId = all.stream().collect(Collectors.toMap(Item::id, i -> i));
        Map<String, Item> printed = new LinkedHashMap<>();
        for (Item item : all) {
            if (item.isExtra() && !changes.added().contains(item.id())) {
                continue;
            }
            if (usable(item.usesOrNone(), changes)) {
                printed.putIfAbsent(item.id(), item);
            } else if (item.instead() != null && usable(byId.get(item.instead()).usesOrNone(), changes)) {
                printed.putIfAbsent(item.instead(), byId.get(item.instead()));
            }
        }
        return List.copyOf(printed.values());
    }

    private static boolean usable(List<String> uses, Adaptations changes) {
        return uses.stream().noneMatch(changes.withheld()::contains);
    }

    private static List<String> texts(List<Item> items) {
        return items.stream().map(Item::text).toList();
    }

    private Hydration hydration(PlanInputs in, PlanOptions options, Adaptations changes, PlanText text) {
        var hydration = text.hydration();
        List<String> tips = texts(items(hydration.items(), changes));
        if (changes.withheld().contains(GENERIC_HYDRATION)) {
            return new Hydration(hydration.restricted().heading(), hydration.restricted().text(), null, tips, true);
        }
        int glassMl = templates.glassMl();
        String target;
        if (options.waterLitres() != null) {
            double litres = options.waterLitres();
            long glasses = Math.round(litres * 1000 / glassMl);
            target = Fields.number(litres) + " litres (about " + glasses + " glasses) of fluids a day";
        } else {
            target = hydration.target().replace("{glasses}", hydration.targetGlasses())
                    .replace("{litres}", litres(hydration.targetGlasses(), glassMl));
        }
        String current = null;
        if (in.glassesPerDay() != null) {
            current = "You told us you drink about " + Fields.number(in.glassesPerDay()) + " glasses a day.";
        } else if (in.litresPerDay() != null) {
            current = "You told us you drink about " + Fields.number(in.litresPerDay()) + " litres a day.";
        }
        return new Hydration(hydration.heading(), target, current, tips, false);
    }

    /** Glasses of {@code glassMl} ("6-8") in litres, to a tenth ("1.5-2"). */
    private static String litres(String glasses, int glassMl) {
        return Arrays.stream(glasses.strip().split("-"))
                .map(count -> Fields.number(Math.round(Double.parseDouble(count) * glassMl / 100) / 10.0))
                .collect(Collectors.joining("-"));
    }

    /** Cramps per week over time, one point per date (the day's last measure); null for fewer than two. */
    private static Progress progress(PlanInputs in, PlanText text) {
        Map<LocalDate, Point> byDate = new LinkedHashMap<>();
        in.progress().forEach(p -> {
            byDate.remove(p.date());
            byDate.put(p.date(), p);
        });
        List<Point> points = byDate.values().stream().sorted(Comparator.comparing(Point::date)).toList();
        return points.size() >= 2 ? new Progress(text.progress().heading(), text.progress().axis(), points) : null;
    }

    private static String joinAnd(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
