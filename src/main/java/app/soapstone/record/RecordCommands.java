package app.soapstone.record;

import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** {@code backup}, {@code restore}, {@code chart export} and {@code export}. */
@Component
class RecordCommands {

    private static final String GROUP = "Records and data";

    private final Backups backups;
    private final ChartExport charts;
    private final DataExport data;

    RecordCommands(Backups backups, ChartExport charts, DataExport data) {
        this.backups = backups;
        this.charts = charts;
        this.data = data;
    }

    @Command(name = "backup", group = GROUP,
            description = "Copy the database to a file, safely while others use it, and check the copy")
    String backup(@Option(longName = "to", required = true, description = "Backup file to write") String to,
            @Option(longName = "force", description = "Replace the file if it exists") boolean force) {
        Backups.Written written = backups.backup(to, force);
        return "Backed up to " + written.file() + " (" + written.bytes() / 1024 + " KB, integrity check ok)";
    }

    @Command(name = "restore", group = GROUP,
            description = "Replace the database with a backup, after checking it; the current database is kept as a copy")
    String restore(@Option(longName = "from", required = true, description = "Backup file to restore") String from) {
        Backups.Restored restored = backups.restore(from);
        return "Restored from " + from + " (" + restored.signedNotes() + " signed notes and " + restored.addenda()
                + " addenda verified). The database before the restore is kept in " + restored.previousCopy();
    }

    @Command(name = "chart export", group = GROUP,
            description = "Write a client's full chart as a PDF, for a records request or a transfer",
            help = """
                    The chart holds the client's details, each intake version with its screening as it stood then,
                    a table of the sessions, each session note with the screening shown at the time, its signature
                    and its numbered addenda, and the care plans given.""")
    String chart(@Option(longName = "client", required = true, description = "Client id") long client,
            @Option(longName = "out", required = true, description = "PDF file to write") String out,
            @Option(longName = "force", description = "Replace the file if it exists") boolean force) {
        ChartExport.Exported exported = charts.export(client, out, force);
        return "Wrote " + exported.file() + " (" + exported.pages() + (exported.pages() == 1 ? " page)" : " pages)");
    }

    @Command(name = "export", group = GROUP,
            description = "Write all data as CSV files (one per table, with a README) and one JSON file per client")
    String export(@Option(longName = "to", required = true, description = "A new or empty folder") String to) {
        DataExport.Exported exported = data.export(to);
        return "Exported " + exported.tables() + " tables and " + exported.clients() + " client records to "
                + exported.folder();
    }
}
