package app.soapstone.record;

import app.soapstone.pdf.PdfPages;
import app.soapstone.support.RecordsTest;
import app.soapstone.support.SoapstoneTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client's visits as the appointment book has them, in their records: the chart's table of
 * visits with their counts (read back from the PDF), and the appointments in the data export.
 */
@Tag(SoapstoneTest.POSTGRESQL)
class ChartVisitsTest extends RecordsTest {

    @TempDir
    Path temp;

    private long alex;
    private long sam;
    private long ann;
    private long ben;
    private final List<Long> appointments = new ArrayList<>();

    /** Ann's visits: two attended (one by a session), one cancelled, one missed, one to come; Ben's one. */
    @BeforeEach
    void annsVisits() {
        clinic();
        run("clinic set --time-zone Australia/Sydney").expectOk();
        alex = practitioner("Alex Chen");
        sam = practitioner("Sam Ng");
        ann = client("Ann", "Lee");
        ben = client("Ben", "Ng");
        appointments.clear();
        run("service add --name \"Remedial massage 60 min\" --minutes 60").expectOk();
        appointments.add(Long.parseLong(run("appointment book --client " + ann + " --practitioner " + alex
                + " --at \"2026-03-02 10:00\" --service 1").expectOk().replaceAll("(?s)Booked appointment (\\d+):.*", "$1")));
        appointments.add(book(ann, "2026-03-09 10:00", sam));
        appointments.add(book(ann, "2026-03-16 10:00", alex));
        appointments.add(book(ann, "2026-03-23 10:00", alex));
        appointments.add(book(ann, "2099-01-05 09:30", alex));
        book(ben, "2026-03-02 11:00", alex);
        run("appointment done " + appointments.get(0)).expectOk();
        run("appointment cancel " + appointments.get(1) + " --reason \"Client unwell, \\\"flu\\\"\"").expectOk();
        run("appointment no-show " + appointments.get(2)).expectOk();
        session(ann, "--date", "2026-03-23", "--time", "10:00", "--practitioner", String.valueOf(alex),
                "--subjective", "Calves tight");
    }

    @Test
    void theChartListsTheVisitsWithTheirCounts() throws IOException {
        String text = chart("");

        assertThat(text).contains("Visits 2 attended, 1 cancelled, 1 missed, 1 upcoming. Times in Australia/Sydney.");
        String table = text.substring(text.indexOf("Appointment Date and time Practitioner Service Status"),
                text.indexOf("Intake and screening"));
        assertThat(table).containsSubsequence(
                appointments.get(0) + " 2026-03-02 10:00 Alex Chen Remedial massage 60 min attended",
                appointments.get(1) + " 2026-03-09 10:00 Sam Ng cancelled: Client unwell, \"flu\"",
                appointments.get(2) + " 2026-03-16 10:00 Alex Chen missed (no-show)",
                appointments.get(3) + " 2026-03-23 10:00 Alex Chen attended",
                appointments.get(4) + " 2099-01-05 09:30 Alex Chen upcoming");
        assertThat(table).doesNotContain("11:00");
        assertThat(text).contains("their visits in the appointment book");
    }

    @Test
    void aPeriodTakesItsVisitsOnlyAndABookedOneLeftUnmarkedIsSaidSo() throws IOException {
        long unmarked = book(ann, "2026-03-20 10:00", sam);

        String text = chart("--from 2026-03-10 --to 2026-03-21");

        assertThat(text).contains("Visits 0 attended, 0 cancelled, 1 missed, 1 booked, not marked.");
        assertThat(text).contains(unmarked + " 2026-03-20 10:00 Sam Ng booked, not marked")
                .doesNotContain("2026-03-02 10:00").doesNotContain("2026-03-23 10:00").doesNotContain("2099-01-05");
        assertThat(chart("--to 2026-02-01")).contains("Visits No appointments in this period.");
        long cleo = client("Cleo", "Park");
        Path file = temp.resolve("cleo.pdf");
        run("chart export --client " + cleo + " --out " + file).expectOk();
        assertThat(flat(PdfPages.read(Files.readAllBytes(file)).text())).contains("Visits No appointments in the book.");
    }

    @Test
    void theExportHoldsTheAppointmentsPerClientAndInItsTable() throws IOException {
        Path folder = temp.resolve("export");

        run("export --to " + folder).expectOk();

        JsonNode record = JsonMapper.builder().build().readTree(Files.readString(folder.resolve("clients")
                .resolve(ann + ".json"), StandardCharsets.UTF_8));
        JsonNode visits = record.get("appointments");
        assertThat(visits.size()).isEqualTo(5);
        List<String> statuses = new ArrayList<>();
        visits.forEach(v -> statuses.add(v.get("id").asLong() + " " + v.get("status").asString()));
        assertThat(statuses).containsExactly(appointments.get(0) + " DONE", appointments.get(1) + " CANCELLED",
                appointments.get(2) + " NO_SHOW", appointments.get(3) + " DONE", appointments.get(4) + " BOOKED");
        assertThat(visits.get(1).get("cancel_reason").asString()).isEqualTo("Client unwell, \"flu\"");
        assertThat(visits.get(0).get("starts_at").asString()).isEqualTo("2026-03-01T23:00:00.000Z");
        assertThat(visits.get(0).get("practitioner_id").asLong()).isEqualTo(alex);
        JsonNode bens = JsonMapper.builder().build().readTree(Files.readString(folder.resolve("clients")
                .resolve(ben + ".json"), StandardCharsets.UTF_8)).get("appointments");
        assertThat(bens.size()).isEqualTo(1);

        try (Reader reader = Files.newBufferedReader(folder.resolve("appointment.csv"), StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            List<CSVRecord> rows = csv.getRecords();
            assertThat(rows).hasSize(6);
            assertThat(rows.stream().filter(r -> r.get("cancel_reason").equals("Client unwell, \"flu\"")).count())
                    .isEqualTo(1);
        }
        assertThat(Files.readString(folder.resolve("README.md"))).contains("## appointment.csv");
    }

    private long book(long client, String at, long practitioner) {
        String out = run("appointment book --client " + client + " --practitioner " + practitioner + " --at \"" + at
                + "\"").expectOk();
        return Long.parseLong(out.replaceAll("(?s)Booked appointment (\\d+):.*", "$1"));
    }

    /** The chart's text, white space flattened, with {@code options}. */
    private String chart(String options) throws IOException {
        Path file = temp.resolve("chart-" + System.nanoTime() + ".pdf");
        run("chart export --client " + ann + " --out " + file + " " + options).expectOk();
        return flat(PdfPages.read(Files.readAllBytes(file)).text());
    }

    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
