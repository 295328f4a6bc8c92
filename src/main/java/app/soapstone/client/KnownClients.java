package app.soapstone.client;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Clients already known, each under a label ("12 Zoë Łukasiewicz", or an earlier line of an
 * import), for finding the one a new client likely repeats: the same name (folded the way client
 * search folds names) and date of birth, the same phone (the same digits, or the same number read in
 * the clinic's country: "0412 345 678" and "+61 412 345 678") or the same email, case aside.
 */
final class KnownClients {

    /** What tells one client from another, in the form the comparison needs. */
    private record Known(String label, String firstName, String lastName, LocalDate dateOfBirth, String phone,
            String international, String email) {

        static Known of(String label, Client c) {
            return new Known(label, SearchText.name(c.firstName()), SearchText.name(c.lastName()), c.dateOfBirth(),
                    SearchText.digits(c.phone()), c.phoneE164() == null ? "" : c.phoneE164(),
                    c.email() == null ? "" : c.email().strip().toLowerCase(Locale.ROOT));
        }

        /** What {@code other} shares with this client ("same phone, same email"), or null if nothing. */
        String sharedWith(Known other) {
            List<String> same = new ArrayList<>();
            if (dateOfBirth != null && dateOfBirth.equals(other.dateOfBirth) && firstName.equals(other.firstName)
                    && lastName.equals(other.lastName)) {
                same.add("same name and date of birth");
            }
            if (!phone.isEmpty() && phone.equals(other.phone)
                    || !international.isEmpty() && international.equals(other.international)) {
                same.add("same phone");
            }
            if (!email.isEmpty() && email.equals(other.email)) {
                same.add("same email");
            }
            return same.isEmpty() ? null : String.join(", ", same);
        }
    }

    private final List<Known> known = new ArrayList<>();

    KnownClients(List<Client> stored) {
        for (Client c : stored) {
            known.add(Known.of(c.id() + " " + c.displayName(), c));
        }
    }

    /** The known clients {@code client} likely repeats, each with what matched: "12 Zoë Łukasiewicz (same phone)". */
    List<String> likely(Client client) {
        Known candidate = Known.of(null, client);
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
        known.add(Known.of(label, client));
    }
}
