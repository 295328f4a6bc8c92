package app.soapstone.intake;

import app.soapstone.intake.IntakeService.CrampMeasures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.List;

/** The read side of intakes that needs less than whole intake aggregates: the cramp measures over time. */
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
}
