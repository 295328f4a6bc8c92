package app.soapstone.client;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.CollationKey;
import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Client lists and searches, sorted the way people read names: by last name, accents aside. */
@Repository
class ClientDirectory {

    private static final String SELECT = """
            SELECT c.id, c.first_name, c.last_name, c.preferred_name, c.date_of_birth, c.phone, c.email,
                   c.archived_at IS NOT NULL AS archived
            FROM client c
            """;

    private final JdbcClient jdbc;
    private final ObjectProvider<LastVisits> lastVisits;

    ClientDirectory(JdbcClient jdbc, ObjectProvider<LastVisits> lastVisits) {
        this.jdbc = jdbc;
        this.lastVisits = lastVisits;
    }

    List<ClientSummary> list(boolean includeArchived) {
        String sql = SELECT + (includeArchived ? "" : " WHERE c.archived_at IS NULL");
        return sorted(withLastVisits(jdbc.sql(sql).query(ClientDirectory::summary).list(), true));
    }

    /** Every word of the query, each to be found in the names, email or phone. */
    private static Query query(String query) {
        List<String> conditions = new ArrayList<>();
        List<Object> patterns = new ArrayList<>();
        for (String word : terms(query)) {
            // Names are stored without punctuation, emails with it: a word may match either way.
            String name = SearchText.name(word);
            patterns.add("%" + escapeLike(word) + "%");
            if (name.isEmpty() || name.equals(word)) {
                conditions.add("c.search_text LIKE ? ESCAPE '\\'");
            } else {
                conditions.add("(c.search_text LIKE ? ESCAPE '\\' OR c.search_text LIKE ? ESCAPE '\\')");
                patterns.add("%" + escapeLike(name) + "%");
            }
        }
        return new Query(conditions, patterns);
    }

    /** The conditions of a search, with the LIKE patterns they take in order. */
    private record Query(List<String> conditions, List<Object> patterns) {
    }

    /** Clients whose names, email or phone contain every word of the query. */
    List<ClientSummary> search(String query, boolean includeArchived) {
        Query search = query(query);
        String sql = SELECT + " WHERE " + String.join(" AND ", search.conditions())
                + (includeArchived ? "" : " AND c.archived_at IS NULL");
        List<ClientSummary> found = jdbc.sql(sql).params(search.patterns()).query(ClientDirectory::summary).list();
        return sorted(withLastVisits(found, false));
    }

    /** How many archived clients the query matches. */
    int archivedMatches(String query) {
        Query search = query(query);
        String sql = "SELECT count(*) FROM client c WHERE " + String.join(" AND ", search.conditions())
                + " AND c.archived_at IS NOT NULL";
        return jdbc.sql(sql).params(search.patterns()).query(Integer.class).single();
    }

    /**
     * A query that looks like a phone number is matched on its digits, without a leading trunk
     * zero, so "0412 345" finds both "0412 345 678" and "+61 412 345 678"; anything else word by
     * word, case and accents folded.
     */
    static List<String> terms(String query) {
        String digits = SearchText.digits(query);
        if (digits.length() >= 3 && query.strip().matches("[0-9+()\\-. ]+")) {
            return List.of(digits.replaceFirst("^0+(?=\\d)", ""));
        }
        String folded = SearchText.fold(query);
        return folded.isEmpty() ? List.of("") : List.of(folded.split(" "));
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /**
     * Adds each client's last visit. A whole list asks for everyone's at once; a search only for
     * the clients it found, so that finding three clients does not group every session.
     */
    private List<ClientSummary> withLastVisits(List<ClientSummary> clients, boolean everyone) {
        LastVisits visits = lastVisits.getIfAvailable();
        if (visits == null || clients.isEmpty()) {
            return clients;
        }
        Map<Long, LocalDate> last = everyone ? visits.all() : visits.of(clients.stream().map(ClientSummary::id).toList());
        return clients.stream().map(c -> new ClientSummary(c.id(), c.firstName(), c.lastName(), c.preferredName(),
                c.dateOfBirth(), c.phone(), c.email(), last.get(c.id()), c.archived())).toList();
    }

    /** A client with the collation keys of their folded names, made once rather than at every comparison. */
    private record Sortable(ClientSummary client, CollationKey foldedLast, CollationKey foldedFirst) {
    }

    private static List<ClientSummary> sorted(List<ClientSummary> clients) {
        Collator collator = Collator.getInstance(Locale.ROOT);
        collator.setStrength(Collator.SECONDARY);
        // Folded first: the JDK collator has no rule for letters such as Ł or Ø and would put
        // Łukasiewicz after Zimmerman; folded, it sorts as Lukasiewicz, between Lee and Martin.
        // Comparing collation keys gives the same order as comparing with the collator; the names
        // as written only decide between names that fold alike, which is rare, so they get no keys.
        Comparator<Sortable> order = Comparator.comparing(Sortable::foldedLast)
                .thenComparing(Sortable::foldedFirst)
                .thenComparing(s -> s.client().lastName(), collator)
                .thenComparing(s -> s.client().firstName(), collator)
                .thenComparingLong(s -> s.client().id());
        return clients.stream()
                .map(c -> new Sortable(c, collator.getCollationKey(SearchText.fold(c.lastName())),
                        collator.getCollationKey(SearchText.fold(c.firstName()))))
                .sorted(order).map(Sortable::client).toList();
    }

    private static ClientSummary summary(ResultSet row, int number) throws SQLException {
        return new ClientSummary(row.getLong("id"), row.getString("first_name"), row.getString("last_name"),
                row.getString("preferred_name"), date(row.getString("date_of_birth")), row.getString("phone"),
                row.getString("email"), null, row.getBoolean("archived"));
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text.substring(0, 10));
    }
}
