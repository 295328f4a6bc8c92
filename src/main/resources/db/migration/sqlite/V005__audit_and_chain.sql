-- Soapstone schema, version 5: the audit trail and the tamper-evident chain of signed records.

-- Every create, change, sign, addendum, export, import, backup and restore. Append-only.
CREATE TABLE audit_event (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    at              TEXT NOT NULL,
    practitioner_id INTEGER REFERENCES practitioner (id),
    action          TEXT NOT NULL,
    record_type     TEXT NOT NULL,
    record_id       INTEGER,
    client_id       INTEGER REFERENCES client (id),
    summary         TEXT NOT NULL
);

CREATE INDEX audit_event_client ON audit_event (client_id, at);
CREATE INDEX audit_event_at ON audit_event (at);

CREATE TRIGGER audit_event_is_append_only_update BEFORE UPDATE ON audit_event
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_event_is_append_only_delete BEFORE DELETE ON audit_event
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

-- One link per signed note and per addendum, in the order they became final. Each link's hash
-- covers the record's content hash and the previous link's hash, so changing any signed record,
-- or any link, breaks every hash after it.
CREATE TABLE record_chain (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    record_type   TEXT NOT NULL CHECK (record_type IN ('session', 'addendum')),
    record_id     INTEGER NOT NULL,
    content_hash  TEXT NOT NULL CHECK (length(content_hash) = 64),
    previous_hash TEXT NOT NULL CHECK (length(previous_hash) = 64),
    hash          TEXT NOT NULL CHECK (length(hash) = 64),
    linked_at     TEXT NOT NULL,
    UNIQUE (record_type, record_id)
);

CREATE TRIGGER record_chain_is_append_only_update BEFORE UPDATE ON record_chain
BEGIN SELECT RAISE(ABORT, 'the record chain is append-only'); END;
CREATE TRIGGER record_chain_is_append_only_delete BEFORE DELETE ON record_chain
BEGIN SELECT RAISE(ABORT, 'the record chain is append-only'); END;
