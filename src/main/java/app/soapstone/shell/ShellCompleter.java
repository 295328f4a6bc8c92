package app.soapstone.shell;

import app.soapstone.shell.CommandSpec.ArgumentSpec;
import app.soapstone.shell.CommandSpec.OptionSpec;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.CompletionMatcherImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * TAB completion in the interactive shell, from the {@link CommandCatalog}: command words, option
 * names, and option values - enum constants as they are typed, files and folders for path options,
 * and what the features' {@link OptionValues} beans offer (clients by name, sessions of the client
 * on the line, word lists). Replaces Spring Shell's completer, which knows commands and options only.
 */
@Component
@Lazy
public class ShellCompleter implements Completer {

    /** At most this many files of a folder are offered, so a huge folder cannot stall the prompt. */
    private static final int MAX_FILES = 200;

    private final CommandCatalog catalog;
    private final ObjectProvider<OptionValues> features;
    private final UserHome home;

    public ShellCompleter(CommandCatalog catalog, ObjectProvider<OptionValues> features, UserHome home) {
        this.catalog = catalog;
        this.features = features;
        this.home = home;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        int index = Math.min(line.wordIndex(), words.size());
        String current = index < words.size() ? words.get(index).substring(0, Math.min(line.wordCursor(),
                words.get(index).length())) : "";
        Question question = asked;
        char quote = openedQuote(line);
        (question == null ? candidates(words.subList(0, index), current, words) : answers(question, current, words))
                .forEach(candidate -> candidates.add(oneWord(candidate, quote)));
    }

    /**
     * The quote the word being completed was opened with ({@code --at "2026}), or 0. The parser
     * hands the word over without it, and JLine writes the chosen value after it as it is.
     */
    static char openedQuote(ParsedLine line) {
        int before = line.cursor() - line.wordCursor() - 1;
        if (before < 0 || before >= line.line().length()) {
            return 0;
        }
        char c = line.line().charAt(before);
        return c == '"' || c == '\'' ? c : 0;
    }

    /**
     * A value as one word of the line: Spring Shell's parser escapes nothing, so a value with a
     * space ("2026-12-01 09:00") would be written into the line as two words. It goes in quotes,
     * closed when the value is complete, or inside the quote the word was opened with.
     */
    static Candidate oneWord(Candidate candidate, char quote) {
        String value = candidate.value();
        if (quote == 0 && !value.contains(" ")) {
            return candidate;
        }
        String close = candidate.complete() ? String.valueOf(quote == 0 ? '"' : quote) : "";
        String written = (quote == 0 ? "\"" : "") + value + close;
        return new Candidate(written, candidate.displ(), candidate.group(), candidate.descr(), candidate.suffix(),
                candidate.key(), candidate.complete());
    }

    /** A command's question about one of its options, as a form asks it. */
    record Question(String command, String option) {
    }

    private volatile Question asked;

    /**
     * Until the returned handle is closed, TAB completes an answer to {@code command}'s question
     * about {@code option} - the ids a form asks for - instead of a command line.
     */
    public Asking asking(String command, String option) {
        asked = new Question(command, option);
        return () -> asked = null;
    }

    /** A question being asked; closing it gives TAB back to command lines. */
    public interface Asking extends AutoCloseable {
        @Override
        void close();
    }

    /** The values {@code option} of {@code command} takes, for an answer typed at a form's prompt. */
    List<Candidate> answers(Question question, String current, List<String> line) {
        return catalog.find(question.command()).flatMap(spec -> spec.option(question.option())
                .map(option -> values(spec, option.longName(), option.type(), spec.isPath(option), current, line)))
                .orElse(List.of());
    }

