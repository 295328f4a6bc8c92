-- Every trigger the migrations make, exactly as a freshly migrated database holds it (whitespace
-- aside): the guards that refuse inserting, changing or removing final records, and the triggers that
-- keep the note search index in step. 'db check' reports any that is missing, changed, or not here.
-- A migration that makes, changes or drops a trigger changes this file too; GuardsTest checks them
-- against each other.

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

CREATE TRIGGER session_signed_is_final_update BEFORE UPDATE ON session WHEN OLD.signed_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'signed notes are final: add an addendum instead'); END;

CREATE TRIGGER session_signed_is_final_delete BEFORE DELETE ON session WHEN OLD.signed_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'signed notes are final: add an addendum instead'); END;

CREATE TRIGGER session_modality_signed_insert BEFORE INSERT ON session_modality
WHEN (SELECT signed_at FROM session WHERE id = NEW.session_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'signed notes are final'); END;

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

CREATE TRIGGER session_search_delete AFTER DELETE ON session
BEGIN
    DELETE FROM note_search WHERE session_id = OLD.id;
END;

CREATE TRIGGER care_plan_export_is_permanent_update BEFORE UPDATE ON care_plan_export
BEGIN SELECT RAISE(ABORT, 'the export record is permanent'); END;

CREATE TRIGGER care_plan_export_is_permanent_delete BEFORE DELETE ON care_plan_export
BEGIN SELECT RAISE(ABORT, 'the export record is permanent'); END;

CREATE TRIGGER audit_event_is_append_only_update BEFORE UPDATE ON audit_event
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

CREATE TRIGGER audit_event_is_append_only_delete BEFORE DELETE ON audit_event
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

CREATE TRIGGER session_search_insert AFTER INSERT ON session
BEGIN
    INSERT INTO note_search (rowid, body, session_id, addendum_id)
    VALUES (NEW.id, coalesce(NEW.subjective, '') || char(10) || coalesce(NEW.objective, '') || char(10)
            || coalesce(NEW.assessment, '') || char(10) || coalesce(NEW.plan, ''), NEW.id, NULL);
END;

CREATE TRIGGER session_search_update AFTER UPDATE OF subjective, objective, assessment, plan ON session
BEGIN
    DELETE FROM note_search WHERE rowid = OLD.id;
    INSERT INTO note_search (rowid, body, session_id, addendum_id)
    VALUES (NEW.id, coalesce(NEW.subjective, '') || char(10) || coalesce(NEW.objective, '') || char(10)
            || coalesce(NEW.assessment, '') || char(10) || coalesce(NEW.plan, ''), NEW.id, NULL);
END;

CREATE TRIGGER addendum_search_insert AFTER INSERT ON addendum
BEGIN
    INSERT INTO note_search (rowid, body, session_id, addendum_id) VALUES (-NEW.id, NEW.text, NEW.session_id, NEW.id);
END;

CREATE TRIGGER record_chain_is_append_only_update BEFORE UPDATE ON record_chain
BEGIN SELECT RAISE(ABORT, 'the record chain is append-only'); END;

CREATE TRIGGER record_chain_is_append_only_delete BEFORE DELETE ON record_chain
BEGIN SELECT RAISE(ABORT, 'the record chain is append-only'); END;

CREATE TRIGGER session_signed_insert BEFORE INSERT ON session
WHEN NEW.signed_at IS NOT NULL OR NEW.signed_by IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'signed notes are final: a note is recorded as a draft, then signed'); END;

CREATE TRIGGER addendum_needs_linked_note BEFORE INSERT ON addendum
WHEN (SELECT signed_at FROM session WHERE id = NEW.session_id) IS NOT NULL
 AND NOT EXISTS (SELECT 1 FROM record_chain WHERE record_type = 'session' AND record_id = NEW.session_id)
BEGIN SELECT RAISE(ABORT, 'addenda are for signed notes in the record chain'); END;

CREATE TRIGGER intake_version_is_next_insert BEFORE INSERT ON intake
WHEN NEW.version IS NOT (SELECT coalesce(max(version), 0) + 1 FROM intake WHERE client_id = NEW.client_id)
BEGIN SELECT RAISE(ABORT, 'intakes are permanent: record a new intake instead'); END;

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

CREATE TRIGGER intake_clearance_for_current_intake BEFORE INSERT ON intake_clearance
WHEN NEW.intake_id IS NOT (SELECT latest.id FROM intake latest
                           WHERE latest.client_id = (SELECT client_id FROM intake WHERE id = NEW.intake_id)
                           ORDER BY latest.version DESC LIMIT 1)
BEGIN SELECT RAISE(ABORT, 'a clearance is recorded for the current intake'); END;

CREATE TRIGGER care_plan_export_is_appended_insert BEFORE INSERT ON care_plan_export
WHEN NEW.id <> -1 AND NEW.id <= coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'care_plan_export'), 0)
BEGIN SELECT RAISE(ABORT, 'the export record is permanent: care plans given are appended'); END;

CREATE TRIGGER audit_event_is_appended_insert BEFORE INSERT ON audit_event
WHEN NEW.id <> -1 AND NEW.id <= coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'audit_event'), 0)
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: events are appended'); END;

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

