package app.soapstone.shell;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.shell.core.autoconfigure.TerminalCustomizer;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.utils.Utils;
import org.springframework.shell.jline.PromptProvider;

import java.nio.charset.StandardCharsets;

/** The command registry, and JLine settings: the prompt and a UTF-8 terminal whatever the locale. */
@Configuration(proxyBeanMethods = false)
class ShellConfiguration {

    @Bean
    PromptProvider soapstonePrompt() {
        return () -> new AttributedString("soapstone:>", AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN));
    }

    /**
     * Spring Shell's command registry, but filled from the bean definitions (see
     * {@link CommandMethods}) instead of a classpath scan that makes every command bean.
     */
    @Bean
    CommandRegistry commandRegistry(ApplicationContext context, Environment environment) {
        CommandRegistry registry = new CommandRegistry() {
            @Override
            public void afterSingletonsInstantiated() {
                // Spring Shell would add every Command bean here, whatever the mode: see below.
            }
        };
        // Spring Shell's own commands (history, clear, quit) only make sense in the interactive shell, and
        // setting them up reads the shell's configuration. Not getBeansOfType: to find the beans of
        // a type it would make every factory bean, Spring Data's repositories among them.
        if (ShellLauncher.interactive(environment)) {
            for (String name : context.getBeanNamesForType(Command.class, true, false)) {
                registry.registerCommand(context.getBean(name, Command.class));
            }
            registry.registerCommand(Utils.QUIT_COMMAND);
        }
        CommandMethods.in(context).forEach(found -> registry.registerCommand(new DeferredCommand(found, context)));
        return registry;
    }

    @Bean
    TerminalCustomizer utf8Terminal() {
        return builder -> builder.encoding(StandardCharsets.UTF_8);
    }
}
