package app.soapstone.careplan;

import app.soapstone.support.SoapstoneTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long {@code plan export} takes, as a therapist runs it in an open shell: through the command
 * runner, for a realistic client (three cramp sites, medicines, a referral, six sessions with
 * outcome measures), to a temp file with {@code --force}. Prints the first plan's time and the
 * median, 90th percentile and maximum of the next {@value #RUNS}; nothing is asserted about time.
 * Not run by default (tag "benchmark"); see BENCHMARKS.md for the command.
 */
@Tag("benchmark")
class CarePlanBenchmark extends SoapstoneTest {

    private static final int RUNS = 200;

    @TempDir
    Path out;

    @Test
    void exportTimes() throws Exception {
        String client = realisticClient();
        Path file = out.resolve("plan.pdf");
        String[] export = {"plan", "export", "--client", client, "--out", file.toString(), "--force",
                "--next", LocalDate.now().plusDays(14) + " 10:00"};

        long start = System.nanoTime();
        runWords(export).expectOk();
        double first = millis(System.nanoTime() - start);
        assertThat(file).isRegularFile();

        double[] times = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            Result result = runWords(export);
            times[i] = millis(System.nanoTime() - t);
            assertThat(result.status()).as(result.error()).isZero();
        }
        Arrays.sort(times);

        assertThat(jdbc.sql("SELECT count(*) FROM care_plan_export").query(Integer.class).single()).isEqualTo(RUNS + 1);
        int pages;
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            pages = document.getNumberOfPages();
        }
        System.out.printf(Locale.ROOT, "%nCare plan export (%d runs after a first one, %s, %d CPUs, JDK %s):%n"
                        + "  first plan  %8.1f ms%n  median      %8.1f ms%n  p90         %8.1f ms%n  max         %8.1f ms%n"
                        + "  PDF         %8d bytes, %d pages%n%n",
                RUNS, System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), Runtime.version(), first, percentile(times, 50),
                percentile(times, 90), times[times.length - 1], Files.size(file), pages);
    }

    /** Clinic, practitioner, and a client with an intake and six sessions; returns the client's id. */
    private String realisticClient() {
        run("clinic set --name \"Bondi Body Works\" --address \"12 Beach Rd, Bondi NSW 2026\" --phone \"02 9130 1234\""
                + " --email hello@bondi.example --website bondibodyworks.example").expectOk();
        run("practitioner add --name \"Sam Jones\" --credentials \"RMT, Dip. Remedial Massage\"").expectOk();
        String client = runWords("client", "add", "--first-name", "Zoë", "--last-name", "Łukasiewicz",
                "--dob", "1951-06-02", "--phone", "+61 412 345 678").expectOk();
        LocalDate taken = LocalDate.now().minusDays(84);
        runWords("intake", "new", "--client", client, "--date", taken.toString(), "--cramp-frequency", "2",
                "--cramp-frequency-unit", "night", "--cramp-sites", "calf-left,foot-right,hamstring-left",
                "--cramp-severity", "7", "--cramp-timing", "night", "--sleep-disturbance", "7",
                "--medications", "Lipitor 20 mg daily; Lasix 40 mg mane; Eliquis 5 mg bd",
                "--conditions", "diabetes,osteoarthritis", "--red-flags", "numbness-tingling",
                "--water-glasses", "4", "--caffeine", "3 coffees", "--consent-date", taken.toString(),
                "--consent-by", "Zoë Łukasiewicz", "--consent-explained", "all").expectOk();
        List<Double> cramps = List.of(12.0, 9.0, 7.0, 5.0, 3.5, 2.0);
        for (int i = 0; i < cramps.size(); i++) {
            runWords("session", "new", "--client", client, "--date", taken.plusDays(7 + 14L * i).toString(),
                    "--time", "10:00", "--duration", "60", "--modalities", "effleurage,petrissage",
                    "--areas", "calf-left,foot-right,hamstring-left", "--pressure", "moderate",
                    "--pain-before", String.valueOf(6 - i / 2), "--pain-after", String.valueOf(3 - i / 3),
                    "--cramps-per-week", String.valueOf(cramps.get(i)), "--cramp-severity", String.valueOf(7 - i),
                    "--sleep-disturbance", String.valueOf(7 - i), "--subjective", "Cramps easing; sleeping better.",
                    "--objective", "Calf tone reduced, tender point left soleus.",
                    "--assessment", "Responding well to treatment.",
                    "--plan", "Continue calf and foot stretches nightly; more water on work days; review in two weeks.")
                    .expectOk();
        }
        return client;
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
