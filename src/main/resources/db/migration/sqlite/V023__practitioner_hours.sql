-- Working hours (issue 18): each practitioner's week, one row per range of a day, so a lunch
-- break is two ranges. day_of_week is ISO (1 = Monday ... 7 = Sunday); starts and ends are local
-- times 'HH:MM' in the clinic's time zone, as a therapist says them, not instants: 09:00 stays
-- 09:00 across a daylight-saving change. 'practitioner hours --set' replaces a practitioner's
-- rows, audited; no rows means no hours set (no warnings, a default for free slots).
CREATE TABLE practitioner_hours (
    practitioner_id INTEGER NOT NULL REFERENCES practitioner (id),
    day_of_week     INTEGER NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
    starts          TEXT NOT NULL,
    ends            TEXT NOT NULL CHECK (ends > starts),
    PRIMARY KEY (practitioner_id, day_of_week, starts)
);
