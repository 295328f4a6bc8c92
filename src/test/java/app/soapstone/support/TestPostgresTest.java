package app.soapstone.support;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** The test PostgreSQL server is there (in CI it must be) and gives each caller a database of its own. */
class TestPostgresTest {

    @Test
    void eachCallerGetsAnEmptyDatabaseThatIsDroppedAfterwards() throws SQLException {
        String name;
        try (TestPostgres.Database database = TestPostgres.newDatabase();
             Connection connection = DriverManager.getConnection(database.url());
             ResultSet row = connection.createStatement().executeQuery("SELECT current_database(), "
                     + "(SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public')")) {
            name = database.name();
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo(name);
            assertThat(row.getInt(2)).isZero();
        }
        try (Connection admin = DriverManager.getConnection(TestPostgres.adminUrl());
             ResultSet row = admin.createStatement().executeQuery(
                     "SELECT count(*) FROM pg_database WHERE datname = '" + name + "'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getInt(1)).isZero();
        }
    }

    @Test
    void theDatabaseGoesIntoTheUrlBeforeItsParameters() {
        assertThat(TestPostgres.withDatabase("jdbc:postgresql://127.0.0.1:5432/postgres?user=a&password=b", "t1"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/t1?user=a&password=b");
        assertThat(TestPostgres.withDatabase("jdbc:postgresql://db.example:6543/", "t2"))
                .isEqualTo("jdbc:postgresql://db.example:6543/t2");
    }
}
