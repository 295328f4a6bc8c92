-- Soapstone schema, version 8: the minutes of self-massage a day the therapist suggests the client
-- does at home, for the take-home care plan. Research does not establish a duration, so it is the
-- therapist's own number: NULL unless they give one, never a default.
-- Notes signed before this version have it NULL; the record chain hashes the column only when it is
-- set (see RecordDigests), so their links stay valid. session_signed_is_final_update (version 3)
-- refuses any UPDATE of a signed note, so this column is final once signed like the others.

ALTER TABLE session ADD COLUMN home_massage_minutes INTEGER CHECK (home_massage_minutes BETWEEN 1 AND 60);