    /** What may follow {@code before} when {@code current} has been typed of the next word. */
    List<Candidate> candidates(List<String> before, String current, List<String> line) {
        int length = commandLength(before);
        if (length == 0) {
            return commandWords(List.copyOf(before), current);
        }
        CommandSpec spec = catalog.find(String.join(" ", before.subList(0, length))).orElseThrow();
        List<String> rest = before.subList(length, before.size());
        if (spec.name().equals("help")) {
            return commandWords(rest, current);
        }
        if (!rest.isEmpty()) {
            String previous = rest.getLast();
            if (previous.startsWith("--") && !previous.contains("=")) {
                OptionSpec option = spec.option(previous.substring(2)).orElse(null);
                if (option != null && !option.flag()) {
                    return values(spec, option.longName(), option.type(), spec.isPath(option), current, line);
                }
                var named = spec.argumentFor(previous.substring(2));
                if (named.isPresent()) {
                    ArgumentSpec argument = spec.arguments().get(named.getAsInt());
                    return values(spec, slot(argument), argument.type(), false, current, line);
                }
            }
        }
        if (current.startsWith("-")) {
            return optionNames(spec, rest, current);
        }
        int position = positionals(spec, rest);
        var subject = spec.subjectOption();
        if (subject.isPresent() && position == 0 && !rest.contains("--" + subject.get().longName())) {
            // "session list 3" is "session list --client 3": the lone word is the subject's id.
            List<Candidate> ids = values(spec, subject.get().longName(), subject.get().type(), false, current, line);
            return ids.isEmpty() && current.isEmpty() ? optionNames(spec, rest, current) : ids;
        }
        ArgumentSpec argument = position < spec.arguments().size() ? spec.arguments().get(position)
                : spec.remainingArguments();
        List<Candidate> values = argument == null ? List.of()
                : values(spec, slot(argument), argument.type(), false, current, line);
        return values.isEmpty() && current.isEmpty() ? optionNames(spec, rest, current) : values;
    }

    /** How many of {@code words} name a command (0 when they name none yet): the longest match wins. */
    private int commandLength(List<String> words) {
        for (int length = words.size(); length > 0; length--) {
            if (catalog.find(String.join(" ", words.subList(0, length))).isPresent()) {
                return length;
            }
        }
        return 0;
    }

    /**
     * The next word of the command paths that start with {@code typed}, each described by the
     * command or by the words that follow it. At an empty prompt, the first words alone: in columns
     * they fit a small terminal, where JLine would otherwise ask before listing them.
     */
    private List<Candidate> commandWords(List<String> typed, String current) {
        String prefix = typed.isEmpty() ? "" : String.join(" ", typed) + " ";
        Map<String, List<CommandSpec>> next = new TreeMap<>();
        for (CommandSpec spec : catalog.all()) {
            if (spec.name().startsWith(prefix)) {
                String word = spec.name().substring(prefix.length()).split(" ")[0];
                if (startsWithIgnoringCase(word, current)) {
                    next.computeIfAbsent(word, w -> new ArrayList<>()).add(spec);
                }
            }
        }
        List<Candidate> result = new ArrayList<>();
        next.forEach((word, specs) -> {
            String whole = prefix + word;
            String description = specs.size() == 1 && specs.getFirst().name().equals(whole)
                    ? specs.getFirst().description()
                    : specs.stream().map(s -> s.name().substring(whole.length()).strip())
                            .map(s -> s.isEmpty() ? word : s).distinct().collect(Collectors.joining(", "));
            boolean emptyPrompt = typed.isEmpty() && current.isEmpty();
            result.add(new Candidate(word, word, null, emptyPrompt ? null : description, null, null, true));
        });
        return result;
    }

    private List<Candidate> optionNames(CommandSpec spec, List<String> rest, String current) {
        return spec.options().stream()
                .filter(option -> !option.longName().isEmpty())
                .filter(option -> rest.stream().noneMatch(word -> word.equals("--" + option.longName())
                        || word.startsWith("--" + option.longName() + "=")))
                .filter(option -> ("--" + option.longName()).startsWith(current))
                .map(option -> new Candidate("--" + option.longName(), "--" + option.longName(), null,
                        option.description() + (option.required() ? " (required)" : ""), null, null, true))
                .toList();
    }

    /** Which positional argument the next word is: words that are not options or their values. */
    private static int positionals(CommandSpec spec, List<String> rest) {
        int count = 0;
        for (int i = 0; i < rest.size(); i++) {
            String word = rest.get(i);
            if (word.startsWith("--")) {
                OptionSpec option = word.contains("=") ? null : spec.option(word.substring(2)).orElse(null);
                if (option != null && !option.flag()) {
                    i++;
                }
            } else {
                count++;
            }
        }
        return count;
    }

    /** What an argument holds, as options name it: "Client id" is {@code client}. */
    static String slot(ArgumentSpec argument) {
        String description = argument.description().strip().toLowerCase(Locale.ROOT);
        if (description.endsWith(" id")) {
            return description.substring(0, description.length() - 3).replace(' ', '-');
        }
        return argument.name().toLowerCase(Locale.ROOT);
    }

