package app.soapstone.screening;

import app.soapstone.screening.MedicationCatalog.Match;
import app.soapstone.screening.ScreeningRules.Rules;
import app.soapstone.screening.ScreeningRules.SurgeryRule;
import app.soapstone.vocabulary.DoseWords;
import app.soapstone.vocabulary.Vocabulary;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Works out the red flags, precautions and notes that follow from an intake. */
@Service
public class Screening {

    private final ScreeningRules rules;
    private final Vocabulary vocabulary;
    private final DoseWords doseWords;

    public Screening(ScreeningRules rules, Vocabulary vocabulary, DoseWords doseWords) {
        this.rules = rules;
        this.vocabulary = vocabulary;
        this.doseWords = doseWords;
    }

    /** The flags for {@code input} as of {@code today}, REFER first, then PRECAUTION, then NOTE. */
    public List<Flag> screen(ScreeningInput input, LocalDate today) {
        List<Flag> flags = new ArrayList<>();
        redFlags(input, flags);
        conditions(input, flags);
        // Each medicine line is read once, for its classes and for whether it was recognised.
        List<MedicationCatalog.Reading> readings = input.medications().stream()
                .map(medicine -> rules.medications().read(medicine.readAs())).toList();
        medications(input, readings, flags);
        unrecognisedMedicines(input, readings, flags);
        unclearAbbreviations(input, flags);
        surgeries(input, flags);
        allergies(input, flags);
        staleness(input, today, flags);
        consent(input, flags);
        flags.sort(Comparator.comparing(Flag::level).thenComparing(f -> !f.urgent()));
        return List.copyOf(flags);
    }

    /**
     * Warnings for modalities or a pressure that conflict with a precaution on the intake, e.g.
     * deep tissue for a client on an anticoagulant.
     */
    public List<String> conflicts(ScreeningInput input, List<String> modalities, String pressure) {
        Set<String> classes = new LinkedHashSet<>();
        for (ScreeningInput.Medicine medicine : input.medications()) {
            rules.medications().matches(medicine.readAs()).forEach(m -> classes.add(m.medicationClass().id()));
        }
        List<String> warnings = new ArrayList<>();
        for (ScreeningRules.Conflict conflict : rules.conflicts()) {
            ScreeningRules.When when = conflict.when();
            boolean applies = input.conditions().contains(when.condition()) || classes.contains(when.medicationClass())
                    || input.redFlags().contains(when.redFlag());
            if (!applies) {
                continue;
            }
            List<String> used = new ArrayList<>();
            if (conflict.modalities() != null) {
                modalities.stream().filter(conflict.modalities()::contains).forEach(used::add);
            }
            if (pressure != null && conflict.pressures() != null && conflict.pressures().contains(pressure)) {
                used.add(pressure + " pressure");
            }
            if (!used.isEmpty()) {
                warnings.add(conflict.warning() + " [used: " + String.join(", ", used) + "]");
            }
        }
        return warnings;
    }

    private void redFlags(ScreeningInput input, List<Flag> flags) {
        for (String id : input.redFlags()) {
            rules.redFlag(id).ifPresent(red -> {
                String clearance = red.urgent() && input.clearance() != null
                        ? "medically cleared " + input.clearance().clearedOn() + ": " + input.clearance().note()
                        : null;
                flags.add(new Flag(Level.REFER, red.urgent(), red.title(), red.reason(), "red flags: " + red.label(),
                        clearance, Finding.of(Finding.RED_FLAG, id, red.label())));
            });
        }
    }

    private void conditions(ScreeningInput input, List<Flag> flags) {
        for (String id : input.conditions()) {
            rules.condition(id).filter(c -> c.flag() != null).ifPresent(condition -> flags.add(Flag.of(
                    Level.parse(condition.flag().level(), ScreeningRules.CONDITIONS, id), condition.flag().title(),
                    condition.flag().reason(), "conditions: " + condition.label(),
                    Finding.of(Finding.CONDITION, id, condition.label()))));
        }
    }

    /** How many medicine lines an intake has, and how many of them the catalogue recognises. */
    public record MedicineCount(int total, int recognised) {

