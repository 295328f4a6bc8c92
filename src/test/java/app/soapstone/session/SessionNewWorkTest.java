package app.soapstone.session;

import app.soapstone.clinic.ClinicService;
import app.soapstone.intake.IntakeService;
import app.soapstone.support.SoapstoneTest;
import app.soapstone.vocabulary.Vocabulary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mockingDetails;

/**
 * How much work one {@code session new} does: its options are read once, the client is screened
 * once and the practitioner looked up once, however many steps (screening shown, urgent referral
 * check, storing) use them. Counted on spies of the beans that do that work; this class starts a
 * Spring context of its own, as the spies replace those beans.
 */
@Tag(SoapstoneTest.POSTGRESQL)
class SessionNewWorkTest extends SoapstoneTest {


    @MockitoSpyBean
    private IntakeService intakes;

    @MockitoSpyBean
    private ClinicService clinic;

    @MockitoSpyBean
    private Vocabulary vocabulary;

    @Test
    void aNamedPractitionerIsLookedUpOnceAndTheClientScreenedOnce() {
        run("practitioner add --name \"Sam Jones\" --credentials RMT").expectOk();
        long kim = Long.parseLong(run("practitioner add --name \"Kim Park\" --credentials RMT").expectOk());
        long client = clientWithIntake();
        clearInvocations(intakes, clinic, vocabulary);

        long id = newSession("session new --client " + client + " --practitioner " + kim + " --duration 60"
                + " --modalities deep-tissue,effleurage --areas calf-left --pressure firm --pain-before 6"
                + " --cramps-per-week 3.5 --template foot-cramps --plan \"Stretch nightly\"");

        assertThat(calls(intakes, "screening")).as("screenings").isOne();
        assertThat(calls(intakes, "conflicts")).as("modality conflict checks").isOne();
        assertThat(calls(clinic, "practitioner")).as("practitioner look-ups").isOne();
        assertThat(calls(clinic, "defaultPractitioner")).as("default practitioner look-ups").isZero();
        // Each reading of --modalities and --areas checks them against the vocabulary once.
        assertThat(calls(vocabulary, "modalityIds")).as("readings of --modalities").isOne();
        assertThat(calls(vocabulary, "siteIds")).as("readings of --areas").isOne();
        assertThat(jdbc.sql("SELECT practitioner_id FROM session WHERE id = ?").param(id).query(Long.class).single())
                .isEqualTo(kim);
    }

    @Test
    void theDefaultPractitionerIsLookedUpOnce() {
        long sam = Long.parseLong(run("practitioner add --name \"Sam Jones\" --credentials RMT").expectOk());
        long client = clientWithIntake();
        clearInvocations(intakes, clinic, vocabulary);

        long id = newSession("session new --client " + client + " --modalities effleurage --subjective x");

        assertThat(calls(intakes, "screening")).as("screenings").isOne();
        assertThat(calls(clinic, "defaultPractitioner")).as("default practitioner look-ups").isOne();
        assertThat(calls(clinic, "practitioner")).as("practitioner look-ups by id").isZero();
        assertThat(calls(vocabulary, "modalityIds")).as("readings of --modalities").isOne();
        assertThat(jdbc.sql("SELECT practitioner_id FROM session WHERE id = ?").param(id).query(Long.class).single())
                .isEqualTo(sam);
    }

    private long clientWithIntake() {
        long client = Long.parseLong(run("client add --first-name Ann --last-name Lee").expectOk());
        run("intake new --client " + client + " --cramp-frequency 3 --cramp-sites calf-left --cramp-severity 6"
                + " --consent-date " + TODAY + " --consent-by client --medications \"Eliquis 5mg bd\"").expectOk();
        return client;
    }

    private long newSession(String line) {
        List<String> lines = run(line).expectOk().lines().toList();
        return Long.parseLong(lines.get(lines.size() - 1));
    }

    /** How often {@code method} of the spy was called since the last clearInvocations. */
    private static long calls(Object spy, String method) {
        return mockingDetails(spy).getInvocations().stream()
                .filter(invocation -> invocation.getMethod().getName().equals(method)).count();
    }
}
