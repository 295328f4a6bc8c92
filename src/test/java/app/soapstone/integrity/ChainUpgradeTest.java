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
            sessions.sign(2, null, false);
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

    @Test
    void intakesClearancesPlansAndAuditEventsFromBeforeVersion13JoinTheChainAfterTheNotes() throws Exception {
        Path file = dir.resolve("soapstone.db");
        OldDatabases.beforeHomeMassageMinutes(file);
        OldDatabases.migratedTo(file, "11");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("""
                    INSERT INTO intake (client_id, version, taken_on, recorded_at, cramp_frequency_per_week,
                                        cramp_frequency_given, cramp_severity, consent_date, consent_given_by)
                    VALUES (1, 1, '2025-01-03', '2025-01-03T09:00:00.000Z', 3, '3 a week', 6, '2025-01-03', 'Zoë')""");
            statement.executeUpdate("INSERT INTO intake_medication (intake_id, position, description, name, dose)"
                    + " VALUES (1, 0, 'furosemide 40 mg', 'furosemide', '40 mg')");
            statement.executeUpdate("INSERT INTO intake_clearance (intake_id, cleared_on, note, recorded_at)"
                    + " VALUES (1, '2025-01-05', 'GP letter', '2025-01-05T09:00:00.000Z')");
            statement.executeUpdate("INSERT INTO care_plan_export (client_id, exported_at, file_name, sha256, paper)"
                    + " VALUES (1, '2025-01-06T09:00:00.000Z', 'plan.pdf', '" + "c".repeat(64) + "', 'a4')");
            statement.executeUpdate("INSERT INTO audit_event (at, action, record_type, record_id, client_id, summary)"
                    + " VALUES ('2025-01-03T09:00:00.000Z', 'add', 'intake', 1, 1, 'Recorded intake version 1')");
        }

        try (ConfigurableApplicationContext app = start(file)) {
            Verification verification = app.getBean(RecordChain.class).verify();
            assertThat(verification.problems()).isEmpty();
            assertThat(verification.counts()).containsEntry(FinalRecord.SESSION, 1L)
                    .containsEntry(FinalRecord.ADDENDUM, 1L).containsEntry(FinalRecord.INTAKE, 1L)
                    .containsEntry(FinalRecord.CLEARANCE, 1L).containsEntry(FinalRecord.CARE_PLAN, 1L)
                    .as("the old event and the upgrade's own").containsEntry(FinalRecord.AUDIT, 2L);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT record_type FROM record_chain ORDER BY seq").query(String.class).list())
                    .as("the links of version 6 stay first").startsWith("session", "addendum").endsWith("audit");
            assertThat(jdbc.sql("SELECT summary FROM audit_event WHERE action = 'upgrade'").query(String.class).single())
                    .contains("1 intake version", "1 clearance", "1 care plan given", "1 audit event");
        }

        // The old intake is protected like any other final record.
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER intake_medication_is_permanent_update");
            statement.executeUpdate("UPDATE intake_medication SET dose = '80 mg' WHERE intake_id = 1");
        }
        try (ConfigurableApplicationContext app = start(file)) {
            assertThat(app.getBean(RecordChain.class).verify().problems())
                    .anySatisfy(problem -> assertThat(problem).startsWith("intake 1 has changed"));
        }
    }

    private static ConfigurableApplicationContext start(Path database) {
        return new SpringApplicationBuilder(SoapstoneApplication.class)
                .properties("spring.shell.interactive.enabled=false", "soapstone.db=" + database)
                .run();
    }
}
