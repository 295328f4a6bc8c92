package app.soapstone.client;

import java.util.Optional;

/**
 * A part of {@code client show} contributed by another feature (the current intake, the last
 * visit...), so the client feature does not depend on them.
 */
public interface ClientSection {

    /** The section's text for the client, or empty to leave it out. */
    Optional<String> render(long clientId);
}
