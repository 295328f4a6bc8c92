package app.soapstone.session;

import app.soapstone.storage.DataLocation;
import app.soapstone.validation.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Session lists, note search, last visits and outcome series: the read side of sessions. */
@Repository
class SessionQueries {

    /** One line of a session list. */
    record SessionLine(long id, long clientId, String clientName, LocalDateTime startedAt, Integer durationMinutes,
            String modalities, Integer painBefore, Integer painAfter, String practitioner, Instant createdAt,
            Instant signedAt) {
    }

    /** One search hit: the note (or addendum) and a snippet with the matched words marked. */
    record Hit(long sessionId, Long addendumId, long clientId, String clientName, LocalDateTime startedAt, String snippet) {
    }

    /** One session's outcome measures, for progress over time. */
    record Measures(long sessionId, LocalDateTime startedAt, Double crampsPerWeek, Integer crampSeverity,
            Integer sleepDisturbance, Integer painBefore, Integer painAfter) {
    }

    // string_agg: PostgreSQL's name, which SQLite (3.44+) also takes for group_concat.
    private static final String LINE = """
            SELECT s.id, s.client_id, c.first_name || ' ' || c.last_name AS client_name, s.started_at,
                   s.duration_minutes, s.pain_before, s.pain_after, p.name AS practitioner, s.created_at, s.signed_at,
                   (SELECT string_agg(m.modality, ', ') FROM session_modality m WHERE m.session_id = s.id) AS modalities
            FROM session s
            JOIN client c ON c.id = s.client_id
            JOIN practitioner p ON p.id = s.practitioner_id
            """;

    private final JdbcClient jdbc;
    private final DataLocation location;

    SessionQueries(JdbcClient jdbc, DataLocation location) {
        this.jdbc = jdbc;
        this.location = location;
    }

    List<SessionLine> forClient(long clientId) {
        return jdbc.sql(LINE + " WHERE s.client_id = ? ORDER BY s.started_at DESC, s.id DESC").param(clientId)
                .query(SessionQueries::line).list();
    }

    List<SessionLine> unsigned(Long clientId) {
        String where = " WHERE s.signed_at IS NULL" + (clientId == null ? "" : " AND s.client_id = ?");
        var statement = jdbc.sql(LINE + where + " ORDER BY s.created_at, s.id");
        if (clientId != null) {
            statement = statement.param(clientId);
        }
        return statement.query(SessionQueries::line).list();
    }

