package app.soapstone.clinic;

import app.soapstone.shell.OptionValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** Practitioner ids for TAB completion, shown with names, found by id or by the start of a name. */
@Component
class PractitionerValues implements OptionValues {

    private final JdbcClient jdbc;

    PractitionerValues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean serves(String command, String slot) {
        return slot.equals("practitioner");
    }

    @Override
    public List<Value> values(Query query) {
        // A clinic has a handful of practitioners: all are read, and matched here by id or the
        // start of any word of the name, case aside.
        return jdbc.sql("SELECT id, name, credentials, is_default FROM practitioner ORDER BY id")
                .query((row, number) -> {
                    String id = Long.toString(row.getLong("id"));
                    String name = row.getString("name");
                    return query.startsIdOrWord(id, name) ? new Value(id, id + "  " + name, row.getString("credentials")
                            + (row.getBoolean("is_default") ? ", default" : "")) : null;
                }).list().stream().filter(value -> value != null).toList();
    }
}
