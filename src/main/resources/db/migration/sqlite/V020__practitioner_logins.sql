-- Identity for a clinic on PostgreSQL (issue 17): a practitioner's PostgreSQL login role, and the
-- login that wrote each audit event. SQLite has no logins, so both stay empty here (Soapstone
-- refuses --db-role on a SQLite file); they exist so that both databases have the same columns and
-- a practice copied between them keeps them. The audit event's login is hashed into the record
-- chain only when set, so every audit event linked before this version still verifies.
ALTER TABLE practitioner ADD COLUMN db_role TEXT;
ALTER TABLE audit_event ADD COLUMN login TEXT;
CREATE UNIQUE INDEX practitioner_db_role ON practitioner (db_role);
