package app.soapstone.session;

import java.util.Optional;

/**
 * What another package does when a session is recorded, inside the same transaction: the
 * appointment book marks the client's visit of that day attended. {@code session} may not use the
 * packages above it (ARCHITECTURE.md), so they implement this as a bean and {@link SessionService}
 * calls each one; a failure rolls the session back with it.
 */
public interface SessionFollowUp {

    /** Does what follows from {@code session} having been recorded; a line saying what it did, if anything. */
    Optional<String> recorded(Session session);
}