    private List<Candidate> values(CommandSpec spec, String slot, Class<?> type, boolean path, String current,
            List<String> line) {
        if (path) {
            return files(current);
        }
        if (type.isEnum()) {
            return Arrays.stream(type.getEnumConstants()).map(c -> ValueType.display((Enum<?>) c))
                    .filter(value -> startsWithIgnoringCase(value, current))
                    .map(value -> new Candidate(value, value, null, null, null, null, true)).toList();
        }
        for (OptionValues feature : (Iterable<OptionValues>) features.orderedStream()::iterator) {
            if (feature.serves(spec.name(), slot)) {
                return featureValues(feature, spec.name(), slot, current, withSubjectNamed(spec, line));
            }
        }
        return List.of();
    }

    /**
     * The words of {@code line} with a subject given as a lone word written as its option, so that
     * a feature finds the client of {@code plan preview 3 --session} as of {@code --client 3}.
     */
    private static List<String> withSubjectNamed(CommandSpec spec, List<String> line) {
        var subject = spec.subjectOption();
        int first = spec.name().split(" ").length;
        if (subject.isEmpty() || line.size() <= first || line.get(first).startsWith("-")) {
            return line;
        }
        List<String> named = new ArrayList<>(line);
        named.add(first, "--" + subject.get().longName());
        return named;
    }

    /** A feature's values; in a list, for the item after the last comma, leaving out those already given. */
    private static List<Candidate> featureValues(OptionValues feature, String command, String slot, String current,
            List<String> line) {
        boolean list = feature.list(slot);
        int comma = list ? current.lastIndexOf(',') : -1;
        String given = current.substring(0, comma + 1);
        Set<String> taken = Set.of(given.split(","));
        String typed = current.substring(comma + 1);
        Map<String, Candidate> result = new LinkedHashMap<>();
        for (OptionValues.Value value : feature.values(new OptionValues.Query(command, slot, typed, List.copyOf(line)))) {
            if (!taken.contains(value.value())) {
                String description = value.description() == null || value.description().isBlank() ? null
                        : value.description();
                // Sorted as the feature gives them (newest session first, suggested codes first), not
                // by JLine's default, the value's text.
                result.putIfAbsent(value.value(), new Candidate(given + value.value(), value.display(), null,
                        description, null, null, !list, result.size()));
            }
        }
        return List.copyOf(result.values());
    }

    /** Files and folders for a path option; {@code ~} stands for the home folder, as the parser reads it. */
    List<Candidate> files(String current) {
        if (current.equals("~")) {
            return List.of(new Candidate("~/", "~/", null, null, null, null, false));
        }
        int slash = current.lastIndexOf('/');
        String folderTyped = current.substring(0, slash + 1);
        String name = current.substring(slash + 1);
        Path folder = Path.of(folderTyped.isEmpty() ? "." : home.expand(folderTyped));
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(entry -> entry.getFileName().toString().startsWith(name))
                    .filter(entry -> name.startsWith(".") || !entry.getFileName().toString().startsWith("."))
                    .sorted().limit(MAX_FILES)
                    .map(entry -> {
                        boolean isFolder = Files.isDirectory(entry);
                        String value = folderTyped + entry.getFileName() + (isFolder ? "/" : "");
                        return new Candidate(value, entry.getFileName() + (isFolder ? "/" : ""), null, null, null,
                                null, !isFolder);
                    }).toList();
        } catch (IOException | SecurityException e) {
            return List.of();
        }
    }

    private static boolean startsWithIgnoringCase(String text, String prefix) {
        return text.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    /**
     * JLine's matcher keeps only candidates that start with the typed word (or are a typo of it);
     * a client found by name ("zo" for 12 Zoë) would be dropped. The completer has matched already,
     * so this keeps every candidate it offers.
     */
    static final class OfferedMatcher extends CompletionMatcherImpl {

        @Override
        protected void defaultMatchers(Map<LineReader.Option, Boolean> options, boolean prefix, CompletingParsedLine line,
                boolean caseInsensitive, int errors, String originalGroupName) {
            String typed = line.word().substring(0, line.wordCursor());
            exact = value -> caseInsensitive ? value.equalsIgnoreCase(typed) : value.equals(typed);
            matchers = new ArrayList<>(List.of(Function.identity()));
        }
    }
}
