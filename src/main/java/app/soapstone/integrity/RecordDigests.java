package app.soapstone.integrity;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The SHA-256 of a final record's content, read straight from the database: every column of the
 * record and of its lists (a note's modalities and areas, an intake's sites, medicines...), written
 * out in a fixed order and form so that the same content always gives the same hash.
 *
 * <p>Columns added to a table after its records were first chained ({@link #LATER_SESSION_COLUMNS})
 * are hashed only when set: a line {@code name=value} after the original columns, none for NULL. A
 * record linked before such a column existed has it NULL, so its link still verifies, while a value
 * set on a final record later - or removed from one made with it - changes the hash. Rows are read
 * with {@code SELECT *}, so a database or backup from before a column was added hashes the same way,
 * the column simply absent.
 *
 * <p>Signed notes and addenda have been chained since schema version 5 and keep the form they had
 * then; intakes, clearances, care plans given and audit events since version 13.
 */
@Component
public class RecordDigests {

    static final List<String> SESSION_COLUMNS = List.of("id", "client_id", "practitioner_id", "intake_id", "started_at",
            "duration_minutes", "pressure", "products", "pain_before", "pain_after", "cramps_per_week", "cramp_severity",
            "sleep_disturbance", "subjective", "objective", "assessment", "plan", "template", "screening_shown",
            "warnings_shown", "override_reason", "created_at", "signed_at", "signed_by");
    /** Added after the chain began; hashed only when not NULL, so older links stay valid. Append only. */
    static final List<String> LATER_SESSION_COLUMNS = List.of("home_massage_minutes", "diagnosis_codes",
            "procedure_minutes");
    static final List<String> ADDENDUM_COLUMNS = List.of("id", "session_id", "practitioner_id", "written_at", "text");
    static final List<String> INTAKE_COLUMNS = List.of("id", "client_id", "version", "taken_on", "recorded_at",
            "practitioner_id", "cramp_frequency_per_week", "cramp_frequency_given", "cramp_severity",
            "cramp_duration_minutes", "cramp_timing", "cramp_sleep_disturbance", "cramp_triggers", "cramp_since",
            "other_conditions", "water_glasses", "water_litres", "caffeine", "alcohol", "activity", "occupation",
            "allergies", "consent_date", "consent_given_by");
    static final List<String> CLEARANCE_COLUMNS = List.of("id", "intake_id", "cleared_on", "note", "practitioner_id",
            "recorded_at");
    static final List<String> CARE_PLAN_COLUMNS = List.of("id", "client_id", "session_id", "exported_at", "file_name",
            "sha256", "paper", "kind", "adaptations", "large_print", "printer");
    static final List<String> AUDIT_COLUMNS = List.of("id", "at", "practitioner_id", "action", "record_type",
            "record_id", "client_id", "summary");
    static final List<String> RECEIPT_COLUMNS = List.of("id", "number", "session_id", "client_id", "practitioner_id",
            "service_id", "visit_date", "client_name", "practitioner_name", "practitioner_credentials",
            "registration_number", "tax_number", "service_name", "minutes", "currency", "fee_minor", "tax_name",
            "tax_rate", "tax_minor", "total_minor", "issued_at");
    static final List<String> RECEIPT_VOID_COLUMNS = List.of("id", "receipt_id", "voided_at", "reason");
    static final List<String> PAYMENT_COLUMNS = List.of("id", "receipt_id", "kind", "amount_minor", "method", "payer",
            "note", "paid_at");
    /** The login that wrote the event, on PostgreSQL (version 20); hashed only when set. Append only. */
    static final List<String> LATER_AUDIT_COLUMNS = List.of("login");

    /**
     * A list that belongs to a record, in its own table: {@code joined}, all values on one line
     * separated by commas (a note's modalities and areas, as chained since version 5); otherwise a
     * line for each field of each row, {@code name[position].field=value}.
     */
    private record Part(String name, String table, String parent, List<String> fields, boolean joined,
            List<String> later) {

        Part(String name, String table, String parent, List<String> fields, boolean joined) {
            this(name, table, parent, fields, joined, List.of());
        }
    }

    /** What of a record is hashed. */
    private record Shape(FinalRecord kind, List<String> columns, List<String> later, List<Part> parts,
            byte[][] columnNames, byte[][] laterNames) {

        Shape(FinalRecord kind, List<String> columns, List<String> later, List<Part> parts) {
            this(kind, columns, later, parts, names(columns), names(later));
        }

        /** {@code column=} for each column, as the canonical text writes it. */
        private static byte[][] names(List<String> columns) {
            return columns.stream().map(c -> (c + "=").getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        }
    }

    private static final Map<FinalRecord, Shape> SHAPES = shapes();

    /** One row of a record's list: its position and its fields' values, in the order the list names them. */
    public record Item(long position, Object... values) {
    }

    private final DataSource dataSource;

    public RecordDigests(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The content hash of a record, or empty if the record does not exist. */
    public Optional<String> digest(String type, long id) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return digest(connection, FinalRecord.require(type), id);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read " + type + " " + id + ": " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** {@link #digest(String, long)} on a connection of one's own (a migration, a backup). */
    static Optional<String> digest(Connection connection, FinalRecord kind, long id) throws SQLException {
        String[] found = new String[1];
        scan(connection, kind, id, id, (recordId, isFinal, digest) -> found[0] = HexFormat.of().formatHex(digest));
        return Optional.ofNullable(found[0]);
    }

    /** What {@link #scan} hands over for each record. */
    interface Scanned {
        /** {@code isFinal}: always, but for a note not (or no longer) signed. */
        void record(long id, boolean isFinal, byte[] digest) throws SQLException;
    }

    /**
     * Every record of {@code kind} with an id from {@code first} to {@code last}, in id order, with
     * its content hash: one query for the table and one for each of its lists, read side by side,
     * whatever the number of records. Text is hashed as the UTF-8 the database holds, without
     * making Java strings of it: a clinic's whole record is read in seconds.
     */
    static void scan(Connection connection, FinalRecord kind, long first, long last, Scanned scanned)
            throws SQLException {
        Shape shape = SHAPES.get(kind);
        boolean postgres = Catalog.onPostgres(connection);
        List<PartCursor> parts = new ArrayList<>();
        try (PreparedStatement parent = connection.prepareStatement("SELECT * FROM " + kind.table()
                + " WHERE id BETWEEN ? AND ? ORDER BY id")) {
            for (Part part : shape.parts()) {
                parts.add(new PartCursor(connection, part, first, last, postgres));
            }
            parent.setLong(1, first);
            parent.setLong(2, last);
            MessageDigest sha = sha256();
            Canonical text = new Canonical();
            try (ResultSet rows = parent.executeQuery()) {
                Columns columns = new Columns(rows.getMetaData(), shape, postgres);
                int signedAt = kind == FinalRecord.SESSION ? columns.index("signed_at") : 0;
                int idColumn = columns.index("id");
                Object[] values = new Object[shape.columns().size()];
                Object[] later = new Object[shape.later().size()];
                List<List<Item>> items = new ArrayList<>(parts.size());
                while (rows.next()) {
                    long id = rows.getLong(idColumn);
                    columns.read(rows, values, later);
                    items.clear();
                    for (PartCursor part : parts) {
                        items.add(part.itemsOf(id));
                    }
                    text.write(shape, values, later, items);
                    boolean isFinal = kind != FinalRecord.SESSION || rows.getBytes(signedAt) != null;
                    scanned.record(id, isFinal, text.digest(sha));
                }
            }
        } finally {
            for (PartCursor part : parts) {
                part.close();
            }
        }
    }

    /**
     * How a column's value is read into the canonical text. On SQLite: REAL columns as Java numbers
     * (their text is Java's, as it has been since the chain began), the others as the bytes the
     * database holds - for whole numbers, the same digits Java would write. On PostgreSQL the same
     * text from typed values, for the driver's bytes are not it: whole numbers as their digits (a
     * prepared statement's bigint comes over in binary), a flag as SQLite holds it ({@code 1} or
     * {@code 0}, not {@code t}), text as its UTF-8.
     */
    private enum Read {
        BYTES, NUMBER, WHOLE, FLAG, TEXT;

        private static final byte[] ONE = {'1'};
        private static final byte[] ZERO = {'0'};

        /** How column {@code index} of {@code metadata} is read, on PostgreSQL or on SQLite. */
        static Read of(ResultSetMetaData metadata, int index, boolean postgres) throws SQLException {
            String type = String.valueOf(metadata.getColumnTypeName(index)).toUpperCase(Locale.ROOT);
            if (type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB")) {
                return NUMBER;
            }
            if (!postgres) {
                return BYTES;
            }
            return switch (type) {
                case "INT2", "INT4", "INT8", "SERIAL", "BIGSERIAL", "NUMERIC" -> WHOLE;
                case "BOOL" -> FLAG;
                default -> TEXT;
            };
        }

        Object value(ResultSet rows, int index) throws SQLException {
            return switch (this) {
                case BYTES -> rows.getBytes(index);
                case NUMBER -> rows.getObject(index);
                case WHOLE -> {
                    String digits = rows.getString(index);
                    yield digits == null ? null : digits.getBytes(StandardCharsets.US_ASCII);
                }
                case FLAG -> {
                    boolean flag = rows.getBoolean(index);
                    yield rows.wasNull() ? null : flag ? ONE : ZERO;
                }
                case TEXT -> {
                    String text = rows.getString(index);
                    yield text == null ? null : text.getBytes(StandardCharsets.UTF_8);
                }
            };
        }
    }

    /** Where a shape's columns are in a result set, and how each is read ({@link Read}). */
    private static final class Columns {

        private final Map<String, Integer> indexes = new HashMap<>();
        private final Map<String, Read> reads = new HashMap<>();
        private final int[] columns;
        private final Read[] columnsRead;
        private final int[] later;
        private final Read[] laterRead;

        Columns(ResultSetMetaData metadata, Shape shape, boolean postgres) throws SQLException {
            for (int i = 1; i <= metadata.getColumnCount(); i++) {
                String name = metadata.getColumnName(i).toLowerCase(Locale.ROOT);
                indexes.put(name, i);
                reads.put(name, Read.of(metadata, i, postgres));
            }
            columns = shape.columns().stream().mapToInt(this::index).toArray();
            columnsRead = shape.columns().stream().map(c -> reads.getOrDefault(c, Read.BYTES)).toArray(Read[]::new);
            later = shape.later().stream().mapToInt(this::index).toArray();
            laterRead = shape.later().stream().map(c -> reads.getOrDefault(c, Read.BYTES)).toArray(Read[]::new);
        }

        /** The column's index, or 0 if the table has no such column (a database from before it). */
        int index(String column) {
            return indexes.getOrDefault(column, 0);
        }

        void read(ResultSet rows, Object[] values, Object[] laterValues) throws SQLException {
            for (int i = 0; i < columns.length; i++) {
                values[i] = columns[i] == 0 ? null : columnsRead[i].value(rows, columns[i]);
            }
            for (int i = 0; i < later.length; i++) {
                laterValues[i] = later[i] == 0 ? null : laterRead[i].value(rows, later[i]);
            }
        }
    }

    /** The rows of one list of every record in a range, read in step with the records. */
    private static final class PartCursor implements AutoCloseable {

        private final Part part;
        private final PreparedStatement statement;
        private final ResultSet rows;
        private final Read[] reads;
        private boolean more;
        private long parent;

        PartCursor(Connection connection, Part part, long first, long last, boolean postgres) throws SQLException {
            this.part = part;
            // A field added later is read where the table has it (not in a backup from before it).
            List<String> columns = new ArrayList<>(part.fields());
            for (String later : part.later()) {
                columns.add(Catalog.hasColumn(connection, part.table(), later) ? later : "NULL");
            }
            this.statement = connection.prepareStatement("SELECT " + part.parent() + ", position, "
                    + String.join(", ", columns) + " FROM " + part.table() + " WHERE " + part.parent()
                    + " BETWEEN ? AND ? ORDER BY " + part.parent() + ", position");
            statement.setLong(1, first);
            statement.setLong(2, last);
            this.rows = statement.executeQuery();
            this.reads = new Read[columns.size()];
            for (int i = 0; i < reads.length; i++) {
                // SQLite's list fields are all text, hashed as the bytes it holds since the chain began.
                reads[i] = postgres ? Read.of(rows.getMetaData(), 3 + i, true) : Read.BYTES;
            }
            advance();
        }

        private void advance() throws SQLException {
            more = rows.next();
            parent = more ? rows.getLong(1) : Long.MAX_VALUE;
        }

        /** The rows of record {@code id}, which must come after every record asked for before. */
        List<Item> itemsOf(long id) throws SQLException {
            while (more && parent < id) {
                advance();
            }
            if (!more || parent != id) {
                return List.of();
            }
            List<Item> items = new ArrayList<>(4);
            while (more && parent == id) {
                Object[] values = new Object[part.fields().size() + part.later().size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = reads[i].value(rows, 3 + i);
                }
                items.add(new Item(part.joined() ? 0 : rows.getLong(2), values));
                advance();
            }
            return items;
        }

        @Override
        public void close() throws SQLException {
            try {
                rows.close();
            } finally {
                statement.close();
            }
        }
    }

    /**
     * The content hash of a signed note from its columns, as the database returns them (text,
     * Integer, Long or Double; absent or null for NULL), and its modalities and areas in order.
     */
    public static String sessionHash(Map<String, ?> row, List<String> modalities, List<String> areas) {
        Map<String, List<Item>> items = new HashMap<>();
        items.put("modalities", modalities.stream().map(m -> new Item(0, m)).toList());
        items.put("areas", areas.stream().map(a -> new Item(0, a)).toList());
        return hash(FinalRecord.SESSION, row, items);
    }

    /** The content hash of an addendum from its columns, as the database returns them. */
    public static String addendumHash(Map<String, ?> row) {
        return hash(FinalRecord.ADDENDUM, row, Map.of());
    }

    /**
     * The content hash of a record of {@code kind} from its columns, as the database returns them,
     * and its lists by name (an intake's {@code site}, {@code condition}, {@code red_flag},
     * {@code consent_element}, {@code medication} and {@code surgery}; a note's {@code modalities}
     * and {@code areas}), each row's fields in the order of its table's columns.
     */
    public static String hash(FinalRecord kind, Map<String, ?> row, Map<String, List<Item>> lists) {
        Shape shape = SHAPES.get(kind);
        Object[] values = shape.columns().stream().map(row::get).toArray();
        Object[] later = shape.later().stream().map(row::get).toArray();
        List<List<Item>> items = shape.parts().stream().map(part -> lists.getOrDefault(part.name(), List.of())).toList();
        Canonical text = new Canonical();
        text.write(shape, values, later, items);
        return HexFormat.of().formatHex(text.digest(sha256()));
    }

    /** The hash of a chain link: the previous link's hash, what the record is, and its content. */
    public static String linkHash(String previousHash, String type, long id, String contentHash) {
        return sha256(linkText(previousHash, type, id, contentHash));
    }

    /** What a link's hash (or, with the clinic's key, its HMAC) is computed over. */
    static String linkText(String previousHash, String type, long id, String contentHash) {
        return previousHash + "\n" + type + "\n" + id + "\n" + contentHash;
    }

    /**
     * The canonical text of a record, as UTF-8: a line {@code column=value} for each column ({@code \0}
     * for NULL), a line for each later column that is set, then its lists; in a value, a backslash,
     * a line feed and a carriage return are written {@code \\}, {@code \n} and {@code \r}.
     * A value is the bytes of a text (as the database holds it) or a Java number or string; the two
     * give the same bytes for the same value. One buffer, used again for every record.
     */
    private static final class Canonical {

        private byte[] buffer = new byte[4096];
        private int length;

        void write(Shape shape, Object[] values, Object[] later, List<List<Item>> items) {
            length = 0;
            for (int i = 0; i < values.length; i++) {
                raw(shape.columnNames()[i]);
                value(values[i]);
                add((byte) '\n');
            }
            for (int i = 0; i < later.length; i++) {
                if (later[i] != null) {
                    raw(shape.laterNames()[i]);
                    value(later[i]);
                    add((byte) '\n');
                }
            }
            for (int p = 0; p < shape.parts().size(); p++) {
                Part part = shape.parts().get(p);
                List<Item> rows = items.get(p);
                if (part.joined()) {
                    name(part.name());
                    for (int r = 0; r < rows.size(); r++) {
                        if (r > 0) {
                            add((byte) ',');
                        }
                        value(rows.get(r).values()[0]);
                    }
                    add((byte) '\n');
                    continue;
                }
                for (Item row : rows) {
                    for (int f = 0; f < part.fields().size(); f++) {
                        name(part.name() + "[" + row.position() + "]"
                                + (part.fields().size() > 1 ? "." + part.fields().get(f) : ""));
                        value(row.values()[f]);
                        add((byte) '\n');
                    }
                    // Fields added later only when set, so rows written before them hash as they did.
                    for (int f = 0; f < part.later().size(); f++) {
                        int at = part.fields().size() + f;
                        if (at < row.values().length && row.values()[at] != null) {
                            name(part.name() + "[" + row.position() + "]." + part.later().get(f));
                            value(row.values()[at]);
                            add((byte) '\n');
                        }
                    }
                }
            }
        }

        byte[] digest(MessageDigest sha) {
            sha.update(buffer, 0, length);
            return sha.digest();
        }

        /** {@code name=} */
        private void name(String name) {
            raw((name + "=").getBytes(StandardCharsets.UTF_8));
        }

        private void raw(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buffer, length, bytes.length);
            length += bytes.length;
        }

        private void value(Object value) {
            if (value == null) {
                ensure(2);
                buffer[length++] = '\\';
                buffer[length++] = '0';
                return;
            }
            // A flag as SQLite holds it, whichever database a caller's row came from.
            byte[] bytes = value instanceof byte[] raw ? raw
                    : value instanceof Boolean flag ? (flag ? Read.ONE : Read.ZERO)
                    : value.toString().getBytes(StandardCharsets.UTF_8);
            ensure(bytes.length * 2);
            for (byte b : bytes) {
                switch (b) {
                    case '\\' -> {
                        buffer[length++] = '\\';
                        buffer[length++] = '\\';
                    }
                    case '\n' -> {
                        buffer[length++] = '\\';
                        buffer[length++] = 'n';
                    }
                    case '\r' -> {
                        buffer[length++] = '\\';
                        buffer[length++] = 'r';
                    }
                    default -> buffer[length++] = b;
                }
            }
        }

        private void add(byte b) {
            ensure(1);
            buffer[length++] = b;
        }

        private void ensure(int more) {
            if (length + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
            }
        }
    }

    static String sha256(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<FinalRecord, Shape> shapes() {
        Map<FinalRecord, Shape> shapes = new EnumMap<>(FinalRecord.class);
        shapes.put(FinalRecord.SESSION, new Shape(FinalRecord.SESSION, SESSION_COLUMNS, LATER_SESSION_COLUMNS, List.of(
                new Part("modalities", "session_modality", "session_id", List.of("modality"), true),
                new Part("areas", "session_area", "session_id", List.of("site"), true))));
        shapes.put(FinalRecord.ADDENDUM, new Shape(FinalRecord.ADDENDUM, ADDENDUM_COLUMNS, List.of(), List.of()));
        shapes.put(FinalRecord.INTAKE, new Shape(FinalRecord.INTAKE, INTAKE_COLUMNS, List.of(), List.of(
                new Part("site", "intake_site", "intake_id", List.of("site"), false),
                new Part("condition", "intake_condition", "intake_id", List.of("condition"), false),
                new Part("red_flag", "intake_red_flag", "intake_id", List.of("red_flag"), false),
                new Part("consent_element", "intake_consent_element", "intake_id", List.of("element"), false),
                new Part("medication", "intake_medication", "intake_id",
                        List.of("description", "name", "dose", "frequency"), false, List.of("confirmed_as")),
                new Part("surgery", "intake_surgery", "intake_id", List.of("description", "performed", "side"), false))));
        shapes.put(FinalRecord.CLEARANCE, new Shape(FinalRecord.CLEARANCE, CLEARANCE_COLUMNS, List.of(), List.of()));
        shapes.put(FinalRecord.CARE_PLAN, new Shape(FinalRecord.CARE_PLAN, CARE_PLAN_COLUMNS, List.of(), List.of()));
        shapes.put(FinalRecord.AUDIT, new Shape(FinalRecord.AUDIT, AUDIT_COLUMNS, LATER_AUDIT_COLUMNS, List.of()));
        shapes.put(FinalRecord.RECEIPT, new Shape(FinalRecord.RECEIPT, RECEIPT_COLUMNS, List.of(), List.of()));
        shapes.put(FinalRecord.RECEIPT_VOID, new Shape(FinalRecord.RECEIPT_VOID, RECEIPT_VOID_COLUMNS, List.of(),
                List.of()));
        shapes.put(FinalRecord.PAYMENT, new Shape(FinalRecord.PAYMENT, PAYMENT_COLUMNS, List.of(), List.of()));
        return shapes;
    }

    /** The columns of a record of {@code kind} that are hashed, including those added later. */
    static List<String> columns(FinalRecord kind) {
        Shape shape = SHAPES.get(kind);
        List<String> columns = new ArrayList<>(shape.columns());
        columns.addAll(shape.later());
        return columns;
    }

    /** The tables of a record's lists, each with every column hashed: the parent's id, position and fields. */
    static Map<String, List<String>> listTables(FinalRecord kind) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (Part part : SHAPES.get(kind).parts()) {
            List<String> columns = new ArrayList<>(List.of(part.parent(), "position"));
            columns.addAll(part.fields());
            columns.addAll(part.later());
            tables.put(part.table(), columns);
        }
        return tables;
    }

    /** The lists of a record of {@code kind}, by name, each with its fields: for whoever hashes records outside. */
    public static Map<String, List<String>> lists(FinalRecord kind) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        SHAPES.get(kind).parts().forEach(part -> {
            List<String> fields = new ArrayList<>(part.fields());
            fields.addAll(part.later());
            lists.put(part.name(), List.copyOf(fields));
        });
        return lists;
    }
}
