package app.soapstone.client;

import app.soapstone.clinic.ClinicRoles;
import app.soapstone.shell.Screen;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import java.util.List;

/** {@code client add|list|search|show|edit|archive|restore}. */
@Component
class ClientCommands {

    private static final String GROUP = "Clients";

    private final ClientService clients;
    private final Screen screen;
    // Made when a client is shown, not for every client command: they bring the intake and
    // care-plan services with them.
    private final ObjectProvider<ClientSection> sections;
    private final ClientImport importer;
    private final ClinicRoles roles;

    ClientCommands(ClientService clients, Screen screen, ObjectProvider<ClientSection> sections, ClientImport importer,
            ClinicRoles roles) {
        this.clients = clients;
        this.screen = screen;
        this.sections = sections;
        this.importer = importer;
        this.roles = roles;
    }

    @Command(name = "client add", group = GROUP, description = "Add a client and print their id")
    String add(@Option(longName = "first-name", required = true, description = "Given name") String firstName,
            @Option(longName = "last-name", required = true, description = "Family name") String lastName,
            @Option(longName = "preferred-name", description = "Name the client likes to be called") String preferredName,
            @Option(longName = "dob", description = "Date of birth, YYYY-MM-DD") String dateOfBirth,
            @Option(longName = "phone", description = "Phone number") String phone,
            @Option(longName = "email", description = "Email address") String email,
            @Option(longName = "address", description = "Postal address") String address,
            @Option(longName = "emergency-contact", description = "Who to call, and their number") String emergencyContact,
            @Option(longName = "notes", description = "Anything else worth knowing (not clinical)") String notes,
            @Option(longName = "print-name", description = "Name as the client writes it, for printouts, e.g. \"Nguyễn Thị Ánh\"") String printName,
            @Option(longName = "allow-duplicate",
                    description = "Add the client even if one with the same name and date of birth, phone or email exists")
            boolean allowDuplicate) {
        Client client = clients.add(new ClientDetails(firstName, lastName, preferredName, dateOfBirth, phone, email,
                address, emergencyContact, notes, printName), allowDuplicate);
        return String.valueOf(client.id());
    }

    @Command(name = "client list", group = GROUP, description = "List clients by last name")
    String list(@Option(longName = "archived", description = "Include archived clients") boolean archived) {
        return ClientView.table(clients.list(archived), clients.today(), archived, screen.width());
    }

    @Command(name = "client search", group = GROUP,
            description = "Find clients by name, phone or email (case, accents and punctuation ignored)")
    String search(@Arguments List<String> text,
            @Option(longName = "archived", description = "Include archived clients") boolean archived) {
        ClientService.Found found = clients.search(String.join(" ", text), archived);
        String results = found.clients().isEmpty() ? "No clients match '" + String.join(" ", text) + "'."
                : ClientView.table(found.clients(), clients.today(), archived, screen.width());
        int leftOut = found.archivedLeftOut();
        return leftOut == 0 ? results : results + "\n" + leftOut + " archived client"
                + (leftOut == 1 ? " matches" : "s match") + " (use --archived)";
    }

    @Command(name = "client show", group = GROUP, description = "Show everything known about a client")
    String show(@Argument(index = 0, description = "Client id") long client) {
        StringBuilder text = new StringBuilder(ClientView.card(clients.get(client), clients.today(),
                clients.lastVisit(client).orElse(null)));
        if (!roles.readsClinicalRecords()) {
            // The front desk's card: contact details and the last visit, no intake or care plan.
            return text.append("\n\nIntakes, notes and care plans are for therapists (this login is reception).")
                    .toString();
        }
        sections.orderedStream().forEach(section -> section.render(client).ifPresent(part -> text.append("\n\n").append(part)));
        return text.toString();
    }

    @Command(name = "client edit", group = GROUP,
            description = "Change a client's details; only the options given change (\"\" clears one)")
    String edit(@Argument(index = 0, description = "Client id") long client,
            @Option(longName = "first-name", description = "Given name") String firstName,
            @Option(longName = "last-name", description = "Family name") String lastName,
            @Option(longName = "preferred-name", description = "Name the client likes to be called") String preferredName,
            @Option(longName = "dob", description = "Date of birth, YYYY-MM-DD") String dateOfBirth,
            @Option(longName = "phone", description = "Phone number") String phone,
            @Option(longName = "email", description = "Email address") String email,
            @Option(longName = "address", description = "Postal address") String address,
            @Option(longName = "emergency-contact", description = "Who to call, and their number") String emergencyContact,
            @Option(longName = "notes", description = "Anything else worth knowing (not clinical)") String notes,
            @Option(longName = "print-name", description = "Name as the client writes it, for printouts (\"\" clears it)") String printName) {
        Client edited = clients.edit(client, new ClientDetails(firstName, lastName, preferredName, dateOfBirth, phone,
                email, address, emergencyContact, notes, printName));
        return "Updated client " + edited.id() + ": " + edited.displayName();
    }

    @Command(name = "client archive", group = GROUP,
            description = "Hide a client from lists and searches; their records are kept")
    String archive(@Argument(index = 0, description = "Client id") long client) {
        Client archived = clients.archive(client);
        return "Archived client " + archived.id() + ": " + archived.displayName()
                + " (records kept; 'client restore " + archived.id() + "' brings them back)";
    }

    @Command(name = "client import", group = GROUP,
            description = "Import clients from a CSV file with a header row (first_name, last_name, dob, phone, email...)")
    String importCsv(@Option(longName = "csv", required = true, description = "CSV file, UTF-8, with a header row") String csv,
            @Option(longName = "skip-bad", description = "Import the good rows even if some are bad") boolean skipBad,
            @Option(longName = "allow-formulas",
                    description = "Import names and emails starting with = + - @ as text (refused otherwise: a spreadsheet runs them)")
            boolean allowFormulas,
            @Option(longName = "allow-duplicate",
                    description = "Import rows like an existing client or an earlier row (same name and date of birth, phone or email)")
            boolean allowDuplicate) {
        ClientImport.Result result = importer.importCsv(csv, skipBad, allowFormulas, allowDuplicate);
        return "Imported " + result.imported() + " client" + (result.imported() == 1 ? "" : "s")
                + (result.refused().isEmpty() ? "" : "; skipped " + result.refused().size() + " bad rows:\n  "
                + String.join("\n  ", result.refused()));
    }

    @Command(name = "client restore", group = GROUP, description = "Bring an archived client back into lists")
    String restore(@Argument(index = 0, description = "Client id") long client) {
        Client restored = clients.restore(client);
        return "Restored client " + restored.id() + ": " + restored.displayName();
    }
}
