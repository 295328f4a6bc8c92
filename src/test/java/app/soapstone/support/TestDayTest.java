package app.soapstone.support;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The application in the tests dates what it records on the tests' day, even past midnight. */
@Tag(SoapstoneTest.POSTGRESQL)
class TestDayTest extends SoapstoneTest {

    @Autowired
    private Clock clock;

    @Test
    void theApplicationsClockIsOnTheTestsDay() {
        assertThat(clock).isInstanceOf(TestDay.OnTheTestDay.class);
        assertThat(LocalDate.now(clock)).isEqualTo(TODAY);
        long client = Long.parseLong(run("client add --first-name Ann --last-name Lee").expectOk());
        assertThat(run("client show " + client).expectOk()).contains("Added:              " + TODAY);
    }
}
