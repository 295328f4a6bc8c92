package app.soapstone.intake;

import app.soapstone.intake.IntakeService.CrampMeasures;
import app.soapstone.screening.ScreeningInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The read side of intakes that needs less than whole intake aggregates: the cramp measures over
 * time, and what the screening needs for a day's clients.
 */
@Repository
class IntakeQueries {

    private final JdbcClient jdbc;

    IntakeQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The cramp measures of every intake version of a client, oldest first. */
    List<CrampMeasures> crampMeasures(long clientId) {
        return jdbc.sql("""
                        SELECT version, taken_on, cramp_frequency_per_week, cramp_severity, cramp_sleep_disturbance
                        FROM intake WHERE client_id = ? ORDER BY version""")
                .param(clientId)
                .query((row, n) -> new CrampMeasures(row.getInt(1), LocalDate.parse(row.getString(2)),
                        row.getObject(3) == null ? null : ((Number) row.getObject(3)).doubleValue(),
                        row.getObject(4) == null ? null : ((Number) row.getObject(4)).intValue(),
                        row.getObject(5) == null ? null : ((Number) row.getObject(5)).intValue()))
                .list();
    }

    /**
     * Of the current intake of each client in {@code clientIds} that has one, what the screening
     * reads for an urgent referral, the intake's age and its consent: the red flags, the dates,
     * the consent elements explained and the latest clearance. Conditions, medicines, surgeries
     * and allergies are left empty. One query for all the clients, where loading each intake
     * whole would take seven.
     */
    Map<Long, ScreeningInput> redFlagsAndConsent(Collection<Long> clientIds) {
        Map<Long, ScreeningInput> inputs = new HashMap<>();
        if (clientIds.isEmpty()) {
            return inputs;
        }
        jdbc.sql("""
                        SELECT i.client_id, i.taken_on, i.consent_date,
                               (SELECT string_agg(r.red_flag, ',') FROM intake_red_flag r WHERE r.intake_id = i.id) AS red_flags,
                               (SELECT string_agg(e.element, ',') FROM intake_consent_element e WHERE e.intake_id = i.id)
                                   AS explained,
                               c.cleared_on, c.note
                        FROM intake i
                        LEFT JOIN intake_clearance c ON c.id = (SELECT max(l.id) FROM intake_clearance l WHERE l.intake_id = i.id)
                        WHERE i.client_id IN (:clients)
                          AND i.version = (SELECT max(v.version) FROM intake v WHERE v.client_id = i.client_id)""")
                .param("clients", clientIds)
                .query(row -> {
                    String cleared = row.getString("cleared_on");
                    inputs.put(row.getLong("client_id"), new ScreeningInput(LocalDate.parse(row.getString("taken_on")),
                            List.of(), ids(row.getString("red_flags")), List.of(), List.of(), null,
                            LocalDate.parse(row.getString("consent_date")), ids(row.getString("explained")),
                            cleared == null ? null
                                    : new ScreeningInput.Clearance(LocalDate.parse(cleared), row.getString("note"))));
                });
        return inputs;
    }

    /** Ids joined by string_agg; none for NULL. Template ids hold no commas. */
    private static List<String> ids(String joined) {
        return joined == null ? List.of() : Arrays.asList(joined.split(","));
    }
}
