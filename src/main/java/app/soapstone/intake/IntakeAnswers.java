package app.soapstone.intake;

import app.soapstone.intake.Intake.Consent;
import app.soapstone.intake.Intake.CrampHistory;
import app.soapstone.intake.Intake.IntakeMedication;
import app.soapstone.intake.Intake.IntakeSurgery;
import app.soapstone.intake.Intake.Lifestyle;
import app.soapstone.validation.Fields;
import app.soapstone.validation.InvalidInputException;
import app.soapstone.vocabulary.FrequencyUnit;
import app.soapstone.vocabulary.IdList;
import app.soapstone.vocabulary.Vocabulary;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The answers to {@code intake new}, each read once from the text of its field of the form
 * ({@link IntakeFields}), in the command layer, and checked there: a refusal names the option
 * ({@code --cramp-severity: ...}). Recording them parses nothing again. The static methods read one option, or a group of them, the way the intake takes it.
 *
 * @param takenOn        the day the intake was taken
 * @param practitionerId who took it, or null for the clinic's default practitioner
 */
public record IntakeAnswers(LocalDate takenOn, Long practitionerId, CrampHistory cramps, List<String> siteIds,
        List<String> conditionIds, String otherConditions, List<String> redFlagIds, List<IntakeMedication> medications,
        List<IntakeSurgery> surgeries, Lifestyle lifestyle, String allergies, Consent consent,
        List<String> consentExplained) {

    public IntakeAnswers {
        Objects.requireNonNull(takenOn, "takenOn");
        Objects.requireNonNull(cramps, "cramps");
        Objects.requireNonNull(consent, "consent");
        siteIds = List.copyOf(siteIds);
        conditionIds = List.copyOf(conditionIds);
        redFlagIds = List.copyOf(redFlagIds);
        medications = List.copyOf(medications);
        surgeries = List.copyOf(surgeries);
        consentExplained = List.copyOf(consentExplained);
    }

    /** Given with a non-blank value, as an option typed as text must be to count. */
    static boolean given(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * The cramp history: {@code frequency} episodes per {@code unit} (one of the vocabulary's units,
     * a week if not given), stored as a weekly figure beside what was given.
     */
    static CrampHistory crampHistory(Vocabulary vocabulary, double frequency, String unit, String timing, int severity,
            Double duration, Integer sleepDisturbance, String triggers, String since) {
        String per = given(unit) ? unit.strip().toLowerCase(Locale.ROOT) : vocabulary.weekly().id();
        double perWeek = frequencyUnit(vocabulary, per).perWeek(frequency);
        if (perWeek > IntakeService.MAX_PER_WEEK) {
            throw InvalidInputException.forField("cramp-frequency", "is more than " + (int) IntakeService.MAX_PER_WEEK + " a week");
        }
        return new CrampHistory(Math.round(perWeek * 100) / 100.0, Fields.number(frequency) + " per " + per, severity,
                duration == null ? null : Fields.decimal("cramp-duration", duration, 0, 24 * 60),
                given(timing) ? timing(vocabulary, timing) : null,
                sleepDisturbance == null ? null : Fields.range("sleep-disturbance", sleepDisturbance, 0, 10),
                text("triggers", triggers, Fields.TEXT_MAX), line("cramps-since", since, Fields.NAME_MAX));
    }

    /** One of the vocabulary's cramp frequency units, by its id. */
    static FrequencyUnit frequencyUnit(Vocabulary vocabulary, String unit) {
        String per = unit.strip().toLowerCase(Locale.ROOT);
        return vocabulary.frequencyUnit(per).orElseThrow(() -> InvalidInputException.forField(
                "cramp-frequency-unit", "'" + per + "' is not allowed; use "
                        + oneOf(vocabulary.frequencyUnits().stream().map(FrequencyUnit::id).toList())));
    }

    /** One of the vocabulary's cramp timings. */
    static String timing(Vocabulary vocabulary, String timing) {
        String when = timing.strip().toLowerCase(Locale.ROOT);
        if (!vocabulary.crampTimings().contains(when)) {
            throw InvalidInputException.forField("cramp-timing", "'" + timing + "' is not allowed; use "
                    + oneOf(vocabulary.crampTimings()));
        }
        return when;
    }

    /** Water (in glasses or in litres: the form holds one of them), caffeine, alcohol, activity and work. */
    static Lifestyle lifestyle(Double waterGlasses, Double waterLitres, String caffeine, String alcohol, String activity,
            String occupation) {
        return new Lifestyle(
                waterGlasses == null ? null : Fields.decimal("water-glasses", waterGlasses, 0, 40),
                waterLitres == null ? null : Fields.decimal("water-litres", waterLitres, 0, 10),
                line("caffeine", caffeine, Fields.NAME_MAX), line("alcohol", alcohol, Fields.NAME_MAX),
                text("activity", activity, Fields.TEXT_MAX), line("occupation", occupation, Fields.NAME_MAX));
    }

    /** The consent elements explained: "all", or some of {@code elements}; none if not given. */
    static List<String> consentExplained(String explained, Collection<String> elements) {
        if (!given(explained)) {
            return List.of();
        }
        return explained.strip().equalsIgnoreCase("all") ? List.copyOf(elements)
                : IdList.parse("consent-explained", explained, elements);
    }

    /** "night, week or month". */
    private static String oneOf(List<String> ids) {
        return ids.size() == 1 ? ids.getFirst()
                : String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.getLast();
    }

    /** Practitioner ids start at 1; whether there is one with this id is the service's to say. */
    static Long practitioner(Long id) {
        return id == null ? null : Fields.range("practitioner", id, 1, Long.MAX_VALUE);
    }

    /** A field of several lines, or null if not given. */
    static String text(String option, String value, int max) {
        return given(value) ? Fields.text(option, value.strip(), max) : null;
    }

    /** A field of one line, or null if not given. */
    static String line(String option, String value, int max) {
        return given(value) ? Fields.line(option, value.strip(), max) : null;
    }
}
