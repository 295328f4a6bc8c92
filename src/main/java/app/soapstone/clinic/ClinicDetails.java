package app.soapstone.clinic;

/** Clinic details as typed; {@code null} means "not given", an empty value clears an optional field. */
public record ClinicDetails(String name, String address, String phone, String email, String website, String country,
        String timeZone, String currency, String taxNumber) {
}
