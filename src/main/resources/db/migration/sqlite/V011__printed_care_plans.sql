-- Soapstone schema, version 11: care plans (or see-a-doctor sheets) printed for the client.
-- printer names the printer a copy was sent to (plan print, plan export --print); NULL for a copy
-- written to a file only, as every export before this version was.
-- file_name stays NOT NULL: a copy printed without writing a file (plan print) records the file
-- name '(printed only, no file)', which no written copy has (theirs are absolute paths). The check
-- keeps that name for printed copies.
ALTER TABLE care_plan_export ADD COLUMN printer TEXT
    CHECK (CASE WHEN printer IS NULL THEN file_name <> '(printed only, no file)' ELSE length(printer) > 0 END);
