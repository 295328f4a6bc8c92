package app.soapstone.careplan;

import app.soapstone.shell.OptionValues;
import org.springframework.stereotype.Component;

import java.util.List;

/** TAB completion of {@code --stretches}: the stretch library's ids, each with its title. */
@Component
class StretchValues implements OptionValues {

    private final CarePlanTemplates templates;

    StretchValues(CarePlanTemplates templates) {
        this.templates = templates;
    }

    @Override
    public boolean serves(String command, String slot) {
        return slot.equals("stretches");
    }

    @Override
    public boolean list(String slot) {
        return true;
    }

    @Override
    public List<Value> values(Query query) {
        return templates.stretches().entrySet().stream().filter(e -> e.getKey().startsWith(query.typed()))
                .map(e -> Value.of(e.getKey(), e.getValue().title())).toList();
    }
}
