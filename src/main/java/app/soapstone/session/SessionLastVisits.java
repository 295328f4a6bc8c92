package app.soapstone.session;

import app.soapstone.client.LastVisits;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Each client's last visit: the date of their latest session. */
@Component
class SessionLastVisits implements LastVisits {

    private final SessionQueries queries;

    SessionLastVisits(SessionQueries queries) {
        this.queries = queries;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, LocalDate> all() {
        return queries.lastVisits();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, LocalDate> of(Collection<Long> clientIds) {
        return queries.lastVisits(clientIds);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<LocalDate> of(long clientId) {
        return queries.lastVisit(clientId);
    }
}
