package app.soapstone.shell;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a command accepts: its options and positional arguments, with their types. The parser
 * checks input against this before the command runs, so unknown options and malformed numbers
 * are reported by name instead of being ignored or failing inside the command.
 */
public record CommandSpec(String name, String description, String group, String help, List<OptionSpec> options,
        List<ArgumentSpec> arguments, ArgumentSpec remainingArguments) {

    /**
     * The options that name a file or folder, as "command --option". Spring Shell's {@code @Option}
     * cannot say so and these are typed as text, so they are listed here, where {@code ~} in them is
     * expanded for every command alike (CommandSpecTest checks each is a real option).
     */
    static final Set<String> PATH_OPTIONS = Set.of("backup --to", "restore --from", "export --to",
            "chart export --out", "plan export --out", "client import --csv", "records verify --backup");

    /** Whether {@code option} of this command names a file or folder. */
    public boolean isPath(OptionSpec option) {
        return PATH_OPTIONS.contains(name + " --" + option.longName());
    }

    public Optional<OptionSpec> option(String longName) {
        return options.stream().filter(o -> o.longName().equals(longName)).findFirst();
    }

    public Optional<OptionSpec> option(char shortName) {
        return options.stream().filter(o -> o.shortName() == shortName && shortName != ' ').findFirst();
    }

    /** An option such as {@code --first-name}. */
    public record OptionSpec(String longName, char shortName, Class<?> type, boolean required, String description,
            String defaultValue) {

        public boolean flag() {
            return type == boolean.class || type == Boolean.class;
        }

        public String placeholder() {
            if (flag()) {
                return "";
            }
            return longName.equals("dob") || longName.endsWith("date") ? "YYYY-MM-DD" : ValueType.placeholder(type);
        }
    }

    /** A positional argument such as the id in {@code client show 12}. */
    public record ArgumentSpec(String name, Class<?> type, String description, boolean required) {
    }
}
