-- The procedure codes a service is billed under, as sqlite/V025 adds them: comma-separated codes
-- of templates/billing/codes.yaml, null when none. The table-level GRANTs cover the new column.
ALTER TABLE service ADD COLUMN billing_codes text;
