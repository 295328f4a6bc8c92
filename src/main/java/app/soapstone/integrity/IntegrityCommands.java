package app.soapstone.integrity;

import app.soapstone.validation.InvalidInputException;
import app.soapstone.validation.VerificationFailedException;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code records verify}, {@code records key}, {@code db check} and {@code db copy}. */
@Component
class IntegrityCommands {

    private static final String GROUP = "Records and data";

    private final RecordChain chain;
    private final DatabaseCheck check;
    private final ClinicKey key;
    private final AuditTrail audit;
    private final DatabaseCopy copy;
    private final TransactionTemplate transaction;

    IntegrityCommands(RecordChain chain, DatabaseCheck check, ClinicKey key, AuditTrail audit, DatabaseCopy copy,
            PlatformTransactionManager transactions) {
        this.chain = chain;
        this.copy = copy;
        this.check = check;
        this.key = key;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Command(name = "records verify", group = GROUP,
            description = "Check that no final record has changed, against the anchors outside the database and the key",
            help = """
                    Recomputes the record chain - every signed note, addendum, intake version, clearance, care plan
                    given and audit event - and checks it against the anchor file beside the database and the
                    clinic's key when there is one. --backup also checks it against a backup (or its .manifest);
                    --seal against a record seal printed on a chart or plan, e.g. --seal "206,018 3f9a2c71d0e4b8a5".
                    Exit status 6 when anything does not match, naming the records.""")
    String verify(@Option(longName = "backup", description = "A backup or its .manifest to check against") String backup,
            @Option(longName = "seal", description = "A record seal from a printout: ENTRIES HASH") String seal) {
        List<String> problems = new ArrayList<>();
        List<ChainCheck.External> external = new ArrayList<>();
        if (backup != null && !backup.isBlank()) {
            external.addAll(chain.anchorsIn(Path.of(backup.strip()).toAbsolutePath().normalize(), problems));
        }
        if (seal != null && !seal.isBlank()) {
            Seal typed = Seal.parse(seal).orElseThrow(() -> InvalidInputException.forField("seal", "give the number of"
                    + " entries and the hash as printed, e.g. --seal \"206,018 3f9a2c71d0e4b8a5\""));
            external.add(new ChainCheck.External("the printed seal " + typed.printed().replace("Record seal: ", "")
                    .replaceFirst(", [0-9a-f]+$", ", " + typed.head()), typed));
        }
        RecordChain.Verification result = chain.verify(external);
        problems.addAll(result.problems());
        String report = report(result, external);
        if (problems.isEmpty()) {
            return "Verified the record chain, " + result.summary() + ".\nNo final record has changed since it became"
                    + " final, and every link follows from the one before.\n" + report;
        }
        throw new VerificationFailedException("Records failed verification (" + result.summary() + "):\n  "
                + String.join("\n  ", problems) + "\n" + report);
    }

    /** What was checked against what, and what that means when there was no anchor and no key. */
    private String report(RecordChain.Verification result, List<ChainCheck.External> external) {
        List<String> lines = new ArrayList<>(result.anchors());
        lines.add(result.key());
        boolean anchorFile = chain.anchorFile().exists();
        if (!anchorFile && external.isEmpty()) {
            lines.add("No anchor was checked. The chain was checked against itself only: that shows a record changed"
                    + " by accident or by a careless edit, but someone able to write the database file could change"
                    + " records and recompute every hash after them without it showing here"
                    + (result.key().startsWith("Key: none") ? "" : ", unless the chain is keyed") + ". Anchors are"
                    + " written to " + chain.anchorFile().path() + " at every change, into each backup's manifest and"
                    + " on every printed chart and plan: check against one with --backup or --seal.");
        }
        lines.add("Record seal now: " + result.seal().printed().replace("Record seal: ", "") + ".");
        return String.join("\n", lines);
    }

    @Command(name = "records key", group = GROUP,
            description = "Show the clinic's key for the record seal, or make one with --create",
            help = """
                    With a key, every link of the record chain from now on is an HMAC-SHA256 under it: someone who can
                    rewrite the database but cannot read the key cannot make links that verify. The key is the file
                    soapstone.key beside the database, readable by you only. Keep a copy somewhere safe and apart
                    from the backups: records keyed with it can only be verified with it.""")
    String key(@Option(longName = "create", description = "Make the key (once) and key the chain from now on") boolean create) {
        if (!create) {
            return chain.keyId().map(id -> "The clinic's key " + id + " is " + key.file() + "; the record chain is keyed"
                            + " with it since it was made.")
                    .orElse("No key: the record chain is plain SHA-256. 'records key --create' makes one in "
                            + key.file() + ".");
        }
        SealKey made = key.create();
        // The first link under the key: the audit event that says it was made.
        transaction.executeWithoutResult(status -> audit.record("key", "database", null, null,
                "Made the clinic's key " + made.id() + " (" + key.file().getFileName() + "); the record chain is keyed"
                        + " from here on"));
        return "Made the clinic's key " + made.id() + " in " + key.file() + " (readable by you only).\nEvery change to the"
                + " records is now linked with it. Keep a copy of the file somewhere safe, apart from the backups:"
                + " without it, 'records verify' cannot check the keyed records.";
    }

    @Command(name = "db check", group = GROUP,
            description = "Check the database: integrity, foreign keys, schema, guards, record chain, anchors, size and counts")
    String dbCheck() {
        DatabaseCheck.Report report = check.run();
        String text = String.join("\n", report.lines());
        if (!report.healthy()) {
            throw new VerificationFailedException("The database check found problems:\n" + text);
        }
        return text;
    }

    @Command(name = "db copy", group = GROUP,
            description = "Copy every record into an empty database: a SQLite file to PostgreSQL or back",
            help = """
                    Copies every record of --from into --to, each a SQLite file or a PostgreSQL address as
                    SOAPSTONE_DB names one (postgresql://host:5432/clinic, jdbc:postgresql://...; the password comes
                    from ~/.pgpass or the service file, never from the address). Ids, signatures, the record chain
                    and the audit trail stay as they are. --to is made and brought to this version's schema if need
                    be, and must hold no record; --from must be at this version's schema. All in one transaction:
                    a copy that fails leaves --to empty. The clinic's key goes with the records, and --to gets an
                    anchor; the copy ends with the check 'records verify' makes, on --to.""")
    String dbCopy(@Option(longName = "from", required = true, description = "The database to copy: a file or postgresql://...") String from,
            @Option(longName = "to", required = true, description = "An empty database to copy into: a file or postgresql://...") String to) {
        DatabaseCopy.Copied copied = copy.copy(from, to);
        String rows = copied.rows().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
        return "Copied " + copied.from() + " to " + copied.to() + ". Rows: " + (rows.isEmpty() ? "none" : rows) + ".\n"
                + "Verified the record chain on " + copied.to() + ", " + copied.verification().summary() + ".\n"
                + String.join("\n", copied.report()) + "\nRecord seal now: "
                + copied.verification().seal().printed().replace("Record seal: ", "") + ".";
    }
}
