package app.soapstone.session;

import app.soapstone.clinic.ClinicRoles;
import app.soapstone.shell.StartupNotice;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/** The one line the interactive shell shows at start when notes have stayed unsigned for over a day. */
@Component
class UnsignedNotesNotice implements StartupNotice {

    static final Duration GRACE = Duration.ofHours(24);

    // One count straight from the session table: shown before the prompt, so it should not wait
    // for the services and the entity mappings the first command will set up.
    private final SessionQueries queries;
    private final Clock clock;
    private final ClinicRoles roles;

    UnsignedNotesNotice(SessionQueries queries, Clock clock, ClinicRoles roles) {
        this.queries = queries;
        this.clock = clock;
        this.roles = roles;
    }

    @Override
    public String message() {
        if (!roles.readsClinicalRecords()) {
            // The front desk signs no notes, and may not count them: the database would refuse.
            return null;
        }
        long count = queries.unsignedSince(clock.instant().minus(GRACE));
        if (count == 0) {
            return null;
        }
        return count + (count == 1 ? " note has" : " notes have") + " been unsigned for over 24 hours:"
                + " see 'session list --unsigned'";
    }
}
