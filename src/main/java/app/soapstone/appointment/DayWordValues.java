package app.soapstone.appointment;

import app.soapstone.shell.OptionValues;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words a day of the book is said in ({@link ClinicTime#day}) for TAB completion of
 * {@code day}, {@code --day}, {@code --week} and {@code reminders --for}: today, tomorrow,
 * yesterday and the weekdays, each with the date it means at the clinic.
 */
@Component
class DayWordValues implements OptionValues {

    private static final DateTimeFormatter MEANS = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);

    private final AppointmentService appointments;
    private final Clock clock;

    DayWordValues(AppointmentService appointments, Clock clock) {
        this.appointments = appointments;
        this.clock = clock;
    }

    @Override
    public boolean serves(String command, String slot) {
        return slot.equals("day") || slot.equals("week") || slot.equals("for");
    }

    @Override
    public List<Value> values(Query query) {
        LocalDate today = ClinicTime.today(clock, appointments.zone());
        List<String> words = new ArrayList<>(List.of("today", "tomorrow", "yesterday"));
        for (DayOfWeek weekday : DayOfWeek.values()) {
            words.add(weekday.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT));
        }
        String typed = query.typed().strip().toLowerCase(Locale.ROOT);
        return words.stream().filter(word -> word.startsWith(typed))
                .map(word -> Value.of(word, MEANS.format(ClinicTime.day(query.slot(), word, today))))
                .toList();
    }
}
