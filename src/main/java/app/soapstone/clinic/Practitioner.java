package app.soapstone.clinic;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;

/**
 * A therapist who treats clients and signs notes. The default practitioner is used when none is
 * named. On PostgreSQL {@code dbRole} is their own login: the database lets only that login sign as them.
 *
 * @param taxNumber their own tax registration number (HST, GST, ABN) when they bill as a sole
 *        trader, for receipts; null when the clinic's is used or none is set
 */
@Table("practitioner")
public record Practitioner(@Id Long id, String name, String credentials, String registrationNumber, boolean isDefault,
        Instant createdAt, String dbRole, String taxNumber, @Version Long version) {

    /** "Alex Chen, RMT". */
    public String signature() {
        return name + (credentials == null || credentials.isBlank() ? "" : ", " + credentials);
    }

    Practitioner asDefault(boolean value) {
        return new Practitioner(id, name, credentials, registrationNumber, value, createdAt, dbRole, taxNumber, version);
    }

    Practitioner withDbRole(String login) {
        return new Practitioner(id, name, credentials, registrationNumber, isDefault, createdAt, login, taxNumber, version);
    }

    Practitioner withNumbers(String registration, String tax) {
        return new Practitioner(id, name, credentials, registration, isDefault, createdAt, dbRole, tax, version);
    }
}
