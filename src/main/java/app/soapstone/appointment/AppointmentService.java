package app.soapstone.appointment;

import app.soapstone.client.Client;
import app.soapstone.client.ClientService;
import app.soapstone.clinic.Clinic;
import app.soapstone.clinic.ClinicService;
import app.soapstone.clinic.Practitioner;
import app.soapstone.clinic.WeeklyHours;
import app.soapstone.clinic.WorkingHours;
import app.soapstone.integrity.AuditTrail;
import app.soapstone.service.OfferedService;
import app.soapstone.service.Services;
import app.soapstone.validation.ConflictException;
import app.soapstone.validation.Fields;
import app.soapstone.validation.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The appointment book: booking, moving and closing appointments, in the clinic's time zone,
 * without double booking a practitioner unless asked to. Every change is audited in its own
 * transaction; appointments are not final records, so they are not linked into the record chain.
 */
@Service
public class AppointmentService {

    /** The longest appointment: a working day. */
    static final int MAX_MINUTES = 8 * 60;
    static final int MIN_MINUTES = 5;
    /** The length of an appointment booked without a service or --minutes. */
    static final int DEFAULT_MINUTES = 60;

    private final AppointmentRepository appointments;
    private final AppointmentQueries queries;
    private final ClientService clients;
    private final ClinicService clinic;
    private final Services services;
    private final AuditTrail audit;
    private final Clock clock;
    private final WorkingHours hours;

    AppointmentService(AppointmentRepository appointments, AppointmentQueries queries, ClientService clients,
            ClinicService clinic, Services services, AuditTrail audit, Clock clock, WorkingHours hours) {
        this.appointments = appointments;
        this.queries = queries;
        this.clients = clients;
        this.clinic = clinic;
        this.services = services;
        this.audit = audit;
        this.clock = clock;
        this.hours = hours;
    }

    /**
     * An appointment as asked for; {@code practitionerId} null means the login's own, else the
     * default; {@code minutes} null means the service's length, else {@link #DEFAULT_MINUTES};
     * {@code serviceId} may be null.
     */
    public record Booking(long clientId, ClinicTime at, Integer minutes, Long practitionerId, Long serviceId,
            String note, boolean allowOverlap) {
    }

    /**
     * An appointment as booked or moved, and a note when it lies outside the practitioner's
     * working hours (null inside them, or when they have none set): it is booked all the same.
     */
    public record Booked(BookEntry entry, String outsideHours) {
    }

    /** A page of the book: its entries, the zone their times are shown in, and the day, if one was asked for. */
    public record Book(List<BookEntry> entries, ZoneId zone, LocalDate day) {
    }

    /** Books a client in, refusing a slot that overlaps one of the practitioner's unless {@code allowOverlap}. */
    @Transactional
    public Booked book(Booking booking) {
        Client client = clients.active(booking.clientId());
        Practitioner practitioner = booking.practitionerId() != null ? clinic.practitioner(booking.practitionerId())
                : clinic.defaultPractitioner().orElseThrow(() -> new ConflictException(
                        "No practitioner yet: add one with 'practitioner add --name ... --credentials ...'"));
        OfferedService service = booking.serviceId() == null ? null : services.bookable("service", booking.serviceId());
        int minutes = Fields.range("minutes", booking.minutes() != null ? booking.minutes()
                : service != null ? service.minutes() : DEFAULT_MINUTES, MIN_MINUTES, MAX_MINUTES);
        String note = Fields.optionalText("note", booking.note(), Fields.TEXT_MAX);
        ZoneId zone = clinic.zone();
        Instant start = booking.at().in(zone, "at");
        Instant end = start.plus(Duration.ofMinutes(minutes));
        refuseClash(practitioner.id(), start, end, null, booking.allowOverlap(), zone);
        Instant now = clock.instant();
        Appointment saved = appointments.save(new Appointment(null, client.id(), practitioner.id(),
                service == null ? null : service.id(), start, end,
                zone.getId(), AppointmentStatus.BOOKED, note, null, now, now, null));
        audit.record("add", "appointment", saved.id(), client.id(), "Booked appointment " + saved.id() + " for client "
                + client.id() + " with practitioner " + practitioner.id() + " at " + ClinicTime.show(start, zone) + " "
                + zone.getId() + " (" + minutes + " min" + (service == null ? "" : ", service " + service.id()) + ")");
        return withHoursNote(entry(saved.id()), zone);
    }

    /** Moves a booked appointment to another start, keeping its length, with the same overlap rule as booking. */
    @Transactional
    public Booked move(long id, ClinicTime at, boolean allowOverlap) {
        Appointment appointment = booked(id, "moved");
        ZoneId zone = clinic.zone();
        Instant start = at.in(zone, "at");
        Instant end = start.plus(Duration.between(appointment.startsAt(), appointment.endsAt()));
        refuseClash(appointment.practitionerId(), start, end, id, allowOverlap, zone);
        appointments.save(appointment.movedTo(start, end, zone.getId(), clock.instant()));
        audit.record("change", "appointment", id, appointment.clientId(), "Moved appointment " + id + " from "
                + ClinicTime.show(appointment.startsAt(), zone) + " to " + ClinicTime.show(start, zone) + " "
                + zone.getId());
        return withHoursNote(entry(id), zone);
    }

