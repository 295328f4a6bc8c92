-- Fees (issue 19), as sqlite/V024 makes them: the clinic's currency, a service's price and tax, and
-- the tax registration numbers a receipt shows. The price is an integer count of minor units with
-- its currency code, as on SQLite (where no exact decimal type exists), so both databases hold the
-- same values and copy between them unchanged; the tax rate is a TEXT decimal percentage. The
-- table-level GRANTs of 'clinic roles init' cover the new columns.
ALTER TABLE clinic ADD COLUMN currency text;
ALTER TABLE clinic ADD COLUMN tax_number text;
ALTER TABLE practitioner ADD COLUMN tax_number text;
ALTER TABLE service ADD COLUMN price_minor bigint CHECK (price_minor >= 0);
ALTER TABLE service ADD COLUMN price_currency text;
ALTER TABLE service ADD COLUMN tax_rate text;
ALTER TABLE service ADD COLUMN tax_name text;
