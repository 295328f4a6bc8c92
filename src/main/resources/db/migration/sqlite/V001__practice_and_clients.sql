-- Soapstone schema, version 1: the clinic, its practitioners and its clients.
-- Dates are ISO-8601 text (YYYY-MM-DD); instants are UTC text (YYYY-MM-DDTHH:MM:SS.sssZ).

CREATE TABLE clinic (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    name       TEXT NOT NULL,
    address    TEXT NOT NULL,
    phone      TEXT NOT NULL,
    email      TEXT,
    website    TEXT,
    updated_at TEXT NOT NULL
);

CREATE TABLE practitioner (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    name                TEXT NOT NULL,
    credentials         TEXT NOT NULL,
    registration_number TEXT,
    is_default          INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
    created_at          TEXT NOT NULL
);

-- At most one default practitioner.
CREATE UNIQUE INDEX practitioner_single_default ON practitioner (is_default) WHERE is_default = 1;

-- AUTOINCREMENT: a client id is never reused, even after a mistaken entry is removed.
CREATE TABLE client (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    first_name        TEXT NOT NULL CHECK (length(trim(first_name)) > 0),
    last_name         TEXT NOT NULL CHECK (length(trim(last_name)) > 0),
    preferred_name    TEXT,
    date_of_birth     TEXT CHECK (date_of_birth IS NULL OR date(date_of_birth) IS date_of_birth),
    phone             TEXT,
    email             TEXT,
    address           TEXT,
    emergency_contact TEXT,
    notes             TEXT,
    -- Case- and accent-folded names, email and phone digits, for client search.
    search_text       TEXT NOT NULL,
    archived_at       TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);

CREATE INDEX client_last_name ON client (last_name);
