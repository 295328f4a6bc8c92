package app.soapstone.receipt;

import app.soapstone.shell.OptionValues;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The sessions {@code receipt issue --session} offers on TAB, before the session feature's own list:
 * those of the client on the line, or the most recent, the ones with no receipt in force first, each
 * with its date, client and receipt. It reads of a session only what a receipt does (its client and
 * start), so the front desk, which may read no more on PostgreSQL, is offered them too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class VisitValues implements OptionValues {

    private static final int LIMIT = 30;

    private final JdbcClient jdbc;

    VisitValues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean serves(String command, String slot) {
        return command.equals("receipt issue") && slot.equals("session");
    }

    @Override
    public List<Value> values(Query query) {
        Long client = query.option("client").filter(id -> id.strip().matches("\\d{1,18}"))
                .map(id -> Long.parseLong(id.strip())).orElse(null);
        // CAST: PostgreSQL must know the type of a parameter that may be NULL; SQLite accepts it.
        return jdbc.sql("""
                        SELECT * FROM (
                            SELECT s.id, s.started_at, c.first_name, c.last_name,
                                   (SELECT max(r.number) FROM receipt r WHERE r.session_id = s.id
                                      AND r.id NOT IN (SELECT receipt_id FROM receipt_void)) AS receipt
                            FROM session s JOIN client c ON c.id = s.client_id
                            WHERE (CAST(? AS BIGINT) IS NULL OR s.client_id = ?) AND CAST(s.id AS TEXT) LIKE ? || '%'
                        ) visit
                        ORDER BY receipt IS NOT NULL, started_at DESC, id DESC LIMIT ?""")
                .params(client, client, query.typed().strip(), LIMIT)
                .query((row, n) -> {
                    String id = Long.toString(row.getLong("id"));
                    long receipt = row.getLong("receipt");
                    String status = row.wasNull() ? "no receipt" : "receipt " + receipt;
                    return new Value(id, id + "  " + row.getString("started_at").replace('T', ' ') + "  "
                            + row.getString("first_name") + " " + row.getString("last_name"), status);
                }).list();
    }
}
