package app.soapstone.client;

import app.soapstone.clinic.CountryChangeListener;
import app.soapstone.validation.PhoneNumbers;
import org.springframework.stereotype.Component;

import java.util.Objects;

/**
 * Reads every client's phone number again when the clinic's country changes, so that search finds
 * a number in the national and international forms of the new country. The numbers as typed, and
 * when each client was last changed, stay as they are.
 */
@Component
class ClientPhones implements CountryChangeListener {

    private final ClientRepository clients;

    ClientPhones(ClientRepository clients) {
        this.clients = clients;
    }

    @Override
    public void countryChanged(String country) {
        for (Client client : clients.findAll()) {
            String international = PhoneNumbers.international(client.phone(), country);
            if (!Objects.equals(international, client.phoneE164())) {
                clients.save(client.withPhoneE164(international));
            }
        }
    }
}
