package app.soapstone.client;

/**
 * Client details as typed, before checking. {@code null} means "not given"; for {@code client
 * edit} an empty value clears an optional field.
 */
public record ClientDetails(String firstName, String lastName, String preferredName, String dateOfBirth, String phone,
        String email, String address, String emergencyContact, String notes) {

    boolean isEmpty() {
        return firstName == null && lastName == null && preferredName == null && dateOfBirth == null && phone == null
                && email == null && address == null && emergencyContact == null && notes == null;
    }
}
