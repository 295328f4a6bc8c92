-- Soapstone schema, version 15: a medicine the catalogue did not recognise, confirmed by the
-- therapist in the interactive intake as a name it knows ("Lipiter" as Lipitor), keeps what was
-- typed in description and the confirmed name here. Hashed into the intake's link only when set,
-- so intakes linked before this version verify as they did.
ALTER TABLE intake_medication ADD COLUMN confirmed_as TEXT;
