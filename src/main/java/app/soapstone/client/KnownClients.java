package app.soapstone.client;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Clients already known, each under a label ("12 Zoë Łukasiewicz", or an earlier line of an
 * import), for finding the one a new client likely repeats: the same name (folded the way client
 * search folds names) and date of birth, the same phone digits or the same email, case aside.
 */
final class KnownClients {

    /** What tells one client from another, in the form the comparison needs. */
    private record Known(String label, String firstName, String lastName, LocalDate dateOfBirth, String phone,
            String email) {

        static Known of(String label, String firstName, String lastName, LocalDate dateOfBirth, String phone,
                String email) {
            return new Known(label, SearchText.name(firstName), SearchText.name(lastName), dateOfBirth,
                    SearchText.digits(phone), email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
        }

        /** What {@code other} shares with this client ("same phone, same email"), or null if nothing. */
        String sharedWith(Known other) {
            List<String> same = new ArrayList<>();
            if (dateOfBirth != null && dateOfBirth.equals(other.dateOfBirth) && firstName.equals(other.firstName)
                    && lastName.equals(other.lastName)) {
                same.add("same name and date of birth");
            }
            if (!phone.isEmpty() && phone.equals(other.phone)) {
                same.add("same phone");
            }
            if (!email.isEmpty() && email.equals(other.email)) {
                same.add("same email");
            }
            return same.isEmpty() ? null : String.join(", ", same);
        }
    }

    private final List<Known> known = new ArrayList<>();

    KnownClients(List<ClientSummary> stored) {
        for (ClientSummary c : stored) {
            known.add(Known.of(c.id() + " " + c.displayName(),
                    c.firstName(), c.lastName(), c.dateOfBirth(), c.phone(), c.email()));
        }
    }

    /** The known clients {@code client} likely repeats, each with what matched: "12 Zoë Łukasiewicz (same phone)". */
    List<String> likely(Client client) {
        Known candidate = known(null, client);
        List<String> matches = new ArrayList<>();
        for (Known k : known) {
            String shared = k.sharedWith(candidate);
            if (shared != null) {
                matches.add(k.label() + " (" + shared + ")");
            }
        }
        return matches;
    }

    /** Remembers {@code client} under {@code label}, so later ones are compared with it too. */
    void add(String label, Client client) {
        known.add(known(label, client));
    }

    private static Known known(String label, Client c) {
        return Known.of(label, c.firstName(), c.lastName(), c.dateOfBirth(), c.phone(), c.email());
    }
}
