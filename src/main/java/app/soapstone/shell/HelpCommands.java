package app.soapstone.shell;

import app.soapstone.validation.InvalidInputException;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

import java.util.List;

/** {@code help} and {@code help COMMAND}. */
@Component
class HelpCommands {

    private final HelpText helpText;
    private final CommandCatalog catalog;

    HelpCommands(HelpText helpText, CommandCatalog catalog) {
        this.helpText = helpText;
        this.catalog = catalog;
    }

    @Command(name = "help", description = "List the commands, or show one command's options", group = "Shell")
    String help(@Arguments List<String> command) {
        if (command == null || command.isEmpty()) {
            return helpText.overview();
        }
        String name = String.join(" ", command);
        return catalog.find(name).map(helpText::forCommand).orElseGet(() -> {
            List<CommandSpec> family = catalog.all().stream().filter(s -> s.name().startsWith(name + " ")).toList();
            if (family.isEmpty()) {
                throw new InvalidInputException("No command '" + name + "'. Type 'help' to see the commands.");
            }
            StringBuilder text = new StringBuilder();
            family.forEach(s -> text.append(helpText.usage(s)).append("\n    ").append(s.description()).append('\n'));
            return text.toString().stripTrailing();
        });
    }
}
