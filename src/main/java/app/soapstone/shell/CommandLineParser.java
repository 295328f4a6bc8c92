package app.soapstone.shell;

import app.soapstone.shell.CommandSpec.ArgumentSpec;
import app.soapstone.shell.CommandSpec.OptionSpec;
import app.soapstone.validation.InvalidInputException;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.ParsedInput;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns words into a checked {@link Invocation}. Unlike Spring Shell's default parser it takes
 * words already split by the operating system's shell (one-shot mode) as they are, reports
 * unknown or repeated options, missing values and malformed numbers by name, and never
 * silently ignores a word.
 */
@Component
public class CommandLineParser implements CommandParser {

    private final CommandCatalog catalog;
    private final UserHome home;

    public CommandLineParser(CommandCatalog catalog, UserHome home) {
        this.catalog = catalog;
        this.home = home;
    }

    @Override
    public ParsedInput parse(String line) {
        return parse(CommandLine.split(line)).input();
    }

    public Invocation parse(List<String> words) {
        if (words.isEmpty()) {
            throw new InvalidInputException("No command given. Type 'help' to see the commands.");
        }
        CommandSpec spec = findCommand(words);
        int nameLength = spec.name().split(" ").length;
        return parseRest(spec, words.subList(nameLength, words.size()));
    }

    private CommandSpec findCommand(List<String> words) {
        for (int length = Math.min(words.size(), 4); length >= 1; length--) {
            String name = String.join(" ", words.subList(0, length));
            var spec = catalog.find(name);
            if (spec.isPresent()) {
                return spec.get();
            }
        }
        Suggestion nearest = nearestCommands(words);
        if (nearest != null) {
            throw new InvalidInputException("Unknown command '" + nearest.typed() + "'. Did you mean "
                    + alternatives(nearest.names()) + "?");
        }
        String first = words.get(0);
        List<String> subcommands = catalog.all().stream().map(CommandSpec::name)
                .filter(n -> n.startsWith(first + " ")).map(n -> n.substring(first.length() + 1)).toList();
        if (!subcommands.isEmpty()) {
            String given = words.size() > 1 ? "'" + first + " " + words.get(1) + "' is not a command" : "'" + first
                    + "' needs a subcommand";
            throw new InvalidInputException(given + "; use one of: " + String.join(", ", subcommands.stream()
                    .map(s -> first + " " + s).toList()));
        }
        throw new InvalidInputException("Unknown command '" + first + "'. Type 'help' to see the commands.");
    }

    /** The command names nearest to what was typed, and the words they were compared with. */
    private record Suggestion(String typed, List<String> names) {
    }

    /**
     * The commands nearest to the typed words, each whole name compared with as many typed words as
     * it has, so "client lst" finds "client list" and "sesion list" finds "session list". A name is
     * near when at most two edits, and no more than a third of its length, away; ties are all
     * offered, up to three. Null when nothing is near.
     */
    private Suggestion nearestCommands(List<String> words) {
        List<String> commands = catalog.all().stream().map(CommandSpec::name).toList();
        Suggestion nearest = nearest(words, commands);
        if (nearest != null) {
            return nearest;
        }
        // Else a mistyped group ("cleint"); a group typed right is answered with its subcommands.
        List<String> groups = commands.stream().filter(n -> n.contains(" ")).map(n -> n.split(" ")[0]).distinct()
                .toList();
        return groups.contains(words.get(0)) ? null : nearest(words.subList(0, 1), groups);
    }

    private static Suggestion nearest(List<String> words, List<String> candidates) {
        int best = Integer.MAX_VALUE;
        String typed = null;
        List<String> names = new ArrayList<>();
        for (String name : candidates) {
            int length = name.split(" ").length;
            if (length > words.size()) {
                continue;
            }
            String given = String.join(" ", words.subList(0, length));
            int distance = optimalAlignmentDistance(given, name);
            if (distance > Math.min(2, Math.max(1, name.length() / 3))) {
                continue;
            }
            if (distance < best) {
                best = distance;
                typed = given;
                names.clear();
            }
            if (distance == best && names.size() < 3) {
                names.add(name);
            }
        }
        return names.isEmpty() ? null : new Suggestion(typed, List.copyOf(names));
    }

