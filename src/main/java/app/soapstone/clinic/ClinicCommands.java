package app.soapstone.clinic;

import app.soapstone.shell.Screen;
import app.soapstone.shell.Tables;
import app.soapstone.validation.InvalidInputException;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** {@code clinic set|show}, {@code clinic roles init|grant} and {@code practitioner add|edit|list|default}. */
@Component
class ClinicCommands {

    private static final String GROUP = "Clinic";
    private static final String TAX_NUMBER = "Their own tax registration number for receipts when they bill as a sole"
            + " trader (HST, GST, ABN)";

    private final ClinicService clinic;
    private final Screen screen;

    ClinicCommands(ClinicService clinic, Screen screen) {
        this.clinic = clinic;
        this.screen = screen;
    }

    @Command(name = "clinic set", group = GROUP,
            description = "Set the clinic's details for notes and printouts (first time: name, address, phone)")
    String set(@Option(longName = "name", description = "Clinic name") String name,
            @Option(longName = "address", description = "Street address") String address,
            @Option(longName = "phone", description = "Phone number") String phone,
            @Option(longName = "email", description = "Email address") String email,
            @Option(longName = "website", description = "Web address") String website,
            @Option(longName = "country", description = "Where the clinic is, for reading phone numbers (AU, GB, US...)")
            String country,
            @Option(longName = "time-zone", description = "The clinic's time zone for appointments, Area/City"
                    + " (Australia/Sydney); unset, the computer's own") String timeZone,
            @Option(longName = "currency", description = "The clinic's currency for fees, its ISO 4217 code (AUD, CAD,"
                    + " USD...); '' clears it") String currency,
            @Option(longName = "tax-number", description = "The clinic's tax registration number for receipts"
                    + " (HST, GST, ABN); '' clears it") String taxNumber) {
        Clinic saved = clinic.set(new ClinicDetails(name, address, phone, email, website, country, timeZone, currency,
                taxNumber));
        return "Clinic details saved: " + saved.name();
    }

    @Command(name = "clinic show", group = GROUP, description = "Show the clinic's details")
    String show() {
        return clinic.clinic().map(c -> Tables.card(List.of(
                        List.of("Clinic", c.name()),
                        List.of("Address", c.address()),
                        List.of("Phone", c.phone()),
                        List.of("Email", c.email() == null ? "" : c.email()),
                        List.of("Website", c.website() == null ? "" : c.website()),
                        List.of("Country", c.country() == null ? "not set (phone numbers are matched by their digits)"
                                : c.country()),
                        List.of("Time zone", c.timeZone() == null ? "not set (this computer's: " + clinic.zone().getId()
                                + ")" : c.timeZone()),
                        List.of("Currency", c.currency() == null ? "not set (needed for prices: clinic set --currency)"
                                : c.currency()),
                        List.of("Tax number", c.taxNumber() == null ? "" : c.taxNumber()))))
                .orElse("No clinic details yet. Set them with: clinic set --name ... --address ... --phone ...");
    }

    @Command(name = "practitioner add", group = GROUP,
            description = "Add a practitioner and print their id (the first one is the default)")
    String addPractitioner(@Option(longName = "name", required = true, description = "Full name") String name,
            @Option(longName = "credentials", required = true, description = "e.g. RMT, Myotherapist") String credentials,
            @Option(longName = "registration-number", description = "Registration with the regulator") String registration,
            @Option(longName = "tax-number", description = TAX_NUMBER) String taxNumber,
            @Option(longName = "db-role", description = "PostgreSQL only: their own database login, who alone signs as them")
            String dbRole) {
        return String.valueOf(clinic.addPractitioner(name, credentials, registration, taxNumber, dbRole).id());
    }

