package app.soapstone.shell;

import app.soapstone.validation.InvalidInputException;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a typed line into words the way a POSIX shell does: single quotes keep everything,
 * double quotes keep everything but {@code \"} and {@code \\}, a backslash outside quotes keeps
 * the next character. So {@code --first-name "Mary Ann"} and {@code --last-name "O'Brien"} work
 * the same in the interactive shell, in scripts and from bash.
 */
public final class CommandLine {

    private CommandLine() {
    }

    /**
     * A line that holds nothing to run: blank, or a comment starting with {@code #} (as in POSIX
     * shell scripts) or {@code //}, after any spaces. The same in scripts and the interactive shell,
     * so a script pasted into the shell runs as it would from a file.
     */
    public static boolean isBlankOrComment(String line) {
        String text = line.strip();
        return text.isEmpty() || text.startsWith("#") || text.startsWith("//");
    }

    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new InvalidInputException("Unclosed " + (quote == '"' ? "double" : "single")
                    + " quote: close it, or put a name like O'Brien in double quotes (\"O'Brien\")");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
