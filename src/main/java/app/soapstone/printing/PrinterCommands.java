package app.soapstone.printing;

import app.soapstone.shell.Screen;
import app.soapstone.shell.Tables;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

import java.util.List;

/** {@code printer list}. */
@Component
class PrinterCommands {

    private final Printers printers;
    private final Screen screen;

    PrinterCommands(Printers printers, Screen screen) {
        this.printers = printers;
        this.screen = screen;
    }

    @Command(name = "printer list", group = "Printing",
            description = "List the printers that take PDF documents, for 'plan print' and --printer")
    String list() {
        List<Printer> all = printers.list();
        if (all.isEmpty()) {
            return "No printers: none that take PDF documents were found. Add one in the system's printer settings"
                    + " (CUPS: 'lpadmin', or http://localhost:631).";
        }
        String table = Tables.render(List.of("Name", "Default", "State"), all.stream()
                .map(p -> List.of(p.name(), p.isDefault() ? "default" : "", p.state())).toList(), screen.width());
        return all.stream().anyMatch(Printer::isDefault) ? table
                : table + "\nNo default printer: give --printer NAME when printing, or set one with 'lpoptions -d NAME'.";
    }
}
