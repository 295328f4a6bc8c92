package app.soapstone.shell;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
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
            "chart export --out", "plan export --out", "appointment ics --out", "client import --csv",
            "records verify --backup", "appointment reminders --csv", "receipt issue --out",
            "receipt reprint --out", "report income --csv");

    /** Whether {@code option} of this command names a file or folder. */
    public boolean isPath(OptionSpec option) {
        return PATH_OPTIONS.contains(name + " --" + option.longName());
    }

    /** Options that take an amount of money, typed as text and read in the clinic's currency. */
    static final List<String> AMOUNTS = List.of("price", "paid", "amount");

    /**
     * The ids a command may be about. Each is named the same way everywhere: as the option
     * ({@code --client 3}) or as the first word after the command ({@code client show 3},
     * {@code session list 3}), whichever the command declares; the parser accepts the other too.
     */
    static final List<String> SUBJECTS = List.of("client", "session", "practitioner", "appointment", "service",
            "receipt");

    /**
     * The option a lone word fills, as in {@code session list 3} for {@code session list --client 3}:
     * {@code --client}, else {@code --session}, for a command that takes no words of its own.
     */
    public Optional<OptionSpec> subjectOption() {
        if (!arguments.isEmpty() || remainingArguments != null) {
            return Optional.empty();
        }
        return SUBJECTS.stream().map(this::option).flatMap(Optional::stream).findFirst();
    }

    /**
     * The position of the argument an option names, as {@code --client} names CLIENT in
     * {@code client show --client 3}; empty when the command has that option itself.
     */
    public OptionalInt argumentFor(String longName) {
        if (!SUBJECTS.contains(longName) || option(longName).isPresent()) {
            return OptionalInt.empty();
        }
        for (int index = 0; index < arguments.size(); index++) {
            if (arguments.get(index).name().equalsIgnoreCase(longName)) {
                return OptionalInt.of(index);
            }
        }
        return OptionalInt.empty();
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
            if (SUBJECTS.contains(longName)) {
                return longName.toUpperCase();
            }
            if (AMOUNTS.contains(longName)) {
                return "AMOUNT";
            }
            return longName.equals("dob") || longName.endsWith("date") ? "YYYY-MM-DD" : ValueType.placeholder(type);
        }
    }

    /** A positional argument such as the id in {@code client show 12}. */
    public record ArgumentSpec(String name, Class<?> type, String description, boolean required) {
    }
}
