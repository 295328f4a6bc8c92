package app.soapstone.superbill;

import app.soapstone.billing.BillingCodes;
import app.soapstone.billing.DiagnosisCode;
import app.soapstone.billing.ProcedureMinutes;
import app.soapstone.pdf.Paper;
import app.soapstone.printing.Destination;
import app.soapstone.validation.Fields;
import app.soapstone.validation.InvalidInputException;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/** {@code superbill}: a client's visits in a period, coded and totalled for their insurer. */
@Component
class SuperbillCommands {

    private final SuperbillService superbills;
    private final BillingCodes codes;

    SuperbillCommands(SuperbillService superbills, BillingCodes codes) {
        this.superbills = superbills;
        this.codes = codes;
    }

    @Command(name = "superbill", group = "Billing",
            description = "Write a client's superbill for a period as a PDF (default <last>-<first>-superbill-<date>.pdf here)",
            help = """
                    One row per signed visit from --from to --to: date, place of service (11, office), provider with
                    their registration number, CPT codes with units from the minutes recorded under each code
                    (session edit --procedures; timed codes by the 8-minute rule), ICD-10 codes, and the charge and
                    payments of its receipt, then the totals. Notes not yet signed are left out and named. A visit
                    whose note has no diagnosis codes takes those of --diagnosis, and one with no minutes by code
                    (and no service with one timed code to give them to) those of --procedures: you confirm both by
                    typing them.""")
    String superbill(@Option(longName = "client", required = true, description = "Client id") long client,
            @Option(longName = "from", required = true, description = "First day of service, YYYY-MM-DD") String from,
            @Option(longName = "to", required = true, description = "Last day of service, YYYY-MM-DD") String to,
            @Option(longName = "diagnosis", description = "ICD-10-CM codes for visits whose note has none, e.g. R25.2,M62.831") String diagnosis,
            @Option(longName = "procedures", description = "Minutes by procedure code for visits whose note has none,"
                    + " e.g. 97124:40,97140:20") String procedures,
            @Option(longName = "out", description = "File or folder to write to") String out,
            @Option(longName = "paper", description = "Paper size (default a4)") Paper paper,
            @Option(longName = "force", description = "Replace the file if it exists") boolean force,
            @Option(longName = "print", description = "Print it too, on the default printer or --printer") boolean print,
            @Option(longName = "printer", description = "Print it too, on this printer (see 'printer list')") String printer) {
        LocalDate first = Fields.date("from", from);
        LocalDate last = Fields.date("to", to);
        if (last.isBefore(first)) {
            throw InvalidInputException.forField("to", last + " is before --from " + first);
        }
        List<String> diagnoses = diagnosis == null ? List.of() : DiagnosisCode.parse("diagnosis", diagnosis, codes);
        ProcedureMinutes minutes = procedures == null ? null : ProcedureMinutes.parse("procedures", procedures, codes);
        SuperbillService.Written written = superbills.write(client, first, last, diagnoses, minutes,
                paper == null ? Paper.A4 : paper, Destination.file(out, force, print, printer));
        StringBuilder lines = new StringBuilder();
        if (!written.unsigned().isEmpty()) {
            lines.append("Left out ").append(written.unsigned().size() == 1 ? "session " : "sessions ")
                    .append(String.join(", ", written.unsigned().stream().map(String::valueOf).toList()))
                    .append(", not signed yet: sign ").append(written.unsigned().size() == 1 ? "it" : "them")
                    .append(" first (session sign ID) to bill ").append(written.unsigned().size() == 1 ? "it" : "them")
                    .append('\n');
        }
        lines.append("Wrote ").append(written.file() == null ? "the superbill" : written.file()).append(": ")
                .append(written.visits()).append(written.visits() == 1 ? " visit" : " visits");
        if (written.totals() == null) {
            lines.append(", none with a receipt");
        } else {
            lines.append(", charges ").append(written.totals().charges()).append(", paid ")
                    .append(written.totals().paid()).append(", balance ").append(written.totals().balance());
        }
        lines.append(" (").append(written.bytes() / 1024).append(" KB, SHA-256 ").append(written.sha256()).append(')');
        if (written.printer() != null) {
            lines.append("\nSent it to the printer ").append(written.printer());
        }
        return lines.toString();
    }
}
