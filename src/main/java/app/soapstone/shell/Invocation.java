package app.soapstone.shell;

import org.springframework.shell.core.command.ParsedInput;

/** A command line that matched a command and passed the checks of its {@link CommandSpec}. */
public record Invocation(CommandSpec spec, ParsedInput input, boolean helpRequested) {
}
