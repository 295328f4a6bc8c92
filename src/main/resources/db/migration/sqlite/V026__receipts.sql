-- Receipts (issue 19): what a client is given for a visit, numbered per clinic with no gap, and
-- final from the moment it is issued. A receipt holds what it says as it was said - the client's
-- and therapist's names, the registration and tax numbers, the service, fee and tax - so a reprint
-- years later says the same even after a rename or a new price. A mistake is put right by voiding
-- the receipt (a row in receipt_void, with the reason) and issuing a new one, never by an edit.
-- Money is an integer count of the currency's minor unit with its code, as service.price_minor.
CREATE TABLE receipt (
    id                       INTEGER PRIMARY KEY AUTOINCREMENT,
    number                   INTEGER NOT NULL UNIQUE CHECK (number > 0),
    session_id               INTEGER NOT NULL REFERENCES session (id),
    client_id                INTEGER NOT NULL REFERENCES client (id),
    practitioner_id          INTEGER NOT NULL REFERENCES practitioner (id),
    service_id               INTEGER REFERENCES service (id),
    visit_date               TEXT NOT NULL CHECK (date(visit_date) IS visit_date),
    client_name              TEXT NOT NULL,
    practitioner_name        TEXT NOT NULL,
    practitioner_credentials TEXT NOT NULL,
    registration_number      TEXT,
    tax_number               TEXT,
    service_name             TEXT NOT NULL,
    minutes                  INTEGER CHECK (minutes > 0),
    currency                 TEXT NOT NULL CHECK (length(currency) = 3),
    fee_minor                INTEGER NOT NULL CHECK (fee_minor >= 0),
    tax_name                 TEXT,
    tax_rate                 TEXT,
    tax_minor                INTEGER NOT NULL CHECK (tax_minor >= 0),
    total_minor              INTEGER NOT NULL CHECK (total_minor = fee_minor + tax_minor),
    issued_at                TEXT NOT NULL,
    CHECK ((tax_name IS NULL) = (tax_rate IS NULL))
);

CREATE INDEX receipt_session ON receipt (session_id);
CREATE INDEX receipt_client ON receipt (client_id, number);

-- A receipt voided: at most once, with the reason. The receipt itself stays as it was issued.
CREATE TABLE receipt_void (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    receipt_id INTEGER NOT NULL UNIQUE REFERENCES receipt (id),
    voided_at  TEXT NOT NULL,
    reason     TEXT NOT NULL CHECK (length(trim(reason)) > 0)
);

-- What was paid against a receipt, and refunded: a ledger, appended to. moved-out and moved-in
-- carry what was paid on a voided receipt over to the receipt that replaces it; they are never
-- income. Net paid = payment + moved-in - refund - moved-out.
CREATE TABLE receipt_payment (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    receipt_id   INTEGER NOT NULL REFERENCES receipt (id),
    kind         TEXT NOT NULL CHECK (kind IN ('payment', 'refund', 'moved-in', 'moved-out')),
    amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
    method       TEXT NOT NULL CHECK (method IN ('card', 'cash', 'transfer', 'insurance')),
    payer        TEXT,
    note         TEXT,
    paid_at      TEXT NOT NULL
);

CREATE INDEX receipt_payment_receipt ON receipt_payment (receipt_id, id);
CREATE INDEX receipt_payment_paid ON receipt_payment (paid_at);

-- Final from the moment they are written.
CREATE TRIGGER receipt_is_final_update BEFORE UPDATE ON receipt
BEGIN SELECT RAISE(ABORT, 'receipts are final: void it and issue a new one'); END;
CREATE TRIGGER receipt_is_final_delete BEFORE DELETE ON receipt
BEGIN SELECT RAISE(ABORT, 'receipts are final: void it and issue a new one'); END;
CREATE TRIGGER receipt_void_is_final_update BEFORE UPDATE ON receipt_void
BEGIN SELECT RAISE(ABORT, 'a void is final'); END;
CREATE TRIGGER receipt_void_is_final_delete BEFORE DELETE ON receipt_void
BEGIN SELECT RAISE(ABORT, 'a void is final'); END;
CREATE TRIGGER receipt_payment_is_final_update BEFORE UPDATE ON receipt_payment
BEGIN SELECT RAISE(ABORT, 'payments are final: record a refund instead'); END;
CREATE TRIGGER receipt_payment_is_final_delete BEFORE DELETE ON receipt_payment
BEGIN SELECT RAISE(ABORT, 'payments are final: record a refund instead'); END;

