package app.soapstone.client;

import app.soapstone.support.SoapstoneTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientCommandsSmokeTest extends SoapstoneTest {

    @Test
    void addedClientIsListed() {
        String id = run("client add --first-name Zoë --last-name Łukasiewicz --dob 1958-03-14").expectOk();
        assertThat(id).matches("\\d+");
        assertThat(run("client list").expectOk()).contains("Łukasiewicz, Zoë").contains("1958-03-14");
    }
}
