package app.soapstone.billing;

import app.soapstone.shell.OptionValues;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The clinic's procedure codes for TAB completion of {@code --codes} (a service's) and
 * {@code --procedures} (a session's minutes by code, {@code 97124:40}: the code, then the minutes
 * typed), each after the last comma, with what it is.
 */
@Component
class ProcedureCodeValues implements OptionValues {

    private final BillingCodes codes;

    ProcedureCodeValues(BillingCodes codes) {
        this.codes = codes;
    }

    @Override
    public boolean serves(String command, String slot) {
        return slot.equals("codes") || slot.equals("procedures");
    }

    @Override
    public boolean list(String slot) {
        return true;
    }

    @Override
    public List<Value> values(Query query) {
        // A code given minutes before the last comma ("97124:40,") is not offered again.
        Set<String> given = query.option(query.slot()).map(value -> Arrays.stream(value.split(","))
                .map(item -> item.contains(":") ? item.substring(0, item.indexOf(':')).strip() : "")
                .collect(Collectors.toSet())).orElse(Set.of());
        return codes.procedures().stream().filter(code -> code.code().startsWith(query.typed().strip()))
                .filter(code -> !given.contains(code.code()))
                .map(code -> Value.of(code.code(), code.description() + (code.timed() ? ", timed" : "")))
                .toList();
    }
}
