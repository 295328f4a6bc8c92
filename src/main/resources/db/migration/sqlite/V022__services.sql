-- Services (issue 18): what the clinic offers, such as "Remedial massage 60 min", with the length
-- an appointment for it takes unless another is given. A service is never deleted: retired_at is set
-- when the clinic stops offering it, and past appointments keep pointing at it. version counts its
-- changes for optimistic locking, as on the other records edited in place (V019). Fees, tax and
-- billing codes (issue 19) are columns a later migration adds to this table.
CREATE TABLE service (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    minutes    INTEGER NOT NULL CHECK (minutes BETWEEN 5 AND 480),
    retired_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 0
);

-- One offered service by each name, case aside; a retired one's name may be used again. The
-- application checks first, folding case beyond ASCII too, and words the refusal.
CREATE UNIQUE INDEX service_name_offered ON service (lower(name)) WHERE retired_at IS NULL;

-- The service an appointment is for; NULL for one booked without a service.
ALTER TABLE appointment ADD COLUMN service_id INTEGER REFERENCES service (id);
