package app.soapstone.clinic;

import java.util.Locale;

/**
 * What a database login does at the clinic, as a PostgreSQL group role its login is a member of
 * ({@code clinic roles init} makes them, {@code clinic roles grant} puts a login in one).
 */
public enum ClinicRole {
    /** Reads everything, runs exports and backups, sets up the clinic, its practitioners and roles. */
    OWNER,
    /** Reads and writes clients and clinical records; signs notes as themselves only. */
    THERAPIST,
    /** The front desk: clients' contact details, the clinic's and practitioners' names; no clinical record. */
    RECEPTION;

    /** The PostgreSQL group role: {@code soapstone_owner}, {@code soapstone_therapist}, {@code soapstone_reception}. */
    public String group() {
        return "soapstone_" + word();
    }

    /** As the user types and reads it: {@code owner}, {@code therapist}, {@code reception}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
