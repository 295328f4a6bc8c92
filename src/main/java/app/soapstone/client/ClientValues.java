package app.soapstone.client;

import app.soapstone.shell.OptionValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Client ids for TAB completion ({@code --client} and "Client id" arguments), shown with names and
 * found by id or by the start of a name, accents and case aside ({@code zo} finds 12 Zoë).
 */
@Component
class ClientValues implements OptionValues {

    /** Enough to choose from; a longer list is narrowed by typing more of the name. */
    private static final int LIMIT = 50;

    private final JdbcClient jdbc;

    ClientValues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean serves(String command, String slot) {
        return slot.equals("client");
    }

    @Override
    public List<Value> values(Query query) {
        String typed = query.typed().strip();
        String name = SearchText.name(typed).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        // Only an archived client can be restored; every other command is about current clients.
        String archived = query.command().equals("client restore") ? "archived_at IS NOT NULL" : "archived_at IS NULL";
        return jdbc.sql("""
                        SELECT id, first_name, last_name, preferred_name, date_of_birth FROM client
                        WHERE %s AND (CAST(id AS TEXT) LIKE ? || '%%' OR ' ' || search_text LIKE '%% ' || ? || '%%' ESCAPE '\\')
                        ORDER BY CAST(id AS TEXT) LIKE ? || '%%' DESC, last_name, first_name LIMIT ?
                        """.formatted(archived))
                .params(typed, name, typed, LIMIT)
                .query((row, number) -> {
                    String id = Long.toString(row.getLong("id"));
                    String preferred = row.getString("preferred_name");
                    String full = row.getString("first_name") + " " + row.getString("last_name")
                            + (preferred == null || preferred.isBlank() ? "" : " (" + preferred + ")");
                    String born = row.getString("date_of_birth");
                    return new Value(id, id + "  " + full, born == null ? "" : "born " + born);
                }).list();
    }
}
