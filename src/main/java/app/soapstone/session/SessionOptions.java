package app.soapstone.session;

import app.soapstone.billing.BillingCodes;
import app.soapstone.billing.DiagnosisCode;
import app.soapstone.billing.ProcedureMinutes;
import app.soapstone.intake.IntakeService;
import app.soapstone.screening.ScreeningRules;
import app.soapstone.validation.Fields;
import app.soapstone.validation.InvalidInputException;
import app.soapstone.vocabulary.IdList;
import app.soapstone.vocabulary.Vocabulary;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads the options of {@code session new} and {@code session edit} into a {@link SessionDraft},
 * checking each value as it is read; a bad one is reported naming its option
 * ({@code --duration: 0 is out of range (use 1-600)}) before anything is looked up or stored.
 * What depends on the client or the day - a date not in the future nor before the client's birth,
 * a start time for a past date - is {@link SessionService}'s to check. An option not given
 * (null) keeps the field; one given empty clears it.
 */
@Component
class SessionOptions {

    static final int MAX_DURATION = 600;
    static final int MAX_HOME_MASSAGE_MINUTES = 60;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

    private final Vocabulary vocabulary;
    private final SoapTemplates templates;
    private final ScreeningRules screening;
    private final BillingCodes billing;
    private final Clock clock;

    SessionOptions(Vocabulary vocabulary, SoapTemplates templates, ScreeningRules screening, BillingCodes billing,
            Clock clock) {
        this.billing = billing;
        this.vocabulary = vocabulary;
        this.templates = templates;
        this.screening = screening;
        this.clock = clock;
    }

    /** A reader for one command's options; a bad value is reported as soon as it is read. */
    Reader read() {
        return new Reader();
    }

    /** The options of one command, read one at a time, then {@link #draft()}. */
    final class Reader {

        private Change<LocalDate> date = Change.keep();
        private Change<LocalTime> time = Change.keep();
        private Change<Integer> durationMinutes = Change.keep();
        private Change<List<String>> modalities = Change.keep();
        private Change<List<String>> areas = Change.keep();
        private Change<String> pressure = Change.keep();
        private Change<String> products = Change.keep();
        private Change<Integer> homeMassageMinutes = Change.keep();
        private Change<Integer> painBefore = Change.keep();
        private Change<Integer> painAfter = Change.keep();
        private Change<Double> crampsPerWeek = Change.keep();
        private Change<Integer> crampSeverity = Change.keep();
        private Change<Integer> sleepDisturbance = Change.keep();
        private Change<String> subjective = Change.keep();
        private Change<String> objective = Change.keep();
        private Change<String> assessment = Change.keep();
        private Change<String> plan = Change.keep();
        private Change<String> template = Change.keep();
        private Change<List<String>> diagnoses = Change.keep();
        private Change<ProcedureMinutes> procedures = Change.keep();
        private Long practitioner;
        private String override;

        private Reader() {
        }

        Reader date(String value) {
            date = text(value, v -> Fields.date("date", v, LocalDate.now(clock)));
            return this;
        }

        Reader time(String value) {
            time = text(value, v -> {
                try {
                    return LocalTime.parse(v.strip(), TIME);
                } catch (DateTimeParseException e) {
                    throw InvalidInputException.forField("time", v.strip() + " is not a valid time (use HH:MM, 24-hour)");
                }
            });
            return this;
        }

        Reader duration(Integer minutes) {
            durationMinutes = number("duration", minutes, 1, MAX_DURATION);
            return this;
        }

        Reader modalities(String ids) {
            modalities = ids(ids, "modalities", vocabulary::modalityIds);
            return this;
        }

        Reader areas(String ids) {
            areas = ids(ids, "areas", vocabulary::siteIds);
            return this;
        }

