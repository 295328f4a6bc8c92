-- Soapstone schema, version 7: the full-text index keyed by the record it indexes.
-- A note's row in note_search is now the session id, an addendum's the addendum id negated. FTS5
-- cannot index session_id, so changing a draft's note used to read every indexed note to find the
-- old row (about 0.1 s with 200,000 notes, on every 'session edit'); now it is found by its key.
-- The index is rebuilt once, with the same content; searches find and rank the same notes.

DROP TRIGGER session_search_insert;
DROP TRIGGER session_search_update;
DROP TRIGGER addendum_search_insert;

DROP TABLE note_search;
CREATE VIRTUAL TABLE note_search USING fts5(
    body,
    session_id UNINDEXED,
    addendum_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO note_search (rowid, body, session_id, addendum_id)
SELECT id, coalesce(subjective, '') || char(10) || coalesce(objective, '') || char(10)
           || coalesce(assessment, '') || char(10) || coalesce(plan, ''), id, NULL
FROM session ORDER BY id;
INSERT INTO note_search (rowid, body, session_id, addendum_id)
SELECT -id, text, session_id, id FROM addendum ORDER BY id;

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
-- session_search_delete (version 3) is kept: no command removes a session, and it removes the
-- session's addenda from the index too.
CREATE TRIGGER addendum_search_insert AFTER INSERT ON addendum
BEGIN
    INSERT INTO note_search (rowid, body, session_id, addendum_id) VALUES (-NEW.id, NEW.text, NEW.session_id, NEW.id);
END;
