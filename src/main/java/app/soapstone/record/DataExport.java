package app.soapstone.record;

import app.soapstone.integrity.AuditTrail;
import app.soapstone.storage.DataLocation;
import app.soapstone.storage.FileErrors;
import app.soapstone.storage.PrivateFiles;
import app.soapstone.validation.ConflictException;
import app.soapstone.validation.InvalidInputException;
import app.soapstone.validation.SpreadsheetFormulas;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything in the database, in open formats a practice can take anywhere: one UTF-8 CSV per
 * table with a README describing the columns, and one JSON file per client holding their whole
 * record.
 */
@Service
public class DataExport {

    /** What each table holds, for the README. */
    private static final Map<String, String> TABLES = Map.ofEntries(
            Map.entry("client", "Clients: contact details and date of birth; archived_at is set for archived clients."),
            Map.entry("clinic", "The clinic's details (one row)."),
            Map.entry("practitioner", "Practitioners; is_default marks the default one."),
            Map.entry("practitioner_hours", "Practitioners' working hours: one row per range of a day (day_of_week 1 ="
                    + " Monday ... 7 = Sunday; starts and ends are local times in the clinic's time zone)."),
            Map.entry("appointment", "The appointment book: client, practitioner, start and end (UTC instants; time_zone"
                    + " is the clinic's zone they were booked in), status (BOOKED, CANCELLED with cancel_reason, NO_SHOW,"
                    + " DONE), the service it is for (service_id, may be empty) and the front desk's note. Cancelled and"
                    + " missed appointments are kept."),
            Map.entry("service", "Services the clinic offers: name and usual length in minutes; retired_at is set for"
                    + " those no longer offered (kept, as appointments name them); price_minor is the price in the"
                    + " minor unit (cents) of price_currency, tax_rate a percentage named tax_name."),
            Map.entry("intake", "Intake forms, one row per dated version; cramp_frequency_per_week is the weekly figure."),
            Map.entry("intake_site", "Cramp sites of each intake (body site ids)."),
            Map.entry("intake_condition", "Conditions ticked on each intake."),
            Map.entry("intake_red_flag", "Red-flag symptoms recorded on each intake."),
            Map.entry("intake_consent_element", "Consent elements recorded as explained on each intake."),
            Map.entry("intake_medication", "Medicines on each intake, as written, with name, dose and frequency read from them;"
                    + " confirmed_as is the catalogue name the therapist confirmed an unrecognised one as."),
            Map.entry("intake_surgery", "Surgeries on each intake, with year or date and side."),
            Map.entry("intake_clearance", "Medical clearances of urgent referrals."),
            Map.entry("session", "Treatment sessions and their SOAP notes; signed_at/signed_by are set once signed (final)."),
            Map.entry("session_modality", "Modalities used in each session."),
            Map.entry("session_area", "Areas treated in each session (body site ids)."),
            Map.entry("addendum", "Dated addenda to signed notes."),
            Map.entry("care_plan_export", "Care plans (or see-a-doctor sheets) given to clients: file name ('(printed"
                    + " only, no file)' if only printed), printer (if printed), SHA-256, and what the screening changed"
                    + " on each (adaptations, one per line)."),
            Map.entry("receipt", "Receipts as issued, final: the clinic's number (1, 2, 3... with no gap), the session"
                    + " and visit date, the client's and therapist's names, credentials, registration and tax numbers as"
                    + " they were, the service and its minutes; fee_minor, tax_minor and total_minor are amounts in the"
                    + " minor unit (cents) of currency, tax_rate a percentage named tax_name."),
            Map.entry("receipt_void", "Voids of receipts issued in error: when and why (a voided receipt is kept)."),
            Map.entry("receipt_payment", "Each receipt's ledger, final: kind is payment, refund, or moved-out/moved-in"
                    + " (what was paid on a voided receipt carried to the one issued in its place, not income);"
                    + " amount_minor in the receipt's currency; method, payer (when not the client) and a note."),
            Map.entry("audit_event", "The audit trail: who did what to which record, and when."),
            Map.entry("record_chain", "Tamper evidence: a SHA-256 chain (or HMAC under the clinic's key) over every"
                    + " final record: signed notes, addenda, intakes, clearances, care plans, audit events, receipts,"
                    + " voids and payments."),
            Map.entry("flyway_schema_history", "The schema migrations applied to this database."));

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final DataLocation location;
    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    DataExport(JdbcClient jdbc, AuditTrail audit, DataLocation location) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.location = location;
    }

    /** The folder written and how many tables and clients it holds. */
    public record Exported(Path folder, int tables, int clients) {
    }

    /**
     * Writes everything to {@code to}, which must not exist or be empty; all read in one consistent
     * snapshot, and written to a part folder that becomes {@code to} only once it is complete.
     */
    @Transactional
    public Exported export(String to) {
        Path folder = Path.of(to.strip()).toAbsolutePath().normalize();
        prepare(folder);
        Path part = PrivateFiles.createTempFolder("to", folder);
        List<String> tables = tables();
        StringBuilder readme = new StringBuilder("""
                # Soapstone data export

                Every table of the practice database as a UTF-8 CSV file with a header row, and the whole
                record of each client as JSON in clients/. Dates are YYYY-MM-DD, times are local
                YYYY-MM-DDTHH:MM, instants are UTC (ending in Z). Every value in the CSV files is in
                double quotes (a double quote inside it doubled); a field left empty, without quotes,
                means no value.

                Cells a spreadsheet would run as a formula: a text value starting with =, +, -, @, a
                tab or a carriage return is written with a single quote (') before it, as OWASP
                recommends against CSV injection, so that a spreadsheet shows it as text instead of
                running it: the phone number +61 412 345 678 is written '+61 412 345 678. So is a
                value that starts with single quotes and then one of those characters. Numbers are
                written as they are. `client import` takes that quote off again, so the columns of
                client.csv it knows import back exactly as they were stored. The JSON files in
                clients/ hold every value exactly as stored: JSON is not opened as a spreadsheet.

                """);
        try {
            for (String table : tables) {
                List<Map<String, Object>> columns = columns(table);
                List<String> names = columns.stream().map(c -> (String) c.get("name")).toList();
                write(part.resolve(table + ".csv"), csv(table, names));
                readme.append("## ").append(table).append(".csv\n\n")
                        .append(TABLES.getOrDefault(table, "")).append("\n\n");
                columns.forEach(c -> readme.append("- `").append(c.get("name")).append("` ")
                        .append(String.valueOf(c.get("type")).toLowerCase(Locale.ROOT)).append('\n'));
                readme.append('\n');
            }
            write(part.resolve("README.md"), readme.toString());
            Path clients = part.resolve("clients");
            PrivateFiles.createFolder(clients);
            List<Long> ids = jdbc.sql("SELECT id FROM client ORDER BY id").query(Long.class).list();
            for (long id : ids) {
                write(clients.resolve(id + ".json"), json.writeValueAsString(clientRecord(id)));
            }
            audit.record("export", "database", null, null, "Exported all data (" + tables.size() + " tables, "
                    + ids.size() + " clients) to " + folder);
            Files.deleteIfExists(folder); // empty, or prepare would have refused it
            PrivateFiles.moveIntoPlace(part, folder);
            return new Exported(folder, tables.size(), ids.size());
        } catch (IOException e) {
            throw PrivateFiles.cannotWrite("to", folder, e);
        } finally {
            PrivateFiles.discardTemp(part);
        }
    }

    /**
     * The tables holding the practice's data, by name (in code-point order on both databases): all but
     * the database's own and the note search index, which is made from the notes and addenda, and on
     * PostgreSQL the audit trail's count of its events (V019), which is its last id.
     */
    private List<String> tables() {
        if (location.onPostgres()) {
            return jdbc.sql("""
                            SELECT tablename FROM pg_tables WHERE schemaname = current_schema()
                            AND tablename NOT LIKE 'note_search%' AND tablename <> 'audit_event_last_id'
                            ORDER BY tablename COLLATE "C"
                            """)
                    .query(String.class).list();
        }
        return jdbc.sql("""
                        SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                        AND name NOT LIKE 'note_search%' ORDER BY name""")
                .query(String.class).list();
    }

    /** A table's columns in their order: each one's name and declared type. */
    private List<Map<String, Object>> columns(String table) {
        if (location.onPostgres()) {
            return jdbc.sql("""
                            SELECT column_name AS name, data_type AS type FROM information_schema.columns
                            WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position""")
                    .param(table).query().listOfRows();
        }
        return jdbc.sql("SELECT name, type FROM pragma_table_info(?)").param(table).query().listOfRows();
    }

    /**
     * The order a table's rows are written in: SQLite's rowid (the id, or the order rows were
     * added); PostgreSQL has none, so its primary key, which is the id or (parent, position).
     */
    private String rowOrder(String table) {
        if (!location.onPostgres()) {
            return "rowid";
        }
        List<String> key = jdbc.sql("""
                        SELECT quote_ident(a.attname) FROM pg_index i
                        CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, n)
                        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                        WHERE i.indrelid = to_regclass(quote_ident(?)) AND i.indisprimary ORDER BY k.n""")
                .param(table).query(String.class).list();
        if (key.isEmpty()) {
            throw new IllegalStateException("the table " + table + " has no primary key to order its rows by");
        }
        return String.join(", ", key);
    }

    /**
     * A client's whole record: details, intakes with their lists, sessions with addenda, appointments,
     * receipts with their voids and payments, care plans, audit.
     */
    Map<String, Object> clientRecord(long id) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("client", rows("SELECT * FROM client WHERE id = ?", id).get(0));
        List<Map<String, Object>> intakes = rows("SELECT * FROM intake WHERE client_id = ? ORDER BY version", id);
        for (Map<String, Object> intake : intakes) {
            long intakeId = ((Number) intake.get("id")).longValue();
            for (String child : List.of("intake_site", "intake_condition", "intake_red_flag", "intake_consent_element",
                    "intake_medication", "intake_surgery")) {
                intake.put(child.substring("intake_".length()) + "s",
                        rows("SELECT * FROM " + child + " WHERE intake_id = ? ORDER BY position", intakeId));
            }
            intake.put("clearances", rows("SELECT * FROM intake_clearance WHERE intake_id = ? ORDER BY id", intakeId));
        }
        record.put("intakes", intakes);
        List<Map<String, Object>> sessions = rows("SELECT * FROM session WHERE client_id = ? ORDER BY started_at, id", id);
        for (Map<String, Object> session : sessions) {
            long sessionId = ((Number) session.get("id")).longValue();
            session.put("modalities", rows("SELECT modality FROM session_modality WHERE session_id = ? ORDER BY position",
                    sessionId).stream().map(r -> r.get("modality")).toList());
            session.put("areas", rows("SELECT site FROM session_area WHERE session_id = ? ORDER BY position", sessionId)
                    .stream().map(r -> r.get("site")).toList());
            session.put("addenda", rows("SELECT * FROM addendum WHERE session_id = ? ORDER BY id", sessionId));
        }
        record.put("sessions", sessions);
        // Attended, cancelled (with the reason), missed and booked: the visits as the book has them.
        record.put("appointments", rows("SELECT * FROM appointment WHERE client_id = ? ORDER BY starts_at, id", id));
        // Each receipt as issued, its void (null while it is in force) and its ledger in the order written.
        List<Map<String, Object>> receipts = rows("SELECT * FROM receipt WHERE client_id = ? ORDER BY number", id);
        for (Map<String, Object> receipt : receipts) {
            long receiptId = ((Number) receipt.get("id")).longValue();
            receipt.put("void", rows("SELECT * FROM receipt_void WHERE receipt_id = ?", receiptId).stream().findFirst()
                    .orElse(null));
            receipt.put("payments", rows("SELECT * FROM receipt_payment WHERE receipt_id = ? ORDER BY id", receiptId));
        }
        record.put("receipts", receipts);
        record.put("care_plans", rows("SELECT * FROM care_plan_export WHERE client_id = ? ORDER BY id", id));
        record.put("audit", rows("SELECT * FROM audit_event WHERE client_id = ? ORDER BY id", id));
        return record;
    }

    private List<Map<String, Object>> rows(String sql, long id) {
        return jdbc.sql(sql).param(id).query().listOfRows().stream()
                .map(row -> (Map<String, Object>) new LinkedHashMap<>(row)).toList();
    }

    private String csv(String table, List<String> columns) throws IOException {
        StringWriter out = new StringWriter();
        // Every value quoted, as OWASP recommends, so that no separator or quote inside one starts a new cell.
        try (CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new))
                .setQuoteMode(QuoteMode.ALL_NON_NULL).get().print(out)) {
            jdbc.sql("SELECT * FROM \"" + table + "\" ORDER BY " + rowOrder(table)).query(row -> {
                try {
                    for (int i = 1; i <= columns.size(); i++) {
                        Object value = row.getObject(i);
                        printer.print(value instanceof String text ? SpreadsheetFormulas.neutralised(text) : value);
                    }
                    printer.println();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return out.toString();
    }

    private static void prepare(Path folder) {
        try {
            if (Files.exists(folder)) {
                if (!Files.isDirectory(folder)) {
                    throw InvalidInputException.forField("to", folder + " is a file, not a folder");
                }
                try (var entries = Files.list(folder)) {
                    if (entries.findAny().isPresent()) {
                        throw new ConflictException(folder + " is not empty; export into a new or empty folder");
                    }
                }
            } else if (folder.getParent() == null || !Files.isDirectory(folder.getParent())) {
                throw InvalidInputException.forField("to", "the folder " + folder.getParent() + " does not exist");
            }
        } catch (IOException e) {
            throw InvalidInputException.forField("to", "cannot create " + folder + " (" + FileErrors.describe(e) + ")");
        }
    }

    private static void write(Path file, String text) throws IOException {
        PrivateFiles.writeNew(file, text.getBytes(StandardCharsets.UTF_8));
    }
}
