package app.soapstone.clinic;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;

/**
 * A therapist who treats clients and signs notes. The default practitioner is used when none is
 * named. On PostgreSQL {@code dbRole} is their own login: the database lets only that login sign as them.
 */
@Table("practitioner")
public record Practitioner(@Id Long id, String name, String credentials, String registrationNumber, boolean isDefault,
        Instant createdAt, String dbRole, @Version Long version) {

    /** "Alex Chen, RMT". */
    public String signature() {
        return name + (credentials == null || credentials.isBlank() ? "" : ", " + credentials);
    }

    Practitioner asDefault(boolean value) {
        return new Practitioner(id, name, credentials, registrationNumber, value, createdAt, dbRole, version);
    }

    Practitioner withDbRole(String login) {
        return new Practitioner(id, name, credentials, registrationNumber, isDefault, createdAt, login, version);
    }
}
