-- The diagnosis codes and minutes by procedure code of a session, as sqlite/V027 adds them: NULL
-- unless given, hashed by the record chain only when set. The table-level GRANTs cover the new
-- columns; reception's column-level SELECT on session (clinic roles) does not include them.

ALTER TABLE session ADD COLUMN diagnosis_codes text;
ALTER TABLE session ADD COLUMN procedure_minutes text;
