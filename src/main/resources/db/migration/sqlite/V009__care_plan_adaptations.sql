-- Soapstone schema, version 9: what each printed care plan was adapted for (one line per change
-- the screening made, as the therapist was told), whether it was the see-a-doctor sheet printed
-- instead of a plan while an urgent referral waited for a doctor, and whether it was large print.
-- Exports recorded before this version are care plans with no recorded adaptations.
ALTER TABLE care_plan_export ADD COLUMN kind TEXT NOT NULL DEFAULT 'care-plan'
    CHECK (kind IN ('care-plan', 'see-a-doctor'));
ALTER TABLE care_plan_export ADD COLUMN adaptations TEXT;
ALTER TABLE care_plan_export ADD COLUMN large_print INTEGER NOT NULL DEFAULT 0 CHECK (large_print IN (0, 1));
