package app.soapstone.session;

import app.soapstone.bench.ClinicDataGenerator;
import app.soapstone.storage.DataLocation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Note search on a generated clinic returns what the plain query (score and join every match,
 * sort, take the best) returns: the same notes in the same order of score and date. Notes tied
 * on both may come in either order, in both queries alike; all the notes that rank strictly
 * above the last one returned are the same. Without {@code --all}, a word in more notes than
 * {@link SessionQueries#RECENT_MATCHES} is ranked among the most recently written matches only:
 * the plain query's matches are cut the same way here, in Java, before they are compared.
 */
class SessionSearchAtScaleTest {

    private static final String PLAIN = """
            SELECT n.session_id, n.addendum_id, s.started_at, bm25(note_search) AS score
            FROM note_search n
            JOIN session s ON s.id = n.session_id
            JOIN client c ON c.id = s.client_id
            WHERE note_search MATCH ?
            ORDER BY bm25(note_search), s.started_at DESC
            LIMIT ?""";

    private static Path dir;
    private static JdbcClient jdbc;

    private record Ranked(long sessionId, Long addendumId, String startedAt, double score) {
        String key() {
            return sessionId + "/" + addendumId;
        }
    }

    @BeforeAll
    static void generate() throws Exception {
        dir = Files.createTempDirectory("soapstone-search-");
        Path file = dir.resolve("clinic.db");
        ClinicDataGenerator.generate(file, new ClinicDataGenerator.Options(300, 6_000, 11L, LocalDate.of(2026, 10, 31),
                4, 0.05, false, false));
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file);
        jdbc = JdbcClient.create(source);
    }

    @AfterAll
    static void delete() throws Exception {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    private static final String EVERY_MATCH = """
            SELECT n.rowid, n.session_id, n.addendum_id, s.started_at, bm25(note_search) AS score
            FROM note_search n
            JOIN session s ON s.id = n.session_id
            JOIN client c ON c.id = s.client_id
            WHERE note_search MATCH ?""";

    private record Match(long rowid, Ranked ranked) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"calf", "hamstring", "plantar fascia", "cramp*", "soleus left", "chilblains",
            "bruising", "GP", "nothing-like-this", "weeks", "foot", "pregnan*"})
    void searchReturnsWhatScoringEveryMatchReturns(String words) {
        for (int limit : new int[] {1, 7, 50}) {
            List<Ranked> plain = jdbc.sql(PLAIN).param(SessionQueries.matchQuery(words)).param(limit)
                    .query((row, n) -> new Ranked(row.getLong(1),
                            row.getObject(2) == null ? null : ((Number) row.getObject(2)).longValue(), row.getString(3),
                            row.getDouble(4)))
                    .list();
            SessionQueries.Hits hits = new SessionQueries(jdbc, new DataLocation(dir.resolve("clinic.db"))).search(words, limit, true);

            assertThat(hits.recentOnly()).isFalse();
            assertSameRanking(ranked(hits.hits(), words), plain, words + " --all, limit " + limit);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"calf", "hamstring", "plantar fascia", "cramp*", "soleus left", "chilblains",
            "bruising", "GP", "nothing-like-this", "weeks", "foot", "pregnan*"})
    void withoutAllAWordInManyNotesIsRankedAmongTheMostRecentOnly(String words) {
        String match = SessionQueries.matchQuery(words);
        List<Match> every = jdbc.sql(EVERY_MATCH).param(match)
                .query((row, n) -> new Match(row.getLong(1), new Ranked(row.getLong(2),
                        row.getObject(3) == null ? null : ((Number) row.getObject(3)).longValue(), row.getString(4),
                        row.getDouble(5))))
                .list();
        long notes = every.stream().filter(m -> m.rowid() > 0).count();
        long addenda = every.size() - notes;
        boolean cut = notes > SessionQueries.RECENT_MATCHES || addenda > SessionQueries.RECENT_MATCHES;
        // Notes are keyed by session id and addenda by their id negated: the most recent notes have
        // the highest keys, the most recent addenda the lowest.
        List<Match> window = new ArrayList<>();
        every.stream().filter(m -> m.rowid() > 0).sorted(Comparator.comparingLong(Match::rowid).reversed())
                .limit(cut ? SessionQueries.RECENT_MATCHES : Long.MAX_VALUE).forEach(window::add);
        every.stream().filter(m -> m.rowid() < 0).sorted(Comparator.comparingLong(Match::rowid))
                .limit(cut ? SessionQueries.RECENT_MATCHES : Long.MAX_VALUE).forEach(window::add);
        Comparator<Ranked> best = Comparator.comparingDouble(Ranked::score)
                .thenComparing(Ranked::startedAt, Comparator.reverseOrder());

        for (int limit : new int[] {1, 7, 50}) {
            List<Ranked> expected = window.stream().map(Match::ranked).sorted(best).limit(limit).toList();
            SessionQueries.Hits hits = new SessionQueries(jdbc, new DataLocation(dir.resolve("clinic.db"))).search(words, limit, false);

            assertThat(hits.recentOnly()).as("'%s' in %d notes and %d addenda", words, notes, addenda).isEqualTo(cut);
            assertSameRanking(ranked(hits.hits(), words), expected, words + ", limit " + limit);
        }
    }

    @org.junit.jupiter.api.Test
    void theGeneratedClinicHasWordsOnBothSidesOfTheCut() {
        // Otherwise the test above would not test the cut.
        assertThat(count("calf")).isGreaterThan(SessionQueries.RECENT_MATCHES);
        // Each word is searched as a prefix: "foot" is in footwear too, and above the cut.
        assertThat(count("plantar fascia")).isPositive().isLessThan(SessionQueries.RECENT_MATCHES);
    }

    private static long count(String word) {
        return jdbc.sql("SELECT count(*) FROM note_search WHERE note_search MATCH ?").param(SessionQueries.matchQuery(word))
                .query(Long.class).single();
    }

    private static List<Ranked> ranked(List<SessionQueries.Hit> hits, String words) {
        List<Ranked> found = new ArrayList<>();
        for (SessionQueries.Hit hit : hits) {
            double score = jdbc.sql("""
                            SELECT bm25(note_search) FROM note_search
                            WHERE note_search MATCH ? AND session_id = ? AND addendum_id IS ?""")
                    .param(SessionQueries.matchQuery(words)).param(hit.sessionId()).param(hit.addendumId())
                    .query(Double.class).single();
            found.add(new Ranked(hit.sessionId(), hit.addendumId(),
                    app.soapstone.storage.SqliteDialect.LOCAL_MINUTE.format(hit.startedAt()), score));
        }
        return found;
    }

    private static void assertSameRanking(List<Ranked> found, List<Ranked> expected, String what) {
        assertThat(found).as(what).hasSameSizeAs(expected);
        assertThat(found.stream().map(r -> r.score() + " " + r.startedAt()).toList())
                .as("score and date, in order, for '%s'", what)
                .isEqualTo(expected.stream().map(r -> r.score() + " " + r.startedAt()).toList());
        if (!expected.isEmpty()) {
            Ranked last = expected.getLast();
            assertThat(above(found, last)).as(what).isEqualTo(above(expected, last));
        }
    }

    /** The notes that rank strictly above {@code last}. */
    private static Set<String> above(List<Ranked> ranked, Ranked last) {
        Set<String> keys = new HashSet<>();
        for (Ranked r : ranked) {
            if (r.score() < last.score() || (r.score() == last.score() && r.startedAt().compareTo(last.startedAt()) > 0)) {
                keys.add(r.key());
            }
        }
        return keys;
    }
}
