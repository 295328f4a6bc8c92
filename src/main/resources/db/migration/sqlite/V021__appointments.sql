-- The appointment book (issue 18). The clinic's time zone, an IANA name such as Australia/Sydney:
-- appointments are typed and shown in its local time. Unset until 'clinic set --time-zone', when
-- the computer's own zone is used.
ALTER TABLE clinic ADD COLUMN time_zone TEXT;

-- An appointment: a client, a practitioner and a slot. starts_at and ends_at are UTC instants
-- (text, as every instant is stored), unambiguous across daylight saving; time_zone is the zone
-- the local time was typed in. Not a final record: a move changes it, and cancelling or a no-show
-- sets its status (never a delete), each audited.
CREATE TABLE appointment (
    id              INTEGER PRIMARY KEY,
    client_id       INTEGER NOT NULL REFERENCES client (id),
    practitioner_id INTEGER NOT NULL REFERENCES practitioner (id),
    starts_at       TEXT NOT NULL,
    ends_at         TEXT NOT NULL CHECK (ends_at > starts_at),
    time_zone       TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('BOOKED', 'CANCELLED', 'NO_SHOW', 'DONE')),
    note            TEXT,
    cancel_reason   TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    version         INTEGER NOT NULL DEFAULT 0
);

-- A practitioner's day (and the overlap check), and a client's appointments.
CREATE INDEX appointment_practitioner_start ON appointment (practitioner_id, starts_at);
CREATE INDEX appointment_client_start ON appointment (client_id, starts_at);
