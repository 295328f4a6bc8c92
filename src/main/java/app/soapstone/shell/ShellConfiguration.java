package app.soapstone.shell;

import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
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
import java.util.HashMap;

/**
 * The command registry, and JLine settings: the prompt, a UTF-8 terminal whatever the locale, and
 * Soapstone's own completion.
 */
@Configuration(proxyBeanMethods = false)
class ShellConfiguration {

    /** The name JLine shows in its own questions, such as whether to list many completions. */
    private static final String APP_NAME = "soapstone";

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

    /**
     * Spring Shell builds its line reader with its own completer and the name "Spring Shell", which
     * JLine prints when a completion list is long ("Spring Shell: do you wish to see all ...").
     * Neither can be changed on a built reader, so the reader is built again from the same
     * terminal, history, parser and settings, with {@link ShellCompleter}. The completer (and the
     * features' completion beans) are made on first use only: one-shot commands make no reader.
     */
    @Bean
    static BeanPostProcessor soapstoneLineReader(ObjectProvider<ShellCompleter> completer) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof LineReader spring) || spring.getAppName().equals(APP_NAME)) {
                    return bean;
                }
                LineReader reader = LineReaderBuilder.builder().terminal(spring.getTerminal()).appName(APP_NAME)
                        .variables(new HashMap<>(spring.getVariables())).history(spring.getHistory())
                        .highlighter(spring.getHighlighter()).parser(spring.getParser())
                        .completer((lineReader, line, candidates) -> completer.getObject()
                                .complete(lineReader, line, candidates))
                        .completionMatcher(new ShellCompleter.OfferedMatcher()).build();
                for (LineReader.Option option : LineReader.Option.values()) {
                    if (spring.isSet(option) != reader.isSet(option)) {
                        reader.option(option, spring.isSet(option));
                    }
                }
                reader.getHistory().attach(reader);
                return reader;
            }
        };
    }
}
