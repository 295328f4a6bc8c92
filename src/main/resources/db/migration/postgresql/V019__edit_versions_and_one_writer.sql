-- Two therapists at once (issue 17).
--
-- Optimistic locking, as on SQLite: each record that is edited in place - a draft session, a client,
-- a practitioner, the clinic - counts its changes. A change is saved only if the record is still at
-- the version it was read at; otherwise someone else changed it meanwhile and the change is refused,
-- never written over theirs. Existing rows start at 0. No record's hash in the chain covers it.
ALTER TABLE session ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE client ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE practitioner ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE clinic ADD COLUMN version bigint NOT NULL DEFAULT 0;

-- One writer at a time, as SQLite's BEGIN IMMEDIATE gives: the application takes this lock first in
-- every transaction that writes (storage.PostgresTransactionManager), and the guards that number the
-- chain and the audit trail take it too, for a write that does not come through the application.
-- Held to the end of the transaction, so under READ COMMITTED a writer reads the head of the chain
-- (and the last audit id) only once the writer before it has committed or rolled back: two
-- transactions never both take the last seq + 1, and a rolled-back one leaves no gap.
CREATE FUNCTION soapstone_write_lock() RETURNS void
    LANGUAGE sql VOLATILE
    RETURN pg_advisory_xact_lock(hashtext('soapstone: one writer at a time'));

CREATE OR REPLACE FUNCTION record_chain_follows_head() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    head record_chain%ROWTYPE;
BEGIN
    PERFORM soapstone_write_lock();
    SELECT * INTO head FROM record_chain ORDER BY seq DESC LIMIT 1;
    IF NEW.seq IS NULL THEN
        NEW.seq := coalesce(head.seq, 0) + 1;
    END IF;
    IF NEW.previous_hash IS DISTINCT FROM coalesce(head.hash, repeat('0', 64))
       OR NEW.seq IS DISTINCT FROM coalesce(head.seq, 0) + 1 THEN
        RAISE EXCEPTION USING MESSAGE = 'the record chain is append-only: a link follows the last one',
            ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$;

-- Audit events are numbered 1, 2, 3... with no gap, as on SQLite, where AUTOINCREMENT keeps the last
-- id given in sqlite_sequence, which rolls back with the transaction that gave it. The sequence the
-- V018 guard drew from does not roll back (nor does setval): a rolled-back change left a gap. So the
-- last id given is kept in a table, written under the write lock: the next id is one more, and an
-- id given (a copied practice) must still come after every id ever given, even one since deleted.
-- It is PostgreSQL's counterpart of sqlite_sequence: a login that writes audit events writes it too.
CREATE TABLE audit_event_last_id (
    last_id bigint NOT NULL
);
INSERT INTO audit_event_last_id (last_id)
SELECT greatest(coalesce(max(id), 0), (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM audit_event_id_seq))
FROM audit_event;

CREATE FUNCTION audit_event_follows_last() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    last bigint;
BEGIN
    PERFORM soapstone_write_lock();
    SELECT last_id INTO last FROM audit_event_last_id;
    IF NOT FOUND THEN
        -- Emptied with TRUNCATE: start from the events there are.
        SELECT coalesce(max(id), 0) INTO last FROM audit_event;
        INSERT INTO audit_event_last_id (last_id) VALUES (last);
    END IF;
    IF NEW.id IS NULL THEN
        NEW.id := last + 1;
    ELSIF NEW.id <= last THEN
        RAISE EXCEPTION USING MESSAGE = 'the audit trail is append-only: events are appended',
            ERRCODE = 'integrity_constraint_violation';
    END IF;
    UPDATE audit_event_last_id SET last_id = NEW.id;
    RETURN NEW;
END $$;
DROP TRIGGER audit_event_is_appended_insert ON audit_event;
CREATE TRIGGER audit_event_is_appended_insert BEFORE INSERT ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_follows_last();
