package app.soapstone.client;

import java.time.LocalDate;

/** One line of a client list. */
public record ClientSummary(long id, String firstName, String lastName, String preferredName, LocalDate dateOfBirth,
        String phone, String email, LocalDate lastVisit, boolean archived) {

    public String displayName() {
        return Client.displayName(firstName, lastName, preferredName);
    }

    public Integer ageOn(LocalDate day) {
        return Client.age(dateOfBirth, day);
    }
}
