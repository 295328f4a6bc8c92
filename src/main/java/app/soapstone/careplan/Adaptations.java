package app.soapstone.careplan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the care-plan rules changed for one client: what plan items may not use, the items,
 * cautions, contacts and doctor lines added (with the facts that added each doctor line), the
 * urgent referrals that replace the plan with the see-a-doctor sheet, and a line for the therapist
 * per change ("No heat or cold: Peripheral neuropathy (intake v2)").
 */
record Adaptations(Set<String> withheld, Set<String> added, Set<String> cautions, Set<String> contacts,
        Map<String, List<Fact>> doctor, Map<String, List<Fact>> now, List<Fact> sheet, List<String> lines) {

    boolean seeADoctor() {
        return !sheet.isEmpty();
    }

    /** Collects the rules' changes in rule order; lines with the same wording are merged. */
    static final class Builder {

        private final Set<String> withheld = new LinkedHashSet<>();
        private final Set<String> added = new LinkedHashSet<>();
        private final Set<String> cautions = new LinkedHashSet<>();
        private final Set<String> contacts = new LinkedHashSet<>();
        private final Map<String, List<Fact>> doctor = new LinkedHashMap<>();
        private final Map<String, List<Fact>> now = new LinkedHashMap<>();
        private final List<Fact> sheet = new ArrayList<>();
        private final Map<String, Map<String, Set<String>>> says = new LinkedHashMap<>();
        private final Map<String, Map<String, Set<String>>> sheetSays = new LinkedHashMap<>();

        void apply(PlanRules.Rule rule, List<Fact> facts) {
            withheld.addAll(PlanRules.nonNull(rule.withhold()));
            added.addAll(PlanRules.nonNull(rule.add()));
            cautions.addAll(PlanRules.nonNull(rule.cautions()));
            contacts.addAll(PlanRules.nonNull(rule.contacts()));
            PlanRules.nonNull(rule.doctor()).forEach(line -> addAll(doctor, line, facts));
            PlanRules.nonNull(rule.now()).forEach(line -> addAll(now, line, facts));
            record(says, rule.says(), facts);
        }

        void sheet(String says, List<Fact> facts) {
            facts.stream().filter(f -> !sheet.contains(f)).forEach(sheet::add);
            record(sheetSays, says, facts);
        }

        Adaptations build() {
            // With the sheet, the plan's own changes are not printed, so they are not reported either.
            List<String> lines = lines(sheet.isEmpty() ? says : sheetSays);
            return new Adaptations(Set.copyOf(withheld), Set.copyOf(added), new LinkedHashSet<>(cautions),
                    new LinkedHashSet<>(contacts), doctor, now, List.copyOf(sheet), lines);
        }

        private static void addAll(Map<String, List<Fact>> lines, String line, List<Fact> facts) {
            List<Fact> causes = lines.computeIfAbsent(line, l -> new ArrayList<>());
            facts.stream().filter(f -> !causes.contains(f)).forEach(causes::add);
        }

        private static void record(Map<String, Map<String, Set<String>>> says, String line, List<Fact> facts) {
            Map<String, Set<String>> bySource = says.computeIfAbsent(line, l -> new LinkedHashMap<>());
            facts.forEach(f -> bySource.computeIfAbsent(f.source(), s -> new LinkedHashSet<>()).add(f.subject()));
        }

        /** "No heat or cold: Diabetes, Peripheral neuropathy (intake v2)". */
        private static List<String> lines(Map<String, Map<String, Set<String>>> says) {
            List<String> lines = new ArrayList<>();
            says.forEach((line, bySource) -> lines.add(line + ": " + bySource.entrySet().stream()
                    .map(e -> String.join(", ", e.getValue()) + " (" + e.getKey() + ")")
                    .collect(Collectors.joining("; "))));
            return List.copyOf(lines);
        }
    }
}
