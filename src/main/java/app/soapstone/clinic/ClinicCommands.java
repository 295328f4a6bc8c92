package app.soapstone.clinic;

import app.soapstone.shell.Screen;
import app.soapstone.shell.Tables;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import java.util.List;

/** {@code clinic set|show} and {@code practitioner add|list|default}. */
@Component
class ClinicCommands {

    private static final String GROUP = "Clinic";

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
            String country) {
        Clinic saved = clinic.set(new ClinicDetails(name, address, phone, email, website, country));
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
                                : c.country()))))
                .orElse("No clinic details yet. Set them with: clinic set --name ... --address ... --phone ...");
    }

    @Command(name = "practitioner add", group = GROUP,
            description = "Add a practitioner and print their id (the first one is the default)")
    String addPractitioner(@Option(longName = "name", required = true, description = "Full name") String name,
            @Option(longName = "credentials", required = true, description = "e.g. RMT, Myotherapist") String credentials,
            @Option(longName = "registration-number", description = "Registration with the regulator") String registration) {
        return String.valueOf(clinic.addPractitioner(name, credentials, registration).id());
    }

    @Command(name = "practitioner list", group = GROUP, description = "List practitioners (* marks the default)")
    String listPractitioners() {
        List<Practitioner> all = clinic.practitioners();
        if (all.isEmpty()) {
            return "No practitioners yet. Add one with: practitioner add --name ... --credentials ...";
        }
        List<List<String>> rows = all.stream().map(p -> List.of(p.isDefault() ? "*" : "", String.valueOf(p.id()),
                p.name(), p.credentials(), p.registrationNumber() == null ? "" : p.registrationNumber())).toList();
        return Tables.render(List.of("", "ID", "Name", "Credentials", "Registration"), rows, screen.width());
    }

    @Command(name = "practitioner default", group = GROUP,
            description = "Make a practitioner the default for new notes")
    String makeDefault(@Argument(index = 0, description = "Practitioner id") long practitioner) {
        return "Default practitioner: " + clinic.makeDefault(practitioner).signature();
    }
}
