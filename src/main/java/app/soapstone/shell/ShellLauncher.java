package app.soapstone.shell;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Decides how Soapstone runs: with no arguments the interactive shell; with arguments one
 * command; with a single {@code @file} argument a script. Replaces Spring Shell's runner, whose
 * one-shot mode in 4.0.1 cannot report a failed command through the exit status.
 */
@Component
public class ShellLauncher implements ApplicationRunner, ExitCodeGenerator {

    private final OneShot oneShot;
    private final ObjectProvider<InteractiveShell> interactive;
    private final boolean interactiveEnabled;
    private int exitCode;

    public ShellLauncher(OneShot oneShot, ObjectProvider<InteractiveShell> interactive, Environment environment) {
        this.oneShot = oneShot;
        this.interactive = interactive;
        this.interactiveEnabled = interactive(environment);
    }

    /** False when Soapstone was started with arguments: one command or a script, then exit. */
    static boolean interactive(Environment environment) {
        return environment.getProperty("spring.shell.interactive.enabled", Boolean.class, true);
    }

    @Override
    public void run(ApplicationArguments arguments) {
        List<String> words = List.of(arguments.getSourceArgs());
        if (!words.isEmpty()) {
            exitCode = words.size() == 1 && words.get(0).startsWith("@")
                    ? oneShot.runScript(words.get(0).substring(1))
                    : oneShot.runCommand(words);
        } else if (interactiveEnabled) {
            exitCode = interactive.getObject().run();
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
