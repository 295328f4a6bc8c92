-- Soapstone schema, version 4: every care plan exported, recorded against the client.
CREATE TABLE care_plan_export (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id   INTEGER NOT NULL REFERENCES client (id),
    session_id  INTEGER REFERENCES session (id),
    exported_at TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
    paper       TEXT NOT NULL CHECK (paper IN ('a4', 'letter'))
);

CREATE INDEX care_plan_export_client ON care_plan_export (client_id, exported_at);

CREATE TRIGGER care_plan_export_is_permanent_update BEFORE UPDATE ON care_plan_export
BEGIN SELECT RAISE(ABORT, 'the export record is permanent'); END;
CREATE TRIGGER care_plan_export_is_permanent_delete BEFORE DELETE ON care_plan_export
BEGIN SELECT RAISE(ABORT, 'the export record is permanent'); END;
