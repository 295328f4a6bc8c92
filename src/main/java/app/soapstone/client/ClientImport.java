package app.soapstone.client;

import app.soapstone.integrity.AuditTrail;
import app.soapstone.storage.FileErrors;
import app.soapstone.validation.Fields;
import app.soapstone.validation.InvalidInputException;
import app.soapstone.validation.PlainText;
import app.soapstone.validation.SpreadsheetFormulas;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports clients from a CSV file with a header row (first_name, last_name, dob, phone, email...
 * in any order). Every row is checked with the same rules as {@code client add}; bad rows are
 * reported by line number. Nothing is imported if any row is bad unless asked to skip them, and
 * the good rows go in one transaction.
 *
 * <p>A name or email that a spreadsheet would run as a formula is refused unless asked for (see
 * {@link SpreadsheetFormulas}): the names go on every list and printout, and back out into the
 * next spreadsheet. A phone number may start with + or -, and its strict format leaves no room for
 * a formula; free text (address, notes) is kept as written. The quote Soapstone's export puts
 * before such cells is taken off first.
 */
@Service
public class ClientImport {

    /** CSV column names (and common spellings) for each client field. */
    private static final Map<String, String> COLUMNS = columns();
    /** The fields where a formula is refused unless --allow-formulas. */
    private static final List<String> NO_FORMULAS = List.of("first-name", "last-name", "preferred-name", "print-name",
            "email");

    private final ClientService clients;
    private final AuditTrail audit;

    ClientImport(ClientService clients, AuditTrail audit) {
        this.clients = clients;
        this.audit = audit;
    }

    /** How an import went: the clients added and the rows refused, by line. */
    public record Result(int imported, List<String> refused) {
    }

    @Transactional
    public Result importCsv(String file, boolean skipBad, boolean allowFormulas, boolean allowDuplicate) {
        Path path = Path.of(file.strip());
        // Rows are compared with the clients stored and with the good rows before them, so a file
        // that lists one person twice is caught as well as one that repeats the practice's list.
        KnownClients known = allowDuplicate ? null : clients.known();
        List<String> refused = new ArrayList<>();
        List<ClientDetails> good = new ArrayList<>();
        try (Reader reader = withoutByteOrderMark(Files.newBufferedReader(path, StandardCharsets.UTF_8));
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                     .setIgnoreEmptyLines(true).get().parse(reader)) {
            Map<String, String> fields = fields(parser.getHeaderNames());
            for (CSVRecord row : parser) {
                String line = "line " + parser.getCurrentLineNumber();
                if (!row.isConsistent()) {
                    refused.add(line + ": has " + row.size() + " values; the header has " + parser.getHeaderNames().size());
                    continue;
                }
                Map<String, String> values = values(row, fields);
                String formula = allowFormulas ? null : formula(values);
                if (formula != null) {
                    refused.add(line + ": " + formula);
                    continue;
                }
                ClientDetails details = details(values);
                try {
                    Client client = clients.check(details);
                    List<String> likely = known == null ? List.of() : known.likely(client);
                    if (!likely.isEmpty()) {
                        refused.add(line + ": likely a duplicate of " + String.join("; ", likely)
                                + " (give --allow-duplicate to import it anyway)");
                        continue;
                    }
                    if (known != null) {
                        known.add(line + " " + Client.displayName(client.firstName(), client.lastName(),
                                client.preferredName()), client);
                    }
                    good.add(details);
                } catch (InvalidInputException e) {
                    refused.add(line + ": " + columnNamed(e.getMessage()));
                }
            }
        } catch (NoSuchFileException e) {
            throw InvalidInputException.forField("csv", path + " does not exist");
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw InvalidInputException.forField("csv", "cannot read " + path + " as CSV (" + notCsv(e) + ")");
        }
        if (!refused.isEmpty() && !skipBad) {
            throw new InvalidInputException("Nothing was imported: " + refused.size() + " bad row"
                    + (refused.size() == 1 ? "" : "s") + " (fix them, or give --skip-bad to import the others)\n  "
                    + String.join("\n  ", refused));
        }
        for (ClientDetails details : good) {
            // Already compared above, with the clients stored and the rows before it.
            clients.add(details, true);
        }
        audit.record("import", "client", null, null, "Imported " + good.size() + " clients from " + path.getFileName()
                + (refused.isEmpty() ? "" : "; skipped " + refused.size() + " bad rows"));
        return new Result(good.size(), refused);
    }

    /**
     * Skips the byte-order mark that Windows programs put at the start of UTF-8 files; left in, it
     * would be read as part of the first column's name, and a quoted name would not be unquoted.
     */
    private static Reader withoutByteOrderMark(BufferedReader reader) throws IOException {
        try {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            return reader;
        } catch (IOException e) {
            reader.close();
            throw e;
        }
    }

