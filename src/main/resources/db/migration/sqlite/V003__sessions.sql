-- Soapstone schema, version 3: treatment sessions with SOAP notes, signing and addenda.
-- A signed note is final: the triggers below refuse any change to it, its modalities or areas,
-- and any change or removal of an addendum, whatever program writes to the file.

CREATE TABLE session (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id         INTEGER NOT NULL REFERENCES client (id),
    practitioner_id   INTEGER NOT NULL REFERENCES practitioner (id),
    intake_id         INTEGER REFERENCES intake (id),
    started_at        TEXT NOT NULL CHECK (datetime(started_at) IS NOT NULL AND started_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]'),
    duration_minutes  INTEGER CHECK (duration_minutes BETWEEN 1 AND 600),
    pressure          TEXT CHECK (pressure IN ('light', 'moderate', 'firm', 'deep')),
    products          TEXT,
    pain_before       INTEGER CHECK (pain_before BETWEEN 0 AND 10),
    pain_after        INTEGER CHECK (pain_after BETWEEN 0 AND 10),
    cramps_per_week   REAL CHECK (cramps_per_week >= 0),
    cramp_severity    INTEGER CHECK (cramp_severity BETWEEN 0 AND 10),
    sleep_disturbance INTEGER CHECK (sleep_disturbance BETWEEN 0 AND 10),
    subjective        TEXT,
    objective         TEXT,
    assessment        TEXT,
    plan              TEXT,
    template          TEXT,
    -- What was shown before recording: the screening flags and modality warnings, and the
    -- reason given for treating despite an urgent referral.
    screening_shown   TEXT,
    warnings_shown    TEXT,
    override_reason   TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    signed_at         TEXT,
    signed_by         INTEGER REFERENCES practitioner (id),
    CHECK ((signed_at IS NULL) = (signed_by IS NULL))
);

CREATE INDEX session_client ON session (client_id, started_at);
CREATE INDEX session_unsigned ON session (created_at) WHERE signed_at IS NULL;

CREATE TABLE session_modality (
    session_id INTEGER NOT NULL REFERENCES session (id),
    position   INTEGER NOT NULL,
    modality   TEXT NOT NULL,
    PRIMARY KEY (session_id, position)
);

CREATE TABLE session_area (
    session_id INTEGER NOT NULL REFERENCES session (id),
    position   INTEGER NOT NULL,
    site       TEXT NOT NULL,
    PRIMARY KEY (session_id, position)
);

CREATE TABLE addendum (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id      INTEGER NOT NULL REFERENCES session (id),
    practitioner_id INTEGER NOT NULL REFERENCES practitioner (id),
    written_at      TEXT NOT NULL,
    text            TEXT NOT NULL CHECK (length(trim(text)) > 0)
);

CREATE INDEX addendum_session ON addendum (session_id, id);

CREATE TRIGGER session_signed_is_final_update BEFORE UPDATE ON session WHEN OLD.signed_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'signed notes are final: add an addendum instead'); END;
CREATE TRIGGER session_signed_is_final_delete BEFORE DELETE ON session WHEN OLD.signed_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'signed notes are final: add an addendum instead'); END;

CREATE TRIGGER session_modality_signed_insert BEFORE INSERT ON session_modality
WHEN (SELECT signed_at FROM session WHERE id = NEW.session_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'signed notes are final'); END;
-- Both sessions are checked, so a draft's row cannot be moved onto a signed note either.
CREATE TRIGGER session_modality_signed_update BEFORE UPDATE ON session_modality
WHEN (SELECT signed_at FROM session WHERE id = OLD.session_id) IS NOT NULL
  OR (SELECT signed_at FROM session WHERE id = NEW.session_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'signed notes are final'); END;
CREATE TRIGGER session_modality_signed_delete BEFORE DELETE ON session_modality
WHEN (SELECT signed_at FROM session WHERE id = OLD.session_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'signed notes are final'); END;

CREATE TRIGGER session_area_signed_insert BEFORE INSERT ON session_area
WHEN (SELECT signed_at FROM session WHERE id = NEW.session_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'signed notes are final'); END;
-- Both sessions are checked, so a draft's row cannot be moved onto a signed note either.
CREATE TRIGGER session_area_signed_update BEFORE UPDATE ON session_area
WHEN (SELECT signed_at FROM session WHERE id = OLD.session_id) IS NOT NULL
  OR (SELECT signed_at FROM session WHERE id = NEW.session_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'signed notes are final'); END;
CREATE TRIGGER session_area_signed_delete BEFORE DELETE ON session_area
WHEN (SELECT signed_at FROM session WHERE id = OLD.session_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'signed notes are final'); END;

CREATE TRIGGER addendum_needs_signed_note BEFORE INSERT ON addendum
WHEN (SELECT signed_at FROM session WHERE id = NEW.session_id) IS NULL
BEGIN SELECT RAISE(ABORT, 'addenda are for signed notes; edit the draft instead'); END;
CREATE TRIGGER addendum_is_permanent_update BEFORE UPDATE ON addendum
BEGIN SELECT RAISE(ABORT, 'addenda are permanent'); END;
CREATE TRIGGER addendum_is_permanent_delete BEFORE DELETE ON addendum
BEGIN SELECT RAISE(ABORT, 'addenda are permanent'); END;

-- Full-text search over notes and addenda, kept in step by triggers. Accents are ignored.
CREATE VIRTUAL TABLE note_search USING fts5(
    body,
    session_id UNINDEXED,
    addendum_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER session_search_insert AFTER INSERT ON session
BEGIN
    INSERT INTO note_search (body, session_id, addendum_id)
    VALUES (coalesce(NEW.subjective, '') || char(10) || coalesce(NEW.objective, '') || char(10)
            || coalesce(NEW.assessment, '') || char(10) || coalesce(NEW.plan, ''), NEW.id, NULL);
END;
CREATE TRIGGER session_search_update AFTER UPDATE OF subjective, objective, assessment, plan ON session
BEGIN
    DELETE FROM note_search WHERE session_id = OLD.id AND addendum_id IS NULL;
    INSERT INTO note_search (body, session_id, addendum_id)
    VALUES (coalesce(NEW.subjective, '') || char(10) || coalesce(NEW.objective, '') || char(10)
            || coalesce(NEW.assessment, '') || char(10) || coalesce(NEW.plan, ''), NEW.id, NULL);
END;
CREATE TRIGGER session_search_delete AFTER DELETE ON session
BEGIN
    DELETE FROM note_search WHERE session_id = OLD.id;
END;
CREATE TRIGGER addendum_search_insert AFTER INSERT ON addendum
BEGIN
    INSERT INTO note_search (body, session_id, addendum_id) VALUES (NEW.text, NEW.session_id, NEW.id);
END;
