package app.soapstone.shell;

import app.soapstone.validation.InvalidInputException;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/** {@code help}, {@code help COMMAND} and {@code version}. */
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

    @Command(name = "version", description = "Show Soapstone's version", group = "Shell")
    String version() {
        return "Soapstone " + VERSION;
    }

    /** The build's version, written into {@code version.properties} by Maven's resource filtering. */
    static final String VERSION = readVersion();

    private static String readVersion() {
        try (InputStream in = HelpCommands.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            String version = properties.getProperty("version", "");
            // Unfiltered (run from an IDE that copies resources as they are): say so rather than show "@...@".
            return version.isBlank() || version.startsWith("@") ? "(development build)" : version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
