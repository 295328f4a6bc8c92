package app.soapstone.careplan;

import app.soapstone.careplan.CarePlan.Letterhead;
import app.soapstone.careplan.CarePlan.Point;
import app.soapstone.screening.Flag;
import app.soapstone.screening.Screening;
import app.soapstone.screening.ScreeningInput;
import app.soapstone.screening.ScreeningRules;
import app.soapstone.template.TemplateFiles;
import app.soapstone.vocabulary.DoseWords;
import app.soapstone.vocabulary.Vocabulary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A client described the way an intake records them, screened by the real {@link Screening} on
 * the bundled templates, and turned into {@link PlanInputs}: so composer and PDF tests see the
 * flags a real intake would give, not hand-made ones.
 */
final class Profile {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final TemplateFiles FILES = new TemplateFiles("");
    static final Vocabulary VOCABULARY = new Vocabulary(FILES);
    static final ScreeningRules RULES = new ScreeningRules(FILES, VOCABULARY);
    static final DoseWords DOSE_WORDS = new DoseWords(FILES);
    static final CarePlanTemplates TEMPLATES = new CarePlanTemplates(FILES, VOCABULARY, RULES);
    static final PlanRules PLAN_RULES = new PlanRules(FILES, RULES, TEMPLATES);
    static final Screening SCREENING = new Screening(RULES, VOCABULARY, DOSE_WORDS);

    private String name = "Zoë Łukasiewicz";
    private Letterhead letterhead = new Letterhead("Harbour Myotherapy", "12 Quay St, Sydney NSW 2000",
            "02 9555 0100", "hello@harbourmyo.example", null, "Alex Chen, Myotherapist");
    private Integer age = 52;
    private boolean intake = true;
    private List<String> regions = List.of("calf");
    private List<String> conditions = List.of();
    private String otherConditions;
    private String timing = "night";
    private String triggers;
    private List<String> redFlags = List.of();
    private List<String> medications = List.of();
    private List<ScreeningInput.Surgery> surgeries = List.of();
    private String allergies;
    private LocalDate clearedOn;
    private PlanInputs.Measure sleep;
    private PlanInputs.Measure crampsPerWeek;
    private Integer massageMinutes;
    private Double glasses = 4.0;
    private List<Point> progress = List.of();
    private String note;

    static Profile client() {
        return new Profile();
    }

    static CarePlanComposer composer() {
        return new CarePlanComposer(TEMPLATES, PLAN_RULES, RULES, DOSE_WORDS);
    }

    Profile name(String name) {
        this.name = name;
        return this;
    }

    Profile letterhead(Letterhead letterhead) {
        this.letterhead = letterhead;
        return this;
    }

    Profile age(Integer age) {
        this.age = age;
        return this;
    }

    Profile noIntake() {
        this.intake = false;
        this.regions = List.of();
        this.timing = null;
        return this;
    }

    Profile regions(String... regions) {
        this.regions = List.of(regions);
        return this;
    }

    Profile conditions(String... conditions) {
        this.conditions = List.of(conditions);
        return this;
    }

    Profile otherConditions(String text) {
        this.otherConditions = text;
        return this;
    }

    Profile timing(String timing) {
        this.timing = timing;
        return this;
    }

    Profile triggers(String triggers) {
        this.triggers = triggers;
        return this;
    }

    Profile redFlags(String... ids) {
        this.redFlags = List.of(ids);
        return this;
    }

    Profile medications(String... items) {
        this.medications = List.of(items);
        return this;
    }

    /** A surgery performed {@code weeksAgo} weeks before today. */
    Profile surgery(String description, int weeksAgo) {
        List<ScreeningInput.Surgery> all = new ArrayList<>(surgeries);
        all.add(new ScreeningInput.Surgery(description, TODAY.minusWeeks(weeksAgo)));
        this.surgeries = all;
        return this;
    }

    Profile allergies(String allergies) {
        this.allergies = allergies;
        return this;
    }

    Profile clearedOn(LocalDate date) {
        this.clearedOn = date;
        return this;
    }

    Profile sleep(double value, String source) {
        this.sleep = new PlanInputs.Measure(value, source);
        return this;
    }

    Profile crampsPerWeek(double value, String source) {
        this.crampsPerWeek = new PlanInputs.Measure(value, source);
        return this;
    }

    Profile massageMinutes(Integer minutes) {
        this.massageMinutes = minutes;
        return this;
    }

    Profile glasses(Double glasses) {
        this.glasses = glasses;
        return this;
    }

    Profile progress(double... perWeek) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < perWeek.length; i++) {
            points.add(new Point(TODAY.minusWeeks(perWeek.length - 1 - i), perWeek[i]));
        }
        this.progress = points;
        return this;
    }

    Profile progress(List<Point> points) {
        this.progress = points;
        return this;
    }

    Profile note(String note) {
        this.note = note;
        return this;
    }

    /** The screening flags this client's intake gives. */
    List<Flag> flags() {
        if (!intake) {
            return List.of();
        }
        LocalDate taken = TODAY.minusDays(2);
        ScreeningInput.Clearance clearance = clearedOn == null ? null
                : new ScreeningInput.Clearance(clearedOn, "GP: DVT excluded by ultrasound");
        return SCREENING.screen(new ScreeningInput(taken, conditions, redFlags,
                medications.stream().map(ScreeningInput.Medicine::written).toList(), surgeries, allergies, taken,
                Arrays.asList("nature", "benefits", "risks", "alternatives", "consequences", "right-to-stop"),
                clearance), TODAY);
    }

    PlanInputs inputs() {
        return new PlanInputs(TODAY, name, age, letterhead, intake ? 2 : null, intake ? TODAY.minusDays(2) : null,
                regions, conditions, otherConditions, timing, triggers, flags(), clearedOn, medications, allergies,
                sleep, crampsPerWeek, massageMinutes, glasses, null, progress, note);
    }

    Handout compose() {
        return compose(PlanOptions.none());
    }

    Handout compose(PlanOptions options) {
        return composer().compose(inputs(), options);
    }

    /** The composed care plan; fails if the profile gives the see-a-doctor sheet instead. */
    CarePlan plan() {
        return plan(PlanOptions.none());
    }

    CarePlan plan(PlanOptions options) {
        Handout handout = compose(options);
        if (!(handout instanceof CarePlan plan)) {
            throw new AssertionError("expected a care plan, got " + handout.getClass().getSimpleName());
        }
        return plan;
    }

    DoctorSheet sheet() {
        Handout handout = compose();
        if (!(handout instanceof DoctorSheet sheet)) {
            throw new AssertionError("expected the see-a-doctor sheet, got " + handout.getClass().getSimpleName());
        }
        return sheet;
    }
}
