package app.soapstone.template;

import app.soapstone.shell.Screen;
import app.soapstone.shell.Tables;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code template list}: which templates are in use and where each came from. */
@Component
class TemplateCommands {

    private final TemplateFiles templates;
    private final List<TemplateSet> sets;
    private final Screen screen;

    TemplateCommands(TemplateFiles templates, List<TemplateSet> sets, Screen screen) {
        this.templates = templates;
        this.sets = sets;
        this.screen = screen;
    }

    @Command(name = "template list", group = "Care plans",
            description = "List the templates in use, the option that takes each (--template general) and where each"
                    + " came from (bundled or SOAPSTONE_TEMPLATES)")
    String list() {
        sets.forEach(TemplateSet::load);
        Map<String, String> uses = new HashMap<>();
        sets.forEach(set -> uses.putAll(set.takenAs()));
        List<List<String>> rows = templates.used().entrySet().stream()
                .map(e -> List.of(e.getKey(), uses.getOrDefault(e.getKey(), "-"),
                        e.getValue().startsWith("bundled:") ? "bundled" : e.getValue()))
                .toList();
        return Tables.render(List.of("Template", "Use as", "Source"), rows, screen.width());
    }
}
