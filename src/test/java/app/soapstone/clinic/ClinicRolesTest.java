package app.soapstone.clinic;

import app.soapstone.SoapstoneApplication;
import app.soapstone.shell.CommandRunner;
import app.soapstone.shell.ShellCompleter;
import app.soapstone.shell.StartupNotice;
import app.soapstone.support.Tab;
import app.soapstone.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.shell.core.InputReader;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The clinic's roles on a real PostgreSQL server: the administrator sets them up with Soapstone's
 * commands, then a therapist (Alex), a second therapist (Sam) and the front desk (Jo) log in with
 * logins of their own - through Soapstone, and with plain JDBC as psql would - and each can do
 * only what their role allows. Login names are unique to this run (roles are the server's, shared
 * with other test databases) and dropped afterwards; the group roles are shared and kept.
 */
class ClinicRolesTest {

    private static final String SUFFIX = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final String ALEX = "alex_" + SUFFIX;
    private static final String SAM = "sam_" + SUFFIX;
    private static final String JO = "jo_" + SUFFIX;
    private static final Map<String, String> PASSWORDS = Map.of(ALEX, "alex-pw", SAM, "sam:pw", JO, "jo-pw");

    @TempDir
    static Path temp;

    private static TestPostgres.Database database;
    private static String server;
    private static String admin;
    private static Path pgpass;
    private static final Map<String, ConfigurableApplicationContext> apps = new HashMap<>();
    private static long alexId;
    private static long samId;
    private static long client;

