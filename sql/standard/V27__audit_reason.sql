-- Why an operator opened a member's health data from the console (the reason they typed), kept with the
-- audit entry for the data-protection officer. Null for every other entry; the chain's hash covers it
-- only when present, so entries sealed before this version verify as before.

ALTER TABLE audit_log ADD COLUMN reason VARCHAR(200);