    /** The unsigned notes of {@code clientIds}, oldest first, through the (client_id, started_at) index. */
    List<SessionService.UnsignedNote> unsignedOf(Collection<Long> clientIds) {
        if (clientIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT id, client_id, started_at FROM session
                        WHERE client_id IN (:clients) AND signed_at IS NULL ORDER BY started_at, id""")
                .param("clients", clientIds)
                .query((row, n) -> new SessionService.UnsignedNote(row.getLong("id"), row.getLong("client_id"),
                        LocalDateTime.parse(row.getString("started_at"))))
                .list();
    }

    long unsignedSince(Instant before) {
        return jdbc.sql("SELECT count(*) FROM session WHERE signed_at IS NULL AND created_at < ?")
                .param(app.soapstone.storage.SqliteDialect.INSTANT_TEXT.format(before)).query(Long.class).single();
    }

    /**
     * How many of the most recently written matching notes, and as many addenda, a search ranks
     * unless asked to rank them all. Scoring a match costs about 0.7 µs here, and a word such as
     * "calf" is in nearly every one of a clinic's 200,000 notes.
     */
    static final int RECENT_MATCHES = 1_000;

    /**
     * Search hits, and whether only the {@link #RECENT_MATCHES most recent} matches were ranked
     * because there were more.
     */
    record Hits(List<Hit> hits, boolean recentOnly) {
    }

    /**
     * Notes and addenda matching every word of {@code text}, best first: by score (bm25), then the
     * latest session first. Unless {@code all}, only the {@link #RECENT_MATCHES} most recently
     * written matching notes and as many addenda are ranked: the index keys a note by its
     * session's id and an addendum by its id negated, so both are the ends of the index's order.
     * When no more match than that, every match is ranked either way.
     *
     * <p>Only the best need a snippet, their session and client. So each match is scored once
     * ({@code scored}), the score of the {@code limit}-th best is taken as the cut, and only
     * matches scoring as well or better are looked up again for their snippet and joined. Ties
     * with the cut are all kept, so the date decides between them exactly as when every match is
     * joined and sorted. (CROSS JOIN keeps {@code scored} the outer loop, so the cut applies
     * before the lookups. Every indexed note belongs to a session: the triggers keep the index
     * in step.)
     */
    Hits search(String text, int limit, boolean all) {
        if (location.onPostgres()) {
            return searchPostgres(text, limit, all);
        }
        String match = matchQuery(text);
        // One more than the window is read from each end, to tell whether older matches were left out.
        String scored = all ? """
                scored AS MATERIALIZED (
                    SELECT rowid AS hit, bm25(note_search) AS score FROM note_search WHERE note_search MATCH ?1),
                cut AS (SELECT 0 AS recent_only)"""
                : """
                notes AS MATERIALIZED (
                    SELECT rowid AS hit, bm25(note_search) AS score FROM note_search
                    WHERE note_search MATCH ?1 AND rowid > 0 ORDER BY rowid DESC LIMIT ?2 + 1),
                addenda AS MATERIALIZED (
                    SELECT rowid AS hit, bm25(note_search) AS score FROM note_search
                    WHERE note_search MATCH ?1 AND rowid < 0 ORDER BY rowid LIMIT ?2 + 1),
                scored AS MATERIALIZED (
                    SELECT * FROM (SELECT * FROM notes ORDER BY hit DESC LIMIT ?2)
                    UNION ALL
                    SELECT * FROM (SELECT * FROM addenda ORDER BY hit LIMIT ?2)),
                cut AS (SELECT (SELECT count(*) FROM notes) > ?2 OR (SELECT count(*) FROM addenda) > ?2 AS recent_only)""";
        List<Found> found = jdbc.sql("WITH " + scored + """

                        SELECT n.session_id, n.addendum_id, s.client_id, c.first_name || ' ' || c.last_name AS client_name,
                               s.started_at, snippet(note_search, 0, '[', ']', '...', 12) AS snippet,
                               (SELECT recent_only FROM cut) AS recent_only
                        FROM scored
                        CROSS JOIN note_search n ON n.rowid = scored.hit
                        JOIN session s ON s.id = n.session_id
                        JOIN client c ON c.id = s.client_id
                        WHERE note_search MATCH ?1
                          AND scored.score <= ifnull((SELECT score FROM scored ORDER BY score LIMIT 1 OFFSET ?3), 1e308)
                        ORDER BY scored.score, s.started_at DESC
                        LIMIT ?4""")
                .param(1, match).param(2, RECENT_MATCHES).param(3, limit - 1).param(4, limit)
                .query(SessionQueries::found)
                .list();
        return new Hits(found.stream().map(Found::hit).toList(), found.stream().anyMatch(Found::recentOnly));
    }

    private record Found(Hit hit, boolean recentOnly) {
    }

    /**
     * {@link #search} on PostgreSQL: the same windows, cut and order over note_search's tsvector
     * {@code document}, scored by ts_rank (larger is better, where bm25 is smaller) and the
     * snippet by ts_headline. The tsquery is worked out once ({@code query}).
     */
    private Hits searchPostgres(String text, int limit, boolean all) {
        String scored = all ? """
                scored AS MATERIALIZED (
                    SELECT rowid AS hit, ts_rank(document, q) AS score FROM note_search, query WHERE document @@ q),
                cut AS (SELECT false AS recent_only)"""
                : """
                notes AS MATERIALIZED (
                    SELECT rowid AS hit, ts_rank(document, q) AS score FROM note_search, query
                    WHERE document @@ q AND rowid > 0 ORDER BY rowid DESC LIMIT :recent + 1),
                addenda AS MATERIALIZED (
                    SELECT rowid AS hit, ts_rank(document, q) AS score FROM note_search, query
                    WHERE document @@ q AND rowid < 0 ORDER BY rowid LIMIT :recent + 1),
                scored AS MATERIALIZED (
                    (SELECT * FROM notes ORDER BY hit DESC LIMIT :recent)
                    UNION ALL
                    (SELECT * FROM addenda ORDER BY hit LIMIT :recent)),
                cut AS (SELECT (SELECT count(*) FROM notes) > :recent OR (SELECT count(*) FROM addenda) > :recent
                        AS recent_only)""";
        List<Found> found = jdbc.sql("WITH query AS MATERIALIZED (SELECT " + tsQuery(text) + " AS q),\n" + scored + """

                        SELECT n.session_id, n.addendum_id, s.client_id, c.first_name || ' ' || c.last_name AS client_name,
                               s.started_at, (SELECT recent_only FROM cut) AS recent_only,
                               ts_headline('english', n.body, query.q,
                                   'StartSel=[, StopSel=], MaxWords=12, MinWords=4') AS snippet
                        FROM scored
                        JOIN note_search n ON n.rowid = scored.hit
                        CROSS JOIN query
                        JOIN session s ON s.id = n.session_id
                        JOIN client c ON c.id = s.client_id
                        WHERE scored.score >= coalesce(
                            (SELECT score FROM scored ORDER BY score DESC LIMIT 1 OFFSET :cut), -1)
                        ORDER BY scored.score DESC, s.started_at DESC
                        LIMIT :limit""")
                .params(tsQueryParams(text)).param("recent", RECENT_MATCHES).param("cut", limit - 1)
                .param("limit", limit)
                .query(SessionQueries::found)
                .list();
        return new Hits(found.stream().map(Found::hit).toList(), found.stream().anyMatch(Found::recentOnly));
    }

    private static Found found(ResultSet row, int n) throws SQLException {
        return new Found(new Hit(row.getLong("session_id"), nullableLong(row.getObject("addendum_id")),
                row.getLong("client_id"), row.getString("client_name"),
                LocalDateTime.parse(row.getString("started_at")), row.getString("snippet").replace('\n', ' ')),
                row.getBoolean("recent_only"));
    }

    /**
     * The user's words as an FTS5 query, all required. Each word is quoted, so punctuation and FTS
     * syntax in it are taken literally, and searched as a prefix: "gastroc" finds "gastrocnemius",
     * and with the index's stemmer "stretches" finds "stretch" and "stretching". Words in double
     * quotes are one phrase, matched as whole words in that order; unpaired quotes are dropped.
     * A word of punctuation alone ("-") has nothing to be a prefix of and is kept as a plain word.
     */
    static String matchQuery(String text) {
        return String.join(" ", terms(text).stream()
                .map(term -> "\"" + term.words() + "\"" + (term.prefix() ? "*" : "")).toList());
    }

    /** One required term of a search: a word (a prefix when it has a letter or digit) or a quoted phrase. */
    private record Term(String words, boolean prefix, boolean phrase) {
    }

    /** The user's words as the terms that {@link #matchQuery} and {@link #tsQuery} both search for. */
    private static List<Term> terms(String text) {
        List<Term> terms = new ArrayList<>();
        String[] parts = text.split("\"", -1);
        if (parts.length % 2 == 0) {
            // An odd number of quotes: none is taken as a phrase's, all are dropped ("O\"Neil").
            parts = new String[] {text.replace("\"", "")};
        }
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            // Parts at odd places were inside a pair of quotes.
            if (i % 2 == 1) {
                String words = String.join(" ", part.replace("*", " ").strip().split("\\s+"));
                if (hasWord(words)) {
                    terms.add(new Term(words, false, true));
                }
                continue;
            }
            for (String word : part.strip().split("\\s+")) {
                String bare = word.replace("*", "");
                if (!bare.isBlank()) {
                    terms.add(new Term(bare, hasWord(bare), false));
                }
            }
        }
        if (terms.isEmpty()) {
            throw new InvalidInputException("TEXT: give one or more words to search the notes for");
        }
        return terms;
    }

    /**
     * The same terms as a PostgreSQL tsquery expression over the parameters :term0, :term1...
     * ({@link #tsQueryParams}). Each term is read as plain text (plainto_tsquery), so operators
     * and punctuation in it are taken literally, with accents removed and English stems, as the
     * index's document is; a word's lexemes become prefixes ({@code :*}). A word the English
     * configuration drops as a stop word ("not") is searched as the bare word's prefix, as on
     * SQLite, which has no stop words; a phrase is matched word after word.
     */
    static String tsQuery(String text) {
        List<Term> terms = terms(text);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            String words = "soapstone_unaccent(CAST(:term" + i + " AS text))";
            Term term = terms.get(i);
            String english = "plainto_tsquery('english', " + words + ")";
            if (term.phrase()) {
                parts.add("phraseto_tsquery('english', " + words + ")");
            } else if (!term.prefix()) {
                parts.add(english);
            } else {
                parts.add("CASE WHEN numnode(" + english + ") > 0 THEN " + prefixes(english)
                        + " ELSE " + prefixes("plainto_tsquery('simple', " + words + ")") + " END");
            }
        }
        return "(" + String.join(" && ", parts) + ")";
    }

    /** The parameters of {@link #tsQuery}: each term's words by name. */
    static Map<String, Object> tsQueryParams(String text) {
        List<Term> terms = terms(text);
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            params.put("term" + i, terms.get(i).words());
        }
        return params;
    }

    /** Every lexeme of a tsquery made a prefix: each lexeme's closing quote gains {@code :*}. */
    private static String prefixes(String query) {
        return "CAST(regexp_replace(CAST(" + query + " AS text), '''(\\s|$)', ''':*\\1', 'g') AS tsquery)";
    }

    private static boolean hasWord(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    Map<Long, LocalDate> lastVisits() {
        Map<Long, LocalDate> visits = new HashMap<>();
        jdbc.sql("SELECT client_id, max(started_at) AS last FROM session GROUP BY client_id")
                .query(row -> {
                    visits.put(row.getLong("client_id"), LocalDate.parse(row.getString("last").substring(0, 10)));
                });
        return visits;
    }

    /** The last visits of some clients: one index lookup each, instead of grouping every session. */
    Map<Long, LocalDate> lastVisits(Collection<Long> clientIds) {
        Map<Long, LocalDate> visits = new HashMap<>();
        List<Long> ids = List.copyOf(new LinkedHashSet<>(clientIds));
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<Long> chunk = ids.subList(from, Math.min(from + IDS_PER_QUERY, ids.size()));
            var statement = jdbc.sql("SELECT client_id, max(started_at) AS last FROM session WHERE client_id IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ") GROUP BY client_id");
            for (Long id : chunk) {
                statement = statement.param(id);
            }
            statement.query(row -> {
                visits.put(row.getLong("client_id"), LocalDate.parse(row.getString("last").substring(0, 10)));
            });
        }
        return visits;
    }

    /** Well under SQLite's limit on parameters in one statement. */
    private static final int IDS_PER_QUERY = 500;

    /** The same session as {@link SessionRepository#findLatestWithPlan}, its Plan only. */
    Optional<String> latestPlan(long clientId) {
        return jdbc.sql("""
                        SELECT plan FROM session WHERE client_id = ? AND plan IS NOT NULL
                        ORDER BY started_at DESC, id DESC LIMIT 1""")
                .param(clientId).query(String.class).optional();
    }

    /** The value on the client's latest session, through the (client_id, started_at) index. */
    Optional<Integer> latestHomeMassageMinutes(long clientId) {
        return jdbc.sql("""
                        SELECT home_massage_minutes FROM session WHERE client_id = ?
                        ORDER BY started_at DESC, id DESC LIMIT 1""")
                .param(clientId).query((row, n) -> nullableInt(row.getObject(1))).optional();
    }

    Optional<LocalDate> lastVisit(long clientId) {
        return jdbc.sql("SELECT max(started_at) FROM session WHERE client_id = ?").param(clientId)
                .query(String.class).optional().map(t -> LocalDate.parse(t.substring(0, 10)));
    }

    List<Measures> measures(long clientId) {
        return jdbc.sql("""
                        SELECT id, started_at, cramps_per_week, cramp_severity, sleep_disturbance, pain_before, pain_after
                        FROM session WHERE client_id = ? ORDER BY started_at, id""")
                .param(clientId)
                .query((row, n) -> new Measures(row.getLong("id"), LocalDateTime.parse(row.getString("started_at")),
                        nullableDouble(row.getObject("cramps_per_week")), nullableInt(row.getObject("cramp_severity")),
                        nullableInt(row.getObject("sleep_disturbance")), nullableInt(row.getObject("pain_before")),
                        nullableInt(row.getObject("pain_after"))))
                .list();
    }

    // SQLite returns whatever number type fits the stored value, so convert rather than cast.
    private static Long nullableLong(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private static Integer nullableInt(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    private static Double nullableDouble(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static SessionLine line(ResultSet row, int number) throws SQLException {
        String signed = row.getString("signed_at");
        return new SessionLine(row.getLong("id"), row.getLong("client_id"), row.getString("client_name"),
                LocalDateTime.parse(row.getString("started_at")), nullableInt(row.getObject("duration_minutes")),
                row.getString("modalities"), nullableInt(row.getObject("pain_before")),
                nullableInt(row.getObject("pain_after")), row.getString("practitioner"),
                Instant.parse(row.getString("created_at")), signed == null ? null : Instant.parse(signed));
    }
}
