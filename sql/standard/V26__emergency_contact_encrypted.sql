-- A health profile's emergency contact (name, phone, relation) is stored encrypted (AES-GCM, purpose
-- health_profiles.emergency_contact); the encrypted text is longer than the JSON it holds. Contacts an
-- earlier version stored in clear are encrypted by the key rotation the server runs at start. Standard SQL,
-- for H2 and PostgreSQL.

ALTER TABLE health_profiles ALTER COLUMN emergency_contact SET DATA TYPE VARCHAR(1000);