-- Numbered with no gap and never reused: each receipt takes the next number. Issuing holds the
-- database's write lock, so two desks issuing at once take turns.
CREATE TRIGGER receipt_number_is_next_insert BEFORE INSERT ON receipt
WHEN NEW.number IS NOT coalesce((SELECT max(number) FROM receipt), 0) + 1
BEGIN SELECT RAISE(ABORT, 'receipts are numbered in order: a receipt takes the next number'); END;
-- Payments go on a receipt; a voided one takes only refunds and what is moved off it.
CREATE TRIGGER receipt_payment_on_open_receipt_insert BEFORE INSERT ON receipt_payment
WHEN NEW.kind IN ('payment', 'moved-in') AND EXISTS (SELECT 1 FROM receipt_void WHERE receipt_id = NEW.receipt_id)
BEGIN SELECT RAISE(ABORT, 'a voided receipt takes no payment'); END;

-- The record chain takes the three new kinds. SQLite cannot widen a CHECK constraint, so the
-- table is made again with every link as it was (as version 12 did), and its triggers with it.
CREATE TABLE record_chain_v26 (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    record_type   TEXT NOT NULL
        CHECK (record_type IN ('session', 'addendum', 'intake', 'clearance', 'care-plan', 'audit',
                               'receipt', 'receipt-void', 'payment')),
    record_id     INTEGER NOT NULL,
    content_hash  TEXT NOT NULL CHECK (length(content_hash) = 64),
    previous_hash TEXT NOT NULL CHECK (length(previous_hash) = 64),
    hash          TEXT NOT NULL CHECK (length(hash) = 64),
    linked_at     TEXT NOT NULL,
    -- The id of the clinic's key when the link's hash is an HMAC-SHA256 under it; NULL: a plain SHA-256.
    key_id        TEXT CHECK (key_id IS NULL OR length(key_id) = 16),
    UNIQUE (record_type, record_id)
);

INSERT INTO record_chain_v26 (seq, record_type, record_id, content_hash, previous_hash, hash, linked_at, key_id)
SELECT seq, record_type, record_id, content_hash, previous_hash, hash, linked_at, key_id FROM record_chain ORDER BY seq;

-- Other tables' guards (V014) name record_chain: with the legacy rename, SQLite renames the table
-- without checking them against the schema in between, where record_chain does not exist.
PRAGMA legacy_alter_table = ON;
DROP TABLE record_chain;
ALTER TABLE record_chain_v26 RENAME TO record_chain;
PRAGMA legacy_alter_table = OFF;

CREATE TRIGGER record_chain_is_append_only_update BEFORE UPDATE ON record_chain
BEGIN SELECT RAISE(ABORT, 'the record chain is append-only'); END;
CREATE TRIGGER record_chain_is_append_only_delete BEFORE DELETE ON record_chain
BEGIN SELECT RAISE(ABORT, 'the record chain is append-only'); END;
CREATE TRIGGER record_chain_follows_head_insert BEFORE INSERT ON record_chain
WHEN NEW.previous_hash IS NOT coalesce((SELECT hash FROM record_chain ORDER BY seq DESC LIMIT 1),
                                       '0000000000000000000000000000000000000000000000000000000000000000')
  OR (NEW.seq <> -1 AND NEW.seq IS NOT coalesce((SELECT max(seq) FROM record_chain), 0) + 1)
BEGIN SELECT RAISE(ABORT, 'the record chain is append-only: a link follows the last one'); END;
CREATE TRIGGER record_chain_links_final_record_insert BEFORE INSERT ON record_chain
WHEN NOT CASE NEW.record_type
    WHEN 'session' THEN EXISTS (SELECT 1 FROM session WHERE id = NEW.record_id AND signed_at IS NOT NULL)
    WHEN 'addendum' THEN EXISTS (SELECT 1 FROM addendum WHERE id = NEW.record_id)
    WHEN 'intake' THEN EXISTS (SELECT 1 FROM intake WHERE id = NEW.record_id)
    WHEN 'clearance' THEN EXISTS (SELECT 1 FROM intake_clearance WHERE id = NEW.record_id)
    WHEN 'care-plan' THEN EXISTS (SELECT 1 FROM care_plan_export WHERE id = NEW.record_id)
    WHEN 'audit' THEN EXISTS (SELECT 1 FROM audit_event WHERE id = NEW.record_id)
    WHEN 'receipt' THEN EXISTS (SELECT 1 FROM receipt WHERE id = NEW.record_id)
    WHEN 'receipt-void' THEN EXISTS (SELECT 1 FROM receipt_void WHERE id = NEW.record_id)
    WHEN 'payment' THEN EXISTS (SELECT 1 FROM receipt_payment WHERE id = NEW.record_id)
    ELSE 0 END
BEGIN SELECT RAISE(ABORT, 'a link is for a final record that exists'); END;
CREATE TRIGGER record_chain_stays_keyed_insert BEFORE INSERT ON record_chain
WHEN (SELECT key_id FROM record_chain ORDER BY seq DESC LIMIT 1) IS NOT NULL
 AND NEW.key_id IS NOT (SELECT key_id FROM record_chain ORDER BY seq DESC LIMIT 1)
BEGIN SELECT RAISE(ABORT, 'the record chain is keyed: links are made with the clinic''s key'); END;