        /** "5 medicines: 4 recognised, 1 not", "1 medicine: recognised", "No medicines recorded." */
        public String summary() {
            if (total == 0) {
                return "No medicines recorded.";
            }
            String medicines = total + (total == 1 ? " medicine: " : " medicines: ");
            if (recognised == total) {
                return medicines + (total == 1 ? "recognised." : "all " + total + " recognised.");
            }
            return medicines + recognised + " recognised, " + (total - recognised) + " not.";
        }
    }

    /** How many of the intake's medicines the catalogue recognises (a confirmed name counts). */
    public MedicineCount count(ScreeningInput input) {
        int recognised = (int) input.medications().stream()
                .filter(medicine -> rules.medications().read(medicine.readAs()).recognised()).count();
        return new MedicineCount(input.medications().size(), recognised);
    }

    /**
     * One flag per medication class, naming every medicine of that class the client takes and the
     * ingredient that brings the class in ("Vytorin 10/40 (contains simvastatin)"); its finding
     * names the ingredients ("spironolactone") and keeps the medicines as written.
     */
    private void medications(ScreeningInput input, List<MedicationCatalog.Reading> readings, List<Flag> flags) {
        record Taken(Set<String> named, Set<String> generics, Set<String> written) {
        }
        Map<MedicationCatalog.MedicationClass, Taken> byClass = new LinkedHashMap<>();
        for (int i = 0; i < readings.size(); i++) {
            ScreeningInput.Medicine medicine = input.medications().get(i);
            for (Match match : MedicationCatalog.matches(readings.get(i))) {
                Taken taken = byClass.computeIfAbsent(match.medicationClass(),
                        c -> new Taken(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>()));
                taken.named().add(named(medicine, match));
                taken.generics().add(match.generic());
                taken.written().add(medicine.shown());
            }
        }
        byClass.forEach((medicationClass, taken) -> flags.add(Flag.of(medicationClass.level(),
                medicationClass.label() + ": " + String.join(", ", taken.named()), medicationClass.reason(),
                "medications: " + String.join("; ", taken.named()),
                new Finding(Finding.MEDICATION_CLASS, medicationClass.id(), String.join(", ", taken.generics()),
                        List.copyOf(taken.written())))));
    }

    /**
     * A medicine as a flag names it: as written, with the ingredient that brings the class in when
     * the line does not say it, "contains" for a combination, and the name the therapist confirmed.
     */
    private static String named(ScreeningInput.Medicine medicine, Match match) {
        String written = medicine.written().strip();
        String ingredient = (match.combination() ? "contains " : "") + match.generic();
        if (medicine.confirmedAs() != null) {
            return written + " (confirmed as " + medicine.confirmedAs()
                    + (medicine.confirmedAs().equalsIgnoreCase(match.generic()) ? "" : ": " + ingredient) + ")";
        }
        boolean says = !match.combination() && written.toLowerCase(Locale.ROOT).contains(match.generic());
        return says ? written : written + " (" + ingredient + ")";
    }

    /**
     * A note for every medicine the catalogue does not know, so that a screening without flags is
     * never taken for a complete one; the names a letter or two away are offered, never assumed.
     */
    private void unrecognisedMedicines(ScreeningInput input, List<MedicationCatalog.Reading> readings,
            List<Flag> flags) {
        for (int i = 0; i < readings.size(); i++) {
            MedicationCatalog.Reading reading = readings.get(i);
            if (reading.recognised()) {
                continue;
            }
            String written = input.medications().get(i).written().strip();
            String closest = reading.closest().isEmpty() ? ""
                    : "; closest: " + reading.closest().stream().map(MedicationCatalog.Known::described)
                            .collect(Collectors.joining(" or "));
            ScreeningRules.TitledReason wording = rules.rules().medicineNotRecognised();
            flags.add(Flag.of(Level.NOTE, wording.title("medicine", written), wording.reason("closest", closest),
                    "medications: " + written,
                    new Finding(Finding.INTAKE, Finding.UNRECOGNISED_MEDICINE, written, List.of(written))));
        }
    }