    @Command(name = "practitioner edit", group = GROUP,
            description = "Change a practitioner's registration or tax number, or their database login (PostgreSQL)")
    String editPractitioner(@Argument(index = 0, description = "Practitioner id") long practitioner,
            @Option(longName = "registration-number", description = "Registration with the regulator; '' clears it")
            String registration,
            @Option(longName = "tax-number", description = TAX_NUMBER + "; '' clears it") String taxNumber,
            @Option(longName = "db-role",
                    description = "PostgreSQL only: their own database login, who alone signs as them") String dbRole) {
        if (registration == null && taxNumber == null && dbRole == null) {
            throw new InvalidInputException("Nothing to change: give --registration-number, --tax-number or --db-role");
        }
        List<String> said = new ArrayList<>();
        if (registration != null || taxNumber != null) {
            Practitioner saved = clinic.setNumbers(practitioner, registration, taxNumber);
            said.add("Practitioner " + saved.id() + " (" + saved.signature() + "): registration number "
                    + orNone(saved.registrationNumber()) + ", tax number " + orNone(saved.taxNumber()) + ".");
        }
        if (dbRole != null) {
            Practitioner saved = clinic.setLogin(practitioner, dbRole);
            said.add("Practitioner " + saved.id() + " (" + saved.signature() + ") is login " + saved.dbRole()
                    + ", who alone signs as them.");
        }
        return String.join("\n", said);
    }

    private static String orNone(String value) {
        return value == null ? "none" : value;
    }

    @Command(name = "clinic roles init", group = GROUP,
            description = "Set up the owner, therapist and reception roles in this PostgreSQL database (run as its owner)",
            help = """
                    Makes the group roles soapstone_owner, soapstone_therapist and soapstone_reception on the server if
                    they are not there, and gives each what it may read and write in this database. Run it again after
                    upgrading Soapstone. Then 'practitioner add --db-role LOGIN' makes each therapist's login, and
                    'clinic roles grant --role reception --login LOGIN' the front desk's.""")
    String initRoles() {
        clinic.initRoles();
        return "The clinic's roles are set up in this database: owner, therapist, reception.\n"
                + "Next: practitioner add --name ... --credentials ... --db-role LOGIN (a therapist's login),\n"
                + "clinic roles grant --role reception --login LOGIN (the front desk's),\n"
                + "then give each login a password with psql's \\password LOGIN.";
    }

    @Command(name = "clinic roles grant", group = GROUP,
            description = "Put a database login in one of the clinic's roles, making the login if needed (PostgreSQL only)")
    String grantRole(@Option(longName = "role", required = true, description = "owner, therapist or reception")
            ClinicRole role,
            @Option(longName = "login", required = true, description = "The PostgreSQL login, e.g. jo") String login) {
        return "Login " + clinic.grantRole(role, login) + " is " + role.word() + ".";
    }

    @Command(name = "practitioner list", group = GROUP, description = "List practitioners (* marks the default)")
    String listPractitioners() {
        List<Practitioner> all = clinic.practitioners();
        if (all.isEmpty()) {
            return "No practitioners yet. Add one with: practitioner add --name ... --credentials ...";
        }
        // The login column once a practitioner has one (a clinic on PostgreSQL with roles).
        boolean logins = all.stream().anyMatch(p -> p.dbRole() != null);
        List<List<String>> rows = all.stream().map(p -> {
            List<String> row = new ArrayList<>(List.of(p.isDefault() ? "*" : "", String.valueOf(p.id()),
                    p.name(), p.credentials(), p.registrationNumber() == null ? "" : p.registrationNumber(),
                    p.taxNumber() == null ? "" : p.taxNumber()));
            if (logins) {
                row.add(p.dbRole() == null ? "" : p.dbRole());
            }
            return row;
        }).toList();
        List<String> header = new ArrayList<>(List.of("", "ID", "Name", "Credentials", "Registration", "Tax number"));
        if (logins) {
            header.add("Login");
        }
        return Tables.render(header, rows, screen.width());
    }

    @Command(name = "practitioner default", group = GROUP,
            description = "Make a practitioner the default for new notes")
    String makeDefault(@Argument(index = 0, description = "Practitioner id") long practitioner) {
        return "Default practitioner: " + clinic.makeDefault(practitioner).signature();
    }
}
