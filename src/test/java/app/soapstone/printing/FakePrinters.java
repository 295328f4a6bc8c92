package app.soapstone.printing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Puts {@link FakePrintServices} in place of the system's printers, for tests that
 * {@code @Import} it. Every such test class shares one application context, so each test sets up
 * the printers it needs (starting with {@link FakePrintServices#clear}).
 */
@TestConfiguration
public class FakePrinters {

    @Bean
    @Primary
    FakePrintServices fakePrintServices() {
        return new FakePrintServices();
    }
}
