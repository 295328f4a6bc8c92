package app.soapstone.service;

import app.soapstone.clinic.CurrencyChangeListener;
import app.soapstone.validation.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Refuses to change or clear the clinic's currency while an offered service has a price in it: the
 * price would otherwise be read, or charged, in a currency it was not set in.
 */
@Component
class PricesInCurrency implements CurrencyChangeListener {

    private final JdbcClient jdbc;

    PricesInCurrency(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void currencyChanging(String currency) {
        // A null parameter has no type PostgreSQL can infer, so clearing asks without one.
        String priced = "SELECT id FROM service WHERE retired_at IS NULL AND price_currency IS NOT NULL";
        List<Long> ids = currency == null ? jdbc.sql(priced + " ORDER BY id").query(Long.class).list()
                : jdbc.sql(priced + " AND price_currency <> :currency ORDER BY id").param("currency", currency)
                .query(Long.class).list();
        if (!ids.isEmpty()) {
            throw new ConflictException("--currency: " + (ids.size() == 1 ? "service " : "services ")
                    + String.join(", ", ids.stream().map(String::valueOf).toList())
                    + " still ha" + (ids.size() == 1 ? "s a price" : "ve prices") + " in the clinic's currency:"
                    + " clear them first (service edit N --price ''), then set them again in the new one");
        }
    }
}
