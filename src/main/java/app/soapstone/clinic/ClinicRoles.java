package app.soapstone.clinic;

import app.soapstone.storage.DataLocation;
import app.soapstone.validation.ConflictException;
import app.soapstone.validation.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The clinic's roles in its PostgreSQL database: the group roles and what each may read and
 * write (GRANTs and row-level security), the logins in them, and the role of the login Soapstone
 * runs as. On SQLite there are no logins: none of this applies, and options that need it are refused.
 *
 * <p>Reception is refused at the database, not only by Soapstone: a front-desk login reading
 * {@code session} with psql gets "permission denied", which says what happened, where zero rows
 * would look like a clinic with no notes.
 */
@Component
public class ClinicRoles {

    /** A login as Soapstone takes one: PostgreSQL's unquoted names, so psql and pg_hba.conf spell it the same. */
    private static final Pattern LOGIN = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final JdbcClient jdbc;
    private final DataLocation location;
    /** The login's role, read once: memberships change when the owner grants one, seen at the next start. */
    private volatile Optional<ClinicRole> loginRole;
    /** session_user: the same for every connection of the pool. */
    private volatile Optional<String> login;

    ClinicRoles(JdbcClient jdbc, DataLocation location) {
        this.jdbc = jdbc;
        this.location = location;
    }

    /** Whether the records are on PostgreSQL, where logins and roles exist. */
    public boolean available() {
        return location.onPostgres();
    }

    /**
     * The role of the login Soapstone runs as: owner for a superuser, the database's owner and
     * members of soapstone_owner; else therapist or reception by membership. Empty on SQLite and
     * for a login in no role (roles not set up: a solo therapist or a clinic sharing one login),
     * where Soapstone refuses nothing itself and the database's GRANTs decide as before.
     */
    @Transactional(readOnly = true)
    public Optional<ClinicRole> loginRole() {
        Optional<ClinicRole> known = loginRole;
        if (known == null) {
            known = available() ? readLoginRole() : Optional.empty();
            loginRole = known;
        }
        return known;
    }

    private Optional<ClinicRole> readLoginRole() {
        if (jdbc.sql("SELECT soapstone_login_is_owner()").query(Boolean.class).single()) {
            return Optional.of(ClinicRole.OWNER);
        }
        List<String> groups = jdbc.sql("""
                        SELECT rolname FROM pg_roles
                        WHERE rolname IN (?, ?) AND pg_has_role(session_user, oid, 'MEMBER')""")
                .param(ClinicRole.THERAPIST.group()).param(ClinicRole.RECEPTION.group()).query(String.class).list();
        return groups.contains(ClinicRole.THERAPIST.group()) ? Optional.of(ClinicRole.THERAPIST)
                : groups.contains(ClinicRole.RECEPTION.group()) ? Optional.of(ClinicRole.RECEPTION) : Optional.empty();
    }

    /** Whether this login may read intakes, notes and care plans: all but reception (and everyone on SQLite). */
    public boolean readsClinicalRecords() {
        return loginRole().filter(role -> role == ClinicRole.RECEPTION).isEmpty();
    }

    /** The login Soapstone runs as ({@code session_user}), or empty on SQLite. */
    @Transactional(readOnly = true)
    public Optional<String> login() {
        Optional<String> known = login;
        if (known == null) {
            known = available() ? Optional.of(jdbc.sql("SELECT session_user").query(String.class).single())
                    : Optional.empty();
            login = known;
        }
        return known;
    }

