package app.soapstone.clinic;

import app.soapstone.integrity.AuditTrail;
import app.soapstone.validation.NotPermittedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Practitioners' working hours: set (replacing the week) and cleared by the clinic's owner, read
 * by everyone, each change audited. The appointment book warns outside them and offers free
 * slots within them.
 */
@Service
public class WorkingHours {

    private final JdbcClient jdbc;
    private final ClinicService clinic;
    private final ClinicRoles roles;
    private final AuditTrail audit;

    WorkingHours(JdbcClient jdbc, ClinicService clinic, ClinicRoles roles, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clinic = clinic;
        this.roles = roles;
        this.audit = audit;
    }

    /** Replaces practitioner {@code id}'s week with {@code hours}; {@link WeeklyHours#NONE} clears it. */
    @Transactional
    public WeeklyHours set(long id, WeeklyHours hours) {
        Practitioner practitioner = clinic.practitioner(id);
        // The database refuses too (clinic roles init gives only the owner writes); this says it first, plainly.
        roles.loginRole().filter(role -> role != ClinicRole.OWNER).ifPresent(role -> {
            throw new NotPermittedException((role == ClinicRole.RECEPTION ? "reception" : "a therapist") + " cannot change working hours: ask the clinic's owner");
        });
        jdbc.sql("DELETE FROM practitioner_hours WHERE practitioner_id = :id").param("id", id).update();
        hours.days().forEach((day, ranges) -> ranges.forEach(range -> jdbc.sql("""
                        INSERT INTO practitioner_hours (practitioner_id, day_of_week, starts, ends)
                        VALUES (:id, :day, :starts, :ends)""")
                .param("id", id).param("day", day.getValue()).param("starts", range.start().toString())
                .param("ends", range.end().toString()).update()));
        audit.record("change", "practitioner", id, null, hours.isEmpty()
                ? "Cleared the working hours of practitioner " + id + " (" + practitioner.name() + ")"
                : "Set the working hours of practitioner " + id + " (" + practitioner.name() + "): " + hours.written());
        return of(id);
    }

    /** Practitioner {@code id}'s week; {@link WeeklyHours#NONE} when none are set. */
    @Transactional(readOnly = true)
    public WeeklyHours of(long id) {
        return all(id).getOrDefault(id, WeeklyHours.NONE);
    }

    /** Every practitioner with their week (none set: {@link WeeklyHours#NONE}), in id order; or just {@code id}'s. */
    @Transactional(readOnly = true)
    public Map<Practitioner, WeeklyHours> week(Long id) {
        List<Practitioner> practitioners = id == null ? clinic.practitioners() : List.of(clinic.practitioner(id));
        Map<Long, WeeklyHours> hours = all(id);
        Map<Practitioner, WeeklyHours> week = new LinkedHashMap<>();
        practitioners.forEach(p -> week.put(p, hours.getOrDefault(p.id(), WeeklyHours.NONE)));
        return week;
    }

    private Map<Long, WeeklyHours> all(Long id) {
        Map<Long, Map<DayOfWeek, List<WeeklyHours.Range>>> rows = new LinkedHashMap<>();
        jdbc.sql("SELECT practitioner_id, day_of_week, starts, ends FROM practitioner_hours"
                        + (id == null ? "" : " WHERE practitioner_id = :id")
                        + " ORDER BY practitioner_id, day_of_week, starts")
                .params(id == null ? Map.of() : Map.of("id", id))
                .query(row -> {
                    rows.computeIfAbsent(row.getLong("practitioner_id"), p -> new EnumMap<>(DayOfWeek.class))
                            .computeIfAbsent(DayOfWeek.of(row.getInt("day_of_week")), d -> new ArrayList<>())
                            .add(new WeeklyHours.Range(LocalTime.parse(row.getString("starts")),
                                    LocalTime.parse(row.getString("ends"))));
                });
        Map<Long, WeeklyHours> hours = new LinkedHashMap<>();
        rows.forEach((practitioner, days) -> hours.put(practitioner, new WeeklyHours(days)));
        return hours;
    }
}
