package app.soapstone.service;

import app.soapstone.shell.OptionValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Objects;

/**
 * Service ids for TAB completion ({@code --service} and the "Service id" of {@code service edit|retire}),
 * shown with names, found by id or by the start of any word of the name. Only offered services:
 * a retired one can be neither booked nor changed.
 */
@Component
class ServiceValues implements OptionValues {

    private final JdbcClient jdbc;

    ServiceValues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean serves(String command, String slot) {
        return slot.equals("service");
    }

    @Override
    public List<Value> values(Query query) {
        // A clinic offers tens of services, not thousands: all are read and matched here.
        return jdbc.sql("SELECT id, name, minutes FROM service WHERE retired_at IS NULL ORDER BY id")
                .query((row, number) -> {
                    String id = Long.toString(row.getLong("id"));
                    String name = row.getString("name");
                    return query.startsIdOrWord(id, name)
                            ? new Value(id, id + "  " + name, row.getInt("minutes") + " min") : null;
                }).list().stream().filter(Objects::nonNull).toList();
    }
}
