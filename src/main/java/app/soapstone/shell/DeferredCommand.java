package app.soapstone.shell;

import org.springframework.context.ApplicationContext;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.annotation.support.CommandFactoryBean;
import org.springframework.shell.core.command.availability.AvailabilityProvider;
import org.springframework.shell.core.command.completion.CompletionProvider;

import java.util.List;

/**
 * An annotated command whose bean is made the first time the command runs or is completed, not
 * when the shell starts. Its name, description and group come from the annotation; everything
 * else from the command Spring Shell builds for the method.
 */
final class DeferredCommand implements Command {

    private final CommandMethods.Found found;
    private final ApplicationContext context;
    private volatile Command target;

    DeferredCommand(CommandMethods.Found found, ApplicationContext context) {
        this.found = found;
        this.context = context;
    }

    Command target() {
        Command made = target;
        if (made == null) {
            synchronized (this) {
                made = target;
                if (made == null) {
                    CommandFactoryBean factory = new CommandFactoryBean(found.method());
                    factory.setApplicationContext(context);
                    made = factory.getObject();
                    target = made;
                }
            }
        }
        return made;
    }

    @Override
    public String getName() {
        return found.name();
    }

    @Override
    public String getDescription() {
        return found.annotation().description();
    }

    @Override
    public String getHelp() {
        return found.annotation().help();
    }

    @Override
    public String getGroup() {
        return found.annotation().group();
    }

    @Override
    public boolean isHidden() {
        return found.annotation().hidden();
    }

    @Override
    public List<String> getAliases() {
        return List.of(found.annotation().alias());
    }

    @Override
    public List<CommandOption> getOptions() {
        return target().getOptions();
    }

    @Override
    public AvailabilityProvider getAvailabilityProvider() {
        return target().getAvailabilityProvider();
    }

    @Override
    public CompletionProvider getCompletionProvider() {
        return target().getCompletionProvider();
    }

    @Override
    public ExitStatus execute(CommandContext context) throws Exception {
        return target().execute(context);
    }

    @Override
    public String toString() {
        return getName();
    }
}
