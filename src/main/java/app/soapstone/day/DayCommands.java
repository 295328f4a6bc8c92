package app.soapstone.day;

import app.soapstone.appointment.AppointmentService;
import app.soapstone.appointment.AppointmentStatus;
import app.soapstone.appointment.BookEntry;
import app.soapstone.appointment.ClinicTime;
import app.soapstone.validation.InvalidInputException;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code today} and {@code day D}: the clinic's day by practitioner, with what needs doing first for each client. */
@Component
class DayCommands {

    private static final String GROUP = "Appointments";
    private static final String HELP = """
            Each practitioner's appointments in time order (times in the clinic's time zone), and under
            each client what needs doing first: an urgent REFER not cleared (intake clear), no intake or
            its review due (intake new), consent expired or incomplete, notes left unsigned (session sign),
            no care plan given since the last visit (plan export). Nothing for a cancelled appointment or
            a no-show. A login without clinical records (reception) sees the schedule alone.""";

    private final DayService days;
    private final AppointmentService appointments;
    private final Clock clock;

    DayCommands(DayService days, AppointmentService appointments, Clock clock) {
        this.days = days;
        this.appointments = appointments;
        this.clock = clock;
    }

    @Command(name = "today", group = GROUP, description = "Today's appointments by practitioner, with what needs doing first",
            help = HELP)
    String today() {
        LocalDate today = ClinicTime.today(clock, appointments.zone());
        return render(days.day(today), today);
    }

    @Command(name = "day", group = GROUP,
            description = "One day's appointments by practitioner, with what needs doing first", help = HELP)
    String day(@Argument(index = 0, description = "The day: YYYY-MM-DD, today, tomorrow, yesterday or a weekday (mon)") String day) {
        LocalDate today = ClinicTime.today(clock, appointments.zone());
        return render(days.day(date(day, today)), today);
    }

    /** {@code value} as a day, or refused naming DAY and what it may be. */
    private static LocalDate date(String value, LocalDate today) {
        try {
            return ClinicTime.day("day", value, today);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("DAY: '" + value.strip() + "' is not a day: use " + ClinicTime.DAY_FORMS);
        }
    }

    private static String render(Day day, LocalDate today) {
        StringBuilder text = new StringBuilder(title(day, today));
        if (day.practitioners().isEmpty()) {
            return text.append(": no appointments. Book one with: appointment book --client N --at \"")
                    .append(day.date()).append(" HH:MM\"").toString();
        }
        text.append(": ").append(counts(day));
        if (!day.toDos()) {
            text.append("\nWhat needs doing for each client is for therapists: this login does not read clinical"
                    + " records.");
        }
        int timeWidth = day.practitioners().stream().flatMap(p -> p.visits().stream())
                .mapToInt(v -> v.entry().times(day.zone()).length()).max().orElse(0);
        String under = " ".repeat(2 + timeWidth + 2);
        for (Day.PractitionerDay practitioner : day.practitioners()) {
            text.append("\n\n").append(practitioner.name()).append(" (practitioner ")
                    .append(practitioner.practitionerId()).append(')');
            for (Day.Visit visit : practitioner.visits()) {
                BookEntry entry = visit.entry();
                String times = entry.times(day.zone());
                text.append("\n  ").append(times).append(" ".repeat(timeWidth - times.length())).append("  ")
                        .append(entry.client()).append(" (client ").append(entry.clientId()).append(')')
                        .append(entry.service() == null ? "" : " for " + entry.service()).append(", ")
                        .append(entry.statusSaid()).append(", appointment ").append(entry.id());
                if (entry.note() != null) {
                    text.append('\n').append(under).append("Note: ").append(entry.note());
                }
                for (ToDo toDo : visit.toDos()) {
                    text.append('\n').append(under).append(line(toDo));
                }
            }
        }
        return text.toString();
    }

    /** "Today, Monday 2026-12-07 (times in Australia/Sydney)". */
    private static String title(Day day, LocalDate today) {
        String weekday = day.date().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        long from = day.date().toEpochDay() - today.toEpochDay();
        String relative = from == 0 ? "Today, " : from == 1 ? "Tomorrow, " : from == -1 ? "Yesterday, " : "";
        return relative + weekday + " " + day.date() + " (times in " + day.zone().getId() + ")";
    }

    /** "5 appointments, 1 cancelled, 1 no-show": the count the start-up line gives, then the others. */
    private static String counts(Day day) {
        long expected = day.expected();
        List<String> off = new ArrayList<>();
        for (AppointmentStatus status : List.of(AppointmentStatus.CANCELLED, AppointmentStatus.NO_SHOW)) {
            long count = day.practitioners().stream().flatMap(p -> p.visits().stream())
                    .filter(v -> v.entry().status() == status).count();
            if (count > 0) {
                off.add(count + " " + status.word());
            }
        }
        off.addFirst(expected + (expected == 1 ? " appointment" : " appointments"));
        return String.join(", ", off);
    }

    /** A to-do as one short line; "!! REFER" first, as the screening shows it (and colours it red). */
    private static String line(ToDo toDo) {
        return switch (toDo.kind()) {
            case REFER -> "!! REFER (urgent): not cleared - " + toDo.detail();
            case NO_INTAKE -> "- no intake yet";
            case INTAKE_REVIEW -> "- intake review due: " + toDo.detail();
            case CONSENT -> "- consent due: " + toDo.detail();
            case UNSIGNED_NOTE -> "- note to sign: " + toDo.detail();
            case CARE_PLAN -> "- care plan not given: " + toDo.detail();
        };
    }
}
