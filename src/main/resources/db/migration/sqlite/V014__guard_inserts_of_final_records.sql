-- Soapstone schema, version 14: guards on what may be inserted into the tables of final records,
-- beside the guards of versions 2 to 5 against changing or removing them. Soapstone's own writes
-- pass them: it records a note as a draft and signs it with an UPDATE, writes an intake's lists
-- before linking the intake, and appends each link after the last one. The database cannot tell
-- Soapstone's INSERT of a new intake, clearance, addendum, care plan or audit event from anyone
-- else's: those are covered by the record chain, its anchors and the clinic's key.

-- A note is signed by 'session sign', which updates a draft: never inserted signed.
CREATE TRIGGER session_signed_insert BEFORE INSERT ON session
WHEN NEW.signed_at IS NOT NULL OR NEW.signed_by IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'signed notes are final: a note is recorded as a draft, then signed'); END;

-- An addendum is for a note that was signed through Soapstone, so is in the record chain (a draft's
-- addendum is refused by addendum_needs_signed_note).
CREATE TRIGGER addendum_needs_linked_note BEFORE INSERT ON addendum
WHEN (SELECT signed_at FROM session WHERE id = NEW.session_id) IS NOT NULL
 AND NOT EXISTS (SELECT 1 FROM record_chain WHERE record_type = 'session' AND record_id = NEW.session_id)
BEGIN SELECT RAISE(ABORT, 'addenda are for signed notes in the record chain'); END;

-- An intake is a numbered version; a correction is the next version.
CREATE TRIGGER intake_version_is_next_insert BEFORE INSERT ON intake
WHEN NEW.version IS NOT (SELECT coalesce(max(version), 0) + 1 FROM intake WHERE client_id = NEW.client_id)
BEGIN SELECT RAISE(ABORT, 'intakes are permanent: record a new intake instead'); END;

-- Nothing is added to an intake's lists once the intake is in the record chain.
CREATE TRIGGER intake_site_is_permanent_insert BEFORE INSERT ON intake_site
WHEN EXISTS (SELECT 1 FROM record_chain WHERE record_type = 'intake' AND record_id = NEW.intake_id)
BEGIN SELECT RAISE(ABORT, 'intakes are permanent'); END;
CREATE TRIGGER intake_condition_is_permanent_insert BEFORE INSERT ON intake_condition
WHEN EXISTS (SELECT 1 FROM record_chain WHERE record_type = 'intake' AND record_id = NEW.intake_id)
BEGIN SELECT RAISE(ABORT, 'intakes are permanent'); END;
CREATE TRIGGER intake_red_flag_is_permanent_insert BEFORE INSERT ON intake_red_flag
WHEN EXISTS (SELECT 1 FROM record_chain WHERE record_type = 'intake' AND record_id = NEW.intake_id)
BEGIN SELECT RAISE(ABORT, 'intakes are permanent'); END;
CREATE TRIGGER intake_consent_element_is_permanent_insert BEFORE INSERT ON intake_consent_element
WHEN EXISTS (SELECT 1 FROM record_chain WHERE record_type = 'intake' AND record_id = NEW.intake_id)
BEGIN SELECT RAISE(ABORT, 'intakes are permanent'); END;
CREATE TRIGGER intake_medication_is_permanent_insert BEFORE INSERT ON intake_medication
WHEN EXISTS (SELECT 1 FROM record_chain WHERE record_type = 'intake' AND record_id = NEW.intake_id)
BEGIN SELECT RAISE(ABORT, 'intakes are permanent'); END;
CREATE TRIGGER intake_surgery_is_permanent_insert BEFORE INSERT ON intake_surgery
WHEN EXISTS (SELECT 1 FROM record_chain WHERE record_type = 'intake' AND record_id = NEW.intake_id)
BEGIN SELECT RAISE(ABORT, 'intakes are permanent'); END;

-- A clearance clears the client's current intake.
CREATE TRIGGER intake_clearance_for_current_intake BEFORE INSERT ON intake_clearance
WHEN NEW.intake_id IS NOT (SELECT latest.id FROM intake latest
                           WHERE latest.client_id = (SELECT client_id FROM intake WHERE id = NEW.intake_id)
                           ORDER BY latest.version DESC LIMIT 1)
BEGIN SELECT RAISE(ABORT, 'a clearance is recorded for the current intake'); END;

-- Care plans given and audit events are appended: none is slipped in under an id given before
-- (one deleted, say). Soapstone lets SQLite choose the id.
CREATE TRIGGER care_plan_export_is_appended_insert BEFORE INSERT ON care_plan_export
WHEN NEW.id <> -1 AND NEW.id <= coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'care_plan_export'), 0)
BEGIN SELECT RAISE(ABORT, 'the export record is permanent: care plans given are appended'); END;
CREATE TRIGGER audit_event_is_appended_insert BEFORE INSERT ON audit_event
WHEN NEW.id <> -1 AND NEW.id <= coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'audit_event'), 0)
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: events are appended'); END;

-- A link follows the last one, for a final record that exists, and once the chain is keyed, with the key.
CREATE TRIGGER record_chain_follows_head_insert BEFORE INSERT ON record_chain
WHEN NEW.previous_hash IS NOT coalesce((SELECT hash FROM record_chain ORDER BY seq DESC LIMIT 1),
                                       '0000000000000000000000000000000000000000000000000000000000000000')
  OR (NEW.seq <> -1 AND NEW.seq IS NOT coalesce((SELECT max(seq) FROM record_chain), 0) + 1)
BEGIN SELECT RAISE(ABORT, 'the record chain is append-only: a link follows the last one'); END;
CREATE TRIGGER record_chain_links_final_record_insert BEFORE INSERT ON record_chain
WHEN NOT CASE NEW.record_type
    WHEN 'session' THEN EXISTS (SELECT 1 FROM session WHERE id = NEW.record_id AND signed_at IS NOT NULL)
    WHEN 'addendum' THEN EXISTS (SELECT 1 FROM addendum WHERE id = NEW.record_id)
    WHEN 'intake' THEN EXISTS (SELECT 1 FROM intake WHERE id = NEW.record_id)
    WHEN 'clearance' THEN EXISTS (SELECT 1 FROM intake_clearance WHERE id = NEW.record_id)
    WHEN 'care-plan' THEN EXISTS (SELECT 1 FROM care_plan_export WHERE id = NEW.record_id)
    WHEN 'audit' THEN EXISTS (SELECT 1 FROM audit_event WHERE id = NEW.record_id)
    ELSE 0 END
BEGIN SELECT RAISE(ABORT, 'a link is for a final record that exists'); END;
CREATE TRIGGER record_chain_stays_keyed_insert BEFORE INSERT ON record_chain
WHEN (SELECT key_id FROM record_chain ORDER BY seq DESC LIMIT 1) IS NOT NULL
 AND NEW.key_id IS NOT (SELECT key_id FROM record_chain ORDER BY seq DESC LIMIT 1)
BEGIN SELECT RAISE(ABORT, 'the record chain is keyed: links are made with the clinic''s key'); END;
