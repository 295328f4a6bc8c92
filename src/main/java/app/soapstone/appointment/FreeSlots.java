package app.soapstone.appointment;

import app.soapstone.clinic.ClinicService;
import app.soapstone.clinic.Practitioner;
import app.soapstone.clinic.WeeklyHours;
import app.soapstone.clinic.WorkingHours;
import app.soapstone.service.Services;
import app.soapstone.validation.ConflictException;
import app.soapstone.validation.Fields;
import app.soapstone.validation.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A practitioner's next free starts: on a grid within their working hours (Monday to Friday 09:00
 * to 17:00 when they have none set), where an appointment of the length asked for fits without
 * overlapping one of theirs that is not cancelled. What TAB offers after {@code --at}, and
 * {@code appointment free} prints.
 */
@Service
public class FreeSlots {

    /** The hours assumed for a practitioner who has none set. */
    static final WeeklyHours OFFICE_HOURS = WeeklyHours.parse("set", "mon-fri 09:00-17:00");
    /** How far ahead the next free starts are looked for when no day is given. */
    static final int DAYS_AHEAD = 28;

    private final AppointmentRepository appointments;
    private final AppointmentQueries queries;
    private final ClinicService clinic;
    private final WorkingHours hours;
    private final Services services;
    private final Clock clock;

    FreeSlots(AppointmentRepository appointments, AppointmentQueries queries, ClinicService clinic,
            WorkingHours hours, Services services, Clock clock) {
        this.appointments = appointments;
        this.queries = queries;
        this.clinic = clinic;
        this.hours = hours;
        this.services = services;
        this.clock = clock;
    }

    /**
     * What is asked: whose (null: the login's own, else the default practitioner), which day (null:
     * from now on), how long (null: the service's length if a service is given, else 60 minutes),
     * and the appointment being moved, if any, whose practitioner and length are then the default
     * and whose own slot does not count as taken.
     */
    public record Request(Long practitionerId, LocalDate day, Integer minutes, Long serviceId, Long movedAppointment,
            int count) {
    }

    /** The free starts found, with whose they are, how long, and whether the hours were assumed (none set). */
    public record Offer(Practitioner practitioner, int minutes, boolean assumedHours, ZoneId zone,
            List<Instant> starts) {
    }

    @Transactional(readOnly = true)
    public Offer next(Request request) {
        Appointment moved = request.movedAppointment() == null ? null : appointments.findById(
                request.movedAppointment()).orElseThrow(() -> NotFoundException.of("appointment",
                request.movedAppointment()));
        Practitioner practitioner = request.practitionerId() != null ? clinic.practitioner(request.practitionerId())
                : moved != null ? clinic.practitioner(moved.practitionerId())
                : clinic.defaultPractitioner().orElseThrow(() -> new ConflictException(
                        "No practitioner yet: add one with 'practitioner add --name ... --credentials ...'"));
        int minutes = request.minutes() != null
                ? Fields.range("minutes", request.minutes(), AppointmentService.MIN_MINUTES, AppointmentService.MAX_MINUTES)
                : request.serviceId() != null ? services.bookable("service", request.serviceId()).minutes()
                : moved != null ? (int) Duration.between(moved.startsAt(), moved.endsAt()).toMinutes()
                : AppointmentService.DEFAULT_MINUTES;
        WeeklyHours week = hours.of(practitioner.id());
        boolean assumed = week.isEmpty();
        ZoneId zone = clinic.zone();
        Instant now = clock.instant();
        LocalDate first = request.day() != null ? request.day() : ClinicTime.today(clock, zone);
        LocalDate last = request.day() != null ? request.day() : first.plusDays(DAYS_AHEAD - 1);
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant until = last.plusDays(1).atStartOfDay(zone).toInstant();
        List<BookEntry> taken = queries.clashes(practitioner.id(), from, until.plus(Duration.ofMinutes(minutes)),
                moved == null ? null : moved.id());
        return new Offer(practitioner, minutes, assumed, zone, starts(assumed ? OFFICE_HOURS : week, zone,
                from.isAfter(now) ? from : now, last, minutes, taken, request.count()));
    }

    /**
     * Up to {@code count} starts from {@code from} to the end of {@code last} (local), in order: on
     * the grid of each range of {@code week} (every 30 minutes for a length of whole half hours,
     * else every 15), where {@code minutes} fit in the range and overlap none of {@code taken}.
     * A time the clocks skip is left out; in the hour that happens twice, the first is meant.
     */
    static List<Instant> starts(WeeklyHours week, ZoneId zone, Instant from, LocalDate last, int minutes,
            List<BookEntry> taken, int count) {
        int grid = minutes % 30 == 0 ? 30 : 15;
        List<Instant> starts = new ArrayList<>();
        for (LocalDate day = LocalDate.ofInstant(from, zone); !day.isAfter(last); day = day.plusDays(1)) {
            for (WeeklyHours.Range range : week.on(day.getDayOfWeek())) {
                for (LocalTime time = range.start(); fits(time, minutes, range); time = time.plusMinutes(grid)) {
                    LocalDateTime local = day.atTime(time);
                    if (zone.getRules().getValidOffsets(local).isEmpty()) {
                        continue;
                    }
                    Instant start = local.atZone(zone).toInstant();
                    Instant end = start.plus(Duration.ofMinutes(minutes));
                    if (!start.isBefore(from) && taken.stream().noneMatch(
                            b -> b.startsAt().isBefore(end) && b.endsAt().isAfter(start))) {
                        starts.add(start);
                        if (starts.size() == count) {
                            return starts;
                        }
                    }
                }
            }
        }
        return starts;
    }

    /** Whether {@code minutes} from {@code time} end within {@code range}, on the same day. */
    private static boolean fits(LocalTime time, int minutes, WeeklyHours.Range range) {
        int start = time.toSecondOfDay() / 60;
        return start >= range.start().toSecondOfDay() / 60 && start + minutes <= range.end().toSecondOfDay() / 60;
    }
}
