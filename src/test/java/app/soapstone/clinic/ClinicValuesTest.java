package app.soapstone.clinic;

import app.soapstone.shell.ShellCompleter;
import app.soapstone.support.SoapstoneTest;
import app.soapstone.support.Tab;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** TAB after {@code clinic set --country}, {@code --time-zone} and {@code --currency}. */
class ClinicValuesTest extends SoapstoneTest {

    @Autowired
    private ShellCompleter completer;

    @Test
    void theCurrencyIsFoundByCodeOrNameAndEveryOneOfferedIsAccepted() {
        assertThat(Tab.values(Tab.press(completer, "clinic set --currency ca"))).startsWith("CAD").contains("KYD");
        assertThat(Tab.values(Tab.press(completer, "clinic set --currency canad"))).containsExactly("CAD");
        assertThat(Tab.press(completer, "clinic set --currency aud").getFirst().descr()).isEqualTo("Australian Dollar");
        assertThat(Tab.values(Tab.press(completer, "clinic set --currency xa"))).doesNotContain("XAU");
        run("clinic set --name Bodyworks --address \"1 Main St\" --phone \"02 9130 1234\"").expectOk();
        for (String code : Tab.values(Tab.press(completer, "clinic set --currency "))) {
            assertThat(run("clinic set --currency " + code).ok()).as(code).isTrue();
        }
    }

    @Test
    void aTimeZoneIsFoundByAreaOrCityAndACountryByCodeOrName() {
        assertThat(Tab.values(Tab.press(completer, "clinic set --time-zone syd"))).containsExactly("Australia/Sydney");
        assertThat(Tab.values(Tab.press(completer, "clinic set --time-zone America/Toro")))
                .containsExactly("America/Toronto");
        assertThat(Tab.values(Tab.press(completer, "clinic set --time-zone "))).doesNotContain("UTC", "Etc/GMT+5")
                .contains("Europe/London");
        assertThat(Tab.values(Tab.press(completer, "clinic set --country zeal"))).containsExactly("NZ");
        assertThat(Tab.values(Tab.press(completer, "clinic set --country A"))).contains("AU", "AT");
    }
}
