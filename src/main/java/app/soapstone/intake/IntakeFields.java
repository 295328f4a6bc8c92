package app.soapstone.intake;

import app.soapstone.screening.ScreeningRules;
import app.soapstone.validation.Fields;
import app.soapstone.validation.InvalidInputException;
import app.soapstone.vocabulary.IdList;
import app.soapstone.vocabulary.Vocabulary;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * How each field of an intake form is read from its text, for a client born on {@code born}
 * (null: not known) on {@code today}: one field alone, as the interactive form checks an answer
 * when it is given, or the whole form into {@link IntakeAnswers}. A refusal names the option.
 */
final class IntakeFields {

    private static final int MAX_DURATION_MINUTES = 24 * 60;

    private final Vocabulary vocabulary;
    private final ScreeningRules rules;
    private final LocalDate today;
    private final LocalDate born;

    IntakeFields(Vocabulary vocabulary, ScreeningRules rules, LocalDate today, LocalDate born) {
        this.vocabulary = vocabulary;
        this.rules = rules;
        this.today = today;
        this.born = born;
    }

    /** Reads {@code text} as the field {@code option} takes it, refusing it as the whole form would. */
    void check(String option, String text) {
        reader(option).apply(text);
    }

    /** The whole form, read; a required field that is empty is refused as missing. */
    IntakeAnswers answers(IntakeForm form, Long practitioner) {
        return new IntakeAnswers(
                required(form, IntakeForm.DATE, this::date),
                IntakeAnswers.practitioner(practitioner),
                IntakeAnswers.crampHistory(vocabulary, required(form, "cramp-frequency", this::frequency),
                        form.value("cramp-frequency-unit"), form.value("cramp-timing"),
                        required(form, "cramp-severity", text -> score("cramp-severity", text)),
                        optional(form, "cramp-duration", this::duration),
                        optional(form, "sleep-disturbance", text -> score("sleep-disturbance", text)),
                        form.value("triggers"), form.value("cramps-since")),
                required(form, "cramp-sites", this::sites),
                list(form, "conditions", text -> IdList.parse("conditions", text, rules.conditionIds())),
                IntakeAnswers.text("other-conditions", form.value("other-conditions"), Fields.TEXT_MAX),
                list(form, "red-flags", text -> IdList.parse("red-flags", text, rules.redFlagIds())),
                list(form, "medications", text -> MedicationList.parse("medications", text)),
                list(form, "surgeries", text -> SurgeryList.parse("surgeries", text, today, born)),
                IntakeAnswers.lifestyle(optional(form, IntakeForm.WATER_GLASSES, this::glasses),
                        optional(form, IntakeForm.WATER_LITRES, this::litres), form.value("caffeine"),
                        form.value("alcohol"), form.value("activity"), form.value("occupation")),
                IntakeAnswers.text("allergies", form.value("allergies"), Fields.TEXT_MAX),
                new Intake.Consent(required(form, "consent-date", text -> Fields.recordDate("consent-date", text, today, born)),
                        required(form, "consent-by", text -> Fields.requiredLine("consent-by", text, Fields.NAME_MAX))),
                IntakeAnswers.consentExplained(form.value("consent-explained"), vocabulary.consentElementIds()));
    }

    /** The reader of one field: what {@link #answers} reads it with. */
    private Function<String, ?> reader(String option) {
        return switch (option) {
            case IntakeForm.DATE -> this::date;
            case "cramp-frequency" -> this::frequency;
            case "cramp-frequency-unit" -> text -> IntakeAnswers.frequencyUnit(vocabulary, text);
            case "cramp-sites" -> this::sites;
            case "cramp-severity", "sleep-disturbance" -> text -> score(option, text);
            case "cramp-duration" -> this::duration;
            case "cramp-timing" -> text -> IntakeAnswers.timing(vocabulary, text);
            case "triggers", "other-conditions", "activity", "allergies" -> text -> Fields.text(option, text, Fields.TEXT_MAX);
            case "cramps-since", "caffeine", "alcohol", "occupation" -> text -> Fields.line(option, text, Fields.NAME_MAX);
            case "medications" -> text -> MedicationList.parse(option, text);
            case "surgeries" -> text -> SurgeryList.parse(option, text, today, born);
            case "conditions" -> text -> IdList.parse(option, text, rules.conditionIds());
            case "red-flags" -> text -> IdList.parse(option, text, rules.redFlagIds());
            case IntakeForm.WATER_GLASSES -> this::glasses;
            case IntakeForm.WATER_LITRES -> this::litres;
            case "consent-date" -> text -> Fields.recordDate(option, text, today, born);
            case "consent-by" -> text -> Fields.requiredLine(option, text, Fields.NAME_MAX);
            case "consent-explained" -> text -> IntakeAnswers.consentExplained(text, vocabulary.consentElementIds());
            default -> throw new IllegalArgumentException("not an intake field: " + option);
        };
    }

    private LocalDate date(String text) {
        return Fields.recordDate(IntakeForm.DATE, text, today, born);
    }

    private double frequency(String text) {
        return Fields.decimal("cramp-frequency", text, 0, IntakeService.MAX_PER_WEEK);
    }

    private List<String> sites(String text) {
        return IdList.parseRequired("cramp-sites", text, vocabulary.siteIds());
    }

    private static int score(String option, String text) {
        return Fields.wholeNumber(option, text, 0, 10);
    }

    private double duration(String text) {
        return Fields.decimal("cramp-duration", text, 0, MAX_DURATION_MINUTES);
    }

    private double glasses(String text) {
        return Fields.decimal(IntakeForm.WATER_GLASSES, text, 0, 40);
    }

    private double litres(String text) {
        return Fields.decimal(IntakeForm.WATER_LITRES, text, 0, 10);
    }

    private static <T> T required(IntakeForm form, String option, Function<String, T> read) {
        String text = form.value(option);
        if (text == null) {
            throw InvalidInputException.forField(option, "is required");
        }
        return read.apply(text);
    }

    private static <T> T optional(IntakeForm form, String option, Function<String, T> read) {
        String text = form.value(option);
        return text == null ? null : read.apply(text);
    }

    private static <T> List<T> list(IntakeForm form, String option, Function<String, List<T>> read) {
        String text = form.value(option);
        return text == null ? List.of() : read.apply(text);
    }
}
