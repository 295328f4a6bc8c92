package app.soapstone.bench;

import app.soapstone.client.SearchText;
import app.soapstone.integrity.AnchorFile;
import app.soapstone.integrity.FinalRecord;
import app.soapstone.integrity.RecordDigests;
import app.soapstone.integrity.RecordDigests.Item;
import app.soapstone.integrity.Seal;
import app.soapstone.storage.SqliteDialect;
import org.flywaydb.core.Flyway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Builds a realistic synthetic clinic database for measuring Soapstone at scale: clients with
 * names from many languages (Cyrillic, Greek, Polish and Czech diacritics, Vietnamese, Chinese),
 * their intakes, and signed sessions whose SOAP notes are drawn from phrases a therapist writes
 * (so full-text search meets common and rare words), with addenda, the audit trail and the
 * tamper-evident record chain computed exactly as the application computes it - a link for every
 * intake version, signed note, addendum and audit event, in the order the application would make
 * them - and the anchor file beside the database, an anchor after each change, so that
 * {@code records verify} passes on the result.
 *
 * <p>Plain JDBC, multi-row INSERT statements in large transactions, with the database's safety
 * switched off while it runs (synchronous OFF, in-memory journal): for generating test data only.
 * Sessions are made on a second thread while the first writes them, and their full-text index is
 * built on a third (see {@link #writeSessions}). The file is migrated with the application's own
 * Flyway migrations first, and must hold no clinic data yet. Same options and seed, same data
 * (dates are relative to {@code end}).
 *
 * <p>Run from Maven (the test is tagged "benchmark", so it runs only when asked for):
 * <pre>
 * ./mvnw -q -B test -Pbenchmark -Dtest=GenerateClinicData \
 *     -Dsoapstone.bench.db=/tmp/clinic.db -Dsoapstone.bench.clients=10000 -Dsoapstone.bench.sessions=200000
 * </pre>
 * or {@link #main} with {@code <db file> [clients] [sessions] [seed] [--through-triggers] [--no-audit]}.
 */
public final class ClinicDataGenerator {

    /**
     * What to generate. {@code end} is the last day with sessions; the practice opened {@code years}
     * before. With {@code throughTriggers} every note reaches the full-text index through the
     * schema's own triggers, as in the application; without, those two triggers are suspended
     * while the notes are written, the index is built beside the clinic database on a thread of its
     * own from the same text and copied in ({@link NoteIndex}; the same index content, and faster:
     * FTS5 writes its pending terms out at every statement that fires a trigger, and the index is
     * the largest piece of the work), and the triggers are put back exactly as they were. See
     * BENCHMARKS.md for the rates of both.
     */
    public record Options(int clients, int sessions, long seed, LocalDate end, int years, double addendumRate,
            boolean audit, boolean throughTriggers) {

        public static Options of(int clients, int sessions) {
            return new Options(clients, sessions, 20261121L, LocalDate.now().minusDays(1), 8, 0.03, true, false);
        }

        public Options withSeed(long newSeed) {
            return new Options(clients, sessions, newSeed, end, years, addendumRate, audit, throughTriggers);
        }

        public Options withThroughTriggers(boolean viaTriggers) {
            return new Options(clients, sessions, seed, end, years, addendumRate, audit, viaTriggers);
        }

        public Options withAudit(boolean withAudit) {
            return new Options(clients, sessions, seed, end, years, addendumRate, withAudit, throughTriggers);
        }
    }

    /** What was generated and how long it took. */
    public record Summary(int clients, int intakes, int sessions, int addenda, int chainLinks, int auditEvents,
            Duration migration, Duration clientsAndIntakes, Duration sessionsPhase, Duration sessionsPhaseCpu,
            Duration total, long fileBytes, boolean throughTriggers, Map<String, Duration> sessionPhaseWriting,
            Duration rowsThread, Duration indexThread) {

        /** Sessions written per second in the session phase: rows, children, FTS index, addenda, chain, audit. */
        public double sessionsPerSecond() {
            return sessions / Math.max(1e-9, sessionsPhase.toNanos() / 1e9);
        }

        /**
         * The same per second of CPU time of the threads that generate (writing, making rows and,
         * unless through the triggers, building the full-text index), which other work on a busy
         * machine does not inflate.
         */
        public double sessionsPerCpuSecond() {
            return sessions / Math.max(1e-9, sessionsPhaseCpu.toNanos() / 1e9);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, """
                            Generated %,d clients, %,d intakes, %,d signed sessions, %,d addenda, %,d chain links, %,d audit events
                              migration            %,8d ms
                              clients + intakes    %,8d ms
                              sessions phase       %,8d ms  (%,.0f sessions/s incl. full-text index %s, addenda, chain%s)
                                of which CPU       %,8d ms  (%,.0f sessions per CPU second)
                              total                %,8d ms
                              file size            %,8d KB""",
                    clients, intakes, sessions, addenda, chainLinks, auditEvents, migration.toMillis(),
                    clientsAndIntakes.toMillis(), sessionsPhase.toMillis(), sessionsPerSecond(),
                    throughTriggers ? "through the triggers" : "built alongside", auditEvents > 0 ? ", audit" : "",
                    sessionsPhaseCpu.toMillis(),
                    sessionsPerCpuSecond(), total.toMillis(),
                    fileBytes / 1024) + breakdown();
        }

        private String breakdown() {
            StringBuilder text = new StringBuilder("\n  of the sessions phase, on the writing thread:");
            long inside = 0;
            for (var part : sessionPhaseWriting.entrySet()) {
                inside += part.getValue().toNanos();
                text.append(String.format(Locale.ROOT, "%n    %-36s %,8d ms", part.getKey(), part.getValue().toMillis()));
            }
            text.append(String.format(Locale.ROOT, "%n    %-36s %,8d ms", "(the rest: planning sessions, ...)",
                    (sessionsPhase.toNanos() - inside) / 1_000_000));
            text.append(String.format(Locale.ROOT, "%n  alongside, on a second thread: making rows, SOAP text, content"
                    + " hashes, chain links and audit events %,d ms", rowsThread.toMillis()));
            if (!indexThread.isZero()) {
                text.append(String.format(Locale.ROOT, "%n  alongside, on a third thread: building the full-text index"
                        + " in a scratch database %,d ms", indexThread.toMillis()));
            }
            return text.toString();
        }
    }

    static final ZoneId ZONE = ZoneId.of("Australia/Sydney");
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    static final String GENESIS = "0".repeat(64);
    /** Clients and their intakes written per round of batched statements. */
    private static final int BATCH = 10_000;
    private static final int COMMIT_EVERY = 50_000;

    public static void main(String[] args) throws Exception {
        List<String> flags = Arrays.stream(args).filter(a -> a.startsWith("--")).toList();
        List<String> values = Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
        if (values.isEmpty() || !List.of("--through-triggers", "--no-audit").containsAll(flags)) {
            System.err.println("usage: ClinicDataGenerator <db file> [clients=10000] [sessions=200000] [seed]"
                    + " [--through-triggers] [--no-audit]");
            System.exit(2);
        }
        Options options = Options.of(values.size() > 1 ? Integer.parseInt(values.get(1)) : 10_000,
                values.size() > 2 ? Integer.parseInt(values.get(2)) : 200_000);
        if (values.size() > 3) {
            options = options.withSeed(Long.parseLong(values.get(3)));
        }
        options = options.withThroughTriggers(flags.contains("--through-triggers"));
        if (flags.contains("--no-audit")) {
            options = options.withAudit(false);
        }
        System.out.println(generate(Path.of(values.get(0)), options));
    }

    /** Migrates {@code database} (created if missing) and fills it. */
    public static Summary generate(Path database, Options options) throws SQLException, java.io.IOException {
        long start = System.nanoTime();
        Path absolute = database.toAbsolutePath();
        if (absolute.getParent() != null) {
            try {
                Files.createDirectories(absolute.getParent());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        String url = "jdbc:sqlite:" + absolute;
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration/sqlite").load().migrate();
        long migrated = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url);
             java.io.Writer anchors = Files.newBufferedWriter(anchorFile(absolute), java.nio.charset.StandardCharsets.UTF_8)) {
            Summary partial = new ClinicDataGenerator(connection, options, anchors).run();
            long end = System.nanoTime();
            long bytes;
            try {
                bytes = Files.size(absolute);
            } catch (java.io.IOException e) {
                bytes = -1;
            }
            return new Summary(partial.clients(), partial.intakes(), partial.sessions(), partial.addenda(),
                    partial.chainLinks(), partial.auditEvents(), Duration.ofNanos(migrated - start),
                    partial.clientsAndIntakes(), partial.sessionsPhase(), partial.sessionsPhaseCpu(),
                    Duration.ofNanos(end - start), bytes,
                    options.throughTriggers(), partial.sessionPhaseWriting(), partial.rowsThread(),
                    partial.indexThread());
        }
    }

    /** The anchor file the application keeps beside {@code database} (see DataLocation). */
    static Path anchorFile(Path database) {
        String name = database.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return database.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".anchors");
    }

    // ------------------------------------------------------------------------------------------- state

    private final Connection connection;
    private final Options options;
    private final SplittableRandom random;
    private final LocalDate firstDay;

    private int auditEvents;
    private long nextAuditId = 1;
    /** The record chain as far as it has been made: links made, and the hash of the last. */
    private int links;
    private String previousHash = GENESIS;
    private final java.io.Writer anchorFile;

    /** One client as planned: who, since when, how many visits and their current intake(s). */
    private static final class PlannedClient {
        long id;
        String firstName;
        String lastName;
        LocalDate createdOn;
        int visits;
        long intakeV1;
        long intakeV2;
        LocalDate intakeV2On;
        boolean statin;
        double baselineCramps;
        int baselineSeverity;
        int seen;
    }

    /** One session as planned, before ids are given in date order. */
    private record PlannedSession(int client, LocalDateTime startedAt, int tieBreak) {
    }

    private record PendingAddendum(Instant writtenAt, long sessionId, long clientId, int practitioner, String text) {
    }

    private ClinicDataGenerator(Connection connection, Options options, java.io.Writer anchorFile) {
        this.connection = connection;
        this.anchorFile = anchorFile;
        this.inserts = new Inserts(connection);
        this.options = options;
        this.random = new SplittableRandom(options.seed());
        this.firstDay = options.end().minusYears(options.years());
    }

    private Summary run() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : List.of("client", "practitioner", "session", "clinic")) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    rows.next();
                    if (rows.getLong(1) > 0) {
                        throw new IllegalStateException("The database already holds data (table " + table
                                + "); the generator fills only a new, empty database");
                    }
                }
            }
            // For generating test data only: no fsync and no rollback journal on disk. Foreign keys
            // are off so that a signed note's modalities and areas can be written before the note
            // itself (the triggers refuse them after it); the rows are consistent all the same.
            statement.execute("PRAGMA foreign_keys = OFF");
            statement.execute("PRAGMA synchronous = OFF");
            statement.execute("PRAGMA journal_mode = MEMORY");
            statement.execute("PRAGMA cache_size = -200000");
            statement.execute("PRAGMA temp_store = MEMORY");
        }
        connection.setAutoCommit(false);
        long start = System.nanoTime();
        List<String> guards = drop("trigger", INSERT_GUARDS);
        practice();
        PlannedClient[] clients = planClients();
        int intakes = writeClients(clients);
        connection.commit();
        long clientsDone = System.nanoTime();
        long cpuStart = CPU.getCurrentThreadCpuTime();
        List<String> suspended = suspendForSessions();
        int[] written;
        Duration indexThread = Duration.ZERO;
        long indexCpuNanos = 0;
        try (NoteIndex noteIndex = options.throughTriggers() ? null : NoteIndex.besides(connection)) {
            written = writeSessions(clients, noteIndex);
            putBack(suspended);
            putBack(guards);
            commit();
            if (noteIndex != null) {
                long finishing = System.nanoTime();
                noteIndex.finish();
                waited("waiting for the full-text index", finishing);
                long copying = System.nanoTime();
                noteIndex.copyInto(connection);
                writingNanos.merge("full-text index copied in", System.nanoTime() - copying, Long::sum);
                indexThread = Duration.ofNanos(noteIndex.nanos);
                indexCpuNanos = noteIndex.cpuNanos;
            }
        }
        inserts.close();
        long sessionsDone = System.nanoTime();
        long cpuDone = CPU.getCurrentThreadCpuTime();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            // As the application leaves it. No ANALYZE: a real database has no statistics either.
            statement.execute("PRAGMA journal_mode = WAL");
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        return new Summary(clients.length, intakes, options.sessions(), written[0], links, auditEvents,
                Duration.ZERO, Duration.ofNanos(clientsDone - start), Duration.ofNanos(sessionsDone - clientsDone),
                Duration.ofNanos(cpuDone - cpuStart + producerCpuNanos + indexCpuNanos), Duration.ZERO, 0,
                options.throughTriggers(), writingNanos.entrySet().stream().collect(
                        java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> Duration.ofNanos(e.getValue()),
                                (a, b) -> a, java.util.LinkedHashMap::new)),
                Duration.ofNanos(producerNanos), indexThread);
    }

    /** The triggers that index new notes and addenda, suspended unless the notes go through them ({@link Options}). */
    static final List<String> SEARCH_INSERT_TRIGGERS = List.of("session_search_insert", "addendum_search_insert");

    /**
     * Triggers that refuse a modality or area for a signed note and an addendum for a note not yet
     * signed. What the generator writes passes them by construction (a note's modalities and
     * areas before the note, its addenda after it), so checking every row only costs time.
     */
    static final List<String> ORDER_CHECK_TRIGGERS = List.of("session_modality_signed_insert",
            "session_area_signed_insert", "addendum_needs_signed_note");

    /**
     * Triggers that refuse what the application never inserts - a note signed already, a link that
     * does not follow the last or is for a record not written yet, a list row of a linked intake -
     * suspended for the whole run: the generator writes signed notes as they are, and each table in
     * batches of its own, so rows and links arrive in another order than the application's.
     */
    static final List<String> INSERT_GUARDS = List.of("session_signed_insert", "addendum_needs_linked_note",
            "intake_version_is_next_insert", "intake_site_is_permanent_insert", "intake_condition_is_permanent_insert",
            "intake_red_flag_is_permanent_insert", "intake_consent_element_is_permanent_insert",
            "intake_medication_is_permanent_insert", "intake_surgery_is_permanent_insert",
            "intake_clearance_for_current_intake", "record_chain_follows_head_insert",
            "record_chain_links_final_record_insert", "record_chain_stays_keyed_insert");

    /**
     * The indexes by client, of notes and audit events written in date order, so in no useful
     * order for these: building each once after the rows are written, by sorting, costs less than
     * inserting every row into it. The same indexes, with the same content.
     */
    static final List<String> INDEXES_BUILT_AFTER = List.of("session_client", "audit_event_client");

    /**
     * Drops the triggers and indexes the session phase does without; returns their SQL, to put
     * them back exactly as they were. Only the generator's own connection sees the schema without them.
     */
    private List<String> suspendForSessions() throws SQLException {
        List<String> definitions = new ArrayList<>();
        if (!options.throughTriggers()) {
            definitions.addAll(drop("trigger", SEARCH_INSERT_TRIGGERS));
        }
        definitions.addAll(drop("trigger", ORDER_CHECK_TRIGGERS));
        definitions.addAll(drop("index", INDEXES_BUILT_AFTER));
        return definitions;
    }

    private List<String> drop(String type, List<String> names) throws SQLException {
        List<String> definitions = new ArrayList<>();
        try (PreparedStatement definition = connection.prepareStatement(
                "SELECT sql FROM sqlite_master WHERE type = ? AND name = ?");
             Statement statement = connection.createStatement()) {
            for (String name : names) {
                definition.setString(1, type);
                definition.setString(2, name);
                try (ResultSet row = definition.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("The schema has no " + type + " " + name);
                    }
                    definitions.add(row.getString(1));
                }
                statement.execute("DROP " + type.toUpperCase(Locale.ROOT) + " " + name);
            }
        }
        return definitions;
    }

    private void putBack(List<String> definitions) throws SQLException {
        long start = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            for (String sql : definitions) {
                statement.execute(sql);
            }
        }
        writingNanos.merge("indexes built, triggers put back", System.nanoTime() - start, Long::sum);
    }

    private void commit() throws SQLException {
        long start = System.nanoTime();
        connection.commit();
        writingNanos.merge("commit", System.nanoTime() - start, Long::sum);
    }

    // ------------------------------------------------------------------------------------------- practice

    static final String[][] PRACTITIONERS = {
            {"Alex Chen", "Myotherapist", "MYO-1234"},
            {"Sam Jones", "Remedial massage therapist", "RMT-5521"},
            {"Priya Natarajan", "Myotherapist", "MYO-2087"},
    };

    private void practice() throws SQLException {
        String opened = instant(firstDay.minusDays(30).atTime(9, 0));
        try (PreparedStatement clinic = connection.prepareStatement("""
                INSERT INTO clinic (id, name, address, phone, email, website, updated_at)
                VALUES (1, 'Harbour Myotherapy', '12 Quay St, Sydney NSW 2000', '02 9555 0100',
                        'hello@harbour-myo.example', 'harbour-myo.example', ?)""")) {
            clinic.setString(1, opened);
            clinic.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO practitioner (id, name, credentials, registration_number, is_default, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            for (int i = 0; i < PRACTITIONERS.length; i++) {
                insert.setInt(1, i + 1);
                insert.setString(2, PRACTITIONERS[i][0]);
                insert.setString(3, PRACTITIONERS[i][1]);
                insert.setString(4, PRACTITIONERS[i][2]);
                insert.setInt(5, i == 0 ? 1 : 0);
                insert.setString(6, opened);
                insert.executeUpdate();
                audit(pending, opened, "add", "practitioner", i + 1L, null, "Added practitioner " + (i + 1));
            }
        }
        audit(pending, opened, "add", "clinic", 1L, null, "Clinic details saved");
        flushAudit();
    }

    // ------------------------------------------------------------------------------------------- clients

    private PlannedClient[] planClients() {
        int n = options.clients();
        PlannedClient[] clients = new PlannedClient[n];
        long days = ChronoUnit.DAYS.between(firstDay, options.end());
        // Join dates: the practice grows, so later years bring more new clients.
        LocalDate[] joined = new LocalDate[n];
        for (int i = 0; i < n; i++) {
            joined[i] = firstDay.plusDays((long) (days * Math.sqrt(random.nextDouble()) * 0.97));
        }
        Arrays.sort(joined);
        // Visits: most clients come a few times, some every fortnight for years (log-normal).
        double[] weight = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            double w = random.nextDouble() < 0.04 ? 0 : Math.exp(gaussian() * 0.9);
            // Clients who joined recently have had less time to come.
            w *= 0.25 + 0.75 * ChronoUnit.DAYS.between(joined[i], options.end()) / (double) days;
            weight[i] = w;
            total += w;
        }
        int assigned = 0;
        for (int i = 0; i < n; i++) {
            PlannedClient c = new PlannedClient();
            c.id = i + 1;
            c.createdOn = joined[i];
            c.visits = (int) Math.floor(options.sessions() * weight[i] / total);
            assigned += c.visits;
            clients[i] = c;
        }
        while (assigned < options.sessions() && n > 0) {
            PlannedClient c = clients[random.nextInt(n)];
            if (c.visits > 0 || random.nextDouble() < 0.05) {
                c.visits++;
                assigned++;
            }
        }
        return clients;
    }

    private int writeClients(PlannedClient[] clients) throws SQLException {
        int intakes = 0;
        long intakeId = 1;
        try (PreparedStatement client = connection.prepareStatement("""
                INSERT INTO client (id, first_name, last_name, preferred_name, date_of_birth, phone, email, address,
                                    emergency_contact, notes, search_text, archived_at, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement intake = connection.prepareStatement("""
                     INSERT INTO intake (id, client_id, version, taken_on, recorded_at, practitioner_id,
                         cramp_frequency_per_week, cramp_frequency_given, cramp_severity, cramp_duration_minutes,
                         cramp_timing, cramp_sleep_disturbance, cramp_triggers, cramp_since, other_conditions,
                         water_glasses, water_litres, caffeine, alcohol, activity, occupation, allergies,
                         consent_date, consent_given_by)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement site = connection.prepareStatement(
                     "INSERT INTO intake_site (intake_id, position, site) VALUES (?, ?, ?)");
             PreparedStatement condition = connection.prepareStatement(
                     "INSERT INTO intake_condition (intake_id, position, condition) VALUES (?, ?, ?)");
             PreparedStatement redFlag = connection.prepareStatement(
                     "INSERT INTO intake_red_flag (intake_id, position, red_flag) VALUES (?, ?, ?)");
             PreparedStatement consent = connection.prepareStatement(
                     "INSERT INTO intake_consent_element (intake_id, position, element) VALUES (?, ?, ?)");
             PreparedStatement medication = connection.prepareStatement("""
                     INSERT INTO intake_medication (intake_id, position, description, name, dose, frequency)
                     VALUES (?, ?, ?, ?, ?, ?)""");
             PreparedStatement surgery = connection.prepareStatement(
                     "INSERT INTO intake_surgery (intake_id, position, description, performed, side) VALUES (?, ?, ?, ?, ?)")) {
            int rows = 0;
            for (PlannedClient c : clients) {
                Person person = person();
                c.firstName = person.first();
                c.lastName = person.last();
                String created = instant(c.createdOn.atTime(8, 0).plusMinutes(random.nextInt(600)));
                LocalDate dob = random.nextDouble() < 0.05 ? null
                        : options.end().minusYears(18 + random.nextInt(72)).minusDays(random.nextInt(365));
                String phone = random.nextDouble() < 0.1 ? null : phone();
                String email = random.nextDouble() < 0.2 ? null : email(person);
                boolean archived = c.visits == 0 ? random.nextDouble() < 0.3 : random.nextDouble() < 0.02;
                client.setLong(1, c.id);
                client.setString(2, person.first());
                client.setString(3, person.last());
                setText(client, 4, person.preferred());
                setText(client, 5, dob == null ? null : dob.toString());
                setText(client, 6, phone);
                setText(client, 7, email);
                setText(client, 8, random.nextDouble() < 0.3 ? null
                        : (1 + random.nextInt(240)) + " " + pick(STREETS) + ", " + pick(SUBURBS));
                setText(client, 9, random.nextDouble() < 0.6 ? null : pick(CONTACTS) + ": " + phone());
                setText(client, 10, random.nextDouble() < 0.9 ? null : pick(CLIENT_NOTES));
                client.setString(11, SearchText.of(person.first(), person.last(), person.preferred(), null, email, phone, null));
                setText(client, 12, archived ? instant(options.end().minusDays(random.nextInt(200)).atTime(17, 30)) : null);
                client.setString(13, created);
                client.setString(14, created);
                client.addBatch();
                audit(pending, created, "add", "client", c.id, c.id, "Added client " + c.id);
                if (c.visits > 0) {
                    c.baselineCramps = Math.round((0.5 + random.nextDouble() * 12) * 2) / 2.0;
                    c.baselineSeverity = 3 + random.nextInt(7);
                    c.intakeV1 = intakeId++;
                    intakes++;
                    boolean statin = writeIntake(c, c.intakeV1, 1, c.createdOn, person, intake, site, condition,
                            redFlag, consent, medication, surgery);
                    c.statin = statin;
                    long remaining = ChronoUnit.DAYS.between(c.createdOn, options.end());
                    if (c.visits > 10 && remaining > 400 && random.nextDouble() < 0.25) {
                        c.intakeV2 = intakeId++;
                        c.intakeV2On = c.createdOn.plusDays(200 + random.nextLong(remaining - 200));
                        intakes++;
                        c.statin |= writeIntake(c, c.intakeV2, 2, c.intakeV2On, person, intake, site, condition,
                                redFlag, consent, medication, surgery);
                    }
                }
                if (++rows % BATCH == 0) {
                    client.executeBatch();
                    for (PreparedStatement s : List.of(intake, site, condition, redFlag, consent, medication, surgery)) {
                        s.executeBatch();
                    }
                    flushAudit();
                }
            }
            client.executeBatch();
            for (PreparedStatement s : List.of(intake, site, condition, redFlag, consent, medication, surgery)) {
                s.executeBatch();
            }
            flushAudit();
        }
        return intakes;
    }

    /** Writes one intake version; true if it lists a statin (shown as a NOTE before each session). */
    private boolean writeIntake(PlannedClient c, long id, int version, LocalDate takenOn, Person person,
            PreparedStatement intake, PreparedStatement site, PreparedStatement condition, PreparedStatement redFlag,
            PreparedStatement consent, PreparedStatement medication, PreparedStatement surgery) throws SQLException {
        String recorded = instant(takenOn.atTime(9, 0).plusMinutes(random.nextInt(540)));
        double perWeek = version == 1 ? c.baselineCramps : Math.max(0.5, Math.round(c.baselineCramps * 0.6 * 2) / 2.0);
        boolean nightly = random.nextDouble() < 0.2;
        // In column order, with the Java types the database hands back (the content hash is made from them).
        Object[] row = {id, c.id, version, takenOn.toString(), recorded, practitioner(),
                nightly ? Math.round(perWeek * 100) / 100.0 : perWeek,
                nightly ? number(perWeek / 7) + " per night" : number(perWeek) + " per week", c.baselineSeverity,
                random.nextDouble() < 0.2 ? null : (double) (1 + random.nextInt(10)), pick(TIMINGS),
                random.nextDouble() < 0.1 ? null : random.nextInt(11), random.nextDouble() < 0.3 ? null : pick(TRIGGERS),
                random.nextDouble() < 0.2 ? null : pick(SINCE), random.nextDouble() < 0.9 ? null : pick(OTHER_CONDITIONS),
                null, null, null, null, null, null, null, takenOn.toString(), person.first() + " " + person.last()};
        boolean glasses = random.nextDouble() < 0.7;
        row[15] = glasses ? (double) (2 + random.nextInt(9)) : null;
        row[16] = glasses ? null : 0.5 + random.nextInt(6) * 0.25;
        row[17] = pick(CAFFEINE);
        row[18] = pick(ALCOHOL);
        row[19] = pick(ACTIVITY);
        row[20] = pick(OCCUPATIONS);
        row[21] = random.nextDouble() < 0.85 ? null : pick(ALLERGIES);
        for (int i = 0; i < row.length; i++) {
            if (row[i] == null) {
                intake.setNull(i + 1, Types.NULL);
            } else {
                intake.setObject(i + 1, row[i]);
            }
        }
        Map<String, Object> columns = new HashMap<>();
        for (int i = 0; i < row.length; i++) {
            columns.put(INTAKE_COLUMNS.get(i), row[i]);
        }
        intake.addBatch();
        Map<String, List<Item>> lists = new HashMap<>();
        int sites = 1 + random.nextInt(3);
        List<String> chosenSites = distinct(CRAMP_SITES, sites);
        for (int i = 0; i < chosenSites.size(); i++) {
            child(site, id, i, chosenSites.get(i));
            item(lists, "site", i, chosenSites.get(i));
        }
        List<String> conditions = distinct(CONDITIONS, random.nextDouble() < 0.55 ? 0 : 1 + random.nextInt(2));
        for (int i = 0; i < conditions.size(); i++) {
            child(condition, id, i, conditions.get(i));
            item(lists, "condition", i, conditions.get(i));
        }
        if (random.nextDouble() < 0.02) {
            String flag = pick(ROUTINE_RED_FLAGS);
            child(redFlag, id, 0, flag);
            item(lists, "red_flag", 0, flag);
        }
        for (int i = 0; i < CONSENT_ELEMENTS.length; i++) {
            child(consent, id, i, CONSENT_ELEMENTS[i]);
            item(lists, "consent_element", i, CONSENT_ELEMENTS[i]);
        }
        boolean statin = false;
        int medicines = random.nextDouble() < 0.35 ? 0 : 1 + random.nextInt(3);
        List<String[]> chosen = new ArrayList<>();
        while (chosen.size() < medicines) {
            String[] m = MEDICATIONS[random.nextInt(MEDICATIONS.length)];
            if (!chosen.contains(m)) {
                chosen.add(m);
            }
        }
        for (int i = 0; i < chosen.size(); i++) {
            String[] m = chosen.get(i);
            medication.setLong(1, id);
            medication.setInt(2, i);
            medication.setString(3, m[0]);
            medication.setString(4, m[1]);
            setText(medication, 5, m[2]);
            setText(medication, 6, m[3]);
            medication.addBatch();
            item(lists, "medication", i, m[0], m[1], m[2], m[3]);
            statin |= m[4].equals("statin");
        }
        if (random.nextDouble() < 0.08) {
            String[] s = SURGERIES[random.nextInt(SURGERIES.length)];
            surgery.setLong(1, id);
            surgery.setInt(2, 0);
            surgery.setString(3, s[0]);
            setText(surgery, 4, s[1]);
            setText(surgery, 5, s[2]);
            surgery.addBatch();
            item(lists, "surgery", 0, s[0], s[1], s[2]);
        }
        link(pending, "intake", id, RecordDigests.hash(FinalRecord.INTAKE, columns, lists), recorded);
        audit(pending, recorded, "add", "intake", id, c.id, "Recorded intake version " + version);
        return statin;
    }

    private static void item(Map<String, List<Item>> lists, String list, int position, Object... values) {
        lists.computeIfAbsent(list, name -> new ArrayList<>()).add(new Item(position, values));
    }

    private static final List<String> INTAKE_COLUMNS = List.of("id", "client_id", "version", "taken_on",
            "recorded_at", "practitioner_id", "cramp_frequency_per_week", "cramp_frequency_given", "cramp_severity",
            "cramp_duration_minutes", "cramp_timing", "cramp_sleep_disturbance", "cramp_triggers", "cramp_since",
            "other_conditions", "water_glasses", "water_litres", "caffeine", "alcohol", "activity", "occupation",
            "allergies", "consent_date", "consent_given_by");

    // ------------------------------------------------------------------------------------------- sessions

    /** Sessions per batch: the second thread makes batches while the writing thread writes the ones before. */
    private static final int SESSIONS_PER_BATCH = 2_000;
    /** Batches made ahead of the one being written, so that the second thread keeps busy meanwhile. */
    private static final int BATCHES_AHEAD = 2;

    /**
     * Writes the sessions in date order; returns {addenda, chain links}. A second thread makes
     * everything that does not need the database (rows, SOAP text, content hashes, addenda, chain
     * links and audit events, each row's values in column order) a few batches ahead, while this
     * one writes them; a third builds the full-text index ({@link NoteIndex}), when there is one.
     * The second thread alone draws from the random generator while it runs, batch after batch,
     * so the data is the same as on one thread.
     */
    private int[] writeSessions(PlannedClient[] clients, NoteIndex noteIndex) throws SQLException {
        List<PlannedSession> planned = new ArrayList<>(options.sessions());
        for (int i = 0; i < clients.length; i++) {
            PlannedClient c = clients[i];
            long span = Math.max(1, ChronoUnit.DAYS.between(c.createdOn, options.end()) + 1);
            for (int v = 0; v < c.visits; v++) {
                LocalDate day = c.createdOn.plusDays(random.nextLong(span));
                LocalDateTime at = day.atTime(8, 0).plusMinutes(15L * random.nextInt(44));
                planned.add(new PlannedSession(i, at, random.nextInt()));
            }
        }
        planned.sort(Comparator.comparing(PlannedSession::startedAt).thenComparingInt(PlannedSession::tieBreak));

        SessionMaker maker = new SessionMaker(planned, clients, noteIndex != null);
        ExecutorService producer = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "clinic-data-rows");
            thread.setDaemon(true);
            return thread;
        });
        try {
            // The one thread makes the batches one after the other, in the order they are asked for.
            Deque<Future<Batch>> ahead = new ArrayDeque<>();
            for (int from = 0; from < planned.size(); from += SESSIONS_PER_BATCH) {
                int first = from;
                int end = Math.min(from + SESSIONS_PER_BATCH, planned.size());
                ahead.add(producer.submit(() -> maker.make(first, end)));
                if (ahead.size() > BATCHES_AHEAD) {
                    writeWhenMade(ahead.removeFirst(), noteIndex);
                }
            }
            while (!ahead.isEmpty()) {
                writeWhenMade(ahead.removeFirst(), noteIndex);
            }
        } finally {
            producer.shutdownNow();
        }
        producerNanos = maker.nanos;
        producerCpuNanos = maker.cpuNanos;
        return new int[] {maker.addenda, links};
    }

    private void writeWhenMade(Future<Batch> made, NoteIndex noteIndex) throws SQLException {
        long start = System.nanoTime();
        Batch batch = await(made);
        waited("waiting for rows", start);
        write(batch);
        if (noteIndex != null) {
            long handing = System.nanoTime();
            noteIndex.add(batch.notes, batch.addendumNotes);
            waited("waiting for the full-text index", handing);
        }
        if (batch.lastSession % COMMIT_EVERY == 0) {
            commit();
        }
    }

    private long producerNanos;
    private long producerCpuNanos;

    /** One batch of sessions ready to write, with their children, addenda, chain links and audit events. */
    private static final class Batch {
        final Rows modalities = new Rows("session_modality", List.of("session_id", "position", "modality"));
        final Rows areas = new Rows("session_area", List.of("session_id", "position", "site"));
        final Rows sessions = new Rows("session", SESSION_INSERT_COLUMNS);
        final Rows addenda = new Rows("addendum", List.of("id", "session_id", "practitioner_id", "written_at", "text"));
        final Target target = new Target();
        /** What the suspended search triggers would index, when they are suspended: notes, and addenda apart. */
        final Rows notes = NoteIndex.rows();
        final Rows addendumNotes = NoteIndex.rows();
        /** The last session id in the batch. */
        long lastSession;
    }

    /**
     * Makes the sessions, in date order, batch after batch, with everything that comes with them.
     * Runs on the producer thread, which alone uses it; the batches must be asked for in order,
     * as the record chain and the addenda waiting to be written run on from one to the next.
     */
    private final class SessionMaker {

        private final List<PlannedSession> planned;
        private final PlannedClient[] clients;
        /** Addenda are written by the end of the last day. */
        private final Instant lastInstant = options.end().plusDays(1).atStartOfDay(ZONE).toInstant().minusSeconds(60);
        /** Addenda to be written, in the order they were written. */
        private final PriorityQueue<PendingAddendum> pending = new PriorityQueue<>(
                Comparator.comparing(PendingAddendum::writtenAt).thenComparingLong(PendingAddendum::sessionId));
        private final boolean indexNotes;
        private int addenda;
        private long nanos;
        private long cpuNanos;

        SessionMaker(List<PlannedSession> planned, PlannedClient[] clients, boolean indexNotes) {
            this.planned = planned;
            this.clients = clients;
            this.indexNotes = indexNotes;
        }

        /** Sessions {@code from} (inclusive) to {@code to} of the plan; the last batch brings the addenda to come. */
        Batch make(int from, int to) {
            long start = System.nanoTime();
            long cpuStart = CPU.getCurrentThreadCpuTime();
            Batch batch = new Batch();
            for (int k = from; k < to; k++) {
                session(k + 1L, planned.get(k), batch);
            }
            if (to == planned.size()) {
                while (!pending.isEmpty()) {
                    addendum(pending.poll(), batch);
                }
            }
            nanos += System.nanoTime() - start;
            cpuNanos += CPU.getCurrentThreadCpuTime() - cpuStart;
            return batch;
        }

        /** One signed note, with the addenda written before it was signed, its chain link and audit events. */
        private void session(long id, PlannedSession plan, Batch batch) {
            PlannedClient c = clients[plan.client()];
            c.seen++;
            Map<String, Object> row = sessionRow(id, c, plan.startedAt());
            List<String> modalities = distinct(MODALITIES, 1 + random.nextInt(4));
            List<String> areas = distinct(CRAMP_SITES, 1 + random.nextInt(3));
            String content = RecordDigests.sessionHash(row, modalities, areas);
            Instant signedAt = (Instant) row.get(SIGNED_INSTANT);
            // Addenda written before this note was signed come first in the chain.
            while (!pending.isEmpty() && !pending.peek().writtenAt().isAfter(signedAt)) {
                addendum(pending.poll(), batch);
            }
            for (int i = 0; i < modalities.size(); i++) {
                batch.modalities.add(id, i, modalities.get(i));
            }
            for (int i = 0; i < areas.size(); i++) {
                batch.areas.add(id, i, areas.get(i));
            }
            Object[] values = new Object[SESSION_INSERT_COLUMNS.size()];
            for (int i = 0; i < values.length; i++) {
                // Signing sets updated_at to the signing instant.
                String column = SESSION_INSERT_COLUMNS.get(i);
                values[i] = row.get(column.equals("updated_at") ? "signed_at" : column);
            }
            batch.sessions.add(values);
            if (indexNotes) {
                // As the session_search_insert trigger indexes it.
                batch.notes.add(id, text(row, "subjective") + "\n" + text(row, "objective") + "\n"
                        + text(row, "assessment") + "\n" + text(row, "plan"), id, null);
            }
            // As the application makes them: the draft recorded, then the note signed and linked.
            String signed = (String) row.get("signed_at");
            audit(batch.target, (String) row.get("created_at"), "add", "session", id, c.id, "Recorded session " + id);
            link(batch.target, "session", id, content, signed);
            audit(batch.target, signed, "sign", "session", id, c.id,
                    "Signed session " + id + " by practitioner " + row.get("signed_by"));
            if (random.nextDouble() < options.addendumRate()) {
                Instant written = signedAt.plus(Duration.ofMinutes(30 + random.nextInt(14 * 24 * 60)));
                if (written.isAfter(lastInstant)) {
                    written = signedAt.plusSeconds(60).isAfter(lastInstant) ? signedAt.plusSeconds(60) : lastInstant;
                }
                pending.add(new PendingAddendum(written.truncatedTo(ChronoUnit.MILLIS), id, c.id,
                        (Integer) row.get("practitioner_id"), pick(ADDENDA)));
            }
            batch.lastSession = id;
        }

        private void addendum(PendingAddendum a, Batch batch) {
            long id = ++addenda;
            String written = SqliteDialect.INSTANT_TEXT.format(a.writtenAt());
            batch.addenda.add(id, a.sessionId(), a.practitioner(), written, a.text());
            if (indexNotes) {
                // As the addendum_search_insert trigger indexes it.
                batch.addendumNotes.add(-id, a.text(), a.sessionId(), id);
            }
            Map<String, Object> row = new HashMap<>();
            row.put("id", id);
            row.put("session_id", a.sessionId());
            row.put("practitioner_id", a.practitioner());
            row.put("written_at", written);
            row.put("text", a.text());
            link(batch.target, "addendum", id, RecordDigests.addendumHash(row), written);
            audit(batch.target, written, "amend", "addendum", id, a.clientId(),
                    "Added addendum " + id + " to session " + a.sessionId());
        }

        private static String text(Map<String, Object> row, String column) {
            return row.get(column) == null ? "" : (String) row.get(column);
        }

    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating sessions", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("generating sessions failed", e.getCause());
        }
    }

    /** In the order of a real clinic: a signed note's children before it, addenda after it (as the triggers check). */
    private void write(Batch batch) throws SQLException {
        timed("session_modality", batch.modalities);
        timed("session_area", batch.areas);
        timed(options.throughTriggers() ? "session (+ note_search trigger)" : "session", batch.sessions);
        timed(options.throughTriggers() ? "addendum (+ note_search trigger)" : "addendum", batch.addenda);
        if (options.audit()) {
            timed("audit_event", batch.target.audit);
        }
        timed("record_chain", batch.target.chain);
        anchor(batch.target);
    }

    /** Where the writing thread's time went in the session phase (in the database by table, or waiting). */
    private final Map<String, Long> writingNanos = new java.util.LinkedHashMap<>();

    private void waited(String what, long since) {
        writingNanos.merge(what, System.nanoTime() - since, Long::sum);
    }

    private void timed(String table, Rows rows) throws SQLException {
        long start = System.nanoTime();
        inserts.write(rows);
        writingNanos.merge(table, System.nanoTime() - start, Long::sum);
    }

    /** Rows per INSERT statement: one statement for many rows costs far less than one per row. */
    private static final int ROWS_PER_STATEMENT = 500;

    /** Rows for one table, made on any thread and written by {@link Inserts#write} on the connection's. */
    private static final class Rows {

        private final String table;
        private final List<String> columns;
        private final List<Object[]> values = new ArrayList<>();

        Rows(String table, List<String> columns) {
            this.table = table;
            this.columns = columns;
        }

        void add(Object... row) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException(table + " has " + columns.size() + " columns, not " + row.length);
            }
            values.add(row);
        }
    }

    /**
     * The full-text index of the notes and addenda, built on a connection and thread of its own in
     * a scratch database in memory while the clinic's connection writes the rows, then copied into
     * the clinic database. A connection works on one CPU at a time and the index is the largest
     * single piece of the work; this way it is done beside the rest.
     *
     * <p>The scratch database has the clinic's own note_search table (the same CREATE statement)
     * and gets each note and addendum as the suspended triggers would have indexed it, so FTS5
     * builds the same index there. FTS5 keeps an index in ordinary tables, which {@link #copyInto}
     * copies row for row; PRAGMA integrity_check ({@code db check}) checks the copy against the
     * notes. The scratch database is an in-memory database with a shared cache, which another
     * connection can attach; it goes when its connection closes. (Not the memdb VFS: that is
     * limited to 1 GiB by default, a clinic of a million sessions.)
     */
    private static final class NoteIndex implements AutoCloseable {

        /** The tables FTS5 keeps the index in, but note_search_config, which is the same in both. */
        private static final List<String> SHADOW_TABLES = List.of("note_search_data", "note_search_idx",
                "note_search_content", "note_search_docsize");
        /** Batches handed over and not yet indexed before the clinic's connection waits for the index. */
        private static final int BATCHES_QUEUED = 4;

        private final String uri;
        private final Connection scratch;
        private final Inserts inserts;
        private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
            Thread indexing = new Thread(task, "clinic-data-note-index");
            indexing.setDaemon(true);
            return indexing;
        });
        private final Deque<Future<?>> queued = new ArrayDeque<>();
        private final List<Rows> addenda = new ArrayList<>();
        private long nanos;
        private long cpuNanos;

        static Rows rows() {
            return new Rows("note_search", List.of("rowid", "body", "session_id", "addendum_id"));
        }

        /** An empty scratch database with the note_search table of {@code clinic}. */
        static NoteIndex besides(Connection clinic) throws SQLException {
            String create;
            try (Statement statement = clinic.createStatement();
                 ResultSet row = statement.executeQuery("SELECT sql FROM sqlite_master WHERE name = 'note_search'")) {
                if (!row.next()) {
                    throw new IllegalStateException("The schema has no table note_search");
                }
                create = row.getString(1);
            }
            String uri = "file:soapstone-note-index-" + java.util.UUID.randomUUID() + "?mode=memory&cache=shared";
            Connection scratch = DriverManager.getConnection("jdbc:sqlite:" + uri);
            try (Statement statement = scratch.createStatement()) {
                statement.execute(create);
                scratch.setAutoCommit(false);
            } catch (SQLException | RuntimeException e) {
                scratch.close();
                throw e;
            }
            return new NoteIndex(uri, scratch);
        }

        private NoteIndex(String uri, Connection scratch) {
            this.uri = uri;
            this.scratch = scratch;
            this.inserts = new Inserts(scratch);
        }

        /**
         * Indexes a batch's notes on the index's own thread, waiting only when it is several
         * batches behind. The addenda wait until the end: FTS5 writes out the terms it holds
         * whenever a row comes with a lower id than the one before, and an addendum's is the
         * addendum id negated, below every note's.
         */
        void add(Rows notes, Rows addendumNotes) {
            while (queued.size() >= BATCHES_QUEUED) {
                await(queued.removeFirst());
            }
            addenda.add(addendumNotes);
            queued.add(thread.submit(() -> measured(() -> inserts.write(notes))));
        }

        /** Indexes the addenda, last first (their ids negated in order), and waits until all is indexed. */
        void finish() {
            Rows lastAddendaFirst = rows();
            for (Rows batch : addenda.reversed()) {
                lastAddendaFirst.values.addAll(batch.values.reversed());
            }
            queued.add(thread.submit(() -> measured(() -> {
                inserts.write(lastAddendaFirst);
                inserts.close();
                scratch.commit();
            })));
            while (!queued.isEmpty()) {
                await(queued.removeFirst());
            }
        }

        /** Copies the finished index into the clinic database, in a transaction of its own. */
        void copyInto(Connection clinic) throws SQLException {
            clinic.commit();
            // Databases are attached and detached outside transactions.
            clinic.setAutoCommit(true);
            try (PreparedStatement attach = clinic.prepareStatement("ATTACH DATABASE ? AS note_index")) {
                attach.setString(1, uri);
                attach.execute();
            }
            try (Statement statement = clinic.createStatement()) {
                clinic.setAutoCommit(false);
                for (String table : SHADOW_TABLES) {
                    // Into an empty table, SQLite copies the rows as they are stored.
                    statement.execute("DELETE FROM main." + table);
                    statement.execute("INSERT INTO main." + table + " SELECT * FROM note_index." + table);
                }
                clinic.commit();
                clinic.setAutoCommit(true);
                statement.execute("DETACH DATABASE note_index");
            }
            clinic.setAutoCommit(false);
        }

        private interface Work {
            void run() throws SQLException;
        }

        /** Runs on the index's thread. */
        private Void measured(Work work) throws SQLException {
            long start = System.nanoTime();
            long cpuStart = CPU.getCurrentThreadCpuTime();
            work.run();
            nanos += System.nanoTime() - start;
            cpuNanos += CPU.getCurrentThreadCpuTime() - cpuStart;
            return null;
        }

        @Override
        public void close() throws SQLException {
            thread.shutdownNow();
            scratch.close();
        }
    }

    /** The INSERT statements of the clinic connection. */
    private final Inserts inserts;

    /** Writes {@link Rows} on one connection with multi-row INSERT statements; keeps those of the usual size. */
    private static final class Inserts implements AutoCloseable {

        private final Connection connection;
        private final Map<String, PreparedStatement> full = new HashMap<>();

        Inserts(Connection connection) {
            this.connection = connection;
        }

        /** Writes the rows, and forgets them. */
        void write(Rows rows) throws SQLException {
            int done = 0;
            int count = rows.values.size();
            while (count - done >= ROWS_PER_STATEMENT) {
                PreparedStatement statement = full.get(rows.table);
                if (statement == null) {
                    statement = insert(rows, ROWS_PER_STATEMENT);
                    full.put(rows.table, statement);
                }
                bind(statement, rows, done, ROWS_PER_STATEMENT);
                statement.executeUpdate();
                done += ROWS_PER_STATEMENT;
            }
            if (done < count) {
                try (PreparedStatement rest = insert(rows, count - done)) {
                    bind(rest, rows, done, count - done);
                    rest.executeUpdate();
                }
            }
            rows.values.clear();
        }

        private PreparedStatement insert(Rows rows, int count) throws SQLException {
            String tuple = "(" + String.join(", ", java.util.Collections.nCopies(rows.columns.size(), "?")) + ")";
            return connection.prepareStatement("INSERT INTO " + rows.table + " (" + String.join(", ", rows.columns)
                    + ") VALUES " + String.join(", ", java.util.Collections.nCopies(count, tuple)));
        }

        private static void bind(PreparedStatement statement, Rows rows, int from, int count) throws SQLException {
            int index = 1;
            for (int r = from; r < from + count; r++) {
                for (Object value : rows.values.get(r)) {
                    switch (value) {
                        case null -> statement.setNull(index, Types.NULL);
                        case Integer v -> statement.setInt(index, v);
                        case Long v -> statement.setLong(index, v);
                        case Double v -> statement.setDouble(index, v);
                        case String v -> statement.setString(index, v);
                        default -> throw new IllegalStateException("unexpected " + value.getClass());
                    }
                    index++;
                }
            }
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement statement : full.values()) {
                statement.close();
            }
            full.clear();
        }
    }

    /**
     * One signed note's columns, with the Java types the database hands back for them (Integer for
     * small whole numbers, Double for REAL, String for text, null for NULL), which is what the
     * content hash is computed from.
     */
    private Map<String, Object> sessionRow(long id, PlannedClient c, LocalDateTime startedAt) {
        int practitioner = practitioner();
        int duration = DURATIONS[random.nextInt(DURATIONS.length)];
        // Cramps ease over a course of treatment, with ups and downs.
        double progress = Math.min(1, c.seen / 12.0);
        double cramps = Math.max(0, Math.round(c.baselineCramps * (1 - 0.6 * progress) * (0.7 + 0.6 * random.nextDouble()) * 2) / 2.0);
        int severity = clamp((int) Math.round(c.baselineSeverity * (1 - 0.4 * progress)) + random.nextInt(3) - 1);
        int sleep = clamp(severity - 1 - random.nextInt(3));
        int painBefore = clamp(3 + random.nextInt(6));
        int painAfter = clamp(painBefore - 1 - random.nextInt(4));
        Instant created = startedAt.plusMinutes(duration + 2 + random.nextInt(20)).atZone(ZONE).toInstant()
                .plusSeconds(random.nextInt(60)).plusMillis(random.nextInt(1000));
        Instant signed = created.plusSeconds(60 + random.nextInt(45 * 60)).plusMillis(random.nextInt(1000));
        Long intake = c.intakeV2 != 0 && !startedAt.toLocalDate().isBefore(c.intakeV2On) ? c.intakeV2
                : c.intakeV1 != 0 ? c.intakeV1 : null;
        Map<String, Object> row = new HashMap<>();
        row.put("id", id);
        row.put("client_id", c.id);
        row.put("practitioner_id", practitioner);
        row.put("intake_id", intake);
        row.put("started_at", SqliteDialect.LOCAL_MINUTE.format(startedAt));
        row.put("duration_minutes", duration);
        row.put("pressure", random.nextDouble() < 0.1 ? null : PRESSURES[random.nextInt(PRESSURES.length)]);
        row.put("products", random.nextDouble() < 0.4 ? null : pick(PRODUCTS));
        row.put("pain_before", random.nextDouble() < 0.05 ? null : painBefore);
        row.put("pain_after", random.nextDouble() < 0.05 ? null : painAfter);
        row.put("cramps_per_week", random.nextDouble() < 0.08 ? null : cramps);
        row.put("cramp_severity", random.nextDouble() < 0.08 ? null : severity);
        row.put("sleep_disturbance", random.nextDouble() < 0.15 ? null : sleep);
        row.put("subjective", subjective(cramps, severity, sleep));
        row.put("objective", objective());
        row.put("assessment", assessment(painBefore, painAfter));
        row.put("plan", plan());
        row.put("template", random.nextDouble() < 0.3 ? null : pick(TEMPLATES));
        row.put("screening_shown", intake == null ? "No intake on file" : c.statin ? "NOTE: Statin" : "No flags");
        row.put("warnings_shown", null);
        row.put("override_reason", null);
        row.put("created_at", SqliteDialect.INSTANT_TEXT.format(created));
        row.put("signed_at", SqliteDialect.INSTANT_TEXT.format(signed));
        row.put("signed_by", practitioner);
        row.put(SIGNED_INSTANT, signed);
        return row;
    }

    /** Not a column: the signing instant, kept beside the row so that it need not be parsed back. */
    private static final String SIGNED_INSTANT = "+signed-instant";

    private static final List<String> SESSION_INSERT_COLUMNS = List.of("id", "client_id", "practitioner_id", "intake_id",
            "started_at", "duration_minutes", "pressure", "products", "pain_before", "pain_after", "cramps_per_week",
            "cramp_severity", "sleep_disturbance", "subjective", "objective", "assessment", "plan", "template",
            "screening_shown", "warnings_shown", "override_reason", "created_at", "updated_at", "signed_at", "signed_by");

    // ------------------------------------------------------------------------------------------- SOAP text

    private String subjective(double cramps, int severity, int sleep) {
        StringBuilder text = new StringBuilder();
        text.append("Night cramps since last visit: ").append(number(cramps)).append(" per week, worst ")
                .append(severity).append("/10, lasting about ").append(1 + random.nextInt(5)).append(" min.");
        text.append("\nSleep disturbance ").append(sleep).append("/10. Stretches done ").append(random.nextInt(8))
                .append(" nights out of 7.");
        phrases(text, SUBJECTIVE, 1 + random.nextInt(3));
        return text.toString();
    }

    private String objective() {
        StringBuilder text = new StringBuilder();
        text.append("Calf tone ").append(pick(TONE)).append(" on the left, ").append(pick(TONE)).append(" on the right.");
        text.append("\nAnkle dorsiflexion ").append(5 + random.nextInt(16)).append(" degrees knee straight, ")
                .append(10 + random.nextInt(21)).append(" degrees knee bent.");
        phrases(text, OBJECTIVE, 1 + random.nextInt(3));
        return text.toString();
    }

    private String assessment(int painBefore, int painAfter) {
        StringBuilder text = new StringBuilder();
        phrases(text, ASSESSMENT, 1 + random.nextInt(2));
        text.append("\nPain before ").append(painBefore).append("/10, after ").append(painAfter).append("/10.");
        return text.toString().strip();
    }

    private String plan() {
        StringBuilder text = new StringBuilder();
        phrases(text, PLAN, 1 + random.nextInt(3));
        text.append("\nReview in ").append(1 + random.nextInt(4)).append(" weeks.");
        return text.toString().strip();
    }

    /** Common phrases, and now and then one of the rare ones, so search meets both kinds of words. */
    private void phrases(StringBuilder text, String[] bank, int count) {
        for (String phrase : distinct(bank, count)) {
            text.append('\n').append(phrase);
        }
        if (random.nextDouble() < 0.02) {
            text.append('\n').append(pick(UNCOMMON));
        }
        if (random.nextDouble() < 0.0001) {
            text.append('\n').append(pick(RARE));
        }
    }

    // ------------------------------------------------------------------------------------------- people

    /** A client's name as written in their own script, with a Latin spelling for their email address. */
    private record Person(String first, String last, String preferred, String latinFirst, String latinLast) {
    }

    private Person person() {
        double culture = random.nextDouble();
        if (culture < 0.42) {
            return latin(ENGLISH_FIRST, ENGLISH_LAST, 0.08);
        } else if (culture < 0.52) {
            return latin(EUROPEAN_FIRST, EUROPEAN_LAST, 0.05);
        } else if (culture < 0.60) {
            return latin(POLISH_FIRST, POLISH_LAST, 0.05);
        } else if (culture < 0.65) {
            return latin(CZECH_FIRST, CZECH_LAST, 0.05);
        } else if (culture < 0.75) {
            // Nguyễn is the family name of about four Vietnamese in ten.
            String[] last = random.nextDouble() < 0.38 ? VIETNAMESE_LAST[0] : pick2(VIETNAMESE_LAST);
            String[] first = pick2(VIETNAMESE_FIRST);
            String preferred = random.nextDouble() < 0.25 ? pick(ENGLISH_PREFERRED) : null;
            return new Person(first[0], last[0], preferred, SearchText.fold(first[0]), SearchText.fold(last[0]));
        } else if (culture < 0.83) {
            String[] first = pick2(CHINESE_FIRST);
            String[] last = pick2(CHINESE_LAST);
            String preferred = random.nextDouble() < 0.4 ? pick(ENGLISH_PREFERRED) : null;
            return new Person(first[0], last[0], preferred, first[1], last[1]);
        } else if (culture < 0.91) {
            String[] first = pick2(GREEK_FIRST);
            String[] last = pick2(GREEK_LAST);
            return new Person(first[0], last[0], random.nextDouble() < 0.1 ? first[1].substring(0, 1).toUpperCase(Locale.ROOT)
                    + first[1].substring(1) : null, first[1], last[1]);
        } else {
            String[] first = pick2(CYRILLIC_FIRST);
            String[] last = pick2(CYRILLIC_LAST);
            return new Person(first[0], last[0], null, first[1], last[1]);
        }
    }

    private Person latin(String[] firsts, String[] lasts, double preferredRate) {
        String first = pick(firsts);
        String last = pick(lasts);
        String preferred = random.nextDouble() < preferredRate ? pick(ENGLISH_PREFERRED) : null;
        return new Person(first, last, preferred, SearchText.fold(first), SearchText.fold(last));
    }

    private String email(Person person) {
        String first = person.latinFirst().replaceAll("[^a-z0-9]", "");
        String last = person.latinLast().replaceAll("[^a-z0-9]", "");
        String local = switch (random.nextInt(4)) {
            case 0 -> first + "." + last;
            case 1 -> first.charAt(0) + last;
            case 2 -> first + last.charAt(0) + (random.nextInt(90) + 10);
            default -> first + "_" + last + random.nextInt(100);
        };
        return local + "@" + pick(DOMAINS);
    }

    private String phone() {
        return switch (random.nextInt(5)) {
            case 0, 1 -> String.format(Locale.ROOT, "04%02d %03d %03d", random.nextInt(100), random.nextInt(1000),
                    random.nextInt(1000));
            case 2 -> String.format(Locale.ROOT, "+61 4%02d %03d %03d", random.nextInt(100), random.nextInt(1000),
                    random.nextInt(1000));
            case 3 -> String.format(Locale.ROOT, "(02) 9%03d %04d", random.nextInt(1000), random.nextInt(10000));
            default -> String.format(Locale.ROOT, "04%08d", random.nextInt(100_000_000));
        };
    }

    // ------------------------------------------------------------------------------------------- audit

    /** Audit events, chain links and anchors not yet written: of a batch of sessions, or before them. */
    private static final class Target {
        final Rows audit = new Rows("audit_event", List.of("id", "at", "practitioner_id", "action", "record_type",
                "record_id", "client_id", "summary"));
        final Rows chain = new Rows("record_chain", List.of("seq", "record_type", "record_id", "content_hash",
                "previous_hash", "hash", "linked_at"));
        final StringBuilder anchors = new StringBuilder();
    }

    /** Those of the practice, clients and intakes; the sessions' travel in their batches. */
    private final Target pending = new Target();

    /**
     * Adds an audit event, its link and the anchor of the change it ends, as the application makes
     * them. The main thread calls it for the practice, clients and intakes, then the producer thread
     * alone for the sessions, so the ids and the chain follow on.
     */
    private void audit(Target into, String at, String action, String type, Long recordId, Long clientId, String summary) {
        if (!options.audit()) {
            return;
        }
        long id = nextAuditId++;
        into.audit.add(id, at, 1, action, type, recordId, clientId, summary);
        auditEvents++;
        Map<String, Object> row = new HashMap<>();
        row.put("id", id);
        row.put("at", at);
        row.put("practitioner_id", 1);
        row.put("action", action);
        row.put("record_type", type);
        row.put("record_id", recordId);
        row.put("client_id", clientId);
        row.put("summary", summary);
        link(into, "audit", id, RecordDigests.hash(FinalRecord.AUDIT, row, Map.of()), at);
        into.anchors.append(AnchorFile.line(java.time.Instant.parse(at), new Seal(links, previousHash),
                action + " " + type, summary));
    }

    /** The next link of the record chain, as {@code RecordChain.link} makes it. */
    private void link(Target into, String type, long id, String content, String linkedAt) {
        String hash = RecordDigests.linkHash(previousHash, type, id, content);
        into.chain.add(++links, type, id, content, previousHash, hash, linkedAt);
        previousHash = hash;
    }

    private void flushAudit() throws SQLException {
        inserts.write(pending.audit);
        inserts.write(pending.chain);
        anchor(pending);
    }

    /** Appends the anchors of what was just written to the anchor file. */
    private void anchor(Target written) {
        try {
            anchorFile.append(written.anchors);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        written.anchors.setLength(0);
    }

    // ------------------------------------------------------------------------------------------- helpers

    private int practitioner() {
        double p = random.nextDouble();
        return p < 0.5 ? 1 : p < 0.8 ? 2 : 3;
    }

    private double gaussian() {
        // Box-Muller, from the one seeded generator.
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static int clamp(int score) {
        return Math.max(0, Math.min(10, score));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private String[] pick2(String[][] values) {
        return values[random.nextInt(values.length)];
    }

    private List<String> distinct(String[] values, int count) {
        List<String> chosen = new ArrayList<>(count);
        int wanted = Math.min(count, values.length);
        while (chosen.size() < wanted) {
            String value = values[random.nextInt(values.length)];
            if (!chosen.contains(value)) {
                chosen.add(value);
            }
        }
        return chosen;
    }

    private static void child(PreparedStatement statement, long parent, int position, String value) throws SQLException {
        statement.setLong(1, parent);
        statement.setInt(2, position);
        statement.setString(3, value);
        statement.addBatch();
    }

    private static void setText(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    private static void setInt(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setLong(index, value);
        }
    }

    private static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.REAL);
        } else {
            statement.setDouble(index, value);
        }
    }

    private static String instant(LocalDateTime local) {
        return SqliteDialect.INSTANT_TEXT.format(local.atZone(ZONE).toInstant());
    }

    /** 2 rather than 2.0, as people write it. */
    private static String number(double value) {
        double rounded = Math.round(value * 100) / 100.0;
        return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
    }

    // ------------------------------------------------------------------------------------------- word lists

    static final String[] ENGLISH_FIRST = {"Olivia", "Charlotte", "Amelia", "Isla", "Mia", "Ava", "Grace", "Chloe",
            "Emily", "Sophie", "Ruby", "Ella", "Jack", "Oliver", "William", "Noah", "Thomas", "James", "Lucas", "Henry",
            "Liam", "Ethan", "Samuel", "Daniel", "Margaret", "Patricia", "Susan", "Helen", "Robert", "John", "Peter",
            "David", "Michael", "Barbara", "Judith", "Kevin", "Gary", "Karen", "Sharon", "Anne", "Hannah", "Zoë",
            "Chloé", "Renée", "Noël", "Joanne", "Annette", "Dianne"};
    static final String[] ENGLISH_LAST = {"Smith", "Jones", "Williams", "Brown", "Wilson", "Taylor", "Johnson", "White",
            "Martin", "Anderson", "Thompson", "Lee", "Walker", "Harris", "Ryan", "Robinson", "Kelly", "King", "Davis",
            "Wright", "Evans", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "O'Brien", "O'Connor",
            "McDonald", "Campbell", "Mitchell", "Young", "Hughes", "Edwards", "Murphy", "Turner", "Hill", "Scott",
            "Moore", "Baker", "Cooper", "Ward", "Morris", "Bell", "Collins", "Stewart", "Reid"};
    static final String[] ENGLISH_PREFERRED = {"Fiona", "Kevin", "Jenny", "Tony", "Grace", "David", "Amy", "Jason",
            "Vicky", "Annie", "Bob", "Liz", "Kate", "Mike", "Sam", "Jo", "Beth", "Tom"};
    static final String[] EUROPEAN_FIRST = {"José", "Inés", "Søren", "Bjørn", "Åsa", "François", "Hélène", "Noémie",
            "Jürgen", "Günther", "Siobhán", "Seán", "Íñigo", "Björn", "Maël", "Aurélie", "Joël", "Chiara", "Lorenzo"};
    static final String[] EUROPEAN_LAST = {"García", "Martínez", "Fernández", "Müller", "Schröder", "Weiß", "Jørgensen",
            "Østergaard", "Lefèvre", "Dubois", "Ó Súilleabháin", "Ní Bhriain", "Rossi", "Bianchi", "D'Angelo",
            "Peña", "Nuñez", "Göransson", "Ødegård", "Fischer"};
    static final String[] POLISH_FIRST = {"Łukasz", "Małgorzata", "Agnieszka", "Krzysztof", "Wojciech", "Katarzyna",
            "Paweł", "Michał", "Zofia", "Grzegorz", "Joanna", "Tomasz", "Bartłomiej", "Jędrzej", "Żaneta", "Anna"};
    static final String[] POLISH_LAST = {"Łukasiewicz", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński",
            "Lewandowska", "Zieliński", "Szymańska", "Woźniak", "Dąbrowski", "Kozłowski", "Jankowska", "Mazur",
            "Krawczyk", "Grabowski", "Nowak", "Kowalski", "Żak", "Błaszczyk", "Ślusarczyk"};
    static final String[] CZECH_FIRST = {"Jiří", "Tomáš", "Petr", "Jan", "Lukáš", "Kateřina", "Tereza", "Lenka",
            "Eliška", "Veronika", "Zdeněk", "Radek", "Barbora", "Markéta", "Šárka", "Jana"};
    static final String[] CZECH_LAST = {"Dvořák", "Novák", "Svoboda", "Novotný", "Černý", "Procházka", "Kučera",
            "Veselý", "Horák", "Němec", "Pokorný", "Marek", "Růžičková", "Křížová", "Havlíčková", "Dvořáková"};
    static final String[][] VIETNAMESE_LAST = {{"Nguyễn"}, {"Trần"}, {"Lê"}, {"Phạm"}, {"Hoàng"}, {"Huỳnh"}, {"Phan"},
            {"Vũ"}, {"Võ"}, {"Đặng"}, {"Bùi"}, {"Đỗ"}, {"Hồ"}, {"Ngô"}, {"Dương"}, {"Lý"}};
    static final String[][] VIETNAMESE_FIRST = {{"Thị Hương"}, {"Văn Minh"}, {"Thị Lan"}, {"Văn Hùng"}, {"Thị Mai"},
            {"Đức Anh"}, {"Thị Thu"}, {"Quốc Bảo"}, {"Ngọc Ánh"}, {"Minh Tuấn"}, {"Thanh Hà"}, {"Hoàng Long"},
            {"Thị Ngọc"}, {"Văn Đức"}, {"Thu Trang"}, {"Bảo Châu"}};
    static final String[][] CHINESE_LAST = {{"王", "wang"}, {"李", "li"}, {"张", "zhang"}, {"刘", "liu"}, {"陈", "chen"},
            {"杨", "yang"}, {"黄", "huang"}, {"赵", "zhao"}, {"吴", "wu"}, {"周", "zhou"}, {"徐", "xu"}, {"孙", "sun"},
            {"马", "ma"}, {"朱", "zhu"}, {"胡", "hu"}, {"林", "lin"}};
    static final String[][] CHINESE_FIRST = {{"芳", "fang"}, {"伟", "wei"}, {"娜", "na"}, {"秀英", "xiuying"},
            {"敏", "min"}, {"静", "jing"}, {"丽", "li"}, {"强", "qiang"}, {"磊", "lei"}, {"军", "jun"}, {"洋", "yang"},
            {"艳", "yan"}, {"勇", "yong"}, {"杰", "jie"}, {"娟", "juan"}, {"涛", "tao"}, {"明", "ming"}, {"超", "chao"},
            {"秀兰", "xiulan"}, {"霞", "xia"}};
    static final String[][] GREEK_FIRST = {{"Γιώργος", "giorgos"}, {"Δημήτρης", "dimitris"},
            {"Κωνσταντίνος", "konstantinos"}, {"Νίκος", "nikos"}, {"Μαρία", "maria"}, {"Ελένη", "eleni"},
            {"Αικατερίνη", "aikaterini"}, {"Σοφία", "sofia"}, {"Ιωάννης", "ioannis"}, {"Παναγιώτα", "panagiota"},
            {"Χρήστος", "christos"}, {"Αναστασία", "anastasia"}, {"Ευάγγελος", "evangelos"}, {"Δέσποινα", "despoina"}};
    static final String[][] GREEK_LAST = {{"Παπαδόπουλος", "papadopoulos"}, {"Παπαδοπούλου", "papadopoulou"},
            {"Γεωργίου", "georgiou"}, {"Οικονόμου", "oikonomou"}, {"Νικολάου", "nikolaou"},
            {"Κωνσταντίνου", "konstantinou"}, {"Ιωάννου", "ioannou"}, {"Δημητρίου", "dimitriou"},
            {"Αλεξίου", "alexiou"}, {"Μακρής", "makris"}, {"Βασιλείου", "vasileiou"}, {"Αθανασίου", "athanasiou"}};
    static final String[][] CYRILLIC_FIRST = {{"Анна", "anna"}, {"Мария", "maria"}, {"Елена", "elena"},
            {"Ольга", "olga"}, {"Наталья", "natalya"}, {"Татьяна", "tatyana"}, {"Ирина", "irina"},
            {"Светлана", "svetlana"}, {"Иван", "ivan"}, {"Дмитрий", "dmitry"}, {"Сергей", "sergey"},
            {"Алексей", "alexey"}, {"Андрей", "andrey"}, {"Михаил", "mikhail"}, {"Юлия", "yulia"}, {"Артём", "artem"}};
    static final String[][] CYRILLIC_LAST = {{"Иванова", "ivanova"}, {"Петрова", "petrova"}, {"Смирнова", "smirnova"},
            {"Кузнецов", "kuznetsov"}, {"Попов", "popov"}, {"Соколов", "sokolov"}, {"Лебедев", "lebedev"},
            {"Козлова", "kozlova"}, {"Новиков", "novikov"}, {"Морозова", "morozova"}, {"Волков", "volkov"},
            {"Фёдоров", "fedorov"}, {"Шевченко", "shevchenko"}, {"Бондаренко", "bondarenko"}, {"Коваленко", "kovalenko"}};
    static final String[] DOMAINS = {"example.com", "example.net", "example.org", "mail.example", "post.example"};
    static final String[] STREETS = {"Quay St", "George St", "Bondi Rd", "Military Rd", "King St", "Victoria Rd",
            "Parramatta Rd", "Oxford St", "Marrickville Rd", "Anzac Pde", "Pacific Hwy", "Station St"};
    static final String[] SUBURBS = {"Sydney NSW 2000", "Bondi NSW 2026", "Newtown NSW 2042", "Marrickville NSW 2204",
            "Cabramatta NSW 2166", "Hurstville NSW 2220", "Parramatta NSW 2150", "Chatswood NSW 2067",
            "Manly NSW 2095", "Bankstown NSW 2200"};
    static final String[] CONTACTS = {"Partner", "Husband", "Wife", "Daughter", "Son", "Mother", "Friend"};
    static final String[] CLIENT_NOTES = {"Prefers morning appointments", "Parks at the back", "Hard of hearing, speak clearly",
            "Needs an interpreter (Vietnamese)", "Pays by health fund", "Likes a quiet session"};

    static final String[] CRAMP_SITES = {"calf-left", "calf-right", "calf-left", "calf-right", "foot-left",
            "foot-right", "toes-left", "toes-right", "hamstring-left", "hamstring-right", "thigh-left", "thigh-right",
            "shin-left", "shin-right"};
    static final String[] CONDITIONS = {"diabetes", "peripheral-artery-disease", "kidney-disease", "thyroid-disease",
            "neuropathy", "varicose-veins", "spinal-stenosis", "osteoporosis", "balance-problems", "anaemia",
            "osteoarthritis"};
    static final String[] ROUTINE_RED_FLAGS = {"numbness-tingling", "muscle-weakness", "cramps-when-walking",
            "after-new-medicine"};
    static final String[] CONSENT_ELEMENTS = {"nature", "benefits", "risks", "alternatives", "consequences",
            "right-to-stop"};
    /** description, name, dose, frequency, class. */
    static final String[][] MEDICATIONS = {
            {"Lipitor 20 mg daily", "Lipitor", "20 mg", "daily", "statin"},
            {"atorvastatin 40 mg nightly", "atorvastatin", "40 mg", "nightly", "statin"},
            {"Crestor 10 mg daily", "Crestor", "10 mg", "daily", "statin"},
            {"furosemide 40 mg mornings", "furosemide", "40 mg", "mornings", "diuretic"},
            {"indapamide 2.5 mg daily", "indapamide", "2.5 mg", "daily", "diuretic"},
            {"Eliquis 5 mg bd", "Eliquis", "5 mg", "bd", "anticoagulant"},
            {"metformin 500 mg twice daily", "metformin", "500 mg", "twice daily", "other"},
            {"amlodipine 5 mg daily", "amlodipine", "5 mg", "daily", "other"},
            {"Panadol 1 g as needed", "Panadol", "1 g", "as needed", "other"},
            {"salbutamol 2 puffs as needed", "salbutamol", "2 puffs", "as needed", "other"},
            {"vitamin D 1000 units daily", "vitamin D", "1000 units", "daily", "other"},
            {"magnesium 300 mg nightly", "magnesium", "300 mg", "nightly", "other"},
            {"thyroxine 100 mcg daily", "thyroxine", "100 mcg", "daily", "other"},
            {"fish oil", "fish oil", null, null, "other"},
    };
    /** description, performed, side. */
    static final String[][] SURGERIES = {{"knee arthroscopy 2019 left", "2019", "left"},
            {"hip replacement 2021-03 right", "2021-03", "right"}, {"varicose vein stripping 2015 both", "2015", "both"},
            {"appendectomy", null, null}};
    static final String[] TIMINGS = {"night", "night", "night", "mixed", "exercise", "day"};
    static final String[] TRIGGERS = {"Long walks", "Cold weather", "Standing all day", "After gardening",
            "Pointing the toes in bed", "Swimming"};
    static final String[] SINCE = {"2 years", "6 months", "since pregnancy", "2019", "a few weeks", "10 years"};
    static final String[] OTHER_CONDITIONS = {"Mild asthma", "Hay fever", "Reflux", "Migraine"};
    static final String[] CAFFEINE = {"2 coffees a day", "1 coffee", "Tea only", "None", "3-4 coffees a day"};
    static final String[] ALCOHOL = {"None", "Social", "1-2 glasses of wine most nights", "Weekends only"};
    static final String[] ACTIVITY = {"Walks 30 min daily", "Gym 3 times a week", "Mostly sedentary", "Tennis twice a week",
            "Runs 20 km a week", "Yoga"};
    static final String[] OCCUPATIONS = {"Nurse", "Teacher", "Retail", "Office worker", "Retired", "Chef", "Builder",
            "Student", "Hairdresser", "Bus driver"};
    static final String[] ALLERGIES = {"Nut oils", "Latex", "Lanolin", "Fragrances"};

    static final String[] MODALITIES = {"effleurage", "effleurage", "petrissage", "petrissage", "friction",
            "compression", "trigger-point", "myofascial-release", "deep-tissue", "swedish", "passive-stretching",
            "muscle-energy", "pnf-stretching", "heat", "cupping"};
    static final int[] DURATIONS = {30, 45, 60, 60, 60, 75, 90};
    static final String[] PRESSURES = {"light", "moderate", "moderate", "firm", "deep"};
    static final String[] PRODUCTS = {"Sorbolene", "Arnica oil", "Almond oil", "Magnesium cream", "Unscented balm"};
    static final String[] TEMPLATES = {"nocturnal-calf-cramps", "nocturnal-calf-cramps", "foot-cramps", "general"};
    static final String[] TONE = {"increased", "normal", "slightly increased", "markedly increased", "reduced"};

    static final String[] SUBJECTIVE = {
            "Woke twice with calf cramps this week, both after long days on her feet.",
            "Cramps mostly in the left calf, usually after midnight.",
            "Cramps mostly in the right calf, often when turning over in bed.",
            "Drinking about six glasses of water a day, more than before.",
            "Reports tightness in the hamstrings after long walks.",
            "Started a new exercise class; legs sore for two days afterwards.",
            "Foot cramps when pointing the toes in bed.",
            "Sleeping better since doing the evening stretches.",
            "Works on her feet all day in retail.",
            "Desk job, sits most of the day; calves feel heavy by evening.",
            "No change to medicines since the last visit.",
            "GP reviewed medicines; statin dose unchanged.",
            "Felt lighter in the legs for three days after the last treatment.",
            "Forgot the stretches most nights this fortnight.",
            "Cramp woke him at 3 am and lasted several minutes; calf sore the next day.",
            "Has been using a heat pack on the calves before bed.",
            "Walking the dog every morning again.",
            "Toes curl and cramp during swimming.",
            "Low back stiff after gardening on the weekend.",
            "Feels the cramps are less intense since the last session."};
    static final String[] OBJECTIVE = {
            "Tender trigger points in the medial gastrocnemius and soleus.",
            "No swelling, warmth or redness of either calf.",
            "Hamstring length reduced bilaterally.",
            "Plantar fascia tender at the medial heel.",
            "Tibialis anterior tight on palpation.",
            "Skin intact, no bruising from the last treatment.",
            "Soleus hypertonic, worse on the left.",
            "Achilles tendon non-tender, full range.",
            "Peroneals tender along the lateral lower leg.",
            "Gait normal; mild pronation both feet.",
            "Quadriceps tone normal; hip flexors tight.",
            "Lumbar range of movement full but stiff at end of range."};
    static final String[] ASSESSMENT = {
            "Good response to treatment; tone reduced after effleurage and petrissage.",
            "Cramp frequency improving compared with intake.",
            "Fewer night cramps; sleep disturbance reduced.",
            "Ongoing soleus tightness, likely contributing to night cramps.",
            "Limited progress; stretches not done regularly.",
            "Calf tone settled well with trigger point work.",
            "Tolerated firm pressure well, no adverse reaction.",
            "Hamstring tightness improving with the home stretches.",
            "Symptoms consistent with exercise-associated muscle cramps.",
            "Stable; continue the current plan."};
    static final String[] PLAN = {
            "Continue nightly calf and hamstring stretches before bed, 3 x 10 s holds each.",
            "Hydration as per care plan.",
            "Self-massage of the calves with a rolling pin, 2 minutes each side.",
            "Discussed footwear; trial supportive shoes at work.",
            "Ask GP about the cramps at the next medicines review.",
            "Seated stretches instead of standing ones because of balance.",
            "Warm shower and gentle stretch before bed.",
            "Add a towel stretch for the feet in the morning.",
            "Printed an updated care plan.",
            "Reduce sessions to monthly if improvement continues."};
    /** About 2% of notes carry one of these. */
    static final String[] UNCOMMON = {
            "Mentions restless legs in the evening as well as cramps.",
            "Hallux valgus on the right foot, shoes rubbing.",
            "Recent flight from Europe; advised to keep moving on long trips.",
            "Pregnancy ruled out; cramps began after starting a diuretic.",
            "Uses a standing desk now for half the day.",
            "Baker's cyst behind the left knee noted by GP, stable."};
    /** About 1 note in 2,500 carries one of these: each is in about 1 note in 10,000. */
    static final String[] RARE = {
            "Chilblains on the toes this winter; advised to keep the feet warm.",
            "Recently returned from a trek in Patagonia; calves very tight.",
            "Tarsal tunnel symptoms ruled out by the podiatrist.",
            "Mentions a family history of McArdle disease; GP to follow up."};
    static final String[] ADDENDA = {
            "Client phoned: no bruising after treatment.",
            "Correction: the cramps were in the left calf, not the right.",
            "GP letter received: cleared for massage, no restrictions.",
            "Client emailed: cramps settled for a week after the session.",
            "Late entry: advised to stop any stretch that causes pain.",
            "Client reported mild soreness the next day, resolved within 24 hours."};
}
