package app.soapstone.shell;

import app.soapstone.support.SoapstoneTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ParsedInput;
import org.springframework.shell.core.command.annotation.support.CommandFactoryBean;
import org.springframework.stereotype.Component;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command registry is filled from the bean definitions: the commands are all there, described
 * exactly as Spring Shell would describe them, but no command bean is made until its command runs.
 */
class CommandRegistryTest extends SoapstoneTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    CommandRegistry registry;

    @Test
    void everyAnnotatedCommandIsRegisteredAsSpringShellWouldDescribeIt() {
        List<CommandMethods.Found> found = CommandMethods.in(context);
        assertThat(found).extracting(CommandMethods.Found::name)
                .contains("client list", "client add", "session search", "plan export", "records verify", "template list")
                .doesNotHaveDuplicates();

        for (CommandMethods.Found command : found) {
            CommandFactoryBean factory = new CommandFactoryBean(command.method());
            factory.setApplicationContext(context);
            Command spring = factory.getObject();
            Command registered = registry.getCommandByName(command.name());

            assertThat(registered).as(command.name()).isInstanceOf(DeferredCommand.class);
            assertThat(registered.getName()).isEqualTo(spring.getName());
            assertThat(registered.getDescription()).as(command.name()).isEqualTo(spring.getDescription());
            assertThat(registered.getHelp()).as(command.name()).isEqualTo(spring.getHelp());
            assertThat(registered.getGroup()).as(command.name()).isEqualTo(spring.getGroup());
            assertThat(registered.isHidden()).as(command.name()).isEqualTo(spring.isHidden());
            assertThat(registered.getAliases()).as(command.name()).isEqualTo(spring.getAliases());
            assertThat(registered.getOptions()).as(command.name()).hasSameSizeAs(spring.getOptions());
        }
    }

    @Test
    void aCommandBeanIsMadeOnlyWhenItsCommandRuns() throws Exception {
        Counted.made.set(0);
        try (AnnotationConfigApplicationContext small = new AnnotationConfigApplicationContext()) {
            small.registerBean(Counted.class, bd -> bd.setLazyInit(true));
            small.refresh();
            CommandRegistry fresh = new ShellConfiguration().commandRegistry(small, interactive(false));

            Command count = fresh.getCommandByName("test count");
            assertThat(count).isNotNull();
            assertThat(count.getDescription()).isEqualTo("Counts");
            assertThat(Counted.made).as("made by listing the commands").hasValue(0);

            StringWriter out = new StringWriter();
            ParsedInput input = new ParsedInput("test count", List.of(), List.of(), List.of());
            count.execute(new CommandContext(input, fresh, new PrintWriter(out), null));
            count.execute(new CommandContext(input, fresh, new PrintWriter(out), null));

            assertThat(Counted.made).as("made once, when the command first ran").hasValue(1);
            assertThat(out.toString()).contains("counted");
        }
    }

    @Test
    void theShellsOwnCommandsAreOfferedOnlyInTheInteractiveShell() {
        CommandRegistry oneShot = new ShellConfiguration().commandRegistry(context, interactive(false));
        CommandRegistry shell = new ShellConfiguration().commandRegistry(context, interactive(true));

        assertThat(names(oneShot)).doesNotContain("history", "quit", "clear").contains("client list");
        assertThat(names(shell)).contains("history", "quit", "client list");
    }

    private static List<String> names(CommandRegistry registry) {
        return registry.getCommands().stream().map(Command::getName).toList();
    }

    private static MockEnvironment interactive(boolean interactive) {
        return new MockEnvironment().withProperty("spring.shell.interactive.enabled", String.valueOf(interactive));
    }

    @Component
    static class Counted {

        static final AtomicInteger made = new AtomicInteger();

        Counted() {
            made.incrementAndGet();
        }

        @org.springframework.shell.core.command.annotation.Command(name = "test count", description = "Counts",
                group = "Test")
        String count() {
            return "counted";
        }
    }
}