    /**
     * Makes the group roles if the server has none yet (they are the server's, shared by its
     * databases, so another database may have made them), and in this database gives each what
     * it may read and write. Run again after an upgrade of Soapstone: a new table gets its GRANTs then.
     */
    @Transactional
    public void init() {
        requirePostgres("clinic roles init");
        for (ClinicRole role : ClinicRole.values()) {
            // Made at once by another database's init: theirs is the same role.
            jdbc.sql("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role.group() + "') THEN"
                    + " CREATE ROLE " + role.group() + " NOLOGIN; END IF;"
                    + " EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$").update();
        }
        String schema = jdbc.sql("SELECT quote_ident(current_schema())").query(String.class).single();
        String all = String.join(", ", Arrays.stream(ClinicRole.values()).map(ClinicRole::group).toList());
        String owner = ClinicRole.OWNER.group();
        String therapist = ClinicRole.THERAPIST.group();
        String reception = ClinicRole.RECEPTION.group();
        List<String> statements = new ArrayList<>(List.of(
                // From nothing, so that running it again takes back what an older version gave.
                "REVOKE ALL ON ALL TABLES IN SCHEMA " + schema + " FROM " + all,
                "REVOKE ALL ON ALL SEQUENCES IN SCHEMA " + schema + " FROM " + all,
                "GRANT USAGE ON SCHEMA " + schema + " TO " + all,
                // Ids of new rows, and the audit trail's and care plans' numbering by their INSERT guards.
                "GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + all,
                "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema + " TO " + owner + ", " + therapist,
                // Who the practitioners are and which login each is decides who signs: the owner's to change.
                // So are their working hours (V023) and the services the clinic offers (V022), which everyone reads to book.
                "REVOKE INSERT, UPDATE, DELETE ON clinic, practitioner, practitioner_hours, service, flyway_schema_history"
                        + " FROM " + therapist,
                "GRANT SELECT ON clinic, practitioner, practitioner_hours, service, flyway_schema_history TO " + reception,
                "GRANT SELECT, INSERT, UPDATE ON client TO " + reception,
                // The front desk keeps the appointment book (V021); its note is the desk's, not a clinical note.
                "GRANT SELECT, INSERT, UPDATE ON appointment TO " + reception,
                // When each client was last seen, as a front desk books them, and what a receipt says of
                // a visit (V026): who, with whom, when and how long - never the note.
                "GRANT SELECT (id, client_id, practitioner_id, started_at, duration_minutes) ON session TO " + reception,
                // The desk issues receipts and records payments; receipts are final, so no UPDATE or DELETE.
                "GRANT SELECT, INSERT ON receipt, receipt_void, receipt_payment TO " + reception,
                // What reception changes is audited and chained like any change.
                "GRANT SELECT, INSERT ON audit_event, record_chain TO " + reception,
                // The audit trail's count of its events, by which the next one is numbered (V019).
                "GRANT SELECT, INSERT, UPDATE ON audit_event_last_id TO " + reception,
                // Audit events about clinical records name them (a signed session, an intake):
                // reception sees and writes only those about clients, the clinic, practitioners, appointments,
                // receipts and reports written, and sees those about services, which only the owner changes.
                "ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY",
                "DROP POLICY IF EXISTS soapstone_staff ON audit_event",
                "CREATE POLICY soapstone_staff ON audit_event TO " + owner + ", " + therapist
                        + " USING (true) WITH CHECK (true)",
                "DROP POLICY IF EXISTS soapstone_reception ON audit_event",
                "CREATE POLICY soapstone_reception ON audit_event TO " + reception
                        + " USING (record_type IN ('client', 'clinic', 'practitioner', 'appointment', 'service', 'receipt',"
                        + " 'report'))"
                        + " WITH CHECK (record_type IN ('client', 'clinic', 'practitioner', 'appointment', 'receipt',"
                        + " 'report'))"));
        statements.forEach(statement -> jdbc.sql(statement).update());
    }

    /**
     * Puts {@code login} in {@code role}, and in no other of the clinic's roles, making the login
     * (without a password: the administrator sets one with psql's {@code \password}, or the
     * server takes certificates) if the server has none by that name.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void grant(ClinicRole role, String login) {
        requireInitialised("login");
        if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ?)").param(login).query(Boolean.class)
                .single()) {
            jdbc.sql("CREATE ROLE " + login + " LOGIN").update();
        }
        for (ClinicRole other : ClinicRole.values()) {
            if (other != role && isMember(login, other)) {
                jdbc.sql("REVOKE " + other.group() + " FROM " + login).update();
            }
        }
        jdbc.sql("GRANT " + role.group() + " TO " + login).update();
    }

    /** Whether {@code login} is directly a member of {@code role}'s group (a superuser is not counted). */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean isMember(String login, ClinicRole role) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                                       JOIN pg_roles l ON l.oid = m.member WHERE g.rolname = ? AND l.rolname = ?)""")
                .param(role.group()).param(login).query(Boolean.class).single();
    }

    /** {@code value} as a login name, or refused naming {@code option}; refused on SQLite, which has no logins. */
    String loginName(String option, String value) {
        if (!available()) {
            throw InvalidInputException.forField(option, "is for a clinic on PostgreSQL, where each person logs in"
                    + " as their own database role; this database is a SQLite file, with no logins");
        }
        String login = value.strip();
        if (!LOGIN.matcher(login).matches() || login.startsWith("pg_") || login.startsWith("soapstone_")) {
            throw InvalidInputException.forField(option, "must be a PostgreSQL login name: lower-case letters, digits"
                    + " and _, not starting with a digit, pg_ or soapstone_ (e.g. alex)");
        }
        return login;
    }

    private void requirePostgres(String command) {
        if (!available()) {
            throw new ConflictException("'" + command + "' is for a clinic on PostgreSQL: this database is a SQLite"
                    + " file, with no logins or roles");
        }
    }

    /** Refused until {@code clinic roles init} has run in this database: a login in a role that may read nothing. */
    private void requireInitialised(String what) {
        boolean ready = jdbc.sql("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ?)")
                .param(ClinicRole.THERAPIST.group()).query(Boolean.class).single()
                && jdbc.sql("SELECT has_table_privilege(?, 'session', 'SELECT')").param(ClinicRole.THERAPIST.group())
                .query(Boolean.class).single();
        if (!ready) {
            throw new ConflictException("The clinic's roles are not set up in this database yet, so a " + what
                    + " cannot be given one: run 'clinic roles init' first (as the database's owner)");
        }
    }
}
