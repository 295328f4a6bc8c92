package app.soapstone.integrity;

import app.soapstone.SoapstoneApplication;
import app.soapstone.integrity.RecordChain.Verification;
import app.soapstone.session.SessionService;
import app.soapstone.support.OldDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upgrading a practice database from before the record chain: the notes and addenda that were
 * already final become the start of the chain, so they verify, later signing continues the chain,
 * and a change made after the upgrade is caught. Every application started here is closed.
 */
class ChainUpgradeTest {

    @TempDir
    Path dir;

    @Test
    void recordsFinalBeforeTheUpgradeStartTheChain() throws Exception {
        Path file = dir.resolve("soapstone.db");
        OldDatabases.beforeTheChain(file);

        try (ConfigurableApplicationContext app = start(file)) {
            Verification verification = app.getBean(RecordChain.class).verify();
            assertThat(verification.problems()).isEmpty();
            assertThat(verification.sessions()).isEqualTo(1);
            assertThat(verification.addenda()).isEqualTo(1);

            // Signing after the upgrade continues the chain.
            SessionService sessions = app.getBean(SessionService.class);
            sessions.sign(2, null);
            sessions.amend(2, "Late entry.", null);
            verification = app.getBean(RecordChain.class).verify();
            assertThat(verification.problems()).isEmpty();
            assertThat(verification.sessions()).isEqualTo(2);
            assertThat(verification.addenda()).isEqualTo(2);
        }

        // Starting again links nothing twice.
        try (ConfigurableApplicationContext app = start(file)) {
            assertThat(app.getBean(RecordChain.class).verify().problems()).isEmpty();
        }

        // A note that was final before the upgrade is protected like any other.
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER session_signed_is_final_update");
            statement.executeUpdate("UPDATE session SET plan = 'Rewritten' WHERE id = 1");
        }
        try (ConfigurableApplicationContext app = start(file)) {
            assertThat(app.getBean(RecordChain.class).verify().problems())
                    .anySatisfy(problem -> assertThat(problem).contains("session 1 has changed"));
        }
    }

    @Test
    void linksMadeBeforeHomeMassageMinutesExistedStillVerify() throws Exception {
        Path file = dir.resolve("soapstone.db");
        OldDatabases.beforeHomeMassageMinutes(file);

        try (ConfigurableApplicationContext app = start(file)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT count(*) FROM pragma_table_info('session') WHERE name = 'home_massage_minutes'")
                    .query(Integer.class).single()).as("upgraded to version 8").isOne();
            Verification verification = app.getBean(RecordChain.class).verify();
            assertThat(verification.problems()).isEmpty();
            assertThat(verification.sessions()).isEqualTo(1);
            assertThat(verification.addenda()).isEqualTo(1);
        }

        // Setting the new column on a note signed before it existed is a change like any other.
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER session_signed_is_final_update");
            statement.executeUpdate("UPDATE session SET home_massage_minutes = 10 WHERE id = 1");
        }
        try (ConfigurableApplicationContext app = start(file)) {
            assertThat(app.getBean(RecordChain.class).verify().problems())
                    .singleElement().asString().startsWith("session 1 has changed");
        }
    }

    private static ConfigurableApplicationContext start(Path database) {
        return new SpringApplicationBuilder(SoapstoneApplication.class)
                .properties("spring.shell.interactive.enabled=false", "soapstone.db=" + database)
                .run();
    }
}
