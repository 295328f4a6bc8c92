package app.soapstone.intake;

import app.soapstone.support.SoapstoneTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Intakes and clearances are health records: the database itself refuses to change or remove
 * them, whatever program writes to it. Checked with raw SQL through the application's DataSource.
 */
@Tag(SoapstoneTest.POSTGRESQL)
class IntakePermanenceTest extends SoapstoneTest {

    @Autowired
    private DataSource dataSource;

    @BeforeEach
    void recordAnIntakeWithEveryChildRowAndAClearance() {
        LocalDate today = LocalDate.now();
        long client = Long.parseLong(run("client add --first-name Ann --last-name Lee").expectOk());
        run("intake new --client " + client + " --cramp-frequency 3 --cramp-sites calf-left,calf-right"
                + " --cramp-severity 6 --consent-date " + today + " --consent-by client --consent-explained all"
                + " --conditions diabetes --red-flags one-sided-calf-swelling --medications \"Lipitor 20 mg daily\""
                + " --surgeries \"right total knee replacement 2019\" --allergies latex").expectOk();
        run("intake clear --client " + client + " --note \"GP: DVT excluded\"").expectOk();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            intake                 | allergies   | intakes are permanent
            intake_site            | site        | intakes are permanent
            intake_condition       | condition   | intakes are permanent
            intake_red_flag        | red_flag    | intakes are permanent
            intake_consent_element | element     | intakes are permanent
            intake_medication      | description | intakes are permanent
            intake_surgery         | description | intakes are permanent
            intake_clearance       | note        | clearances are permanent
            """)
    void rawUpdatesAndDeletesAreRefusedByTheDatabase(String table, String column, String message) throws SQLException {
        List<List<String>> before = contents(table);
        String key = rowOrder(table);
        assertThat(before).as(table + " has rows to protect").isNotEmpty();

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE " + table + " SET " + column + " = 'changed'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining(message);
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM " + table))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining(message);
            String first = "SELECT " + key + " FROM " + table + " ORDER BY " + key + " LIMIT 1";
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM " + table + " WHERE (" + key + ") IN (" + first + ")"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining(message);
        }

        assertThat(contents(table)).isEqualTo(before);
    }

    private List<List<String>> contents(String table) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT * FROM " + table + " ORDER BY " + rowOrder(table))) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    row.add(String.valueOf(result.getString(c)));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
