package app.soapstone.session;

import app.soapstone.validation.InvalidInputException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How the words typed for {@code session search} become an FTS5 query: each word quoted so that
 * punctuation and FTS operators are taken literally, all words required, each searched as a
 * prefix and, through the index's stemmer, in its other forms; words in quotes as a phrase. Each query is also run against a real FTS5 table shaped like
 * {@code note_search}, to prove SQLite accepts it.
 */
class SessionQueriesTest {

    private static Connection sqlite;

    @BeforeAll
    static void createSearchTable() throws SQLException {
        sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
        try (Statement statement = sqlite.createStatement()) {
            statement.execute("CREATE VIRTUAL TABLE note_search USING fts5(body, tokenize = 'porter unicode61 remove_diacritics 2')");
            statement.execute("INSERT INTO note_search (rowid, body) VALUES"
                    + " (1, 'Night cramps in the right calf; stretches or heat advised.'),"
                    + " (2, 'Left calf tight near the knee, not the foot.'),"
                    + " (3, 'Café visit after treatment: no cramping since.'),"
                    + " (4, 'Gastrocnemius tight; stretching the right calf at night.')");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        sqlite.close();
    }

    @Test
    void eachWordIsQuotedAndAllAreRequired() {
        assertThat(SessionQueries.matchQuery("calf cramps")).isEqualTo("\"calf\"* \"cramps\"*");
        assertThat(matches("calf cramps")).containsExactly(1L);
        assertThat(matches("  calf \t  knee  ")).containsExactly(2L);
    }

    @Test
    void wordsInQuotesAreAPhraseAndUnpairedQuotesAreDropped() {
        assertThat(SessionQueries.matchQuery("\"night cramps\"")).isEqualTo("\"night cramps\"");
        assertThat(SessionQueries.matchQuery("\"right calf\" night")).isEqualTo("\"right calf\" \"night\"*");
        assertThat(SessionQueries.matchQuery("O\"Neil's")).isEqualTo("\"ONeil's\"*");
        assertThat(matches("\"night cramps\"")).containsExactly(1L);
        assertThat(matches("\"cramps night\"")).isEmpty();
        assertThat(matches("\"right calf\" night")).containsExactly(1L, 4L);
        assertThat(matches("calf\" \"knee")).containsExactly(2L);
    }

    @Test
    void ftsOperatorsAreTakenAsPlainWords() {
        assertThat(SessionQueries.matchQuery("calf OR foot")).isEqualTo("\"calf\"* \"OR\"* \"foot\"*");
        assertThat(SessionQueries.matchQuery("calf NOT foot")).isEqualTo("\"calf\"* \"NOT\"* \"foot\"*");
        assertThat(SessionQueries.matchQuery("NEAR(calf knee)")).isEqualTo("\"NEAR(calf\"* \"knee)\"*");
        assertThat(SessionQueries.matchQuery("-foot")).isEqualTo("\"-foot\"*");
        assertThat(SessionQueries.matchQuery("calf -")).isEqualTo("\"calf\"* \"-\"");
        // As operators, "calf OR foot" would find notes 1 and 2 and "calf NOT foot" only note 1;
        // as words, every word must be in the note.
        assertThat(matches("calf OR heat")).containsExactly(1L);
        assertThat(matches("calf NOT foot")).containsExactly(2L);
        assertThat(matches("knee NOT foot")).containsExactly(2L);
        assertThat(matches("calf OR foot")).isEmpty();
        assertThat(matches("NEAR(calf knee)")).isEmpty();
        assertThat(matches("calf -foot")).containsExactly(2L);
        assertThat(matches("AND")).isEmpty();
    }

    @Test
    void everyWordIsSearchedAsAPrefixWithOrWithoutAStar() {
        assertThat(SessionQueries.matchQuery("cramp*")).isEqualTo("\"cramp\"*");
        assertThat(SessionQueries.matchQuery("cr*mp")).isEqualTo("\"crmp\"*");
        assertThat(matches("gastroc")).containsExactly(4L);
        assertThat(matches("gastroc*")).containsExactly(4L);
        assertThat(matches("ca")).containsExactly(1L, 2L, 3L, 4L);
        assertThat(matches("\"gastroc\"")).as("a phrase is whole words").isEmpty();
    }

    @Test
    void englishWordsAreFoundInTheirOtherForms() {
        assertThat(matches("stretch")).containsExactly(1L, 4L);
        assertThat(matches("stretches")).containsExactly(1L, 4L);
        assertThat(matches("stretching")).containsExactly(1L, 4L);
        assertThat(matches("cramp")).containsExactly(1L, 3L);
        assertThat(matches("cramping")).containsExactly(1L, 3L);
        assertThat(matches("cramps")).containsExactly(1L, 3L);
        assertThat(matches("\"night cramp\"")).containsExactly(1L);
    }

    @Test
    void accentsAreIgnoredInTheQueryAndTheNotes() {
        assertThat(matches("cafe")).containsExactly(3L);
        assertThat(matches("CAFÉ")).containsExactly(3L);
        assertThat(matches("nïght")).containsExactly(1L, 4L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"calf;", "(calf", "calf)", "calf:", "^calf", "{calf}", "'calf'", "calf,", "+calf",
            "calf\"", "\"calf", "calf -", "calf ...", "calf * ", "calf \"\"", "calf !!!", "calf (", "calf :", "calf NEAR"})
    void punctuationNeverBreaksTheQuery(String text) {
        assertThat(matches(text)).as(SessionQueries.matchQuery(text)).isNotEmpty().containsAnyOf(1L, 2L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\"", "\"\"", "*", "* \"*\"", "\t\n"})
    void textWithNoWordIsRefused(String text) {
        assertThatThrownBy(() -> SessionQueries.matchQuery(text)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("give one or more words");
    }

    /** The rowids of the notes that {@code text} finds, in rowid order. */
    private static List<Long> matches(String text) {
        try (PreparedStatement query = sqlite.prepareStatement(
                "SELECT rowid FROM note_search WHERE note_search MATCH ? ORDER BY rowid")) {
            query.setString(1, SessionQueries.matchQuery(text));
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new AssertionError("SQLite refused the query for '" + text + "': " + e.getMessage(), e);
        }
    }
}