    /** Cancels a booked appointment, keeping it in the book with the reason. */
    @Transactional
    public BookEntry cancel(long id, String reason) {
        String why = Fields.requiredLine("reason", reason, Fields.NAME_MAX * 2);
        return close(id, AppointmentStatus.CANCELLED, why, "Cancelled appointment " + id + ": " + why);
    }

    /** Marks a booked appointment as missed: the client did not come. */
    @Transactional
    public BookEntry noShow(long id) {
        return close(id, AppointmentStatus.NO_SHOW, null, "Marked appointment " + id + " a no-show");
    }

    /** Marks a booked appointment as attended. */
    @Transactional
    public BookEntry done(long id) {
        return close(id, AppointmentStatus.DONE, null, "Marked appointment " + id + " done");
    }

    /**
     * Marks done the client's visit of the day a session was recorded on ({@code startedAt}, in the
     * clinic's time): their booked appointment that day; of several, the one with the session's
     * practitioner, and of those the one starting nearest the session. Audited naming the session.
     * Cancelled and missed appointments are left as they are; with none booked, nothing happens.
     */
    @Transactional
    public Optional<BookEntry> attendedBySession(long sessionId, long clientId, long practitionerId,
            LocalDateTime startedAt) {
        ZoneId zone = clinic.zone();
        LocalDate day = startedAt.toLocalDate();
        List<BookEntry> booked = queries.list(day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant(), null, clientId).stream()
                .filter(e -> e.status() == AppointmentStatus.BOOKED).toList();
        List<BookEntry> theirs = booked.stream().filter(e -> e.practitionerId() == practitionerId).toList();
        List<BookEntry> candidates = booked.size() > 1 && !theirs.isEmpty() ? theirs : booked;
        if (candidates.size() > 1 && theirs.isEmpty()) {
            // Several with other practitioners: which one this session was is anybody's guess.
            return Optional.empty();
        }
        Instant started = startedAt.atZone(zone).toInstant();
        return candidates.stream()
                .min(Comparator.comparing(e -> Duration.between(e.startsAt(), started).abs()))
                .map(e -> close(e.id(), AppointmentStatus.DONE, null, "Marked appointment " + e.id()
                        + " done: session " + sessionId + " was recorded for it"));
    }

    /**
     * The book for one local day, or from the start of today on when no day is given; of one
     * practitioner or one client if given (each must exist).
     */
    @Transactional(readOnly = true)
    public Book list(LocalDate day, Long practitionerId, Long clientId) {
        requireKnown(practitionerId, clientId);
        ZoneId zone = clinic.zone();
        LocalDate from = day != null ? day : ClinicTime.today(clock, zone);
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = day == null ? null : day.plusDays(1).atStartOfDay(zone).toInstant();
        return new Book(queries.list(start, end, practitionerId, clientId), zone, day);
    }

    /** One week of the book, Monday to Sunday in the clinic's time zone. */
    public record Week(List<BookEntry> entries, ZoneId zone, LocalDate monday) {

        public LocalDate sunday() {
            return monday.plusDays(6);
        }
    }

    /**
     * The book for the week (Monday 00:00 to Sunday 24:00, local) holding {@code day}, of one
     * practitioner or one client if given (each must exist).
     */
    @Transactional(readOnly = true)
    public Week week(LocalDate day, Long practitionerId, Long clientId) {
        requireKnown(practitionerId, clientId);
        ZoneId zone = clinic.zone();
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new Week(queries.list(monday.atStartOfDay(zone).toInstant(),
                monday.plusWeeks(1).atStartOfDay(zone).toInstant(), practitionerId, clientId), zone, monday);
    }

    private void requireKnown(Long practitionerId, Long clientId) {
        if (practitionerId != null) {
            clinic.practitioner(practitionerId);
        }
        if (clientId != null) {
            clients.get(clientId);
        }
    }

    /** Every appointment of a client, past and to come, in time order: their visits as the book has them. */
    @Transactional(readOnly = true)
    public Book history(long clientId) {
        return new Book(queries.list(null, null, null, clientId), clinic.zone(), null);
    }

    /** A client's calendar file: their booked appointments from now on, and the iCalendar text of them. */
    public record Calendar(Client client, List<BookEntry> visits, String text) {
    }

    /** The next visit as a care plan gives it: the local time at the clinic, and with whom. */
    public record NextVisit(LocalDateTime at, String practitioner) {
    }