        Reader pressure(String value) {
            pressure = text(value, v -> {
                String checked = v.strip().toLowerCase(Locale.ROOT);
                if (!screening.pressures().contains(checked)) {
                    throw InvalidInputException.forField("pressure", "'" + v.strip() + "' is not allowed; use "
                            + String.join(", ", screening.pressures()));
                }
                return checked;
            });
            return this;
        }

        Reader products(String value) {
            products = value == null ? Change.keep() : clearIfNull(Fields.optionalLine("products", value, Fields.TEXT_MAX));
            return this;
        }

        /** Never defaulted: research sets no duration, so only the therapist's own number is stored. */
        Reader homeMassageMinutes(Integer minutes) {
            homeMassageMinutes = number("home-massage-minutes", minutes, 1, MAX_HOME_MASSAGE_MINUTES);
            return this;
        }

        Reader pain(Integer before, Integer after) {
            painBefore = number("pain-before", before, 0, 10);
            painAfter = number("pain-after", after, 0, 10);
            return this;
        }

        Reader outcomes(Double perWeek, Integer severity, Integer sleep) {
            crampsPerWeek = perWeek == null ? Change.keep()
                    : Change.to(Fields.decimal("cramps-per-week", perWeek, 0, IntakeService.MAX_PER_WEEK));
            crampSeverity = number("cramp-severity", severity, 0, 10);
            sleepDisturbance = number("sleep-disturbance", sleep, 0, 10);
            return this;
        }

        Reader note(String subjective, String objective, String assessment, String plan) {
            this.subjective = SessionDraft.section("subjective", subjective);
            this.objective = SessionDraft.section("objective", objective);
            this.assessment = SessionDraft.section("assessment", assessment);
            this.plan = SessionDraft.section("plan", plan);
            return this;
        }

        Reader template(String name) {
            template = text(name, v -> {
                templates.get(v.strip());
                return v.strip();
            });
            return this;
        }

        /** The clinic's diagnosis codes the visit treated ("R25.2,M62.831"); empty clears them. */
        Reader diagnosis(String codes) {
            diagnoses = text(codes, v -> DiagnosisCode.parse("diagnosis", v, billing));
            return this;
        }

        /** Minutes by procedure code ("97124:40,97140:20"); empty clears them. */
        Reader procedures(String minutes) {
            procedures = text(minutes, v -> ProcedureMinutes.parse("procedures", v, billing));
            return this;
        }

        Reader practitioner(Long id) {
            practitioner = id == null ? null : Fields.range("practitioner", id, 1, Integer.MAX_VALUE);
            return this;
        }

        Reader override(String reason) {
            override = reason == null || reason.isBlank() ? null
                    : Fields.text("override", reason.strip(), Fields.TEXT_MAX);
            return this;
        }

        SessionDraft draft() {
            return new SessionDraft(date, time, durationMinutes, modalities, areas, pressure, products,
                    homeMassageMinutes, painBefore, painAfter, crampsPerWeek, crampSeverity, sleepDisturbance,
                    subjective, objective, assessment, plan, template, diagnoses, procedures, practitioner, override);
        }
    }

    /** Text read with {@code check}; empty clears. */
    private static <T> Change<T> text(String value, Function<String, T> check) {
        if (value == null) {
            return Change.keep();
        }
        return value.isBlank() ? Change.clear() : Change.to(check.apply(value));
    }

    /** Ids from a vocabulary, comma separated; empty clears the list. */
    private static Change<List<String>> ids(String value, String option, Supplier<Collection<String>> allowed) {
        if (value == null) {
            return Change.keep();
        }
        return Change.to(value.isBlank() ? List.of() : IdList.parse(option, value, allowed.get()));
    }

    /** A whole number in {@code [min, max]}; the shell has made sure it is one. */
    private static Change<Integer> number(String option, Integer value, int min, int max) {
        return value == null ? Change.keep() : Change.to(Fields.range(option, value, min, max));
    }

    private static <T> Change<T> clearIfNull(T checked) {
        return checked == null ? Change.clear() : Change.to(checked);
    }
}
