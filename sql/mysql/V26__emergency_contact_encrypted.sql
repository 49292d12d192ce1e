-- A health profile's emergency contact (name, phone, relation) is stored encrypted (AES-GCM, purpose
-- health_profiles.emergency_contact); the encrypted text is longer than the JSON it holds. Contacts an
-- earlier version stored in clear are encrypted by the key rotation the server runs at start. MySQL and
-- MariaDB.

ALTER TABLE health_profiles MODIFY emergency_contact VARCHAR(1000);