    /**
     * The client's booked appointments from now on as an iCalendar file; refused (not found) when
     * there are none, since a calendar without events imports as nothing and says nothing.
     */
    @Transactional(readOnly = true)
    public Calendar calendar(long clientId) {
        Client client = clients.get(clientId);
        Instant now = clock.instant();
        List<BookEntry> visits = upcoming(clientId, now);
        if (visits.isEmpty()) {
            throw new NotFoundException("Client " + clientId + " (" + client.displayName() + ") has no booked"
                    + " appointments from now on, so there is no calendar to write. Book one with: appointment book"
                    + " --client " + clientId + " --at ...");
        }
        Clinic details = clinic.clinic().orElse(null);
        String firstLink = queries.firstLink();
        // The clinic's mark keeps UIDs apart between clinics, and the same for the life of its records.
        String uidDomain = (firstLink == null ? "unrecorded" : firstLink.substring(0, 16)) + ".soapstone";
        String text = CalendarFile.write(new CalendarFile.Contents(uidDomain,
                details == null ? null : details.name(), details == null ? null : details.address(),
                details == null ? null : details.phone(), client.printedName(), visits, now));
        return new Calendar(client, visits, text);
    }

    /** The client's next booked appointment, starting after now, if any. */
    @Transactional(readOnly = true)
    public Optional<NextVisit> nextVisit(long clientId) {
        ZoneId zone = clinic.zone();
        return upcoming(clientId, clock.instant()).stream().findFirst()
                .map(e -> new NextVisit(LocalDateTime.ofInstant(e.startsAt(), zone), e.practitioner()));
    }

    /** Booked and not yet begun: one in progress is this visit, not the next. */
    private List<BookEntry> upcoming(long clientId, Instant now) {
        return queries.list(now, null, null, clientId).stream()
                .filter(e -> e.status() == AppointmentStatus.BOOKED && e.startsAt().isAfter(now)).toList();
    }

    /** The clinic's time zone: where {@code --at} is read and the book is shown. */
    @Transactional(readOnly = true)
    public ZoneId zone() {
        return clinic.zone();
    }

    private BookEntry close(long id, AppointmentStatus status, String reason, String summary) {
        Appointment appointment = booked(id, "marked " + status.word());
        appointments.save(appointment.withStatus(status, reason, clock.instant()));
        audit.record("change", "appointment", id, appointment.clientId(), summary);
        return entry(id);
    }

    /** The appointment, which must still be booked to be {@code done} ("moved", "marked done"). */
    private Appointment booked(long id, String done) {
        Appointment appointment = appointments.findById(id).orElseThrow(() -> NotFoundException.of("appointment", id));
        if (appointment.status() != AppointmentStatus.BOOKED) {
            throw new ConflictException("Appointment " + id + " is already marked " + appointment.status().word()
                    + ", so it cannot be " + done + " (book a new one with 'appointment book')");
        }
        return appointment;
    }

    private void refuseClash(long practitionerId, Instant start, Instant end, Long except, boolean allowOverlap,
            ZoneId zone) {
        if (allowOverlap) {
            return;
        }
        List<BookEntry> clashes = queries.clashes(practitionerId, start, end, except);
        if (!clashes.isEmpty()) {
            BookEntry first = clashes.get(0);
            throw new ConflictException("Practitioner " + practitionerId + " (" + first.practitioner()
                    + ") is already booked then: " + clashes.stream().map(c -> "appointment " + c.id() + ", "
                    + c.client() + " (client " + c.clientId() + "), " + ClinicTime.show(c.startsAt(), zone) + " to "
                    + ClinicTime.end(c.startsAt(), c.endsAt(), zone)).collect(Collectors.joining("; "))
                    + ". Choose another time, or add --allow-overlap to book both. "
                    + (except == null ? "Nothing was booked." : "The appointment was not moved."));
        }
    }

    /** The entry with a note if it lies outside its practitioner's working hours. */
    private Booked withHoursNote(BookEntry entry, ZoneId zone) {
        WeeklyHours week = hours.of(entry.practitionerId());
        LocalDateTime start = LocalDateTime.ofInstant(entry.startsAt(), zone);
        if (week.isEmpty() || week.covers(start, LocalDateTime.ofInstant(entry.endsAt(), zone))) {
            return new Booked(entry, null);
        }
        DayOfWeek day = start.getDayOfWeek();
        return new Booked(entry, week.on(day).isEmpty()
                ? "Note: " + entry.practitioner() + " does not work on " + WeeklyHours.plural(day) + " (hours: "
                        + week.written() + "); booked all the same."
                : "Note: outside " + entry.practitioner() + "'s hours on " + WeeklyHours.plural(day) + " ("
                        + week.shown(day) + "); booked all the same.");
    }

    private BookEntry entry(long id) {
        Appointment appointment = appointments.findById(id).orElseThrow();
        return queries.list(appointment.startsAt(), appointment.startsAt().plusMillis(1),
                appointment.practitionerId(), appointment.clientId()).stream()
                .filter(e -> e.id() == id).findFirst().orElseThrow();
    }
}
