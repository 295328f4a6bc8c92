package app.soapstone.appointment;

import app.soapstone.shell.OptionValues;
import app.soapstone.validation.ExitException;
import org.springframework.stereotype.Component;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The practitioner's next free starts for TAB after {@code --at} of {@code appointment book} and
 * {@code move}, written as {@code --at} reads them ("2026-12-01 09:00"). Whose and how long come
 * from the line: {@code --practitioner} and {@code --minutes} (else the length of {@code --service})
 * when booking, the appointment's own when moving it. A date typed first ("2026-12-07") offers
 * that day's starts.
 */
@Component
class FreeSlotValues implements OptionValues {

    /** A screenful: enough to choose from, few enough to read. */
    static final int OFFERED = 8;
    private static final int DATE_LENGTH = "YYYY-MM-DD".length();

    private final FreeSlots slots;

    FreeSlotValues(FreeSlots slots) {
        this.slots = slots;
    }

    @Override
    public boolean serves(String command, String slot) {
        return slot.equals("at") && (command.equals("appointment book") || command.equals("appointment move"));
    }

    @Override
    public List<Value> values(Query query) {
        String typed = query.typed().strip();
        Long moved = query.command().equals("appointment move") ? movedAppointment(query) : null;
        LocalDate day = day(typed);
        // Anything typed ("2026-12-1", "2026-12-03 15") narrows the starts after they are found, so
        // enough are looked for that the ones it fits are among them: a day has at most 96 starts.
        int wanted = typed.isEmpty() || typed.length() == DATE_LENGTH ? OFFERED : OFFERED * 40;
        FreeSlots.Offer offer;
        try {
            offer = slots.next(new FreeSlots.Request(number(query.option("practitioner")).orElse(null),
                    day, number(query.option("minutes")).map(Long::intValue).orElse(null),
                    number(query.option("service")).orElse(null), moved, wanted));
        } catch (ExitException e) {
            // An unknown practitioner or appointment, or no practitioner yet: nothing to offer; the command says why.
            return List.of();
        }
        return offer.starts().stream()
                .map(start -> Value.of(ClinicTime.show(start, offer.zone()), FreeSlotCommands.described(start, offer)))
                .filter(value -> value.value().startsWith(typed)).limit(OFFERED).toList();
    }

    /** The appointment being moved: the word after {@code appointment move}, or its {@code --appointment}. */
    private static Long movedAppointment(Query query) {
        List<String> words = query.words();
        Optional<String> named = query.option("appointment");
        return number(named.isPresent() || words.size() < 3 ? named : Optional.of(words.get(2))).orElse(null);
    }

    /** The day typed so far, once it is a whole date. */
    private static LocalDate day(String typed) {
        if (typed.length() >= 10) {
            try {
                return LocalDate.parse(typed.substring(0, 10));
            } catch (DateTimeException e) {
                return null;
            }
        }
        return null;
    }

    private static Optional<Long> number(Optional<String> word) {
        try {
            return word.map(String::strip).map(Long::valueOf);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
