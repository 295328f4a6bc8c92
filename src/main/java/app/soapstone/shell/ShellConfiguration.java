package app.soapstone.shell;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.core.autoconfigure.TerminalCustomizer;
import org.springframework.shell.jline.PromptProvider;

import java.nio.charset.StandardCharsets;

/** JLine settings: the prompt and a UTF-8 terminal whatever the locale. */
@Configuration(proxyBeanMethods = false)
class ShellConfiguration {

    @Bean
    PromptProvider soapstonePrompt() {
        return () -> new AttributedString("soapstone:>", AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN));
    }

    @Bean
    TerminalCustomizer utf8Terminal() {
        return builder -> builder.encoding(StandardCharsets.UTF_8);
    }
}
