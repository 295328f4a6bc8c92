package db.migration.sqlite;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Schema version 16: client search ignores punctuation in names ({@code obrien} finds O'Brien), so
 * every client's search text is made again, with names folded and stripped of apostrophes,
 * hyphens and other punctuation. Clients added from now on get it from the application.
 *
 * <p>Frozen: a copy of the application's {@code SearchText.of} as it is at version 16, using no
 * application code (see V006), so this migration does the same whatever that class becomes.
 */
public class V016__Search_names_without_punctuation extends BaseJavaMigration {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern PUNCTUATION = Pattern.compile("\\p{P}+");
    private static final String[][] LETTERS = {
            {"ł", "l"}, {"ø", "o"}, {"đ", "d"}, {"ð", "d"}, {"ħ", "h"}, {"ı", "i"}, {"ŧ", "t"},
            {"ß", "ss"}, {"æ", "ae"}, {"œ", "oe"}, {"þ", "th"}, {"’", "'"}, {"ʼ", "'"}, {"‘", "'"},
    };

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement select = connection.createStatement();
             ResultSet row = select.executeQuery(
                     "SELECT id, first_name, last_name, preferred_name, print_name, email, phone FROM client");
             PreparedStatement update = connection.prepareStatement("UPDATE client SET search_text = ? WHERE id = ?")) {
            while (row.next()) {
                update.setString(1, String.join(" ", name(row.getString("first_name")), name(row.getString("last_name")),
                        name(row.getString("preferred_name")), name(row.getString("print_name")),
                        fold(row.getString("email")), digits(row.getString("phone"))).strip());
                update.setLong(2, row.getLong("id"));
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static String name(String text) {
        return WHITESPACE.matcher(PUNCTUATION.matcher(fold(text)).replaceAll("")).replaceAll(" ").strip();
    }

    private static String fold(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD);
        folded = MARKS.matcher(folded).replaceAll("").toLowerCase(Locale.ROOT);
        for (String[] letter : LETTERS) {
            folded = folded.replace(letter[0], letter[1]);
        }
        return WHITESPACE.matcher(folded).replaceAll(" ").strip();
    }

    private static String digits(String text) {
        return text == null ? "" : text.replaceAll("\\D", "");
    }
}