    @BeforeAll
    static void setUpTheClinic() throws Exception {
        database = TestPostgres.newDatabase();
        URI url = URI.create(database.url().substring("jdbc:".length()));
        server = url.getHost() + ":" + (url.getPort() < 0 ? 5432 : url.getPort());
        Map<String, String> parameters = new HashMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            parameters.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        admin = parameters.get("user");
        List<String> lines = new ArrayList<>(List.of("*:*:" + database.name() + ":" + admin + ":"
                + parameters.get("password").replace("\\", "\\\\").replace(":", "\\:")));
        PASSWORDS.forEach((login, password) -> lines.add("*:*:" + database.name() + ":" + login + ":"
                + password.replace("\\", "\\\\").replace(":", "\\:")));
        pgpass = temp.resolve("pgpass");
        Files.write(pgpass, lines);
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));

        // From an empty database to three logins, as the README's "A clinic with several therapists" says.
        expectOk(admin, "clinic roles init");
        expectOk(admin, "clinic roles init"); // again: the roles exist, nothing changes
        alexId = Long.parseLong(expectOk(admin, "practitioner add --name \"Alex Chen\" --credentials RMT --db-role " + ALEX));
        samId = Long.parseLong(expectOk(admin, "practitioner add --name \"Sam Ng\" --credentials RMT --db-role " + SAM));
        assertThat(expectOk(admin, "clinic roles grant --role reception --login " + JO)).isEqualTo("Login " + JO + " is reception.");
        try (Connection connection = DriverManager.getConnection(database.url());
             Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> login : PASSWORDS.entrySet()) {
                // The administrator's \password in psql; the logins were made without one.
                statement.execute("ALTER ROLE " + login.getKey() + " PASSWORD '" + login.getValue() + "'");
            }
        }
        client = Long.parseLong(expectOk(JO, "client add --first-name Ann --last-name Lee --phone 0412345678"));
    }

    @AfterAll
    static void dropTheLogins() throws SQLException {
        apps.values().forEach(ConfigurableApplicationContext::close);
        System.clearProperty("org.postgresql.pgpassfile");
        if (database == null) {
            return;
        }
        database.close();
        try (Connection connection = DriverManager.getConnection(database.adminUrl());
             Statement statement = connection.createStatement()) {
            for (String login : PASSWORDS.keySet()) {
                statement.execute("DROP ROLE IF EXISTS " + login);
            }
        }
    }

    @Test
    void receptionCannotReadClinicalRecordsWithPlainSql() throws SQLException {
        String note = lastLine(ALEX, "session new --client " + client + " --subjective \"Night cramps\" --objective Tight"
                + " --assessment Better --plan Stretch");
        expectOk(ALEX, "session sign " + note);

        try (Connection jo = login(JO); Statement statement = jo.createStatement()) {
            for (String table : List.of("session", "session_modality", "addendum", "intake", "intake_medication",
                    "intake_red_flag", "intake_clearance", "note_search", "care_plan_export")) {
                assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM " + table).close()).as(table)
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            }
            try (ResultSet rows = statement.executeQuery("SELECT first_name FROM client WHERE id = " + client)) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("Ann");
            }
            // The audit trail: events about the client, none about the note (row-level security).
            try (ResultSet rows = statement.executeQuery("SELECT string_agg(DISTINCT record_type, ',') FROM audit_event")) {
                rows.next();
                assertThat(rows.getString(1)).contains("client").doesNotContain("session");
            }
        }
        try (Connection owner = DriverManager.getConnection(database.url()); Statement statement = owner.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM audit_event WHERE record_type = 'session'")) {
            rows.next();
            assertThat(rows.getLong(1)).isPositive();
        }
    }

    @Test
    void receptionIsRefusedClinicalCommandsWithStatusFourAndListsAndAddsClients() {
        Outcome list = run(JO, "session list " + client);
        assertThat(list.status()).isEqualTo(4);
        assertThat(list.error()).startsWith("reception cannot read clinical records").contains("ask a therapist");
        assertThat(run(JO, "intake show " + client).status()).isEqualTo(4);
        assertThat(run(JO, "backup --to " + temp.resolve("backups")).error()).startsWith("reception cannot export");

        String added = expectOk(JO, "client add --first-name Ben --last-name Ng");
        assertThat(expectOk(JO, "client list")).contains("Lee, Ann").contains("Ng, Ben");
        assertThat(expectOk(JO, "client show " + added)).contains("Ben Ng")
                .contains("Intakes, notes and care plans are for therapists");
    }

    @Test
    void receptionPrintsAndWritesTheRemindersCallList() throws Exception {
        expectOk(JO, "appointment book --client " + client + " --practitioner " + samId + " --at \"2030-03-07 10:00\"");

        assertThat(expectOk(JO, "appointment reminders --for 2030-03-07")).containsPattern("10:00 +Ann Lee \\(" + client
                + "\\) +0412345678 +Sam Ng");
        Path csv = temp.resolve("calls-" + SUFFIX + ".csv");
        assertThat(expectOk(JO, "appointment reminders --for 2030-03-07 --csv " + csv)).startsWith("Wrote 1 row to " + csv);
        assertThat(Files.readAllLines(csv)).hasSize(2).last().asString().contains("\"Ann Lee\"").contains("\"0412345678\"");
    }

    @Test
    void receptionKeepsTheAppointmentBookAndSeesItsAuditEvents() throws SQLException {
        String booked = expectOk(JO, "appointment book --client " + client + " --practitioner " + alexId
                + " --at \"2030-03-04 10:00\" --note \"First visit\"");
        long id = Long.parseLong(booked.replaceAll("(?s)Booked appointment (\\d+):.*", "$1"));
        expectOk(JO, "appointment move " + id + " --at \"2030-03-04 11:00\"");
        // The client's calendar file needs nothing clinical.
        assertThat(expectOk(JO, "appointment ics --client " + client)).startsWith("BEGIN:VCALENDAR")
                .contains("UID:appointment-" + id + "@");
        assertThat(expectOk(JO, "appointment list --day 2030-03-04")).contains("Ann Lee").contains("Alex Chen")
                .contains("First visit");
        expectOk(JO, "appointment cancel " + id + " --reason \"Client rang\"");
        // A therapist books too, and marks it done.
        String theirs = expectOk(ALEX, "appointment book --client " + client + " --at \"2030-03-05 10:00\"");
        expectOk(ALEX, "appointment done " + theirs.replaceAll("(?s)Booked appointment (\\d+):.*", "$1"));

        try (Connection jo = login(JO); Statement statement = jo.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM audit_event WHERE record_type = 'appointment'"
                     + " AND record_id = " + id)) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(3);
        }
    }

    @Test
    void receptionSeesTheDaysScheduleWithoutTheClinicalToDos() {
        expectOk(JO, "appointment book --client " + client + " --practitioner " + samId + " --at \"2030-04-01 09:00\""
                + " --note \"Pays cash\"");

        // Reading intakes, notes or care plans would be refused by the database: the front desk's view reads none.
        String front = expectOk(JO, "day 2030-04-01");
        assertThat(front).contains("Sam Ng (practitioner " + samId + ")").contains("09:00-10:00  Ann Lee (client " + client
                + "), booked").contains("Note: Pays cash").contains("is for therapists")
                .doesNotContain("no intake yet").doesNotContain("note to sign");
        assertThat(run(JO, "today").status()).isZero();

        assertThat(expectOk(ALEX, "day 2030-04-01")).contains("- no intake yet").doesNotContain("is for therapists");
    }

    @Test
    void receptionIssuesReceiptsAndTakesPaymentsWithoutReadingTheNote() throws SQLException {
        expectOk(admin, "clinic set --name Bodyworks --address \"1 Main St\" --phone \"416 555 0100\" --currency CAD");
        long service = Long.parseLong(expectOk(admin, "service add --name \"Massage 60\" --minutes 60 --price 120.00"
                + " --tax-rate 13 --tax-name HST").replaceAll("(?s)Added service (\\d+):.*", "$1"));
        long note = Long.parseLong(lastLine(ALEX, "session new --client " + client + " --date 2026-05-06 --time 10:00"
                + " --duration 60 --subjective \"Calf cramps at night\" --plan \"Soleus stretch\""));

        // TAB offers the desk the visit, though it may not read the note.
        assertThat(Tab.values(Tab.press(app(JO).getBean(ShellCompleter.class), "receipt issue --session ")))
                .contains(String.valueOf(note));
        String issued = expectOk(JO, "receipt issue --session " + note + " --service " + service
                + " --paid 100 --method card");
        assertThat(issued).matches("Issued receipt \\d+ for Ann Lee, Massage 60 on 2026-05-06: CAD 135\\.60; paid CAD"
                + " 100\\.00, CAD 35\\.60 owing\\.");
        long first = Long.parseLong(issued.replaceAll("Issued receipt (\\d+) .*", "$1"));
        assertThat(expectOk(JO, "receipt pay " + first + " --amount 35.60 --method insurance --payer \"Sun Life\""))
                .endsWith("paid in full.");
        expectOk(JO, "receipt void " + first + " --reason \"Wrong client name\"");
        String again = expectOk(JO, "receipt issue --session " + note + " --service " + service + " --paid 0");
        long second = Long.parseLong(again.replaceAll("Issued receipt (\\d+) .*", "$1"));
        assertThat(again).endsWith("paid in full.");
        assertThat(expectOk(JO, "receipt list --client " + client))
                .startsWith("Amounts in CAD.")
                .containsPattern(first + " +2026-05-06 +Ann Lee +Alex Chen +Massage 60 +135.60 +0.00 +void")
                .containsPattern(second + " +2026-05-06 +Ann Lee +Alex Chen +Massage 60 +135.60 +135.60 +paid");
        assertThat(expectOk(JO, "receipt show " + second)).containsPattern("moved-in +insurance +CAD 35.60")
                .doesNotContain("Calf cramps");
        assertThat(expectOk(JO, "billing codes")).contains("97124");

        Outcome show = run(JO, "session show " + note);
        assertThat(show.status()).isEqualTo(4);
        assertThat(show.error()).startsWith("reception cannot read clinical records");
        // The superbill lists diagnosis codes (its command comes with its own package): refused before it reads.
        assertThat(app(JO).getBean(RolePermissions.class).refusal("superbill")).get().asString()
                .startsWith("reception cannot make a superbill");
        assertThat(app(JO).getBean(RolePermissions.class).refusal("report income")).isEmpty();
        // The desk reads the takings and what is owing, and may write them out for the bookkeeper.
        assertThat(expectOk(JO, "report income --from 2026-05-01 --to 2026-05-31")).contains("CAD 135.60");
        assertThat(expectOk(JO, "report outstanding")).isEqualTo("Nothing is owing.");
        assertThat(expectOk(JO, "report income --from 2026-05-01 --to 2026-05-31 --csv " + temp.resolve("may.csv")))
                .startsWith("Wrote ");

        try (Connection jo = login(JO); Statement statement = jo.createStatement()) {
            // What a receipt says of the visit, and nothing of the note.
            try (ResultSet rows = statement.executeQuery("SELECT id, client_id, practitioner_id, started_at,"
                    + " duration_minutes FROM session WHERE id = " + note)) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(4)).isEqualTo("2026-05-06T10:00");
                assertThat(rows.getInt(5)).isEqualTo(60);
            }
            for (String read : List.of("SELECT subjective FROM session", "SELECT objective FROM session",
                    "SELECT assessment FROM session", "SELECT plan FROM session", "SELECT * FROM session",
                    "SELECT * FROM addendum", "SELECT * FROM intake")) {
                assertThatThrownBy(() -> statement.executeQuery(read).close()).as(read)
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            }
            // Final records: the desk may add to them, never change or remove one.
            for (String change : List.of("UPDATE receipt SET client_name = 'x'", "DELETE FROM receipt_payment",
                    "UPDATE receipt_void SET reason = 'x'", "DELETE FROM receipt")) {
                assertThatThrownBy(() -> statement.executeUpdate(change)).as(change)
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            }
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM audit_event WHERE record_type = 'receipt'"
                    + " AND record_id IN (SELECT id FROM receipt WHERE number IN (" + first + ", " + second + "))")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(4);
            }
            // Each receipt, void and ledger line the desk wrote is linked into the record chain.
            try (ResultSet rows = statement.executeQuery("""
                    SELECT (SELECT count(*) FROM receipt) + (SELECT count(*) FROM receipt_void)
                               + (SELECT count(*) FROM receipt_payment),
                           (SELECT count(*) FROM record_chain WHERE record_type IN ('receipt', 'receipt-void', 'payment'))""")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(9).isEqualTo(rows.getLong(2));
            }
        }
    }

    @Test
    void theOwnerKeepsTheServicesWhichEveryoneReadsAndBooks() throws SQLException {
        String added = expectOk(admin, "service add --name \"Remedial 45\" --minutes 45");
        long id = Long.parseLong(added.replaceAll("(?s)Added service (\\d+):.*", "$1"));

        Outcome desk = run(JO, "service add --name Cupping --minutes 30");
        assertThat(desk.status()).isEqualTo(4);
        assertThat(desk.error()).startsWith("reception cannot change the clinic, its practitioners, services or roles");
        Outcome therapist = run(SAM, "service retire " + id);
        assertThat(therapist.status()).isEqualTo(4);
        assertThat(therapist.error()).startsWith("a therapist cannot change the clinic, its practitioners, services");
        assertThat(expectOk(JO, "service list")).contains("Remedial 45");
        assertThat(expectOk(JO, "appointment book --client " + client + " --practitioner " + samId
                + " --at \"2030-03-06 10:00\" --service " + id)).contains("for Remedial 45", "10:00 to 10:45");

        // The database refuses the same, whatever the client sends; reception sees the owner's changes in the audit trail.
        for (String login : List.of(JO, ALEX)) {
            try (Connection connection = login(login); Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.executeUpdate("UPDATE service SET minutes = 60 WHERE id = " + id))
                        .as(login).isInstanceOfSatisfying(SQLException.class,
                                e -> assertThat(e.getSQLState()).isEqualTo("42501"));
                assertThatThrownBy(() -> statement.executeUpdate("INSERT INTO service (name, minutes, created_at,"
                        + " updated_at) VALUES ('Sneaky', 30, 'x', 'x')")).as(login)
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            }
        }
        try (Connection jo = login(JO); Statement statement = jo.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM audit_event WHERE record_type = 'service'"
                     + " AND record_id = " + id)) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(1);
        }
    }

    @Test
    void theOwnerSetsWorkingHoursWhichTherapistsAndReceptionReadOnly() throws SQLException {
        expectOk(admin, "practitioner hours " + samId + " --set \"mon-fri 09:00-17:00\"");
        assertThat(expectOk(JO, "practitioner hours " + samId)).containsPattern("Mon +09:00-17:00");
        assertThat(expectOk(SAM, "practitioner hours")).containsPattern("Fri +not set +09:00-17:00");

        for (String login : List.of(SAM, JO)) {
            Outcome set = run(login, "practitioner hours " + samId + " --set \"sat 09:00-12:00\"");
            assertThat(set.status()).as(login).isEqualTo(4);
            assertThat(set.error()).as(login).contains("cannot change working hours: ask the clinic's owner");
            try (Connection connection = login(login); Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM practitioner_hours")).as(login)
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM practitioner_hours")) {
                    rows.next();
                    assertThat(rows.getLong(1)).as(login).isEqualTo(5);
                }
            }
        }
        // Booking outside them is the desk's to do, with a note.
        assertThat(expectOk(JO, "appointment book --client " + client + " --practitioner " + samId
                + " --at \"2030-03-09 10:00\"")).contains("Note: Sam Ng does not work on Saturdays");
    }

    @Test
    void aSecondTherapistCannotSignAsTheFirstThroughSoapstoneOrSql() throws SQLException {
        long draft = Long.parseLong(lastLine(ALEX, "session new --client " + client + " --subjective Calves"
                + " --objective Tight --assessment Cramps --plan Stretch"));

        Outcome asAlex = run(SAM, "session sign " + draft + " --practitioner " + alexId);
        assertThat(asAlex.status()).isEqualTo(4);
        assertThat(asAlex.error()).contains("signs only as login " + ALEX).contains("this login is " + SAM);

        try (Connection sam = login(SAM); PreparedStatement update = sam.prepareStatement(
                "UPDATE session SET signed_at = '2026-01-01T10:00:00.000Z', signed_by = ? WHERE id = ?")) {
            update.setLong(1, alexId);
            update.setLong(2, draft);
            assertThatThrownBy(update::executeUpdate).isInstanceOfSatisfying(SQLException.class, e -> {
                assertThat(e.getSQLState()).isEqualTo("42501");
                assertThat(e.getMessage()).contains("sign only as themselves");
            });
        }
        try (Connection owner = DriverManager.getConnection(database.url()); Statement statement = owner.createStatement();
             ResultSet rows = statement.executeQuery("SELECT signed_by FROM session WHERE id = " + draft)) {
            rows.next();
            assertThat(rows.getObject(1)).as("still a draft").isNull();
        }

        // Sam signs as Sam; an addendum as Alex is refused by the database too.
        expectOk(SAM, "session sign " + draft);
        try (Connection sam = login(SAM); PreparedStatement insert = sam.prepareStatement(
                "INSERT INTO addendum (session_id, practitioner_id, written_at, text) VALUES (?, ?, ?, 'forged')")) {
            insert.setLong(1, draft);
            insert.setLong(2, alexId);
            insert.setString(3, "2026-01-01T10:00:00.000Z");
            assertThatThrownBy(insert::executeUpdate).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
    }

    @Test
    void theAuditActorIsTheLoginWhateverTheClientSends() throws SQLException {
        // Sent as Alex by Sam: the event is Sam's. Sent as Alex by the front desk: no practitioner's, Jo's.
        assertThat(auditEventSentAsAlex(SAM)).containsExactly(samId, SAM);
        assertThat(auditEventSentAsAlex(JO)).containsExactly(null, JO);

        expectOk(SAM, "client edit " + client + " --email ann@example.org");
        String audit = expectOk(ALEX, "audit list --client " + client);
        assertThat(audit.lines().filter(l -> l.contains("Changed client") || l.contains("change")).toList())
                .anySatisfy(line -> assertThat(line).contains("Sam Ng (" + SAM + ")"));
        assertThat(audit.lines().filter(l -> l.contains("Added client " + client)).findFirst().orElseThrow())
                .contains(JO);
    }

    @Test
    void theFrontDesksShellStartsWithoutCountingUnsignedNotes() throws SQLException {
        long draft = Long.parseLong(lastLine(ALEX, "session new --client " + client + " --subjective Left"));
        try (Connection owner = DriverManager.getConnection(database.url()); Statement statement = owner.createStatement()) {
            statement.execute("UPDATE session SET created_at = '2020-01-01T10:00:00.000Z' WHERE id = " + draft);
        }

        // Shown before the first prompt: a refusal there would stop the interactive shell.
        assertThat(notices(ALEX)).anySatisfy(line -> assertThat(line).contains("unsigned for over 24 hours"));
        assertThat(notices(JO)).allSatisfy(line -> assertThat(line).isNull());
    }

    @Test
    void helpMarksWhatEachLoginMayNotRun() {
        String reception = expectOk(JO, "help");
        assertThat(reception).contains("x session list").contains("x intake new").contains("x backup")
                .contains("  client add").contains("  client list").contains("x: not for this database login's role");
        assertThat(expectOk(JO, "help session list")).contains("Not for this login: reception cannot read clinical");

        String therapist = expectOk(SAM, "help");
        assertThat(therapist).contains("  session sign").contains("  intake new").contains("x backup")
                .contains("x clinic roles init");
        assertThat(run(SAM, "backup --to " + temp.resolve("b")).error()).startsWith("a therapist cannot export");

        assertThat(expectOk(admin, "help")).doesNotContain("\nx ").doesNotContain("not for this database login");
    }

    @Test
    void aLoginCannotBeTwoPractitionersNorAPractitionerReception() {
        Outcome twice = run(admin, "practitioner add --name \"Kim Park\" --credentials RMT --db-role " + ALEX);
        assertThat(twice.status()).isEqualTo(4);
        assertThat(twice.error()).contains("already practitioner " + alexId);
        Outcome reception = run(admin, "clinic roles grant --role reception --login " + SAM);
        assertThat(reception.status()).isEqualTo(4);
        assertThat(reception.error()).contains("not reception");
        assertThat(run(admin, "practitioner add --name Kim --credentials RMT --db-role Kim").error())
                .startsWith("--db-role: must be a PostgreSQL login name");
    }

    // ---------------------------------------------------------------- helpers

    private record Outcome(int status, String output, String error) {
    }

    private static Outcome run(String login, String line) {
        StringWriter out = new StringWriter();
        CommandRunner.Outcome outcome = app(login).getBean(CommandRunner.class).run(line, new PrintWriter(out),
                new InputReader() {
                });
        return new Outcome(outcome.status(), out.toString(), outcome.error());
    }

    private static String expectOk(String login, String line) {
        Outcome outcome = run(login, line);
        assertThat(outcome.status()).as(login + ": " + line + " -> " + outcome.error()).isZero();
        return outcome.output().strip();
    }

    /** The practitioner and login the database wrote for an audit event {@code login} sent as Alex's, by plain SQL. */
    private static List<Object> auditEventSentAsAlex(String login) throws SQLException {
        try (Connection connection = login(login); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO audit_event (at, practitioner_id, action, record_type, summary)
                VALUES ('2026-01-01T10:00:00.000Z', ?, 'change', 'client', 'Sent as Alex')
                RETURNING practitioner_id, login""")) {
            insert.setLong(1, alexId);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return Arrays.asList(row.getObject(1) == null ? null : row.getLong(1), row.getString(2));
            }
        }
    }

    /** The start-up notices of the interactive shell, as {@code login} would see them. */
    private static List<String> notices(String login) {
        return app(login).getBeansOfType(StartupNotice.class).values().stream().map(StartupNotice::message).toList();
    }

    /** The last line of what a command printed (a new session's id, after any notes about the client). */
    private static String lastLine(String login, String line) {
        List<String> lines = expectOk(login, line).lines().toList();
        return lines.get(lines.size() - 1).strip();
    }

    /** Soapstone as {@code login} would start it: its own address, the password from the password file. */
    private static ConfigurableApplicationContext app(String login) {
        return apps.computeIfAbsent(login, name -> new SpringApplicationBuilder(SoapstoneApplication.class).properties(
                "spring.shell.interactive.enabled=false",
                "soapstone.db=postgresql://" + name + "@" + server + "/" + database.name(),
                "soapstone.pgpassfile=" + pgpass,
                "soapstone.folder=" + temp.resolve("data-" + name),
                "soapstone.home=" + temp.resolve("home"),
                "soapstone.templates=").run());
    }

    /** A plain JDBC connection as {@code login}, as psql would make one. */
    private static Connection login(String login) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + server + "/" + database.name(), login,
                PASSWORDS.get(login));
    }
}
