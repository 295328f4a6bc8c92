package app.soapstone.clinic;

import app.soapstone.shell.OptionValues;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * TAB completion for {@code clinic set}: the country (ISO 3166 codes with their names), the time
 * zone (regions as the IANA database names them, found by area or city: "syd" finds
 * Australia/Sydney) and the currency (ISO 4217 codes with their names, found by either: "can"
 * finds CAD). Only what {@code clinic set} accepts is offered.
 */
@Component
class ClinicValues implements OptionValues {

    @Override
    public boolean serves(String command, String slot) {
        return command.equals("clinic set") && List.of("country", "time-zone", "currency").contains(slot);
    }

    @Override
    public List<Value> values(Query query) {
        Stream<Value> all = switch (query.slot()) {
            case "country" -> Stream.of(Locale.getISOCountries())
                    .map(code -> Value.of(code, Locale.of("", code).getDisplayCountry(Locale.ENGLISH)));
            case "currency" -> Currency.getAvailableCurrencies().stream()
                    // Gold, test codes and the like have no minor unit; nobody is paid in them, and they are refused.
                    .filter(currency -> currency.getDefaultFractionDigits() >= 0)
                    .map(currency -> Value.of(currency.getCurrencyCode(), currency.getDisplayName(Locale.ENGLISH)));
            default -> ZoneId.getAvailableZoneIds().stream()
                    .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
                    .map(id -> Value.of(id, ""));
        };
        String typed = query.typed().strip().toLowerCase(Locale.ROOT);
        return all.filter(value -> matches(value, typed)).sorted(Comparator.comparing(Value::value)).toList();
    }

    /** By the start of its code or name, or of a word of its name, or of the city of a zone; case aside. */
    private static boolean matches(Value value, String typed) {
        String code = value.value().toLowerCase(Locale.ROOT);
        return code.startsWith(typed) || code.substring(code.lastIndexOf('/') + 1).startsWith(typed)
                || query(value.description()).anyMatch(word -> word.startsWith(typed));
    }

    private static Stream<String> query(String name) {
        return Stream.of(name.toLowerCase(Locale.ROOT).split("[\\s/]+"));
    }
}
