package app.soapstone.integrity;

import app.soapstone.validation.VerificationFailedException;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

/** {@code records verify} and {@code db check}. */
@Component
class IntegrityCommands {

    private static final String GROUP = "Records and data";

    private final RecordChain chain;
    private final DatabaseCheck check;

    IntegrityCommands(RecordChain chain, DatabaseCheck check) {
        this.chain = chain;
        this.check = check;
    }

    @Command(name = "records verify", group = GROUP,
            description = "Check that no signed note or addendum has changed since it became final")
    String verify() {
        RecordChain.Verification result = chain.verify();
        String summary = result.sessions() + " signed notes and " + result.addenda() + " addenda";
        if (result.intact()) {
            return "Verified " + summary + ": none has changed and the chain is intact.";
        }
        throw new VerificationFailedException("Records failed verification (" + summary + " checked):\n  "
                + String.join("\n  ", result.problems()));
    }

    @Command(name = "db check", group = GROUP,
            description = "Check the database: integrity, foreign keys, schema version, record chain, size and counts")
    String dbCheck() {
        DatabaseCheck.Report report = check.run();
        String text = String.join("\n", report.lines());
        if (!report.healthy()) {
            throw new VerificationFailedException("The database check found problems:\n" + text);
        }
        return text;
    }
}
