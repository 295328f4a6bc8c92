package app.soapstone.shell;

import app.soapstone.storage.LogFile;

import java.io.PrintStream;

/** Reports a failure to start (a refused database, say) as one line on stderr, never a stack trace. */
public final class StartupFailure {

    private StartupFailure() {
    }

    public static int report(Throwable thrown, PrintStream err) {
        Failure failure = Failure.of(deepestKnown(thrown));
        err.println("Error: " + failure.message());
        if (failure.unexpected()) {
            // Not a refusal, so the log lines held until the database was accepted are worth keeping.
            err.println(LogFile.keepHeld().map(log -> "Soapstone could not start; details are in " + log + ".")
                    .orElse("Soapstone could not start."));
        }
        return failure.status() == Failure.OK ? Failure.ERROR : failure.status();
    }

    /** Spring wraps start-up failures in bean creation exceptions; find ours inside them. */
    private static Throwable deepestKnown(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            Failure failure = Failure.of(t);
            if (!failure.unexpected()) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return thrown;
    }
}
