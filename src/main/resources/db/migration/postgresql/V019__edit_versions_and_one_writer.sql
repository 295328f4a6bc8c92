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
