-- The clinic's country (ISO 3166 two-letter code, e.g. AU), so that client phone numbers written in
-- its national form ("0412 345 678") are also found in international form ("+61 412 345 678") and
-- the other way round. Unset until 'clinic set --country' is given.
ALTER TABLE clinic ADD COLUMN country TEXT;

-- A client's phone number in international form (E.164, "+61412345678"), read in the clinic's
-- country; the number as typed stays in 'phone'. Derived, so left empty here: the country is not
-- known yet, and setting it fills this in for every client.
ALTER TABLE client ADD COLUMN phone_e164 TEXT;
