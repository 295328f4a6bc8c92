package app.soapstone.careplan;

import app.soapstone.careplan.CarePlan.Alert;
import app.soapstone.careplan.CarePlan.Doctor;
import app.soapstone.careplan.CarePlan.Foods;
import app.soapstone.careplan.CarePlan.Hydration;
import app.soapstone.careplan.CarePlan.Log;
import app.soapstone.careplan.CarePlan.Next;
import app.soapstone.careplan.CarePlan.Progress;
import app.soapstone.careplan.CarePlan.Section;
import app.soapstone.careplan.CarePlanTemplates.PlanText;
import app.soapstone.careplan.CarePlanTemplates.Stretch;
import app.soapstone.careplan.CarePlanTemplates.StretchChoice;
import app.soapstone.careplan.CarePlanTemplates.Technique;
import app.soapstone.screening.ScreeningRules;
import app.soapstone.screening.ScreeningRules.RedFlag;
import app.soapstone.validation.Fields;
import app.soapstone.validation.InvalidInputException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Composes a client's care plan from their records and the clinic's templates: which stretches
 * for which cramp sites (seated versions for older or unsteady clients), the hydration target or
 * the doctor's-advice line that replaces it, referrals at the top, and the rest of the wording.
 */
@Component
public class CarePlanComposer {

    static final java.time.format.DateTimeFormatter LONG_DATE = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
            java.util.Locale.ENGLISH);

    private final CarePlanTemplates templates;
    private final ScreeningRules rules;

    public CarePlanComposer(CarePlanTemplates templates, ScreeningRules rules) {
        this.templates = templates;
        this.rules = rules;
    }

    public CarePlan compose(PlanInputs in, PlanOptions options) {
        PlanText text = templates.plan();
        boolean restricted = in.conditions().stream().anyMatch(text.hydration().restrictedConditions()::contains);
        List<String> columns = new ArrayList<>(text.log().columns());
        if (restricted && text.log().restrictedWaterColumn() != null) {
            columns.set(2, text.log().restrictedWaterColumn());
        }
        return new CarePlan(text.title(), in.today(), in.letterhead(), in.clientName(), alerts(in), text.intro(),
                hydration(in, options, restricted),
                new Section<>(text.stretches().heading(), text.stretches().intro(), stretches(in, options)),
                new Section<>(text.selfMassage().heading(), text.selfMassage().intro(), techniques(in)),
                new Section<>(text.duringACramp().heading(), null, text.duringACramp().steps()),
                new Foods(text.foods().heading(), text.foods().potassium(), text.foods().calcium(), text.foods().caution()),
                doctor(in),
                in.progress().size() >= 2 ? new Progress(text.progress().heading(), text.progress().axis(), in.progress()) : null,
                new Log(text.log().heading(), in.today(), text.log().nights(), columns),
                new Next(text.next().heading(), options.next(), text.next().noteHeading(), blankToNull(in.therapistNote())));
    }

    /** Every referral on the intake, for the top of the first page; a cleared urgent one says so. */
    private List<Alert> alerts(PlanInputs in) {
        var doctor = templates.plan().doctor();
        List<Alert> alerts = new ArrayList<>();
        for (String id : in.redFlags()) {
            RedFlag flag = rules.redFlag(id).orElse(null);
            if (flag == null) {
                continue;
            }
            if (flag.urgent() && in.clearedOn() == null) {
                alerts.add(new Alert(true, doctor.urgentTop(), flag.plain()));
            } else if (flag.urgent()) {
                alerts.add(new Alert(false, doctor.cleared().replace("{date}", LONG_DATE.format(in.clearedOn())),
                        flag.plain()));
            } else {
                alerts.add(new Alert(false, doctor.routineTop(), flag.plain()));
            }
        }
        return alerts;
    }

    private Hydration hydration(PlanInputs in, PlanOptions options, boolean restricted) {
        var text = templates.plan().hydration();
        String target;
        if (restricted) {
            target = text.restricted();
        } else if (options.waterLitres() != null) {
            double litres = options.waterLitres();
            long glasses = Math.round(litres * 1000 / glassMl());
            target = Fields.number(litres) + " litres (about " + glasses + " glasses) of fluids a day";
        } else {
            target = text.targetGlasses() + " glasses (about " + text.targetLitres() + " litres) of fluids a day";
        }
        String current = null;
        if (in.glassesPerDay() != null) {
            current = "You told us you drink about " + Fields.number(in.glassesPerDay()) + " glasses a day.";
        } else if (in.litresPerDay() != null) {
            current = "You told us you drink about " + Fields.number(in.litresPerDay()) + " litres a day.";
        }
        return new Hydration(text.heading(), target, restricted, current, text.tips());
    }

    private int glassMl() {
        Integer ml = templates.plan().hydration().glassMl();
        return ml == null || ml <= 0 ? 250 : ml;
    }

    /** The therapist's list if given; otherwise by cramp site, seated versions where standing is unsafe. */
    List<Stretch> stretches(PlanInputs in, PlanOptions options) {
        var library = templates.stretches();
        StretchChoice choice = templates.plan().stretches();
        int max = choice.max() == null ? 4 : choice.max();
        if (options.stretches() != null && !options.stretches().isEmpty()) {
            Set<String> ids = new LinkedHashSet<>(options.stretches());
            // The plan has room for this many (it must stay on two pages).
            if (ids.size() > max) {
                throw InvalidInputException.forField("stretches", "give at most " + max + " stretches, not " + ids.size());
            }
            List<Stretch> chosen = new ArrayList<>();
            for (String id : ids) {
                Stretch stretch = library.get(id);
                if (stretch == null) {
                    throw InvalidInputException.forField("stretches", "'" + id + "' is not a stretch; use "
                            + String.join(", ", library.keySet()));
                }
                chosen.add(stretch);
            }
            return chosen;
        }
        Set<String> ids = new LinkedHashSet<>();
        in.regions().forEach(region -> ids.addAll(choice.byRegion().getOrDefault(region, List.of())));
        if (ids.isEmpty()) {
            ids.addAll(choice.defaults());
        }
        boolean seated = (in.age() != null && choice.seatedOverAge() != null && in.age() > choice.seatedOverAge())
                || (choice.seatedConditions() != null && in.conditions().stream().anyMatch(choice.seatedConditions()::contains));
        Set<String> result = new LinkedHashSet<>();
        for (String id : ids) {
            result.add(seated ? choice.seatedAlternatives().getOrDefault(id, id) : id);
        }
        return result.stream().limit(max).map(library::get).toList();
    }

    /** Techniques for the cramp sites; for no sites, or sites no technique covers, the calf (as the default stretches). */
    private List<Technique> techniques(PlanInputs in) {
        Integer max = templates.plan().selfMassage().max();
        List<Technique> forSites = techniquesFor(in.regions());
        return (forSites.isEmpty() ? techniquesFor(List.of("calf")) : forSites).stream()
                .limit(max == null ? 3 : max).toList();
    }

    private List<Technique> techniquesFor(List<String> regions) {
        return templates.techniques().stream().filter(t -> t.regions().stream().anyMatch(regions::contains)).toList();
    }

    private Doctor doctor(PlanInputs in) {
        var text = templates.plan().doctor();
        List<String> redFlags = rules.redFlagIds().stream().map(id -> rules.redFlag(id).orElseThrow().plain()).toList();
        List<String> personal = new ArrayList<>();
        if (!in.askPrescriber().isEmpty()) {
            personal.add(text.prescriber().replace("{medicines}", String.join(", ", in.askPrescriber())));
        }
        return new Doctor(text.heading(), text.intro(), redFlags, personal);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
