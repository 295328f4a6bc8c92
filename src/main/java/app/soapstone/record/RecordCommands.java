package app.soapstone.record;

import app.soapstone.pdf.Paper;
import app.soapstone.printing.Destination;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/** {@code backup}, {@code restore}, {@code chart export} and {@code export}. */
@Component
class RecordCommands {

    private static final String GROUP = "Records and data";

    private final Backups backups;
    private final ChartExport charts;
    private final DataExport data;
    private final Clock clock;

    RecordCommands(Backups backups, ChartExport charts, DataExport data, Clock clock) {
        this.backups = backups;
        this.charts = charts;
        this.data = data;
        this.clock = clock;
    }

    @Command(name = "backup", group = GROUP,
            description = "Copy the database to a file, safely while others use it, and check the copy",
            help = """
                    Writes a consistent snapshot while other shells may be writing, checks it, and writes its
                    record seal into a .manifest beside it. On PostgreSQL the snapshot is pg_dump's custom archive
                    (pg_dump and pg_restore of the server's version or newer must be on the PATH).""")
    String backup(@Option(longName = "to", required = true, description = "Backup file to write") String to,
            @Option(longName = "force", description = "Replace the file if it exists") boolean force) {
        Backups.Written written = backups.backup(to, force);
        return "Backed up to " + written.file() + " (" + written.bytes() / 1024 + " KB, integrity check ok)\n"
                + written.seal().printed() + ", kept beside it in " + written.manifest().getFileName()
                + ": keep the two together ('records verify --backup' checks the database against it)";
    }

    @Command(name = "restore", group = GROUP,
            description = "Replace the database with a backup, after checking it; the current database is kept as a copy",
            help = """
                    Checks the backup - its integrity, its schema version, its record chain against its manifest,
                    the clinic's key and this database's anchors - then replaces the database with it, keeping a
                    copy of the current one. On PostgreSQL the backup is pg_dump's archive ('backup' writes one
                    there) and goes into an empty database through pg_restore; it is checked once restored, and
                    taken out again if it fails.""")
    String restore(@Option(longName = "from", required = true, description = "Backup file to restore") String from) {
        Backups.Restored restored = backups.restore(from);
        return "Restored from " + from + " (" + restored.signedNotes() + " signed notes and " + restored.addenda()
                + " addenda verified)." + (restored.previousCopy() == null ? ""
                : " The database before the restore is kept in " + restored.previousCopy());
    }

    @Command(name = "chart export", group = GROUP,
            description = "Write a client's chart as a PDF, for a records request or a transfer"
                    + " (default <last>-<first>-chart-<date>.pdf here)",
            help = """
                    The chart holds the client's details, each intake version with its screening as it stood then,
                    a table of the sessions, their visits in the appointment book (attended, cancelled, missed, with
                    counts), each session note with the screening shown at the time, its signature
                    and its numbered addenda, and the care plans given. --from and --to limit the sessions (with
                    all their addenda), intake versions and care plans to a period; the intake version in force
                    when it starts is included, and the client's details always are.""")
    String chart(@Option(longName = "client", required = true, description = "Client id") long client,
            @Option(longName = "out", description = "File or folder to write to") String out,
            @Option(longName = "from", description = "First day of the period, YYYY-MM-DD") String from,
            @Option(longName = "to", description = "Last day of the period, YYYY-MM-DD") String to,
            @Option(longName = "paper", description = "Paper size (default a4)") Paper paper,
            @Option(longName = "force", description = "Replace the file if it exists") boolean force,
            @Option(longName = "print", description = "Also print it (on the default printer unless --printer)") boolean print,
            @Option(longName = "printer", description = "Printer to print on (see 'printer list'); implies --print") String printer) {
        ChartPeriod period = ChartPeriod.parse(from, to, LocalDate.now(clock));
        Paper size = paper == null ? Paper.A4 : paper;
        ChartExport.Exported exported = charts.give(client, period, size, Destination.file(out, force, print, printer));
        return "Wrote " + exported.file() + " (" + pages(exported) + ")"
                + (exported.printer() == null ? "" : "\nSent it to the printer " + exported.printer());
    }

    @Command(name = "chart print", group = GROUP,
            description = "Print a client's chart on the default printer (or --printer NAME), writing no file",
            help = "Takes the same --from, --to and --paper as chart export; 'printer list' shows the printers.")
    String printChart(@Option(longName = "client", required = true, description = "Client id") long client,
            @Option(longName = "from", description = "First day of the period, YYYY-MM-DD") String from,
            @Option(longName = "to", description = "Last day of the period, YYYY-MM-DD") String to,
            @Option(longName = "paper", description = "Paper size (default a4)") Paper paper,
            @Option(longName = "printer", description = "Printer to print on (default: the default printer)") String printer) {
        ChartExport.Exported printed = charts.give(client, ChartPeriod.parse(from, to, LocalDate.now(clock)),
                paper == null ? Paper.A4 : paper, Destination.printer(printer));
        return "Sent the chart (" + pages(printed) + ") to the printer " + printed.printer();
    }

    private static String pages(ChartExport.Exported exported) {
        return exported.pages() + (exported.pages() == 1 ? " page" : " pages");
    }

    @Command(name = "export", group = GROUP,
            description = "Write all data as CSV files (one per table, with a README) and one JSON file per client")
    String export(@Option(longName = "to", required = true, description = "A new or empty folder") String to) {
        DataExport.Exported exported = data.export(to);
        return "Exported " + exported.tables() + " tables and " + exported.clients() + " client records to "
                + exported.folder();
    }
}
