package app.soapstone;

import app.soapstone.shell.StartupFailure;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Map;

/** Soapstone: a command-line practice manager for massage therapists and myotherapists. */
@SpringBootApplication
public class SoapstoneApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(SoapstoneApplication.class);
        // With arguments Soapstone runs one command (or an @script) and exits; Spring Shell 4 ignores
        // arguments in interactive mode, so the interactive runner must not be created at all.
        application.setDefaultProperties(Map.of("spring.shell.interactive.enabled", String.valueOf(args.length == 0)));
        int status;
        try {
            ConfigurableApplicationContext context = application.run(args);
            status = SpringApplication.exit(context);
        } catch (SpringApplication.AbandonedRunException e) {
            throw e; // the build's Spring AOT processing stops the run here on purpose
        } catch (RuntimeException e) {
            status = StartupFailure.report(e, System.err);
        }
        System.exit(status);
    }
}
