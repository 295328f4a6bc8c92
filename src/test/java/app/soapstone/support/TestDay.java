package app.soapstone.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The day the tests run on, one for the whole test JVM, and the application's clock held to it.
 * Tests compare what the application dates (today, 130 years ago, yesterday) with {@link #TODAY};
 * a suite that ran past midnight had the application on the next day and failed them. The clock
 * keeps the real time of day, on that day.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDay {

    /** The tests' today, fixed when the first test class asks. */
    public static final LocalDate TODAY = LocalDate.now();

    @Bean
    @Primary
    Clock testDayClock() {
        return new OnTheTestDay(ZoneId.systemDefault());
    }

    /** The system clock's time of day, on {@link #TODAY}. */
    static final class OnTheTestDay extends Clock {

        private final ZoneId zone;

        OnTheTestDay(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new OnTheTestDay(other);
        }

        @Override
        public Instant instant() {
            return TODAY.atTime(LocalTime.now(zone)).atZone(zone).toInstant();
        }
    }
}
