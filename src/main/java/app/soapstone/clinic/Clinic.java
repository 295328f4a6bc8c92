package app.soapstone.clinic;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;

/**
 * The clinic's details, printed on notes and care plans. There is one clinic per database.
 *
 * @param country where the clinic is (ISO 3166 two letters, "AU"), for reading phone numbers written
 *        in national form; null until set
 * @param timeZone the clinic's time zone (an IANA name, "Australia/Sydney"), in which appointments
 *        are typed and shown; null until set, when the computer's own zone is used
 * @param currency the ISO 4217 code of the clinic's currency ("AUD"), in which service prices are
 *        set; null until set
 * @param taxNumber the clinic's tax registration number (HST, GST, ABN) for receipts; null until set
 */
@Table("clinic")
public record Clinic(@Id Long id, String name, String address, String phone, String email, String website,
        String country, String timeZone, String currency, String taxNumber, Instant updatedAt, long version) {

    static final long THE_CLINIC = 1L;
}
