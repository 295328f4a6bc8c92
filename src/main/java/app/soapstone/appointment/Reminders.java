package app.soapstone.appointment;

import app.soapstone.clinic.ClinicService;
import app.soapstone.integrity.AuditTrail;
import app.soapstone.storage.PrivateFiles;
import app.soapstone.validation.SpreadsheetFormulas;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The reminders' call list: who is booked on a day, with their phone, for the front desk to ring,
 * or as a CSV file for a texting service. Soapstone sends nothing itself: it works offline.
 */
@Service
class Reminders {

    /** The CSV's columns, in order: what a texting service maps its fields from. */
    static final List<String> COLUMNS = List.of("appointment", "date", "time", "time_zone", "client_id", "client",
            "phone", "phone_digits", "practitioner");

    private final AppointmentQueries queries;
    private final ClinicService clinic;
    private final AuditTrail audit;
    private final Clock clock;

    Reminders(AppointmentQueries queries, ClinicService clinic, AuditTrail audit, Clock clock) {
        this.queries = queries;
        this.clinic = clinic;
        this.audit = audit;
        this.clock = clock;
    }

    /** The day {@code value} names for {@code option}, read against today at the clinic ({@link ClinicTime#day}). */
    @Transactional(readOnly = true)
    LocalDate day(String option, String value) {
        return ClinicTime.day(option, value, ClinicTime.today(clock, clinic.zone()));
    }

    /**
     * A booked appointment to ring about.
     *
     * @param phone the number as the client gave it, or null when none is stored
     * @param phoneE164 the number in international form ("+61412345678"), or null when it could not be read
     */
    record Call(long appointmentId, long clientId, String client, String phone, String phoneE164, String practitioner,
            Instant startsAt) {

        /** The international number's digits alone ("61412345678"), as texting services take it; "" if unknown. */
        String phoneDigits() {
            return phoneE164 == null ? "" : phoneE164.substring(1);
        }
    }

    /** A day's call list: its booked appointments in time order, and the zone their times are in. */
    record CallList(LocalDate day, ZoneId zone, List<Call> calls) {

        List<Call> withoutPhone() {
            return calls.stream().filter(c -> c.phone() == null).toList();
        }
    }

    /** The CSV file written, with the list it holds. */
    record Written(Path file, CallList list) {
    }

    /** The booked appointments of {@code day} (the clinic's), of one practitioner if given (who must exist). */
    @Transactional(readOnly = true)
    CallList calls(LocalDate day, Long practitionerId) {
        if (practitionerId != null) {
            clinic.practitioner(practitionerId);
        }
        ZoneId zone = clinic.zone();
        return new CallList(day, zone, queries.calls(day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant(), practitionerId));
    }

    /**
     * Writes the call list of {@code day} as CSV to {@code csv} (a file, or a folder for the default
     * name), whole or not at all, readable by the owner only, replacing a file only if {@code force};
     * recorded in the audit trail, since it holds clients' phone numbers.
     */
    @Transactional
    Written writeCsv(LocalDate day, Long practitionerId, String csv, boolean force) {
        Path target = PrivateFiles.target("csv", csv, "reminders-" + day + ".csv");
        PrivateFiles.checkTarget("csv", target, force);
        CallList list = calls(day, practitionerId);
        audit.record("export", "appointment", null, null, "Wrote the reminders' call list for " + day
                + (practitionerId == null ? "" : " (practitioner " + practitionerId + ")") + ", "
                + list.calls().size() + " appointments, to " + target.getFileName());
        PrivateFiles.write("csv", target, csv(list).getBytes(StandardCharsets.UTF_8), force);
        return new Written(target, list);
    }

    /**
     * RFC 4180, every value quoted and text that a spreadsheet would run as a formula written with a
     * quote before it, as {@code export} writes its tables: a name or a stored phone number such as
     * "+61 ..." or "=HYPERLINK(...)" is shown, never run. {@code phone_digits} needs no quote.
     */
    private static String csv(CallList list) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new))
                .setQuoteMode(QuoteMode.ALL_NON_NULL).get().print(out)) {
            for (Call call : list.calls()) {
                String start = ClinicTime.show(call.startsAt(), list.zone());
                for (String cell : List.of(String.valueOf(call.appointmentId()), start.substring(0, 10),
                        start.substring(11), list.zone().getId(), String.valueOf(call.clientId()), call.client(),
                        call.phone() == null ? "" : call.phone(), call.phoneDigits(), call.practitioner())) {
                    printer.print(SpreadsheetFormulas.neutralised(cell));
                }
                printer.println();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
