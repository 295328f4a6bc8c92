package app.soapstone.shell;

import app.soapstone.shell.CommandSpec.ArgumentSpec;
import app.soapstone.shell.CommandSpec.OptionSpec;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The text of {@code help} and {@code help COMMAND}. */
@Component
public class HelpText {

    /** Where the description of an option or argument starts, after the two spaces of indent. */
    private static final int NAME_COLUMN = 26;

    private final CommandCatalog catalog;
    private final ObjectProvider<CommandPermissions> permissions;

    public HelpText(CommandCatalog catalog, ObjectProvider<CommandPermissions> permissions) {
        this.catalog = catalog;
        this.permissions = permissions;
    }

    public String overview() {
        Map<String, List<CommandSpec>> groups = new LinkedHashMap<>();
        for (CommandSpec spec : catalog.all()) {
            groups.computeIfAbsent(spec.group().isBlank() ? "Other" : spec.group(), g -> new ArrayList<>())
                    .add(spec);
        }
        int width = catalog.all().stream().mapToInt(s -> s.name().length()).max().orElse(10) + 2;
        // Every command is listed; those this login may not run are marked, not hidden, so a front
        // desk sees what exists and whom to ask.
        CommandPermissions allowed = permissions.getIfAvailable();
        StringBuilder text = new StringBuilder("Soapstone - practice records for massage therapists\n");
        groups.entrySet().stream()
                .sorted(Map.Entry.comparingByKey((a, b) -> a.equals("Shell") ? 1 : b.equals("Shell") ? -1 : a.compareTo(b)))
                .forEach(group -> {
                    text.append('\n').append(group.getKey()).append('\n');
                    for (CommandSpec spec : group.getValue()) {
                        boolean refused = allowed != null && allowed.refusal(spec.name()).isPresent();
                        text.append(refused ? "x " : "  ").append(pad(spec.name(), width)).append(spec.description())
                                .append('\n');
                    }
                });
        if (allowed != null && catalog.all().stream().anyMatch(s -> allowed.refusal(s.name()).isPresent())) {
            text.append("\nx: not for this database login's role (help COMMAND says why).");
        }
        text.append("\nType 'help COMMAND' (or COMMAND --help) for its options, e.g. 'help client add'.");
        return text.toString();
    }

    public String forCommand(CommandSpec spec) {
        StringBuilder text = new StringBuilder();
        text.append(spec.name()).append(" - ").append(spec.description()).append("\n\n");
        text.append("Usage: ").append(usage(spec)).append('\n');
        CommandPermissions allowed = permissions.getIfAvailable();
        if (allowed != null) {
            allowed.refusal(spec.name()).ifPresent(why -> text.append("\nNot for this login: ").append(why).append('\n'));
        }
        if (!spec.help().isBlank()) {
            text.append('\n').append(Prose.unwrap(spec.help())).append('\n');
        }
        if (!spec.arguments().isEmpty()) {
            text.append("\nArguments:\n");
            for (ArgumentSpec argument : spec.arguments()) {
                String alias = spec.argumentFor(argument.name().toLowerCase()).isPresent()
                        ? " (or --" + argument.name().toLowerCase() + " " + argument.name() + ")" : "";
                text.append("  ").append(column(argument.name())).append(argument.description()).append(alias)
                        .append('\n');
            }
        }
        if (!spec.options().isEmpty()) {
            text.append("\nOptions:\n");
            Optional<OptionSpec> subject = spec.subjectOption();
            for (OptionSpec option : spec.options()) {
                String left = "--" + option.longName() + (option.flag() ? "" : " " + option.placeholder());
                String description = option.description()
                        + (subject.equals(Optional.of(option)) ? ", or alone after the command" : "")
                        + (option.required() ? " (required)" : "")
                        + (option.defaultValue().isBlank() ? "" : " (default " + option.defaultValue() + ")");
                text.append("  ").append(column(left)).append(description).append('\n');
            }
        }
        text.append("  ").append(column("--help")).append("Show this help\n");
        return text.toString().stripTrailing();
    }

    public String usage(CommandSpec spec) {
        String arguments = spec.arguments().stream().map(a -> a.required() ? a.name() : "[" + a.name() + "]")
                .collect(Collectors.joining(" "));
        String rest = spec.remainingArguments() == null ? "" : spec.remainingArguments().name() + "...";
        Optional<OptionSpec> subject = spec.subjectOption();
        String first = subject.map(o -> o.required() ? o.placeholder() : "[" + o.placeholder() + "]").orElse("");
        String options = spec.options().stream()
                .filter(o -> !subject.equals(Optional.of(o)))
                .map(o -> {
                    String text = "--" + o.longName() + (o.flag() ? "" : " " + o.placeholder());
                    return o.required() ? text : "[" + text + "]";
                })
                .collect(Collectors.joining(" "));
        return String.join(" ", Stream.of(spec.name(), first, arguments, rest, options)
                .filter(s -> !s.isBlank()).toList());
    }

    /**
     * An option or argument padded to the column its description starts in; one too long for it
     * ("--practitioner PRACTITIONER") has its description on the next line, in that column, so a
     * narrow screen wraps the description under itself.
     */
    private static String column(String left) {
        return left.length() < NAME_COLUMN - 1 ? pad(left, NAME_COLUMN) : left + "\n" + " ".repeat(NAME_COLUMN + 2);
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + "  " : text + " ".repeat(width - text.length());
    }
}
