-- Soapstone schema, version 4: the update triggers of version 3 checked only the session a
-- modality or area row came from, so a draft's row could be moved onto a signed note
-- (UPDATE session_modality SET session_id = <signed note>). They now check both sessions.

DROP TRIGGER session_modality_signed_update;
CREATE TRIGGER session_modality_signed_update BEFORE UPDATE ON session_modality
WHEN (SELECT signed_at FROM session WHERE id = OLD.session_id) IS NOT NULL
  OR (SELECT signed_at FROM session WHERE id = NEW.session_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'signed notes are final'); END;

DROP TRIGGER session_area_signed_update;
CREATE TRIGGER session_area_signed_update BEFORE UPDATE ON session_area
WHEN (SELECT signed_at FROM session WHERE id = OLD.session_id) IS NOT NULL
  OR (SELECT signed_at FROM session WHERE id = NEW.session_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'signed notes are final'); END;
