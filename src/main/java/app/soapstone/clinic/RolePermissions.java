package app.soapstone.clinic;

import app.soapstone.shell.CommandPermissions;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The commands each of the clinic's roles may not run, so that a login is refused in one plain
 * line before anything is read. The database enforces the same with its GRANTs
 * ({@link ClinicRoles#init}); this only says it first, and in the clinic's words.
 */
@Component
class RolePermissions implements CommandPermissions {

    /** Commands a role may not run (by the start of their names), and why. */
    private record Rule(ClinicRole role, List<String> commands, String why) {

        boolean covers(String command) {
            return commands.stream().anyMatch(c -> command.equals(c) || command.startsWith(c + " "));
        }
    }

    private static final List<String> CLINICAL = List.of("session", "intake", "screening", "plan", "chart",
            "client progress");
    private static final List<String> OWNERS_RECORDS = List.of("export", "backup", "restore", "db", "records key");
    private static final List<String> OWNERS_SETUP = List.of("clinic set", "clinic roles", "practitioner add",
            "practitioner edit", "practitioner default", "service add", "service edit", "service retire");

    private static final List<Rule> RULES = List.of(
            new Rule(ClinicRole.RECEPTION, CLINICAL,
                    "reception cannot read clinical records (intakes, sessions, SOAP notes, screening, care plans):"
                            + " ask a therapist"),
            // Receipts, payments and reports are the desk's; a superbill lists each visit's diagnosis codes.
            new Rule(ClinicRole.RECEPTION, List.of("superbill"),
                    "reception cannot make a superbill, which holds the visits' diagnosis codes: ask a therapist"),
            new Rule(ClinicRole.RECEPTION, List.of("records verify"),
                    "reception cannot check the records, which means reading clinical ones: ask the clinic's owner"),
            new Rule(ClinicRole.RECEPTION, OWNERS_RECORDS, "reception cannot export, back up or restore the records:"
                    + " ask the clinic's owner"),
            new Rule(ClinicRole.RECEPTION, OWNERS_SETUP, "reception cannot change the clinic, its practitioners,"
                    + " services or roles: ask the clinic's owner"),
            new Rule(ClinicRole.THERAPIST, OWNERS_RECORDS, "a therapist cannot export, back up or restore the whole"
                    + " practice's records: ask the clinic's owner"),
            new Rule(ClinicRole.THERAPIST, OWNERS_SETUP, "a therapist cannot change the clinic, its practitioners,"
                    + " services or roles: ask the clinic's owner"));

    private final ClinicRoles roles;

    RolePermissions(ClinicRoles roles) {
        this.roles = roles;
    }

    @Override
    public Optional<String> refusal(String command) {
        if (!roles.available()) {
            // SQLite: no logins; nothing read, so help and one-shot commands start as fast as before.
            return Optional.empty();
        }
        Optional<ClinicRole> role = roles.loginRole();
        return role.flatMap(r -> RULES.stream().filter(rule -> rule.role() == r && rule.covers(command)).findFirst())
                .map(Rule::why);
    }
}
