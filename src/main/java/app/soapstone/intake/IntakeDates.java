package app.soapstone.intake;

import app.soapstone.client.DatedRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The earliest date in a client's intakes: when one was taken, its consent, a clearance, or a
 * surgery (the last day of its year or month, when only that is known).
 */
@Component
class IntakeDates implements DatedRecords {

    private final JdbcClient jdbc;

    IntakeDates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DatedRecord> earliest(long clientId) {
        List<DatedRecord> dates = new ArrayList<>(jdbc.sql("""
                        SELECT 'the date of intake version ' || version, taken_on FROM intake WHERE client_id = :client
                        UNION ALL
                        SELECT 'the consent date of intake version ' || version, consent_date FROM intake
                        WHERE client_id = :client
                        UNION ALL
                        SELECT 'the medical clearance of intake version ' || i.version, c.cleared_on
                        FROM intake_clearance c JOIN intake i ON i.id = c.intake_id WHERE i.client_id = :client
                        ORDER BY 2 LIMIT 1""")
                .param("client", clientId)
                .query((row, n) -> new DatedRecord(LocalDate.parse(row.getString(2)), row.getString(1))).list());
        jdbc.sql("""
                        SELECT i.version, s.description, s.performed FROM intake_surgery s JOIN intake i ON i.id = s.intake_id
                        WHERE i.client_id = ? AND s.performed IS NOT NULL""")
                .param(clientId)
                .query((row, n) -> new DatedRecord(SurgeryList.latestDate(row.getString(3), "surgeries"),
                        "the surgery '" + row.getString(2) + "' of intake version " + row.getInt(1)))
                .list().forEach(dates::add);
        return dates.stream().min(Comparator.comparing(DatedRecord::date));
    }
}
