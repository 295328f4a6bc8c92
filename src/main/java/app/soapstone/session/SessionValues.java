package app.soapstone.session;

import app.soapstone.shell.OptionValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Session ids for TAB completion ({@code --session} and "Session id" arguments): the sessions of the
 * client given on the line, or the most recent ones, newest first, with date, client and status.
 * {@code session sign} offers unsigned notes only, the ones it can sign. Also the SOAP templates by
 * the name {@code --template} takes.
 */
@Component
class SessionValues implements OptionValues {

    private static final int LIMIT = 30;

    private final JdbcClient jdbc;
    private final SoapTemplates templates;

    SessionValues(JdbcClient jdbc, SoapTemplates templates) {
        this.jdbc = jdbc;
        this.templates = templates;
    }

    @Override
    public boolean serves(String command, String slot) {
        return slot.equals("session") || slot.equals("template") && command.startsWith("session ");
    }

    @Override
    public List<Value> values(Query query) {
        if (query.slot().equals("template")) {
            return templates.names().stream().filter(name -> name.startsWith(query.typed()))
                    .map(name -> Value.of(name, templates.get(name).title())).toList();
        }
        Long client = query.option("client").filter(id -> id.strip().matches("\\d{1,18}"))
                .map(id -> Long.parseLong(id.strip())).orElse(null);
        String typed = query.typed().strip();
        // CAST: PostgreSQL must know the type of a parameter that may be NULL; SQLite accepts it.
        return jdbc.sql("""
                        SELECT s.id, s.started_at, s.signed_at, c.first_name, c.last_name FROM session s
                        JOIN client c ON c.id = s.client_id
                        WHERE (CAST(? AS BIGINT) IS NULL OR s.client_id = ?) AND CAST(s.id AS TEXT) LIKE ? || '%'
                          AND (? = 0 OR s.signed_at IS NULL)
                        ORDER BY s.started_at DESC, s.id DESC LIMIT ?
                        """)
                .params(client, client, typed, query.command().equals("session sign") ? 1 : 0, LIMIT)
                .query((row, number) -> {
                    String id = Long.toString(row.getLong("id"));
                    String when = row.getString("started_at").replace('T', ' ');
                    String who = client == null ? "  " + row.getString("first_name") + " " + row.getString("last_name") : "";
                    return new Value(id, id + "  " + when + who, row.getString("signed_at") == null ? "unsigned" : "signed");
                }).list();
    }
}
