-- What a superbill needs from a session (issue 19), recorded by the therapist with the note:
-- diagnosis_codes, the ICD-10-CM codes of templates/billing/codes.yaml that the visit treated, in the
-- order given, comma-separated ("R25.2,M62.831"); procedure_minutes, the minutes spent under each
-- procedure code of that file ("97124:40,97140:20"), from which the superbill counts units by the
-- 8-minute rule. Both NULL unless given: sessions from before this version have none, and the record
-- chain hashes these columns only when set (see RecordDigests), so their links stay valid. Kept as the
-- codes themselves, not ids into the template, since a clinic may edit the template.
-- session_signed_is_final_update (version 3) refuses any UPDATE of a signed note, so both are final
-- once the note is signed, like the rest of it.

ALTER TABLE session ADD COLUMN diagnosis_codes TEXT;
ALTER TABLE session ADD COLUMN procedure_minutes TEXT;
