package app.soapstone.support;

import app.soapstone.shell.ShellCompleter;
import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.springframework.shell.jline.ExtendedDefaultParser;

import java.util.ArrayList;
import java.util.List;

/**
 * TAB pressed at the end of a line, as the interactive shell does it: the line read by Spring
 * Shell's own parser (quotes and backslashes as typed), then the completer's candidates.
 */
public final class Tab {

    private Tab() {
    }

    /** The candidates TAB offers at the end of {@code line}. */
    public static List<Candidate> press(ShellCompleter completer, String line) {
        ParsedLine parsed = new ExtendedDefaultParser().parse(line, line.length(), Parser.ParseContext.COMPLETE);
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, parsed, candidates);
        return candidates;
    }

    /** What each candidate writes into the line. */
    public static List<String> values(List<Candidate> candidates) {
        return candidates.stream().map(Candidate::value).toList();
    }
}
