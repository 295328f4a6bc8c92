-- Soapstone schema, version 2: intake forms (dated versions, never changed once recorded) and
-- medical clearances of urgent referrals.

CREATE TABLE intake (
    id                       INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id                INTEGER NOT NULL REFERENCES client (id),
    version                  INTEGER NOT NULL CHECK (version > 0),
    taken_on                 TEXT NOT NULL CHECK (date(taken_on) IS taken_on),
    recorded_at              TEXT NOT NULL,
    practitioner_id          INTEGER REFERENCES practitioner (id),
    cramp_frequency_per_week REAL NOT NULL CHECK (cramp_frequency_per_week >= 0),
    cramp_frequency_given    TEXT NOT NULL,
    cramp_severity           INTEGER NOT NULL CHECK (cramp_severity BETWEEN 0 AND 10),
    cramp_duration_minutes   REAL CHECK (cramp_duration_minutes >= 0),
    cramp_timing             TEXT CHECK (cramp_timing IN ('night', 'day', 'exercise', 'mixed')),
    cramp_sleep_disturbance  INTEGER CHECK (cramp_sleep_disturbance BETWEEN 0 AND 10),
    cramp_triggers           TEXT,
    cramp_since              TEXT,
    other_conditions         TEXT,
    water_glasses            REAL CHECK (water_glasses >= 0),
    water_litres             REAL CHECK (water_litres >= 0),
    caffeine                 TEXT,
    alcohol                  TEXT,
    activity                 TEXT,
    occupation               TEXT,
    allergies                TEXT,
    consent_date             TEXT NOT NULL CHECK (date(consent_date) IS consent_date),
    consent_given_by         TEXT NOT NULL,
    UNIQUE (client_id, version)
);

CREATE TABLE intake_site (
    intake_id INTEGER NOT NULL REFERENCES intake (id),
    position  INTEGER NOT NULL,
    site      TEXT NOT NULL,
    PRIMARY KEY (intake_id, position)
);

CREATE TABLE intake_condition (
    intake_id INTEGER NOT NULL REFERENCES intake (id),
    position  INTEGER NOT NULL,
    condition TEXT NOT NULL,
    PRIMARY KEY (intake_id, position)
);

CREATE TABLE intake_red_flag (
    intake_id INTEGER NOT NULL REFERENCES intake (id),
    position  INTEGER NOT NULL,
    red_flag  TEXT NOT NULL,
    PRIMARY KEY (intake_id, position)
);

CREATE TABLE intake_consent_element (
    intake_id INTEGER NOT NULL REFERENCES intake (id),
    position  INTEGER NOT NULL,
    element   TEXT NOT NULL,
    PRIMARY KEY (intake_id, position)
);

CREATE TABLE intake_medication (
    intake_id   INTEGER NOT NULL REFERENCES intake (id),
    position    INTEGER NOT NULL,
    description TEXT NOT NULL,
    name        TEXT NOT NULL,
    dose        TEXT,
    frequency   TEXT,
    PRIMARY KEY (intake_id, position)
);

CREATE TABLE intake_surgery (
    intake_id   INTEGER NOT NULL REFERENCES intake (id),
    position    INTEGER NOT NULL,
    description TEXT NOT NULL,
    performed   TEXT,
    side        TEXT CHECK (side IN ('left', 'right', 'both')),
    PRIMARY KEY (intake_id, position)
);

CREATE TABLE intake_clearance (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    intake_id       INTEGER NOT NULL REFERENCES intake (id),
    cleared_on      TEXT NOT NULL CHECK (date(cleared_on) IS cleared_on),
    note            TEXT NOT NULL CHECK (length(trim(note)) > 0),
    practitioner_id INTEGER REFERENCES practitioner (id),
    recorded_at     TEXT NOT NULL
);

CREATE INDEX intake_clearance_intake ON intake_clearance (intake_id);

-- Intakes and clearances are health records: once written they are never changed or removed.
-- A correction is a new intake version.
CREATE TRIGGER intake_is_permanent_update BEFORE UPDATE ON intake
BEGIN SELECT RAISE(ABORT, 'intakes are permanent: record a new intake instead'); END;
CREATE TRIGGER intake_is_permanent_delete BEFORE DELETE ON intake
BEGIN SELECT RAISE(ABORT, 'intakes are permanent: record a new intake instead'); END;
CREATE TRIGGER intake_site_is_permanent_update BEFORE UPDATE ON intake_site
BEGIN SELECT RAISE(ABORT, 'intakes are permanent'); END;
CREATE TRIGGER intake_site_is_permanent_delete BEFORE DELETE ON intake_site
BEGIN SELECT RAISE(ABORT, 'intakes are permanent'); END;
CREATE TRIGGER intake_condition_is_permanent_update BEFORE UPDATE ON intake_condition
BEGIN SELECT RAISE(ABORT, 'intakes are permanent'); END;
CREATE TRIGGER intake_condition_is_permanent_delete BEFORE DELETE ON intake_condition
BEGIN SELECT RAISE(ABORT, 'intakes are permanent'); END;
CREATE TRIGGER intake_red_flag_is_permanent_update BEFORE UPDATE ON intake_red_flag
BEGIN SELECT RAISE(ABORT, 'intakes are permanent'); END;
CREATE TRIGGER intake_red_flag_is_permanent_delete BEFORE DELETE ON intake_red_flag
BEGIN SELECT RAISE(ABORT, 'intakes are permanent'); END;
CREATE TRIGGER intake_consent_element_is_permanent_update BEFORE UPDATE ON intake_consent_element
BEGIN SELECT RAISE(ABORT, 'intakes are permanent'); END;
CREATE TRIGGER intake_consent_element_is_permanent_delete BEFORE DELETE ON intake_consent_element
BEGIN SELECT RAISE(ABORT, 'intakes are permanent'); END;
CREATE TRIGGER intake_medication_is_permanent_update BEFORE UPDATE ON intake_medication
BEGIN SELECT RAISE(ABORT, 'intakes are permanent'); END;
CREATE TRIGGER intake_medication_is_permanent_delete BEFORE DELETE ON intake_medication
BEGIN SELECT RAISE(ABORT, 'intakes are permanent'); END;
CREATE TRIGGER intake_surgery_is_permanent_update BEFORE UPDATE ON intake_surgery
BEGIN SELECT RAISE(ABORT, 'intakes are permanent'); END;
CREATE TRIGGER intake_surgery_is_permanent_delete BEFORE DELETE ON intake_surgery
BEGIN SELECT RAISE(ABORT, 'intakes are permanent'); END;
CREATE TRIGGER intake_clearance_is_permanent_update BEFORE UPDATE ON intake_clearance
BEGIN SELECT RAISE(ABORT, 'clearances are permanent'); END;
CREATE TRIGGER intake_clearance_is_permanent_delete BEFORE DELETE ON intake_clearance
BEGIN SELECT RAISE(ABORT, 'clearances are permanent'); END;
