package app.soapstone.careplan;

import app.soapstone.careplan.CarePlanTemplates.CrampType;
import app.soapstone.careplan.CarePlanTemplates.DoctorLine;
import app.soapstone.careplan.CarePlanTemplates.Item;
import app.soapstone.careplan.CarePlanTemplates.PlanText;
import app.soapstone.careplan.CarePlanTemplates.Technique;
import app.soapstone.screening.Finding;
import app.soapstone.screening.Level;
import app.soapstone.screening.ScreeningRules;
import app.soapstone.template.ReadOnce;
import app.soapstone.template.TemplateFiles;
import app.soapstone.template.TemplateLines;
import app.soapstone.template.TemplateSet;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The care-plan rules in {@code templates/screening/care-plan-rules.yaml}: what each screening
 * finding (and the client's age, kind of cramps, sleep and cramp frequency) changes on the plan.
 * Checked when loaded against the screening templates and the plan's: every id a rule names must
 * exist, and every finding the screening can raise at PRECAUTION or REFER level must have a rule,
 * so a new precaution cannot reach a client's plan unconsidered.
 */
@Component
public class PlanRules implements TemplateSet {

    static final String FILE = "screening/care-plan-rules.yaml";
    static final String SEE_A_DOCTOR_TODAY = "see-a-doctor-today";

    /** What a rule applies to: exactly one of these. */
    record When(String condition, String medicationClass, String redFlag, String surgery, String intake,
            String crampType, Integer ageOver, Integer sleepDisturbanceAtLeast, Double crampsPerWeekAtLeast) {

        boolean matches(Fact fact) {
            return switch (fact.kind()) {
                case Finding.CONDITION -> fact.id().equals(condition);
                case Finding.MEDICATION_CLASS -> fact.id().equals(medicationClass);
                case Finding.RED_FLAG -> fact.id().equals(redFlag);
                case Finding.SURGERY -> fact.id().equals(surgery);
                case Finding.INTAKE -> fact.id().equals(intake);
                case Fact.CRAMP_TYPE -> fact.id().equals(crampType);
                case Fact.AGE -> ageOver != null && fact.value() > ageOver;
                case Fact.SLEEP_DISTURBANCE -> sleepDisturbanceAtLeast != null && fact.value() >= sleepDisturbanceAtLeast;
                case Fact.CRAMPS_PER_WEEK -> crampsPerWeekAtLeast != null && fact.value() >= crampsPerWeekAtLeast;
                default -> false;
            };
        }

        /** The finding this rule is about ({@code kind: id}), or null for a measure. */
        String findingKey() {
            if (condition != null) {
                return Finding.CONDITION + ": " + condition;
            }
            if (medicationClass != null) {
                return Finding.MEDICATION_CLASS + ": " + medicationClass;
            }
            if (redFlag != null) {
                return Finding.RED_FLAG + ": " + redFlag;
            }
            if (surgery != null) {
                return Finding.SURGERY + ": " + surgery;
            }
            if (intake != null) {
                return Finding.INTAKE + ": " + intake;
            }
            return crampType != null ? Fact.CRAMP_TYPE + ": " + crampType : null;
        }

        long given() {
            return Stream.of(condition, medicationClass, redFlag, surgery, intake, crampType, ageOver,
                    sleepDisturbanceAtLeast, crampsPerWeekAtLeast).filter(Objects::nonNull).count();
        }
    }

    /** One rule: when it applies, and what it changes (or, with {@code none}, why it changes nothing). */
    record Rule(When when, String says, List<String> withhold, List<String> add, List<String> cautions,
            List<String> contacts, List<String> doctor, List<String> now, String sheet, String none) {

        Stream<List<String>> consequences() {
            return Stream.of(withhold, add, cautions, contacts, doctor, now).map(PlanRules::nonNull);
        }
    }

    private record RulesFile(Map<String, String> uses, List<Rule> rules) {
    }

    private final TemplateFiles files;
    private final ScreeningRules screening;
    private final CarePlanTemplates plans;
    private final ReadOnce reading = new ReadOnce(this::read);
    private Map<String, String> uses;
    private List<Rule> rules;

    public PlanRules(TemplateFiles files, ScreeningRules screening, CarePlanTemplates plans) {
        this.files = files;
        this.screening = screening;
        this.plans = plans;
    }

    @Override
    public void load() {
        reading.ensure();
    }

    private void read() {
        RulesFile file = files.read(FILE, RulesFile.class);
        TemplateLines at = files.lines(FILE);
        if (file.uses() == null || file.uses().isEmpty() || file.rules() == null || file.rules().isEmpty()) {
            throw at.error("", "needs uses and rules");
        }
        this.uses = file.uses();
        this.rules = file.rules();
        for (String use : List.of(CarePlanComposer.STANDING, CarePlanComposer.GENERIC_HYDRATION)) {
            // The composer acts on these two itself: standing stretches, and the fluid target.
            if (!uses.containsKey(use)) {
                throw at.error("/uses", "uses needs '" + use + "'");
            }
        }
        for (int i = 0; i < rules.size(); i++) {
            check(at, "/rules/" + i, rules.get(i));
        }
        checkCoverage(at);
        checkUses(files.lines(CarePlanTemplates.PLAN), files.lines(CarePlanTemplates.SELF_MASSAGE));
    }

    /** What the rules change for a client with these facts. */
    Adaptations apply(List<Fact> facts) {
        load();
        Adaptations.Builder result = new Adaptations.Builder();
        for (Rule rule : rules) {
            List<Fact> matched = facts.stream().filter(rule.when()::matches).toList();
            if (matched.isEmpty() || rule.none() != null) {
                continue;
            }
            if (rule.sheet() != null) {
                List<Fact> blocking = matched.stream().filter(Fact::blocking).toList();
                if (!blocking.isEmpty()) {
                    result.sheet(rule.says(), blocking);
                }
                continue;
            }
            result.apply(rule, matched);
        }
        return result.build();
    }

    /** The ids of what plan items can use, with what each means. */
    Map<String, String> uses() {
        load();
        return uses;
    }

    private void check(TemplateLines at, String where, Rule rule) {
        if (rule == null || rule.when() == null || rule.when().given() != 1) {
            throw at.error(where + "/when", "a rule needs exactly one of condition, medication-class, red-flag,"
                    + " surgery, intake, cramp-type, age-over, sleep-disturbance-at-least, cramps-per-week-at-least"
                    + " under when");
        }
        When when = rule.when();
        String w = at.at(where + "/when");
        if (when.condition() != null) {
            CarePlanTemplates.requireKnown(w, "condition", when.condition(), screening.conditionIds());
        }
        if (when.medicationClass() != null) {
            CarePlanTemplates.requireKnown(w, "medication class", when.medicationClass(),
                    ids(Finding.MEDICATION_CLASS));
        }
        if (when.redFlag() != null) {
            CarePlanTemplates.requireKnown(w, "red flag", when.redFlag(), screening.redFlagIds());
        }
        if (when.surgery() != null) {
            CarePlanTemplates.requireKnown(w, "surgery rule", when.surgery(), ids(Finding.SURGERY));
        }
        if (when.intake() != null) {
            CarePlanTemplates.requireKnown(w, "intake finding", when.intake(), ids(Finding.INTAKE));
        }
        if (when.crampType() != null) {
            CarePlanTemplates.requireKnown(w, "cramp type", when.crampType(),
                    plans.plan().crampTypes().stream().map(CrampType::id).toList());
        }
        if ((when.ageOver() != null && (when.ageOver() < 0 || when.ageOver() > 120))
                || (when.sleepDisturbanceAtLeast() != null && (when.sleepDisturbanceAtLeast() < 0
                || when.sleepDisturbanceAtLeast() > 10))
                || (when.crampsPerWeekAtLeast() != null && when.crampsPerWeekAtLeast() < 0)) {
            throw at.error(where + "/when", "age-over is 0-120, sleep-disturbance-at-least 0-10 and"
                    + " cramps-per-week-at-least 0 or more");
        }
        if (rule.none() != null) {
            if (rule.says() != null || rule.sheet() != null || rule.consequences().anyMatch(l -> !l.isEmpty())) {
                throw at.error(where + "/none", "a rule with none changes nothing else");
            }
            if (rule.none().isBlank()) {
                throw at.error(where + "/none", "none needs the reason this finding changes nothing on the plan");
            }
            return;
        }
        if (rule.says() == null || rule.says().isBlank()) {
            throw at.error(where, "a rule needs says (the line the therapist reads), or none: <why>");
        }
        if (rule.sheet() == null && rule.consequences().allMatch(List::isEmpty)) {
            throw at.error(where, "a rule needs at least one of withhold, add, cautions, contacts, doctor, now or"
                    + " sheet, or none: <why>");
        }
        PlanText plan = plans.plan();
        nonNull(rule.withhold()).forEach(u -> CarePlanTemplates.requireKnown(at.at(where + "/withhold"), "use", u,
                uses.keySet()));
        nonNull(rule.add()).forEach(i -> CarePlanTemplates.requireKnown(at.at(where + "/add"), "extra item", i,
                extraItems()));
        nonNull(rule.cautions()).forEach(c -> CarePlanTemplates.requireKnown(at.at(where + "/cautions"), "caution", c,
                plan.keepSafe().cautions().keySet()));
        nonNull(rule.contacts()).forEach(c -> CarePlanTemplates.requireKnown(at.at(where + "/contacts"), "contact", c,
                plan.keepSafe().contactNames().keySet()));
        Map<String, DoctorLine> lines = plan.doctor().lines().stream()
                .collect(Collectors.toMap(DoctorLine::id, l -> l, (a, b) -> a, LinkedHashMap::new));
        nonNull(rule.doctor()).forEach(l -> CarePlanTemplates.requireKnown(at.at(where + "/doctor"), "doctor line", l,
                lines.keySet()));
        for (String line : nonNull(rule.now())) {
            CarePlanTemplates.requireKnown(at.at(where + "/now"), "doctor line", line, lines.keySet());
            if (lines.get(line).now() == null) {
                throw at.error(where + "/now", "doctor line '" + line + "' has no now wording (careplan/plan.yaml)");
            }
        }
        if (rule.sheet() != null) {
            if (!rule.sheet().equals(SEE_A_DOCTOR_TODAY)) {
                throw at.error(where + "/sheet", "sheet is '" + rule.sheet() + "'; the only sheet is "
                        + SEE_A_DOCTOR_TODAY);
            }
            boolean urgent = when.redFlag() != null && screening.redFlag(when.redFlag()).map(r -> r.urgent()).orElse(false);
            if (!urgent) {
                throw at.error(where + "/sheet", "the see-a-doctor sheet is for urgent red flags only");
            }
        }
    }

    /**
     * Every finding the screening raises at PRECAUTION or REFER has a rule, every urgent red flag a
     * see-a-doctor sheet, and a finding with a "none" rule has no other.
     */
    private void checkCoverage(TemplateLines at) {
        Map<String, List<Rule>> byFinding = new LinkedHashMap<>();
        rules.forEach(r -> {
            String key = r.when().findingKey();
            if (key != null) {
                byFinding.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            }
        });
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            String key = rule.when().findingKey();
            if (rule.none() != null && key != null && byFinding.get(key).size() > 1) {
                throw at.error("/rules/" + i, "'" + key + "' has a rule with none and another rule; keep one");
            }
        }
        for (ScreeningRules.Possible possible : screening.possibleFindings()) {
            String key = possible.kind() + ": " + possible.id();
            if (possible.level().compareTo(Level.PRECAUTION) <= 0 && !byFinding.containsKey(key)) {
                throw at.error("/rules", "no rule for " + key + ", a " + possible.level().name() + " in "
                        + possible.file() + "; add one, or one with none: <why it changes nothing on the plan>");
            }
        }
        for (String id : screening.redFlagIds()) {
            boolean urgent = screening.redFlag(id).orElseThrow().urgent();
            boolean sheet = byFinding.getOrDefault(Finding.RED_FLAG + ": " + id, List.of()).stream()
                    .anyMatch(r -> r.sheet() != null);
            if (urgent && !sheet) {
                throw at.error("/rules", "the urgent red flag '" + id + "' needs a rule with sheet: "
                        + SEE_A_DOCTOR_TODAY + " (no home care until a doctor has cleared it)");
            }
        }
    }

    /** Every item and technique uses only words this file declares. */
    private void checkUses(TemplateLines plan, TemplateLines selfMassage) {
        plans.itemLists().forEach((pointer, items) -> {
            for (int i = 0; i < items.size(); i++) {
                for (String use : items.get(i).usesOrNone()) {
                    CarePlanTemplates.requireKnown(plan.at(pointer + "/" + i + "/uses"), "use", use, uses.keySet());
                }
            }
        });
        plans.stretches().forEach((id, stretch) -> stretch.usesOrNone().forEach(use -> CarePlanTemplates.requireKnown(
                files.lines(CarePlanTemplates.STRETCHES + "/" + id + ".yaml").at("/uses"), "use", use, uses.keySet())));
        List<Technique> techniques = List.copyOf(plans.techniques().values());
        for (int i = 0; i < techniques.size(); i++) {
            for (String use : techniques.get(i).usesOrNone()) {
                CarePlanTemplates.requireKnown(selfMassage.at("/techniques/" + i + "/uses"), "use", use, uses.keySet());
            }
        }
    }

    private Set<String> extraItems() {
        Set<String> extra = new LinkedHashSet<>();
        plans.itemLists().values().forEach(items -> items.stream().filter(Item::isExtra).map(Item::id).forEach(extra::add));
        plans.techniques().values().stream().filter(Technique::isExtra).map(Technique::id).forEach(extra::add);
        return extra;
    }

    private Collection<String> ids(String kind) {
        return screening.possibleFindings().stream().filter(p -> p.kind().equals(kind)).map(ScreeningRules.Possible::id)
                .toList();
    }

    static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
