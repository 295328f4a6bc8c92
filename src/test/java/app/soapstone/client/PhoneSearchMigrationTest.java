package app.soapstone.client;

import app.soapstone.SoapstoneApplication;
import app.soapstone.shell.CommandRunner;
import app.soapstone.support.OldDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.shell.core.InputReader;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Version 18 gives the clinic a country: clients stored before it keep their search text (the
 * country is not known yet) until the country is set, which reads their numbers in it.
 */
class PhoneSearchMigrationTest {

    @TempDir
    Path dir;

    @Test
    void clientsStoredBeforeVersion18AreFoundInternationallyOnceTheCountryIsSet() throws Exception {
        Path file = dir.resolve("v16.db");
        OldDatabases.migratedTo(file, "16");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement sql = connection.createStatement()) {
            sql.executeUpdate("""
                    INSERT INTO clinic (id, name, address, phone, updated_at)
                    VALUES (1, 'Bodyworks', '1 Main St', '02 9130 1234', '2026-01-01T00:00:00.000Z')""");
            sql.executeUpdate("""
                    INSERT INTO client (id, first_name, last_name, phone, search_text, created_at, updated_at)
                    VALUES (1, 'Ann', 'Lee', '0412 345 678', 'ann lee 0412345678', '2026-01-01T00:00:00.000Z',
                            '2026-01-01T00:00:00.000Z'),
                           (2, 'Bob', 'Stone', '+61 498 765 432', 'bob stone 61498765432', '2026-01-01T00:00:00.000Z',
                            '2026-01-01T00:00:00.000Z')""");
        }

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SoapstoneApplication.class)
                .properties("spring.shell.interactive.enabled=false", "soapstone.db=" + file).run()) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT search_text FROM client ORDER BY id").query(String.class).list())
                    .containsExactly("ann lee 0412345678", "bob stone 61498765432");
            assertThat(run(app, "client search \"+61 412 345 678\"")).startsWith("No clients match");

            run(app, "clinic set --country AU");

            assertThat(run(app, "client search \"+61 412 345 678\"")).contains("Lee, Ann").doesNotContain("Stone");
            assertThat(run(app, "client search \"0498 765 432\"")).contains("Stone, Bob").doesNotContain("Lee");
            assertThat(jdbc.sql("SELECT phone FROM client ORDER BY id").query(String.class).list())
                    .containsExactly("0412 345 678", "+61 498 765 432");
            assertThat(jdbc.sql("SELECT updated_at FROM client ORDER BY id").query(String.class).list())
                    .containsOnly("2026-01-01T00:00:00.000Z");
            assertThat(run(app, "db check")).contains("Integrity:     ok").contains("Guards:        ok")
                    .contains("Record chain:  intact");
            run(app, "records verify");
        }
    }

    private static String run(ConfigurableApplicationContext app, String line) {
        StringWriter out = new StringWriter();
        CommandRunner.Outcome outcome = app.getBean(CommandRunner.class).run(line, new PrintWriter(out), new InputReader() {
        });
        assertThat(outcome.ok()).as(line + ": " + outcome.error()).isTrue();
        return out.toString();
    }
}
