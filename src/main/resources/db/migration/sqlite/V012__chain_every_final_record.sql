-- Soapstone schema, version 12: the record chain takes every kind of final record - intake versions,
-- medical clearances, care plans given and audit events besides signed notes and addenda - and can
-- be keyed with the clinic's secret (records key --create). SQLite cannot widen a CHECK constraint,
-- so the table is made again with every link as it was (same seq, same hashes). Version 13 links the
-- records made final before this version; version 14 guards what may be inserted.

CREATE TABLE record_chain_v12 (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    record_type   TEXT NOT NULL
        CHECK (record_type IN ('session', 'addendum', 'intake', 'clearance', 'care-plan', 'audit')),
    record_id     INTEGER NOT NULL,
    content_hash  TEXT NOT NULL CHECK (length(content_hash) = 64),
    previous_hash TEXT NOT NULL CHECK (length(previous_hash) = 64),
    hash          TEXT NOT NULL CHECK (length(hash) = 64),
    linked_at     TEXT NOT NULL,
    -- The id of the clinic's key when the link's hash is an HMAC-SHA256 under it; NULL: a plain SHA-256.
    key_id        TEXT CHECK (key_id IS NULL OR length(key_id) = 16),
    UNIQUE (record_type, record_id)
);

INSERT INTO record_chain_v12 (seq, record_type, record_id, content_hash, previous_hash, hash, linked_at)
SELECT seq, record_type, record_id, content_hash, previous_hash, hash, linked_at FROM record_chain ORDER BY seq;

-- Drops the append-only triggers of version 5 with it; they are made again below.
DROP TABLE record_chain;
ALTER TABLE record_chain_v12 RENAME TO record_chain;

CREATE TRIGGER record_chain_is_append_only_update BEFORE UPDATE ON record_chain
BEGIN SELECT RAISE(ABORT, 'the record chain is append-only'); END;
CREATE TRIGGER record_chain_is_append_only_delete BEFORE DELETE ON record_chain
BEGIN SELECT RAISE(ABORT, 'the record chain is append-only'); END;
