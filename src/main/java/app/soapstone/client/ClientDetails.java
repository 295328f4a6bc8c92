package app.soapstone.client;

import java.util.ArrayList;
import java.util.List;
/**
 * Client details as typed, before checking. {@code null} means "not given"; for {@code client
 * edit} an empty value clears an optional field.
 */
public record ClientDetails(String firstName, String lastName, String preferredName, String dateOfBirth, String phone,
        String email, String address, String emergencyContact, String notes, String printName) {

    /** The options given, e.g. [phone, email], for the audit trail. */
    List<String> given() {
        List<String> given = new ArrayList<>();
        String[] names = {"first-name", "last-name", "preferred-name", "dob", "phone", "email", "address",
                "emergency-contact", "notes", "print-name"};
        String[] values = {firstName, lastName, preferredName, dateOfBirth, phone, email, address, emergencyContact, notes,
                printName};
        for (int i = 0; i < names.length; i++) {
            if (values[i] != null) {
                given.add(names[i]);
            }
        }
        return given;
    }

    boolean isEmpty() {
        return firstName == null && lastName == null && preferredName == null && dateOfBirth == null && phone == null
                && email == null && address == null && emergencyContact == null && notes == null && printName == null;
    }
}
