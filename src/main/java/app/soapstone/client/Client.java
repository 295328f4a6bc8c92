package app.soapstone.client;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

/**
 * A client of the clinic. Archived clients are hidden from lists but their records stay.
 *
 * @param printName the name as the client writes it, for printouts ("Nguyễn Thị Ánh"), or null
 * @param phoneE164 the phone number in international form ("+61412345678"), read in the clinic's
 *        country, or null without a country or when it is no valid number there; {@code phone}
 *        keeps the number as typed
 */
@Table("client")
public record Client(@Id Long id, String firstName, String lastName, String preferredName, String printName,
        LocalDate dateOfBirth, String phone, @Column("phone_e164") String phoneE164, String email, String address, String emergencyContact, String notes,
        String searchText, Instant archivedAt, Instant createdAt, Instant updatedAt, @Version Long version) {

    public Client {
        // Derived, so it can never disagree with the names, email and phone it is made from.
        searchText = SearchText.of(firstName, lastName, preferredName, printName, email, phone, phoneE164);
    }

    /** The client with their phone number read again, in another country: nothing they told us changes. */
    Client withPhoneE164(String international) {
        return new Client(id, firstName, lastName, preferredName, printName, dateOfBirth, phone, international, email,
                address, emergencyContact, notes, null, archivedAt, createdAt, updatedAt, version);
    }

    public boolean archived() {
        return archivedAt != null;
    }

    /** The name to address the client by: "Zoë Łukasiewicz", or "Elizabeth (Liz) Taylor". */
    public String displayName() {
        return displayName(firstName, lastName, preferredName);
    }

    /**
     * The name printed on plans, charts and receipts: the print name as the client writes it, or
     * the name they use (preferred, else first) and their last name.
     */
    public String printedName() {
        if (printName != null && !printName.isBlank()) {
            return printName;
        }
        return (preferredName == null || preferredName.isBlank() ? firstName : preferredName) + " " + lastName;
    }

    /**
     * The default file name of a printout about the client, {@code <last>-<first>-<what>-<date>.pdf},
     * keeping letters of any script and dropping what file systems dislike; where the file system's
     * encoding cannot hold the letters (e.g. Łukasiewicz under LANG=C), {@code client-<id>-<what>-<date>.pdf}.
     */
    public String fileName(String what, LocalDate date) {
        return fileName(what, date, "pdf");
    }

    /** The same for a file of another kind: {@code extension} "ics" gives {@code ...-<date>.ics}. */
    public String fileName(String what, LocalDate date, String extension) {
        String name = safe(lastName) + "-" + safe(firstName) + "-" + what + "-" + date + "." + extension;
        try {
            Path.of(name);
            return name;
        } catch (InvalidPathException e) {
            return "client-" + id + "-" + what + "-" + date + "." + extension;
        }
    }

    public Integer ageOn(LocalDate day) {
        return age(dateOfBirth, day);
    }

    public static String displayName(String firstName, String lastName, String preferredName) {
        boolean distinctPreferred = preferredName != null && !preferredName.isBlank() && !preferredName.equals(firstName);
        return firstName + (distinctPreferred ? " (" + preferredName + ")" : "") + " " + lastName;
    }

    private static String safe(String name) {
        String cleaned = name.replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-+|-+$)", "");
        return cleaned.isEmpty() ? "client" : cleaned;
    }

    static Integer age(LocalDate dateOfBirth, LocalDate day) {
        return dateOfBirth == null ? null : Period.between(dateOfBirth, day).getYears();
    }
}
