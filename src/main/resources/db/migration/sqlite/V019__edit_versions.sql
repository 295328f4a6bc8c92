-- Optimistic locking (issue 17, "two therapists at once"): each record that is edited in place -
-- a draft session, a client, a practitioner, the clinic - counts its changes. A change is saved
-- only if the record is still at the version it was read at; otherwise it was changed by someone
-- else meanwhile, and the change is refused instead of silently overwriting theirs. Existing rows
-- start at 0. The version is not part of any record's hash in the record chain.
ALTER TABLE session ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE client ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE practitioner ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE clinic ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
