-- The procedure codes a service is billed under (issue 19), such as "97124,97140": the codes of
-- templates/billing/codes.yaml, checked against it when a service is added or changed, in the
-- order given, comma-separated. Null when none. Kept as the codes themselves, not ids into the
-- template, because a clinic may edit the template: a service keeps the codes it was given.
ALTER TABLE service ADD COLUMN billing_codes TEXT;