    /**
     * What is wrong with a file Commons CSV could not read, in the user's words and with the line;
     * its own messages name its classes and give advice to programmers.
     */
    private static String notCsv(Exception thrown) {
        Throwable e = thrown instanceof UncheckedIOException unchecked ? unchecked.getCause() : thrown;
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher problem = CSV_PROBLEM.matcher(message);
        if (problem.find()) {
            String line = "line " + (problem.group(1) != null ? problem.group(1) : problem.group(2)).replace(",", "");
            return problem.group(1) != null ? line + ": a quoted value has no closing quote \""
                    : line + ": text after a closing quote; inside a quoted value, write a quote as \"\"";
        }
        if (message.startsWith("A header name is missing")) {
            return "line 1: a column has no name";
        }
        return e instanceof IOException io ? FileErrors.describe(io) : "it is not CSV with a header row";
    }

    /** Commons CSV's two messages about quotes: never closed (group 1), or text after the closing one (group 2). */
    private static final Pattern CSV_PROBLEM = Pattern.compile(
            "\\(startline ([\\d,]+)\\) EOF reached before encapsulated token finished"
                    + "|Invalid character between encapsulated token and delimiter at line: ([\\d,]+)");

    /** "--first-name: is required" becomes "first_name: is required", naming the CSV column. */
    private static String columnNamed(String message) {
        Matcher option = Pattern.compile("^--([a-z-]+):").matcher(message);
        return option.find() ? option.group(1).replace('-', '_') + ":" + message.substring(option.end()) : message;
    }

    /** Maps each header to a client field, refusing unknown or missing columns before any row is read. */
    private static Map<String, String> fields(List<String> headers) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String header : headers) {
            String key = header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_").replace("\uFEFF", "");
            String field = COLUMNS.get(key);
            if (field == null) {
                throw InvalidInputException.forField("csv", "line 1: unknown column '" + header + "'; use "
                        + String.join(", ", List.of("first_name", "last_name", "preferred_name", "print_name", "dob",
                        "phone", "email", "address", "emergency_contact", "notes")));
            }
            if (fields.containsValue(field)) {
                // Commons CSV keeps one of two same-named columns, and every row then looks too long.
                String earlier = fields.entrySet().stream().filter(f -> f.getValue().equals(field))
                        .map(Map.Entry::getKey).findFirst().orElseThrow();
                throw InvalidInputException.forField("csv", earlier.equals(header)
                        ? "line 1: the column '" + header + "' is there twice"
                        : "line 1: the columns '" + earlier + "' and '" + header + "' give the same field; keep one");
            }
            fields.put(header, field);
        }
        if (!fields.containsValue("first-name") || !fields.containsValue("last-name")) {
            throw InvalidInputException.forField("csv", "line 1: the header needs first_name and last_name columns");
        }
        return fields;
    }

    /** The row's values by client field; an empty cell is no value, and a quote the export added is taken off. */
    private static Map<String, String> values(CSVRecord row, Map<String, String> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((header, field) -> {
            String value = row.get(header);
            values.put(field, value == null || value.isEmpty() ? null : SpreadsheetFormulas.restored(value));
        });
        return values;
    }

    /** What is wrong with the first name or email that starts like a formula, or null if none does. */
    private static String formula(Map<String, String> values) {
        for (String field : NO_FORMULAS) {
            String value = values.get(field);
            if (value != null && SpreadsheetFormulas.startsLikeFormula(value)) {
                return field.replace('-', '_') + ": " + Fields.quote(value) + " starts with '"
                        + PlainText.visible(value.substring(0, 1)) + "', which a spreadsheet runs as a formula"
                        + " (correct the cell, or give --allow-formulas to import it as text)";
            }
        }
        return null;
    }

    private static ClientDetails details(Map<String, String> values) {
        return new ClientDetails(values.get("first-name"), values.get("last-name"), values.get("preferred-name"),
                values.get("dob"), values.get("phone"), values.get("email"), values.get("address"),
                values.get("emergency-contact"), values.get("notes"), values.get("print-name"));
    }

    private static Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        for (String[] names : new String[][] {
                {"first-name", "first_name", "firstname", "given_name"},
                {"last-name", "last_name", "lastname", "surname", "family_name"},
                {"preferred-name", "preferred_name", "preferred"},
                {"dob", "dob", "date_of_birth", "birth_date", "birthdate"},
                {"phone", "phone", "mobile", "telephone"},
                {"email", "email", "e_mail"},
                {"address", "address"},
                {"emergency-contact", "emergency_contact"},
                {"notes", "notes"},
                {"print-name", "print_name", "printed_name"}}) {
            for (int i = 1; i < names.length; i++) {
                columns.put(names[i], names[0]);
            }
        }
        return columns;
    }
}
