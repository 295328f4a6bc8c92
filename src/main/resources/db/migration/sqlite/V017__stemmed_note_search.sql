-- Note search finds the forms of an English word: "stretch" finds "stretches" and "stretching",
-- "cramp" finds "cramps" and "cramping". The index is rebuilt with FTS5's porter stemmer in front of
-- the same unicode61 tokenizer (accents still ignored), from the same notes and addenda, keyed as in
-- version 7. The triggers that keep it in step name the table, not its tokenizer, and are kept.

DROP TABLE note_search;
CREATE VIRTUAL TABLE note_search USING fts5(
    body,
    session_id UNINDEXED,
    addendum_id UNINDEXED,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

INSERT INTO note_search (rowid, body, session_id, addendum_id)
SELECT id, coalesce(subjective, '') || char(10) || coalesce(objective, '') || char(10)
           || coalesce(assessment, '') || char(10) || coalesce(plan, ''), id, NULL
FROM session ORDER BY id;
INSERT INTO note_search (rowid, body, session_id, addendum_id)
SELECT -id, text, session_id, id FROM addendum ORDER BY id;
