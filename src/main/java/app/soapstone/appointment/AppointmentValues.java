package app.soapstone.appointment;

import app.soapstone.clinic.ClinicService;
import app.soapstone.shell.OptionValues;
import app.soapstone.storage.SqliteDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Appointment ids for TAB completion ("Appointment id" of {@code appointment move|cancel|no-show|done}):
 * booked appointments only, the ones these commands take, shown as the desk says them, "7  Tue 1 Dec
 * 14:30 Zoë Ł. with Sam". {@code done} and {@code no-show} offer those that have begun, latest first;
 * {@code move} and {@code cancel} those from today on, soonest first.
 */
@Component
class AppointmentValues implements OptionValues {

    private static final int LIMIT = 30;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private final JdbcClient jdbc;
    private final ClinicService clinic;
    private final Clock clock;

    AppointmentValues(JdbcClient jdbc, ClinicService clinic, Clock clock) {
        this.jdbc = jdbc;
        this.clinic = clinic;
        this.clock = clock;
    }

    @Override
    public boolean serves(String command, String slot) {
        return slot.equals("appointment");
    }

    @Override
    public List<Value> values(Query query) {
        ZoneId zone = clinic.zone();
        Instant now = clock.instant();
        boolean begun = query.command().equals("appointment done") || query.command().equals("appointment no-show");
        String time = SqliteDialect.INSTANT_TEXT.format(begun ? now
                : ClinicTime.today(clock, zone).atStartOfDay(zone).toInstant());
        String sql = """
                SELECT a.id, a.starts_at, c.first_name, c.preferred_name, c.last_name, p.name AS practitioner
                FROM appointment a JOIN client c ON c.id = a.client_id JOIN practitioner p ON p.id = a.practitioner_id
                WHERE a.status = 'BOOKED' AND CAST(a.id AS TEXT) LIKE ? || '%'
                """ + (begun ? "AND a.starts_at <= ? ORDER BY a.starts_at DESC, a.id DESC"
                : "AND a.starts_at >= ? ORDER BY a.starts_at, a.id") + " LIMIT ?";
        return jdbc.sql(sql).params(query.typed().strip(), time, LIMIT).query((row, number) -> {
            String id = Long.toString(row.getLong("id"));
            LocalDateTime at = LocalDateTime.ofInstant(Instant.parse(row.getString("starts_at")), zone);
            String preferred = row.getString("preferred_name");
            String first = preferred == null || preferred.isBlank() ? row.getString("first_name") : preferred;
            String last = row.getString("last_name");
            String who = first + " " + last.substring(0, last.offsetByCodePoints(0, 1)) + ". with "
                    + row.getString("practitioner").split("\\s+")[0];
            return new Value(id, id + "  " + WHEN.format(at) + " " + who, "");
        }).list();
    }
}
