package app.soapstone.shell;

import app.soapstone.shell.CommandSpec.ArgumentSpec;
import app.soapstone.shell.CommandSpec.OptionSpec;
import org.springframework.context.ApplicationContext;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every command the shell offers, with what it accepts. Annotated commands are read from their
 * methods (Spring Shell keeps no record of positional arguments); built-in commands from the
 * Spring Shell registry.
 */
@Component
public class CommandCatalog {

    private final CommandRegistry registry;
    private final ApplicationContext context;
    private volatile Map<String, CommandSpec> specs;

    public CommandCatalog(CommandRegistry registry, ApplicationContext context) {
        this.registry = registry;
        this.context = context;
    }

    public Optional<CommandSpec> find(String name) {
        return Optional.ofNullable(specs().get(name));
    }

    /** All visible commands, sorted by name. */
    public List<CommandSpec> all() {
        return specs().values().stream().sorted(Comparator.comparing(CommandSpec::name)).toList();
    }

    public CommandRegistry registry() {
        return registry;
    }

    private Map<String, CommandSpec> specs() {
        Map<String, CommandSpec> result = specs;
        if (result == null) {
            result = build();
            specs = result;
        }
        return result;
    }

    private Map<String, CommandSpec> build() {
        Map<String, CommandSpec> result = new HashMap<>();
        for (CommandMethods.Found found : CommandMethods.in(context)) {
            CommandSpec spec = fromMethod(found.method(), found.annotation(), found.name());
            result.put(spec.name(), spec);
        }
        for (Command command : registry().getCommands()) {
            if (!command.isHidden() && !result.containsKey(command.getName())) {
                result.put(command.getName(), fromBuiltIn(command));
            }
        }
        return Map.copyOf(result);
    }

    private static CommandSpec fromMethod(Method method, org.springframework.shell.core.command.annotation.Command annotation,
            String name) {
        List<OptionSpec> options = new ArrayList<>();
        List<ArgumentSpec> arguments = new ArrayList<>();
        ArgumentSpec remaining = null;
        for (Parameter parameter : method.getParameters()) {
            Option option = parameter.getAnnotation(Option.class);
            Argument argument = parameter.getAnnotation(Argument.class);
            Arguments rest = parameter.getAnnotation(Arguments.class);
            if (option != null) {
                String longName = option.longName().isEmpty() ? parameter.getName() : option.longName();
                options.add(new OptionSpec(longName, option.shortName(), parameter.getType(), option.required(),
                        option.description(), option.defaultValue()));
            } else if (argument != null) {
                arguments.add(new ArgumentSpec(argumentName(parameter), parameter.getType(),
                        argument.description(), argument.defaultValue().isEmpty()));
            } else if (rest != null) {
                remaining = new ArgumentSpec(parameter.getName().toUpperCase(), String.class, "", false);
            }
        }
        return new CommandSpec(name, annotation.description(), annotation.group(), annotation.help(), List.copyOf(options),
                List.copyOf(arguments), remaining);
    }

    private static String argumentName(Parameter parameter) {
        return parameter.getName().replaceAll("([a-z])([A-Z])", "$1-$2").toUpperCase();
    }

    private static CommandSpec fromBuiltIn(Command command) {
        List<OptionSpec> options = new ArrayList<>();
        for (CommandOption option : command.getOptions()) {
            options.add(new OptionSpec(option.longName() == null ? "" : option.longName(), option.shortName(),
                    option.type(), Boolean.TRUE.equals(option.required()),
                    option.description() == null ? "" : option.description(),
                    option.defaultValue() == null ? "" : option.defaultValue()));
        }
        return new CommandSpec(command.getName(), command.getDescription(), "Shell", "", List.copyOf(options), List.of(),
                null);
    }
}