    /** A note for each medicine written with an abbreviation that means two things (OD, QD, HS...). */
    private void unclearAbbreviations(ScreeningInput input, List<Flag> flags) {
        for (ScreeningInput.Medicine medicine : input.medications()) {
            String item = medicine.written();
            List<DoseWords.Unclear> unclear = doseWords.unclear(item);
            if (unclear.isEmpty()) {
                continue;
            }
            String meanings = unclear.stream().map(u -> "'" + u.written() + "' can mean " + u.meanings())
                    .collect(Collectors.joining("; "));
            ScreeningRules.TitledReason wording = rules.rules().unclearAbbreviation();
            flags.add(Flag.of(Level.NOTE, wording.title("medicine", item.strip()), wording.reason("meanings", meanings),
                    "medications: " + item.strip(),
                    new Finding(Finding.INTAKE, Finding.UNCLEAR_ABBREVIATION, item.strip(), List.of(item.strip()))));
        }
    }

    private void surgeries(ScreeningInput input, List<Flag> flags) {
        Rules r = rules.rules();
        for (ScreeningInput.Surgery surgery : input.surgeries()) {
            LocalDate recentSince = input.intakeDate().minusWeeks(r.recentSurgeryWeeks());
            if (surgery.latestDate() != null && !surgery.latestDate().isBefore(recentSince)) {
                flags.add(Flag.of(Level.PRECAUTION, r.recentSurgery().title() + ": " + surgery.description(),
                        r.recentSurgery().reason("weeks", String.valueOf(r.recentSurgeryWeeks())),
                        "surgeries: " + surgery.description(),
                        Finding.of(Finding.SURGERY, Finding.RECENT_SURGERY, surgery.description())));
            }
            String text = surgery.description().toLowerCase(Locale.ROOT);
            for (SurgeryRule rule : r.surgeries()) {
                if (rule.words().stream().anyMatch(w -> containsWords(text, w))) {
                    flags.add(Flag.of(Level.parse(rule.level(), ScreeningRules.RULES, rule.title()),
                            rule.title() + ": " + surgery.description(), rule.reason(),
                            "surgeries: " + surgery.description(),
                            Finding.of(Finding.SURGERY, rule.id(), surgery.description())));
                }
            }
        }
    }

    private void allergies(ScreeningInput input, List<Flag> flags) {
        if (input.allergies() != null && !input.allergies().isBlank()) {
            ScreeningRules.TitledReason wording = rules.rules().allergies();
            flags.add(Flag.of(Level.PRECAUTION, wording.title("allergies", input.allergies().strip()), wording.reason(),
                    "allergies",
                    Finding.of(Finding.INTAKE, Finding.ALLERGIES, input.allergies().strip())));
        }
    }

    private void staleness(ScreeningInput input, LocalDate today, List<Flag> flags) {
        Rules r = rules.rules();
        Period intakeAge = Period.between(input.intakeDate(), today);
        if (intakeAge.toTotalMonths() >= r.intakeReviewMonths()) {
            flags.add(Flag.of(Level.NOTE, r.reviewDue().title("age", months(intakeAge)),
                    r.reviewDue().reason("months", String.valueOf(r.intakeReviewMonths())),
                    "intake date: " + input.intakeDate(),
                    Finding.of(Finding.INTAKE, Finding.REVIEW_DUE, "intake of " + input.intakeDate())));
        }
        Period consentAge = Period.between(input.consentDate(), today);
        if (consentAge.toTotalMonths() >= r.consentValidMonths()) {
            flags.add(Flag.of(Level.PRECAUTION, r.consentExpired().title("age", months(consentAge)),
                    r.consentExpired().reason("months", String.valueOf(r.consentValidMonths())),
                    "consent date: " + input.consentDate(),
                    Finding.of(Finding.INTAKE, Finding.CONSENT_EXPIRED, "consent of " + input.consentDate())));
        }
    }

    private void consent(ScreeningInput input, List<Flag> flags) {
        List<String> missing = new ArrayList<>(vocabulary.consentElementIds());
        missing.removeAll(input.consentExplained());
        if (!missing.isEmpty()) {
            flags.add(Flag.of(Level.NOTE, rules.rules().incompleteConsent().title() + " (missing: "
                    + String.join(", ", missing) + ")", rules.rules().incompleteConsent().reason(), "consent explained",
                    Finding.of(Finding.INTAKE, Finding.CONSENT_INCOMPLETE, "consent")));
        }
    }

    private static boolean containsWords(String text, String words) {
        return Pattern.compile("\\b" + Pattern.quote(words.toLowerCase(Locale.ROOT)) + "\\b").matcher(text).find();
    }

    private static String months(Period age) {
        long months = age.toTotalMonths();
        return months >= 24 ? (months / 12) + " years" : months + " months";
    }
}
