package app.soapstone.bench;

import app.soapstone.client.ClientService;
import app.soapstone.client.ClientSummary;
import app.soapstone.intake.IntakeService;
import app.soapstone.session.SessionService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a generated clinic, the reads that take a shortcut for speed give what the full reads give:
 * a care plan's Plan and progress, and the last visits shown by a client search.
 */
class GeneratedClinicReadsTest {

    private static Path dir;
    private static ConfigurableApplicationContext app;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("soapstone-reads-");
        Path file = dir.resolve("clinic.db");
        ClinicDataGenerator.generate(file, new ClinicDataGenerator.Options(80, 1_500, 13L, LocalDate.of(2026, 10, 31),
                4, 0.05, false, false));
        app = ClinicDataGeneratorTest.start(file);
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    @Test
    void theLatestPlanAndTheCrampHistoryAreThoseOfTheFullRecords() {
        SessionService sessions = app.getBean(SessionService.class);
        IntakeService intakes = app.getBean(IntakeService.class);
        int withPlan = 0;
        int withTwoIntakes = 0;
        for (long client : clientIds()) {
            var full = sessions.latestPlan(client).map(s -> s.note().plan());
            assertThat(sessions.latestPlanText(client)).as("client " + client).isEqualTo(full);
            withPlan += full.isPresent() ? 1 : 0;

            var history = intakes.history(client).stream().map(i -> new IntakeService.CrampMeasures(i.version(),
                    i.takenOn(), i.cramps().frequencyPerWeek(), i.cramps().severity(), i.cramps().sleepDisturbance()))
                    .toList();
            assertThat(intakes.crampHistory(client)).as("client " + client).isEqualTo(history);
            withTwoIntakes += history.size() > 1 ? 1 : 0;
        }
        assertThat(withPlan).isPositive();
        assertThat(withTwoIntakes).isPositive();
    }

    @Test
    void aSearchShowsTheSameLastVisitsAsTheWholeList() {
        ClientService clients = app.getBean(ClientService.class);
        List<ClientSummary> all = clients.list(true);
        assertThat(all).extracting(ClientSummary::lastVisit).isNotEmpty().containsNull()
                .anySatisfy(visit -> assertThat(visit).isNotNull());
        for (ClientSummary client : all.subList(0, 20)) {
            String name = client.lastName().split("[ ']")[0];
            assertThat(clients.search(name, true).clients()).as(name).contains(client)
                    .allSatisfy(found -> assertThat(found).isEqualTo(all.stream()
                            .filter(c -> c.id() == found.id()).findFirst().orElseThrow()));
        }
    }

    @Test
    void everyClientsCarePlanAndProgressCanBeShown() {
        for (long client : clientIds()) {
            assertThat(ClinicDataGeneratorTest.run(app, "plan preview --client " + client)).isNotBlank();
            assertThat(ClinicDataGeneratorTest.run(app, "client progress " + client)).isNotBlank();
        }
        long first = clientIds().getFirst();
        assertThat(ClinicDataGeneratorTest.run(app, "plan export --client " + first + " --out " + dir.resolve("plan.pdf"))
                .lines().toList().getLast()).startsWith("Wrote " + dir.resolve("plan.pdf"));
    }

    private static List<Long> clientIds() {
        return app.getBean(JdbcClient.class).sql("SELECT DISTINCT client_id FROM session ORDER BY client_id")
                .query(Long.class).list();
    }
}
