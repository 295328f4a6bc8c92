-- Soapstone schema, version 10: the name as the client writes it, for printouts (plans, charts,
-- receipts), e.g. "Nguyễn Thị Ánh" or "王秀英"; NULL prints the name they use and their last name.
ALTER TABLE client ADD COLUMN print_name TEXT;
