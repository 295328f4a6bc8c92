package app.soapstone.session;

import app.soapstone.client.DatedRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.Optional;

/** The date of a client's first session. */
@Component
class SessionDates implements DatedRecords {

    private final JdbcClient jdbc;

    SessionDates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DatedRecord> earliest(long clientId) {
        return jdbc.sql("SELECT id, started_at FROM session WHERE client_id = ? ORDER BY started_at, id LIMIT 1")
                .param(clientId)
                .query((row, n) -> new DatedRecord(LocalDate.parse(row.getString(2).substring(0, 10)),
                        "the date of session " + row.getLong(1)))
                .optional();
    }
}