    private static String alternatives(List<String> names) {
        List<String> quoted = names.stream().map(n -> "'" + n + "'").toList();
        return quoted.size() == 1 ? quoted.get(0)
                : String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.getLast();
    }

    /**
     * Damerau-Levenshtein distance in its optimal string alignment form: insertions, deletions,
     * substitutions and swaps of two neighbouring letters ("cleint") each count one.
     */
    static int optimalAlignmentDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private Invocation parseRest(CommandSpec spec, List<String> words) {
        ParsedInput.Builder builder = ParsedInput.builder();
        String[] nameParts = spec.name().split(" ");
        builder.commandName(nameParts[0]);
        for (int i = 1; i < nameParts.length; i++) {
            builder.addSubCommand(nameParts[i]);
        }
        Set<String> seen = new HashSet<>();
        List<String> positional = new ArrayList<>();
        SortedMap<Integer, String> named = new TreeMap<>();
        boolean help = false;
        boolean onlyPositional = false;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (onlyPositional || !isOptionWord(word)) {
                positional.add(word);
                continue;
            }
            if (word.equals("--")) {
                onlyPositional = true;
                continue;
            }
            if (word.equals("--help") || word.equals("-h")) {
                help = true;
                continue;
            }
            String name = word.startsWith("--") ? word.substring(2) : word.substring(1);
            String inlineValue = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                inlineValue = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            OptionalInt argument = word.startsWith("--") ? spec.argumentFor(name) : OptionalInt.empty();
            if (argument.isPresent()) {
                if (!seen.add(name)) {
                    throw new InvalidInputException("--" + name + " is given more than once");
                }
                String value = inlineValue != null ? inlineValue : valueAfter(spec, words, i++, name, name.toUpperCase());
                named.put(argument.getAsInt(), value);
                continue;
            }
            OptionSpec option = findOption(spec, word, name);
            if (!seen.add(option.longName())) {
                throw new InvalidInputException("--" + option.longName() + " is given more than once");
            }
            String value;
            if (inlineValue != null) {
                value = inlineValue;
            } else if (option.flag()) {
                value = "true";
            } else {
                value = valueAfter(spec, words, i++, option.longName(), option.placeholder());
            }
            addOption(builder, spec, option, value);
        }
        if (help) {
            return new Invocation(spec, builder.build(), true);
        }
        Optional<OptionSpec> subject = spec.subjectOption();
        if (subject.isPresent() && !positional.isEmpty()) {
            OptionSpec option = subject.get();
            if (!seen.add(option.longName())) {
                throw new InvalidInputException(spec.name() + ": the " + option.longName() + " id is given twice, as '"
                        + positional.get(0) + "' and as --" + option.longName());
            }
            addOption(builder, spec, option, positional.remove(0));
        }
        for (var entry : named.entrySet()) {
            int index = entry.getKey();
            if (index < positional.size()) {
                String name = spec.arguments().get(index).name();
                throw new InvalidInputException(spec.name() + ": " + name + " is given twice, as '"
                        + positional.get(index) + "' and as --" + name.toLowerCase());
            }
            positional.add(Math.min(index, positional.size()), entry.getValue());
        }
        for (OptionSpec option : spec.options()) {
            if (option.required() && !seen.contains(option.longName())) {
                throw new InvalidInputException("--" + option.longName() + " is required (" + spec.name() + " "
                        + usageOfRequired(spec) + ")");
            }
        }
        addArguments(spec, positional, builder);
        return new Invocation(spec, builder.build(), false);
    }

    /** The word after option {@code words[at]}, which is its value unless it is another option. */
    private static String valueAfter(CommandSpec spec, List<String> words, int at, String option, String placeholder) {
        if (at + 1 < words.size() && !isKnownOption(spec, words.get(at + 1))) {
            return words.get(at + 1);
        }
        throw new InvalidInputException("--" + option + " needs a value (" + placeholder + ")");
    }

    private void addOption(ParsedInput.Builder builder, CommandSpec spec, OptionSpec option, String given) {
        String value = spec.isPath(option) ? home.expand(given) : given;
        ValueType.check("--" + option.longName(), value, option.type());
        builder.addOption(CommandOption.with().longName(option.longName()).shortName(option.shortName())
                .type(option.type()).value(ValueType.normalise(value, option.type())).build());
    }

    private void addArguments(CommandSpec spec, List<String> positional, ParsedInput.Builder builder) {
        List<ArgumentSpec> arguments = spec.arguments();
        for (int index = 0; index < arguments.size(); index++) {
            ArgumentSpec argument = arguments.get(index);
            if (index >= positional.size()) {
                if (argument.required()) {
                    throw new InvalidInputException(spec.name() + " needs " + argument.name() + " (" + spec.name()
                            + " " + argument.name() + ")");
                }
                continue;
            }
            String value = positional.get(index);
            ValueType.check(argument.name(), value, argument.type());
            builder.addArgument(new CommandArgument(index, ValueType.normalise(value, argument.type())));
        }
        if (positional.size() > arguments.size()) {
            if (spec.remainingArguments() == null) {
                throw new InvalidInputException(spec.name() + ": unexpected '" + positional.get(arguments.size())
                        + "' (values with spaces need quotes; see 'help " + spec.name() + "')");
            }
            for (int index = arguments.size(); index < positional.size(); index++) {
                builder.addArgument(new CommandArgument(index, positional.get(index)));
            }
        }
    }

    private static OptionSpec findOption(CommandSpec spec, String typed, String name) {
        var option = typed.startsWith("--") ? spec.option(name)
                : name.length() == 1 ? spec.option(name.charAt(0)) : Optional.<OptionSpec>empty();
        return option.orElseThrow(() -> {
            // "-calf" to a command that takes words is a word, not a mistyped --all.
            boolean aWord = spec.remainingArguments() != null && !typed.startsWith("--");
            String suggestion = aWord ? null : closest(name, spec.options().stream().map(OptionSpec::longName).toList());
            String asText = spec.remainingArguments() == null ? ""
                    : " (a word starting with - goes after --: " + spec.name() + " -- " + typed + ")";
            return new InvalidInputException(spec.name() + ": unknown option " + typed
                    + (suggestion == null ? "" : " (did you mean --" + suggestion + "?)")
                    + "; see 'help " + spec.name() + "'" + asText);
        });
    }

    private static boolean isOptionWord(String word) {
        return word.startsWith("-") && word.length() > 1 && !isNumber(word);
    }

    private static boolean isKnownOption(CommandSpec spec, String word) {
        if (word.equals("--") || word.equals("--help")) {
            return true;
        }
        if (!word.startsWith("--")) {
            return false;
        }
        String name = word.substring(2);
        int equals = name.indexOf('=');
        String longName = equals >= 0 ? name.substring(0, equals) : name;
        return spec.option(longName).isPresent() || spec.argumentFor(longName).isPresent();
    }

    private static boolean isNumber(String word) {
        return word.matches("-\\d+(\\.\\d+)?");
    }

    /** The required part of the usage, the subject first as its bare id: "intake new CLIENT --consent-by TEXT". */
    private static String usageOfRequired(CommandSpec spec) {
        Optional<OptionSpec> subject = spec.subjectOption();
        return spec.options().stream().filter(OptionSpec::required)
                .sorted(Comparator.comparing(o -> !subject.equals(Optional.of(o))))
                .map(o -> subject.equals(Optional.of(o)) ? o.placeholder() : "--" + o.longName() + " " + o.placeholder())
                .collect(Collectors.joining(" "));
    }

    /** The candidate nearest to {@code word} by edit distance, if it is a plausible typo. */
    static String closest(String word, List<String> candidates) {
        return candidates.stream()
                .filter(c -> nearness(word, c) <= Math.max(1, Math.min(3, word.length() / 2)))
                .min(Comparator.comparingInt(c -> nearness(word, c)))
                .orElse(null);
    }

    /** Edit distance to the candidate or to its start, so "frist" is near "first-name". */
    private static int nearness(String word, String candidate) {
        String start = candidate.substring(0, Math.min(candidate.length(), word.length()));
        return Math.min(distance(word, candidate), distance(word, start));
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
