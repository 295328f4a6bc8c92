package app.soapstone.shell;

import app.soapstone.SoapstoneApplication;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.util.ClassUtils;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code @Command} methods of Soapstone's components, found from the bean definitions
 * without making the beans: a one-shot command then builds only the beans it uses. (Spring
 * Shell's own registry scans the classpath and makes every command bean, with all it depends on.)
 */
final class CommandMethods {

    /** A command method and its annotation; {@link #name()} is the command as typed. */
    record Found(Method method, Command annotation) {
        String name() {
            return String.join(" ", String.join(" ", annotation.name()).trim().split("\\s+"));
        }
    }

    private CommandMethods() {
    }

    static List<Found> in(ApplicationContext context) {
        ConfigurableListableBeanFactory beans = ((ConfigurableApplicationContext) context).getBeanFactory();
        String basePackage = SoapstoneApplication.class.getPackageName() + ".";
        List<Found> found = new ArrayList<>();
        for (String beanName : beans.getBeanDefinitionNames()) {
            // Commands live in component classes; beans made by @Bean methods have no class name here.
            String className = beans.getBeanDefinition(beanName).getBeanClassName();
            if (className == null || !className.startsWith(basePackage)) {
                continue;
            }
            Class<?> type = ClassUtils.getUserClass(ClassUtils.resolveClassName(className, context.getClassLoader()));
            for (Method method : type.getDeclaredMethods()) {
                Command annotation = method.getAnnotation(Command.class);
                if (annotation != null) {
                    found.add(new Found(method, annotation));
                }
            }
        }
        return found;
    }
}
