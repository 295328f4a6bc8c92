-- Working hours (issue 18), as sqlite/V023 makes them: one row per range of a day (ISO day of
-- week, local 'HH:MM' text in the clinic's time zone). The owner sets them; therapists and
-- reception read them, by the GRANTs of 'clinic roles init' (ClinicRoles), run again after
-- upgrading.
CREATE TABLE practitioner_hours (
    practitioner_id bigint NOT NULL REFERENCES practitioner (id),
    day_of_week     integer NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
    starts          text NOT NULL,
    ends            text NOT NULL CHECK (ends > starts),
    PRIMARY KEY (practitioner_id, day_of_week, starts)
);
