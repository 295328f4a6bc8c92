-- Identity the database enforces (issue 17): a practitioner is a PostgreSQL login role
-- (practitioner.db_role), the audit trail's actor is the login the database sees (session_user)
-- rather than what the client sends, and a note or addendum is signed only by its practitioner's
-- own login. The group roles, GRANTs and row-level security are made by 'clinic roles init' (roles
-- are the server's, not this database's, and need an administrator): this migration only adds what
-- holds in every database.
--
-- "Roles in use" means some practitioner has a db_role. Until then (a solo therapist, a clinic
-- sharing one login) signing and the audit trail's practitioner work exactly as before: nothing
-- ties a practitioner to a login. The login is recorded on every audit event either way.

ALTER TABLE practitioner ADD COLUMN db_role text;
ALTER TABLE audit_event ADD COLUMN login text;
-- One practitioner per login: otherwise one login could sign as two people.
CREATE UNIQUE INDEX practitioner_db_role ON practitioner (db_role);

-- SECURITY DEFINER: the checks read practitioner whatever the login may read. Their search path
-- is set at the end of this file to this schema, then pg_temp: a login cannot slip in a table of
-- its own by that name (a temporary table would otherwise be found first).

-- Whether the login is the clinic's owner: a superuser, the database's owner, or a member of
-- soapstone_owner (when that group exists: pg_has_role refuses a role that does not).
CREATE FUNCTION soapstone_login_is_owner() RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER
    AS $$
BEGIN
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)
       OR session_user = (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()) THEN
        RETURN true;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'soapstone_owner') THEN
        RETURN pg_has_role(session_user, 'soapstone_owner', 'MEMBER');
    END IF;
    RETURN false;
END $$;

-- The audit event's actor, from the database: the login always; once roles are in use, the
-- practitioner is the one whose login this is (none for a front-desk login), whatever the client
-- sent. A row given with its id (a practice copied in with its history) keeps the actor it had when
-- the owner copies it; an event Soapstone writes leaves its id to the database.
CREATE FUNCTION audit_event_actor() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    AS $$
BEGIN
    IF NEW.id IS NOT NULL AND soapstone_login_is_owner() THEN
        RETURN NEW;
    END IF;
    NEW.login := session_user;
    IF EXISTS (SELECT 1 FROM practitioner WHERE db_role IS NOT NULL) THEN
        NEW.practitioner_id := (SELECT id FROM practitioner WHERE db_role = session_user);
    END IF;
    RETURN NEW;
END $$;
-- Named to run before audit_event_is_appended_insert (PostgreSQL runs triggers in name order).
CREATE TRIGGER audit_event_actor_insert BEFORE INSERT ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_actor();

-- A practitioner signs only as themselves: once roles are in use, the signer's db_role must be
-- the login. TG_ARGV[0] names the column that holds the signer. 42501 (insufficient_privilege):
-- the application reports it as a refusal for this login (exit status 4).
CREATE FUNCTION signer_is_the_login() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    AS $$
DECLARE
    signer bigint := (to_jsonb(NEW) ->> TG_ARGV[0])::bigint;
    signer_login text := (SELECT db_role FROM practitioner WHERE id = signer);
BEGIN
    IF EXISTS (SELECT 1 FROM practitioner WHERE db_role IS NOT NULL)
       AND signer_login IS DISTINCT FROM session_user THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege', MESSAGE = format(
            'practitioners sign only as themselves: practitioner %s is %s, and this login is %s',
            signer, coalesce('login ' || signer_login, 'no login'), session_user);
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER session_signer_is_the_login BEFORE UPDATE ON session
    FOR EACH ROW WHEN (OLD.signed_at IS NULL AND NEW.signed_at IS NOT NULL)
    EXECUTE FUNCTION signer_is_the_login('signed_by');
CREATE TRIGGER addendum_signer_is_the_login BEFORE INSERT ON addendum
    FOR EACH ROW EXECUTE FUNCTION signer_is_the_login('practitioner_id');

-- The guard on chain links looks the final record up in every table the chain covers; run as its
-- owner, so that a front-desk login linking its client's audit event needs no right to read notes.
ALTER FUNCTION record_chain_links_final_record() SECURITY DEFINER;

DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION soapstone_login_is_owner() SET search_path = %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION audit_event_actor() SET search_path = %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION signer_is_the_login() SET search_path = %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION record_chain_links_final_record() SET search_path = %I, pg_temp', current_schema());
END $$;
