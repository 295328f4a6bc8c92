package app.soapstone.day;

import app.soapstone.appointment.AppointmentService;
import app.soapstone.appointment.BookEntry;
import app.soapstone.careplan.CarePlanService;
import app.soapstone.clinic.ClinicRoles;
import app.soapstone.intake.IntakeService;
import app.soapstone.screening.Finding;
import app.soapstone.screening.Flag;
import app.soapstone.session.SessionService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The clinic's day: the appointment book of one day by practitioner, and for each client what
 * needs doing first, found with one query of each kind for the whole day (intakes, unsigned
 * notes, care plans given), never one per client.
 */
@Service
public class DayService {

    private final AppointmentService appointments;
    private final IntakeService intakes;
    private final SessionService sessions;
    private final CarePlanService plans;
    private final ClinicRoles roles;

    DayService(AppointmentService appointments, IntakeService intakes, SessionService sessions, CarePlanService plans,
            ClinicRoles roles) {
        this.appointments = appointments;
        this.intakes = intakes;
        this.sessions = sessions;
        this.plans = plans;
        this.roles = roles;
    }

    /**
     * The appointments of {@code date} in the clinic's time zone, by practitioner (by name), each in
     * time order. To-dos are looked for only for a login that reads clinical records (the front
     * desk's view is the schedule alone: the database would refuse it the rest), and only for
     * clients still expected: not at a cancelled appointment or a no-show.
     */
    @Transactional(readOnly = true)
    public Day day(LocalDate date) {
        AppointmentService.Book book = appointments.list(date, null, null);
        boolean clinical = roles.readsClinicalRecords();
        Set<Long> expected = new TreeSet<>();
        book.entries().stream().filter(Day.Visit::expected).forEach(e -> expected.add(e.clientId()));
        Map<Long, List<ToDo>> toDos = clinical && !expected.isEmpty() ? toDos(expected, date) : Map.of();
        Map<Long, List<Day.Visit>> byPractitioner = new LinkedHashMap<>();
        Map<Long, String> names = new HashMap<>();
        for (BookEntry entry : book.entries()) {
            byPractitioner.computeIfAbsent(entry.practitionerId(), id -> new ArrayList<>())
                    .add(new Day.Visit(entry, Day.Visit.expected(entry)
                            ? toDos.getOrDefault(entry.clientId(), List.of()) : List.of()));
            names.put(entry.practitionerId(), entry.practitioner());
        }
        List<Day.PractitionerDay> practitioners = byPractitioner.entrySet().stream()
                .map(p -> new Day.PractitionerDay(p.getKey(), names.get(p.getKey()), List.copyOf(p.getValue())))
                .sorted(Comparator.comparing((Day.PractitionerDay p) -> p.name().toLowerCase(Locale.ROOT))
                        .thenComparing(Day.PractitionerDay::practitionerId))
                .toList();
        return new Day(date, book.zone(), practitioners, clinical);
    }

    /** Each client's to-dos, first things first. */
    private Map<Long, List<ToDo>> toDos(Set<Long> clientIds, LocalDate date) {
        Map<Long, List<ToDo>> toDos = new HashMap<>();
        clientIds.forEach(id -> toDos.put(id, new ArrayList<>()));
        Map<Long, List<Flag>> due = intakes.dueBeforeTreatment(clientIds, date);
        for (Long client : clientIds) {
            List<Flag> flags = due.get(client);
            if (flags == null) {
                toDos.get(client).add(new ToDo(ToDo.Kind.NO_INTAKE, null));
                continue;
            }
            for (Flag flag : flags) {
                toDos.get(client).add(new ToDo(kind(flag), flag.title()));
            }
        }
        sessions.unsignedOf(clientIds).forEach(note -> toDos.get(note.clientId()).add(new ToDo(ToDo.Kind.UNSIGNED_NOTE,
                "session " + note.sessionId() + " of " + note.startedAt().toLocalDate())));
        plans.notGivenSinceLastVisit(clientIds).forEach(plan -> toDos.get(plan.clientId()).add(new ToDo(
                ToDo.Kind.CARE_PLAN, "visit of " + plan.startedAt().toLocalDate() + " (session " + plan.sessionId() + ")")));
        toDos.values().forEach(list -> list.sort(Comparator.comparing(ToDo::kind)));
        return toDos;
    }

    private static ToDo.Kind kind(Flag flag) {
        if (flag.blocking()) {
            return ToDo.Kind.REFER;
        }
        return flag.finding().id().equals(Finding.REVIEW_DUE) ? ToDo.Kind.INTAKE_REVIEW : ToDo.Kind.CONSENT;
    }
}
