package app.soapstone.billing;

import app.soapstone.shell.OptionValues;
import org.springframework.stereotype.Component;

import java.util.List;

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
        return codes.procedures().stream().filter(code -> code.code().startsWith(query.typed().strip()))
                .map(code -> Value.of(code.code(), code.description() + (code.timed() ? ", timed" : "")))
                .toList();
    }
}
