package app.soapstone.client;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** When clients were last seen, provided by the sessions feature so that clients need not know it. */
public interface LastVisits {

    /** Every client's last visit, by client id; clients never seen are absent. */
    Map<Long, LocalDate> all();

    /** The last visits of these clients only, by client id; clients never seen are absent. */
    Map<Long, LocalDate> of(Collection<Long> clientIds);

    Optional<LocalDate> of(long clientId);
}
