-- Fees (issue 19): the clinic's currency, a service's price and tax, and the tax registration
-- numbers a receipt shows (the clinic's, or a sole-trader practitioner's own HST/GST/ABN).
-- A price is stored as an integer count of the currency's minor unit (cents; yen have none) with
-- its currency code beside it: SQLite has no exact decimal type (REAL is binary floating point and
-- NUMERIC affinity turns "120.10" into a REAL), whereas integers are exact and sum exactly in SQL
-- for reports. The currency is kept on the price, not only on the clinic, so that a price is never
-- read in a currency it was not set in. The tax rate is a percentage kept as TEXT decimal ("13",
-- "8.875"): exact, read back into a BigDecimal, and never summed in SQL.
ALTER TABLE clinic ADD COLUMN currency TEXT;
ALTER TABLE clinic ADD COLUMN tax_number TEXT;
ALTER TABLE practitioner ADD COLUMN tax_number TEXT;
ALTER TABLE service ADD COLUMN price_minor INTEGER CHECK (price_minor >= 0);
ALTER TABLE service ADD COLUMN price_currency TEXT;
ALTER TABLE service ADD COLUMN tax_rate TEXT;
ALTER TABLE service ADD COLUMN tax_name TEXT;
