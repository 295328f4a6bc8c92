package app.soapstone.shell;

import java.util.Optional;

/**
 * Which commands the person at the keyboard may run, as the features know it (on PostgreSQL, the
 * clinic's roles of the database login). The shell asks before running a command and when
 * listing commands in {@code help}; with no bean, every command may run.
 */
public interface CommandPermissions {

    /** Why the current login may not run {@code command} (its full name, e.g. "session list"), or empty if it may. */
    Optional<String> refusal(String command);
}
