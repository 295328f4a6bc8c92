package app.soapstone.session;

import app.soapstone.billing.ProcedureMinutes;
import app.soapstone.session.Session.SoapNote;
import app.soapstone.validation.Fields;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The options of {@code session new} or {@code session edit}, each read and checked once (see
 * {@link SessionOptions}): the services take it as it is and never read an option again. A
 * date given empty means the default (today, or the session's own), not "no date".
 *
 * @param practitioner who gave the session (new sessions only), or null for the default practitioner
 * @param override     the reason for treating despite an urgent referral (new sessions only), or null
 */
public record SessionDraft(Change<LocalDate> date, Change<LocalTime> time, Change<Integer> durationMinutes,
        Change<List<String>> modalities, Change<List<String>> areas, Change<String> pressure, Change<String> products,
        Change<Integer> homeMassageMinutes, Change<Integer> painBefore, Change<Integer> painAfter,
        Change<Double> crampsPerWeek, Change<Integer> crampSeverity, Change<Integer> sleepDisturbance,
        Change<String> subjective, Change<String> objective, Change<String> assessment, Change<String> plan,
        Change<String> template, Change<List<String>> diagnoses, Change<ProcedureMinutes> procedures, Long practitioner,
        String override) {

    /** The options given, even empty, by name, for the audit trail: {@code [duration, plan]}. */
    List<String> given() {
        List<String> given = new ArrayList<>();
        List<String> names = List.of("date", "time", "duration", "modalities", "areas", "pressure", "products",
                "home-massage-minutes", "pain-before", "pain-after", "cramps-per-week", "cramp-severity",
                "sleep-disturbance", "subjective", "objective", "assessment", "plan", "template", "diagnosis", "procedures");
        List<Change<?>> changes = List.of(date, time, durationMinutes, modalities, areas, pressure, products,
                homeMassageMinutes, painBefore, painAfter, crampsPerWeek, crampSeverity, sleepDisturbance, subjective,
                objective, assessment, plan, template, diagnoses, procedures);
        for (int i = 0; i < names.size(); i++) {
            if (changes.get(i).given()) {
                given.add(names.get(i));
            }
        }
        if (practitioner != null) {
            given.add("practitioner");
        }
        if (override != null) {
            given.add("override");
        }
        return given;
    }

    boolean isEmpty() {
        return given().isEmpty();
    }

    /** Whether any section of the SOAP note was given with text. */
    boolean hasNoteText() {
        return Stream.of(subjective, objective, assessment, plan).anyMatch(section -> section.valueGiven().isPresent());
    }

    /**
     * The measures given with a value, by option name, as they fill a template's blanks
     * ({@link SoapBlanks#OPTIONS}): {@code {pain-before=6}}.
     */
    Map<String, String> measuresGiven() {
        Map<String, Change<? extends Number>> measures = new LinkedHashMap<>();
        measures.put("pain-before", painBefore);
        measures.put("pain-after", painAfter);
        measures.put("cramps-per-week", crampsPerWeek);
        measures.put("cramp-severity", crampSeverity);
        measures.put("sleep-disturbance", sleepDisturbance);
        Map<String, String> given = new LinkedHashMap<>();
        measures.forEach((option, change) -> change.valueGiven()
                .ifPresent(value -> given.put(option, SoapBlanks.value(value))));
        return given;
    }

    /** The sections of the SOAP note given with text; null for the others. */
    SoapNote noteGiven() {
        return note(new SoapNote(null, null, null, null));
    }

    /** The SOAP note after these changes to {@code current}. */
    SoapNote note(SoapNote current) {
        return new SoapNote(subjective.applyTo(current.subjective()), objective.applyTo(current.objective()),
                assessment.applyTo(current.assessment()), plan.applyTo(current.plan()));
    }

    /**
     * This draft with every section of the note set to {@code note}'s - written in the editor or
     * filled from a template - checked as if given as options; an empty section clears.
     */
    SessionDraft withNote(SoapNote note) {
        return new SessionDraft(date, time, durationMinutes, modalities, areas, pressure, products, homeMassageMinutes,
                painBefore, painAfter, crampsPerWeek, crampSeverity, sleepDisturbance,
                section("subjective", blankIfNull(note.subjective())), section("objective", blankIfNull(note.objective())),
                section("assessment", blankIfNull(note.assessment())), section("plan", blankIfNull(note.plan())),
                template, diagnoses, procedures, practitioner, override);
    }

    /**
     * This draft with the sections where {@code note} differs from {@code before} set to
     * {@code note}'s, and the others as they were: what changed when blanks were filled.
     */
    SessionDraft withNote(SoapNote note, SoapNote before) {
        return new SessionDraft(date, time, durationMinutes, modalities, areas, pressure, products, homeMassageMinutes,
                painBefore, painAfter, crampsPerWeek, crampSeverity, sleepDisturbance,
                changed("subjective", subjective, before.subjective(), note.subjective()),
                changed("objective", objective, before.objective(), note.objective()),
                changed("assessment", assessment, before.assessment(), note.assessment()),
                changed("plan", plan, before.plan(), note.plan()), template, diagnoses, procedures, practitioner,
                override);
    }

    private static Change<String> changed(String option, Change<String> given, String before, String after) {
        return Objects.equals(before, after) ? given : section(option, blankIfNull(after));
    }

    /** A section of the SOAP note as typed for {@code --option}: multi-line text, stripped; empty clears it. */
    static Change<String> section(String option, String text) {
        if (text == null) {
            return Change.keep();
        }
        String checked = Fields.optionalText(option, text, Fields.LONG_TEXT_MAX);
        return checked == null ? Change.clear() : Change.to(checked.strip());
    }

    private static String blankIfNull(String text) {
        return text == null ? "" : text;
    }
}
