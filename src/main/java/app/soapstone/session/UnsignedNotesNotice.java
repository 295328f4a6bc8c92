package app.soapstone.session;

import app.soapstone.shell.StartupNotice;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** The one line the interactive shell shows at start when notes have stayed unsigned for over a day. */
@Component
class UnsignedNotesNotice implements StartupNotice {

    static final Duration GRACE = Duration.ofHours(24);

    private final SessionService sessions;

    UnsignedNotesNotice(SessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public String message() {
        long count = sessions.unsignedOlderThan(GRACE);
        if (count == 0) {
            return null;
        }
        return count + (count == 1 ? " note has" : " notes have") + " been unsigned for over 24 hours:"
                + " see 'session list --unsigned'";
    }
}
